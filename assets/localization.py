"""Localization signals in VNRs and indicator figures in every review (issue 5, items 1-2).

``localization_mentions`` and ``indicator_values`` are per-document extractions, but they are
cross-document assets that only (re)process documents whose inputs changed, rather than
partitioned assets: a VNR's mentions depend on the catalog VLRs of its country (their
localities resolve named places), so adding a VLR must re-read the country's VNRs even though
their partitions did not change. Each document's fingerprint (its passages' fingerprint, the
code version, and for VNRs the country's VLR list) is kept in ``stage_state``; unchanged
documents are skipped, documents no longer ok lose their rows. Both stages are cheap (rules,
no model), so re-reading a country's VNRs costs seconds.
"""

import json

import dagster as dg
import polars as pl

from assets.common import KINDS as ASSET_KINDS
from assets.common import mark_stage, report
from models import metrics
from models.indicators import valid_indicator_codes
from models.localization import KINDS, LEVELS
from models.signals import (
    CatalogVlr,
    indicator_frame,
    involvement_frame,
    mention_frame,
    reuse_frame,
)
from models.warehouse import delete_insert, read_frame, replace_rows, transaction
from pipelines.resources import WarehouseResource

# Bump when the output of these stages changes for the same passages.
SIGNALS_VERSION = "signals-1"


def sql_check(warehouse: WarehouseResource, sql: str, what: str) -> dg.AssetCheckResult:
    """Passes when ``sql`` returns no rows; otherwise names up to ten offending rows."""
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


def markdown(frame: pl.DataFrame, limit: int = 20) -> str:
    """A small markdown table for asset metadata."""
    if frame.is_empty():
        return "_none_"
    frame = frame.head(limit)
    head = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n"
    body = "\n".join(
        "| " + " | ".join("" if v is None else str(v).replace("|", "/")[:80] for v in row) + " |"
        for row in frame.rows()
    )
    return head + body


def _documents(con) -> pl.DataFrame:
    """Documents with the fingerprint of their current passages (NULL when not ok)."""
    return read_frame(
        con,
        "SELECT d.doc_id, d.review_type, d.country_iso3, d.locality, d.year, d.language, "
        "d.status, s.fingerprint AS passages_fp FROM documents d "
        "LEFT JOIN stage_state s ON s.doc_id = d.doc_id AND s.stage = 'passages' "
        "ORDER BY d.doc_id",
    )


def _refresh(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    *,
    table: str,
    stage: str,
    wanted: dict[str, str],
    compute,
) -> dict[str, int]:
    """Recompute ``table`` for the documents whose fingerprint changed; drop the others' rows.

    ``wanted`` maps doc_id -> current fingerprint; ``compute(con, doc_id)`` returns the frame.
    """
    with warehouse.connect() as con:
        done = dict(
            con.execute(
                "SELECT doc_id, fingerprint FROM stage_state WHERE stage = ?", [stage]
            ).fetchall()
        )
        present = {
            r[0]
            for r in con.execute(f"SELECT DISTINCT doc_id FROM {table}").fetchall()  # noqa: S608
        }
    stale = sorted((set(done) | present) - set(wanted))
    changed = [d for d, fp in wanted.items() if done.get(d) != fp]
    written = 0
    for doc_id in changed:
        with warehouse.connect() as con:
            frame = compute(con, doc_id)
        with warehouse.connect() as con, transaction(con):
            delete_insert(con, table, frame, where="doc_id = ?", params=[doc_id])
            mark_stage(con, doc_id, stage, wanted[doc_id], context.run.run_id)
        written += frame.height
        report(context, f"{table}: {doc_id}: {frame.height} rows")
    if stale:
        with warehouse.connect() as con, transaction(con):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [stale])  # noqa: S608
            con.execute(
                "DELETE FROM stage_state WHERE stage = ? AND doc_id IN (SELECT unnest(?))",
                [stage, stale],
            )
    return {
        "documents": len(wanted),
        "recomputed": len(changed),
        "unchanged": len(wanted) - len(changed),
        "removed": len(stale),
        "rows_written": written,
    }


def _passages(con, doc_id: str) -> pl.DataFrame:
    return read_frame(
        con,
        "SELECT doc_id, passage_id, page, text, kind FROM passages WHERE doc_id = ? "
        "ORDER BY ordinal",
        [doc_id],
    )


@dg.asset(
    deps=["passages"],
    kinds=ASSET_KINDS | {"spacy"},
    group_name="localization",
    pool="duckdb",
    description="One row per VNR passage, mention kind (vlr_reference, lrg_consultation, "
    "lrg_implementation, local_data) and catalog locality named as its evidence: matched "
    "terms, score, quote, and the catalog VLR the locality resolves to.",
)
def localization_mentions(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        docs = _documents(con)
    ok = docs.filter((pl.col("status") == "ok") & pl.col("passages_fp").is_not_null())
    vlrs = ok.filter(pl.col("review_type") == "VLR")
    vnrs = ok.filter(pl.col("review_type") == "VNR")
    by_country = {
        country: [
            CatalogVlr(r["doc_id"], r["locality"], r["year"])
            for r in vlrs.filter(pl.col("country_iso3") == country).iter_rows(named=True)
            if r["locality"]
        ]
        for country in vnrs["country_iso3"].unique().to_list()
    }
    info = {r["doc_id"]: r for r in vnrs.iter_rows(named=True)}
    wanted = {
        r["doc_id"]: "|".join(
            [
                r["passages_fp"],
                SIGNALS_VERSION,
                str(r["year"]),
                r["language"] or "",
                json.dumps([(v.doc_id, v.locality, v.year) for v in by_country[r["country_iso3"]]]),
            ]
        )
        for r in vnrs.iter_rows(named=True)
    }

    def compute(con, doc_id: str) -> pl.DataFrame:
        row = info[doc_id]
        return mention_frame(
            _passages(con, doc_id),
            language=row["language"] or "en",
            country_iso3=row["country_iso3"],
            vlrs=by_country[row["country_iso3"]],
            vnr_year=row["year"],
        )

    stats = _refresh(
        context,
        warehouse,
        table="localization_mentions",
        stage="mentions",
        wanted=wanted,
        compute=compute,
    )
    with warehouse.connect(read_only=True) as con:
        counts = read_frame(
            con,
            "SELECT doc_id, kind, count(DISTINCT passage_id) AS passages, "
            "count(DISTINCT resolved_vlr_doc_id) AS vlrs_resolved "
            "FROM localization_mentions GROUP BY ALL ORDER BY ALL",
        )
        total = con.execute("SELECT count(*) FROM localization_mentions").fetchone()[0]
    report(context, f"localization_mentions: {total} rows ({stats['recomputed']} VNRs read)")
    return dg.MaterializeResult(
        metadata={**stats, "rows_total": total, "per_kind": dg.MetadataValue.md(markdown(counts))}
    )


@dg.asset(
    deps=["localization_mentions"],
    kinds=ASSET_KINDS | {"polars"},
    group_name="localization",
    pool="duckdb",
    description="One row per ok VNR: UCLG-style involvement level of local and regional "
    "governments (none, weak, consulted, high) with its reason and passage counts per kind.",
)
def vnr_involvement(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        mentions = read_frame(con, "SELECT * FROM localization_mentions")
        vnrs = read_frame(
            con,
            "SELECT d.doc_id, d.country_iso3, d.year, count(p.passage_id) AS n_passages "
            "FROM documents d LEFT JOIN passages p USING (doc_id) "
            "WHERE d.status = 'ok' AND d.review_type = 'VNR' GROUP BY ALL ORDER BY d.doc_id",
        )
        frame = involvement_frame(mentions, vnrs)
        replace_rows(con, "vnr_involvement", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    levels = dict(frame.group_by("level").len().rows()) if frame.height else {}
    report(context, f"vnr_involvement: {frame.height} VNRs {levels}")
    return dg.MaterializeResult(
        metadata={
            "vnrs": frame.height,
            "levels": dg.MetadataValue.json(levels),
            "preview": dg.MetadataValue.md(
                markdown(frame.select("doc_id", "level", "reason", *[f"n_{k}" for k in KINDS]))
            ),
        }
    )


@dg.asset(
    deps=["passages"],
    kinds=ASSET_KINDS,
    group_name="localization",
    pool="duckdb",
    description="One row per indicator figure found in a passage or table row of an ok "
    "review: indicator code (explicit or resolved from its name), value, unit, year and the "
    "matched text.",
)
def indicator_values(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        docs = _documents(con)
    ok = docs.filter((pl.col("status") == "ok") & pl.col("passages_fp").is_not_null())
    language = {r["doc_id"]: r["language"] or "en" for r in ok.iter_rows(named=True)}
    wanted = {
        r["doc_id"]: "|".join([r["passages_fp"], SIGNALS_VERSION, language[r["doc_id"]]])
        for r in ok.iter_rows(named=True)
    }
    stats = _refresh(
        context,
        warehouse,
        table="indicator_values",
        stage="indicators",
        wanted=wanted,
        compute=lambda con, doc_id: indicator_frame(_passages(con, doc_id), language[doc_id]),
    )
    with warehouse.connect(read_only=True) as con:
        per_doc = read_frame(
            con,
            "SELECT doc_id, count(*) AS figures, count(DISTINCT indicator) AS indicators, "
            "count(*) FILTER (source = 'table') AS from_tables "
            "FROM indicator_values GROUP BY ALL ORDER BY ALL",
        )
    report(context, f"indicator_values: {int(per_doc['figures'].sum() or 0)} figures")
    return dg.MaterializeResult(
        metadata={**stats, "per_document": dg.MetadataValue.md(markdown(per_doc))}
    )


@dg.asset(
    deps=["indicator_values", "documents"],
    kinds=ASSET_KINDS | {"polars"},
    group_name="localization",
    pool="duckdb",
    description="One row per (VLR, VNR) pair of a country and indicator both report: local "
    "and national value, unit and year, their difference, and the passages (ids, pages) "
    "the figures come from.",
)
def indicator_reuse(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        documents = read_frame(
            con, "SELECT doc_id, review_type, country_iso3, locality, year, status FROM documents"
        )
        values = read_frame(con, "SELECT * FROM indicator_values")
        pairs = metrics.review_pairs(documents)
        frame = reuse_frame(values, pairs)
        replace_rows(con, "indicator_reuse", frame.with_columns(run_id=pl.lit(context.run.run_id)))
    per_pair = (
        frame.group_by("vlr_doc_id", "vnr_doc_id")
        .agg(indicators=pl.col("indicator").sort().str.join(", "))
        .sort("vlr_doc_id", "vnr_doc_id")
        if frame.height
        else frame
    )
    report(context, f"indicator_reuse: {frame.height} shared indicators over {pairs.height} pairs")
    return dg.MaterializeResult(
        metadata={
            "pairs": pairs.height,
            "rows": frame.height,
            "per_pair": dg.MetadataValue.md(markdown(per_pair)),
        }
    )


# --------------------------------------------------------------------------------------------
# Checks


@dg.asset_check(
    asset=localization_mentions,
    blocking=True,
    description="Kinds known, scores in [0, 1], passages of the same VNR, quotes of at most "
    "300 characters, resolved VLRs of the same country.",
)
def mentions_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    kinds = ", ".join(f"'{k}'" for k in KINDS)
    return sql_check(
        warehouse,
        "SELECT m.doc_id, m.passage_id, m.kind, m.resolved_vlr_doc_id "  # noqa: S608
        "FROM localization_mentions m "
        "LEFT JOIN passages p ON p.passage_id = m.passage_id AND p.doc_id = m.doc_id "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id "
        "LEFT JOIN documents v ON v.doc_id = m.resolved_vlr_doc_id "
        f"WHERE p.passage_id IS NULL OR m.kind NOT IN ({kinds}) "
        "OR m.score NOT BETWEEN 0 AND 1 OR d.review_type <> 'VNR' OR m.page <> p.page "
        "OR length(m.quote) > 300 OR coalesce(m.quote, '') = '' "
        "OR (m.resolved_vlr_doc_id IS NOT NULL AND (v.review_type <> 'VLR' "
        "OR v.country_iso3 <> d.country_iso3 OR v.locality <> m.locality))",
        "invalid mention rows",
    )


@dg.asset_check(
    asset=vnr_involvement,
    blocking=True,
    description="Exactly one row per ok VNR, with a known level.",
)
def involvement_complete(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    levels = ", ".join(f"'{lv}'" for lv in LEVELS)
    return sql_check(
        warehouse,
        "SELECT d.doc_id, count(i.doc_id) AS n, any_value(i.level) AS level FROM documents d "  # noqa: S608
        "LEFT JOIN vnr_involvement i USING (doc_id) "
        "WHERE d.status = 'ok' AND d.review_type = 'VNR' GROUP BY d.doc_id "
        f"HAVING count(i.doc_id) <> 1 OR any_value(i.level) NOT IN ({levels})",
        "VNRs without exactly one valid involvement row",
    )


@dg.asset_check(
    asset=indicator_values,
    blocking=True,
    description="Official indicator codes, sdg and target consistent with the code, passages "
    "of the same document and page.",
)
def indicator_values_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    codes = sorted(valid_indicator_codes())
    with warehouse.connect(read_only=True) as con:
        bad = con.execute(
            "SELECT v.doc_id, v.passage_id, v.indicator FROM indicator_values v "
            "LEFT JOIN passages p ON p.passage_id = v.passage_id AND p.doc_id = v.doc_id "
            "WHERE p.passage_id IS NULL OR p.page <> v.page "
            "OR NOT list_contains(?, v.indicator) "
            "OR split_part(v.indicator, '.', 1) <> v.sdg::VARCHAR "
            "OR NOT starts_with(v.indicator, v.target || '.')",
            [codes],
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not bad,
        description=f"{len(bad)} invalid indicator values" if bad else "no invalid values",
        metadata={"failing_rows": dg.MetadataValue.json([list(map(str, r)) for r in bad[:10]])},
    )


@dg.asset_check(
    asset=indicator_reuse,
    blocking=True,
    description="A VLR and a VNR of the same country; both figures' passages exist in their "
    "documents; the indicator is reported on both sides.",
)
def reuse_valid(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return sql_check(
        warehouse,
        "SELECT r.vlr_doc_id, r.vnr_doc_id, r.indicator FROM indicator_reuse r "
        "LEFT JOIN documents a ON a.doc_id = r.vlr_doc_id "
        "LEFT JOIN documents b ON b.doc_id = r.vnr_doc_id "
        "LEFT JOIN indicator_values lv ON lv.passage_id = r.local_passage_id "
        "AND lv.indicator = r.indicator AND lv.doc_id = r.vlr_doc_id "
        "LEFT JOIN indicator_values nv ON nv.passage_id = r.national_passage_id "
        "AND nv.indicator = r.indicator AND nv.doc_id = r.vnr_doc_id "
        "WHERE a.review_type <> 'VLR' OR b.review_type <> 'VNR' "
        "OR a.country_iso3 <> r.country_iso3 OR b.country_iso3 <> r.country_iso3 "
        "OR lv.doc_id IS NULL OR nv.doc_id IS NULL",
        "invalid reuse rows",
    )
