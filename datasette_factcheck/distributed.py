"""The loader on a Dask cluster: ``--scheduler ADDRESS`` (an existing ``dask.distributed``
cluster) or ``--workers N`` (a LocalCluster on the loopback).

Only the work is sent out: parsing and extraction per batch, linking per group of stories. The
client streams the input with a bounded number of tasks in flight, fetches results as they finish
and writes them in input order itself (one writer), so the database is the one a local build
makes. Every worker needs this package and the spaCy model installed; each loads the model once,
on its first batch.
"""
from __future__ import annotations

import gc
from collections import deque
from typing import Iterable, Iterator, List, Optional

# Tasks in flight per worker thread: one running, one waiting, so no worker idles while the
# client writes, and the client holds a few batches however long the input.
IN_FLIGHT = 2
# Claims linked in one task: a story's linking costs about a millisecond a claim, so small
# stories go out together (one round trip, one pickle for many) and a large one alone.
LINK_CLAIMS = 500
# Dask settings while the engine runs. Each connection keeps its last low-level-log-length (1,000)
# messages for debugging, each batch's articles among them, so the client (and a LocalCluster's
# scheduler, which runs in it) would grow by every batch sent. For a LocalCluster's workers: the
# nanny's MALLOC_TRIM_THRESHOLD_ also pins glibc's mmap threshold at 128 KB, so every large array
# spaCy allocates is a fresh mmap (a tenth more CPU per article, in the kernel), and the
# statistical profiler samples every thread every 10 ms.
CONFIG = {"distributed.admin.low-level-log-length": 0,
          "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
          "distributed.worker.profile.enabled": False}


def _parse_batch(articles: list, model: Optional[str]) -> list:
    """On a worker: the rows of a batch (pipeline.process_batch), the model loaded once per worker
    and then frozen out of the garbage collector (as the local loader does before it forks), so
    collections do not walk its objects on every batch."""
    from . import pipeline

    if pipeline._NLP is None:
        pipeline._init_worker(model)
        gc.freeze()
    return pipeline.process_batch(articles)


def _link_group(group: list, corrections=None) -> list:
    """On a worker: (story, its facts and claim updates) for each (story, claims) of a group."""
    from . import pipeline

    return [(story, pipeline.link_rows(claims, story, corrections)) for story, claims in group]


class DaskEngine:
    """A client of a scheduler, or of a LocalCluster it starts (and stops on close)."""

    def __init__(self, scheduler: Optional[str] = None, workers: int = 0, model: Optional[str] = None):
        import dask
        from dask.distributed import Client, LocalCluster

        self.model = model
        self.cluster = None
        self._config = dask.config.set(CONFIG)  # undone on close
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=workers or 1, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, memory_limit=0)
            self.client = Client(self.cluster)
        self.window = IN_FLIGHT * max(1, sum(self.client.nthreads().values()))

    def _in_order(self, func, items: Iterable, *args) -> Iterator:
        """func(item, *args) on the cluster for each item, yielded in input order, with at most
        ``window`` submitted and not yet yielded. Results are fetched as they finish (not when the
        writer asks for them), so fetching overlaps the client's writing."""
        from dask.distributed import as_completed

        items = iter(items)
        pending: deque = deque()
        finished = as_completed(with_results=True)
        ready: dict = {}
        while True:
            while len(pending) < self.window:
                item = next(items, _END)
                if item is _END:
                    break
                future = self.client.submit(func, item, *args, pure=False)
                pending.append(future.key)
                finished.add(future)
            if not pending:
                return
            while pending[0] not in ready:
                future, result = next(finished)
                ready[future.key] = result
            yield ready.pop(pending.popleft())

    def map_batches(self, batches: Iterable[list]) -> Iterator[list]:
        """Each batch's rows, in input order."""
        return self._in_order(_parse_batch, batches, self.model)

    def link(self, db, stories: List[str], write, corrections=None) -> None:
        """Link the stories on the cluster, small ones in groups; ``write(story, rows)`` stores
        what comes back, in order."""
        from . import storage

        def groups():
            group, size = [], 0
            for story in stories:
                claims = storage.story_claims(db, story)
                group.append((story, claims))
                size += len(claims)
                if size >= LINK_CLAIMS:
                    yield group
                    group, size = [], 0
            if group:
                yield group

        # claims are read as groups go out, between writes: the client holds a few groups at a time
        for linked in self._in_order(_link_group, groups(), corrections):
            for story, rows in linked:
                write(story, rows)

    def close(self) -> None:
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            self._config.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_END = object()
