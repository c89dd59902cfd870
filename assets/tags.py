"""Per-document SDG tags with their evidence, and the embeddings that linking needs."""

import json
from functools import cache

import dagster as dg
import polars as pl

from assets.common import (
    EMBEDDINGS_VERSION,
    EXTRACTOR_VERSION,
    KINDS,
    PASSAGES_VERSION,
    TAGGER_VERSION,
    mark_stage,
    partition_keys,
    report,
    stage_fingerprint,
    stage_is_current,
)
from models.sdg_tagging import SdgTagger
from models.warehouse import EMBEDDING_DIM, delete_insert, transaction
from pipelines.partitions import documents_partitions
from pipelines.resources import EmbeddingModelResource, WarehouseResource

TAG_SCHEMA = {
    "passage_id": pl.String,
    "sdg": pl.Int32,
    "target": pl.String,
    "score": pl.Float64,
    "method": pl.String,
    "evidence": pl.String,
    "doc_id": pl.String,
    "tagger_version": pl.String,
}


@cache
def get_tagger() -> SdgTagger:
    """Building the tagger's matchers takes seconds; do it once per process."""
    return SdgTagger()


@dg.asset(
    deps=["passages"],
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    kinds=KINDS | {"spacy"},
    group_name="extract",
    pool="duckdb",
    code_version=TAGGER_VERSION,
    description="One row per passage, SDG and target (target NULL for a goal-level tag) with "
    "score, method and JSON evidence (matched terms, nearest target text).",
)
def passage_sdgs(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    keys = partition_keys(context)
    written, skipped = 0, 0
    for doc_id in keys:
        with warehouse.connect() as con:
            fingerprint = stage_fingerprint(
                con, doc_id, EXTRACTOR_VERSION, PASSAGES_VERSION, TAGGER_VERSION
            )
            if fingerprint is not None and stage_is_current(con, doc_id, "tags", fingerprint):
                skipped += 1
                continue
            rows = con.execute(
                "SELECT p.passage_id, p.text, d.language FROM passages p "
                "JOIN documents d USING (doc_id) WHERE p.doc_id = ? ORDER BY p.ordinal",
                [doc_id],
            ).fetchall()
        records = []
        if fingerprint is not None and rows:
            language = rows[0][2]
            tag_lists = get_tagger().tag([r[1] for r in rows], language=language)
            for (pid, _text, _lang), tags in zip(rows, tag_lists, strict=True):
                records.extend(
                    {
                        "passage_id": pid,
                        "sdg": t.sdg,
                        "target": t.target,
                        "score": float(t.score),
                        "method": t.method,
                        "evidence": json.dumps(t.evidence, ensure_ascii=False, default=str),
                        "doc_id": doc_id,
                        "tagger_version": TAGGER_VERSION,
                    }
                    for t in tags
                )
        frame = pl.DataFrame(records, schema=TAG_SCHEMA)
        with warehouse.connect() as con, transaction(con):
            delete_insert(con, "passage_sdgs", frame, where="doc_id = ?", params=[doc_id])
            mark_stage(con, doc_id, "tags", fingerprint, context.run.run_id)
        written += frame.height
        if fingerprint is not None:
            n_tagged = frame["passage_id"].n_unique() if frame.height else 0
            report(
                context, f"{doc_id}: {n_tagged}/{len(rows)} passages tagged ({frame.height} tags)"
            )
    return dg.MaterializeResult(
        metadata={"documents": len(keys), "unchanged": skipped, "tags_written": written}
    )


@dg.asset(
    deps=["passage_sdgs"],
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    kinds=KINDS | {"pytorch"},
    group_name="extract",
    pool="duckdb",
    code_version=EMBEDDINGS_VERSION,
    description="Sentence embeddings of a document's SDG-tagged passages, cached by model and "
    "text hash in embedding_cache (view passage_embeddings): a rerun embeds nothing new.",
)
def passage_embeddings(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    embedding_model: EmbeddingModelResource,
) -> dg.MaterializeResult:
    keys = partition_keys(context)
    model = embedding_model.model_name
    with warehouse.connect() as con:
        # Only tagged passages are linked, so only they are embedded (the slowest stage).
        missing = con.execute(
            "SELECT DISTINCT p.text_hash, p.text FROM passages p "
            "JOIN documents d USING (doc_id) "
            "WHERE d.status = 'ok' AND p.doc_id IN (SELECT unnest(?)) "
            "AND p.passage_id IN (SELECT passage_id FROM passage_sdgs) "
            "AND p.text_hash NOT IN (SELECT text_hash FROM embedding_cache WHERE model = ?)",
            [keys, model],
        ).fetchall()
    if missing:
        report(context, f"embedding {len(missing)} new passages with {model}")
        embedder = embedding_model.get_embedder()
        done_total = 0
        chunk = 512
        for start in range(0, len(missing), chunk):
            part = missing[start : start + chunk]
            vectors = embedder.embed([text for _, text in part])
            if vectors.shape[1] != EMBEDDING_DIM:
                raise ValueError(
                    f"model {model} gives {vectors.shape[1]}-dimensional vectors; "
                    f"the warehouse stores FLOAT[{EMBEDDING_DIM}]"
                )
            frame = pl.DataFrame(
                {
                    "model": [model] * len(part),
                    "text_hash": [h for h, _ in part],
                    "embedding": vectors,
                },
                schema={
                    "model": pl.String,
                    "text_hash": pl.String,
                    "embedding": pl.Array(pl.Float32, EMBEDDING_DIM),
                },
            )
            # Committed chunk by chunk: an interrupted run keeps what it already embedded.
            with warehouse.connect() as con, transaction(con):
                delete_insert(
                    con,
                    "embedding_cache",
                    frame,
                    where="model = ? AND text_hash IN (SELECT unnest(?))",
                    params=[model, frame["text_hash"].to_list()],
                )
            done_total += len(part)
            report(context, f"embedded {done_total}/{len(missing)} passages")
    return dg.MaterializeResult(
        metadata={"documents": len(keys), "embedded": len(missing), "model": model}
    )
