"""Gaps, reporting cycles, the country momentum index and the evidence behind every metric
(issue 5, items 3-6). Each asset recomputes its table whole from current inputs (cheap SQL and
polars over the metric tables), so the replacing write is idempotent."""

import dagster as dg
import polars as pl

from assets.common import KINDS, report
from assets.localization import markdown, sql_check
from models import cycles, evidence, gaps, momentum
from models.metrics import document_salience
from models.warehouse import read_frame, replace_rows
from pipelines.resources import WarehouseResource


def _documents(con) -> pl.DataFrame:
    return read_frame(
        con,
        "SELECT doc_id, review_type, country_iso3, locality, year, status, n_pages "
        "FROM documents ORDER BY doc_id",
    )


def _salience(con) -> pl.DataFrame:
    tag_counts = read_frame(
        con,
        "SELECT s.doc_id, s.sdg, count(DISTINCT s.passage_id) AS n_passages FROM passage_sdgs s "
        "JOIN documents d USING (doc_id) WHERE d.status = 'ok' GROUP BY ALL",
    )
    totals = read_frame(
        con,
        "SELECT d.doc_id, count(DISTINCT s.passage_id) AS n_tagged FROM documents d "
        "LEFT JOIN passage_sdgs s USING (doc_id) WHERE d.status = 'ok' GROUP BY ALL",
    )
    return document_salience(tag_counts, totals)


def _ok_tags(con) -> pl.DataFrame:
    return read_frame(
        con,
        "SELECT s.passage_id, s.doc_id, s.sdg, s.target, s.score FROM passage_sdgs s "
        "JOIN documents d USING (doc_id) WHERE d.status = 'ok'",
    )


def _ok_values(con) -> pl.DataFrame:
    return read_frame(
        con,
        "SELECT v.* FROM indicator_values v JOIN documents d USING (doc_id) WHERE d.status = 'ok'",
    )


@dg.asset(
    deps=["sdg_pair_profile", "indicator_values"],
    kinds=KINDS | {"polars"},
    group_name="analysis",
    pool="duckdb",
    description="One row per gap: an SDG or target a VLR reports and its VNR does not "
    "(local_only) or the reverse (national_only), an SDG no review of the country covers "
    "(uncovered), or a target the VLR reports without an indicator figure (no_indicator).",
)
def sdg_gaps(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        profile = read_frame(con, "SELECT * EXCLUDE (run_id) FROM sdg_pair_profile")
        documents = _documents(con)
        values = _ok_values(con)
        frame = gaps.sdg_gaps(
            profile,
            _salience(con),
            documents,
            gaps.target_reports(_ok_tags(con), values),
            gaps.sdg_indicator_counts(values),
        )
        replace_rows(con, "sdg_gaps", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    counts = (
        frame.group_by("level", "gap_type").len().sort("level", "gap_type")
        if frame.height
        else frame
    )
    report(context, f"sdg_gaps: {frame.height} gaps")
    return dg.MaterializeResult(
        metadata={"rows": frame.height, "counts": dg.MetadataValue.md(markdown(counts))}
    )


@dg.asset(
    deps=["alignment_metrics", "vnr_involvement", "indicator_reuse"],
    kinds=KINDS | {"polars"},
    group_name="analysis",
    pool="duckdb",
    description="One row per VNR and metric (row_type 'cycle'): the VNR against the VLRs its "
    "country published in or before its year; and one row per metric and pair of consecutive "
    "VNRs of a country (row_type 'trend', value = change since the previous VNR).",
)
def cycle_metrics(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        frame = cycles.cycle_metrics(
            _documents(con),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM alignment_metrics"),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM sdg_pair_profile"),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM vnr_involvement"),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM indicator_reuse"),
        )
        replace_rows(con, "cycle_metrics", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    wide = (
        frame.pivot(
            on="metric", index=["country_iso3", "vnr_doc_id", "row_type"], values="value"
        ).with_columns(pl.selectors.float().round(3))
        if frame.height
        else frame
    )
    n_trends = frame.filter(pl.col("row_type") == "trend")["vnr_doc_id"].n_unique()
    report(context, f"cycle_metrics: {frame.height} rows, {n_trends} trends")
    return dg.MaterializeResult(
        metadata={
            "rows": frame.height,
            "trends": n_trends,
            "preview": dg.MetadataValue.md(markdown(wide)),
        }
    )


@dg.asset(
    deps=["cycle_metrics", "indicator_reuse", "vnr_involvement"],
    kinds=KINDS | {"polars"},
    group_name="analysis",
    pool="duckdb",
    description="One row per country: VLR count and recency, integration rate, mentions, "
    "indicator reuse and involvement as 0-1 components, the weighted localization momentum "
    "index (0-100, docs/metrics.md) and the country's rank.",
)
def country_momentum(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        frame = momentum.country_momentum(
            _documents(con),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM cycle_metrics"),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM vnr_involvement"),
            _ok_values(con),
            read_frame(con, "SELECT * EXCLUDE (run_id) FROM indicator_reuse"),
        )
        replace_rows(con, "country_momentum", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    ranking = frame.select(
        "rank", "country_iso3", "momentum_index", *momentum.WEIGHTS
    ).with_columns(pl.selectors.float().round(3))
    report(
        context,
        "country_momentum: "
        + ", ".join(f"{c} {v}" for c, v in frame.select("country_iso3", "momentum_index").rows()),
    )
    return dg.MaterializeResult(
        metadata={
            "countries": frame.height,
            "weights": dg.MetadataValue.json(momentum.WEIGHTS),
            "ranking": dg.MetadataValue.md(markdown(ranking)),
        }
    )


@dg.asset(
    deps=[
        "alignment_metrics",
        "sdg_pair_profile",
        "localization_mentions",
        "vnr_involvement",
        "indicator_reuse",
        "sdg_gaps",
    ],
    kinds=KINDS | {"polars"},
    group_name="analysis",
    pool="duckdb",
    description="One row per metric row and supporting passage: the links, tagged passages, "
    "mentions and indicator figures behind alignment_metrics, sdg_pair_profile, "
    "localization_mentions, vnr_involvement, indicator_reuse and sdg_gaps, with page, quote "
    "(<= 300 characters), similarity and a citation such as 'VNR KEN 2024, p. 5'.",
)
def metric_evidence(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        documents = _documents(con)
        passages = read_frame(
            con,
            "SELECT p.passage_id, p.doc_id, p.page, p.text FROM passages p "
            "JOIN documents d USING (doc_id) WHERE d.status = 'ok'",
        )
        tags = _ok_tags(con)
        values = _ok_values(con)
        top_sdg = evidence.top_sdg_passages(tags)
        top_target = evidence.top_target_passages(tags, values)
        parts = [
            evidence.link_evidence(read_frame(con, "SELECT * EXCLUDE (run_id) FROM passage_links")),
            evidence.coverage_evidence(
                read_frame(con, "SELECT * EXCLUDE (run_id) FROM sdg_pair_profile"), top_sdg
            ),
            evidence.mention_evidence(read_frame(con, "SELECT * FROM localization_mentions")),
            evidence.reuse_evidence(
                read_frame(con, "SELECT * EXCLUDE (run_id) FROM indicator_reuse"), values
            ),
            evidence.gap_evidence(
                read_frame(con, "SELECT * EXCLUDE (run_id) FROM sdg_gaps"),
                top_sdg,
                top_target,
                documents,
            ),
        ]
        frame = evidence.metric_evidence(parts, passages, documents)
        replace_rows(con, "metric_evidence", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    counts = (
        frame.group_by("metric_table", "metric").len().sort("metric_table", "metric")
        if frame.height
        else frame
    )
    report(context, f"metric_evidence: {frame.height} rows")
    return dg.MaterializeResult(
        metadata={
            "rows": frame.height,
            "per_metric": dg.MetadataValue.md(markdown(counts, limit=50)),
            "sample": dg.MetadataValue.md(
                markdown(frame.select("metric_table", "metric", "citation", "quote").head(10))
            ),
        }
    )


# --------------------------------------------------------------------------------------------
# Checks


@dg.asset_check(
    asset=sdg_gaps,
    blocking=True,
    description="Known gap types and levels; codes under their SDG; SDG-level local_only / "
    "national_only agree with sdg_pair_profile.status.",
)
def gaps_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return sql_check(
        warehouse,
        "SELECT g.vlr_doc_id, g.vnr_doc_id, g.level, g.code, g.gap_type FROM sdg_gaps g "
        "LEFT JOIN sdg_pair_profile p ON p.vlr_doc_id = g.vlr_doc_id "
        "AND p.vnr_doc_id = g.vnr_doc_id AND p.sdg = g.sdg "
        "WHERE g.gap_type NOT IN ('local_only', 'national_only', 'uncovered', 'no_indicator') "
        "OR g.level NOT IN ('sdg', 'target') OR g.sdg NOT BETWEEN 1 AND 17 "
        "OR split_part(g.code, '.', 1) <> g.sdg::VARCHAR "
        "OR (g.level = 'sdg' AND g.gap_type IN ('local_only', 'national_only') "
        "AND p.status IS DISTINCT FROM g.gap_type) "
        "OR (g.gap_type = 'uncovered' AND g.vlr_doc_id IS NOT NULL)",
        "invalid gap rows",
    )


@dg.asset_check(
    asset=cycle_metrics,
    blocking=True,
    description="Every ok VNR has one cycle row per metric; rates within [0, 1].",
)
def cycles_complete(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    n_metrics = len(cycles.CYCLE_METRICS)
    return sql_check(
        warehouse,
        "SELECT d.doc_id, count(c.metric) AS n FROM documents d "  # noqa: S608
        "LEFT JOIN cycle_metrics c ON c.vnr_doc_id = d.doc_id AND c.row_type = 'cycle' "
        "WHERE d.status = 'ok' AND d.review_type = 'VNR' GROUP BY d.doc_id "
        f"HAVING count(DISTINCT c.metric) <> {n_metrics} OR count(c.metric) <> {n_metrics} "
        "OR max(CASE WHEN c.metric IN ('mean_integration_rate', 'mean_coverage_jaccard', "
        "'involvement_score') THEN c.value END) > 1",
        "VNRs with incomplete or out-of-range cycle metrics",
    )


@dg.asset_check(
    asset=country_momentum,
    blocking=True,
    description="One row per country with an ok review; index in [0, 100]; components in "
    "[0, 1]; rank 1 for the highest index.",
)
def momentum_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    components = " OR ".join(f"{c} NOT BETWEEN 0 AND 1" for c in momentum.WEIGHTS)
    return sql_check(
        warehouse,
        "WITH c AS (SELECT DISTINCT country_iso3 FROM documents WHERE status = 'ok') "  # noqa: S608
        "SELECT coalesce(c.country_iso3, m.country_iso3), m.momentum_index, m.rank "
        "FROM c FULL JOIN country_momentum m USING (country_iso3) "
        "WHERE m.country_iso3 IS NULL OR c.country_iso3 IS NULL "
        f"OR m.momentum_index NOT BETWEEN 0 AND 100 OR {components} "
        "OR m.rank <> (SELECT count(*) FROM country_momentum o "
        "WHERE o.momentum_index > m.momentum_index) + 1",
        "invalid momentum rows",
    )


@dg.asset_check(
    asset=metric_evidence,
    blocking=True,
    description="Every evidence row is a real passage of its document, on a page within the "
    "document's page count, with a quote of 1-300 characters and similarity in [-1, 1].",
)
def evidence_resolves(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return sql_check(
        warehouse,
        "SELECT e.metric_table, e.metric, e.doc_id, e.passage_id, e.page FROM metric_evidence e "
        "LEFT JOIN passages p ON p.passage_id = e.passage_id AND p.doc_id = e.doc_id "
        "LEFT JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE p.passage_id IS NULL OR e.page <> p.page OR e.page NOT BETWEEN 1 AND d.n_pages "
        "OR coalesce(length(e.quote), 0) NOT BETWEEN 1 AND 300 "
        "OR (e.similarity IS NOT NULL AND e.similarity NOT BETWEEN -1 AND 1)",
        "evidence rows that do not resolve",
    )


@dg.asset_check(
    asset=metric_evidence,
    blocking=False,
    description="Every pair with links, every mention-based involvement level above none and "
    "every indicator_reuse row has evidence.",
)
def evidence_covers_metrics(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return sql_check(
        warehouse,
        "SELECT 'alignment_metrics', a.vlr_doc_id, a.vnr_doc_id FROM alignment_metrics a "
        "WHERE a.metric = 'n_links' AND a.value > 0 AND NOT EXISTS (SELECT 1 FROM "
        "metric_evidence e WHERE e.metric_table = 'alignment_metrics' "
        "AND e.vlr_doc_id = a.vlr_doc_id AND e.vnr_doc_id = a.vnr_doc_id) "
        "UNION ALL SELECT 'vnr_involvement', i.doc_id, i.level FROM vnr_involvement i "
        "WHERE i.level <> 'none' AND NOT EXISTS (SELECT 1 FROM metric_evidence e "
        "WHERE e.metric_table = 'vnr_involvement' AND e.doc_id = i.doc_id) "
        "UNION ALL SELECT 'indicator_reuse', r.vlr_doc_id || '/' || r.vnr_doc_id, r.indicator "
        "FROM indicator_reuse r WHERE (SELECT count(*) FROM metric_evidence e "
        "WHERE e.metric_table = 'indicator_reuse' AND e.vlr_doc_id = r.vlr_doc_id "
        "AND e.vnr_doc_id = r.vnr_doc_id AND e.code = r.indicator) < 2",
        "metric rows without evidence",
    )
