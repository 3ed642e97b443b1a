"""Constrained agglomerative clustering of one story's claims on the pair probabilities.

Average linkage over cross-article pairs: two groups merge when the mean probability of their
pairs is at least the threshold and no pair between them is a cannot-link. A wrong link is worse
than a missing one, so the threshold is chosen for precision. Then groups whose every compared
pair reads alike (``features.reads_alike``: one measure the vocabulary defines, of the same people,
at the same place, time and period) merge at a lower bar: those are the competing
readings of one quantity, which outlets give far apart ('25 killed' from state media, '59' from a
monitor), and the fact they make says "possibly the same quantity" on its pages. Each group
remembers the score of its weakest merge: the confidence the fact pages show.
"""
from __future__ import annotations

from typing import Callable, Collection, Dict, Iterable, List, Tuple

import numpy as np


# A component larger than this is clustered in slices of it: only a pathological input (one
# figure repeated thousands of times) gets there, and it must not take the machine's memory.
MAX_COMPONENT = 400


def cluster(articles: List[str], edges: Dict[Tuple[int, int], float], cannot: Callable[[int, int], bool],
            threshold: float, must: Iterable[Tuple[int, int]] = (), alike: Collection[Tuple[int, int]] = (),
            alike_threshold: float = 1.0) -> List[Tuple[List[int], float]]:
    """The article of each claim, the probability of each candidate pair (i < j) from two
    articles (a pair never compared counts as 0), a cannot-link test, pairs that must be
    together (merged first, whatever the rest says), and the candidate pairs that read alike, with
    their lower bar. Returns groups of indices with their weakest merge score (1.0 alone).
    Two groups can only merge if some pair between them reaches its bar, so each connected
    component of such pairs is clustered on its own."""
    n = len(articles)
    root = list(range(n))

    def find(i):
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    must = list(must)
    for (i, j), p in [*edges.items(), *((pair, 1.0) for pair in must)]:
        if p >= threshold or (p >= alike_threshold and (i, j) in alike):
            root[find(i)] = find(j)
    components: Dict[int, List[int]] = {}
    for i in range(n):
        components.setdefault(find(i), []).append(i)
    out = []
    for members in components.values():
        for start in range(0, len(members), MAX_COMPONENT):
            idx = members[start:start + MAX_COMPONENT]
            m = len(idx)
            if m == 1:
                out.append((idx, 1.0))
                continue
            P = np.zeros((m, m))
            cross = np.zeros((m, m), dtype=bool)
            banned = np.zeros((m, m), dtype=bool)
            unlike = np.zeros((m, m), dtype=bool)
            for a in range(m):
                for b in range(a + 1, m):
                    pair = (idx[a], idx[b])
                    if pair in edges:
                        P[a, b] = P[b, a] = edges[pair]
                        cross[a, b] = cross[b, a] = True
                        unlike[a, b] = unlike[b, a] = pair not in alike
                    elif cannot(*pair):
                        banned[a, b] = banned[b, a] = True
                    elif articles[pair[0]] != articles[pair[1]]:
                        cross[a, b] = cross[b, a] = True
            local = {k: a for a, k in enumerate(idx)}
            forced = [(local[i], local[j]) for i, j in must if i in local and j in local]
            out += [([idx[i] for i in g], w) for g, w in _average_linkage(P, banned, cross, threshold, forced, unlike, alike_threshold)]
    return sorted(out)


def _average_linkage(P, banned, cross, threshold, forced=(), unlike=None, alike_threshold=1.0):
    n = P.shape[0]
    groups = {i: [i] for i in range(n)}
    weakest = {i: 1.0 for i in range(n)}
    S = np.where(cross, P, 0.0).astype(float)  # sums of cross-article probabilities between groups
    C = cross.astype(float)                      # counts of cross-article pairs between groups
    B = banned.copy()
    U = unlike.copy() if unlike is not None else np.ones_like(banned)  # a compared pair that does not read alike
    bar, alike_only = threshold, False
    alive = np.ones(n, dtype=bool)
    owner = list(range(n))  # the group each index is in, for the forced merges
    forced = list(forced)
    while True:
        if forced:  # a reviewer's must-link: merged first, at full confidence
            a, b = forced.pop()
            i, j, score = owner[a], owner[b], 1.0
            if i == j:
                continue
        else:
            with np.errstate(invalid="ignore", divide="ignore"):
                A = np.where((C > 0) & ~B, S / np.maximum(C, 1), -1.0)
            if alike_only:
                A[U] = -1.0
            A[~alive, :] = -1.0
            A[:, ~alive] = -1.0
            np.fill_diagonal(A, -1.0)
            i, j = np.unravel_index(int(np.argmax(A)), A.shape)
            score = A[i, j]
            if score < bar:
                if alike_only or alike_threshold >= threshold:
                    break
                bar, alike_only = alike_threshold, True  # the second round: groups that read alike
                continue
        i, j = min(i, j), max(i, j)
        for k in groups[j]:
            owner[k] = i
        groups[i] += groups.pop(j)
        weakest[i] = min(weakest[i], weakest.pop(j), float(score))
        S[i, :] += S[j, :]
        S[:, i] += S[:, j]
        C[i, :] += C[j, :]
        C[:, i] += C[:, j]
        B[i, :] |= B[j, :]
        B[:, i] |= B[:, j]
        U[i, :] |= U[j, :]
        U[:, i] |= U[:, j]
        alive[j] = False
    return [(sorted(g), weakest[k]) for k, g in sorted(groups.items())]
