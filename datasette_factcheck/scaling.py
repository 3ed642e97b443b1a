"""Parse time per character on pathological inputs, small against large: a ratio near 1 says the
parse is linear, a ratio that grows with the size says some pattern backtracks or some step reads
the text again for every figure (issue 17 found inputs of 80 KB that took minutes).

``scaling()`` is what ``scripts/benchmark.py --part parse`` reports and what tests/test_hostile.py
asserts at smaller sizes.
"""
from __future__ import annotations

import time
from typing import Dict, Iterable, Optional

# Inputs that were quadratic or worse before, and ordinary news text for comparison.
PATHOLOGICAL = {
    "number words": "one hundred and ",
    "hyphened number words": "twenty-",
    "figures and ranges": "1,000.5 million to ",
    "one long token": "a",
    "one long number": "9",
    "dotted token": "a.b-",
    "news text": "Police said at least 12 people were killed and 20 wounded in Springfield on Monday. ",
}


def make_text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _numbers(text: str) -> None:
    from .extract.numbers import find_quantities

    find_quantities(text)


def _pipeline(text: str) -> None:
    from . import pipeline
    from .model import Article

    if pipeline._NLP is None:
        pipeline._init_worker(None)
    rows = pipeline.process_batch([Article(story="bench", path="bench.txt", text=text)])
    if isinstance(rows[0], str):
        raise RuntimeError(rows[0])


STAGES = {"numbers": _numbers, "pipeline": _pipeline}


def _seconds(stage: str, text: str) -> float:
    """CPU seconds of this process: linearity is a property of the code, and other programs on a
    busy machine lengthen the wall clock of one run and not another."""
    start = time.process_time()
    STAGES[stage](text)
    return time.process_time() - start


def scaling(stage: str = "numbers", small: int = 1_000, large: int = 1_000_000, repeat: int = 3,
            inputs: Optional[Iterable[str]] = None) -> Dict[str, dict]:
    """For each input: µs per character at ``small`` and ``large`` characters and their ratio.

    Small and large runs alternate and the fastest of each is kept, so that what load from other
    programs still costs (caches, memory bandwidth) touches both sizes alike."""
    out = {}
    for name in inputs or PATHOLOGICAL:
        texts = {n: make_text(PATHOLOGICAL[name], n) for n in (small, large)}
        best = {n: float("inf") for n in texts}
        _seconds(stage, texts[small])  # warm: imports, caches, the model
        for _ in range(repeat):
            for n, text in texts.items():
                best[n] = min(best[n], _seconds(stage, text) / n)
        out[name] = {"small": small, "large": large, "us_per_char_small": round(best[small] * 1e6, 3),
                     "us_per_char_large": round(best[large] * 1e6, 3), "ratio": round(best[large] / best[small], 3)}
    return out
