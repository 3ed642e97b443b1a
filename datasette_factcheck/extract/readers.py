"""Input readers: one file in, article dicts out, or a clear ``BadInput`` naming the file and why.

Built-in readers are registered through the ``factcheck_readers`` hook (see ``builtins.py``) so a
plugin can add a format or replace one.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ROW_FIELDS = ("text", "title", "outlet", "url", "published", "story", "id")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(s: str) -> str:
    """Lone surrogates (a JSON "\\ud800", a file name that is not UTF-8) replaced one for one by
    U+FFFD: neither spaCy nor SQLite can encode them, and offsets stay as they were."""
    return _SURROGATES.sub("\ufffd", s)


def clean_name(name: str) -> str:
    """A file name as text: names that are not UTF-8 (read by Python with surrogate escapes) are
    decoded as Windows-1252, where they most likely come from."""
    try:
        raw = os.fsencode(name)
    except UnicodeError:
        return clean_text(name)
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1")


class BadInput(Exception):
    """A file or a row that cannot be loaded; the message names the place and the reason."""

    def __init__(self, path, reason: str, row: Optional[int] = None):
        self.path = clean_name(str(path))
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


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are read as Latin-1 does
codecs.register_error("factcheck_latin1", lambda e: (e.object[e.start:e.end].decode("latin-1"), e.end))


def decode(data: bytes, path) -> str:
    """A byte-order mark, else UTF-8. Else text that is mostly ASCII is Western: Windows-1252 (the
    usual legacy encoding of news text, read as Latin-1 where it has no character). Else
    charset-normalizer says which (UTF-16/32 without a BOM, Cyrillic, Japanese ...); detectors
    are unreliable on a few accented letters, hence the order. What decodes to control characters
    is refused as binary."""
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                pass
            break
    has_nul = b"\x00" in data[:8192]
    if text is None and not has_nul:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if len(data.translate(None, bytes(range(128)))) < len(data) / 10:
                text = data.decode("cp1252", "factcheck_latin1")
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            text = str(best)
        elif has_nul:
            raise BadInput(path, "binary file (contains NUL bytes and no text encoding fits), not text")
        else:
            text = data.decode("cp1252", "factcheck_latin1")
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
    """One article a row; a malformed row is reported and the rows after it still load."""
    text = read_text(path, max_bytes)
    # a field may be as long as a whole article file (csv's default limit is 131,072 characters)
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes or sys.maxsize, 2**31 - 1)))
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as e:
        raise BadInput(path, f"malformed CSV header ({e})")
    if not fieldnames or "text" not in [f.strip() for f in fieldnames]:
        raise BadInput(path, "CSV has no 'text' column")
    n = 1  # row numbers as a spreadsheet shows them: the header is row 1
    while True:
        n += 1
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield BadInput(path, f"malformed CSV ({e})", row=n)
            continue
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
