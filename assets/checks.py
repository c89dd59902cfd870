"""Data-quality checks beside the assets they guard; blocking ones stop downstream assets."""

import dagster as dg

from pipelines.resources import WarehouseResource


def _sql_check(warehouse: WarehouseResource, sql: str, what: str) -> dg.AssetCheckResult:
    """Passes when `sql` returns no rows; otherwise names up to ten offending rows."""
    with warehouse.connect(read_only=True) as con:
        bad = con.execute(sql).fetchall()
    return dg.AssetCheckResult(
        passed=not bad,
        description=f"{len(bad)} {what}" if bad else f"no {what}",
        metadata={
            "failing_rows": dg.MetadataValue.json([list(map(str, r)) for r in bad[:10]]),
            "n_failing": len(bad),
        },
    )


@dg.asset_check(asset="passages", blocking=True, description="Every ok document has passages.")
def ok_documents_have_passages(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _sql_check(
        warehouse,
        "SELECT d.doc_id FROM documents d LEFT JOIN passages p USING (doc_id) "
        "WHERE d.status = 'ok' AND p.passage_id IS NULL",
        "ok documents without passages",
    )


@dg.asset_check(
    asset="passage_sdgs",
    blocking=True,
    description="sdg in 1..17, target under its goal, passage exists.",
)
def sdg_tags_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _sql_check(
        warehouse,
        "SELECT s.passage_id, s.sdg, s.target FROM passage_sdgs s "
        "LEFT JOIN passages p USING (passage_id) WHERE p.passage_id IS NULL "
        "OR s.sdg NOT BETWEEN 1 AND 17 "
        "OR (s.target IS NOT NULL AND split_part(s.target, '.', 1) <> s.sdg::VARCHAR)",
        "invalid or orphan tags",
    )


@dg.asset_check(
    asset="passage_links",
    blocking=True,
    description="Similarity in [-1, 1], both passages exist, same country.",
)
def links_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _sql_check(
        warehouse,
        "SELECT l.vlr_passage_id, l.vnr_passage_id, l.similarity FROM passage_links l "
        "LEFT JOIN passages a ON a.passage_id = l.vlr_passage_id "
        "LEFT JOIN passages b ON b.passage_id = l.vnr_passage_id "
        "LEFT JOIN documents da ON da.doc_id = a.doc_id "
        "LEFT JOIN documents db ON db.doc_id = b.doc_id "
        "WHERE a.passage_id IS NULL OR b.passage_id IS NULL OR l.similarity NOT BETWEEN -1 AND 1 "
        "OR da.review_type <> 'VLR' OR db.review_type <> 'VNR' "
        "OR da.country_iso3 <> l.country_iso3 OR db.country_iso3 <> l.country_iso3",
        "invalid or orphan links",
    )


@dg.asset_check(
    asset="sdg_pair_profile",
    blocking=True,
    description="Exactly 17 SDG rows per pair; saliences in [0, 1].",
)
def profile_complete(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _sql_check(
        warehouse,
        "SELECT vlr_doc_id, vnr_doc_id, count(*) AS n FROM sdg_pair_profile GROUP BY ALL "
        "HAVING count(DISTINCT sdg) <> 17 OR count(*) <> 17 "
        "OR max(vlr_salience) > 1 OR min(vlr_salience) < 0 "
        "OR max(vnr_salience) > 1 OR min(vnr_salience) < 0",
        "pairs with an incomplete or out-of-range profile",
    )


@dg.asset_check(
    asset="alignment_metrics", blocking=True, description="Rates and overlaps within [0, 1]."
)
def metrics_in_range(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _sql_check(
        warehouse,
        "SELECT vlr_doc_id, vnr_doc_id, metric, value FROM alignment_metrics "
        "WHERE value IS NULL OR (metric IN ('coverage_jaccard', 'integration_rate', "
        "'salience_cosine') AND value NOT BETWEEN 0 AND 1) "
        "OR (metric = 'mean_alignment' AND value NOT BETWEEN -1 AND 1) "
        "OR (metric LIKE 'n_%' AND value < 0)",
        "metric values out of range",
    )
