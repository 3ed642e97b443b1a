"""Text -> blocks (lines and paragraphs) -> sentences, each with a kind.

News text as loaded mixes the article's own reporting with page furniture: datelines, bylines,
photo captions, image file names, "Related stories" lists. Claims come only from the reporting,
so every sentence carries a kind: body, headline, caption, byline or furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from ..model import Sentence

# A heading after which a page lists other stories: nothing after it is this article's reporting.
FURNITURE_HEADINGS = re.compile(
    r"^(related( stories| articles| news| content| coverage| links)?|latest( news| stories)?|"
    r"more (on this story|from [\w .]+|stories|news)|read more|most (popular|read|viewed)|"
    r"you (may|might) also (like|be interested in)|recommended( for you| stories)?|"
    r"trending( now)?|top stories|also read|see also|editor'?s picks|advertisement|"
    r"share this( article| story)?|sign up.*newsletter.*|comments?)\s*:?$",
    re.I,
)
CAPTION = re.compile(
    r"(\((photo|image|picture|photograph|file photo|credit)s?\b[^)]*\)|^(photo|photograph|image|picture|"
    r"file photo|credit)s?\b\s*(:|by\b)|\b(getty images|ap photo|afp photo|reuters/|epa/|shutterstock)\b)",
    re.I,
)
IMAGE_FILE = re.compile(r"^(\S+\s+){0,5}\S+\.(jpe?g|png|gif|webp|svg)(\s+\S+\.(jpe?g|png|gif|webp|svg))*$", re.I)
BYLINE = re.compile(
    r"^((published|updated|posted|last updated?|first published|location|dateline|filed)\s*:|(reporting|writing|editing) by\b)",
    re.I,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters": capitalised names, and after a comma a short
# affiliation, not a sentence ("By then, all 23 pirates had clambered aboard.")
BYLINE_NAMES = re.compile(r"^(By|BY|by)\s+[A-Z][\w.'-]+(\s+([A-Z][\w.'-]+|and|&))*\s*(,\s*[^.!?]{0,60})?$")
WEEKDAY_DATE = re.compile(
    r"^(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\w+\s+\d{1,2},?\s+\d{4}\b|^\d{1,2}\s+\w+\s+\d{4}$",
    re.I,
)
# a dateline on a line of its own: "SUNNYVALE, Calif. — 2/29/2012", "BEIRUT (Reuters) -"
DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}\s*(?:,[^—–()-]{1,30})?\s*"
    r"(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s*(?:[\d/ ,.]{0,20}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})$")
AGENCY_LINE = re.compile(r"^[A-Z][A-Z .&/-]{1,40}$")  # "AFP / REUTERS", "ASSOCIATED PRESS"
SENTENCE_END = re.compile(r"[.!?…:\"'”’)]\s*$")


@dataclass
class Block:
    start: int
    end: int
    text: str
    kind: str
    paragraph: int


def blocks(text: str) -> List[Block]:
    """Each non-empty line is a block (news text puts one paragraph per line; ECB+ one sentence)."""
    out: List[Block] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append(Block(start, start + len(stripped), stripped, "body", len(out)))
        pos += len(raw) + 1
    classify(out)
    return out


DANGLING = re.compile(r"\b(of|the|a|an|and|or|to|in|for|with|by|from|that|as|at|on)$", re.I)


def _is_heading_like(text: str) -> bool:
    """Short (in words and in characters), no closing punctuation, and not a sentence cut off by
    a line break."""
    words = text.split()
    return (0 < len(words) <= 20 and len(text) <= 300 and not SENTENCE_END.search(text)
            and not DANGLING.search(text))


def classify(bs: List[Block], title: Optional[str] = None) -> None:
    """Assign kinds in place: furniture after a related-stories heading, captions, bylines, headlines."""
    seen_body = False
    headline_texts = set()
    furniture_from = None
    for i, b in enumerate(bs):
        t = b.text
        if seen_body and FURNITURE_HEADINGS.match(t):
            furniture_from = i
            break
        if IMAGE_FILE.match(t) or not re.search(r"[A-Za-z]", t):
            b.kind = "furniture"
        elif CAPTION.search(t):
            b.kind = "caption"
        elif BYLINE.match(t) or BYLINE_NAMES.match(t) or WEEKDAY_DATE.match(t) or "|" in t and re.search(r"\d{1,2}:\d{2}", t):
            b.kind = "byline"
        elif DATELINE.match(t) or AGENCY_LINE.match(t) and len(t.split()) <= 5:
            b.kind = "byline"
        elif not seen_body and _is_heading_like(t):
            b.kind = "headline"
            headline_texts.add(t)
        elif t in headline_texts:
            b.kind = "headline"  # the headline printed a second time
        elif len(t.split()) <= 3 and not SENTENCE_END.search(t):
            b.kind = "furniture"  # stray labels: "file photo", "Share", "Advertisement"
        elif _is_heading_like(t) and len(t.split()) >= 4:
            b.kind = "headline"  # a sub-heading inside the article
        else:
            b.kind = "body"
            seen_body = True
    if furniture_from is not None:
        for b in bs[furniture_from:]:
            b.kind = "furniture"


def sentences(text: str, doc=None) -> List[Sentence]:
    """Sentences clipped to blocks; spaCy's sentence boundaries split the body blocks when given."""
    out: List[Sentence] = []
    bs = blocks(text)
    doc_sents = list(doc.sents) if doc is not None else []
    j = 0
    for b in bs:
        pieces = []
        if doc_sents and b.kind in ("body", "caption"):
            while j < len(doc_sents) and doc_sents[j].end_char <= b.start:
                j += 1
            k = j
            while k < len(doc_sents) and doc_sents[k].start_char < b.end:
                s, e = max(doc_sents[k].start_char, b.start), min(doc_sents[k].end_char, b.end)
                if text[s:e].strip():
                    pieces.append((s, e))
                k += 1
        if not pieces:
            pieces = [(b.start, b.end)]
        for s, e in _merge_fragments(text, pieces):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append(Sentence(s, e, text[s:e], b.kind, b.paragraph, len(out)))
    return out


# Fragments are glued into one sentence up to this length: a run of lower-case pieces (hostile
# input, a list without capitals) stays cut where the parser cut it.
MAX_MERGED_CHARS = 2000


# "who earns? 900 a month": a '?' glued to a word before a number is a lost currency sign, no question
LOST_SIGN_END = re.compile(r"[a-z][?\ufffd]\s*\Z")


def _merge_fragments(text: str, pieces):
    """Glue a piece that does not start a sentence (lower-case start, a lone quote mark, a figure after a
    lost currency sign) to the one before."""
    merged = []
    for s, e in pieces:
        frag = text[s:e].strip()
        lost_sign = frag[:1].isdigit() and merged and LOST_SIGN_END.search(text, merged[-1][0], merged[-1][1])
        if merged and (len(frag) <= 2 or frag[:1].islower() or lost_sign) and e - merged[-1][0] <= MAX_MERGED_CHARS:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
