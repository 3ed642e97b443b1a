"""Who gave a figure: the speaker an article cites for it, or None when the outlet states it itself.

Reads spaCy's dependency parse: "according to X", a reporting verb above the figure ("X said",
"X told", "X reported", "X put the toll at"), "quoted X as saying", "citing X". A pronoun
speaker ("He said") is the last named speaker before it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from . import places

_WORDS = json.loads((Path(__file__).parent / "vocabulary" / "attribution.json").read_text(encoding="utf-8"))
REPORTING = set(_WORDS["reporting_verbs"])
# "put/give/place" report a figure only about a toll: "SANA put the death toll at 32".
TOLL_NOUNS = set(_WORDS["toll_nouns"])
WEAK_REPORTING = set(_WORDS["weak_reporting"])
SPEAKING = REPORTING - WEAK_REPORTING  # verbs that name a speaker whatever they report
CUT_DEPS = {"relcl", "advcl", "punct", "parataxis", "ccomp", "mark", "dep", "appos", "acl"}
# "according to figures published by the Observatory": the agent is the source
CARRIER_NOUNS = set(_WORDS["carrier_nouns"])
PRONOUNS = set(_WORDS["pronouns"])
# "the agency said": a bare noun standing for a speaker named before
REFERRING_NOUNS = set(_WORDS["referring_nouns"])


def phrase(token) -> str:
    """The noun phrase a token heads, without relative clauses or trailing asides."""
    keep = {token.i}

    if token.lemma_.lower() in CARRIER_NOUNS:
        for child in token.children:
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return phrase(obj)

    def walk(t):
        for child in t.children:
            joined = child.dep_ == "appos" and child.i > 0 and child.doc[child.i - 1].text not in ",("
            if child.dep_ in CUT_DEPS and not (child.dep_ == "punct" and child.text in "-–'’") and not joined:
                continue
            keep.add(child.i)
            walk(child)

    walk(token)
    lo, hi = min(keep), max(keep)
    # contiguous span only: stop at the first gap
    i = token.i
    while i - 1 >= lo and (i - 1) in keep:
        i -= 1
    j = token.i
    while j + 1 <= hi and (j + 1) in keep:
        j += 1
    ent = places.ent_at(token.doc, token.i)
    ent = ent if ent is not None and ent.label_ in ("PERSON", "ORG") else None
    if ent is not None:  # "Homs Gov. Talal al-Barazi": never cut a name in half
        i, j = min(i, ent.start), max(j, ent.end - 1)
    doc = token.doc
    while i > 0 and doc[i - 1].dep_ in ("compound", "amod", "nmod", "poss", "punct") and i <= doc[i - 1].head.i <= j \
            and doc[i - 1].text not in (",", "(", "\"", "“"):
        i -= 1
    text = token.doc[i:j + 1].text
    return clean(text)


def clean(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(" ,;:"), flags=re.I).strip()


def _subject(verb):
    """Who does the reporting: the verb's subject; for a passive ('was recorded by the USGS') its
    agent, never what was recorded."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return next((obj for agent in verb.children if agent.dep_ == "agent"
                     for obj in agent.children if obj.dep_ == "pobj"), None)
    # "..., the Syrian Observatory for Human Rights said." parsed with the speaker hanging elsewhere
    doc = verb.doc
    if verb.i > 0:
        j = verb.i - 1
        while j >= 0 and doc[j].text not in (",", ";", "“", "\"", "”") and verb.i - j <= 12:
            j -= 1
        span = doc[j + 1:verb.i]
        if 0 < len(span) <= 11 and any(t.pos_ in ("PROPN", "NOUN") for t in span) and j >= 0:
            if span.root.pos_ in ("PROPN", "NOUN"):
                return span
    return None


def _is_pronoun(token) -> bool:
    if not hasattr(token, "pos_"):
        return False
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS


def _refers(token) -> bool:
    """'The agency said', 'the company said': a bare common noun (a determiner at most) standing for
    a speaker the article named before; 'the Indian government' names one itself."""
    return hasattr(token, "pos_") and token.pos_ == "NOUN" and token.lemma_.lower() in REFERRING_NOUNS \
        and all(t.i == token.i or t.pos_ == "DET" for t in token.subtree)


def _text(subj) -> str:
    return phrase(subj) if hasattr(subj, "pos_") else clean(subj.text)


def according_to(tokens) -> Optional[str]:
    for t in tokens:
        if t.lower_ == "according":
            for child in t.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return phrase(obj)
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(t.doc):
                for obj in nxt.children:
                    if obj.dep_ == "pobj":
                        return phrase(obj)
    return None


def _citing(verb) -> Optional[str]:
    for child in verb.children:
        if child.lemma_ == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "dep"):
            for obj in child.children:
                if obj.dep_ in ("dobj", "pobj"):
                    return phrase(obj)
    return None


def _holds(subj, token) -> bool:
    """Whether a speaker's words take in the token: '4-Plus Earthquake Recorded Near Healdsburg'."""
    if hasattr(subj, "pos_"):
        return token.i == subj.i or any(t.i == token.i for t in subj.subtree)
    return subj.start <= token.i < subj.end


def speaker_of(verb, last_speaker: Optional[str], figure=None) -> Optional[str]:
    """The speaker of a reporting verb, pronouns resolved to the last named speaker. A figure is
    never part of its own source: a headline's 'Quake of 4.6 recorded' names no speaker."""
    subj = _subject(verb)
    if subj is None or (figure is not None and _holds(subj, figure)):
        return None
    if _is_pronoun(subj):
        return last_speaker
    if _refers(subj) and last_speaker:
        return last_speaker
    return _text(subj)


def source_for(number_token, sentence_tokens, last_speaker: Optional[str] = None) -> Optional[str]:
    """Who the article says gave the figure at ``number_token``."""
    acc = according_to(sentence_tokens)
    path = [number_token] + list(number_token.ancestors)
    for k, anc in enumerate(path[1:], start=1):
        lemma = anc.lemma_.lower()
        if anc.pos_ not in ("VERB", "AUX") or lemma not in REPORTING:
            continue
        if lemma in WEAK_REPORTING and not any(
            c.lemma_.lower() in TOLL_NOUNS for c in anc.children if c.dep_ in ("dobj", "nsubjpass")
        ):
            continue
        if lemma == "quote":
            speaker = next((phrase(c) for c in anc.children if c.dep_ == "dobj"), None)
            quoter = speaker_of(anc, last_speaker, number_token)
            if speaker:
                return f"{speaker} (quoted by {quoter})" if quoter else speaker
        if lemma == "report" and anc.dep_ in ("amod", "acl"):
            continue
        if lemma in ("say", "tell", "report") and path[k - 1].dep_ == "advmod":
            continue
        speaker = speaker_of(anc, last_speaker, number_token)
        if speaker:
            cited = _citing(anc)
            return f"{speaker}, citing {cited}" if cited else speaker
    if acc:
        return acc
    # "At least 39 of the dead were civilians, the Observatory said": the speaker's verb hangs off the clause
    for anc in path:
        for child in anc.children:
            if (child.dep_ in ("parataxis", "advcl", "ccomp", "conj") and child.pos_ == "VERB"
                    and child.lemma_.lower() in SPEAKING and number_token not in child.subtree):
                speaker = speaker_of(child, last_speaker, number_token)
                if speaker:
                    return speaker
    return None


def sentence_speaker(sentence_tokens) -> Optional[str]:
    """The named speaker of a sentence, remembered for pronouns in the sentences after it."""
    for t in _speaking_verbs(sentence_tokens):
        subj = _subject(t)
        if subj is not None and not _is_pronoun(subj) and not _refers(subj):
            return _text(subj)
    return None


def _speaking_verbs(tokens):
    return (t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in SPEAKING)


OPEN_QUOTE = re.compile(r"“|``|(?:(?<=\s)|^)\"(?=\w)")
CLOSE_QUOTE = re.compile(r"”|''|(?<=[\w.,!?])\"")


MAX_QUOTED = 3  # sentences a quotation may run before the one that closes it


def quote_speakers(spans, last_speakers: dict) -> dict:
    """Sentences inside a quotation that one of the next few sentences closes: '`` We've
    lost three out of four lines.' then 'If the fourth breaks, we face a blackout, '' said Mr
    Wright.' The closing sentence's speaker (a pronoun as the last named one) gave every sentence of
    the quotation. Quotation marks that do not pair up attribute nothing.
    ``spans``: (sentence index, span) in order; returns sentence index -> speaker."""
    out, open_since = {}, None
    for index, span in spans:
        if open_since is not None and len(open_since) >= MAX_QUOTED:
            open_since = None  # a quotation that never closes within a few sentences: lost track
        text = span.text
        opens, closes = len(OPEN_QUOTE.findall(text)), len(CLOSE_QUOTE.findall(text))
        if open_since is None:
            if opens == closes + 1:
                open_since = [index]
        elif closes == opens + 1:
            verb = next(_speaking_verbs(span), None)
            speaker = speaker_of(verb, last_speakers.get(index)) if verb is not None else None
            if speaker:
                out.update((i, speaker) for i in open_since)
            open_since = None
        elif opens or closes:
            open_since = None  # marks that do not pair: attribute nothing
        else:
            open_since.append(index)
    return out
