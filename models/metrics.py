"""Linkage metrics between each VLR and the VNR(s) of its country.

Salience follows UNDP's SDG Insights idea: how much of a document's SDG discussion is about one
SDG, with tiers relative to the document's top SDG. An SDG counts as *covered* by a document
only from MIN_PASSAGES tagged passages on, so that one stray tag does not flip a status.
"""

from __future__ import annotations

import polars as pl

MIN_PASSAGES = 2
HIGH_TIER = 0.75
LOW_TIER = 0.25
SDGS = list(range(1, 18))

PROFILE_SCHEMA = {
    "country_iso3": pl.String,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
    "sdg": pl.Int32,
    "vlr_salience": pl.Float64,
    "vnr_salience": pl.Float64,
    "vlr_tier": pl.String,
    "vnr_tier": pl.String,
    "n_links": pl.Int32,
    "status": pl.String,
    "vlr_passages": pl.Int32,
    "vnr_passages": pl.Int32,
    "mean_similarity": pl.Float64,
}
METRIC_SCHEMA = {
    "country_iso3": pl.String,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
    "metric": pl.String,
    "value": pl.Float64,
}

# What each pair-level metric means; exported with the data dictionary.
PAIR_METRICS = {
    "coverage_jaccard": "Jaccard overlap of the SDG sets covered by the VLR and by the VNR (0-1).",
    "integration_rate": "Share of the VLR's SDG-tagged passages with at least one link to the "
    "VNR (0-1).",
    "mean_alignment": "Mean cosine similarity of each linked VLR passage's best VNR link "
    "(-1 to 1; 0 if none).",
    "n_links": "Number of VLR passages linked to the VNR (rank-1 links).",
    "n_aligned_sdgs": "SDGs covered by both reviews.",
    "n_local_only_sdgs": "SDGs covered by the VLR only.",
    "n_national_only_sdgs": "SDGs covered by the VNR only.",
    "salience_cosine": "Cosine similarity of the two 17-SDG salience profiles (0-1).",
}


def document_salience(tag_counts: pl.DataFrame, tagged_totals: pl.DataFrame) -> pl.DataFrame:
    """One row per document and SDG (all 17): passages, salience and tier.

    `tag_counts` has doc_id, sdg, n_passages (distinct passages with that SDG);
    `tagged_totals` has doc_id, n_tagged (distinct passages with any SDG).
    """
    grid = tagged_totals.select("doc_id").join(
        pl.DataFrame({"sdg": SDGS}, schema={"sdg": pl.Int32}), how="cross"
    )
    frame = (
        grid.join(
            tag_counts.with_columns(pl.col("sdg").cast(pl.Int32)), on=["doc_id", "sdg"], how="left"
        )
        .join(tagged_totals, on="doc_id", how="left")
        .with_columns(pl.col("n_passages").fill_null(0))
        .with_columns(
            salience=pl.when(pl.col("n_tagged") > 0)
            .then(pl.col("n_passages") / pl.col("n_tagged"))
            .otherwise(0.0)
        )
        .with_columns(top=pl.col("salience").max().over("doc_id"))
        .with_columns(
            tier=pl.when(pl.col("salience") <= 0)
            .then(pl.lit("none"))
            .when(pl.col("salience") > HIGH_TIER * pl.col("top"))
            .then(pl.lit("high"))
            .when(pl.col("salience") >= LOW_TIER * pl.col("top"))
            .then(pl.lit("medium"))
            .otherwise(pl.lit("low")),
            covered=pl.col("n_passages") >= MIN_PASSAGES,
        )
    )
    return frame.select("doc_id", "sdg", "n_passages", "n_tagged", "salience", "tier", "covered")


def review_pairs(documents: pl.DataFrame) -> pl.DataFrame:
    """Every (VLR, VNR) pair of the same country among documents with status ok."""
    ok = documents.filter(pl.col("status") == "ok")
    vlrs = ok.filter(pl.col("review_type") == "VLR").select(
        "country_iso3", vlr_doc_id="doc_id", vlr_year="year"
    )
    vnrs = ok.filter(pl.col("review_type") == "VNR").select(
        "country_iso3", vnr_doc_id="doc_id", vnr_year="year"
    )
    return vlrs.join(vnrs, on="country_iso3").sort("country_iso3", "vlr_doc_id", "vnr_doc_id")


def pair_profile(pairs: pl.DataFrame, salience: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """One row per (VLR, VNR) pair and SDG, all 17 SDGs, with coverage status and links."""
    if pairs.is_empty():
        return pl.DataFrame(schema=PROFILE_SCHEMA)
    side = salience.select("doc_id", "sdg", "n_passages", "salience", "tier", "covered")
    best = links.filter(pl.col("rank") == 1)
    link_stats = best.group_by("vlr_doc_id", "vnr_doc_id", "sdg").agg(
        n_links=pl.len().cast(pl.Int32), mean_similarity=pl.col("similarity").mean()
    )
    frame = (
        pairs.select("country_iso3", "vlr_doc_id", "vnr_doc_id")
        .join(pl.DataFrame({"sdg": SDGS}, schema={"sdg": pl.Int32}), how="cross")
        .join(
            side.rename(
                {
                    "doc_id": "vlr_doc_id",
                    "n_passages": "vlr_passages",
                    "salience": "vlr_salience",
                    "tier": "vlr_tier",
                    "covered": "vlr_covered",
                }
            ),
            on=["vlr_doc_id", "sdg"],
            how="left",
        )
        .join(
            side.rename(
                {
                    "doc_id": "vnr_doc_id",
                    "n_passages": "vnr_passages",
                    "salience": "vnr_salience",
                    "tier": "vnr_tier",
                    "covered": "vnr_covered",
                }
            ),
            on=["vnr_doc_id", "sdg"],
            how="left",
        )
        .join(
            link_stats.with_columns(pl.col("sdg").cast(pl.Int32)),
            on=["vlr_doc_id", "vnr_doc_id", "sdg"],
            how="left",
        )
        .with_columns(
            pl.col("vlr_salience", "vnr_salience").fill_null(0.0),
            pl.col("vlr_tier", "vnr_tier").fill_null("none"),
            pl.col("vlr_covered", "vnr_covered").fill_null(False),
            pl.col("vlr_passages", "vnr_passages").fill_null(0).cast(pl.Int32),
            pl.col("n_links").fill_null(0),
        )
        .with_columns(
            status=pl.when(pl.col("vlr_covered") & pl.col("vnr_covered"))
            .then(pl.lit("aligned"))
            .when(pl.col("vlr_covered"))
            .then(pl.lit("local_only"))
            .when(pl.col("vnr_covered"))
            .then(pl.lit("national_only"))
            .otherwise(pl.lit("absent"))
        )
    )
    return (
        frame.select(list(PROFILE_SCHEMA))
        .cast(PROFILE_SCHEMA)
        .sort("country_iso3", "vlr_doc_id", "vnr_doc_id", "sdg")
    )


def pair_metrics(
    profile: pl.DataFrame, links: pl.DataFrame, vlr_tagged: pl.DataFrame
) -> pl.DataFrame:
    """Pair-level metrics in long format (see PAIR_METRICS).

    `vlr_tagged` has doc_id, n_tagged: the VLR's SDG-tagged passages, the denominator of the
    integration rate.
    """
    if profile.is_empty():
        return pl.DataFrame(schema=METRIC_SCHEMA)
    best = links.filter(pl.col("rank") == 1)
    per_pair = profile.group_by("country_iso3", "vlr_doc_id", "vnr_doc_id").agg(
        n_aligned_sdgs=(pl.col("status") == "aligned").sum(),
        n_local_only_sdgs=(pl.col("status") == "local_only").sum(),
        n_national_only_sdgs=(pl.col("status") == "national_only").sum(),
        n_union=(pl.col("status") != "absent").sum(),
        dot=(pl.col("vlr_salience") * pl.col("vnr_salience")).sum(),
        vlr_norm=(pl.col("vlr_salience") ** 2).sum().sqrt(),
        vnr_norm=(pl.col("vnr_salience") ** 2).sum().sqrt(),
    )
    link_stats = best.group_by("vlr_doc_id", "vnr_doc_id").agg(
        n_links=pl.col("vlr_passage_id").n_unique(),
        mean_alignment=pl.col("similarity").mean(),
    )
    wide = (
        per_pair.join(link_stats, on=["vlr_doc_id", "vnr_doc_id"], how="left")
        .join(vlr_tagged.rename({"doc_id": "vlr_doc_id"}), on="vlr_doc_id", how="left")
        .with_columns(
            pl.col("n_links", "mean_alignment").fill_null(0), pl.col("n_tagged").fill_null(0)
        )
        .with_columns(
            coverage_jaccard=pl.when(pl.col("n_union") > 0)
            .then(pl.col("n_aligned_sdgs") / pl.col("n_union"))
            .otherwise(0.0),
            integration_rate=pl.when(pl.col("n_tagged") > 0)
            .then(pl.col("n_links") / pl.col("n_tagged"))
            .otherwise(0.0),
            # Clipped: identical profiles can come out as 1.0000000000000002 in floating point.
            salience_cosine=pl.when((pl.col("vlr_norm") > 0) & (pl.col("vnr_norm") > 0))
            .then((pl.col("dot") / (pl.col("vlr_norm") * pl.col("vnr_norm"))).clip(0.0, 1.0))
            .otherwise(0.0),
        )
    )
    return (
        wide.unpivot(
            index=["country_iso3", "vlr_doc_id", "vnr_doc_id"],
            on=list(PAIR_METRICS),
            variable_name="metric",
            value_name="value",
        )
        .cast(METRIC_SCHEMA)
        .sort("country_iso3", "vlr_doc_id", "vnr_doc_id", "metric")
    )
