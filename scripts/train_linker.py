#!/usr/bin/env python
"""Train the linker's pairwise model from the gold stories and write its weights.

    python scripts/train_linker.py DB [GOLD ...] [--out datasette_factcheck/link/linker.json]

DB is a database built from the gold stories' texts (scripts/build_db.py DB tests/data/clusters
datasette_factcheck/sample); GOLD defaults to every tests/gold/*.gold.json. Deterministic: the
same database and gold give the same file, byte for byte.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # runnable from a checkout too

import click

from datasette_factcheck.link.model import L2, SHIPPED


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=str(SHIPPED), show_default=True)
@click.option("--l2", type=float, default=L2, show_default=True, help="L2 penalty on every weight but the bias")
@click.option("--threshold", type=float, default=None, help="Merge threshold on the pair probability (default: keep the shipped one)")
def main(db, gold, out, l2, threshold):
    import numpy as np
    import sqlite_utils

    from datasette_factcheck import plugins
    from datasette_factcheck.evaluation import labelled_pairs
    from datasette_factcheck.link.model import fit, shipped

    gold = sorted(gold) or sorted(str(p) for p in (ROOT / "tests" / "gold").glob("*.gold.json"))
    vocabulary = set(plugins.measures())
    database = sqlite_utils.Database(db)
    X, y = [], []
    for g in gold:
        _, _, Xs, ys = labelled_pairs(database, g, vocabulary)
        X.append(Xs), y.append(ys)
        click.echo(f"{Path(g).name}: {len(ys)} pairs, {int(ys.sum())} linked", err=True)
    threshold = shipped().threshold if threshold is None else threshold
    model = fit(np.vstack(X), np.concatenate(y), l2=l2, threshold=threshold, alike_threshold=shipped().alike_threshold)
    stories = [Path(g).name.replace(".gold.json", "") for g in gold]
    Path(out).write_text(model.to_json(trained_on=stories, l2=l2, pairs=int(sum(len(v) for v in y))))
    click.echo(f"wrote {out}: {len(stories)} stories, {sum(len(v) for v in y)} pairs", err=True)


if __name__ == "__main__":
    main()
