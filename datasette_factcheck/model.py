"""The records that flow through the pipeline: article -> sentences -> claims -> facts.

Plain dataclasses so that every stage, plugin and test can build them without a database or spaCy.
Ids come from content (story, path, offsets), never from insertion order, so that a URL shared
before a rebuild opens the same row after it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict
from typing import Optional

SENTENCE_KINDS = ("body", "headline", "caption", "byline", "furniture")
BOUNDS = ("exact", "at_least", "more_than", "about", "up_to", "less_than")
TIME_FRAMES = ("event", "earlier", "running_total", "dated", "hypothetical", "forecast")
STATUSES = ("single", "agree", "compatible", "conflict")


def stable_id(*parts) -> str:
    """A short hex id from content; the same parts give the same id on every machine."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:12]


@dataclass
class Article:
    story: str
    path: str
    text: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None

    @property
    def id(self) -> str:
        return stable_id("article", self.story, self.path)

    def row(self) -> dict:
        d = asdict(self)
        d["id"] = self.id
        return d


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    kind: str = "body"
    paragraph: int = 0
    index: int = 0

    def id_for(self, article_id: str) -> str:
        return stable_id("sentence", article_id, self.start, self.end)


@dataclass
class Claim:
    """One figure an article asserts. start/end point into the article text, hedge words included."""

    start: int
    end: int
    text: str
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "exact"
    unit: Optional[str] = None
    measure: Optional[str] = None
    subject: Optional[str] = None
    place: Optional[str] = None
    source: Optional[str] = None
    time_frame: str = "event"
    time_text: Optional[str] = None
    period: Optional[str] = None  # the span it counts over or compares across: day, week, month, quarter, year
    superseded: bool = False
    kind: str = "cardinal"
    extractor: str = "builtin"
    sentence_index: int = 0
    # set by the pipeline / linker
    article_id: Optional[str] = None
    sentence_id: Optional[str] = None
    outlet: Optional[str] = None
    fact_id: Optional[str] = None
    story: Optional[str] = None

    def id_for(self, article_id: str) -> str:
        return stable_id("claim", article_id, self.start, self.end)

    @property
    def id(self) -> str:
        return self.id_for(self.article_id)


@dataclass
class Fact:
    id: str
    story: str
    label: str
    measure: Optional[str]
    subject: Optional[str]
    place: Optional[str]
    time_frame: str
    unit: Optional[str]
    claim_ids: list = field(default_factory=list)
    outlet_count: int = 0
    claim_count: int = 0
    min_value: Optional[float] = None
    max_value: Optional[float] = None
    status: str = "single"
    spread: Optional[float] = None
    outlets: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    parts: Optional[str] = None  # JSON: part-and-whole check, when there is one
    parts_ok: Optional[int] = None
    confidence: Optional[float] = None  # the linker's probability for the fact's weakest link
