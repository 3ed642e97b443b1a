"""Linking: the claims of one story that report the same quantity become one fact.

frame (what the story is about) -> features (each pair of claims from two articles) -> model
(the probability that a pair is one quantity) -> cluster (constrained, for precision) -> facts
(status, label, part-and-whole checks).
"""
from __future__ import annotations

from typing import Iterable, List, Optional

import numpy as np

from ..model import Fact
from . import model as _model
from .cluster import cluster
from .facts import check_parts, make_fact
from .features import FEATURES, cannot_link, pair_features, prepare
from .frame import Frame


def pairs(claims: List[dict], vocabulary: Iterable[str] = ()):
    """The story's claims prepared, its frame, the cannot-link matrix, and the cross-article
    pairs (i < j) that may link, with their features."""
    frame = Frame(claims)
    prepared = prepare(claims, frame, vocabulary)
    n = len(prepared)
    banned = np.zeros((n, n), dtype=bool)
    index, rows = [], []
    for i in range(n):
        a = prepared[i]
        for j in range(i + 1, n):
            b = prepared[j]
            if cannot_link(a, b, frame):
                banned[i, j] = banned[j, i] = True
            elif a["article_id"] != b["article_id"]:
                index.append((i, j))
                rows.append(pair_features(a, b, frame))
    X = np.array(rows, dtype=float).reshape(-1, len(FEATURES))
    return prepared, frame, banned, index, X


def link(claims: List[dict], story: str, model: Optional[_model.Model] = None,
         vocabulary: Iterable[str] = ()) -> List[Fact]:
    """Group a story's claims into facts; a claim nothing else reports keeps a fact of its own."""
    if not claims:
        return []
    model = model or _model.shipped()
    prepared, frame, banned, index, X = pairs(claims, vocabulary)
    n = len(prepared)
    P = np.zeros((n, n))
    cross = np.zeros((n, n), dtype=bool)
    if index:
        i, j = np.array(index).T
        P[i, j] = P[j, i] = model.probabilities(X)
        cross[i, j] = cross[j, i] = True
    facts, members_of, taken = [], {}, set()
    for group, weakest in cluster(P, banned, cross, model.threshold):
        members = [prepared[i] for i in group]
        fact = make_fact(story, members, frame.event_date, weakest if len(group) > 1 else None, taken)
        facts.append(fact)
        members_of[fact.id] = members
    check_parts(facts, members_of)
    return facts


def facts_to_rows(facts: List[Fact], claims: List[dict]):
    """Facts as records, and for each claim the fact it now belongs to."""
    return facts, {cid: {"fact_id": f.id} for f in facts for cid in f.claim_ids}
