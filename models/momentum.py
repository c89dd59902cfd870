"""Country rollup and the localization momentum index.

The index answers "where is SDG localization moving fastest?" with one documented number per
country, 0-100, built from six components that are each mapped onto 0-1 with a *fixed* scale
(not min-max over the countries at hand), so a country's index does not change when another
country is added to the catalog, and a one-country corpus still gets a meaningful value:

- integration (weight 0.25): mean integration_rate of the latest VNR with its prior VLRs;
- involvement (0.20): the latest VNR's level, none 0, weak 1/3, consulted 2/3, high 1;
- mentions (0.15): share of VNR passages with a localization mention (mean over the VNRs),
  divided by 0.2 and capped at 1;
- indicator reuse (0.15): indicators the VLRs report that a VNR also reports, over all the
  indicators the VLRs report;
- VLR count (0.15): log(1 + n) / log(1 + 10), capped at 1;
- recency (0.10): 1 - (years from the latest VLR to the corpus's latest review) / 10, floored
  at 0.

docs/metrics.md explains the choices and their caveats.
"""

from __future__ import annotations

import math

import polars as pl

WEIGHTS: dict[str, float] = {
    "integration_score": 0.25,
    "involvement_score": 0.20,
    "mentions_score": 0.15,
    "indicator_reuse_score": 0.15,
    "vlr_count_score": 0.15,
    "recency_score": 0.10,
}
VLR_COUNT_SATURATION = 10  # ten VLRs or more score 1
RECENCY_HORIZON_YEARS = 10  # a VLR ten years older than the latest review scores 0
MENTION_SHARE_SATURATION = 0.2  # one passage in five with a mention scores 1

MOMENTUM_SCHEMA = {
    "country_iso3": pl.String,
    "n_vlrs": pl.Int32,
    "n_vnrs": pl.Int32,
    "latest_vlr_year": pl.Int32,
    "latest_vnr_doc_id": pl.String,
    "latest_vnr_year": pl.Int32,
    "reference_year": pl.Int32,
    "recency_score": pl.Float64,
    "vlr_count_score": pl.Float64,
    "integration_rate": pl.Float64,
    "integration_score": pl.Float64,
    "mentions_per_vnr": pl.Float64,
    "mention_share": pl.Float64,
    "mentions_score": pl.Float64,
    "n_reused_indicators": pl.Int32,
    "n_vlr_indicators": pl.Int32,
    "indicator_reuse_rate": pl.Float64,
    "indicator_reuse_score": pl.Float64,
    "involvement_level": pl.String,
    "involvement_score": pl.Float64,
    "momentum_index": pl.Float64,
    "rank": pl.Int32,
}


def vlr_count_score(n_vlrs: int) -> float:
    """Diminishing returns: the first VLRs of a country say more than the tenth."""
    if n_vlrs <= 0:
        return 0.0
    return min(1.0, math.log1p(n_vlrs) / math.log1p(VLR_COUNT_SATURATION))


def recency_score(latest_vlr_year: int | None, reference_year: int | None) -> float:
    """1 for a VLR of the reference year, falling linearly to 0 over RECENCY_HORIZON_YEARS."""
    if latest_vlr_year is None or reference_year is None:
        return 0.0
    years = max(0, reference_year - latest_vlr_year)
    return max(0.0, 1.0 - years / RECENCY_HORIZON_YEARS)


def mentions_score(mention_share: float | None) -> float:
    if not mention_share:
        return 0.0
    return min(1.0, mention_share / MENTION_SHARE_SATURATION)


def momentum_index(components: dict[str, float]) -> float:
    """Weighted sum of the 0-1 component scores, times 100, rounded to one decimal."""
    total = sum(WEIGHTS[k] * min(1.0, max(0.0, components.get(k) or 0.0)) for k in WEIGHTS)
    return round(100.0 * total, 1)


def country_momentum(
    documents: pl.DataFrame,
    cycles: pl.DataFrame,
    involvement: pl.DataFrame,
    values: pl.DataFrame,
    reuse: pl.DataFrame,
) -> pl.DataFrame:
    """One row per country with an ok review: components, index and rank (1 = most momentum).

    ``documents``: doc_id, review_type, country_iso3, year, status; ``cycles``: cycle_metrics;
    ``involvement``: vnr_involvement; ``values``: indicator_values (doc_id, indicator);
    ``reuse``: indicator_reuse. The reference year is the latest year of any ok review, so the
    index of a corpus does not drift with the calendar.
    """
    ok = documents.filter(pl.col("status") == "ok")
    if ok.is_empty():
        return pl.DataFrame(schema=MOMENTUM_SCHEMA)
    reference_year = ok["year"].max()
    latest_cycle = {
        (r["vnr_doc_id"], r["metric"]): r["value"]
        for r in cycles.filter(pl.col("row_type") == "cycle").iter_rows(named=True)
    }
    inv = {r["doc_id"]: r for r in involvement.iter_rows(named=True)}
    records = []
    for country in sorted(ok["country_iso3"].unique().to_list()):
        docs = ok.filter(pl.col("country_iso3") == country)
        vlrs = docs.filter(pl.col("review_type") == "VLR")
        vnrs = docs.filter(pl.col("review_type") == "VNR").sort("year", "doc_id")
        latest = vnrs.row(-1, named=True) if vnrs.height else None
        integration = (
            latest_cycle.get((latest["doc_id"], "mean_integration_rate")) if latest else None
        )
        shares, counts = [], []
        for vnr in vnrs["doc_id"].to_list():
            row = inv.get(vnr)
            if row and row["n_passages"]:
                shares.append(row["n_mention_passages"] / row["n_passages"])
                counts.append(row["n_mention_passages"])
        share = sum(shares) / len(shares) if shares else None
        vlr_codes = set(values.filter(pl.col("doc_id").is_in(vlrs["doc_id"]))["indicator"])
        reused = (
            set(reuse.filter(pl.col("vlr_doc_id").is_in(vlrs["doc_id"]))["indicator"]) & vlr_codes
        )
        reuse_rate = len(reused) / len(vlr_codes) if vlr_codes else 0.0
        level = inv.get(latest["doc_id"], {}).get("level") if latest else None
        level_score = inv.get(latest["doc_id"], {}).get("level_score") if latest else None
        latest_vlr_year = vlrs["year"].max() if vlrs.height else None
        components = {
            "integration_score": integration or 0.0,
            "involvement_score": level_score or 0.0,
            "mentions_score": mentions_score(share),
            "indicator_reuse_score": reuse_rate,
            "vlr_count_score": vlr_count_score(vlrs.height),
            "recency_score": recency_score(latest_vlr_year, reference_year),
        }
        records.append(
            {
                "country_iso3": country,
                "n_vlrs": vlrs.height,
                "n_vnrs": vnrs.height,
                "latest_vlr_year": latest_vlr_year,
                "latest_vnr_doc_id": latest["doc_id"] if latest else None,
                "latest_vnr_year": latest["year"] if latest else None,
                "reference_year": reference_year,
                "integration_rate": integration,
                "mentions_per_vnr": sum(counts) / len(counts) if counts else 0.0,
                "mention_share": share,
                "n_reused_indicators": len(reused),
                "n_vlr_indicators": len(vlr_codes),
                "indicator_reuse_rate": reuse_rate,
                "involvement_level": level,
                **components,
                "momentum_index": momentum_index(components),
                "rank": 0,
            }
        )
    frame = pl.DataFrame(records, schema=MOMENTUM_SCHEMA)
    return (
        frame.sort(["momentum_index", "country_iso3"], descending=[True, False])
        .with_columns(
            rank=pl.col("momentum_index").rank(method="min", descending=True).cast(pl.Int32)
        )
        .select(list(MOMENTUM_SCHEMA))
    )
