"""Reporting cycles: each VNR measured against the VLRs its country published before it.

A country presents a VNR every few years; between two VNRs its cities may publish VLRs. A VNR
could only build on the VLRs published in or before its own year, so each *cycle* (one VNR)
is measured against those *prior* VLRs, and consecutive cycles of a country are compared
(``trend`` rows): did the second VNR integrate local reviews better than the first?
"""

from __future__ import annotations

import json

import polars as pl

# Metric -> meaning; the order is the order of the rows.
CYCLE_METRICS: dict[str, str] = {
    "n_prior_vlrs": "VLRs of the country published in or before the VNR's year.",
    "mean_integration_rate": "Mean integration_rate of the prior VLRs with this VNR (0-1; "
    "NULL without prior VLRs).",
    "mean_coverage_jaccard": "Mean coverage_jaccard of the prior VLRs with this VNR (0-1; NULL "
    "without prior VLRs).",
    "mean_alignment": "Mean of the prior pairs' mean_alignment (cosine similarity of linked "
    "passages; NULL without prior VLRs).",
    "n_aligned_sdgs": "SDGs the VNR covers together with at least one prior VLR.",
    "n_mention_passages": "VNR passages with a counted localization mention (score >= 0.6).",
    "n_vlrs_referenced": "Distinct catalog VLRs the VNR references by name (vlr_reference).",
    "involvement_score": "The VNR's involvement level as a number: none 0, weak 1/3, "
    "consulted 2/3, high 1.",
    "n_reused_indicators": "Distinct indicators the VNR reports together with a prior VLR.",
}

CYCLE_SCHEMA = {
    "country_iso3": pl.String,
    "vnr_doc_id": pl.String,
    "vnr_year": pl.Int32,
    "row_type": pl.String,
    "metric": pl.String,
    "value": pl.Float64,
    "previous_vnr_doc_id": pl.String,
    "previous_vnr_year": pl.Int32,
    "previous_value": pl.Float64,
    "prior_vlr_doc_ids": pl.String,
}


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def cycle_metrics(
    documents: pl.DataFrame,
    metrics: pl.DataFrame,
    profile: pl.DataFrame,
    involvement: pl.DataFrame,
    reuse: pl.DataFrame,
) -> pl.DataFrame:
    """``cycle`` rows per VNR and metric, then ``trend`` rows per consecutive pair of VNRs.

    ``documents``: doc_id, review_type, country_iso3, year, status; ``metrics``:
    alignment_metrics (long); ``profile``: sdg_pair_profile; ``involvement``: vnr_involvement;
    ``reuse``: indicator_reuse. A trend row's ``value`` is this cycle's value minus the previous
    cycle's (NULL when either is NULL), with the previous value and VNR alongside.
    """
    ok = documents.filter(pl.col("status") == "ok")
    vnrs = ok.filter(pl.col("review_type") == "VNR").sort("country_iso3", "year", "doc_id")
    vlrs = ok.filter(pl.col("review_type") == "VLR")
    wide = {
        (r["vlr_doc_id"], r["vnr_doc_id"], r["metric"]): r["value"]
        for r in metrics.iter_rows(named=True)
    }
    inv = {r["doc_id"]: r for r in involvement.iter_rows(named=True)}
    records: list[dict] = []
    for vnr in vnrs.iter_rows(named=True):
        prior = sorted(
            r["doc_id"]
            for r in vlrs.filter(pl.col("country_iso3") == vnr["country_iso3"]).iter_rows(
                named=True
            )
            if r["year"] is not None and vnr["year"] is not None and r["year"] <= vnr["year"]
        )
        pair_values = {
            m: [wide.get((v, vnr["doc_id"], m)) for v in prior]
            for m in ("integration_rate", "coverage_jaccard", "mean_alignment")
        }
        aligned = profile.filter(
            (pl.col("vnr_doc_id") == vnr["doc_id"])
            & pl.col("vlr_doc_id").is_in(prior)
            & (pl.col("status") == "aligned")
        )["sdg"].n_unique()
        reused = reuse.filter(
            (pl.col("vnr_doc_id") == vnr["doc_id"]) & pl.col("vlr_doc_id").is_in(prior)
        )["indicator"].n_unique()
        own = inv.get(vnr["doc_id"], {})
        values = {
            "n_prior_vlrs": float(len(prior)),
            "mean_integration_rate": _mean(pair_values["integration_rate"]),
            "mean_coverage_jaccard": _mean(pair_values["coverage_jaccard"]),
            "mean_alignment": _mean(pair_values["mean_alignment"]),
            "n_aligned_sdgs": float(aligned),
            "n_mention_passages": float(own.get("n_mention_passages") or 0),
            "n_vlrs_referenced": float(own.get("n_vlrs_referenced") or 0),
            "involvement_score": own.get("level_score"),
            "n_reused_indicators": float(reused),
        }
        for metric in CYCLE_METRICS:
            records.append(
                {
                    "country_iso3": vnr["country_iso3"],
                    "vnr_doc_id": vnr["doc_id"],
                    "vnr_year": vnr["year"],
                    "row_type": "cycle",
                    "metric": metric,
                    "value": values[metric],
                    "previous_vnr_doc_id": None,
                    "previous_vnr_year": None,
                    "previous_value": None,
                    "prior_vlr_doc_ids": json.dumps(prior),
                }
            )
    cycles = pl.DataFrame(records, schema=CYCLE_SCHEMA)
    return pl.concat([cycles, _trends(cycles)])


def _trends(cycles: pl.DataFrame) -> pl.DataFrame:
    if cycles.is_empty():
        return cycles
    order = cycles.select("country_iso3", "vnr_doc_id", "vnr_year").unique()
    order = order.sort("country_iso3", "vnr_year", "vnr_doc_id").with_columns(
        previous_vnr_doc_id=pl.col("vnr_doc_id").shift(1).over("country_iso3"),
        previous_vnr_year=pl.col("vnr_year").shift(1).over("country_iso3"),
    )
    previous = cycles.select(
        previous_vnr_doc_id="vnr_doc_id", metric="metric", previous_value="value"
    )
    return (
        cycles.drop("previous_vnr_doc_id", "previous_vnr_year", "previous_value")
        .join(
            order.select("vnr_doc_id", "previous_vnr_doc_id", "previous_vnr_year"),
            on="vnr_doc_id",
        )
        .filter(pl.col("previous_vnr_doc_id").is_not_null())
        .join(previous, on=["previous_vnr_doc_id", "metric"], how="left")
        .with_columns(
            row_type=pl.lit("trend"),
            value=pl.col("value") - pl.col("previous_value"),
        )
        .select(list(CYCLE_SCHEMA))
        .cast(CYCLE_SCHEMA)
    )
