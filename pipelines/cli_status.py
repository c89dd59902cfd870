"""`vlrlink status`: what the warehouse and the Dagster instance say, without changing either.

Sections: documents by status (and what in the catalog still waits for processing), document
partitions per stage, the last runs (the warehouse's `runs` table and the Dagster instance),
failures with their errors, and the latest result of every data-quality check. Read-only: the
warehouse is opened read-only and the Dagster instance is only read when it already exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.cli import (
    DEFAULT_DAGSTER_HOME,
    CliError,
    add_catalog_option,
    add_warehouse_option,
    catalog_path,
    require_warehouse,
)

PER_DOCUMENT_STAGES = ("documents", "pages", "passages", "passage_sdgs", "passage_embeddings")
WAIT_S = 15.0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "status",
        help="documents, partitions, last runs, failures and check results (read-only)",
        description="Report the state of the warehouse and of the Dagster instance under "
        "$DAGSTER_HOME (data/dagster_home by default): documents by status and those waiting "
        "for processing, document partitions per stage, the last runs, failures with their "
        "errors, and the latest data-quality check results. Changes nothing.",
    )
    add_warehouse_option(parser)
    add_catalog_option(parser)
    parser.add_argument(
        "--runs", type=int, default=10, help="how many recent runs to list (default 10)"
    )
    parser.set_defaults(func=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    path = require_warehouse(args)  # exit 2 when it does not exist
    lines = [f"vlrlink status  (warehouse {path}, {_now()} UTC)"]
    with _read_only(path) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        lines += _documents(con, tables, catalog_path(args))
        documents = (
            dict(con.execute("SELECT doc_id, status FROM documents").fetchall())
            if "documents" in tables
            else {}
        )
        stages = _stages(con, tables)
        runs_table = _runs_table(con, tables, args.runs)
        failed_docs = (
            con.execute(
                "SELECT doc_id, status, error FROM documents WHERE status IN ('failed', "
                "'duplicate') ORDER BY doc_id"
            ).fetchall()
            if "documents" in tables
            else []
        )
    instance, where = _instance()
    lines += _partitions(instance, where, documents, stages)
    lines += runs_table
    lines += _instance_runs(instance, where, args.runs)
    lines += _failures(instance, failed_docs, args.runs)
    lines += _checks(instance, where)
    if instance is not None:
        instance.dispose()
    print("\n".join(lines))
    return 0


@contextmanager
def _read_only(path: Path) -> Iterator:
    import duckdb

    from models import warehouse

    try:
        with warehouse.connect(path, read_only=True, wait_s=WAIT_S) as con:
            yield con
    except warehouse.WarehouseLockedError as exc:
        raise CliError(f"warehouse {path} is busy (a run is writing); try again: {exc}") from exc
    except duckdb.Error as exc:
        raise CliError(f"cannot read warehouse {path}: {exc}") from exc


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _when(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, int | float):
        value = dt.datetime.fromtimestamp(value, dt.UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _counts(pairs) -> str:
    return ", ".join(f"{n} {k}" for k, n in pairs) or "none"


# ---------------------------------------------------------------- documents


def _documents(con, tables: set[str], catalog: Path) -> list[str]:
    lines = ["", "documents"]
    if "documents" not in tables:
        return [*lines, "  no documents table yet (run `vlrlink run`)"]
    by_status = con.execute(
        "SELECT status, count(*) FROM documents GROUP BY ALL ORDER BY 2 DESC, 1"
    ).fetchall()
    total = sum(n for _, n in by_status)
    lines.append(f"  in the warehouse: {total} ({_counts(by_status)})")
    if "catalog" in tables:
        unprocessed = con.execute(
            "SELECT count(*) FROM catalog WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
        if unprocessed:
            lines.append(f"  catalogued but never processed: {unprocessed}")
    if "catalog_issues" in tables:
        skipped = con.execute(
            "SELECT count(*) FROM catalog_issues WHERE doc_id IS NULL OR doc_id NOT IN "
            "(SELECT doc_id FROM catalog)"
        ).fetchone()[0]
        if skipped:
            lines.append(f"  catalog rows skipped (bad or duplicate doc_id): {skipped}")
    lines += _waiting(con, catalog)
    return lines


def _waiting(con, catalog: Path) -> list[str]:
    """What the catalog file asks for that the warehouse does not reflect yet."""
    from models.catalog import CatalogError, read_catalog
    from pipelines.sensors import is_current

    if not catalog.is_file():
        return [f"  catalog {catalog}: not found"]
    try:
        parsed = read_catalog(catalog)
    except CatalogError as exc:
        return [f"  catalog {catalog}: unreadable ({exc})"]
    documents = {
        d: (sha, status)
        for d, sha, status in con.execute("SELECT doc_id, sha256, status FROM documents").fetchall()
    }
    new = [r.doc_id for r in parsed.rows if r.doc_id not in documents]
    changed = [
        r.doc_id for r in parsed.rows if r.doc_id in documents and not is_current(r, documents)
    ]
    listed = {r.doc_id for r in parsed.rows}
    gone = [d for d, (_, s) in documents.items() if d not in listed and s != "removed"]
    if not (new or changed or gone):
        return [f"  catalog {catalog}: {len(parsed.rows)} rows, all processed"]
    lines = [f"  catalog {catalog}: {len(parsed.rows)} rows; waiting for processing:"]
    for label, ids in (("new", new), ("changed or to retry", changed), ("to mark removed", gone)):
        if ids:
            shown = ", ".join(ids[:8]) + (f", ... ({len(ids) - 8} more)" if len(ids) > 8 else "")
            lines.append(f"    {label}: {len(ids)} ({shown})")
    return lines


def _stages(con, tables: set[str]) -> dict[str, int]:
    if "stage_state" not in tables:
        return {}
    return dict(con.execute("SELECT stage, count(*) FROM stage_state GROUP BY ALL").fetchall())


# ---------------------------------------------------------------- Dagster instance


def _instance():
    """The persistent Dagster instance if one exists (never created here), and where."""
    home = Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME)
    config = home / "dagster.yaml"
    has_storage = (home / "history" / "runs.db").is_file() or (
        config.is_file() and "storage:" in config.read_text(encoding="utf-8")
    )
    if not has_storage:
        return None, f"no Dagster instance with runs at {home} (runs made with --ephemeral)"
    import dagster as dg

    try:
        return dg.DagsterInstance.from_config(str(home)), str(home)
    except Exception as exc:  # a broken instance must not hide the warehouse's report
        return None, f"Dagster instance at {home} unreadable: {type(exc).__name__}: {exc}"


def _partitions(instance, where: str, documents: dict[str, str], stages: dict[str, int]):
    lines = ["", "document partitions"]
    if stages:
        lines.append(
            "  stages computed (warehouse stage_state): "
            + ", ".join(f"{k} {v}" for k, v in sorted(stages.items()))
        )
    if instance is None:
        return [*lines, f"  {where}"]
    import dagster as dg

    from pipelines.partitions import DOCUMENTS_PARTITION

    keys = list(instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
    by_status: dict[str, int] = {}
    for key in keys:
        status = documents.get(key, "not processed")
        by_status[status] = by_status.get(status, 0) + 1
    lines.append(
        f"  {len(keys)} partitions in {where}: "
        + _counts(sorted(by_status.items(), key=lambda kv: -kv[1]))
    )
    for asset in PER_DOCUMENT_STAGES:
        done = instance.get_materialized_partitions(dg.AssetKey(asset)) & set(keys)
        failed = _failed_partitions(instance, asset) & (set(keys) - done)
        extra = f", {len(failed)} failed ({', '.join(sorted(failed)[:5])})" if failed else ""
        lines.append(f"    {asset:<20} {len(done)}/{len(keys)} materialized{extra}")
    return lines


def _failed_partitions(instance, asset: str) -> set[str]:
    """Partitions whose last attempt failed (newer than their last materialization)."""
    import dagster as dg

    key = dg.AssetKey(asset)
    try:
        failures = instance.fetch_failed_materializations(
            dg.AssetRecordsFilter(asset_key=key), limit=1000
        ).records
    except Exception:  # older storages: no failure records
        return set()
    if not failures:
        return set()
    done = {}
    for record in instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key), limit=5000
    ).records:
        partition = record.event_log_entry.dagster_event.partition
        done[partition] = max(done.get(partition, 0), record.storage_id)
    failed = set()
    for record in failures:
        partition = record.event_log_entry.dagster_event.partition
        if partition and record.storage_id > done.get(partition, 0):
            failed.add(partition)
    return failed


# ---------------------------------------------------------------- runs


def _runs_table(con, tables: set[str], limit: int) -> list[str]:
    lines = ["", "last runs (warehouse table runs)"]
    if "runs" not in tables:
        return [*lines, "  no runs table"]
    rows = con.execute(
        "SELECT run_id, started_at, ended_at, status, code_version, embedding_model, counts "
        "FROM runs ORDER BY coalesce(ended_at, started_at) DESC NULLS LAST LIMIT ?",
        [limit],
    ).fetchall()
    if not rows:
        return [*lines, "  none recorded"]
    for run_id, started, ended, status, code, model, counts in rows:
        try:
            parsed = json.loads(counts or "{}")
        except json.JSONDecodeError:
            parsed = {}
        summary = ", ".join(
            f"{k} {parsed[k]}"
            for k in ("ok", "failed", "passages", "links", "pairs")
            if k in parsed
        )
        lines.append(
            f"  {_when(ended or started)}  {status:<8} {run_id}  code {code}  model {model}"
            + (f"  ({summary})" if summary else "")
        )
    return lines


def _trigger(tags) -> str:
    if "dagster/sensor_name" in tags:
        return f"sensor {tags['dagster/sensor_name']}"
    if "dagster/schedule_name" in tags:
        return f"schedule {tags['dagster/schedule_name']}"
    if "dagster/backfill" in tags:
        return f"backfill {tags['dagster/backfill']}"
    return "manual"


def _instance_runs(instance, where: str, limit: int) -> list[str]:
    lines = ["", "last runs (Dagster instance)"]
    if instance is None:
        return [*lines, f"  {where}"]
    records = instance.get_run_records(limit=limit)
    if not records:
        return [*lines, "  none"]
    for record in records:
        run = record.dagster_run
        partition = run.tags.get("dagster/partition")
        duration = (
            f"{record.end_time - record.start_time:.0f}s"
            if record.start_time and record.end_time
            else "-"
        )
        lines.append(
            f"  {_when(record.start_time or record.create_timestamp)}  "
            f"{run.status.value.lower():<9} {run.job_name}"
            + (f"[{partition}]" if partition else "")
            + f"  {run.run_id}  {duration}  {_trigger(run.tags)}"
        )
    return lines


def _failures(instance, failed_docs, limit: int) -> list[str]:
    lines = ["", "failures"]
    for doc_id, status, error in failed_docs:
        lines.append(f"  document {doc_id}: {status}: {error}")
    if instance is not None:
        import dagster as dg

        failed = instance.get_run_records(
            dg.RunsFilter(statuses=[dg.DagsterRunStatus.FAILURE]), limit=limit
        )
        for record in failed:
            run = record.dagster_run
            lines.append(
                f"  run {run.run_id} ({run.job_name}, {_when(record.end_time)}): "
                f"{_run_error(instance, run.run_id)}"
            )
    if len(lines) == 2:
        lines.append("  none")
    return lines


def _run_error(instance, run_id: str) -> str:
    """The first step failure's message, else the run failure's, as one line."""
    import dagster as dg

    for event_type in (dg.DagsterEventType.STEP_FAILURE, dg.DagsterEventType.RUN_FAILURE):
        for entry in instance.all_logs(run_id, of_type=event_type):
            event = entry.dagster_event
            error = getattr(event.event_specific_data, "error", None) if event else None
            while error is not None and error.cause is not None:
                error = error.cause  # the user's exception, not Dagster's wrapper
            message = error.message if error else (event.message if event else entry.message)
            if message:
                step = f"{event.step_key}: " if event and event.step_key else ""
                return step + " ".join(message.split())[:300]
    return "(no error message recorded)"


# ---------------------------------------------------------------- checks


def _checks(instance, where: str) -> list[str]:
    lines = ["", "latest check results (Dagster instance)"]
    if instance is None:
        return [*lines, f"  not available: {where}"]
    import dagster as dg

    records = instance.get_event_records(
        dg.EventRecordsFilter(event_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION), limit=2000
    )
    latest = {}
    for record in records:  # newest first
        data = record.event_log_entry.dagster_event.event_specific_data
        key = (data.asset_key.to_user_string(), data.check_name)
        latest.setdefault(key, (record, data))
    if not latest:
        return [*lines, "  no check has run yet"]
    failed = sum(1 for _, data in latest.values() if not data.passed)
    lines.append(f"  {len(latest)} checks, {failed} failing")
    for (asset, name), (record, data) in sorted(
        latest.items(), key=lambda kv: (kv[1][1].passed, kv[0])
    ):
        verdict = "passed" if data.passed else f"FAILED ({data.severity.value.lower()})"
        lines.append(
            f"  {verdict:<16} {asset}:{name}  {_when(record.timestamp)}  run {record.run_id[:8]}"
        )
        if not data.passed and data.description:
            lines.append(f"      {' '.join(data.description.split())[:300]}")
    return lines
