"""Per-document passages: sentence-bounded chunks that keep their page and section."""

import dagster as dg
import polars as pl

from assets.common import (
    EXTRACTOR_VERSION,
    KINDS,
    PASSAGES_VERSION,
    mark_stage,
    partition_keys,
    report,
    stage_fingerprint,
    stage_is_current,
)
from models.documents import page_from_json
from models.embeddings import text_hash
from models.passages import passage_id, split_passages
from models.warehouse import delete_insert, transaction
from pipelines.partitions import documents_partitions
from pipelines.resources import WarehouseResource

PASSAGE_SCHEMA = {
    "passage_id": pl.String,
    "doc_id": pl.String,
    "page": pl.Int32,
    "ordinal": pl.Int32,
    "section": pl.String,
    "text": pl.String,
    "kind": pl.String,
    "text_hash": pl.String,
    "n_words": pl.Int32,
}


@dg.asset(
    deps=["documents", "pages"],
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    kinds=KINDS,
    group_name="extract",
    pool="duckdb",
    code_version=PASSAGES_VERSION,
    description="One row per passage of an ok document (1 to 5 sentences), in reading order, "
    "with its page and section heading; passage_id is stable across reruns.",
)
def passages(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.session():
        keys, total, skipped = _split_all(context, warehouse)
    return dg.MaterializeResult(
        metadata={"documents": len(keys), "unchanged": skipped, "passages_written": total}
    )


def _split_all(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> tuple[list[str], int, int]:
    total, skipped = 0, 0
    keys = partition_keys(context)
    for doc_id in keys:
        with warehouse.connect() as con:
            fingerprint = stage_fingerprint(con, doc_id, EXTRACTOR_VERSION, PASSAGES_VERSION)
            if fingerprint is not None and stage_is_current(con, doc_id, "passages", fingerprint):
                skipped += 1
                continue
            language = con.execute(
                "SELECT language FROM documents WHERE doc_id = ?", [doc_id]
            ).fetchone()
            pages = con.execute(
                "SELECT page, blocks FROM pages WHERE doc_id = ? ORDER BY page", [doc_id]
            ).fetchall()
        frame = pl.DataFrame(schema=PASSAGE_SCHEMA)
        if fingerprint is not None:
            found = split_passages(
                (page_from_json(number, blocks) for number, blocks in pages),
                language[0] if language else "en",
            )
            frame = pl.DataFrame(
                [
                    {
                        "passage_id": passage_id(doc_id, p.ordinal),
                        "doc_id": doc_id,
                        "page": p.page,
                        "ordinal": p.ordinal,
                        "section": p.section,
                        "text": p.text,
                        "kind": p.kind,
                        "text_hash": text_hash(p.text),
                        "n_words": len(p.text.split()),
                    }
                    for p in found
                ],
                schema=PASSAGE_SCHEMA,
            )
        with warehouse.connect() as con, transaction(con):
            # Replacing a document's passages drops its now-stale tags in the same commit.
            delete_insert(con, "passages", frame, where="doc_id = ?", params=[doc_id])
            con.execute("DELETE FROM passage_sdgs WHERE doc_id = ?", [doc_id])
            con.execute("DELETE FROM stage_state WHERE doc_id = ? AND stage = 'tags'", [doc_id])
            mark_stage(con, doc_id, "passages", fingerprint, context.run.run_id)
        total += frame.height
        if fingerprint is not None:
            report(context, f"{doc_id}: {frame.height} passages")
    return keys, total, skipped
