"""Run the whole graph in-process, as `vlrlink run` and the tests do.

Two Dagster runs: the catalog first (it adds a partition per new document), then every
document partition as one single-run backfill together with the cross-document assets.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from models import warehouse
from models.catalog import read_catalog
from models.embeddings import model_fingerprint
from models.provenance import code_version
from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, CROSS_DOCUMENT_ASSETS
from pipelines.partitions import DOCUMENTS_PARTITION
from pipelines.resources import build_resources

QUIET_LOGGERS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dataclass
class RunSummary:
    success: bool
    run_id: str | None
    warehouse_path: Path
    failure: str | None = None
    status_counts: dict[str, int] = field(default_factory=dict)
    problem_documents: list[tuple[str, str, str]] = field(default_factory=list)
    catalog_issues: list[tuple[int, str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    checks_failed: list[str] = field(default_factory=list)


def run_pipeline(
    *,
    catalog_path: Path,
    warehouse_path: Path,
    embedding_model: str | None = None,
    rescore_model: str | None = None,
    instance: dg.DagsterInstance | None = None,
    link_threshold: float | None = None,
    quiet: bool = True,
) -> RunSummary:
    # One open database for the whole run: thousands of per-document connects become
    # cursors. Other processes wait for the run to end, as they would for its writes.
    with warehouse.session(warehouse_path):
        return _run(
            catalog_path=catalog_path,
            warehouse_path=warehouse_path,
            embedding_model=embedding_model,
            rescore_model=rescore_model,
            instance=instance,
            link_threshold=link_threshold,
            quiet=quiet,
        )


def _run(
    *,
    catalog_path: Path,
    warehouse_path: Path,
    embedding_model: str | None,
    rescore_model: str | None,
    instance: dg.DagsterInstance | None,
    link_threshold: float | None,
    quiet: bool,
) -> RunSummary:
    instance = instance or dg.DagsterInstance.ephemeral()
    resources = build_resources(
        warehouse_path=warehouse_path,
        catalog_path=catalog_path,
        embedding_model=embedding_model,
        rescore_model=rescore_model,
    )
    model_name = resources["embedding_model"].model_name
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    run_config: dict = dict(QUIET_LOGGERS) if quiet else {}
    if link_threshold is not None:
        run_config["ops"] = {"passage_links": {"config": {"threshold": link_threshold}}}
    first = dg.materialize(
        ALL_ASSETS,
        selection=["catalog"],
        resources=resources,
        instance=instance,
        run_config=dict(QUIET_LOGGERS) if quiet else None,
        raise_on_error=False,
    )
    if not first.success:
        return _summary(warehouse_path, first, "the catalog could not be read")
    doc_ids = [r.doc_id for r in read_catalog(catalog_path).rows]
    keys = instance.get_dynamic_partitions(DOCUMENTS_PARTITION)
    wanted = [k for k in keys if k in set(doc_ids)]
    tags = {}
    selection = [k for a in ALL_ASSETS for k in a.keys if k.path != ["catalog"]]
    if wanted:
        # One run covers every partition from the first to the last of this catalog's
        # documents; keys outside the catalog are skipped by the assets themselves.
        tags = {
            "dagster/asset_partition_range_start": wanted[0],
            "dagster/asset_partition_range_end": wanted[-1],
        }
    else:
        selection = [k for a in CROSS_DOCUMENT_ASSETS for k in a.keys]
    result = dg.materialize(
        [*ALL_ASSETS, *ALL_CHECKS],
        selection=selection,
        resources=resources,
        instance=instance,
        tags=tags,
        run_config=run_config or None,
        raise_on_error=False,
    )
    summary = _summary(warehouse_path, result, None)
    _record_run(
        summary,
        started=started,
        catalog_path=catalog_path,
        model_name=model_name,
    )
    return summary


def _summary(warehouse_path: Path, result, failure: str | None) -> RunSummary:
    success = result.success
    checks_failed = [
        f"{e.asset_check_evaluation_data.asset_key.to_user_string()}:"
        f"{e.asset_check_evaluation_data.check_name}"
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and not e.asset_check_evaluation_data.passed
    ]
    if not success and failure is None:
        failed_steps = [
            e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"
        ]
        errors = [
            e.event_specific_data.error.message.strip().splitlines()[-1]
            for e in result.all_events
            if e.event_type_value == "STEP_FAILURE" and e.event_specific_data.error
        ]
        failure = f"steps failed: {', '.join(failed_steps)}" + (f" ({errors[0]})" if errors else "")
        if checks_failed:
            failure += f"; blocking checks failed: {', '.join(checks_failed)}"
    summary = RunSummary(
        success=success,
        run_id=result.run_id,
        warehouse_path=warehouse_path,
        failure=failure,
        checks_failed=checks_failed,
    )
    if not warehouse_path.exists():
        return summary
    with warehouse.connect(warehouse_path) as con:
        summary.status_counts = dict(
            con.execute(
                "SELECT d.status, count(*) FROM documents d JOIN catalog c USING (doc_id) "
                "GROUP BY ALL ORDER BY 1"
            ).fetchall()
        )
        summary.problem_documents = con.execute(
            "SELECT d.doc_id, d.status, d.error FROM documents d JOIN catalog c USING (doc_id) "
            "WHERE d.status <> 'ok' ORDER BY c.row_number"
        ).fetchall()
        summary.catalog_issues = con.execute(
            "SELECT row_number, coalesce(doc_id, ''), field || ': ' || message FROM catalog_issues "
            "WHERE doc_id IS NULL OR doc_id NOT IN (SELECT doc_id FROM catalog) ORDER BY row_number"
        ).fetchall()
        row = con.execute(
            """
            WITH ok AS (SELECT doc_id FROM documents WHERE status = 'ok')
            SELECT
              (SELECT count(*) FROM passages WHERE doc_id IN (FROM ok)),
              (SELECT count(DISTINCT passage_id) FROM passage_sdgs WHERE doc_id IN (FROM ok)),
              (SELECT count(*) FROM passage_sdgs WHERE doc_id IN (FROM ok)),
              (SELECT count(*) FROM passage_links),
              (SELECT count(*) FROM (SELECT DISTINCT vlr_doc_id, vnr_doc_id FROM sdg_pair_profile))
            """
        ).fetchone()
        summary.counts = dict(
            zip(["passages", "tagged_passages", "tags", "links", "pairs"], row, strict=True)
        )
    return summary


def _record_run(summary: RunSummary, *, started, catalog_path: Path, model_name: str) -> None:
    """One row in `runs` per pipeline run: what code, model and catalog made the numbers."""
    if summary.run_id is None or not summary.warehouse_path.exists():
        return
    parsed = read_catalog(catalog_path)
    with warehouse.connect(summary.warehouse_path) as con:
        con.execute("DELETE FROM runs WHERE run_id = ?", [summary.run_id])
        con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                summary.run_id,
                started,
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "success" if summary.success else "failure",
                code_version(),
                model_name,
                model_fingerprint(model_name),
                str(parsed.path),
                parsed.sha256,
                json.dumps({**summary.counts, **summary.status_counts}),
            ],
        )


def summary_lines(summary: RunSummary) -> list[str]:
    counts = summary.status_counts
    documents = sum(counts.values())
    lines = [
        "",
        "vlrlink run summary",
        f"  documents: {documents} ({', '.join(f'{v} {k}' for k, v in counts.items()) or 'none'})",
    ]
    for doc_id, status, error in summary.problem_documents:
        lines.append(f"    - {doc_id}: {status}: {error}")
    if summary.catalog_issues:
        lines.append(f"  catalog rows skipped: {len(summary.catalog_issues)}")
        for row_number, doc_id, message in summary.catalog_issues:
            lines.append(f"    - row {row_number} {doc_id}: {message}")
    c = summary.counts
    if c:
        lines += [
            f"  passages: {c['passages']} ({c['tagged_passages']} SDG-tagged, {c['tags']} tags)",
            f"  links: {c['links']} across {c['pairs']} VLR-VNR pairs",
        ]
    if summary.checks_failed:
        lines.append(f"  failed checks: {', '.join(summary.checks_failed)}")
    lines.append(f"  warehouse: {summary.warehouse_path}")
    lines.append(
        f"  run id: {summary.run_id}  status: {'success' if summary.success else 'FAILED'}"
    )
    return lines
