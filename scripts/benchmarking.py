"""Benchmarks for the loader (issue 6) and the plugin pages (issue 5).

``scripts/benchmark.py`` is the command line; this module (beside it, not in the installed package) does the work:

* a large corpus made from the development stories, each story folder copied under new story
  names (``corpus-N/<story>__<k>/<file>``), written once into a work folder and reused;
* the loader (``pipeline.build``) and a bare ``nlp.pipe`` over the same texts, each run in a
  subprocess of its own whose process tree is sampled in /proc for its peak memory;
* ``--add`` of one new 100-article story to the large database against its full build;
* ``datasette serve -i`` on the large database, and the latency of Datasette's table pages and
  of the plugin's pages, over a bounded number of requests to 127.0.0.1.

The subprocesses are this file run as ``python scripts/benchmarking.py load|parse``;
they print one JSON line with what they measured.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the subprocesses run this file from a checkout
SHARED_CLUSTERS = Path("/work/shared/data/clusters")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
ADDED_STORY = "bench-added-story"

# Targets the issues set
LOADER_VS_PARSE = 1.25
RSS_GROWTH = 1.2
ADD_VS_REBUILD = 0.1
DASK_VS_LOCAL = 1.15
PAGE_VS_TABLE = 2.0
PAGE_P95_MS = 100.0


def default_source() -> Path:
    """The development stories: shared/data/clusters when present, else the test copy, else the sample."""
    for candidate in (SHARED_CLUSTERS, REPO / "tests" / "data" / "clusters"):
        if candidate.is_dir() and story_folders(candidate):
            return candidate
    return REPO / "datasette_factcheck" / "sample"


def default_work() -> Path:
    return Path(tempfile.gettempdir()) / "factcheck-bench"


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---- the corpus ------------------------------------------------------------------------------

def _article_files(folder: Path) -> List[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))


def story_folders(source: Path) -> List[Path]:
    """Folders under ``source`` holding articles (``source`` itself if its articles sit directly in it)."""
    source = Path(source)
    folders = [d for d in sorted(source.iterdir()) if d.is_dir() and not d.name.startswith(".") and _article_files(d)]
    if not folders and _article_files(source):
        folders = [source]
    return folders


def make_corpus(source: Path, dest: Path, n: int, progress: bool = True) -> Path:
    """Write exactly ``n`` articles under ``dest``: the source story folders copied round after
    round, copy ``k`` of story ``s`` in ``dest/s__k/``. Reused when already complete."""
    dest = Path(dest)
    marker = dest / ".corpus.json"
    folders = story_folders(source)
    if not folders:
        raise SystemExit(f"no article folders under {source}")
    spec = {"articles": n, "source": str(Path(source).resolve()), "folders": [f.name for f in folders]}
    if marker.exists():
        try:
            if json.loads(marker.read_text()) == spec:
                return dest
        except ValueError:
            pass
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    plan = [(f.name, _article_files(f)) for f in folders]
    bar = _bar(n, "corpus", progress)
    written, k = 0, 0
    while written < n:
        for name, files in plan:
            if written >= n:
                break
            take = files[: n - written]
            target = dest / f"{name}__{k:04d}"
            target.mkdir()
            for f in take:
                shutil.copyfile(f, target / f.name)
            written += len(take)
            bar.update(len(take))
        k += 1
    bar.close()
    marker.write_text(json.dumps(spec))
    return dest


def make_addition(source: Path, dest: Path, n: int = 100) -> Path:
    """One new story folder of ``n`` articles (copies of the source articles under new names)."""
    folder = Path(dest) / ADDED_STORY
    if folder.exists() and len(_article_files(folder)) == n:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files = [f for d in story_folders(source) for f in _article_files(d)]
    for i in range(n):
        f = files[i % len(files)]
        shutil.copyfile(f, folder / f"{i:04d}_{f.name}")
    return folder


def _bar(total: Optional[int], desc: str, progress: bool):
    if progress:
        try:
            from tqdm import tqdm

            return tqdm(total=total, desc=desc, unit=" art", file=sys.stderr, dynamic_ncols=True)
        except ImportError:
            pass

    class Quiet:
        def update(self, n=1):
            pass

        def close(self):
            pass

    return Quiet()


# ---- measuring a subprocess ------------------------------------------------------------------

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children_map() -> Dict[int, List[int]]:
    kids: Dict[int, List[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: the fields start after the last ')'
        fields = stat[stat.rfind(b")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def _tree(pid: int) -> List[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _machine_busy() -> Optional[float]:
    """CPU seconds the whole machine has spent busy since boot (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_measured(cmd: List[str], interval: float = 0.2, env: Optional[dict] = None) -> dict:
    """Run ``cmd``; its wall time and CPU time (its whole process tree), the peak of the tree's
    summed RSS and PSS (sampled in /proc every ``interval`` s; PSS counts the pages forked workers
    share once), the largest single process, the process itself (the client, without the workers
    it starts), how busy the rest of the machine was meanwhile (in
    cores: other work on a shared machine slows the run), and the JSON its last stdout line carries."""
    have_proc = os.path.isdir("/proc/self")
    busy0, cpu0 = _machine_busy(), _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    peak_rss = peak_pss = peak_one = peak_root = 0
    out_lines: List[str] = []
    import threading

    reader = threading.Thread(target=lambda: out_lines.extend(proc.stdout), daemon=True)
    reader.start()
    while proc.poll() is None:
        if have_proc:
            pids = _tree(proc.pid)
            rss = [_rss(p) for p in pids]
            peak_rss = max(peak_rss, sum(rss))
            peak_one = max(peak_one, max(rss or [0]))
            peak_root = max(peak_root, rss[0] if rss else 0)
            peak_pss = max(peak_pss, sum(_pss(p) for p in pids))
        time.sleep(interval)
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu0
    busy1 = _machine_busy()
    reader.join(timeout=5)
    if proc.returncode not in (0, 1):  # 1: some input skipped, which the loader reports
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    result = {}
    for line in reversed(out_lines):
        line = line.strip()
        if line.startswith("{"):
            result = json.loads(line)
            break
    result.update({
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "other_load_cores": round(max(0.0, (busy1 - busy0 - cpu) / wall), 2) if busy0 is not None and busy1 is not None else None, "peak_rss_mb": round(peak_rss / 2**20, 1),
        "peak_pss_mb": round(peak_pss / 2**20, 1), "peak_process_rss_mb": round(peak_one / 2**20, 1),
        "peak_client_rss_mb": round(peak_root / 2**20, 1),
    })
    return result


def _module_cmd(*args) -> List[str]:
    return [sys.executable, str(Path(__file__).resolve()), *map(str, args)]


def run_loader(db: Path, inputs: Iterable[Path], processes: int, batch_size: int,
               model: Optional[str] = None, add: bool = False, progress: bool = True, workers: int = 0) -> dict:
    args = ["load", db, *inputs, "--processes", processes, "--batch-size", batch_size, "--workers", workers]
    if add:
        args.append("--add")
    if model:
        args += ["--model", model]
    if progress:
        args.append("--progress")
    return run_measured(_module_cmd(*args))


def run_bare_parse(inputs: Iterable[Path], processes: int, batch_size: int,
                   model: Optional[str] = None, progress: bool = True) -> dict:
    args = ["parse", *inputs, "--processes", processes, "--batch-size", batch_size]
    if model:
        args += ["--model", model]
    if progress:
        args.append("--progress")
    return run_measured(_module_cmd(*args))


# ---- the two workloads, as run inside the subprocesses ----------------------------------------

def _load_main(db, inputs, processes, batch_size, model, add, progress, workers=0) -> dict:
    from datasette_factcheck.pipeline import build

    start = time.perf_counter()
    summary = build(db, inputs, add=add, processes=processes, progress=progress, model=model,
                    batch_size=batch_size, workers=workers)
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 2), "articles": summary.articles, "sentences": summary.sentences,
            "claims": summary.claims, "facts": summary.facts, "stories": len(summary.stories),
            "skipped": len(summary.skipped)}


def _parse_main(inputs, processes, batch_size, model, progress) -> dict:
    """spaCy alone: the same model and pipes as the loader (nlp.load), the same texts read the
    same way, the same processes and batch size; the docs are only iterated."""
    from datasette_factcheck.extract import nlp
    from datasette_factcheck.pipeline import Summary, discover, read_sources

    start = time.perf_counter()
    pipe = nlp.load(model)
    summary = Summary()
    texts = (a.text for a in read_sources(discover(inputs), {}, 5 * 2**20, summary))
    bar = _bar(None, "bare parse", progress)
    docs = tokens = 0
    for doc in pipe.pipe(texts, batch_size=batch_size, n_process=processes):
        docs += 1
        tokens += len(doc)
        bar.update(1)
    bar.close()
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 2), "docs": docs, "tokens": tokens, "pipes": pipe.pipe_names}


# ---- the loader benchmark --------------------------------------------------------------------

def loader_benchmark(work: Path, source: Path, sizes: List[int], processes: int, batch_size: int,
                     model: Optional[str] = None, bare: bool = True, add: bool = True,
                     add_articles: int = 100, repeat: int = 1, progress: bool = True,
                     dask: bool = False) -> dict:
    """Each size: the loader and the bare parse, alternately, ``repeat`` times; the fastest of each
    is kept (the others are listed), as other work on the machine only ever slows a run down."""
    work = Path(work)
    runs = []
    for n in sizes:
        corpus = make_corpus(source, work / f"corpus-{n}", n, progress)
        db = work / f"bench-{n}.db"
        loads, parses = [], []
        for i in range(repeat):
            say(f"loader: {n:,} articles, {processes} processes, batch {batch_size} -> {db}"
                + (f" (run {i + 1} of {repeat})" if repeat > 1 else ""))
            if db.exists():
                db.unlink()
            loads.append(run_loader(db, [corpus], processes, batch_size, model, progress=progress))
            say(f"  {loads[-1]['seconds']} s wall, {loads[-1]['cpu_s']} s CPU; other load {loads[-1]['other_load_cores']} cores")
            if bare:
                say(f"bare nlp.pipe: {n:,} articles, n_process={processes}, batch {batch_size}")
                parses.append(run_bare_parse([corpus], processes, batch_size, model, progress))
                say(f"  {parses[-1]['seconds']} s wall, {parses[-1]['cpu_s']} s CPU; other load {parses[-1]['other_load_cores']} cores")
        load = min(loads, key=lambda r: r["seconds"])
        run = {"articles_requested": n, "loader": load, "db": str(db), "db_mb": round(db.stat().st_size / 2**20, 1)}
        run["articles_per_s"] = round(load["articles"] / load["seconds"], 1)
        run["claims_per_s"] = round(load["claims"] / load["seconds"], 1)
        if repeat > 1:
            run["loader_all_s"] = [r["seconds"] for r in loads]
        if bare:
            parse = min(parses, key=lambda r: r["seconds"])
            run["bare_parse"] = parse
            run["loader_vs_parse"] = round(load["seconds"] / parse["seconds"], 3)
            run["loader_vs_parse_cpu"] = round(load["cpu_s"] / parse["cpu_s"], 3)
            if repeat > 1:
                run["bare_parse_all_s"] = [r["seconds"] for r in parses]
        if dask:  # the same corpus on a LocalCluster of as many workers as local processes
            dask_db = work / f"bench-{n}-dask.db"
            say(f"loader on a {processes}-worker Dask LocalCluster: {n:,} articles -> {dask_db}")
            if dask_db.exists():
                dask_db.unlink()
            run["dask"] = run_loader(dask_db, [corpus], processes, batch_size, model, progress=progress, workers=processes)
            run["dask_vs_local"] = round(run["dask"]["seconds"] / load["seconds"], 3)
            dask_db.unlink()
            say(f"  {run['dask']['seconds']} s wall against {load['seconds']} s local: ratio {run['dask_vs_local']}")
        runs.append(run)
        say(f"  loaded {load['articles']:,} articles, {load['claims']:,} claims in {load['seconds']} s"
            + (f"; bare parse {run['bare_parse']['seconds']} s, ratio {run['loader_vs_parse']}" if bare else ""))
    out: dict = {"processes": processes, "batch_size": batch_size, "source": str(source), "runs": runs}
    if len(runs) >= 2:
        small, large = runs[0], runs[-1]
        out["rss_ratio"] = round(large["loader"]["peak_rss_mb"] / small["loader"]["peak_rss_mb"], 3)
        if "dask" in small and "dask" in large:
            out["dask_rss_ratio"] = round(large["dask"]["peak_rss_mb"] / small["dask"]["peak_rss_mb"], 3)
            out["dask_client_rss_ratio"] = round(large["dask"]["peak_client_rss_mb"] / small["dask"]["peak_client_rss_mb"], 3)
        out["pss_ratio"] = round(large["loader"]["peak_pss_mb"] / max(small["loader"]["peak_pss_mb"], 1e-9), 3)
    if add and runs:
        large = runs[-1]
        addition = make_addition(source, work / "addition", add_articles)
        db = Path(large["db"])
        added_db = work / f"bench-{large['articles_requested']}-added.db"
        shutil.copyfile(db, added_db)
        say(f"--add: {add_articles} new articles ({ADDED_STORY}) to the {large['articles_requested']:,}-article database")
        # its folder as a sub-folder of the input: one story of its own, as in the full build
        load = run_loader(added_db, [addition.parent], processes, batch_size, model, add=True, progress=progress)
        out["add"] = {
            "articles": load["articles"], "loader": load,
            "rebuild_s": large["loader"]["seconds"],
            "add_vs_rebuild": round(load["seconds"] / large["loader"]["seconds"], 4),
        }
        added_db.unlink()
        say(f"  --add took {load['seconds']} s against {large['loader']['seconds']} s for the full build")
    return out


# ---- the page benchmark ----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _datasette_cmd() -> List[str]:
    exe = Path(sys.executable).parent / "datasette"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "datasette"]


def _metadata_for(db_name: str, work: Path) -> Optional[Path]:
    """The project's metadata.json (facets, labels, canned queries) with its 'sample' database
    renamed to the benchmark's, so the table pages are the ones a deployment serves."""
    src = REPO / "metadata.json"
    if not src.exists():
        return None
    meta = json.loads(src.read_text())
    dbs = meta.get("databases") or {}
    if "sample" in dbs and db_name not in dbs:
        dbs[db_name] = dbs.pop("sample")
    path = Path(work) / f"metadata-{db_name}.json"
    path.write_text(json.dumps(meta))
    return path


def page_targets(db_path: Path) -> List[dict]:
    """(name, path, kind) of every page to time; ids picked from the database: the story with the
    most facts, the fact with the most claims, the article with the most claims."""
    import sqlite3

    name = Path(db_path).stem
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def first(sql):
        row = conn.execute(sql).fetchone()
        return row[0] if row else None

    story = first("select id from stories order by fact_count desc, id limit 1")
    fact = first("select id from facts order by claim_count desc, id limit 1")
    article = first("select id from articles order by claim_count desc, id limit 1")
    conn.close()
    from urllib.parse import quote

    targets = [
        {"name": "table: claims", "path": f"/{name}/claims", "kind": "table"},
        {"name": "table: facts", "path": f"/{name}/facts", "kind": "table"},
        {"name": "table: claims.json", "path": f"/{name}/claims.json", "kind": "table"},
        {"name": "table: facts.json", "path": f"/{name}/facts.json", "kind": "table"},
        {"name": "plugin: stories", "path": f"/{name}/-/factcheck", "kind": "plugin"},
    ]
    for label, part, value in (("story", "story", story), ("fact", "fact", fact), ("article", "article", article)):
        if value is not None:
            targets.append({"name": f"plugin: {label}", "path": f"/{name}/-/factcheck/{part}/{quote(str(value), safe='')}", "kind": "plugin"})
    for t in list(targets):
        if t["kind"] == "plugin":
            path, _, query = t["path"].partition("?")
            targets.append({"name": t["name"] + ".json", "path": path + ".json", "kind": "plugin"})
    return targets


def start_datasette(db_path: Path, work: Path, metadata: bool = True, timeout: float = 120,
                    settings: Iterable = ()):
    port = free_port()
    cmd = _datasette_cmd() + ["serve", "-i", str(db_path), "-h", "127.0.0.1", "-p", str(port)]
    for name, value in settings:
        cmd += ["--setting", name, str(value)]
    meta = _metadata_for(Path(db_path).stem, work) if metadata else None
    if meta:
        cmd += ["--metadata", str(meta)]
    log = open(Path(work) / "datasette.log", "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"datasette exited with {proc.returncode}; see {log.name}")
        try:
            if httpx.get(base + "/-/versions.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    proc.terminate()
    raise RuntimeError(f"datasette did not answer on {base} within {timeout} s")


def time_requests(base: str, targets: List[dict], requests: int = 50, warmup: int = 3,
                  time_limit: float = 120.0, progress: bool = True) -> List[dict]:
    """``requests`` sequential GETs per target after ``warmup`` untimed ones; at most
    ``time_limit`` seconds per target. 127.0.0.1 only."""
    import httpx

    assert base.startswith("http://127.0.0.1:"), base
    results = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for t in targets:
            times: List[float] = []
            statuses = set()
            size = 0
            for _ in range(warmup):
                client.get(t["path"])
            started = time.monotonic()
            for _ in range(requests):
                t0 = time.perf_counter()
                r = client.get(t["path"])
                times.append((time.perf_counter() - t0) * 1000)
                statuses.add(r.status_code)
                size = len(r.content)
                if time.monotonic() - started > time_limit:
                    break
            times.sort()
            row = dict(t, requests=len(times), status=sorted(statuses), bytes=size,
                       median_ms=round(statistics.median(times), 1),
                       p95_ms=round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1),
                       max_ms=round(times[-1], 1))
            results.append(row)
            if progress:
                say(f"  {t['name']:<24} {row['median_ms']:>7} ms median {row['p95_ms']:>7} ms p95  status {row['status']}")
    return results


def pages_benchmark(db_path: Path, work: Path, requests: int = 50, metadata: bool = True,
                    lean: bool = True, progress: bool = True) -> dict:
    """The table and plugin pages on ``datasette serve -i`` as configured (metadata.json); with
    ``lean``, the table pages once more on a server with facet suggestions off, since those
    suggestions are most of what Datasette's table page costs on a large table."""
    db_path = Path(db_path)
    targets = page_targets(db_path)
    say(f"pages: datasette serve -i {db_path} on 127.0.0.1")
    rows = _serve_and_time(db_path, work, targets, requests, metadata, (), progress)
    if lean:
        say("pages: Datasette's table pages with --setting suggest_facets off")
        lean_rows = _serve_and_time(db_path, work, [t for t in targets if t["kind"] == "table"], requests,
                                    metadata, [("suggest_facets", "off")], progress)
        for r in lean_rows:
            r["name"] += " (no facet suggestions)"
            r["kind"] = "table-lean"
        rows += lean_rows
    ref = {r["path"].endswith(".json"): r for r in rows if r["name"] == "table: claims" or r["name"] == "table: claims.json"}
    lean_ref = {r["path"].endswith(".json"): r for r in rows if r["kind"] == "table-lean" and r["name"].startswith("table: claims")}
    for r in rows:
        if r["kind"] != "plugin":
            continue
        is_json = r["path"].endswith(".json")
        table = ref.get(is_json)
        r["vs_table"] = round(r["median_ms"] / table["median_ms"], 2) if table and table["median_ms"] else None
        if lean_ref.get(is_json):
            r["vs_lean_table"] = round(r["median_ms"] / lean_ref[is_json]["median_ms"], 2)
        r["ok"] = bool(r["status"] == [200] and r["vs_table"] is not None and r["vs_table"] <= PAGE_VS_TABLE
                       and r["p95_ms"] < PAGE_P95_MS)
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "stories", "claims", "facts")}
    conn.close()
    return {"db": str(db_path), "requests": requests, "metadata": metadata, "counts": counts, "pages": rows}


def _serve_and_time(db_path, work, targets, requests, metadata, settings, progress) -> List[dict]:
    proc, base = start_datasette(db_path, work, metadata, settings=settings)
    try:
        return time_requests(base, targets, requests, progress=progress)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# ---- reporting -------------------------------------------------------------------------------

def _verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _load_note(*runs) -> str:
    """The other work on the machine during the runs, in cores (0 on a quiet machine)."""
    loads = [r["other_load_cores"] for r in runs if r and r.get("other_load_cores") is not None]
    return f"{max(loads):.2f} cores" if loads else "–"


def markdown(results: dict) -> str:
    out: List[str] = []
    env = results.get("environment", {})
    if env:
        out.append(f"Measured on {env.get('cpus')} cores, Python {env.get('python')}, spaCy {env.get('spacy')}, "
                   f"model `{env.get('model')}`, {env.get('date')}.")
        out.append("")
    loader = results.get("loader")
    if loader:
        out.append(f"### Loader ({loader['processes']} processes, batches of {loader['batch_size']})")
        out.append("")
        out.append("| articles | claims | loader | articles/s | claims/s | bare `nlp.pipe` | loader / parse (wall) | loader / parse (CPU) | peak RSS (tree) | peak PSS (tree) | other load |")
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for run in loader["runs"]:
            ld = run["loader"]
            bp = run.get("bare_parse")
            bare = f"{bp['seconds']:.1f} s" if bp else "–"
            out.append(
                f"| {ld['articles']:,} | {ld['claims']:,} | {ld['seconds']:.1f} s | {run['articles_per_s']:.1f} | "
                f"{run['claims_per_s']:.1f} | {bare} | "
                f"{run.get('loader_vs_parse', '–')} | {run.get('loader_vs_parse_cpu', '–')} | "
                f"{ld['peak_rss_mb']:.0f} MB | {ld['peak_pss_mb']:.0f} MB | {_load_note(ld, bp)} |")
        out.append("")
        checks = []
        big = loader["runs"][-1]
        if "loader_vs_parse" in big:
            checks.append(f"| loader time / bare parse time at {big['loader']['articles']:,} articles | "
                          f"{big['loader_vs_parse']} | ≤ {LOADER_VS_PARSE} | {_verdict(big['loader_vs_parse'] <= LOADER_VS_PARSE)} |")
        if "rss_ratio" in loader:
            small = loader["runs"][0]
            checks.append(f"| peak RSS {big['loader']['articles']:,} / {small['loader']['articles']:,} articles | "
                          f"{loader['rss_ratio']} (PSS {loader['pss_ratio']}) | ≤ {RSS_GROWTH} | {_verdict(loader['rss_ratio'] <= RSS_GROWTH)} |")
        if "dask_vs_local" in big:
            checks.append(f"| Dask LocalCluster ({loader['processes']} workers) / local loader ({loader['processes']} processes) at "
                          f"{big['loader']['articles']:,} articles | {big['dask']['seconds']:.1f} s / {big['loader']['seconds']:.1f} s = "
                          f"{big['dask_vs_local']} | ≤ {DASK_VS_LOCAL} | {_verdict(big['dask_vs_local'] <= DASK_VS_LOCAL)} |")
        if "dask_rss_ratio" in loader:
            checks.append(f"| Dask build: peak RSS (client and workers) {big['loader']['articles']:,} / {small['loader']['articles']:,} articles | "
                          f"{loader['dask_rss_ratio']} | ≤ {RSS_GROWTH} | {_verdict(loader['dask_rss_ratio'] <= RSS_GROWTH)} |")
        if "dask_client_rss_ratio" in loader:
            checks.append(f"| Dask build: peak RSS of the client {big['dask']['peak_client_rss_mb']:.0f} MB at {big['loader']['articles']:,} / "
                          f"{small['dask']['peak_client_rss_mb']:.0f} MB at {small['loader']['articles']:,} articles | "
                          f"{loader['dask_client_rss_ratio']} | ≤ {RSS_GROWTH} | {_verdict(loader['dask_client_rss_ratio'] <= RSS_GROWTH)} |")
        if "add" in loader:
            a = loader["add"]
            checks.append(f"| `--add` of {a['articles']} articles / full rebuild | {a['loader']['seconds']:.1f} s / "
                          f"{a['rebuild_s']:.1f} s = {a['add_vs_rebuild']} | < {ADD_VS_REBUILD} | {_verdict(a['add_vs_rebuild'] < ADD_VS_REBUILD)} |")
        if checks:
            out += ["| check | measured | target | met |", "| --- | --- | --- | --- |", *checks, ""]
    pages = results.get("pages")
    if pages:
        c = pages["counts"]
        out.append(f"### Pages ({c['articles']:,} articles, {c.get('stories', 0):,} stories, {c['claims']:,} claims, "
                   f"{c['facts']:,} facts; `datasette serve -i`, {pages['requests']} requests each)")
        out.append("")
        lean = any(r["kind"] == "table-lean" for r in pages["pages"])
        out.append("| page | path | median | p95 | vs table page | " + ("vs table page without facet suggestions | " if lean else "")
                   + "met (≤ 2× and p95 < 100 ms) |")
        out.append("| --- | --- | ---: | ---: | ---: | " + ("---: | " if lean else "") + "--- |")
        for r in pages["pages"]:
            status = "" if r["status"] == [200] else f" (HTTP {', '.join(map(str, r['status']))})"
            vs = f"{r['vs_table']}×" if r.get("vs_table") is not None else "–"
            vs_lean = (f"{r['vs_lean_table']}× | " if r.get("vs_lean_table") is not None else "– | ") if lean else ""
            met = _verdict(r["ok"]) if "ok" in r else "(reference)"
            path = r["path"] if len(r["path"]) <= 60 else r["path"][:40] + "…" + r["path"][-16:]
            out.append(f"| {r['name']}{status} | `{path}` | {r['median_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {vs} | {vs_lean}{met} |")
        out.append("")
    return "\n".join(out)


def environment(model: Optional[str]) -> dict:
    import platform

    info = {"cpus": os.cpu_count(), "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d")}
    try:
        import spacy

        info["spacy"] = spacy.__version__
        from datasette_factcheck.extract import nlp

        meta = nlp._load(model).meta
        info["model"] = f"{meta['lang']}_{meta['name']} {meta['version']}"
    except Exception:  # the report still works without spaCy details
        info.setdefault("model", model or "default")
    return info


# ---- subprocess entry points -----------------------------------------------------------------

def _sub_main(argv: List[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m datasette_factcheck.benchmark")
    sub = parser.add_subparsers(dest="what", required=True)
    load = sub.add_parser("load")
    load.add_argument("db")
    parse = sub.add_parser("parse")
    for p in (load, parse):
        p.add_argument("inputs", nargs="+")
        p.add_argument("--processes", type=int, default=os.cpu_count() or 1)
        p.add_argument("--batch-size", type=int, default=64)
        p.add_argument("--model")
        p.add_argument("--progress", action="store_true")
    load.add_argument("--add", action="store_true")
    load.add_argument("--workers", type=int, default=0)
    args = parser.parse_args(argv)
    if args.what == "load":
        result = _load_main(args.db, args.inputs, args.processes, args.batch_size, args.model, args.add, args.progress, args.workers)
    else:
        result = _parse_main(args.inputs, args.processes, args.batch_size, args.model, args.progress)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    _sub_main(sys.argv[1:])
