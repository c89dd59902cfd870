"""`python -m benchmarks --size small|full`: run the suite, print the table, write JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.common import RESULTS
from benchmarks.suite import SECTIONS, SIZES, format_table, run_benchmarks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--size",
        choices=SIZES,
        default="small",
        help="small: the sample corpus, about 2 minutes (what CI runs); full: review-sized "
        "synthetic documents, 15 to 25 minutes",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="run these sections only (linking needs the e2e warehouse, so it runs e2e too)",
    )
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help=f"JSON output folder (default {RESULTS})"
    )
    parser.add_argument("--model", default=None, help="embedding model (default: as `vlrlink run`)")
    parser.add_argument(
        "--keep-work", action="store_true", help="keep the temporary folder (PDFs, warehouse)"
    )


def run_from_args(args: argparse.Namespace) -> int:
    result = run_benchmarks(
        args.size,
        sections=tuple(args.only),
        results_dir=args.results,
        model_name=args.model,
        keep_work=args.keep_work,
    )
    print(format_table(result))
    print(f"results: {args.results / f'latest-{args.size}.json'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    add_arguments(parser)
    return run_from_args(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
