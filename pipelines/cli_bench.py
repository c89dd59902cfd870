"""`vlrlink bench`: the benchmark suite (benchmarks/), printed as ratios against baselines."""

from __future__ import annotations

import argparse
import sys

from pipelines.paths import PROJECT_ROOT


def _benchmarks_main():
    # benchmarks/ sits beside the installed packages in the source tree, not inside them.
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    import benchmarks.__main__ as bench_main

    return bench_main


def cmd_bench(args: argparse.Namespace) -> int:
    return _benchmarks_main().run_from_args(args)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "bench",
        help="measure speed and memory against baselines in the same run (JSON + table)",
        description="PDF extraction against plain pdfplumber, embedding throughput and memory, "
        "linking against a dense matrix product, and an incremental run against a cold one. "
        "Writes benchmarks/results/latest-SIZE.json.",
    )
    _benchmarks_main().add_arguments(parser)
    parser.set_defaults(func=cmd_bench)
