"""The loader: inputs -> articles -> (spaCy) -> sentences and claims -> facts, into one SQLite file.

Stages are looked up through the plugin manager, so a plugin's reader, extractor or linker takes
part without changes here. The database is built in a temporary file beside the target and renamed
over it only on success: a crash or Ctrl-C leaves the previous database as it was. One load at a
time writes a target (a lock file beside it), so two ``--add`` loads never lose each other's work.

Every article passes a fault barrier: whatever goes wrong while reading, parsing, extracting or
writing it (or if it takes longer than its time budget) is one line in the summary, and the other
articles load.
"""
from __future__ import annotations

import gc
import itertools
import glob
import multiprocessing
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, List, Optional
from urllib.parse import urlsplit

import sqlite_utils

from . import plugins, storage
from . import reviews as review_db
from .model import Article
from .extract.readers import DEFAULT_MAX_BYTES, BadInput, clean_name, clean_text, read_manifest

SAMPLE_DIR = Path(__file__).parent / "sample"
SAMPLE_STORY = "syria-2016-02-21"
# beside the sample, not in it (a .csv inside would be read as articles): the dates the texts state
SAMPLE_MANIFEST = Path(__file__).parent / "sample_manifest.csv"
BATCH = 64
# A worker is replaced by a fresh fork after this many batches: spaCy's and the allocator's
# memory creeps up over a long run (bare nlp.pipe grows too), so a worker's peak stays that of a
# short run however long the corpus. A fork of the loaded model costs milliseconds.
WORKER_BATCHES = 10
# Documents the parser takes at once inside a batch. Its working memory grows with the tokens in
# flight (about 900 MB for 64 long articles, 210 MB for 4) while its speed is the same from 4 to 64
# documents on a CPU: small parse batches keep a worker's peak low and independent of which
# articles happen to share a batch.
PARSE_BATCH = 4
# Longer texts are parsed a piece at a time, cut at line breaks (which end sentences anyway), and
# the pieces joined into one Doc: spaCy refuses texts over nlp.max_length (1,000,000 characters)
# and needs about 1 GB of working memory per 100,000 characters it parses at once.
PIECE_CHARS = 100_000
# An article's time budget for parsing and extraction: far more than a linear parse needs (about
# 40 µs a character), so only a pathological input or a bug in a plugin's extractor reaches it.
BUDGET_SECONDS = 30.0
BUDGET_PER_CHAR = 0.0005
# How long a second load waits for the one writing the same target before it gives up.
LOCK_WAIT = 600.0


class Locked(Exception):
    """Another load is writing the target."""


class ArticleTimeout(BaseException):
    """Raised by the alarm inside an over-long parse; a BaseException so that no ``except
    Exception`` in an extractor swallows it."""


@dataclass
class Summary:
    articles: int = 0
    sentences: int = 0
    claims: int = 0
    facts: int = 0
    contested: int = 0
    stories: set = field(default_factory=set)
    detected: set = field(default_factory=set)  # the stories story detection put articles in
    skipped: List[str] = field(default_factory=list)
    documentation: List[str] = field(default_factory=list)  # README and licence files, not articles

    @property
    def exit_code(self) -> int:
        if self.articles == 0:
            return 2
        return 1 if self.skipped else 0

    def lines(self) -> List[str]:
        out = [
            f"articles: {self.articles}", f"sentences: {self.sentences}", f"claims: {self.claims}",
            f"facts: {self.facts}", f"contested facts: {self.contested}",
            f"stories: {len(self.stories)}" + (f" ({len(self.detected)} found by story detection)" if self.detected else ""),
            f"skipped: {len(self.skipped)}",
        ]
        if self.documentation:
            out.insert(-1, f"left out as documentation (README, licence): {len(self.documentation)}")
        out += [f"  skipped {clean_text(s)}" for s in self.skipped]
        return out


@dataclass
class Source:
    """One input file and where it belongs."""

    path: Path
    story: Optional[str]  # None: the story is detected
    relpath: str  # as text: a file name that is not UTF-8 is decoded (see readers.clean_name)


DOCUMENTATION = re.compile(r"(^|[._-])(readme|licen[cs]e\w*|copying|changelog)(\.[a-z0-9]+)?$")


def discover(inputs: Iterable, story: Optional[str] = None, story_mode: str = "auto") -> Iterator[Source]:
    """Folders are recursed: a file's story is the sub-folder it sits in. Loose files (given
    alone, or directly inside an input folder) have no story (None: detected, see stories.py),
    or with ``story_mode="folders"`` the story named after their folder."""
    loose_story = None
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            root = p.resolve()
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    fp = Path(dirpath) / name
                    rel = clean_name(fp.relative_to(root).as_posix())
                    folder = fp.parent.name if fp.parent != root else _loose(root.name, story_mode)
                    yield Source(fp, story or (folder and clean_name(folder)), rel)
        else:
            if loose_story is None:
                loose_story = story or _loose(clean_name(p.resolve().parent.name), story_mode)
            yield Source(p, loose_story, clean_name(p.name))


def _loose(folder: str, story_mode: str) -> Optional[str]:
    return folder if story_mode == "folders" else None


def read_sources(sources: Iterable[Source], manifest: dict, max_bytes: int, summary: Summary) -> Iterator[Article]:
    """Articles from every readable input; what cannot be read is named in the summary."""
    readers = plugins.readers()
    for src in sources:
        reader = readers.get(src.path.suffix.lower())
        name = clean_name(str(src.path))
        if DOCUMENTATION.search(src.path.name.lower()):
            summary.documentation.append(name)  # a corpus's README beside its articles is not news
            continue
        if reader is None:
            summary.skipped.append(f"{name}: unsupported file type '{clean_name(src.path.suffix) or '(none)'}'")
            continue
        meta = manifest.get(src.relpath) or manifest.get(clean_name(src.path.name)) or {}
        try:
            for n, row in enumerate(reader(src.path, max_bytes) if _takes_limit(reader) else reader(src.path), 1):
                if isinstance(row, BadInput):
                    summary.skipped.append(str(row))
                    continue
                try:
                    article = _article(src, row, meta)
                except Exception as e:  # a reader plugin's odd row: that row only
                    summary.skipped.append(f"{name}, row {n}: could not be read ({_reason(e)})")
                    continue
                yield article
        except BadInput as e:
            summary.skipped.append(str(e))
        except Exception as e:  # a reader plugin's bug must not lose the other inputs
            summary.skipped.append(f"{name}: could not be read ({_reason(e)})")


def _reason(e: BaseException) -> str:
    """An exception on one line (spaCy's messages span several), cut to a readable length."""
    text = " ".join(clean_text(str(e)).split())
    return f"{type(e).__name__}: {text[:300]}" if text else type(e).__name__


def _takes_limit(reader) -> bool:
    try:
        return reader.__code__.co_argcount >= 2
    except AttributeError:
        return False


# a file name that is an id ("000_f6ae5b9c48440f8c", "2024-05-01") names no outlet
ID_LIKE = re.compile(r"[0-9a-f]{8,}|^[\W\d_]*$", re.I)
TITLE_WORDS = 12


def _article(src: Source, row: dict, meta: dict) -> Article:
    """Every field as clean text: no lone surrogate reaches spaCy or SQLite. An outlet with no
    name is its site, or its file's stem unless that looks like an id (then the headline does)."""
    def text(value):
        return clean_text(str(value)) if value is not None else None

    url = meta.get("url") or row.get("url")
    site = (urlsplit(url).hostname or "").removeprefix("www.") if isinstance(url, str) and "//" in url else ""
    stem = src.path.stem if not ID_LIKE.search(src.path.stem) else None
    return Article(
        story=text(row.get("story") or meta.get("story") or src.story),
        path=text(row.get("path") or src.relpath),
        text=text(row["text"]),
        outlet=text(meta.get("outlet") or row.get("outlet") or site or (clean_name(stem) if stem else None)),
        title=text(meta.get("title") or row.get("title")),
        url=text(url),
        published=text(meta.get("published") or row.get("published")),
    )


# where a lead's first clause ends: a comma, semicolon, colon or dash, or the sentence's end
CLAUSE_END = re.compile(r"[,;:]\s|\s[—–-]\s|[.!?]\s*$")


def lead_title(lead) -> str:
    """A title from the lead when the text prints no headline: its first clause ('Two massive
    bomb attacks killed 88 people in government-held areas of Syria') when that is five to
    eighteen words, as a headline is; else the lead's first twelve words and '…'."""
    words = (lead or "").split()
    if not words:
        return ""
    end = CLAUSE_END.search(lead)
    clause = lead[:end.start()].split() if end else []
    if 5 <= len(clause) <= TITLE_WORDS + 6:  # not an opening phrase ('In Homs,'), not a long sentence
        return " ".join(clause)
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def name_article(article_row: dict, sentence_rows: list, claim_rows: list) -> None:
    """The title is the detected headline: a reader's first-line guess that the segmenter marked
    furniture, byline, caption or body (the lead) gives way to the headline printed before the
    body, or failing one to the lead's first words. An outlet with no name takes the title."""
    title = article_row.get("title")
    text = article_row.get("text") or ""
    kinds = {s["kind"] for s in sentence_rows
             if title and text.find(title) >= 0 and text.find(title) <= s["start"] < text.find(title) + len(title)}
    if not title or (kinds and "headline" not in kinds):
        body_at = min((s["idx"] for s in sentence_rows if s["kind"] == "body"), default=len(sentence_rows))
        heads = [s["text"] for s in sentence_rows if s["kind"] == "headline" and s["idx"] < body_at]
        lead = next((s["text"] for s in sentence_rows if s["kind"] == "body"), None)
        title = heads[0] if heads else lead_title(lead) or title
        article_row["title"] = title
    if not article_row.get("outlet"):
        article_row["outlet"] = title or article_row.get("path")
        for c in claim_rows:
            c["outlet"] = article_row["outlet"]


# ---- the per-article work, run in worker processes -------------------------------------------

_NLP = None


def _init_worker(model_name):
    global _NLP
    from .extract import nlp

    _NLP = nlp.load(model_name)


def _init_pool_worker(model_name, parent: int):
    """A worker leaves Ctrl-C and SIGTERM to the parent (which terminates the pool) and exits on
    its own when the parent dies, even in the middle of a long parse."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="factcheck-parent-watch").start()
    _init_worker(model_name)


def article_budget(article: Article) -> float:
    """Seconds the article may take to parse and extract."""
    return BUDGET_SECONDS + BUDGET_PER_CHAR * len(article.text)


@contextmanager
def _time_budget(seconds: float):
    """Raise ArticleTimeout in this thread after ``seconds`` (where there is SIGALRM and this is
    the main thread; elsewhere no budget is enforced)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _pieces(text: str, limit: int) -> Iterator[str]:
    """Consecutive slices of text of at most limit characters, cut after a line break where there
    is one, else after a space, else anywhere: joined they are text again."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        yield text[start:cut]
        start = cut
    yield text[start:]


def _parse(texts: List[str]) -> list:
    """Docs for texts; one longer than PIECE_CHARS (or than the model's limit) is parsed in pieces
    and joined into one Doc whose text is the whole article."""
    limit = min(PIECE_CHARS, _NLP.max_length)
    if all(len(t) <= limit for t in texts):
        return list(_NLP.pipe(texts, batch_size=PARSE_BATCH))
    from spacy.tokens import Doc

    return [Doc.from_docs(list(_NLP.pipe(_pieces(t, limit), batch_size=PARSE_BATCH)), ensure_whitespace=False)
            if len(t) > limit else _NLP(t) for t in texts]


def process_batch(articles: List[Article]) -> list:
    """Parse and extract a batch, PARSE_BATCH articles at a time: rows ready to write, or for an
    article that failed or ran out of time, one line saying which and why."""
    out = []
    for i in range(0, len(articles), PARSE_BATCH):
        out.extend(_process_group(articles[i:i + PARSE_BATCH]))
    return out


def _process_group(articles: List[Article]) -> list:
    from .extract.claims import extract_article

    try:
        with _time_budget(sum(article_budget(a) for a in articles)):
            out = []
            for article, doc in zip(articles, _parse([a.text for a in articles])):
                try:
                    out.append(extract_article(article, doc))
                except Exception as e:  # one article that trips the extractor must not lose the others
                    out.append(f"{_where(article)}: could not be extracted ({_reason(e)})")
            return out
    except (Exception, ArticleTimeout) as e:
        if len(articles) > 1:  # find the article that failed or was slow: each again on its own
            return [row for a in articles for row in _process_group([a])]
        if isinstance(e, ArticleTimeout):
            return [f"{_where(articles[0])}: took longer than its time budget "
                    f"({article_budget(articles[0]):.0f} s for {len(articles[0].text):,} characters)"]
        return [f"{_where(articles[0])}: could not be parsed ({_reason(e)})"]


def _where(article: Article) -> str:
    return f"{article.story}/{article.path}"


def _batches(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


def build(
    output,
    inputs: Iterable = (),
    story: Optional[str] = None,
    manifest=None,
    add: bool = False,
    processes: int = 1,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: Optional[str] = None,
    batch_size: int = BATCH,
    wait: float = LOCK_WAIT,
    stories: str = "auto",
    scheduler: Optional[str] = None,
    workers: int = 0,
    reviews=None,
) -> Summary:
    """Build (or with ``add``, extend) the database at ``output``; returns what was loaded and skipped.

    Raises Locked if another load still writes ``output`` after ``wait`` seconds.
    ``stories="auto"``: articles whose input names no story are grouped by story detection
    (stories.py). ``scheduler`` or ``workers``: parse, extract and link on Dask (distributed.py).
    ``reviews``: the reviewers' database (default: ``<output stem>-reviews.db`` beside it, if there
    is one), whose joins, splits, exclusions and corrected values the linker follows."""
    output = Path(output)
    inputs = list(inputs)
    summary = Summary()
    if not inputs:
        inputs = [SAMPLE_DIR]
        manifest = manifest or SAMPLE_MANIFEST
        story = story or SAMPLE_STORY
    for raw in inputs:
        if not Path(raw).exists():
            summary.skipped.append(f"{raw}: no such file or folder")
    inputs = [i for i in inputs if Path(i).exists()]
    manifest_rows = read_manifest(Path(manifest)) if manifest else {}
    corrections = _corrections(reviews if reviews is not None else review_db.default_path(output), summary)

    output.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(output, wait):
        _build_locked(output, inputs, story, manifest_rows, add, processes, progress, max_bytes, model,
                      batch_size, summary, stories, scheduler, workers, corrections)
    return summary


def _corrections(path, summary: Summary):
    """The reviews to follow; an unreadable reviews file is named, and the build goes on without it."""
    try:
        return review_db.read(path)
    except Exception as e:
        summary.skipped.append(f"{clean_name(str(path))}: reviews not read ({_reason(e)})")
        return review_db.Corrections()


@contextmanager
def _writer_lock(output: Path, wait: float):
    """Hold the target's lock file; with it held, temporary files a killed build left are stale."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(output.parent / f".{output.name}.lock"))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise Locked(f"{clean_name(str(output))} is being written by another load "
                     f"(waited {wait:g} s for {clean_name(lock.lock_file)})") from None
    try:
        pattern = f".{glob.escape(output.name)}.{'?' * 8}.tmp"  # mkstemp's name: 8 random characters
        for stale in glob.glob(os.path.join(glob.escape(str(output.parent)), pattern)):
            os.unlink(stale)
        yield
    finally:
        lock.release()


def _build_locked(output, inputs, story, manifest_rows, add, processes, progress, max_bytes, model,
                  batch_size, summary, stories="auto", scheduler=None, workers=0, corrections=None):
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    try:
        if add and output.exists():
            shutil.copyfile(output, tmp)
        else:
            os.unlink(tmp)
        db = sqlite_utils.Database(tmp)
        storage.fast_writes(db)
        storage.ensure_db_shape(db)
        articles = read_sources(discover(inputs, story, stories), manifest_rows, max_bytes, summary)
        engine = _engine(scheduler, workers, model)
        try:
            detection = _detection(db)
            _load(db, detection.stream(articles), summary, processes, progress, model, batch_size, engine)
            summary.detected = detection.found
            detection.write_names()
            if corrections and corrections.excluded:
                storage.drop_claims(db, corrections.excluded)
            if summary.articles and engine is not None:
                engine.link(db, sorted(summary.stories), lambda s, rows: storage.write_facts(db, s, *rows),
                            corrections)
            elif summary.articles:
                for s in sorted(summary.stories):
                    _link_story(db, s, corrections)
        finally:
            if engine is not None:
                engine.close()
        for s in summary.stories:
            row = db["stories"].get(s)
            summary.facts += row["fact_count"] or 0
            summary.contested += row["contested_count"] or 0
        # VACUUM rewrites the file through the journal, which journal_mode MEMORY keeps in RAM: a
        # copy of the whole database (116 MB more at 10,000 articles). The temporary file is thrown
        # away on any failure, so it needs no journal
        db.execute("PRAGMA journal_mode = OFF")
        storage.finish(db)
        db.close()
        if summary.articles or not output.exists():
            _fsync(tmp)
            os.replace(tmp, output)
        else:
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fsync(path) -> None:
    """The temporary file is written without syncs (it is thrown away on any failure): make it
    durable once, before it replaces the database."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _progress(progress: bool):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(desc="articles", unit=" art", file=sys.stderr, dynamic_ncols=True)


def _engine(scheduler, workers, model):
    if not (scheduler or workers):
        return None
    from .distributed import DaskEngine

    return DaskEngine(scheduler, workers, model)


def _detection(db):
    from .stories import Detection

    return Detection(db)


def _load(db, articles, summary, processes, progress, model, batch_size, engine=None):
    bar = _progress(progress)
    batches = _batches(articles, batch_size)
    first = next(batches, None)
    if first is None:  # nothing to parse: no pool to start (and none to stop mid-start)
        return
    batches = itertools.chain([first], batches)
    pool = None
    frozen = False
    finished = False
    try:
        if engine is not None:
            results = engine.map_batches(batches)
        elif processes and processes > 1:
            method = "fork" if sys.platform != "win32" else "spawn"
            if method == "fork":
                # Load the model once, here: forked workers share its pages instead of each
                # loading a copy (as spaCy's own nlp.pipe(n_process=...) does); their initializer
                # then finds it in nlp.load's cache.
                _init_worker(model)
                gc.freeze()  # the workers' collector need not walk (and so copy) the model's objects
                frozen = True
            ctx = multiprocessing.get_context(method)
            pool = ctx.Pool(processes, initializer=_init_pool_worker, initargs=(model, os.getpid()),
                            maxtasksperchild=WORKER_BATCHES)
            results = _bounded_imap(pool, process_batch, batches, window=2 * processes)
        else:
            _init_worker(model)
            results = map(process_batch, batches)
        for rows in results:
            written = []
            for row in rows:
                if isinstance(row, str):
                    summary.skipped.append(row)
                else:
                    name_article(*row)
                    written.append(row)
            written = _write(db, written, summary)
            for article_row, sentence_rows, claim_rows in written:
                summary.stories.add(article_row["story"])
                summary.articles += 1
                summary.sentences += len(sentence_rows)
                summary.claims += len(claim_rows)
            if bar is not None:
                bar.update(len(rows))
        finished = True
    finally:
        if pool is not None:
            if finished:  # every batch is back: let the workers finish and exit on their own
                pool.close()
                pool.join()
            else:
                pool.terminate()
        if frozen:
            gc.unfreeze()
        if bar is not None:
            bar.close()


def _write(db, rows: list, summary: Summary) -> list:
    """Write a batch in one transaction; if that fails, each article alone, naming those that fail."""
    try:
        storage.write_articles(db, rows)
        return rows
    except Exception as e:
        if len(rows) > 1:
            return [r for row in rows for r in _write(db, [row], summary)]
        if rows:
            article = rows[0][0]
            summary.skipped.append(f"{article.get('story')}/{article.get('path')}: could not be written ({_reason(e)})")
        return []


def _bounded_imap(pool, func, batches: Iterable, window: int) -> Iterator:
    """Like pool.imap, in order, but with at most ``window`` batches handed out and not yet
    collected: Pool.imap reads its whole input at once, which would hold every article in memory."""
    pending: deque = deque()
    for batch in batches:
        pending.append(pool.apply_async(func, (batch,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _link_story(db, story: str, corrections=None) -> None:
    storage.write_facts(db, story, *link_rows(storage.story_claims(db, story), story, corrections))


def link_rows(claims: list, story: str, corrections=None) -> tuple:
    """A story's facts and its claims' updates, from its claims alone (so a Dask worker can link).
    Reviewers' corrections: a claim that is no figure is left out (the loader drops it), a misread value is
    corrected (in the claims table too), joins and splits are must- and cannot-links."""
    from .link import facts_to_rows

    must, cannot = corrections.constraints() if corrections else (set(), set())
    linked = corrections.correct_claims(claims) if corrections else claims
    facts = plugins.get_plugin_manager().hook.factcheck_link(
        claims=linked, story=story, vocabulary=set(plugins.measures()), must=must, cannot=cannot)
    facts, updates = facts_to_rows(facts, linked)
    if corrections:
        for c in linked:
            if c["id"] in corrections.values:
                updates.setdefault(c["id"], {}).update(value=c["value"], low=None, high=None)
    return facts, updates
