"""Measuring helpers shared by the benchmarks: child processes, peak memory, timers."""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict:
    """The machine the figures came from: they mean little without it."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


@dataclass
class ChildResult:
    exit_code: int
    wall_s: float
    peak_rss_mib: float
    output: str
    peak_tree_rss_mib: float = 0.0  # the process and its workers together, sampled


def _sample_tree_rss(pid: int, stop: threading.Event, peak: list[float]) -> None:
    """Peak summed RSS of a process and its descendants (PDF workers), sampled twice a second."""
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            total = root.memory_info().rss
            for child in root.children(recursive=True):
                with suppress(psutil.Error):
                    total += child.memory_info().rss
        except psutil.Error:
            return
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.5)


def run_child(
    command: list[str], *, log: Path | None = None, env: dict[str, str] | None = None
) -> ChildResult:
    """Run a command; its wall time and its own peak RSS (wait4's ru_maxrss, exact per child).

    Output goes to `log` as it comes (so a long run can be watched), else is captured.
    """
    started = time.monotonic()
    handle = log.open("w") if log else subprocess.PIPE
    proc = subprocess.Popen(
        command,
        stdout=handle,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        text=True,
    )
    stop, tree_peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_sample_tree_rss, args=(proc.pid, stop, tree_peak))
    sampler.start()
    output = ""
    if log is None:
        assert proc.stdout is not None
        output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    stop.set()
    sampler.join()
    if log is not None:
        handle.close()  # type: ignore[union-attr]
        output = log.read_text(errors="replace")
    return ChildResult(
        proc.returncode, wall, usage.ru_maxrss / 1024, output, round(tree_peak[0], 1)
    )


def vlrlink_command(*args: str) -> list[str]:
    """`vlrlink ARGS` with this interpreter, so the benchmark measures the code in this tree."""
    return [sys.executable, "-m", "pipelines.cli", *args]


@dataclass
class MemoryPeak:
    """Peak RSS (sampled) and peak Python heap (tracemalloc) while a block runs."""

    rss_start_mib: float = 0.0
    rss_peak_mib: float = 0.0
    python_peak_mib: float = 0.0
    _samples: list[int] = field(default_factory=list)

    @property
    def rss_growth_mib(self) -> float:
        return max(0.0, self.rss_peak_mib - self.rss_start_mib)


@contextmanager
def memory_peak(interval_s: float = 0.02, trace_python: bool = True) -> Iterator[MemoryPeak]:
    """Sample this process's RSS in a thread; tracemalloc gives the Python heap's peak.

    RSS covers native allocations (PyTorch, DuckDB) that tracemalloc cannot see.
    """
    process = psutil.Process()
    result = MemoryPeak(rss_start_mib=process.memory_info().rss / 2**20)
    peak = [process.memory_info().rss]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            stop.wait(interval_s)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    if trace_python:
        tracemalloc.start()
    try:
        yield result
    finally:
        if trace_python:
            result.python_peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        stop.set()
        thread.join()
        peak[0] = max(peak[0], process.memory_info().rss)
        result.rss_peak_mib = peak[0] / 2**20


def best_of(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` timings in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def max_rss_self_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
