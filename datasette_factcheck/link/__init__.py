"""Linking: the claims of one story that report the same quantity become one fact.

frame (what the story is about) -> features (each pair of claims from two articles) -> model
(the probability that a pair is one quantity) -> cluster (constrained, for precision) -> facts
(status, label, part-and-whole checks).
"""
from __future__ import annotations

import math

from typing import Iterable, List, Optional, Tuple

import numpy as np

from ..model import Fact
from . import model as _model
from .cluster import cluster
from .facts import check_parts, make_fact
from .features import FEATURES, cannot_link, pair_features, prepare, reads_alike
from .frame import Frame


# Pairs are compared only within a unit and within ten times each other's size (a rough
# currency conversion counts), and each figure with at most NEIGHBOURS of the nearest in size:
# linking stays near-linear in a story's claims, whatever an input holds.
NEIGHBOURS = 60
DECADES = 1.0


def _size(c: dict) -> float:
    v = abs(c.get("_usd") or c["_value"] or 0.0)
    return math.log10(v) if v > 0 else -12.0


def pairs(claims: List[dict], vocabulary: Iterable[str] = ()):
    """The story's claims prepared, its frame, and the candidate cross-article pairs (i < j)
    that may link, with their features."""
    frame = Frame(claims)
    prepared = prepare(claims, frame, vocabulary)
    for i, j in replacements(prepared).items():
        prepared[i]["_replaced_by"] = j  # joins its replacement's fact, never compared (link)
    order = sorted((i for i in range(len(prepared)) if "_replaced_by" not in prepared[i]),
                   key=lambda i: (prepared[i]["_unit"], _size(prepared[i]), i))
    index, rows = [], []
    for k, i in enumerate(order):
        a, taken = prepared[i], 0
        for j in order[k + 1:]:
            b = prepared[j]
            if b["_unit"] != a["_unit"] or _size(b) - _size(a) > DECADES or taken >= NEIGHBOURS:
                break
            if a["article_id"] != b["article_id"] and not cannot_link(a, b, frame):
                taken += 1
                index.append((min(i, j), max(i, j)))
                rows.append(pair_features(a, b, frame))
    X = np.array(rows, dtype=float).reshape(-1, len(FEATURES))
    return prepared, frame, index, X


def link(claims: List[dict], story: str, model: Optional[_model.Model] = None,
         vocabulary: Iterable[str] = (), must: Iterable[Tuple[str, str]] = (),
         cannot: Iterable[Tuple[str, str]] = ()) -> List[Fact]:
    """Group a story's claims into facts; a claim nothing else reports keeps a fact of its own.
    ``must`` and ``cannot``: pairs of claim ids a reviewer kept together or apart (reviews.py);
    they overrule the model and its own cannot-links."""
    if not claims:
        return []
    model = model or _model.shipped()
    prepared, frame, index, X = pairs(claims, vocabulary)
    probabilities = model.probabilities(X) if index else np.zeros(0)
    edges = {pair: float(p) for pair, p in zip(index, probabilities)}
    alike = {pair for pair, x in zip(index, X) if reads_alike(x)}
    at = {c["id"]: i for i, c in enumerate(prepared)}
    kept = {tuple(sorted((at[a], at[b]))) for a, b in must if a in at and b in at and a != b}
    apart = {tuple(sorted((at[a], at[b]))) for a, b in cannot if a in at and b in at and a != b} - kept
    for pair in apart:
        edges.pop(pair, None)
    # a figure its own article says was replaced ('the initial toll of 14 had risen') is an earlier
    # reading of the figure that replaced it: it joins that figure's fact and is not clustered, so
    # its distance from the current figures neither splits nor drags their fact
    replaced_by = {i: c["_replaced_by"] for i, c in enumerate(prepared) if "_replaced_by" in c}
    facts, members_of, taken = [], {}, set()
    groups = cluster([c["article_id"] for c in prepared], edges,
                     lambda i, j: i in replaced_by or j in replaced_by or (min(i, j), max(i, j)) in apart
                     or cannot_link(prepared[i], prepared[j], frame),
                     model.threshold, must=kept, alike=alike, alike_threshold=model.alike_threshold)
    group_of = {i: members for members, _ in groups for i in members}
    for old, new in replaced_by.items():
        if group_of[old] == [old] and tuple(sorted((old, new))) not in apart:  # unless a reviewer kept them apart
            group_of[new].append(old)
            group_of[old].clear()
    groups = [(sorted(g), w) for g, w in groups if g]
    # the larger group first: where two facts read alike, the one most outlets report keeps the
    # plain id (and its URL), and a figure a reviewer split out takes the one made unique
    for group, weakest in sorted(groups, key=lambda g: (-len(g[0]), g[0])):
        members = [prepared[i] for i in group]
        fact = make_fact(story, members, frame.event_date, weakest if len(group) > 1 else None, taken)
        facts.append(fact)
        members_of[fact.id] = members
    check_parts(facts, members_of)
    return facts


def replacements(prepared: List[dict]) -> dict:
    """For each superseded figure, the index of the figure of its article that replaced it: the
    nearest of the same measure and unit that is not superseded itself."""
    current: dict = {}
    for j, d in enumerate(prepared):
        if not d.get("superseded"):
            current.setdefault((d["article_id"], d.get("measure"), d["_unit"]), []).append(j)
    out = {}
    for i, c in enumerate(prepared):
        candidates = current.get((c["article_id"], c.get("measure"), c["_unit"])) if c.get("superseded") else None
        if candidates and c.get("measure"):
            out[i] = min(candidates, key=lambda j: (abs((prepared[j].get("start") or 0) - (c.get("start") or 0)), j))
    return out


def facts_to_rows(facts: List[Fact], claims: List[dict]):
    """Facts as records, and for each claim the fact it now belongs to."""
    return facts, {cid: {"fact_id": f.id} for f in facts for cid in f.claim_ids}
