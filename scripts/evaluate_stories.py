#!/usr/bin/env python
"""Story detection, measured: python scripts/evaluate_stories.py [ROOT ...]

Mixes every story folder under the ROOTs (default: tests/data/clusters and ../shared/data/clusters)
into one shuffled feed with the story labels hidden, detects stories, and prints B-cubed
precision and recall against the folders.
"""
import sys
from pathlib import Path

import click

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # runnable from a checkout too

from datasette_factcheck.stories import THRESHOLD, evaluate_folders  # noqa: E402

DEFAULT_ROOTS = (REPO / "tests" / "data" / "clusters", REPO.parent / "shared" / "data" / "clusters")


@click.command()
@click.argument("roots", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--seed", type=int, multiple=True, default=tuple(range(10)), show_default=True, help="Shuffles to score (one line each)")
@click.option("--threshold", type=float, default=THRESHOLD, show_default=True, help="Cosine above which an article joins a story")
def main(roots, seed, threshold):
    roots = roots or [r for r in DEFAULT_ROOTS if r.is_dir()]
    scores = []
    for s in seed:
        r = evaluate_folders(roots, seed=s, threshold=threshold)
        scores.append((r["precision"], r["recall"]))
        for line in r["skipped"]:
            click.echo(f"skipped {line}", err=True)
        click.echo(f"seed {s}: {r['articles']} articles, {r['stories']} stories, {r['found']} found; "
                   f"B-cubed precision {r['precision']:.3f}, recall {r['recall']:.3f}")
    if len(scores) > 1:
        click.echo(f"mean of {len(scores)} shuffles: B-cubed precision {sum(p for p, _ in scores) / len(scores):.3f}, "
                   f"recall {sum(r for _, r in scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
