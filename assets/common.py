"""Small helpers shared by the assets: progress lines, run ids and code versions."""

import logging

import dagster as dg

# The CLI attaches a handler to this logger to print progress; the Dagster UI gets context.log.
progress_logger = logging.getLogger("vlrlink.progress")

# Bump a version when a stage's output for the same input changes; unchanged documents whose
# stored version matches are skipped, so a code change re-processes exactly what it affects.
EXTRACTOR_VERSION = "pdf-1"
PASSAGES_VERSION = "passages-1"
TAGGER_VERSION = "tagger-2"
LINKER_VERSION = "links-2"
# Shown as code versions in Dagster (stale markers); the stages above also key their skips on them.
CATALOG_VERSION = "catalog-1"
EMBEDDINGS_VERSION = "embeddings-1"
METRICS_VERSION = "metrics-1"

KINDS = {"duckdb", "python"}


def report(context: dg.AssetExecutionContext | dg.OpExecutionContext, message: str) -> None:
    """Log to the Dagster event log and to the CLI's progress output."""
    context.log.info(message)
    progress_logger.info(message)


def partition_keys(context: dg.AssetExecutionContext) -> list[str]:
    """The documents this run covers: one key, or a whole range in a single-run backfill."""
    if not context.has_partition_key and not context.has_partition_key_range:
        return []
    return list(context.partition_keys)


def stage_fingerprint(con, doc_id: str, *versions: str) -> str | None:
    """What a per-document stage's output depends on: the file's content and the code versions.

    None when the document is not ok (nothing to compute).
    """
    row = con.execute(
        "SELECT sha256 FROM documents WHERE doc_id = ? AND status = 'ok'", [doc_id]
    ).fetchone()
    if row is None:
        return None
    return "|".join([row[0] or "", *versions])


def stage_is_current(con, doc_id: str, stage: str, fingerprint: str) -> bool:
    row = con.execute(
        "SELECT fingerprint FROM stage_state WHERE doc_id = ? AND stage = ?", [doc_id, stage]
    ).fetchone()
    return row is not None and row[0] == fingerprint


def mark_stage(con, doc_id: str, stage: str, fingerprint: str | None, run_id: str) -> None:
    """Record what a stage computed from; call inside the same transaction as its writes."""
    con.execute("DELETE FROM stage_state WHERE doc_id = ? AND stage = ?", [doc_id, stage])
    if fingerprint is not None:
        con.execute(
            "INSERT INTO stage_state VALUES (?, ?, ?, now()::TIMESTAMP, ?)",
            [doc_id, stage, fingerprint, run_id],
        )
