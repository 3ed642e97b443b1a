#!/usr/bin/env python
"""Write the reviewed stories of a database as gold (tests/gold/README.md), for training and evaluation:
python scripts/export_reviews.py coverage.db OUT_DIR [--reviews coverage-reviews.db]"""
import json
import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # runnable from a checkout too

from datasette_factcheck import reviews  # noqa: E402


@click.command()
@click.argument("database", type=click.Path(exists=True, dir_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--reviews", "reviews_path", type=click.Path(dir_okay=False),
              help="The reviews database (default: DATABASE's stem + -reviews.db beside it)")
def main(database, out_dir, reviews_path):
    """One OUT_DIR/<story>.gold.json per story a reviewer touched."""
    corrections = reviews.read(reviews_path or reviews.default_path(database))
    if not corrections:
        raise click.ClickException(f"no reviews in {reviews_path or reviews.default_path(database)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for story, gold in reviews.export_gold(database, corrections).items():
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in story)
        path = out / f"{safe}.gold.json"
        path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")
        click.echo(f"{path}: {len(gold['claims'])} claims, {len(gold['facts'])} facts, "
                   f"{len(gold['not_claims'])} not figures")


if __name__ == "__main__":
    main()
