#!/usr/bin/env python
"""Benchmark the loader and the plugin pages: python scripts/benchmark.py --articles 10000 --out bench/

--part parse times parsing per character on pathological inputs at --parse-small and
--parse-large characters (datasette_factcheck/scaling.py): the ratio says whether it is linear.

Prints a table and writes OUT/results.json and OUT/results.md (the Markdown for the README).
Running one part (--part loader or --part pages) keeps the other part's figures in results.json.
"""
import json
import os
import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # runnable from a checkout too

from datasette_factcheck import benchmark as bench  # noqa: E402


@click.command()
@click.option("--articles", type=int, default=10000, show_default=True, help="The large corpus: articles loaded, and the database the pages are timed on")
@click.option("--small", type=int, default=1000, show_default=True, help="The small corpus the large one is compared with (0: none)")
@click.option("--out", type=click.Path(file_okay=False), default="bench", show_default=True, help="Where results.json and results.md go")
@click.option("--work", type=click.Path(file_okay=False), default=None, help="Corpus and databases (default: a folder in the temp dir, reused between runs)")
@click.option("--source", type=click.Path(exists=True, file_okay=False), default=None, help="Story folders to copy (default: the development stories)")
@click.option("--part", type=click.Choice(["all", "loader", "pages", "parse"]), default="all", show_default=True)
@click.option("--parse-small", type=int, default=1_000, show_default=True, help="--part parse: the small text, in characters")
@click.option("--parse-large", type=int, default=1_000_000, show_default=True, help="--part parse: the large text, in characters")
@click.option("--parse-stage", type=click.Choice(["numbers", "pipeline", "both"]), default="both", show_default=True,
              help="--part parse: figure finding alone, the whole parse (spaCy and extraction), or both")
@click.option("--processes", type=int, default=0, help="Loader and nlp.pipe processes (default: all cores)")
@click.option("--batch-size", type=int, default=None, help="Articles per nlp.pipe batch (default: the loader's)")
@click.option("--model", default=None, help="spaCy pipeline (default: the loader's)")
@click.option("--bare/--no-bare", default=True, show_default=True, help="Also time bare nlp.pipe over the same texts")
@click.option("--add/--no-add", "add", default=True, show_default=True, help="Also time --add of a new story to the large database")
@click.option("--add-articles", type=int, default=100, show_default=True)
@click.option("--repeat", type=int, default=1, show_default=True, help="Loader and bare-parse runs per size (the fastest is kept)")
@click.option("--requests", type=int, default=50, show_default=True, help="Timed requests per page")
@click.option("--db", "db", type=click.Path(exists=True, dir_okay=False), default=None, help="Time the pages on this database instead of the large benchmark one")
@click.option("--metadata/--no-metadata", default=True, show_default=True, help="Serve with the project's metadata.json (facets, labels)")
@click.option("--lean-reference/--no-lean-reference", default=True, show_default=True,
              help="Also time the table pages with Datasette's facet suggestions off")
@click.option("--progress/--no-progress", default=True, show_default=True)
def main(articles, small, out, work, source, part, parse_small, parse_large, parse_stage, processes, batch_size,
         model, bare, add, add_articles, repeat, requests, db, metadata, lean_reference, progress):
    """Time the loader at SMALL and ARTICLES articles against bare spaCy parsing, its memory and
    --add; then the plugin pages against Datasette's own table pages."""
    from datasette_factcheck.pipeline import BATCH

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(work) if work else bench.default_work()
    work.mkdir(parents=True, exist_ok=True)
    source = Path(source) if source else bench.default_source()
    processes = processes or os.cpu_count() or 1
    batch_size = batch_size or BATCH
    results_path = out / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    results["environment"] = bench.environment(model)
    results["command"] = "python scripts/benchmark.py " + " ".join(sys.argv[1:])

    if part == "parse":
        from datasette_factcheck.scaling import scaling

        stages = ["numbers", "pipeline"] if parse_stage == "both" else [parse_stage]
        results["parse"] = {stage: scaling(stage, parse_small, parse_large, repeat=max(1, repeat))
                            for stage in stages}
        (out / "parse.json").write_text(json.dumps(results["parse"], indent=2) + "\n")
        click.echo(f"| stage | input | µs/char at {parse_small:,} | µs/char at {parse_large:,} | ratio |")
        click.echo("| --- | --- | --- | --- | --- |")
        for stage, rows in results["parse"].items():
            for name, r in rows.items():
                click.echo(f"| {stage} | {name} | {r['us_per_char_small']} | {r['us_per_char_large']} | {r['ratio']} |")
        click.echo(f"\nwrote {out / 'parse.json'}", err=True)
        return
    if part in ("all", "loader"):
        sizes = sorted({n for n in (small, articles) if n})
        results["loader"] = bench.loader_benchmark(work, source, sizes, processes, batch_size, model,
                                                   bare=bare, add=add, add_articles=add_articles, repeat=repeat,
                                                   progress=progress)
        _save(results, out)
    if part in ("all", "pages"):
        db_path = Path(db) if db else work / f"bench-{articles}.db"
        if not db_path.exists():
            bench.say(f"{db_path} is missing: building it first")
            corpus = bench.make_corpus(source, work / f"corpus-{articles}", articles, progress)
            bench.run_loader(db_path, [corpus], processes, batch_size, model, progress=progress)
        results["pages"] = bench.pages_benchmark(db_path, work, requests, metadata, lean_reference, progress)
        _save(results, out)
    click.echo(bench.markdown(results))
    click.echo(f"\nwrote {out / 'results.json'} and {out / 'results.md'}", err=True)


def _save(results, out):
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "results.md").write_text(bench.markdown(results) + "\n")


if __name__ == "__main__":
    main()
