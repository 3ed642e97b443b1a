"""Input readers: one file in, article dicts out, or a clear ``BadInput`` naming the file and why.

Built-in readers are registered through the ``factcheck_readers`` hook (see ``builtins.py``) so a
plugin can add a format or replace one.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterator, Optional

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ROW_FIELDS = ("text", "title", "outlet", "url", "published", "story", "id")


class BadInput(Exception):
    """A file or a row that cannot be loaded; the message names the place and the reason."""

    def __init__(self, path, reason: str, row: Optional[int] = None):
        self.path = str(path)
        self.reason = reason
        self.row = row
        where = f"{self.path}, row {row}" if row is not None else self.path
        super().__init__(f"{where}: {reason}")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise BadInput(path, f"cannot read ({e.strerror or e})")
    if size == 0:
        raise BadInput(path, "empty file")
    if max_bytes and size > max_bytes:
        raise BadInput(path, f"too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
    try:
        return path.read_bytes()
    except OSError as e:
        raise BadInput(path, f"cannot read ({e.strerror or e})")


def decode(data: bytes, path) -> str:
    """UTF-8 first, then the usual fallbacks (BOMs, Windows-1252); binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    head = data[:8192]
    if b"\x00" in head:
        raise BadInput(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BadInput(path, "not UTF-8 text, and no fallback encoding (cp1252) fits")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text[:8192]) // 100):
        raise BadInput(path, "binary file (control characters), not text")
    if not text.strip():
        raise BadInput(path, "empty file (only white space)")
    return text


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), path).replace("\r\n", "\n").replace("\r", "\n")


def _first_line_title(text: str) -> Optional[str]:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None


def read_plain(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[dict]:
    text = read_text(path, max_bytes)
    yield {"text": text, "title": _first_line_title(text)}


def read_html(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[dict]:
    """Article text and metadata through trafilatura, which drops navigation, ads and comments."""
    import trafilatura

    html = read_text(path, max_bytes)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=False,
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise BadInput(path, "no article text found in the HTML page")
    title = getattr(doc, "title", None)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    yield {
        "text": text,
        "title": title,
        "url": getattr(doc, "url", None),
        "published": getattr(doc, "date", None),
        "outlet": getattr(doc, "sitename", None),
    }


def _row(path, n: int, raw) -> dict:
    if not isinstance(raw, dict):
        raise BadInput(path, "row is not an object with a 'text' field", row=n)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput(path, "row has no 'text'", row=n)
    row = {k: (str(raw[k]).strip() if raw.get(k) not in (None, "") else None) for k in ROW_FIELDS if k != "text"}
    row["text"] = text.replace("\r\n", "\n")
    row["path"] = row.pop("url", None) or row.get("id") or f"{Path(path).name}#{n}"
    row["url"] = raw.get("url") or None
    row.pop("id", None)
    if not row.get("title"):
        row["title"] = _first_line_title(row["text"])
    return row


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator:
    """One article a line; a malformed line is reported and the rest still load."""
    text = read_text(path, max_bytes)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as e:
            yield BadInput(path, f"malformed JSON ({e.msg})", row=n)
            continue
        try:
            yield _row(path, n, raw)
        except BadInput as e:
            yield e


def read_csv(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator:
    text = read_text(path, max_bytes)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise BadInput(path, "CSV has no 'text' column")
    for n, raw in enumerate(reader, start=2):  # row numbers as a spreadsheet shows them
        if None in raw:
            yield BadInput(path, "row has more fields than the header", row=n)
            continue
        try:
            yield _row(path, n, {k.strip(): v for k, v in raw.items()})
        except BadInput as e:
            yield e


BUILTIN_READERS = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}


def read_manifest(path: Path) -> dict:
    """CSV with file, outlet, url, published, title: keyed by the file's relative path and name."""
    text = read_text(Path(path), 0)
    rows = {}
    for raw in csv.DictReader(io.StringIO(text)):
        key = (raw.get("file") or "").strip()
        if not key:
            continue
        meta = {k: (raw.get(k) or "").strip() or None for k in ("outlet", "url", "published", "title", "story")}
        rows[key] = meta
        rows.setdefault(Path(key).name, meta)
    return rows
