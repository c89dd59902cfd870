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
from models.embeddings import Embedder
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
    """Building the tagger's lexicon and target index takes ~0.3 s; do it once per process."""
    return SdgTagger()


@dg.asset(
    deps=["passages"],
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    kinds=KINDS | {"numpy"},  # regex tokenizer + term lexicon + logistic calibrator, no spaCy
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
        # Hashes only (32 characters each, a few MB for the whole collection); the texts are
        # read chunk by chunk below, so memory does not grow with the number to embed.
        missing = [
            row[0]
            for row in con.execute(
                f"SELECT DISTINCT p.text_hash {_TO_EMBED} ORDER BY p.text_hash",  # noqa: S608
                [keys, model],
            ).fetchall()
        ]
    embedded = 0
    if missing:
        report(context, f"embedding {len(missing)} new passages with {model}")
        embedder = embedding_model.get_embedder()
        if embedder.dimension != EMBEDDING_DIM:
            raise ValueError(
                f"model {model} gives {embedder.dimension}-dimensional vectors; "
                f"the warehouse stores FLOAT[{EMBEDDING_DIM}]"
            )
        for start in range(0, len(missing), EMBED_CHUNK):
            embedded += _embed_chunk(
                warehouse, embedder, model, keys, missing[start : start + EMBED_CHUNK]
            )
            report(
                context,
                f"embedded {min(start + EMBED_CHUNK, len(missing))}/{len(missing)} passages",
            )
    return dg.MaterializeResult(
        metadata={"documents": len(keys), "embedded": embedded, "model": model}
    )


# Texts read, embedded and committed together. 2,048 texts are a few MB of text and vectors
# and about two minutes of MiniLM on two cores: a kill loses at most that much work.
EMBED_CHUNK = 2048

# The passages to embed: tagged passages (only they are linked) of the run's ok documents whose
# text this model has not embedded yet. Parameters: the documents, the model.
_TO_EMBED = (
    "FROM passages p JOIN documents d USING (doc_id) "
    "WHERE d.status = 'ok' AND p.doc_id IN (SELECT unnest(?)) "
    "AND p.passage_id IN (SELECT passage_id FROM passage_sdgs) "
    "AND p.text_hash NOT IN (SELECT text_hash FROM embedding_cache WHERE model = ?)"
)


def _embed_chunk(
    warehouse: WarehouseResource,
    embedder: Embedder,
    model: str,
    keys: list[str],
    hashes: list[str],
) -> int:
    """Embed and commit the texts of `hashes` still missing from the cache; return how many.

    One text per hash: the same normalised text may come with different spacing in different
    passages, and the smallest is taken so every run embeds the same string. A hash another
    run cached meanwhile is skipped. The chunk's rows commit in one transaction, keyed by
    (model, text hash): a kill leaves whole chunks, and a rerun embeds only what is missing.
    """
    with warehouse.connect() as con:
        rows = con.execute(
            f"SELECT p.text_hash, min(p.text) {_TO_EMBED} "  # noqa: S608
            "AND p.text_hash IN (SELECT unnest(?)) GROUP BY p.text_hash ORDER BY p.text_hash",
            [keys, model, hashes],
        ).fetchall()
    if not rows:
        return 0
    vectors = embedder.embed([text for _, text in rows])
    if vectors.shape != (len(rows), EMBEDDING_DIM):
        raise ValueError(f"model {model} returned vectors of shape {vectors.shape}")
    frame = pl.DataFrame(
        {"model": [model] * len(rows), "text_hash": [h for h, _ in rows], "embedding": vectors},
        schema={
            "model": pl.String,
            "text_hash": pl.String,
            "embedding": pl.Array(pl.Float32, EMBEDDING_DIM),
        },
    )
    with warehouse.connect() as con, transaction(con):
        delete_insert(
            con,
            "embedding_cache",
            frame,
            where="model = ? AND text_hash IN (SELECT unnest(?))",
            params=[model, frame["text_hash"].to_list()],
        )
    return frame.height
