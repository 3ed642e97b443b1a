"""The loader on a Dask cluster: ``--scheduler ADDRESS`` (an existing ``dask.distributed``
cluster) or ``--workers N`` (a LocalCluster on the loopback).

Only the work is sent out: parsing and extraction per batch, linking per story. The client
streams the input with a bounded number of batches in flight, collects results in input order and
writes SQLite itself (one writer), so the database is the one a local build makes. Every worker
needs this package and the spaCy model installed; each loads the model once, on its first batch.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, List, Optional

# Batches in flight per worker thread: one running, one waiting, so no worker idles while the
# client writes, and the client holds a few batches however long the input.
IN_FLIGHT = 2


def _parse_batch(articles: list, model: Optional[str]) -> list:
    """On a worker: the rows of a batch (pipeline.process_batch), the model loaded once per worker."""
    from . import pipeline

    if pipeline._NLP is None:
        pipeline._init_worker(model)
    return pipeline.process_batch(articles)


def _link(claims: list, story: str, corrections=None) -> tuple:
    from . import pipeline

    return pipeline.link_rows(claims, story, corrections)


class DaskEngine:
    """A client of a scheduler, or of a LocalCluster it starts (and stops on close)."""

    def __init__(self, scheduler: Optional[str] = None, workers: int = 0, model: Optional[str] = None):
        from dask.distributed import Client, LocalCluster

        self.model = model
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=workers or 1, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, memory_limit=0)
            self.client = Client(self.cluster)
        self.window = IN_FLIGHT * max(1, sum(self.client.nthreads().values()))

    def map_batches(self, batches: Iterable[list]) -> Iterator[list]:
        """Each batch's rows, in input order, with at most ``window`` batches not yet collected."""
        pending: deque = deque()
        for batch in batches:
            pending.append(self.client.submit(_parse_batch, batch, self.model, pure=False))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def link(self, db, stories: List[str], write, corrections=None) -> None:
        """Link each story on the cluster; ``write(story, rows)`` stores what comes back, in order."""
        from . import storage

        pending: deque = deque()
        for story in stories:
            pending.append((story, self.client.submit(_link, storage.story_claims(db, story), story, corrections, pure=False)))
            if len(pending) >= self.window:
                s, future = pending.popleft()
                write(s, future.result())
        while pending:
            s, future = pending.popleft()
            write(s, future.result())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
