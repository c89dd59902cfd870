"""Per-SDG pair profiles and pair-level alignment metrics for every (VLR, VNR) pair."""

import dagster as dg
import polars as pl

from assets.common import KINDS, METRICS_VERSION, report
from models import metrics
from models.warehouse import read_frame, replace_rows
from pipelines.resources import WarehouseResource


def load_metric_inputs(con) -> dict[str, pl.DataFrame]:
    """Everything the metrics read, as polars frames (documents, salience, links)."""
    documents = read_frame(
        con, "SELECT doc_id, review_type, country_iso3, locality, year, status FROM documents"
    )
    tag_counts = read_frame(
        con,
        "SELECT s.doc_id, s.sdg, count(DISTINCT s.passage_id) AS n_passages FROM passage_sdgs s "
        "JOIN documents d USING (doc_id) WHERE d.status = 'ok' GROUP BY ALL",
    )
    tagged_totals = read_frame(
        con,
        "SELECT d.doc_id, count(DISTINCT s.passage_id) AS n_tagged FROM documents d "
        "LEFT JOIN passage_sdgs s USING (doc_id) WHERE d.status = 'ok' GROUP BY ALL",
    )
    links = read_frame(con, "SELECT * EXCLUDE (run_id) FROM passage_links")
    return {
        "documents": documents,
        "salience": metrics.document_salience(tag_counts, tagged_totals),
        "tagged_totals": tagged_totals,
        "links": links,
    }


@dg.asset(
    deps=["passage_links"],
    kinds=KINDS | {"polars"},
    group_name="metrics",
    pool="duckdb",
    code_version=METRICS_VERSION,
    description="One row per (VLR, VNR) pair of a country and SDG, all 17 SDGs: salience and "
    "tier in each review, link count and status aligned / local_only / national_only / absent.",
)
def sdg_pair_profile(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        inputs = load_metric_inputs(con)
        pairs = metrics.review_pairs(inputs["documents"])
        profile = metrics.pair_profile(pairs, inputs["salience"], inputs["links"])
        # Derived wholly from current inputs: replacing the table is the idempotent write.
        replace_rows(
            con, "sdg_pair_profile", profile.with_columns(run_id=pl.lit(context.run.run_id))
        )
    counts = profile.group_by("status").len().sort("status").rows() if profile.height else []
    report(context, f"sdg_pair_profile: {pairs.height} pairs, {profile.height} rows")
    return dg.MaterializeResult(
        metadata={
            "pairs": pairs.height,
            "rows": profile.height,
            "status_counts": dg.MetadataValue.json(dict(counts)),
        }
    )


@dg.asset(
    deps=["sdg_pair_profile"],
    kinds=KINDS | {"polars"},
    group_name="metrics",
    pool="duckdb",
    code_version=METRICS_VERSION,
    description="One row per (VLR, VNR) pair and metric (long format): coverage_jaccard, "
    "integration_rate, mean_alignment, link and SDG counts, salience_cosine.",
)
def alignment_metrics(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        inputs = load_metric_inputs(con)
        profile = read_frame(con, "SELECT * EXCLUDE (run_id) FROM sdg_pair_profile")
        values = metrics.pair_metrics(profile, inputs["links"], inputs["tagged_totals"])
        replace_rows(
            con, "alignment_metrics", values.with_columns(run_id=pl.lit(context.run.run_id))
        )
    preview = (
        values.pivot(
            on="metric", index=["country_iso3", "vlr_doc_id", "vnr_doc_id"], values="value"
        )
        if values.height
        else values
    )
    report(context, f"alignment_metrics: {values.height} values")
    return dg.MaterializeResult(
        metadata={
            "rows": values.height,
            "preview": dg.MetadataValue.md(preview.head(20).to_pandas().to_markdown(index=False))
            if values.height
            else "_no pairs_",
        }
    )
