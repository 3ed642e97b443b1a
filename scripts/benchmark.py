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

import benchmarking as bench  # noqa: E402  (scripts/benchmarking.py: benchmark code stays out of the package)


@click.command()
@click.option("--articles", type=int, default=10000, show_default=True, help="The large corpus: articles loaded, and the database the pages are timed on")
@click.option("--small", type=int, default=1000, show_default=True, help="The small corpus the large one is compared with (0: none)")
@click.option("--out", type=click.Path(file_okay=False), default="bench", show_default=True, help="Where results.json and results.md go")
@click.option("--work", type=click.Path(file_okay=False), default=None, help="Corpus and databases (default: a folder in the temp dir, reused between runs)")
@click.option("--source", type=click.Path(exists=True, file_okay=False), default=None, help="Story folders to copy (default: the development stories)")
@click.option("--part", type=click.Choice(["all", "loader", "pages", "cells", "parse"]), default="all", show_default=True,
              help="cells: Datasette's own table pages with and without the plugin, 20 concurrent clients; parse: time per character")
@click.option("--parse-small", type=int, default=1_000, show_default=True, help="--part parse: the small text, in characters")
@click.option("--parse-large", type=int, default=1_000_000, show_default=True, help="--part parse: the large text, in characters")
@click.option("--parse-stage", type=click.Choice(["numbers", "pipeline", "both"]), default="both", show_default=True,
              help="--part parse: figure finding alone, the whole parse (spaCy and extraction), or both")
@click.option("--processes", type=int, default=0, help="Loader and nlp.pipe processes (default: all cores)")
@click.option("--batch-size", type=int, default=None, help="Articles per nlp.pipe batch (default: the loader's)")
@click.option("--model", default=None, help="spaCy pipeline (default: the loader's)")
@click.option("--bare/--no-bare", default=True, show_default=True, help="Also time bare nlp.pipe over the same texts")
@click.option("--add/--no-add", "add", default=True, show_default=True, help="Also time --add of a new story to the large database")
@click.option("--dask/--no-dask", default=False, show_default=True, help="Also load each corpus on a Dask LocalCluster of --processes workers")
@click.option("--add-articles", type=int, default=100, show_default=True)
@click.option("--repeat", type=int, default=1, show_default=True, help="Loader and bare-parse runs per size (the fastest is kept)")
@click.option("--requests", type=int, default=50, show_default=True, help="Timed requests per page")
@click.option("--db", "db", type=click.Path(exists=True, dir_okay=False), default=None, help="Time the pages on this database instead of the large benchmark one")
@click.option("--metadata/--no-metadata", default=True, show_default=True, help="Serve with the project's metadata.json (facets, labels)")
@click.option("--lean-reference/--no-lean-reference", default=True, show_default=True,
              help="Also time the table pages with Datasette's facet suggestions off")
@click.option("--progress/--no-progress", default=True, show_default=True)
@click.option("--cells-db", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The database for --part cells (default: the bundled sample, built in WORK)")
def main(articles, small, out, work, source, part, parse_small, parse_large, parse_stage, processes, batch_size,
         model, bare, add, dask, add_articles, repeat, requests, db, metadata, lean_reference, progress, cells_db):
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
                                                   progress=progress, dask=dask)
        _save(results, out)
    if part in ("all", "pages"):
        db_path = Path(db) if db else work / f"bench-{articles}.db"
        if not db_path.exists():
            bench.say(f"{db_path} is missing: building it first")
            corpus = bench.make_corpus(source, work / f"corpus-{articles}", articles, progress)
            bench.run_loader(db_path, [corpus], processes, batch_size, model, progress=progress)
        results["pages"] = bench.pages_benchmark(db_path, work, requests, metadata, lean_reference, progress)
        _save(results, out)
    if part in ("all", "cells"):
        if cells_db is None:
            cells_db = work / "sample.db"
            if not cells_db.exists():
                import subprocess  # the bundled sample story, as `make db` builds it

                subprocess.run([sys.executable, str(Path(__file__).parent / "build_db.py"), str(cells_db)], check=True)
        results["cells"] = table_throughput(Path(cells_db), work, progress=progress)
        _save(results, out)
    click.echo(bench.markdown(results))
    for row in results.get("cells", {}).get("pages", []):
        click.echo(f"table page {row['path']}: {row['with plugin']} req/s with the plugin, "
                   f"{row['without plugin']} without ({row['slowdown']}x; target <= 1.2x); server CPU per request "
                   f"{row['cpu_ms_with']} ms with, {row['cpu_ms_without']} ms without ({row['cpu_ratio']}x)")
    click.echo(f"\nwrote {out / 'results.json'} and {out / 'results.md'}", err=True)


# ---- Datasette's own table pages with and without the plugin (render_cell) ----------------------

# `datasette` with the plugin unregistered when its first argument is --no-plugin: Datasette 0.65
# has no DATASETTE_LOAD_PLUGINS, and the same launcher serves both runs so only the plugin differs.
_LAUNCH = """import sys
from datasette.plugins import pm
if sys.argv[1] == '--no-plugin':
    import datasette_factcheck
    pm.unregister(datasette_factcheck)
from datasette.cli import cli
cli(sys.argv[2:])
"""


def _cpu_seconds(pid):
    """User and system CPU time of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def table_throughput(db_path, work, clients=20, requests=150, rounds=8, immutable=True, progress=True):
    """Datasette's own HTML table pages (sentences, claims; every row through render_cell) with
    ``clients`` concurrent clients, on a server with the plugin and one without it, in ``rounds``
    back-to-back pairs (order alternating). Reports the median requests per second and the
    server's CPU time per request; the ratios are medians over the pairs, so other work on the
    machine, which drifts, falls on both sides of each pair alike."""
    import asyncio
    import statistics
    import subprocess
    import time

    import httpx

    name = Path(db_path).stem
    paths = [f"/{name}/sentences", f"/{name}/claims"]
    servers = {}
    try:
        for label, flag in (("with", "--with-plugin"), ("without", "--no-plugin")):
            port = bench.free_port()
            cmd = [sys.executable, "-c", _LAUNCH, flag, "serve", "-i" if immutable else "", str(db_path),
                   "-h", "127.0.0.1", "-p", str(port)]
            log = open(Path(work) / f"datasette-{flag[2:]}.log", "w")
            servers[label] = (subprocess.Popen([c for c in cmd if c], stdout=log, stderr=subprocess.STDOUT),
                              f"http://127.0.0.1:{port}")
        for label, (proc, base) in servers.items():
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"datasette {label} the plugin did not start; see {work}")
                try:
                    if httpx.get(base + "/-/versions.json", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.25)
        plugins = {label: {p["name"] for p in httpx.get(base + "/-/plugins.json").json()}
                   for label, (_, base) in servers.items()}
        assert "datasette-factcheck" in plugins["with"] and "datasette-factcheck" not in plugins["without"], plugins

        async def hammer(proc, base, path):
            async with httpx.AsyncClient(base_url=base, timeout=60) as client:
                for _ in range(clients):  # warm up
                    assert (await client.get(path)).status_code == 200
                todo = iter(range(requests))

                async def worker():
                    for _ in todo:
                        r = await client.get(path)
                        assert r.status_code == 200, (path, r.status_code)

                cpu, started = _cpu_seconds(proc.pid), time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(clients)))
                return (requests / (time.perf_counter() - started),
                        (_cpu_seconds(proc.pid) - cpu) / requests * 1000)

        rows = []
        for path in paths:
            runs = {label: [] for label in servers}
            for i in range(rounds):
                for label in (("with", "without") if i % 2 == 0 else ("without", "with")):
                    runs[label].append(asyncio.run(hammer(*servers[label], path)))
            med = lambda xs: round(statistics.median(xs), 3)  # noqa: E731
            row = {"path": path,
                   "with plugin": med([r for r, _ in runs["with"]]), "without plugin": med([r for r, _ in runs["without"]]),
                   "cpu_ms_with": med([c for _, c in runs["with"]]), "cpu_ms_without": med([c for _, c in runs["without"]]),
                   "slowdown": med([w[0] / p[0] for p, w in zip(runs["with"], runs["without"])]),
                   "cpu_ratio": med([p[1] / w[1] for p, w in zip(runs["with"], runs["without"]) if w[1]])}
            rows.append(row)
            if progress:
                bench.say(f"  {path:<28} {row['with plugin']:>7} req/s with the plugin, {row['without plugin']:>7} "
                          f"without: {row['slowdown']}x; server CPU {row['cpu_ms_with']} / {row['cpu_ms_without']} "
                          f"ms per request: {row['cpu_ratio']}x")
        return {"db": str(db_path), "clients": clients, "requests": requests, "rounds": rounds,
                "immutable": immutable, "load_before": os.getloadavg()[0], "pages": rows}
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _save(results, out):
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "results.md").write_text(bench.markdown(results) + "\n")


if __name__ == "__main__":
    main()
