"""Cross-review links per country, recomputed only for countries whose inputs changed."""

import hashlib

import dagster as dg
import numpy as np
import polars as pl

from assets.common import KINDS, LINKER_VERSION, report
from assets.tags import EMBED_CHUNK, _embed_chunk
from models.embeddings import candidate_threshold, link_threshold
from models.linking import DEFAULT_TOP_K, LINK_SCHEMA, SidePassages, link_pair
from models.warehouse import delete_insert, transaction
from pipelines.resources import EmbeddingModelResource, WarehouseResource


class LinkConfig(dg.Config):
    # None: the threshold calibrated for the embedding model (models.embeddings.LINK_THRESHOLDS),
    # since each model's cosine similarities have their own scale.
    threshold: float | None = None
    top_k: int = DEFAULT_TOP_K
    # Two stages (the embedding resource's rescore_model set): the first model keeps pairs at
    # or above this (None: its calibrated candidate threshold), the rescoring model decides.
    candidate_threshold: float | None = None

    def threshold_for(self, model: str) -> float:
        """The threshold in use: the configured one, else the model's calibrated one."""
        return float(self.threshold) if self.threshold is not None else link_threshold(model)

    def candidate_threshold_for(self, model: str) -> float:
        if self.candidate_threshold is not None:
            return float(self.candidate_threshold)
        return candidate_threshold(model)


def load_side(con, doc_id: str, model: str) -> SidePassages:
    """A review's tagged passages with their embeddings, in reading order."""
    frame = con.execute(
        """
        SELECT p.passage_id, list(DISTINCT s.sdg) AS sdgs, list(s.score) AS scores,
               list(s.sdg) AS score_sdgs, list(DISTINCT s.target) FILTER (s.target IS NOT NULL)
               AS targets, any_value(c.embedding) AS embedding, any_value(p.ordinal) AS ordinal
        FROM passages p
        JOIN passage_sdgs s USING (passage_id)
        JOIN embedding_cache c ON c.text_hash = p.text_hash AND c.model = ?
        WHERE p.doc_id = ?
        GROUP BY p.passage_id ORDER BY ordinal
        """,
        [model, doc_id],
    ).fetchall()
    sdg_scores = []
    for _, _, scores, score_sdgs, _, _, _ in frame:
        best: dict[int, float] = {}
        for sdg, score in zip(score_sdgs, scores, strict=True):
            best[int(sdg)] = max(best.get(int(sdg), 0.0), float(score))
        sdg_scores.append(best)
    embeddings = (
        np.asarray([r[5] for r in frame], dtype=np.float32)
        if frame
        else np.zeros((0, 1), dtype=np.float32)
    )
    return SidePassages(
        doc_id=doc_id,
        passage_ids=[r[0] for r in frame],
        sdg_scores=sdg_scores,
        targets=[set(r[4] or []) for r in frame],
        embeddings=embeddings,
    )


def country_fingerprints(
    con, model: str, config: LinkConfig, rescore_model: str | None = None
) -> dict[str, str]:
    """What each country's links depend on: its ok reviews' tagged passages and the settings.

    The threshold hashed is the one in use (configured or the model's calibrated one), so a
    new calibration or another model recomputes every country.
    """
    threshold = config.threshold_for(rescore_model or model)
    settings = f"{LINKER_VERSION}|{model}|{threshold}|{config.top_k}"
    if rescore_model:
        settings += f"|rescore:{rescore_model}|{config.candidate_threshold_for(model)}"
    rows = con.execute(
        """
        SELECT d.country_iso3, d.doc_id, d.review_type, p.passage_id, p.text_hash,
               string_agg(s.sdg || ':' || coalesce(s.target, '') || ':' || round(s.score, 4), ','
                          ORDER BY s.sdg, s.target) AS tags
        FROM documents d
        JOIN passages p USING (doc_id)
        JOIN passage_sdgs s USING (passage_id)
        WHERE d.status = 'ok'
        GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    digests: dict[str, hashlib._Hash] = {}
    for country, *rest in rows:
        digest = digests.setdefault(
            country,
            hashlib.sha256(settings.encode()),
        )
        digest.update("|".join(map(str, rest)).encode())
    return {country: d.hexdigest() for country, d in digests.items()}


@dg.asset(
    deps=["passage_embeddings"],
    kinds=KINDS | {"numpy"},
    group_name="link",
    pool="duckdb",
    code_version=LINKER_VERSION,
    description="One row per link from a VLR passage to a VNR passage of the same country "
    "sharing an SDG, with cosine similarity above the calibrated threshold; rank 1 is the "
    "VLR passage's best match in that VNR.",
)
def passage_links(
    context: dg.AssetExecutionContext,
    config: LinkConfig,
    warehouse: WarehouseResource,
    embedding_model: EmbeddingModelResource,
) -> dg.MaterializeResult:
    model = embedding_model.model_name
    rescore = embedding_model.rescore_model or None
    threshold = config.threshold_for(rescore or model)
    with warehouse.connect() as con:
        current = country_fingerprints(con, model, config, rescore)
        stored = dict(
            con.execute("SELECT country_iso3, fingerprint FROM link_fingerprints").fetchall()
        )
        changed = sorted(c for c, f in current.items() if stored.get(c) != f)
        gone = sorted(set(stored) - set(current))
        docs = con.execute(
            "SELECT doc_id, review_type, country_iso3 FROM documents WHERE status = 'ok' "
            "AND country_iso3 IN (SELECT unnest(?)) ORDER BY doc_id",
            [changed],
        ).fetchall()
    by_country: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, review_type, country in docs:
        vlrs, vnrs = by_country.setdefault(country, ([], []))
        (vlrs if review_type == "VLR" else vnrs).append(doc_id)
    candidates: dict[str, set[str]] | None = None
    if rescore:
        candidates = _candidates(context, warehouse, model, by_country, config)
        _embed_candidates(context, warehouse, embedding_model, candidates)
    frames = []
    with warehouse.connect() as con:
        for country in changed:
            vlr_ids, vnr_ids = by_country.get(country, ([], []))
            vlrs = [_side(con, d, rescore or model, candidates) for d in vlr_ids]
            vnrs = [_side(con, d, rescore or model, candidates) for d in vnr_ids]
            for vlr in vlrs:
                for vnr in vnrs:
                    frames.append(
                        link_pair(
                            vlr,
                            vnr,
                            country_iso3=country,
                            threshold=threshold,
                            top_k=config.top_k,
                        )
                    )
            report(context, f"links: {country} recomputed ({len(vlrs)} VLRs x {len(vnrs)} VNRs)")
    links = pl.concat(frames) if frames else pl.DataFrame(schema=LINK_SCHEMA)
    links = links.with_columns(run_id=pl.lit(context.run.run_id))
    with warehouse.connect() as con, transaction(con):
        # Only the changed countries' rows are swapped; others keep their links and run ids.
        delete_insert(
            con,
            "passage_links",
            links,
            where="country_iso3 IN (SELECT unnest(?))",
            params=[changed + gone],
        )
        con.execute(
            "DELETE FROM link_fingerprints WHERE country_iso3 IN (SELECT unnest(?))",
            [changed + gone],
        )
        for country in changed:
            con.execute(
                "INSERT INTO link_fingerprints VALUES (?, ?, now()::TIMESTAMP, ?)",
                [country, current[country], context.run.run_id],
            )
        total = con.execute("SELECT count(*) FROM passage_links").fetchone()[0]
    return dg.MaterializeResult(
        metadata={
            "countries_recomputed": dg.MetadataValue.json(changed),
            "countries_removed": dg.MetadataValue.json(gone),
            "links_written": links.height,
            "links_total": total,
            "threshold": threshold,
            "model": model,
            "rescore_model": rescore or "",
        }
    )


def _side(con, doc_id: str, model: str, keep: dict[str, set[str]] | None) -> SidePassages:
    """A review's side for linking; with `keep`, only its first-stage candidates."""
    side = load_side(con, doc_id, model)
    if keep is None:
        return side
    wanted = keep.get(doc_id, set())
    index = [i for i, pid in enumerate(side.passage_ids) if pid in wanted]
    return SidePassages(
        doc_id=side.doc_id,
        passage_ids=[side.passage_ids[i] for i in index],
        sdg_scores=[side.sdg_scores[i] for i in index],
        targets=[side.targets[i] for i in index],
        embeddings=side.embeddings[index] if index else side.embeddings[:0],
    )


def _candidates(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    model: str,
    by_country: dict[str, tuple[list[str], list[str]]],
    config: LinkConfig,
) -> dict[str, set[str]]:
    """First stage: the passages of each review in a pair the fast model scores at or above
    the candidate threshold (top-k per VLR passage and VNR, sharing an SDG, as in linking)."""
    floor = config.candidate_threshold_for(model)
    keep: dict[str, set[str]] = {}
    with warehouse.connect() as con:
        for country, (vlr_ids, vnr_ids) in sorted(by_country.items()):
            vnrs = [load_side(con, d, model) for d in vnr_ids]
            for vlr_id in vlr_ids:
                vlr = load_side(con, vlr_id, model)
                for vnr in vnrs:
                    pairs = link_pair(
                        vlr, vnr, country_iso3=country, threshold=floor, top_k=config.top_k
                    )
                    keep.setdefault(vlr.doc_id, set()).update(pairs["vlr_passage_id"])
                    keep.setdefault(vnr.doc_id, set()).update(pairs["vnr_passage_id"])
    n = sum(len(v) for v in keep.values())
    report(context, f"links: first stage with {model} at {floor}: {n} candidate passages")
    return keep


def _embed_candidates(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    embedding_model: EmbeddingModelResource,
    candidates: dict[str, set[str]],
) -> None:
    """Second stage's vectors: embed the candidates' texts the rescoring model has not cached,
    chunk by chunk (each chunk committed: an interrupted run keeps what it embedded)."""
    rescore = embedding_model.rescore_model
    pids = sorted(p for ids in candidates.values() for p in ids)
    with warehouse.connect() as con:
        missing = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT text_hash FROM passages WHERE passage_id IN (SELECT unnest(?)) "
                "AND text_hash NOT IN (SELECT text_hash FROM embedding_cache WHERE model = ?) "
                "ORDER BY text_hash",
                [pids, rescore],
            ).fetchall()
        ]
    if not missing:
        return
    report(context, f"links: re-scoring model {rescore} embeds {len(missing)} candidate texts")
    embedder = embedding_model.get_rescorer()
    docs = sorted(candidates)
    for start in range(0, len(missing), EMBED_CHUNK):
        _embed_chunk(warehouse, embedder, rescore, docs, missing[start : start + EMBED_CHUNK])
        done = min(start + EMBED_CHUNK, len(missing))
        report(context, f"links: embedded {done}/{len(missing)} candidate texts with {rescore}")
