"""Constrained agglomerative clustering of one story's claims on the pair probabilities.

Average linkage over cross-article pairs: two groups merge when the mean probability of their
pairs is at least the threshold and no pair between them is a cannot-link. A wrong link is worse
than a missing one, so the threshold is chosen for precision. Each group remembers the score of
its weakest merge: the confidence the fact pages show.
"""
from __future__ import annotations

from typing import List, Tuple

import numpy as np


def cluster(P: np.ndarray, banned: np.ndarray, cross: np.ndarray, threshold: float) -> List[Tuple[List[int], float]]:
    """P: pair probabilities (n x n), banned: cannot-link (n x n, bool), cross: pairs from
    different articles (n x n, bool). Returns groups of indices with their weakest merge score
    (1.0 for a single claim). Two groups can only merge if some pair between them reaches the
    threshold, so each connected component of such pairs is clustered on its own."""
    n = P.shape[0]
    root = list(range(n))

    def find(i):
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(cross & ~banned & (P >= threshold)))):
        root[find(int(i))] = find(int(j))
    component = np.array([find(i) for i in range(n)])
    out = []
    for c in np.unique(component):
        idx = np.flatnonzero(component == c)
        sub = np.ix_(idx, idx)
        out += [([int(idx[i]) for i in g], w) for g, w in _average_linkage(P[sub], banned[sub], cross[sub], threshold)]
    return sorted(out)


def _average_linkage(P, banned, cross, threshold):
    n = P.shape[0]
    groups = {i: [i] for i in range(n)}
    weakest = {i: 1.0 for i in range(n)}
    S = np.where(cross, P, 0.0).astype(float)  # sums of cross-article probabilities between groups
    C = cross.astype(float)                      # counts of cross-article pairs between groups
    B = banned.copy()
    alive = np.ones(n, dtype=bool)
    while True:
        with np.errstate(invalid="ignore", divide="ignore"):
            A = np.where((C > 0) & ~B, S / np.maximum(C, 1), -1.0)
        A[~alive, :] = -1.0
        A[:, ~alive] = -1.0
        np.fill_diagonal(A, -1.0)
        i, j = np.unravel_index(int(np.argmax(A)), A.shape)
        score = A[i, j]
        if score < threshold:
            break
        i, j = min(i, j), max(i, j)
        groups[i] += groups.pop(j)
        weakest[i] = min(weakest[i], weakest.pop(j), float(score))
        S[i, :] += S[j, :]
        S[:, i] += S[:, j]
        C[i, :] += C[j, :]
        C[:, i] += C[:, j]
        B[i, :] |= B[j, :]
        B[:, i] |= B[:, j]
        alive[j] = False
    return [(sorted(g), weakest[k]) for k, g in sorted(groups.items())]
