"""Claims: every figure an article asserts, with its bound, what it counts, where, when and on whose word.

numbers.py finds figures and hedges in plain text; this module reads spaCy's parse and entities
around each figure to decide whether it is a claim at all and what it measures. Each step is a
small function over one figure, in the spirit of EpiTator's annotators adding one layer each.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import List, Optional, Tuple

from .. import plugins
from . import attribution, numbers, places, segmenting
from .measures import (CHANGE_NOUNS, CHANGE_OF, CHANGE_VERBS, CONTAINER_NOUNS, COUNTED_NOUNS, COUNTED_UNITS, FORECAST_WORDS,
                       FORECASTERS, GENERIC_PERSONS, LEVEL_VERBS, MAGNITUDE_NOUNS, MEASURE_INFO, MONEY_MEASURES, PERIOD_PHRASES,
                       PERSON_NOUNS, POLL_NOUNS, REGIMEN_COUNTS, TALLY_WORDS, UNIT_MEASURES, person_class)
from ..model import Article, Claim, Sentence
from ..stories import article_date

EXTRACT_KINDS = ("body", "headline")
SUBCLAUSES = ("advcl", "relcl", "ccomp", "conj", "parataxis", "acl", "csubj")
SKIP_KINDS = ("ordinal", "multiplier")
NAME_ENTITIES = {"PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "FAC", "LANGUAGE"}
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS.split("|"))}
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)",
    re.I,
)
EARLIER_RE = re.compile(
    r"\b(last|previous|earlier|prior|past|preceding)\s+(\w+\s+){0,2}?(week|month|year|weekend|attacks?|bombings?|blasts?|"
    r"incidents?|raids?|strikes?|shootings?|explosions?|assaults?|fires?|clashes)\b"
    r"|\b(a|one|two|three|four|five|six|several|few|\d+)\s+(days?|weeks?|months?|years?)\s+(ago|earlier|before)\b"
    r"|\bin\s+the\s+(past|last|previous)\s+(\w+\s+)?(days|weeks|months|years)\b"
    r"|\b(in|since)\s+(recent|previous)\s+(weeks|months|years)\b",
    re.I,
)
RUNNING_RE = re.compile(
    r"\bsince\s+(\w+\W+){0,5}?(\d{4}|war|conflict|uprising|began|begin|start|started|outbreak|beginning|independence|invasion)\b"
    r"|\bso\s+far\s+this\s+(year|month)\b|\bto\s+date\b|\bthis\s+year\s+alone\b"
    # "pirates have attacked nearly 100 ships this year" (but "kill more than 180 this year" is this year's event)
    r"|\b(?:have|has)\s+(?:\w+\s+){1,6}?(?:this|the\s+past|the\s+last)\s+year\b(?!['’]s)",
    re.I,
)
RUNNING_SUBJECTS = {"war", "conflict", "fighting", "violence", "crisis", "insurgency", "pandemic", "epidemic", "uprising", "campaign", "civil war"}
# "in December 2008", "in 2011": news dates its own event by weekday or day, so a figure dated by
# its year belongs to another event (or to a year's total). "at the end of July": by its month.
YEAR_RE = re.compile(
    rf"\b(?:in|during|by|of|from)\s+(?:(?:early|late|mid-?)\s*)?(?:(?P<month>{MONTHS})\s+)?(?P<year>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<month2>{MONTHS})\s+(?P<year2>(?:19|20)\d{{2}})\b",
    re.I,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order
# "on Sunday", "Sunday's attacks", "late Monday night", "last Friday", "yesterday": a day named from
# the article's own date
DAY_RE = re.compile(
    r"\b(?:(?:last|past)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.I,
)
# "next Sunday", "every Friday", "until Monday"; "Bloody Sunday", "Good Friday", "Super Tuesday": no day that has been
NOT_A_PAST_DAY_RE = re.compile(
    r"\b(?:next|coming|every|each|until|till|bloody|black|good|super|cyber|ash|palm|holy|maundy|shrove)\s+\Z", re.I)
MONTH_RE = re.compile(
    rf"\b(?:in|during|(?:early|late|mid)-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+(?P<month>{MONTHS})\b(?!\s*\d)",
    re.I,
)
SUPERSEDED_RE = re.compile(
    r"\b(initial|earlier|previous|original|preliminary|first|prior|old)\s+(\w+\s+)?(toll|figure|count|estimate|tally|report|number)s?\s+(of|was|stood|had|at)\b"
    r"|\bup\s+from\s*$|\brevised\s+(down|up)?\s*from\s*$",
    re.I,
)
# A figure followed by who forecast it: 'the 6.1% economists had expected', 'the 1 million that
# analysts polled by Reuters projected' (the parse often hangs these clauses elsewhere)
FORECAST_AFTER_RE = re.compile(
    r"\s*(?:%|percent|million|billion|trillion|thousand)?\s*(?:that\s+|which\s+)?(?:the\s+)?(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FORECASTERS)
    + r")\b(?:\s+[\w-]+){0,4}?\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?(?:"
    + "|".join(re.escape(w[:7]) for w in sorted(FORECAST_WORDS)) + r")\w*", re.I)
PERIOD_RE = re.compile(
    r"(?<![\w-])(?P<p>" + "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in PERIOD_PHRASES), key=len, reverse=True))
    + r")(?![\w-])(?!\s+(?:ago|earlier|later|before|after|old)\b)",
    re.I,
)
# "the highest since 1960": a record over a span, not a total run up since then
SUPERLATIVE_BEFORE_RE = re.compile(r"\b(?:\w+est|most|least|fewest|first\s+time|worst|best)\s+\Z", re.I)
# "up 5.4% from a year earlier", "than a month ago": the base of a comparison, not when the figure was
# "the largest rise in four decades", "a 21-year high", "up to two years in prison": durations that are figures
SPAN_BEFORE_RE = re.compile(r"\b(?:in|for|since)\s+(?:(?:the|a)\s+)?(?:(?:past|last|nearly|almost|over|more\s+than)\s+)*\Z", re.I)
RECORD_AFTER_RE = re.compile(r"\s+(?:high|low|record|peak)\b", re.I)
PRISON_AFTER_RE = re.compile(r"\s+(?:in\s+(?:prison|jail)|(?:prison|jail)\s+(?:term|sentence))\b", re.I)
COMPARISON_BEFORE_RE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)\s+\Z", re.I)
DIMENSIONS = {"wide": "width", "deep": "depth", "long": "length", "high": "height", "tall": "height", "across": "width", "in diameter": "width"}


def _distance_of(tok, q, sentence: Sentence):
    """'two metres wide' is a width; '10 km from the border' a distance from the border."""
    after = sentence.text[q.end:q.end + 60].lower()
    m = re.match(r"\W*(\([^)]*\)\s*)?(wide|deep|long|high|tall|across|in diameter)\b", after)
    if m:
        return DIMENSIONS[m.group(2)], None
    m = re.match(r"\W*(\([^)]*\)\s*)?(?:away\s+)?(?:from|of|to|inside|into|outside|north|south|east|west|\w+east|\w+west)\b(?:\s+of|\s+from)?\s+(?:the\s+|a\s+)?(?:\w+['’]s\s+)?(?:[\w-]+\s+){0,2}?(border|camp|city|town|village|capital|centre|center|site|shrine|airport|frontier|line|coast|shore|base|school|hospital|bank|scene)\b", after)
    if m:
        return "distance", m.group(2)
    before = sentence.text[max(0, q.start - 30):q.start].lower()
    if re.search(r"\bdepths?\s+of\s+(?:about\s+|some\s+|only\s+|just\s+)?\Z", before) \
            or re.match(r"\W*(?:\([^)]*\)\s*)?(?:below\s+(?:the\s+)?(?:ground|surface)|underground|beneath)", after):
        return "depth", None  # 'a depth of 1.2 miles', 'one mile below ground level'
    m = re.match(r"[\s,]*(?:\([^)]*\)\s*)?(?:away\s+)?(?:(?:north|south|east|west)[\w-]*\s+of|from|outside(?:\s+of)?)"
                 r"\s+((?:[A-Z][\w'’-]+\s?){1,3})", sentence.text[q.end:q.end + 60])
    if m:
        return "distance", f"from {m.group(1).strip()}"  # '26 miles north of Santa Rosa' is not '12 miles east of Cloverdale'
    return "distance", None


@dataclass
class ExtractionContext:
    """What the extractor needs beyond one sentence: the article's places, headline and speakers."""

    article: Article
    doc: object
    sentences: List[Sentence]
    vocabulary: dict
    gazetteer: places.Gazetteer
    headline_places: List[str] = field(default_factory=list)
    speakers: dict = field(default_factory=dict)  # sentence index -> last named speaker before it
    quoted: dict = field(default_factory=dict)  # sentence index -> who a quotation it sits in is by
    sentence_places: dict = field(default_factory=dict)  # sentence index -> (place names, listed together)
    home_country: Optional[str] = None  # the country the article names most
    main_place: Optional[str] = None  # where the article as a whole is (its headline and lede)
    where_in: dict = field(default_factory=dict)  # sentence index -> places it says something happened in
    home_mentions: int = 0  # how often the article names its home country
    day: Optional[date] = None  # the article's own date, from which 'on Sunday' and 'yesterday' count

    @classmethod
    def build(cls, article: Article, doc, sentences: List[Sentence], vocabulary: dict):
        gaz = places.Gazetteer()
        gaz.add_doc(doc)
        ctx = cls(article, doc, sentences, vocabulary, gaz)
        ctx.home_country, ctx.home_mentions = places.home_country(doc)
        ctx.day = article_day(article, sentences)
        last, spans = None, []
        for s in sentences:
            ctx.speakers[s.index] = last
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is not None and s.kind in EXTRACT_KINDS:
                last = attribution.sentence_speaker(span) or last
                spans.append((s.index, span))
            found = places.drop_containers(places.mentions(doc, gaz, s.start, s.end), gaz, places.doc_text(doc), s.kind == "headline")
            lists = _lists(found, places.doc_text(doc))
            found = [m for m in found if not places.is_actor(m, doc) or any(m in g and len(g) > 1 for g in lists)]
            names = [m.name for m in found]
            # where things happened, not where a company is based or people came from
            ctx.where_in[s.index] = list(dict.fromkeys(places.join([m.name]) for m in found if not _origin(m, doc)))
            together = len(found) > 1 and _listed_together(found, places.doc_text(doc))
            if not together and s.kind == "headline":  # "Sudan Bombs Yida Refugee Camp in South Sudan": a
                # headline's grammar hides who acted; the camp is where, not the country named first
                names = [next((n for n in names if n not in gaz.countries), names[0])] if names else []
            elif not together:
                names = names[:1]
            ctx.sentence_places[s.index] = (names, together)
            if s.kind == "headline" and not ctx.headline_places:
                ctx.headline_places = ctx.sentence_places[s.index][0]
        ctx.main_place = _main_place(ctx)
        ctx.quoted = attribution.quote_speakers(spans, ctx.speakers)
        return ctx

    def context_place(self, sentence: Sentence) -> Tuple[Optional[str], Optional[str]]:
        """The nearest place before the sentence: its paragraph, the paragraphs before, the headline.
        Also says how near: 'previous' for the sentence just before, else 'context'."""
        previous = True
        lede = True  # no sentence before it is more than three paragraphs away
        for s in reversed(self.sentences[: sentence.index]):
            if s.kind not in EXTRACT_KINDS:
                continue
            if sentence.paragraph - s.paragraph > 3:
                lede = False
                break
            found, _ = self.sentence_places.get(s.index, ([], False))
            if found:
                return places.join(found), ("previous" if previous else "context")
            previous = False
        if self.headline_places:
            return places.join(self.headline_places), "context"
        for s in self.sentences[sentence.index + 1:] if lede else ():  # a lede with no place yet: the next sentences
            if s.kind not in EXTRACT_KINDS:
                continue
            if s.paragraph - sentence.paragraph > 2:
                break
            found, _ = self.sentence_places.get(s.index, ([], False))
            if found:
                return places.join(found), "context"
        # far from any place named: where the article as a whole is, unless the figure's own
        # sentence names that place and its reading passed it over
        if self.main_place and self.main_place not in self.where_in.get(sentence.index, []):
            return self.main_place, "context"
        return None, None


def _main_place(ctx: "ExtractionContext") -> Optional[str]:
    """Where an article as a whole is: the place its headline and first three sentences say
    things happened in (the one the article names most, if several), else the country it names
    more than once; a company's seat ('based in Sunnyvale') is not where anything happened."""
    lede = [s for s in ctx.sentences if s.kind == "headline"][:1] + [s for s in ctx.sentences if s.kind == "body"][:3]
    named = [n for s in lede for n in ctx.where_in.get(s.index, [])]
    if named:
        counts = Counter(n for names in ctx.where_in.values() for n in names)
        return max(named, key=lambda n: (counts[n], -named.index(n)))
    return ctx.home_country if ctx.home_mentions > 1 else None


def extract_article(article: Article, doc):
    """One article in, rows out: (article row, sentence rows, claim rows)."""
    sentences = segmenting.sentences(article.text, doc)
    vocabulary = plugins.measures()
    ctx = ExtractionContext.build(article, doc, sentences, vocabulary)
    hook = plugins.get_plugin_manager().hook
    article_id = article.id
    claims: List[Claim] = []
    for s in sentences:
        if s.kind not in EXTRACT_KINDS:
            continue
        pooled = []
        for found in hook.factcheck_extract_claims(sentence=s, doc=doc, article=article, context=ctx):
            pooled.extend(found or [])
        for c in pooled:
            c.sentence_index = s.index
        claims.extend(_without_overlaps(pooled))
    _lost_currency(claims)
    sentence_rows = []
    for s in sentences:
        sentence_rows.append({
            "id": s.id_for(article_id), "article_id": article_id, "story": article.story,
            "idx": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end,
            "kind": s.kind, "text": s.text,
        })
    claim_rows = []
    for c in claims:
        s = sentences[c.sentence_index]
        claim_rows.append({
            "id": c.id_for(article_id), "article_id": article_id, "sentence_id": s.id_for(article_id),
            "fact_id": None, "story": article.story, "outlet": article.outlet, "start": c.start,
            "end": c.end, "text": c.text, "value": c.value, "low": c.low, "high": c.high,
            "bound": c.bound, "unit": c.unit, "measure": c.measure, "subject": c.subject,
            "place": c.place, "place_in": getattr(c, "place_in", None),
            "place_scope": getattr(c, "place_scope", None), "place_from": getattr(c, "place_from", None),
            "source": c.source,
            "time_frame": c.time_frame, "time_text": c.time_text, "period": c.period, "superseded": int(c.superseded),
            "kind": c.kind, "extractor": c.extractor,
        })
    article_row = article.row()
    article_row.update({
        "sentence_count": len(sentence_rows), "claim_count": len(claim_rows),
        "dates": ",".join(sorted(set(_dates(article.text)) | set(_dates(article.published or "")))),
        "located": json.dumps(sorted(ctx.gazetteer.within)) if ctx.gazetteer.within else None,
    })
    return article_row, sentence_rows, claim_rows


def _lost_currency(claims: List[Claim]) -> None:
    """A sum whose currency sign the text lost ('earns? 900', unit XXX) is in the currency the
    article gives its other sums in (currency codes are the upper-case units), the most used one,
    conversions aside; with none, its currency stays unknown."""
    used = Counter(c.unit for c in claims if c.kind != "conversion" and c.unit not in (None, "XXX") and c.unit.isupper())
    for c in claims:
        if c.unit == "XXX":
            c.unit = used.most_common(1)[0][0] if used else None


def _without_overlaps(claims: List[Claim]) -> List[Claim]:
    """Built-in claims win over plugin claims on the same figure; then the longer span wins."""
    ordered = sorted(claims, key=lambda c: (c.extractor != "builtin", -(c.end - c.start), c.start))
    kept: List[Claim] = []
    for c in ordered:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def day_told(phrase: str, day: date) -> date:
    """The day a weekday or relative day names, counted back from the article's date: 'Sunday' is
    the latest Sunday on or before it (published on a Sunday, that very day), 'last Sunday' the one
    before it, 'yesterday' and 'last night' the day before, 'today' the day itself."""
    words = phrase.lower().split()
    if words[-1] == "yesterday" or words == ["last", "night"]:
        return day - timedelta(days=1)
    if words[-1] not in WEEKDAYS:
        return day
    back = (day.weekday() - WEEKDAYS.index(words[-1])) % 7
    if words[0] in ("last", "past") and back == 0:
        back = 7
    return day - timedelta(days=back)


def article_day(article: Article, sentences: List[Sentence]) -> Optional[date]:
    """The day the article came out, from which its weekdays count: its published date, else the
    date its own date lines print ('Published: November 10, 2011', 'Thu 6 May 2010, 9:03am AEST'),
    the one printed most often, then the earliest. A date in the reporting is no publication date."""
    lines = [s.text for s in sentences if s.kind in ("headline", "byline") and len(s.text.split()) <= 12]
    return article_date(article.published, "\n".join(lines), head=10_000)


def _dates(text: str) -> List[str]:
    out = []
    for m in DATE_RE.finditer(text):
        month = (m.group("m1") or m.group("m2")).lower()[:3]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            out.append(f"{MONTH_ABBR[month]:02d}-{day:02d}")
    for m in re.finditer(r"\b\d{4}-(\d{2})-(\d{2})\b", text):
        out.append(f"{m.group(1)}-{m.group(2)}")
    return out


# ---- one sentence ------------------------------------------------------------------------------

def extract_sentence(sentence: Sentence, doc, article: Article, ctx: ExtractionContext) -> List[Claim]:
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    quantities = [q for q in numbers.find_quantities(sentence.text) if _keep(q, sentence.text)]
    quantities = [part for q in quantities for part in _move_ends(q, sentence, doc)]
    quantities = [part for q in quantities for part in _out_of_a_set(q, sentence, doc)]
    heads = []
    for q in quantities:
        tok = _number_token(doc, sentence.start + q.number_start, sentence.start + q.number_end)
        heads.append(tok)
    claims, counted = [], []
    number_tokens = [t for t in heads if t is not None]
    for q, tok in zip(quantities, heads):
        if tok is None or _is_name_or_date(tok, q) or _is_pronoun_like(tok, q) or _hypothetical(tok):
            continue
        head = claims[-1] if claims and _gapped_after(claims[-1], q, sentence, doc) else None
        claim = _claim(q, tok, sentence, span, ctx, number_tokens, listed=head)
        if claim is None:
            mate = _clause_mate_count(q, tok, counted, ctx.vocabulary)
            claim = _claim(q, tok, sentence, span, ctx, number_tokens, clause_mate=mate) if mate else None
        if claim is not None:
            claim.period = _reference_period(q, sentence, quantities)
            _reported_month(claim)
            claims.append(claim)
            if claim.kind == "cardinal" and not claim.unit and _counted_noun(tok) is not None:
                counted.append((claim, tok))
    return claims


def _nearest_verb(t):
    return next((a for a in [t, *t.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def _clause_mate_count(q, tok, counted, vocab):
    """'attacked nearly 100 vessels and hijacked nearly 40', 'Out of 23 pirates, 12 are from Somalia
    and 11 from Yemen', 'One crewman was found alive and one is confirmed dead': a bare figure in
    the clause of a figure that counted a noun, or in one joined to it, counts that noun too. What
    its own verb says happened is its measure; a 'be' or 'have' says nothing, so it keeps the first
    one's. Returns (measure, subject), or None."""
    if q.kind != "cardinal" or q.unit or q.value == 1 or not counted or _counted_noun(tok) is not None:
        return None  # 'two buildings, one used by the ministry': a 'one' stands for one of them
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return None
    verb = _nearest_verb(tok)
    for claim, other in reversed(counted):
        first = _nearest_verb(other)
        if verb is None or first is None or tok.head.i == other.i or other.head.i == tok.i:
            continue  # 'two and three jobs': one figure listed with another, the noun said once
        hops = [verb, verb.head, verb.head.head]
        if first not in hops[:1] and not (first in hops and verb.dep_ in ("conj", "ccomp")):
            continue
        if verb is first or _lemma(verb) in ("be", "have", "get"):
            return claim.measure, claim.subject
        return _word_measure(verb, vocab) or _lemma(verb), claim.subject
    return None


MONTH_TOLD_RE = re.compile(r"\A(?:\d\d-00|(?:last|past|previous|prior)\s+month)\Z", re.I)


def _reported_month(claim: Claim) -> None:
    """'added 183,000 jobs in June', 'payrolls rose by 183,000 last month': in a report on an
    economic indicator the month named is the month reported on, the figure's own, not an earlier
    event; a change counted in it ('jobs added') counts over that month."""
    info = MEASURE_INFO.get(re.sub(r" \([^)]*\)\Z", "", claim.measure or ""), {})
    if info.get("group") != "economy" or claim.time_frame not in ("dated", "earlier") \
            or not MONTH_TOLD_RE.match(claim.time_text or ""):
        return
    claim.time_frame = "event"
    if info.get("kind") == "change" and claim.period is None:
        claim.period = "month"


LIST_END_RE = re.compile(r"\A[^,;:()]*(?:,\s*(?:and\s+)?|\s+and\s+)\Z")


def _gapped_after(a: Claim, q, sentence: Sentence, doc) -> bool:
    """'as much as 55% of traffic in A, 52% in B and 82% in C was lost': a figure listed after a
    hedged one before their one shared verb, with no noun or hedge of its own, shares the first
    one's hedge and measure. A verb between them ('at least 10 died in A, 3 in B') leaves each its own."""
    start, end = sentence.start + q.start, sentence.start + q.end
    if a.bound == "exact" or q.bound != "exact" or q.hedge or a.kind == "range" or (a.kind, a.unit) != (q.kind, q.unit) \
            or not LIST_END_RE.match(places.doc_text(doc)[a.end:start]):
        return False
    gap = doc.char_span(a.end, start, alignment_mode="expand")
    if gap is None:
        return False
    after = next((t for t in doc[gap.end:] if t.idx >= end), None)  # 'in B', ', ', 'and': nothing of its own follows
    return not any(t.pos_ in ("VERB", "AUX") for t in gap) and (after is None or after.pos_ in ("ADP", "CCONJ", "PUNCT"))


MOVE_RE = re.compile(r"from\s+(?P<a>.+?)\s+to\s+(?P<b>.+)\Z", re.I)


def _move_ends(q, sentence: Sentence, doc) -> list:
    """'revised up by 9,000 from 498,000 to 507,000', 'rose from 5% to 6%': after a verb of change,
    'from X to Y' is where a figure was and where it got to, two levels, not a range of one."""
    m = MOVE_RE.match(q.text) if q.kind == "range" and (q.hedge or "").lower() == "from" else None
    tok = _number_token(doc, sentence.start + q.number_start, sentence.start + q.number_end) if m else None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None) if tok is not None else None
    if verb is None or _lemma(verb) not in CHANGE_VERBS:
        return [q]
    parts = []
    for g in ("a", "b"):
        found = [p for p in numbers.find_quantities(m.group(g)) if p.end == len(m.group(g)) and p.start == 0]
        if len(found) != 1:
            return [q]
        off = q.start + m.start(g)
        parts.append(replace(found[0], start=found[0].start + off, end=found[0].end + off,
                             number_start=found[0].number_start + off, number_end=found[0].number_end + off))
    return parts


OUT_OF_RE = re.compile(r"(?P<a>.+?)\s+out\s+of\s+(?P<b>(?!every\b).+)\Z", re.I)


def _out_of_a_set(q, sentence: Sentence, doc) -> list:
    """'lost three out of four lines': a part of a set of things is two counts, the part and the
    set; of people ('three out of four voters') it stays a share, as a poll gives it."""
    m = OUT_OF_RE.match(q.text) if q.kind == "share" else None
    if m is None:
        return [q]
    after = doc.char_span(sentence.start + q.end, sentence.end, alignment_mode="expand")
    noun = next((t for t in after or [] if t.pos_ not in ("ADJ", "ADV", "NUM")), None) if after is not None else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or _person_like(noun):
        return [q]
    parts = []
    for g in ("a", "b"):
        value = numbers.parse_number(m.group(g))
        if value is None:
            return [q]
        start, end = q.start + m.start(g), q.start + m.end(g)
        parts.append(replace(q, start=start, end=end, text=m.group(g), value=value, low=value, high=value,
                             unit=None, kind="cardinal", number_start=start, number_end=end))
    return parts


def _keep(q, text: str) -> bool:
    """'the other two had been detonated' counts the rest of a set just named: a figure, not a pronoun."""
    if q.kind in SKIP_KINDS:
        return False
    if _dialled(q, text):
        return False  # an emergency or phone number
    if q.excluded == "age":
        return True  # _claim keeps the age of the person a story is about, not a speaker's
    if q.excluded == "duration":  # _claim keeps the span of a record and a prison term
        return bool(SPAN_BEFORE_RE.search(text[max(0, q.start - 24):q.start]) or RECORD_AFTER_RE.match(text, q.end)
                    or PRISON_AFTER_RE.match(text, q.end))
    if q.excluded == "pronoun":
        return bool(re.search(r"\bthe other\s+$", text[max(0, q.start - 12):q.start], re.I))
    if q.excluded == "elided":
        return True  # _claim keeps it when a parallel clause names what it counts
    return not q.excluded


DIALLED_BEFORE_RE = re.compile(r"\b(call|calls|called|calling|dial|dialled|dialed|dialing)\s+$", re.I)


def _dialled(q, text: str) -> bool:
    """'called 999', 'dial 911': a number called is written in digits and counts nothing; 'called
    another three engines', 'called 12 engines' ask for a number of things."""
    if not DIALLED_BEFORE_RE.search(text[max(0, q.start - 12):q.start]) or not re.fullmatch(r"\d[\d\s-]*", q.text):
        return False
    nxt = re.match(r"\s+([A-Za-z]+)", text[q.end:])
    return not (nxt and numbers.looks_counted(nxt.group(1).lower()))


def _number_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if len(nums) > 1 and nums[-1].dep_ == "conj" and nums[-1].head in nums:
        return nums[-1].head  # "between 3,000 and 5,000 routes": the first end is the one tied to the noun
    return nums[-1] if nums else span.root


def _is_name_or_date(tok, q) -> bool:
    """Numbers inside names ('Apollo 11', 'Terminal 2') and spaCy's dates and times. A figure with
    a unit ('a 4.6-Magnitude Earthquake', 'a 300-Acre Wildfire') measures something, whatever
    entity spaCy makes of a headline's capitals."""
    if tok.ent_type_ in NAME_ENTITIES and q.kind not in ("money", "percent", "measure"):
        ent = places.ent_at(tok.doc, tok.i)
        if ent is not None and len(ent) > 1 and not any(t.like_num for t in ent if t.i != tok.i) and ent.label_ != "ORG":
            return True
        if ent is not None and ent.label_ == "ORG" and ent.start < tok.i:
            return True
    return False


def _estimated(tok) -> bool:
    """'Authorities estimate the damage at $1 million', 'estimated to have caused $1 million': an
    estimate is an approximate figure, however exactly it is written."""
    for t in tok.ancestors:
        if t.lemma_.lower() == "estimate" and t.pos_ in ("VERB", "AUX"):
            return True
        if t.dep_ in ("ROOT", "ccomp", "relcl") and t.lemma_.lower() != "cause":
            return False
    return False


def _reckoning(tok) -> bool:
    """'To match it you would need two full racks (84U!)': a figure the article works out for an
    imagined case. It is said, so it stays a claim, but it never stands beside reported figures."""
    root = tok.sent.root
    return (any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in root.children)
            and any(c.dep_ == "nsubj" and c.lower_ in ("you", "one", "we") for c in root.children))


CONDITIONAL_MARKS = {"if", "unless", "suppose", "supposing"}


def _hypothetical(tok) -> bool:
    """'if arson had caused a million dollars of damage', 'If an application needs two servers, the
    software finds two': a figure in a condition, or in what follows from one in the present or
    with 'would', is an illustration, not something the article says happened."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
    root = tok.sent.root
    condition = next((c for c in root.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)), None)
    if condition is None:
        return False
    return root.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d") for c in root.children)


def _is_pronoun_like(tok, q) -> bool:
    """'the two now must reach out': a number standing for people already named, not a figure."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return False
    if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in tok.children):
        return False  # "the 180,000 encountered in May", "the 40 who were arrested": those a clause tells of
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    has_of = any(c.lower_ == "of" for c in tok.children)
    return prev is not None and prev.lower_ in ("the", "these", "those", "both") and not has_of and q.kind == "cardinal"


def _counted_noun(tok):
    noun = _counted_noun_any(tok)
    if noun is not None and noun.pos_ == "PRON":
        return None  # "16 of them were arrested": a pronoun counts whoever it stands for
    sent = tok.sent
    return noun if noun is not None and sent.start <= noun.i < sent.end else None


PERCENT_WORDS = {"%", "percent", "per", "cent", "pc", "percentage"}


def _elided_noun(tok):
    """'Ohio gained three plants and Iowa lost two': a bare object of a verb joined to a verb whose
    object is a counted noun counts that noun; so does a bare figure whose participle repeats the
    verb of a counted noun ('9,120 migrants were detained, up from the 8,455 detained in May').
    The writer left the noun out rather than repeat it."""
    told = next((c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    if told is not None:  # "188,829 migrants were encountered, up from the 180,034 encountered in May"
        return next((t for t in tok.sent if t.pos_ == "NOUN" and t.i != tok.i
                     and any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in t.children)
                     and t.dep_ in ("nsubjpass", "dobj") and _lemma(t.head) == _lemma(told)), None)
    verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    parallel = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    contrast = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)
    if (verb.dep_ == "conj" or contrast) and verb.head.pos_ == "VERB":
        parallel.insert(0, verb.head)
    for other in parallel:
        for obj in other.children:
            if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.lower_ not in PERCENT_WORDS \
                    and any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in obj.children):
                return obj
    return None


def _counted_noun_any(tok):
    """The noun a figure counts: '57 people', 'dozens of vehicles', '39 of the dead'; for a share,
    what it is a share of ('80% of the jewels'), since '%' and 'percent' count nothing."""
    noun = _counted_noun_near(tok)
    if noun is not None and noun.lower_ in PERCENT_WORDS:
        return next((obj for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                     for obj in child.children if obj.dep_ == "pobj"), None)
    return noun


def _copula_subject(tok) -> Optional[str]:
    """'Overnight, temperatures were minus 20', 'its budget was 400': a bare figure said to be the
    value of a thing names that thing (not a person: 'the men were four' counts nothing said)."""
    t = tok
    for _ in range(2):  # "were more than double last year's": the parse hangs the ratio on the time noun
        if t.dep_ not in ("attr", "acomp", "npadvmod", "advmod") and not (t.dep_ == "amod" and _when_noun(t.head)):
            break
        t = t.head
    if t.i == tok.i or t.lemma_ != "be":
        return None
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subj is None or _person_like(subj):
        return None
    return _lemma(subj)


def _copula_attr(verb, kinds=("NOUN",)):
    """What a 'be' says its subject is: 'were militants', 'are engineers'."""
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in kinds), None)


def _fronted_partitive(tok, noun, vocab: dict):
    """'Of the 26 people who died, 16 of them were militants and at least nine were children': the
    fronted 'of' phrase says what the figure counts (died), the complement who (militants). A
    (measure, subject) pair, or None."""
    if noun is not None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.lemma_ != "be":
        return None
    first = verb
    while first.dep_ == "conj" and first.head.lemma_ == "be":
        first = first.head  # "..., and at least nine were children"
    prep = next((c for c in first.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < tok.i
                 and (c.i == c.sent.start or c.doc[c.i - 1].is_punct)), None)
    whole = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    attr = _copula_attr(verb, ("NOUN", "PROPN"))
    if whole is None or attr is None:
        return None
    measure = _measure_class(_lemma(whole), vocab)  # "Of the deaths"
    for c in whole.children:
        if measure is None and c.dep_ in ("relcl", "acl", "amod"):
            measure = _word_measure(c, vocab)  # "the people who died", "those killed"
    if measure is None:
        return None
    subject = _person_subject(attr) if _person_like(attr) else _noun_phrase_lemma(attr)
    return measure, subject


LEVEL_PREPS = {"to": "level", "at": "level", "from": "level", "as": "level", "by": "change"}


def _aged_person(tok):
    """Whose age a figure gives: 'a 61-year-old man', 'Robert Pitman, 24,', 'Pitman, aged 24'."""
    for a in list(tok.ancestors)[:4]:
        if a.pos_ in ("NOUN", "PROPN") and a.lower_ not in ("year", "years") and (_person_like(a) or a.ent_type_ == "PERSON"):
            return a
    return None


def _speaker(person) -> bool:
    """The person (or whoever they are in apposition to) is the one who says something."""
    while person.dep_ == "appos" and person.head.i != person.i:
        person = person.head
    return person.dep_ == "nsubj" and _lemma(person.head) in attribution.REPORTING


def _figure_head(tok):
    """The word that stands for the whole figure in the parse: '%' in '5.9%', the time noun the
    parse hangs it on in 'rose by 266,000 last month', else the number."""
    head = tok.head
    if head.i > tok.i and (head.lower_ in PERCENT_WORDS or _when_noun(head)) and tok.dep_ in ("nummod", "compound", "quantmod"):
        return head
    return tok


WHEN_WORDS = {"last", "this", "next", "previous", "past", "that", "same"}


def _when_noun(t) -> bool:
    """'last month', 'this week': a time noun that says when, never what a figure counts."""
    return _lemma(t) in TIME_NOUNS | {"month", "year", "quarter", "weekend"} and any(
        c.lower_ in WHEN_WORDS and c.dep_ in ("amod", "det") for c in t.children)


def _subject_of(verb):
    """The subject a verb's figure is told of, through 'continued to fall' and 'expected claims to fall'."""
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None


def _what_is_counted(thing):
    """'the seven-day average of new cases' is the cases' average; 'the number of claims' the claims.
    Returns (what is measured, a qualifier such as 'average')."""
    inner = next((o for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
    if inner is None:
        return thing, None
    return inner, (None if _lemma(thing) in CONTAINER_NOUNS else _lemma(thing))


def _level_or_change(tok, vocab) -> Optional[str]:
    """A bare figure said to be the level or the change of something: 'claims fell to 473,000' (the
    claims' level), 'prices rose 0.9%' and 'grew by an increase of 7.4%' (a change), 'the agency
    put the magnitude at 6.1', 'the adjustment will be 5.9%'. A change is its own measure:
    'claim (change)' never links with the claims' level."""
    t = _figure_head(tok)
    prep = t.head if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent", "dative") else None
    if prep is not None and prep.head.dep_ == "prep" and prep.head.lower_ == "from" and prep.lower_ == "to":
        prep = prep.head  # "from 498,000 to 507,000": both are levels of what moved
    gov = prep.head if prep is not None else (t.head if t.dep_ in ("dobj", "npadvmod", "attr", "oprd") else None)
    if gov is None or gov.i == t.i:
        return None
    lemma = _lemma(gov)
    if gov.pos_ == "NOUN" and lemma in CHANGE_NOUNS and (prep is None or prep.lower_ == "of"):
        thing = next((o for c in gov.children if c.dep_ == "prep" and c.lower_ == "in"
                      for o in c.children if o.dep_ == "pobj"), None)
        if thing is None:
            verb = next((a for a in gov.ancestors if a.pos_ in ("VERB", "AUX")), None)
            thing = _subject_of(verb) if verb is not None else None
        kind = "change"
    elif gov.pos_ in ("VERB", "AUX") and (lemma in CHANGE_VERBS or lemma in LEVEL_VERBS or lemma == "be"):
        if prep is not None and (prep.lower_ not in LEVEL_PREPS or lemma == "be"):
            return None
        kind = LEVEL_PREPS[prep.lower_] if prep is not None else ("change" if lemma in CHANGE_VERBS else "level")
        obj = next((c for c in gov.children if c.dep_ == "dobj" and c.i != t.i and c.pos_ == "NOUN"), None)
        thing = obj if obj is not None and prep is not None and prep.lower_ in ("at", "as") else _subject_of(gov)
    else:
        return None
    if thing is not None and thing.pos_ in ("PRON", "DET"):
        thing = _antecedent(thing)  # "when it stood at 256,000", "This fell to 534,000"
    # "the population grew 7.4%" is a level of a headcount; "the senator rose 3 points" is no level of her
    if thing is None or thing.pos_ not in ("NOUN", "PROPN") or (_person_like(thing) and _lemma(thing) not in GENERIC_PERSONS):
        return None
    thing, qualifier = _what_is_counted(thing)
    if _lemma(thing) in CHANGE_NOUNS:
        kind = "change"  # 'the adjustment will be 5.9%'
    phrase = _noun_phrase_lemma(thing)
    words = [_lemma(c) for c in thing.lefts if c.dep_ in ("amod", "compound")] + [_lemma(thing)]
    # the longest phrase the vocabulary knows: 'new jobless claims' is 'jobless claim'
    known = (_measure_class(" ".join(words[i:]), vocab) for i in range(len(words)))
    measure = next((m for m in known if m), None) or _measure_class(phrase, vocab) or phrase
    measure = f"{qualifier} {measure}" if qualifier else measure
    return _change_of(thing, measure, t.lower_ in PERCENT_WORDS) if kind == "change" and not qualifier else \
        (f"{measure} (change)" if kind == "change" else measure)


def _in_a_change(noun) -> bool:
    """'added 183,000 jobs', 'a gain of 183,000 jobs', 'expected 450,000 jobs': the counted noun sits
    under a verb or noun of change or forecast, up to its own verb."""
    for a in noun.ancestors:
        if _lemma(a) in CHANGE_VERBS | CHANGE_NOUNS | FORECAST_WORDS:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _change_of(thing, measure: str, percent: bool) -> str:
    """What a change of a thing is: a measure that is itself a change ('payrolls rose by 266,000' is
    jobs added), or what the vocabulary says a change of the thing is, given in that measure's unit
    class ('the economy added 266,000' is jobs added; 'the economy grew 6%' is not); else 'X (change)'."""
    if MEASURE_INFO.get(measure, {}).get("kind") == "change":
        return measure
    plain = " ".join([_lemma(c) for c in thing.lefts if c.dep_ in ("amod", "compound")
                      and c.ent_type_ not in ("GPE", "NORP")] + [_lemma(thing)])  # 'U.S. employers'
    target = CHANGE_OF.get(plain) or CHANGE_OF.get(measure)
    if target and (MEASURE_INFO[target]["unit_class"] == "percent") == percent:
        return target
    return f"{measure} (change)"


ANAPHORS = {"it", "this", "that", "which"}
PERIOD_NOUNS = {"moment", "second", "minute", "hour", "night", "morning", "afternoon", "evening", "day", "week", "weekend", "month", "year", "quarter", "decade", "season", "time", "period"}


def _antecedent(pron):
    """What 'it', 'this' or 'which' stands for when its level or change is told: the relative
    clause's noun ('claims, which fell to 473,000'), else the nearest thing named before it in its
    sentence or the one before ('the four-week average. This fell to 534,000'); never a person or
    a span of time."""
    if pron.lower_ not in ANAPHORS:
        return None
    if pron.lower_ in ("which", "that") and pron.head.dep_ == "relcl":
        return pron.head.head if pron.head.head.pos_ == "NOUN" else None
    doc, sent = pron.doc, pron.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(doc[first:pron.i]):
        if t.pos_ == "NOUN" and t.dep_ not in ("compound", "npadvmod") and not _person_like(t) \
                and _lemma(t) not in PERIOD_NOUNS:
            return t
    return None


def _in_percent(measure: str, unit: str) -> str:
    """'claim (change)' in percent is 'claim (percent change)'; a level is 'rate (percent)'."""
    if measure.endswith(" (change)"):
        return f"{measure[:-len(' (change)')]} ({unit} change)"
    return f"{measure} ({unit})"


def _designation(tok, noun) -> Optional[str]:
    """'seven AK-47 assault rifles', 'two F-16 jets': a model named with digits is a kind of its own."""
    text = "".join(t.text_with_ws for t in noun.doc[tok.i + 1:noun.i])
    m = re.search(r"(?<![\w-])[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]*(?![\w-])", text)  # AK-47, F-16, M4
    return m.group(0).lower() if m else None


def _other(noun) -> bool:
    """'three other rifles', 'an additional 15': a count of something besides what was just counted."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in ("other", "additional", "further", "more", "extra")
               and c.i < noun.i for c in noun.children)


def _hyphen_noun(tok):
    """'the three-story building', 'a 1,000-member church': the figure counts the word it is
    hyphened to (storeys, members), a property of the building, not a number of buildings."""
    doc = tok.doc
    i = tok.i + 1
    if i + 1 < len(doc) and doc[i].text in ("-", "‐", "‑") and not doc[i].whitespace_ \
            and doc[i + 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i + 1].is_alpha:
        return doc[i + 1]
    return None


def _introduced_noun(tok):
    """'there were five, fully armed, riot officers': what an existential 'there were N' brings in,
    when the parse leaves the figure alone; the first plural noun after it, past modifiers only."""
    there = tok.head if tok.dep_ == "attr" else (tok.head.head if tok.dep_ == "advmod" else None)
    if there is None or not any(c.dep_ == "expl" for c in there.children):
        return None
    for t in tok.doc[tok.i + 1: min(tok.i + 12, tok.sent.end)]:
        if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS"):
            return t
        if not (t.pos_ in ("ADV", "ADJ", "PUNCT", "CCONJ", "VERB") or t.dep_ in ("prt", "compound")):
            return None
    return None


def _counted_noun_near(tok):
    hyphened = _hyphen_noun(tok)
    if hyphened is not None:
        return hyphened
    introduced = _introduced_noun(tok)
    if introduced is not None:
        return introduced
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    after = tok.doc[tok.i + 1: tok.i + 3]
    if len(after) == 2 and (after[0].lower_, after[1].lower_) == ("out", "of"):  # "lost three out of four lines"
        obj = next((o for o in after[1].children if o.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    t = tok
    if t.dep_ == "npadvmod" and t.head.pos_ == "ADJ" and t.head.dep_ == "amod" and t.head.i > t.i:
        t = t.head  # "at least 20 smaller earthquakes": the parse ties the figure to the adjective
    while t.dep_ in ("nummod", "quantmod", "compound", "advmod", "amod") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.i > tok.i and _when_noun(t):
            return None  # 'rose by 266,000 last month'
        if t.pos_ in ("NOUN", "PROPN") and t.i > tok.i:
            while t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"):
                t = t.head  # "3 bank employees": the employees are counted, not the bank
            return t
    return None


def _person_like(noun) -> bool:
    return _lemma(noun) in PERSON_NOUNS or noun.ent_type_ == "NORP"


def _lemma(t) -> str:
    return t.lemma_.lower()


def _peoples_joined(t) -> bool:
    """'23 Somali and Yemeni pirates': peoples joined by 'and' name all of them, so neither says
    which part is counted."""
    return t.ent_type_ == "NORP" and any(c.dep_ == "conj" and c.ent_type_ == "NORP" for c in t.children)


def _noun_phrase_lemma(noun) -> str:
    comps = [c for c in noun.children if c.i < noun.i and not c.like_num and numbers.parse_number(c.text) is None
             and c.lower_ not in PERCENT_WORDS  # 'the 3.8% unemployment rate'
             and (c.dep_ == "compound" or (c.dep_ in ("amod", "nmod") and (c.ent_type_ in ("GPE", "NORP") or c.pos_ == "PROPN")))
             and not _peoples_joined(c)]
    return " ".join([_lemma(c) for c in comps] + [_lemma(noun)])


def _person_subject(noun):
    if noun.ent_type_ == "NORP" and noun.pos_ in ("PROPN", "NOUN"):
        return _lemma(noun)  # "72 Afghans"
    return person_class(_noun_phrase_lemma(noun)) or None


def _measure_class(lemma_phrase: str, vocab: dict) -> Optional[str]:
    for name, words in vocab.items():
        if lemma_phrase in words:
            return name
    return None


def _noun_measure(noun, vocab: dict):
    """('blasts', subject) when the counted noun is itself what is measured: 'two explosions'."""
    full = _noun_phrase_lemma(noun)
    head = _lemma(noun)
    cls = _measure_class(full, COUNTED_NOUNS) or _measure_class(head, COUNTED_NOUNS)
    if cls is None:
        return None
    modifiers = full.split()[:-1]
    specific = [m for m in modifiers if _measure_class(m, COUNTED_NOUNS) != cls]
    subject = full if specific else None
    return cls, subject


SKIP_BEFORE_PREDICATE = {
    "were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "reportedly", "also",
    "later", "now", "all", "each", "people", "persons", "reported", "believed", "feared", "confirmed",
    "were", "said", "to", "initially", "since", "already", "still", "fatally", "mortally",
}
# "150 fatally shot", "mortally wounded": the adverb makes any harm a death
FATAL_ADVERBS = {"fatally", "mortally"}


# Verbs that report a measure only with a direction: "driven from their homes" is displacement,
# "drove a car into the store" is not.
NEEDS_DIRECTION = {"drive": {"from", "out", "away", "off"}}


# Verbs that report a measure only without an object: "the gunmen surrendered" were captured,
# "they surrendered their passports" were not.
WITHOUT_OBJECT = {"surrender"}


def _word_measure(t, vocab: dict):
    lemma = _lemma(t)
    if lemma in NEEDS_DIRECTION and not any(c.lower_ in NEEDS_DIRECTION[lemma] for c in t.children):
        return None
    if lemma in WITHOUT_OBJECT and any(c.dep_ == "dobj" for c in t.children):
        return None
    if t.pos_ == "VERB" and (any(c.lower_ in FATAL_ADVERBS for c in t.children)
                             or (t.i > 0 and t.doc[t.i - 1].lower_ in FATAL_ADVERBS)):
        return "killed"
    name = _measure_class(lemma, vocab) or _measure_class(t.lower_, vocab)
    if name is None and t.i + 1 < len(t.doc):
        name = _measure_class(f"{lemma} {_lemma(t.doc[t.i + 1])}", vocab)
    if name is None and t.pos_ == "VERB":  # 'lost their lives': a verb and its object, words apart
        name = next((m for c in t.children if c.dep_ == "dobj" and (m := _measure_class(f"{lemma} {_lemma(c)}", vocab))), None)
    return name


def _said_of_another(verb, tok, noun) -> bool:
    """'the man who killed one woman has been charged': the verb after the figure has a subject of
    its own, and the figure is the object of another verb; what that verb says is not what the
    figure counts."""
    anchor = noun if noun is not None else tok
    if anchor.dep_ not in ("dobj", "pobj") or verb.i == anchor.head.i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in (tok.i, anchor.i) for c in verb.children)


def _predicate_measure(tok, span, vocab: dict, number_tokens, noun=None, direct_only=False):
    """What the figure's verb or noun says happened: 'people were killed', 'gave the death toll
    as 46', '39 injured', 'left 140 dead'. Words the parse ties to the figure come first; a word
    merely nearby counts only inside the figure's own clause."""
    # "57 people were killed", "39 injured", "15 service members were wounded": what follows at once
    doc = tok.doc
    j = max(tok.i, noun.i if noun is not None else tok.i) + 1
    while j < min(len(doc), span.end) and (doc[j].lower_ in SKIP_BEFORE_PREDICATE or doc[j].dep_ in ("compound",)):
        j += 1
    if j < min(len(doc), span.end) and doc[j].pos_ in ("VERB", "ADJ") and not _said_of_another(doc[j], tok, noun):
        name = _word_measure(doc[j], vocab)
        if name:
            return name
    anchors = [tok] + ([noun] if noun is not None else [])
    tied = {}
    for a in anchors:
        for c in a.children:
            # "killing two women, the first casualties": a noun in apposition renames the people;
            # the verb they are the object of says what happened to them
            tied.setdefault(c.i, 3 if c.dep_ == "appos" else 1)
        for depth, anc in enumerate(a.ancestors, start=1):
            tied.setdefault(anc.i, depth + 1)
            for c in anc.children:
                if c.dep_ in ("dobj", "oprd", "acomp", "attr", "nsubjpass", "nsubj", "acl", "amod", "xcomp") and c.i not in tied:
                    tied[c.i] = depth + 2
                if c.dep_ == "prep" and c.lower_ == "to" and anc.pos_ == "VERB":  # "burnt to death", "stabbed to death"
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            tied.setdefault(obj.i, depth + 2)
                if c.dep_ == "prep" and c.lower_ == "among":  # "13 troops were among dozens killed"
                    for obj in c.children:
                        for t in [obj] + [g for g in obj.children if g.dep_ in ("acl", "amod")]:
                            tied.setdefault(t.i, depth + 2)
            if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("conj", "xcomp", "aux", "auxpass", "amod", "acl", "pcomp", "prep", "pobj"):
                break
    best = None
    doc = tok.doc
    for i, rank in tied.items():
        t = doc[i]
        if t.pos_ not in ("VERB", "NOUN", "ADJ", "AUX", "PROPN") or not (span.start <= i < span.end):
            continue
        name = _word_measure(t, vocab)
        if name and (best is None or (rank, abs(i - tok.i)) < best[0]):
            best = ((rank, abs(i - tok.i)), name)
    if best and (not direct_only or best[0][0] <= 2):
        return best[1]
    if direct_only:  # "demonstrations by tens of thousands": a vague crowd is not a toll
        return None
    region = _region(tok, span, number_tokens)
    for t in sorted(region, key=lambda t: abs(t.i - tok.i)):
        if t.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") and abs(t.i - tok.i) <= 6:
            if any(abs(t.i - o.i) < abs(t.i - tok.i) for o in number_tokens if o.i != tok.i):
                continue
            name = _word_measure(t, vocab)
            if name:
                return name
    return None


def _money_measure(tok, span) -> str:
    """The nearest word that says what the sum is. 'Worth' and 'value' only say that it is a sum:
    'grabbed jewels worth €2m' and 'a deal worth $334m' are what was stolen and the price."""
    best = None
    for t in span:
        m = MONEY_MEASURES.get(_lemma(t))
        if m:
            d = abs(t.i - tok.i)
            if best is None or d < best[0]:
                best = (d, m, t)
    if best is None:
        return "amount"
    if best[1] == "value":  # what is worth it, and what was done to that, say what the sum is
        for a in best[2].ancestors:  # with the verbs joined to them: 'drove in and grabbed jewels worth'
            for t in [a] + ([c for c in a.children if c.dep_ == "conj"] if a.pos_ == "VERB" else []):
                m = MONEY_MEASURES.get(_lemma(t))
                if m and m != "value":
                    return m
    return best[1]


def _region(tok, span, number_tokens, keep_conj: bool = False):
    """The tokens of the figure's own clause, without sub-clauses that hold other figures."""
    root = tok
    while root.head.i != root.i and root.pos_ not in ("VERB", "AUX"):
        root = root.head
    if root.pos_ not in ("VERB", "AUX"):
        return list(span)
    others = {o.i for o in number_tokens if o.i != tok.i}
    region = set()

    def walk(t):
        region.add(t.i)
        for c in t.children:
            if c.dep_ in SUBCLAUSES and c.pos_ in ("VERB", "AUX") and not (keep_conj and c.dep_ == "conj"):
                sub = {x.i for x in c.subtree}
                if tok.i not in sub and sub & others:
                    continue
            walk(c)

    walk(root)
    if root.dep_ in ("relcl", "acl") and root.head.i != root.i:
        head = root.head
        region.add(head.i)
        for c in head.lefts:
            region.update(x.i for x in c.subtree)
    return [t for t in span if t.i in region]


# "across the country", "nationwide": a figure for the whole country, never for the city that the
# paragraph before happens to name
NATIONWIDE = "nationwide"
NATIONWIDE_RE = re.compile(
    r"\b(?:nation-?wide|country-?wide|(?:across|around|throughout|all\s+over)\s+the\s+(?:country|nation)"
    r"|(?:across|around|throughout|all\s+over)\s+(?:the\s+)?(?:U\.?S\.?A?|United\s+States|America|U\.?K\.?|"
    r"United\s+Kingdom|Britain))(?![\w-]|\.\w)",  # a full stop may end the sentence
    re.I,
)


def _nationwide(phrase: str, ctx: ExtractionContext) -> str:
    """The country a nationwide figure is for: the one its phrase names ('across the U.S.'), else
    the one the article names most; 'nationwide' when the article names none."""
    named = places.country_name(re.sub(r"^\S+\s+(?:over\s+)?(?:the\s+)?", "", phrase))
    return named or ctx.home_country or NATIONWIDE


def _place(tok, region, span, sentence: Sentence, ctx: ExtractionContext, q=None, measure=None):
    """From the figure's clause, else its sentence, else the context before it. A place that stands
    in a list ('Homs and Damascus', 'Homs, Damascus') brings the whole list: a joint place.
    Returns (place, the city it lies in, where it was read: clause, sentence or context)."""
    doc = ctx.doc
    headline = sentence.kind == "headline"
    in_sentence = places.drop_containers(
        places.mentions(doc, ctx.gazetteer, sentence.start, sentence.end), ctx.gazetteer, places.doc_text(doc), headline)
    lists = _lists(in_sentence, places.doc_text(doc))
    # a place that only describes someone named ('a jeweller working for Chopard, one of
    # Switzerland's best-known houses') says nothing of where the figure is
    in_sentence = [m for m in in_sentence if (not places.is_actor(m, doc) or any(m in g and len(g) > 1 for g in lists))
                   and not _in_apposition(m, doc, tok)]
    # the ends of a route ('cables between Italy and Egypt in the Mediterranean') say what it
    # links; where the sentence puts the thing comes first, the ends only when it names nothing else
    ends = [m for g in lists if ROUTE_BEFORE.search(places.doc_text(doc)[max(0, g[0].start - 30):g[0].start]) for m in g]
    if ends and any(m not in ends for m in in_sentence):
        in_sentence = [m for m in in_sentence if m not in ends]
    if measure == "distance":  # '14 miles from Healdsburg': a distance's 'from' is no origin
        in_sentence = _distance_places(in_sentence, sentence, q, places.doc_text(doc), doc)
    else:
        in_sentence = [m for m in in_sentence if not _origin(m, doc)]
    ids = {t.i for t in region}
    found = [m for m in in_sentence if m.token_start in ids]
    wide = NATIONWIDE_RE.search(sentence.text)
    if wide and measure != "distance":
        a, b = sentence.start + wide.start(), sentence.start + wide.end()
        if not [m for m in found if not a <= m.start < b]:
            return _nationwide(wide.group(0), ctx), None, "sentence"
    how = "clause"
    if not found and in_sentence:
        found = [min(in_sentence, key=lambda m: (_in_subclause(m, doc, tok), abs(m.token_start - tok.i)))]
        how = "sentence"
    if found:
        group = next((g for g in lists if found[0] in g), [found[0]])
        if len(found) > 1 and not any(all(m in g for m in found) for g in lists):
            found = [min(found, key=lambda m: (_in_subclause(m, doc, tok), abs(m.token_start - tok.i)))]
            group = next((g for g in lists if found[0] in g), found)
        names = [m.name for m in group]
        name = places.join(names)
        return name, (ctx.gazetteer.inside.get(names[0]) if len(names) == 1 else None), how
    name, how = ctx.context_place(sentence)
    return name, (ctx.gazetteer.inside.get(name) if name else None), how


# "2 miles northeast of", "130km off", "5 km (3 miles) from the": a place named as what a distance
# is measured from
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west)[\w-]*\s+of|\b(?:from|off)|\boff\s+the\s+coast\s+of)\s+(?:the\s+)?$", re.I)
REFERENCE_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:north|south|east|west)[\w-]*\s+(?:of\s+)?|away\s+from\s+|from\s+|off\s+(?:the\s+coast\s+of\s+)?|outside\s+)"
    r"(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?", re.I)


def _distance_places(in_sentence, sentence: Sentence, q, text: str, doc):
    """A distance is where the thing it locates is ('Wasilla is 64 km north of Anchorage':
    Wasilla); when its sentence names no such place, where it is measured from ('the quake struck
    14 miles northeast of Healdsburg', '130km off Sicily'). A place that is another distance's
    reference ('east of Cloverdale') or only part of the reference ('from the border with Sudan')
    is neither."""
    start, end = sentence.start + q.start, sentence.start + q.end
    located = [m for m in in_sentence if m.end <= start and not _origin(m, doc)
               and not REFERENCE_BEFORE.search(text[max(0, m.start - 40):m.start])]
    if located:
        return located
    return [m for m in in_sentence if m.start >= end and REFERENCE_GAP.fullmatch(text[end:m.start])][:1]


ROUTE_BEFORE = re.compile(r"\b(?:between|linking|connecting|links?|connects?|joining)\s+(?:the\s+)?$", re.I)


def _apart(t, tok, deps) -> bool:
    """Token t sits in a clause or phrase of one of these kinds that does not hold the figure."""
    return any(a.dep_ in deps and tok not in a.subtree for a in [t, *t.ancestors])


def _in_apposition(m, doc, tok) -> bool:
    return m.token_start >= 0 and _apart(doc[m.token_start], tok, ("appos",))


COMPANY_NOUNS = {"company", "firm", "maker", "manufacturer", "startup", "start-up", "chipmaker", "retailer",
                 "business", "giant", "developer", "publisher", "insurer", "carrier", "airline", "lender",
                 "conglomerate", "corporation", "supplier", "provider", "operator"}


PEOPLE_MOVED = {"displaced", "evacuated", "rescued", "affected"}
FLIGHT_VERBS = {"flee", "escape", "evacuate", "cross", "arrive", "come", "return", "deport", "expel"}


def _origin(m, doc) -> bool:
    """'20,000 refugees from the Nuba Mountains': where people came from is not where it happened;
    nor is where a company is based ('SeaMicro, based in Sunnyvale')."""
    if m.token_start < 0:
        return False
    t = doc[m.token_start:m.token_end].root
    while t.dep_ in ("compound", "amod", "poss", "nmod") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in COMPANY_NOUNS:
            return True  # "the Sunnyvale, Calif., company said it will pay $334 million"
    if t.dep_ == "pobj" and t.head.lower_ == "from":
        return True
    # "civilians fleeing from conflict in Sudan's Nuba Mountains": where they fled from
    if any(a.lower_ == "from" and a.head.lemma_.lower() in FLIGHT_VERBS for a in t.ancestors):
        return True
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.head.head.lemma_.lower() in (
        "base", "headquarter", "found", "incorporate", "register")


def _in_subclause(m, doc, tok) -> bool:
    """A place inside a relative clause ('refugees who fled violence in Sudan') is background."""
    return m.token_start >= 0 and _apart(doc[m.token_start], tok, ("relcl", "acl", "advcl"))


def _lists(found, text: str):
    """Runs of places joined only by commas and 'and'."""
    groups = []
    for m in found:
        if groups and _listed_together([groups[-1][-1], m], text):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _listed_together(found, text: str) -> bool:
    """'Homs and Damascus', 'Homs, Damascus': places given as one list form one (joint) place."""
    for a, b in zip(found, found[1:]):
        between = text[a.end:b.start]
        if not re.fullmatch(r"\s*(,|and|&|,\s*and)\s*(?:the\s+)?", between):
            return False
    return True


def _after_a_change(mspan) -> bool:
    """'an increase of 7.4% from 2010', 'rose 2% from 2019': a year after 'from' that ends a
    change is the base of the comparison, not the time of the figure."""
    if mspan[0].lower_ != "from":
        return False
    before = mspan.doc[max(mspan.sent.start, mspan.start - 6):mspan.start]
    return any(t.lower_ in ("up", "down") or t.lemma_.lower() in CHANGE_VERBS or t.lemma_.lower() in CHANGE_NOUNS
               for t in before)


@lru_cache(maxsize=512)
def _markers(text: str, day: Optional[date] = None) -> tuple:
    """(start, end, frame, text) of every time-frame marker in a piece of text; weekdays and
    'yesterday' only when the article's date ``day`` is known (else no day can be told). Read once
    per sentence, not once per figure in it."""
    found = [(m.start(), m.end(), "running_total", re.sub(r"\s+", " ", m.group(0)))
             for m in RUNNING_RE.finditer(text) if not SUPERLATIVE_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()])]
    periods = [(s, e) for s, e, _ in _periods(text)]
    found += [(m.start(), m.end(), "earlier", m.group(0)) for m in EARLIER_RE.finditer(text)
              if not COMPARISON_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()])
              and not any(s <= m.start() and m.end() <= e for s, e in periods)]  # 'rose 4.2% over the past year': its period
    calendar_dates = set()
    for m in DATE_RE.finditer(text):
        found.append((m.start(), m.end(), "dated", _dates(m.group(0))[0]))
        calendar_dates.add(m.start())
    for m in YEAR_RE.finditer(text):
        month = (m.group("month") or m.group("month2") or "").lower()[:3]
        year = m.group("year") or m.group("year2")
        found.append((m.start(), m.end(), "earlier", f"{year}-{MONTH_ABBR[month]:02d}" if month else year))
    for m in MONTH_RE.finditer(text):
        found.append((m.start(), m.end(), "dated", f"{MONTH_ABBR[m.group('month').lower()[:3]]:02d}-00"))
    for m in DAY_RE.finditer(text) if day else ():
        if NOT_A_PAST_DAY_RE.search(text[max(0, m.start() - 12):m.start()]) \
                or m.end() + len(re.match(r",?\s*", text[m.end():]).group(0)) in calendar_dates:
            continue  # "Sunday, Feb. 21", "Monday 22 February": the calendar date says the day
        found.append((m.start(), m.end(), "dated", day_told(m.group(0), day).strftime("%m-%d")))
    return tuple(sorted(found))


@lru_cache(maxsize=512)
def _periods(text: str) -> tuple:
    """(start, end, phrase) of every period phrase in a sentence ('from a year earlier', 'a month')."""
    return tuple((m.start(), m.end(), re.sub(r"\s+", " ", m.group("p").lower())) for m in PERIOD_RE.finditer(text))


def _clause_subjects(tok) -> set:
    root = tok
    while root.head.i != root.i and root.pos_ not in ("VERB", "AUX"):
        root = root.head
    heads = [root]
    while root.dep_ == "conj" and root.head.i != root.i:  # "...has cost X lives and driven half..."
        root = root.head
        heads.append(root)
    return {_lemma(c) for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")}


def _elliptical(verb) -> bool:
    """'..., more than 1 million injured, and half displaced since 2011': a list of figures sharing
    one verb phrase, however the parser attached it (no subordinator, no auxiliary)."""
    return verb.dep_ in ("advcl", "ccomp") and not any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children)


def _owned_by_other(marker_token, tok, number_tokens) -> bool:
    """A marker inside a sub-clause that holds another figure but not this one belongs to that figure."""
    others = {o.i for o in number_tokens if o.i != tok.i}
    t = marker_token
    while t.head.i != t.i:
        if t.dep_ in SUBCLAUSES and t.dep_ != "conj" and t.pos_ in ("VERB", "AUX") and not _elliptical(t):
            sub = {x.i for x in t.subtree}
            if tok.i not in sub and sub & others:
                return True
        t = t.head
    return False


AHEAD_HEADS = {"due", "set", "schedule", "plan", "go", "about"} | FORECAST_WORDS


def _day_to_come(t) -> bool:
    """'will vote on Sunday', 'is due to appear in court on Tuesday', 'are expected to be freed on
    Friday': a weekday ahead of the article's date, which counting back cannot tell."""
    verb = _nearest_verb(t) or t.sent.root
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in AHEAD_HEADS


def _time_frame(tok, span, sentence: Sentence, doc, number_tokens, day: Optional[date] = None):
    """This event, an earlier one, or a running total: from the figure's clause, else from its
    sentence, unless the marker belongs to another figure's own sub-clause. ``day``: the article's
    date, which tells the day of 'on Sunday' and 'yesterday'."""
    if _clause_subjects(tok) & RUNNING_SUBJECTS:
        return "running_total", None
    if _after_an_interval(tok):
        return "earlier", None
    mine = {t.i for t in _region(tok, span, number_tokens, keep_conj=True)}
    best = None
    for s, e, frame, text in _markers(sentence.text, day):
        mspan = doc.char_span(sentence.start + s, sentence.start + e, alignment_mode="expand")
        if mspan is None:
            continue
        if DAY_RE.fullmatch(sentence.text[s:e]) and (not any(t.ent_type_ in ("DATE", "TIME") for t in mspan)
                                                     or _day_to_come(mspan.root)):
            continue  # "the Sunday Times", "Black Friday": a name, not a day; "will vote on Sunday": a day ahead
        if _describes_a_noun(mspan[0], tok) or (frame == "earlier" and _after_a_change(mspan)):
            continue
        if mspan.start in mine:
            rank = 0
        elif _owned_by_other(mspan[0], tok, number_tokens):
            continue
        else:
            rank = 1
        order = {"running_total": 0, "earlier": 1, "dated": 2}[frame]
        if best is None or (rank, order) < best[0]:
            best = ((rank, order), frame, text)
    if best is None:
        return ("forecast", None) if _forecast(tok) else ("event", None)
    return ("forecast" if _forecast(tok) and best[1] != "running_total" else best[1]), best[2]


FORECAST_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "pobj", "advcl", "acomp")


def _reference_period(q, sentence: Sentence, figures) -> Optional[str]:
    """The span a figure counts over or compares across ('rose 0.4% from the month before', 'up
    5.4% year over year', 'an annual rate of 3%', '$900 a month'). A period phrase belongs to the
    nearest figure before it ('0.4% from the month before and 5.4% from a year earlier'), else to
    the first after it ('the annual rate of 3%')."""
    found = None
    for start, end, phrase in _periods(sentence.text):
        before = [f for f in figures if f.end <= start]
        owner = max(before, key=lambda f: f.end) if before else min(
            (f for f in figures if f.start >= end), key=lambda f: f.start, default=None)
        if owner is q:
            found = PERIOD_PHRASES[phrase]
            break
    return found


def _forecast(tok) -> bool:
    """'Economists had expected claims to fall to 475,000', 'a forecast of 5%', 'the forecast was
    for 671,000', 'the 6.1% economists had expected': a figure inside what a forecast says is a
    forecast, kept apart from the actual figure. The figure must sit in the forecast's complement:
    in 'the toll, 57, is expected to rise' the 57 is the actual toll."""
    if FORECAST_AFTER_RE.match(places.doc_text(tok.doc)[tok.idx + len(tok.text):tok.sent.end_char]):
        return True
    child = tok
    for a in tok.ancestors:
        if _lemma(a) in FORECAST_WORDS and child.dep_ in FORECAST_COMPLEMENTS:
            return True
        if _lemma(a) == "be" and child.dep_ in ("attr", "prep", "acomp") and any(
                c.dep_ == "nsubj" and _lemma(c) in FORECAST_WORDS for c in a.children):
            return True  # 'the consensus forecast was for 671,000 jobs'
        if a.dep_ in ("ROOT",) or _lemma(a) in attribution.REPORTING:
            return False
        child = a
    return False


def _describes_a_noun(t, tok) -> bool:
    """'a camp of 21,000 people, some of whom had crossed since the rebellion began': a time inside
    a clause about some noun dates that noun's story, not the figure outside the clause."""
    return _apart(t, tok, ("relcl", "acl"))


LONG_INTERVALS = {"week", "weeks", "month", "months", "year", "years", "decade", "decades"}


def _after_an_interval(tok) -> bool:
    """'The raid comes a month after a bandit made off with $136M': a figure inside a clause that
    happened weeks or more before the main one belongs to that earlier event. (Days are not
    enough: 'two days after the bombing killed 57' is still the story's own toll.)"""
    doc = tok.doc
    line = [tok, *tok.ancestors]
    for a in line:
        # the figure must sit inside the 'after' phrase: 'after' above it, or marking a clause above it
        after = a if a.lower_ == "after" and a.dep_ == "prep" else \
            next((c for c in a.children if c.lower_ == "after" and c.dep_ == "mark"), None)
        if after is None or after.i > tok.i:
            continue
        before = {t.lower_ for t in doc[max(after.sent.start, after.i - 4):after.i]}
        if before & LONG_INTERVALS:
            return True
    return False


def _superseded(q, sentence: Sentence) -> bool:
    before = sentence.text[max(0, q.start - 60):q.start]
    return bool(SUPERSEDED_RE.search(before))


def _per_rate(noun) -> bool:
    """'one major break per cable per year', 'one death per 1,000 people': a count per unit is a
    rate, a figure even when it is one."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.lower_ == "per"


def _claim(q, tok, sentence: Sentence, span, ctx: ExtractionContext, number_tokens, listed=None,
           clause_mate=None) -> Optional[Claim]:
    """listed: the claim this figure is listed after in a gapped list (see _gapped_after); clause_mate:
    the (measure, subject) of the noun the figure leaves out (see _clause_mate_count)."""
    vocab = ctx.vocabulary
    subject = None
    measure = None
    noun = _counted_noun(tok)
    left_out = noun is None and q.kind == "cardinal" and not q.unit and _elided_noun(tok)
    if left_out:
        noun = left_out  # "and Iowa lost one": one of the plants Ohio gained
    elif q.excluded == "elided":
        return None
    if listed is not None:
        measure, subject = listed.measure, listed.subject
        low, high = {"at_least": (q.value, None), "more_than": (q.value, None), "up_to": (None, q.value),
                     "less_than": (None, q.value)}.get(listed.bound, (q.value * 9 / 10, q.value * 11 / 10))
        q = replace(q, bound=listed.bound, low=low, high=high)
    elif q.excluded == "age":
        person = _aged_person(tok)
        if person is None or _speaker(person):
            return None  # 'said 61-year-old Anargyros Bizianis': whoever gives a quote is no figure
        measure, subject = "age", (_person_subject(person) if _person_like(person) else None)
    elif q.kind == "money" or (q.unit or "").upper() in ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD"):
        measure, subject = _money_measure(tok, span), _part_of_a_sum(q, sentence.text)
    elif q.excluded == "duration":
        measure = _duration_measure(q, tok, sentence)
        if measure is None:
            return None
    elif _margin_of_error(q, sentence):
        measure = "margin of error"
    elif _quake_magnitude(q, tok, noun, span):
        measure = "magnitude"  # 'a 4.6 quake' is 'a magnitude 4.6 quake'
    elif q.unit and q.unit not in ("share", "percent", "times"):
        measure = UNIT_MEASURES.get(q.unit, q.unit)
        if measure == "distance":
            measure, subject = _distance_of(tok, q, sentence)
    else:
        reported = own = counted = None
        fronted = _fronted_partitive(tok, noun, vocab)
        tally = _tally_side(q, sentence)
        charge = _charge_count(tok, noun)
        if clause_mate:
            measure = reported = clause_mate[0]
            subject = clause_mate[1]
        elif tally or _poll_sample(noun):
            measure = reported = tally or "poll sample"
        elif charge:
            measure = reported = "charged"
            subject = charge
        elif fronted:
            measure, subject = fronted
            reported = measure
        elif noun is not None:
            lemma = _lemma(noun)
            own = _measure_class(lemma, vocab) or _measure_class(_noun_phrase_lemma(noun), vocab)  # 'the unemployment rate'
            if own is None and _in_a_change(noun):  # 'added 183,000 jobs'; 'people with two jobs' hold them
                own = COUNTED_UNITS.get(lemma) or COUNTED_UNITS.get(_noun_phrase_lemma(noun))
            if lemma == "life":  # lives are a toll when a war costs, claims or takes them, not when it "shatters" them
                verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
                own = "killed" if verb is not None and _lemma(verb) in LIFE_VERBS else None
            counted = _noun_measure(noun, vocab)
            if own:  # "39 of the dead", "46 deaths"
                measure = own
            elif counted:
                measure, subject = counted
                if measure == "attacks" and not subject:
                    subject = _event_qualifier(tok, noun, vocab)
                elif measure in ("vehicles", "buildings") and not subject:
                    subject = _done_to(tok if left_out else noun, vocab)  # '... and hijacked nearly 40': its own verb
            elif _person_like(noun):
                subject = None if lemma in GENERIC_PERSONS else _person_subject(noun)
                own_people = tok.doc[tok.i + 1] if tok.i + 1 < noun.i else None
                if own_people is not None and own_people.ent_type_ == "NORP" and own_people.head.i == noun.i \
                        and not _peoples_joined(own_people):
                    # "12 Somali and 11 Yemeni pirates": each figure counts the people named beside it
                    subject = person_class(f"{_lemma(own_people)} {lemma}") or _lemma(own_people)
            else:
                subject = _noun_phrase_lemma(noun)
            # "39 of the dead were civilians": the partitive's complement names who
            if own and tok.dep_ in ("nsubj", "nsubjpass"):
                for c in tok.head.children:
                    if c.dep_ == "attr" and _lemma(c) in PERSON_NOUNS and _lemma(c) not in GENERIC_PERSONS:
                        subject = _person_subject(c)
                    elif c.dep_ == "attr" and _noun_measure(c, vocab):
                        subject = _noun_phrase_lemma(c)
                    elif c.dep_ == "prep" and c.lower_ in ("of", "from") and _lemma(tok.head) == "be":
                        # "seven of the deaths were of a single family": a part, whose people say which
                        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if pobj is not None and pobj.pos_ == "NOUN":
                            subject = _lemma(pobj)
            elif counted and tok.dep_ in ("nsubj", "nsubjpass") and noun.i != tok.i:
                for c in tok.head.children:  # "two of the blasts were car bombs"
                    if c.dep_ == "attr" and _noun_measure(c, vocab) and _noun_measure(c, vocab)[0] == measure:
                        subject = _noun_phrase_lemma(c)
        if measure is None and noun is None:
            measure = reported = _level_or_change(tok, vocab)  # "claims fell to 473,000", "prices rose 0.9%"
        if measure is None and (noun is None or _person_like(noun)):
            measure = _predicate_measure(tok, span, vocab, number_tokens, noun, direct_only=q.kind == "vague")
            reported = measure
            if measure is None and noun is None:
                measure, subject = _nearest_counted(tok, _region(tok, span, number_tokens), vocab) or (None, None)
            if measure is None and noun is None and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                    and tok.head.head.pos_ == "NOUN":
                measure = _lemma(tok.head.head)  # "a majority of 160", "a crowd of 5,000"
            if measure is None and noun is None and re.search(r"(\d\s*(bn|mn|m|b)|billion|million|trillion)$", q.text, re.I):
                measure = _money_measure(tok, span)  # "lend 22.4bn to Greece": a sum, its currency said elsewhere
        if measure is None and noun is None:
            measure = _copula_subject(tok)  # "temperatures were minus 20": what the figure is
        if measure is None and noun is None and q.kind == "share" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "about half of them are engineers": a share of people is a share of what they are
            attr = _copula_attr(tok.head)
            measure = _lemma(attr) if attr is not None else None
        headcount = False
        # "several previous strikes", "a few cars": a manner of speaking, not a figure; but "hundreds
        # of rockets" is an estimate of a count that other outlets give in figures
        if q.kind == "vague" and not (reported or own) and not (noun is not None and _crowd_sized(q)):
            return None
        if q.value == 1 and noun is None and not reported:
            return None  # "two buildings, one used by tax officials": 'one' stands for one of them
        if q.value == 1 and q.kind == "cardinal" and not (reported or own or counted or q.hedge or left_out or clause_mate) \
                and not (noun is not None and (_person_like(noun) or _hyphen_noun(tok) is not None or _per_rate(noun))):
            return None  # "one area where it can compete", "a bold move, and one that may": a word, not a count
        if measure is None and ((noun is not None and _lemma(noun) in GENERIC_PERSONS)
                                or (noun is None and (tok.dep_ in ("nsubj", "nsubjpass") or q.unit in ("percent", "share", "times")))):
            # "20,000 people marched", "with 1,000 leaving today", "stocks plunged 5.4 per cent":
            # what they did is what is counted
            verb = _governing_verb(noun if noun is not None else tok)
            if verb is None and _reported_headcount(noun):
                measure, subject = _lemma(noun), None
            elif verb is None:
                return None
            else:
                measure, subject = ("present" if verb is PRESENT else _lemma(verb)), None
        elif measure is None and noun is not None:
            words = (subject or _lemma(noun)).split()  # "22,000 refugees": a headcount; "11 Yemeni pirates" of whom
            kept = " ".join(words[:-1]) if subject and _person_like(noun) else None
            measure, subject = words[-1], kept or None
            model = _designation(tok, noun) or (re.sub(r"(?<=\d)s$", "", measure) if re.search(r"[a-z]-?\d", measure) else None)
            if model:  # "seven AK-47 rifles", "seven AK-47s": a count of the model, however named
                measure, subject = model, None
            headcount = True
        if noun is not None and _other(noun) and "other" not in (subject or "").split():
            subject = f"other {subject}" if subject else "other"  # "three other rifles" are not the seven AK-47s
        if measure is None:
            return None  # a bare number with nothing counted: not a claim a fact-checker can check
        # "the two sides", "the two nations", "several residents said": a reference or a manner of
        # speaking, unless something is reported of them (killed, wounded, arrested...)
        if (headcount or _counted_only(noun, vocab)) and (_definite(tok, q, sentence) or (q.kind == "vague" and not _crowd_sized(q))) \
                and _hyphen_noun(tok) is None:
            return None
        if q.kind == "share" or q.unit == "percent":
            measure = _in_percent(measure, "share" if q.kind == "share" else "percent")
    if _regimen_count(q, tok, measure, vocab):
        return None  # "54% have had at least one dose": what each person got, so whom 54% counts
    if measure in PEOPLE_MOVED and subject == "civilian":
        subject = None  # those who flee or are evacuated are civilians: no part of a whole
    parent = _part_of_a_part(tok, noun, number_tokens)
    if parent is not None:  # "seven of the deaths were of one family, including three children"
        subject = f"{subject or 'people'} among {parent.text.lower()}"
    region = _region(tok, span, number_tokens)
    place, place_in, place_from = _place(tok, region, span, sentence, ctx, q, measure)
    time_frame, time_text = _time_frame(tok, span, sentence, ctx.doc, number_tokens, ctx.day)
    if _reckoning(tok):
        time_frame, time_text = "hypothetical", None
    last_speaker = ctx.speakers.get(sentence.index)
    source = attribution.source_for(tok, span, last_speaker) or ctx.quoted.get(sentence.index)
    start, end = sentence.start + q.start, sentence.start + q.end
    bound = q.bound
    if (bound or "exact") == "exact" and not q.hedge and _estimated(tok):
        bound = "about"
    claim = Claim(
        start=start, end=end, text=ctx.article.text[start:end], value=q.value, low=q.low, high=q.high,
        bound=bound, unit={"age": "year", "magnitude": "magnitude"}.get(measure, q.unit), measure=measure, subject=subject,
        place=place, source=source, time_frame=time_frame, time_text=time_text, superseded=_superseded(q, sentence),
        kind="measure" if measure == "magnitude" else q.kind,
        sentence_index=sentence.index,
    )
    if q.unit and re.search(r"[\d\w%)]\s*\(\s*(about|some|around|roughly|or|approximately)?\s*$", sentence.text[max(0, q.start - 30):q.start]) \
            and re.match(r"[^()]*\)", sentence.text[q.end:q.end + 3] + ")"):
        # "$US1 million ($1.52 million)": the same figure in other units; "23 pirates (12 Somali
        # and 11 Yemeni)" gives parts, in no unit
        claim.kind = "conversion"
    claim.place_in = place_in
    claim.place_from = place_from
    claim.place_scope = "country" if place and place in ctx.gazetteer.countries else ("local" if place else None)
    return claim


LIFE_VERBS = {"cost", "claim", "take", "lose", "end", "save"}
OUTCOME_VERBS = {"land", "fall", "explode", "detonate", "impact", "crash"}
CONTACT_VERBS = {"hit", "strike"}
# "four bombs dropped within moments": when, not which of the bombs
TIME_NOUNS = {"moment", "second", "minute", "hour", "day", "night", "morning", "afternoon", "evening", "week",
              "time", "span", "period", "succession"}
WHERE_PREPS = {"in", "inside", "within", "outside", "near", "on", "onto", "at", "into", "beside", "around"}
SCENE_NOUNS = {"city", "town", "village", "suburb", "district", "neighbourhood", "neighborhood", "area",
               "street", "region", "province", "country", "capital", "crowd"}


TALLY_PAIR_RE = re.compile(r"\s*(?:-|–|—|\bto\b)\s*")
MARGIN_BEFORE_RE = re.compile(r"\bmargin\s+of\s+(?:sampling\s+)?error\b(?:\s+(?:of|was|is|at))?(?:\s+(?:plus\s+or\s+minus|\+/-|±))?\s*\Z", re.I)


def _part_of_a_sum(q, text: str) -> Optional[str]:
    """'$281 million in cash' (its cash part), 'including $281 million', '$5m of the total' (a
    part); '$334 million in cash and stock' is the whole sum (None)."""
    m = re.match(r"\s+in\s+(cash|stock|shares|equity|debt|loans?|grants?|aid|bonds?|fees)\b(?!\s+(and|or|plus)\s+(cash|stock|shares|equity)\b)",
                 text[q.end:q.end + 30], re.I)
    if m:
        return m.group(1).lower()
    if (re.search(r"\b(including|of which|of that|of this|among them)\s*$", text[max(0, q.start - 20):q.start], re.I)
            or re.match(r"\s+of\s+(the|its|their|that|this)\s+(\w+\s+)?(price|total|sum|amount|deal|package|cost|bill)\b",
                        text[q.end:q.end + 40], re.I)):
        return "part"
    return None


def _tally_side(q, sentence: Sentence) -> Optional[str]:
    """'The Senate voted 69-30', 'the bill passed 69 to 30': a tally gives the votes for, then the
    votes against; the pair follows a word of voting (the vocabulary's tally words)."""
    text = sentence.text
    if q.kind != "cardinal" or q.unit or q.hedge:
        return None
    after = re.match(TALLY_PAIR_RE.pattern + r"(\d+)\b(?![.,]\d|%)", text[q.end:])
    before = re.search(r"\b(\d+)" + TALLY_PAIR_RE.pattern + r"\Z", text[:q.start])
    if after and int(after.group(1)) <= q.value:
        side, pair_start = "votes for", q.start
    elif before and int(before.group(1)) >= q.value:
        side, pair_start = "votes against", before.start()
    else:
        return None
    words = re.findall(r"[a-z]+", text[max(0, pair_start - 40):pair_start].lower())
    return side if set(words[-4:]) & TALLY_WORDS else None


def _charge_count(tok, noun) -> Optional[str]:
    """'charged with two counts of fraud', 'faces one count of murder': a numbered count of an
    offence is a charge; the offence is what is charged."""
    if noun is None or _lemma(noun) != "count" or tok.dep_ != "nummod" or tok.head.i != noun.i:
        return None
    offence = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
    if offence is None:
        return None
    words = [t for t in offence.doc[offence.left_edge.i:offence.i + 1] if t.dep_ not in ("det", "poss")]
    return "".join(t.text_with_ws for t in words).strip().lower()


def _poll_sample(noun) -> bool:
    """'a poll of 1,000 adults', 'a survey of 2,500 voters': the people a poll asked."""
    return (noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and _lemma(noun.head.head) in POLL_NOUNS)


# "an earthquake measuring", "a quake with a preliminary magnitude of": a magnitude follows
MEASURING_BEFORE_RE = re.compile(
    r"\b(?:%s)s?,?\s+(?:measuring|registering|rated|of\s+magnitude|with\s+an?\s+(?:\w+\s+)?magnitude\s+of)\s+\Z"
    % "|".join(map(re.escape, sorted(MAGNITUDE_NOUNS))))
MAGNITUDE_VERBS = {"measure", "register", "be", "reach", "hit", "record", "rate", "have"}


def _quake_magnitude(q, tok, noun, span) -> bool:
    """A bare figure that gives a quake's magnitude, as 'magnitude 4.6' does: 'a 4.6 quake', '4.6
    Earthquake Shakes Towns', 'an earthquake measuring 4.6', 'the quake was 4.5', and a decimal
    with nothing counted beside a quake ('a 2.9 aftershock and a 2.2'): a count is never 2.2."""
    if q.unit or q.kind != "cardinal" or not 0 < (q.value or 0) < 10 or not re.search(r"\d", q.text):
        return False  # a magnitude is written in digits: "one earthquake" counts one
    whole = q.value == int(q.value)
    doc = tok.doc
    if MEASURING_BEFORE_RE.search(places.doc_text(doc)[max(0, tok.idx - 40):tok.idx].lower()):
        return True  # 'an earthquake measuring 4.6 rattled two counties', however the parse hangs it
    after = next((t for t in doc[tok.i + 1:tok.i + 4] if t.text not in ("-", "‐", "‑") and t.lower_ != "plus"), None)
    if after is not None and _lemma(after) in MAGNITUDE_NOUNS and after.tag_ not in ("NNS", "NNPS") \
            and not (whole and after.dep_ == "compound" and after.head.i > after.i):
        return True  # "2 earthquakes" and "3 quake victims" count them
    verb = tok.head if tok.dep_ in ("dobj", "attr", "acomp", "npadvmod", "oprd") else None
    if verb is not None and _lemma(verb) in MAGNITUDE_VERBS:
        said_of = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_lemma(t) in MAGNITUDE_NOUNS for t in said_of):
            return True
    return (not whole and (noun is None or _lemma(noun) in MAGNITUDE_NOUNS)
            and any(_lemma(t) in MAGNITUDE_NOUNS for t in span))


def _duration_measure(q, tok, sentence: Sentence) -> Optional[str]:
    """A span of time that is itself a figure: the span a record holds over ('the largest rise in
    four decades', 'the most in 39 years', 'a 21-year high') and a prison term ('up to two years in
    prison'); any other duration ('served 39 years', 'for two hours') is when, not what."""
    text = sentence.text
    if RECORD_AFTER_RE.match(text, q.end):
        return "record span"
    if PRISON_AFTER_RE.match(text, q.end):
        return "prison term"
    prep = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
    if prep is None or not SPAN_BEFORE_RE.search(text[max(0, q.start - 24):q.start]):
        return None
    # what the span is told of, and the word above it, is the superlative's: 'the largest rise in';
    # 'for the first time in over a year' says when, like 'for a year'
    held = [h for h in (prep.head, prep.head.head) if _lemma(h) != "time"]
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ == "first" for h in held for t in [h, *h.children]):
        return "record span"
    return None


def _margin_of_error(q, sentence: Sentence) -> bool:
    """'a margin of error of 3 percentage points', 'margin of error: plus or minus 4%'."""
    return bool(MARGIN_BEFORE_RE.search(sentence.text[max(0, q.start - 60):q.start]))


def _crowd_sized(q) -> bool:
    """'several hundred protesters', 'dozens of police stations', 'hundreds of stores': a vague
    figure of a dozen or more is an estimate of a count that other outlets give in figures;
    'several residents', 'a few cars' are a manner of speaking."""
    return q.kind == "vague" and (q.low or 0) >= 12


def _part_of_a_part(tok, noun, number_tokens):
    """The figure a part ('including three children') is counted within, when that figure is
    itself a part ('seven of the deaths'): a count inside a subset is never the story's count of
    the same people, whatever another outlet says of them."""
    anchor = noun if noun is not None else tok
    inc = next((a for a in anchor.ancestors if a.dep_ == "prep" and a.lower_ in ("including", "among")), None)
    if inc is None:
        return None
    others = {o.i for o in number_tokens if o.i != tok.i}

    def partitive(t):
        return t.i in others and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)

    if partitive(inc.head):
        return inc.head
    verb = next((a for a in inc.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and partitive(c):
                return c
    return None


def _event_qualifier(tok, noun, vocab):
    """'two landed inside the camp', 'three other explosions', 'one hit a school': which of the
    bombs a figure counts, so a part is never linked with the whole."""
    bits = []
    anchor = noun if noun is not None else tok
    near = [c.lower_ for c in list(anchor.children) + list(tok.children)]
    if {"other", "further", "more", "additional", "another"} & set(near):
        bits.append("other")
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and noun is not None and noun.i != tok.i:
        bits.append("of them")
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None and verb.pos_ == "VERB":
        lemma = _lemma(verb)
        where = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WHERE_PREPS:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "NOUN" and _lemma(obj) not in SCENE_NOUNS | TIME_NOUNS \
                        and not _noun_measure(obj, vocab):
                    where.append(f"{c.lower_} {_lemma(obj)}")
            elif c.dep_ == "advmod" and c.lower_ in ("outside", "inside", "nearby"):
                where.append(c.lower_)
            elif c.dep_ == "dobj" and lemma in CONTACT_VERBS and c.pos_ == "NOUN" and _lemma(c) not in SCENE_NOUNS:
                where.append(_lemma(c))
            elif c.dep_ == "neg":
                where.append("not")
        if lemma in OUTCOME_VERBS or where:
            bits.append(" ".join([lemma] + where))
    return " ".join(bits) or None


PRESENT = object()


STATE_OR_OUTCOME_VERBS = {"hold", "keep", "own", "hijack", "seize", "sink", "destroy", "damage", "burn",
                          "torch", "attack", "target", "hit", "board", "steal", "recover", "rescue", "sell",
                          "buy", "build", "close", "shut", "ground", "cancel", "divert"}


def _done_to(noun, vocab) -> Optional[str]:
    """'pirates hold about a dozen ships', 'attacked nearly 100 ships', 'rescued two ships': what was
    done to the ships says which ships are counted; synonyms fold through the measure vocabulary."""
    verb = _governing_verb(noun)
    if verb is None or verb is PRESENT:
        return None
    lemma = _lemma(verb)
    # a reported outcome (seized, rescued, destroyed) or a standing state (held) says which ships;
    # how the boats moved or fired ('closed in', 'opened fire') does not
    return _measure_class(lemma, vocab) or (lemma if lemma in STATE_OR_OUTCOME_VERBS else None)


PRESENCE_PREPS = {"in", "inside", "at", "aboard", "on"}
PRESENCE_ADVERBS = {"there", "here", "inside", "aboard", "present", "onboard"}


def _presence(verb) -> bool:
    """'there were 30 guests', 'had 30 guests inside', 'who were at the party': a 'be' or 'have'
    that says where people were, or that they were there at all."""
    return _lemma(verb) in ("be", "have") and any(
        c.dep_ == "expl" or (c.dep_ == "advmod" and c.lower_ in PRESENCE_ADVERBS)
        or (c.dep_ == "prep" and c.lower_ in PRESENCE_PREPS) for c in verb.children)


def _governing_verb(t):
    """The verb a figure's noun hangs from, through 'had to be ushered' to 'usher'; PRESENT where
    it only says that they were there ('there were 30 guests', '30 guests who were inside')."""
    if any(c.dep_ == "relcl" and _presence(c) for c in t.children):
        return PRESENT
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None and _lemma(verb) in ("be", "have", "get"):
        if _presence(verb):
            return PRESENT  # "as many as 20 people had been inside the bank"
        nxt = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp") and c.pos_ == "VERB"), None)
        if nxt is None:
            return None
        verb = nxt
    if verb is not None and _lemma(verb) in attribution.REPORTING:
        # "10,000 people are reported as marching": what they are reported doing
        verb = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
    return verb


def _regimen_count(q, tok, measure, vocab) -> bool:
    """'at least one vaccine shot', 'two doses': a count per person (the vocabulary's regimen
    counts), read from the measure or from the words right after the figure, which the parse may
    split ('one vaccine shot' with 'shot' a verb)."""
    if q.kind != "cardinal" or q.value is None:
        return False
    words = [t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in tok.doc[tok.i + 1:tok.i + 4]]
    names = {measure} | {_measure_class(" ".join(words[:k]), vocab) for k in (1, 2, 3)}
    return any(0 < q.value <= REGIMEN_COUNTS[n] for n in names if n in REGIMEN_COUNTS)


def _reported_headcount(noun) -> bool:
    """'Bureau announces 8 million people in the region': people a report gives as its object are
    a headcount, not a manner of speaking; 'gave 30 people a lift' reports nothing."""
    if noun is None or noun.dep_ != "dobj":
        return False
    lemma = _lemma(noun.head)
    return lemma in attribution.SPEAKING


def _definite(tok, q, sentence: Sentence) -> bool:
    if q.kind != "cardinal":
        return False  # 'the 3.8% unemployment rate' is a figure; 'the two sides' a reference
    before = sentence.text[max(0, q.start - 12):q.start].lower()
    return bool(re.search(r"\b(the|these|those|both)\s+$", before)) and (q.value or 0) <= 5


def _counted_only(noun, vocab) -> bool:
    """A counted noun that is not an event ("nations", "provinces"), so no happening is reported."""
    if noun is None:
        return False
    got = _noun_measure(noun, vocab)
    return bool(got) and got[0] in ("countries", "buildings", "vehicles")


def _nearest_counted(tok, span, vocab):
    """'the other two had been detonated by suicide attackers': the figure counts a noun nearby."""
    best = None
    for t in span:
        if t.pos_ != "NOUN" or t.i == tok.i:
            continue
        got = _noun_measure(t, vocab)
        if got:
            d = abs(t.i - tok.i)
            if d <= 8 and (best is None or d < best[0]):
                best = (d, got)
    return best[1] if best else None
