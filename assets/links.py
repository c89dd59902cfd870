"""Cross-review links per country, recomputed only for countries whose inputs changed."""

import hashlib

import dagster as dg
import numpy as np
import polars as pl

from assets.common import KINDS, LINKER_VERSION, report
from models.embeddings import link_threshold
from models.linking import DEFAULT_TOP_K, LINK_SCHEMA, SidePassages, link_pair
from models.warehouse import delete_insert, transaction
from pipelines.resources import EmbeddingModelResource, WarehouseResource


class LinkConfig(dg.Config):
    # None: the threshold calibrated for the embedding model (models.embeddings.LINK_THRESHOLDS),
    # since each model's cosine similarities have their own scale.
    threshold: float | None = None
    top_k: int = DEFAULT_TOP_K

    def threshold_for(self, model: str) -> float:
        """The threshold in use: the configured one, else the model's calibrated one."""
        return float(self.threshold) if self.threshold is not None else link_threshold(model)


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


def country_fingerprints(con, model: str, config: LinkConfig) -> dict[str, str]:
    """What each country's links depend on: its ok reviews' tagged passages and the settings.

    The threshold hashed is the one in use (configured or the model's calibrated one), so a
    new calibration or another model recomputes every country.
    """
    threshold = config.threshold_for(model)
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
            hashlib.sha256(f"{LINKER_VERSION}|{model}|{threshold}|{config.top_k}".encode()),
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
    threshold = config.threshold_for(model)
    with warehouse.connect() as con:
        current = country_fingerprints(con, model, config)
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
        frames = []
        for country in changed:
            vlrs = [load_side(con, d, model) for d, t, c in docs if c == country and t == "VLR"]
            vnrs = [load_side(con, d, model) for d, t, c in docs if c == country and t == "VNR"]
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
        }
    )
