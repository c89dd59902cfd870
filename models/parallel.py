"""Read several PDFs at once in worker processes, results back in the order asked.

PDF text extraction is pure CPU work in C (pdfium) and dominates ingestion of a large
collection, so it is the one stage worth spreading over the machine's cores. Workers only read;
the caller (one process, one DuckDB writer) writes each result as it arrives, so a crash leaves
the warehouse exactly as the serial path would.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from models.documents import IngestResult, ingest_pdf

K = TypeVar("K")

# Below this many files the start-up of worker processes (about a second) costs more than it saves.
MIN_PARALLEL_JOBS = 4
WORKERS_ENV = "VLRLINK_WORKERS"


def default_workers() -> int:
    """Worker processes for PDF reading: $VLRLINK_WORKERS, else one per available core."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        return max(1, int(configured))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _spawn_can_start() -> bool:
    """spawn re-imports the parent's main script in each worker; a script read from stdin
    (`python - < script.py`) or a notebook cell has none to re-import, so read serially there."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or Path(path).is_file()


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: if the parent is killed (kill -9), exit instead of waiting forever."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(1.0)

    threading.Thread(target=watch, daemon=True, name="vlrlink-parent-watch").start()


def ingest_many(
    jobs: Iterable[tuple[K, Path]], *, workers: int | None = None, window: int | None = None
) -> Iterator[tuple[K, IngestResult]]:
    """Yield `(key, ingest_pdf(path))` for each job, in the jobs' order.

    At most `window` results wait in memory (default: two per worker), so memory stays bounded by
    a few documents whatever the collection's size.
    """
    jobs = list(jobs)
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1 or len(jobs) < MIN_PARALLEL_JOBS or not _spawn_can_start():
        for key, path in jobs:
            yield key, ingest_pdf(path)
        return
    window = max(window or 2 * workers, workers)
    pending: list[tuple[K, Path, Future[IngestResult]]] = []
    queue = iter(jobs)
    pool = _pool(workers)
    try:
        while True:
            while len(pending) < window and (job := next(queue, None)) is not None:
                pending.append((job[0], job[1], pool.submit(ingest_pdf, job[1])))
            if not pending:
                return
            key, path, future = pending.pop(0)
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (a PDF that crashes the C reader, or the OOM killer). Which file
                # did it is unknown, so this one is retried alone in a fresh pool; if it kills
                # that worker too, it is the culprit and is recorded as failed.
                pool.shutdown(cancel_futures=True)
                pool = _pool(1)
                try:
                    result = pool.submit(ingest_pdf, path).result()
                except BrokenProcessPool:
                    result = IngestResult("failed", "the PDF reader crashed on this file")
                pool.shutdown(cancel_futures=True)
                pool = _pool(workers)
                pending = [(k, p, pool.submit(ingest_pdf, p)) for k, p, _ in pending]
            except Exception as exc:  # pickling or worker start-up problems: say so, go on
                result = IngestResult("failed", f"PDF reader failed ({type(exc).__name__})")
            yield key, result
    finally:
        pool.shutdown(cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: the parent runs Dagster and DuckDB threads that must not be forked.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )
