"""Story detection: articles whose input does not say which story they belong to are grouped by
what they report and when.

Online (single pass, in input order): each article joins the most similar story of the few days
around its date, or starts a new one. One pass keeps the loader streaming and its memory bounded
by the stories, not the articles, and the same mechanism serves ``--add``: the stories already in
the database are fed in first, then the new articles join them or start their own. A story's id
comes from its first article, so adding articles never renames it (its name may grow better).

Similarity is TF-IDF cosine over content words, capitalised names and numbers (headline counted
twice), with scikit-learn's HashingVectorizer (stateless, so no vocabulary to fit or store) and a
running document frequency. TF-IDF rather than MinHash/LSH: the candidates are only the stories of
a few days, so exact cosine is affordable, and it weighs shared rare words (names, places, figures)
above shared common ones, which set-overlap sketches do not.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Dict, Iterable, List, Optional

import numpy as np

from .model import stable_id

FEATURES = 2 ** 20
# Cosine (TF-IDF) above which an article joins a story; chosen on ten shuffles of the mixed
# development stories (scripts/evaluate_stories.py): mean B-cubed precision 0.968, recall 0.986
# (0.12: 0.958 / 0.991; 0.14: 0.971 / 0.980).
THRESHOLD = 0.13
WINDOW_DAYS = 3

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)(?!\d)"
    rf"|\b(?P<mon2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b"
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon3>{_MONTH})\.?,?\s+(?P<y3>(?:19|20)\d\d)\b",
    re.I,
)


def article_date(published: Optional[str], text: str, head: int = 2000) -> Optional[date]:
    """The publication date, else the date the text's opening gives most often (a page's crawl
    date in its furniture appears once; 'Published : Feb 22, 2016', 'Updated : ...' twice)."""
    if published:
        found = _dates(published)
        if found:
            return found[0]
    found = Counter(_dates(text[:head]))
    return min(found, key=lambda d: (-found[d], d)) if found else None


def _dates(text: str) -> List[date]:
    out = []
    for m in DATE_RE.finditer(text):
        try:
            if m.group("y1"):
                out.append(date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))))
            else:
                n = "2" if m.group("y2") else "3"
                out.append(date(int(m.group("y" + n)), _MONTHS[m.group("mon" + n).lower()], int(m.group("d" + n))))
        except ValueError:
            continue
    return out


def _vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=FEATURES, alternate_sign=False, norm=None, stop_words="english",
        token_pattern=r"(?u)\b[^\W\d_][\w'’-]*[^\W_]\b|\b\d[\d,.]*\d\b|\b\d\b",
    )


def _stop_words():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS


@dataclass
class Story:
    id: str
    tf: object  # scipy sparse row: the summed term counts of its articles
    first: Optional[date]
    last: Optional[date]
    headlines: List[str] = field(default_factory=list)
    dates: Counter = field(default_factory=Counter)
    vector: object = None  # its TF-IDF, weighed when it last changed (a story not joined keeps its own)

    def near(self, day: Optional[date], window: int) -> bool:
        if day is None or self.first is None:
            return True
        return self.first - timedelta(days=window) <= day <= self.last + timedelta(days=window)

    def name(self) -> str:
        return headline_name(self.headlines, self.dates, self.id)


def central_headline(titles: List[Optional[str]]) -> Optional[str]:
    """The headline that shares the most words with the story's other headlines (the first of
    equals): a real headline names a story better than a folder's or a build's id."""
    stop = _stop_words()
    heads = [t.strip() for t in titles if t and t.strip()]
    words = [{w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", h)} - stop for h in heads]
    if not heads:
        return None
    df = Counter(w for ws in words for w in ws)  # words shared with the others, counted once: linear in headlines
    score = [sum(df[w] - 1 for w in ws) for ws in words]
    return heads[max(range(len(heads)), key=lambda i: (score[i], -i))]


def headline_name(headlines: List[str], dates: Counter, fallback: str) -> str:
    """A story's readable name: its most shared headline words, in the order the first headline
    gives them, and its most named date."""
    stop = _stop_words()
    counts: Counter = Counter()
    order: Dict[str, int] = {}
    for h in headlines:
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", h) if w.lower() not in stop]
        for w in dict.fromkeys(x.lower() for x in words):
            counts[w] += 1
        for w in words:
            order.setdefault(w.lower(), len(order))
    top = sorted(counts, key=lambda w: (-counts[w], order[w]))[:5]
    shown = {}
    for h in headlines:
        for w in re.findall(r"[^\W\d_][\w'’-]*", h):
            shown.setdefault(w.lower(), w)
    words = " ".join(shown[w] for w in sorted(top, key=order.get)) or fallback
    day = dates.most_common(1)[0][0] if dates else None
    return f"{words} · {day.isoformat()}" if day else words


class StoryDetector:
    """Groups articles into stories, one article at a time."""

    def __init__(self, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS):
        self.threshold = threshold
        self.window = window_days
        self.vectorizer = _vectorizer()
        self.df = np.zeros(FEATURES, dtype=np.int32)
        self.n = 0
        self.stories: Dict[str, Story] = {}
        self.changed: set = set()

    def _tf(self, title: Optional[str], text: str):
        return self.vectorizer.transform([f"{title or ''}\n{text}"]).tocsr()

    def _count(self, tf) -> None:
        self.df[tf.indices] += 1
        self.n += 1

    def _idf(self, indices):
        return np.log((1 + self.n) / (1 + self.df[indices])) + 1

    def _tfidf(self, tf):
        v = tf.copy()
        v.data = (1 + np.log(v.data)) * self._idf(v.indices)
        norm = np.sqrt((v.data ** 2).sum())
        if norm:
            v.data /= norm
        return v

    def add(self, story_id: str, title: Optional[str], text: str, published: Optional[str] = None) -> None:
        """An article whose story is known (a story already in the database, before ``--add``)."""
        tf = self._tf(title, text)
        self._count(tf)
        self._join(story_id, tf, title, article_date(published, text))

    def assign(self, path: str, title: Optional[str], text: str, published: Optional[str] = None) -> str:
        """The story of a new article: the most similar story near its date, or a new one."""
        tf = self._tf(title, text)
        self._count(tf)
        day = article_date(published, text)
        v = self._tfidf(tf)
        best, best_sim = None, self.threshold
        for story in self.stories.values():
            if not story.near(day, self.window):
                continue
            if story.vector is None:
                story.vector = self._tfidf(story.tf)
            sim = float(v.multiply(story.vector).sum())
            if sim >= best_sim:
                best, best_sim = story.id, sim
        if best is None:
            best = story_id(path, day)
        self._join(best, tf, title, day)
        self.changed.add(best)
        return best

    def _join(self, sid: str, tf, title: Optional[str], day: Optional[date]) -> None:
        story = self.stories.get(sid)
        if story is None:
            story = self.stories[sid] = Story(sid, tf, day, day)
        else:
            story.tf = story.tf + tf
            story.vector = None
            if day is not None:
                story.first = min(story.first or day, day)
                story.last = max(story.last or day, day)
        if title:
            story.headlines.append(title)
        if day is not None:
            story.dates[day] += 1

    def names(self, stories: Optional[Iterable[str]] = None) -> Dict[str, str]:
        return {s: self.stories[s].name() for s in (self.changed if stories is None else stories) if s in self.stories}


class Detection:
    """The loader's story detection: articles without a story get one as they stream past; with
    ``--add`` the stories already in ``db`` are learnt first, so new articles may join them."""

    def __init__(self, db, threshold: float = THRESHOLD):
        self.db = db
        self.threshold = threshold
        self.detector: Optional[StoryDetector] = None

    def stream(self, articles: Iterable) -> Iterable:
        for article in articles:
            if article.story is None:
                if self.detector is None:
                    self.detector = StoryDetector(self.threshold)
                    for row in self.db.query("select story, title, text, published from articles order by rowid"):
                        self.detector.add(row["story"], row["title"], row["text"], row["published"])
                article.story = self.detector.assign(article.path, article.title, article.text, article.published)
            yield article

    @property
    def found(self) -> set:
        return set(self.detector.changed) if self.detector else set()

    def write_names(self) -> None:
        """Detected stories' names, and for a story given by folder or ``--story`` whose name is
        still its id, its most central headline: pages show 'Series of bombings in Homs, Damascus
        kill 119', not 'syria-2016-02-21'."""
        from . import storage

        unnamed = defaultdict(list)
        for row in self.db.query("select a.story, a.title from articles a "
                                 "join stories s on s.id = a.story where s.name = s.id order by a.rowid"):
            unnamed[row["story"]].append(row)
        named = {story: central_headline([r["title"] for r in rows]) for story, rows in unnamed.items()}
        storage.name_stories(self.db, {story: name for story, name in named.items() if name})
        if self.detector:
            storage.name_stories(self.db, self.detector.names())


def story_id(first_path: str, day: Optional[date]) -> str:
    """From the story's first article (and its date, to read well in a URL): stable once given."""
    h = stable_id("story", first_path)
    return f"{day.isoformat()}-{h}" if day else h


# ---- measuring it ----------------------------------------------------------------------------

def bcubed(truth: Dict[str, str], found: Dict[str, str]) -> tuple:
    """B-cubed precision and recall of ``found`` (item -> cluster) against ``truth``."""
    by_found: Dict[str, set] = {}
    by_truth: Dict[str, set] = {}
    for item in truth:
        by_found.setdefault(found[item], set()).add(item)
        by_truth.setdefault(truth[item], set()).add(item)
    precision = recall = 0.0
    for item in truth:
        same = len(by_found[found[item]] & by_truth[truth[item]])
        precision += same / len(by_found[found[item]])
        recall += same / len(by_truth[truth[item]])
    return precision / len(truth), recall / len(truth)


def evaluate_folders(roots: Iterable, seed: int = 0, threshold: float = THRESHOLD) -> dict:
    """Every story folder under ``roots`` (a folder name seen twice is read once) mixed into one
    shuffled feed with the labels hidden, detected, and scored by B-cubed against the folders."""
    import random
    from pathlib import Path

    from .pipeline import Summary, discover, read_sources

    folders = {}
    for root in roots:
        root = Path(root)
        if root.is_dir():
            for d in sorted(root.iterdir()):
                if d.is_dir() and not d.name.startswith("."):
                    folders.setdefault(d.name, d)
    summary = Summary()
    articles = list(read_sources(discover(folders.values(), story_mode="folders"), {}, 0, summary))
    random.Random(seed).shuffle(articles)
    detector = StoryDetector(threshold=threshold)
    truth, found = {}, {}
    for i, a in enumerate(articles):
        key = f"{a.story}/{a.path}"
        truth[key] = a.story
        found[key] = detector.assign(a.path, a.title, a.text, a.published)
    p, r = bcubed(truth, found)
    return {"articles": len(articles), "stories": len(set(truth.values())),
            "found": len(set(found.values())), "precision": p, "recall": r, "skipped": summary.skipped}
