"""Coverage gaps between a VLR and its VNR, per SDG and per target.

An SDG is *covered* by a review as in :mod:`models.metrics` (at least ``MIN_PASSAGES`` tagged
passages), so ``sdg_gaps`` agrees with ``sdg_pair_profile.status``. A target is *reported* by a
review when at least one passage is tagged with it or carries a figure of one of its indicators
(``indicator_values``): targets are finer than goals, and one passage on target 6.2 or one
figure of indicator 6.2.1 is already a report on it.

Gap types (one row each, see docs/warehouse.md):

- ``local_only`` / ``national_only`` (level ``sdg`` or ``target``): reported by the VLR and not
  its VNR, or the reverse;
- ``uncovered`` (level ``sdg``, no pair): an SDG none of the country's reviews covers;
- ``no_indicator`` (level ``target``): a target the VLR reports, under an SDG the VLR covers,
  for which the VLR gives no indicator figure; ``vnr_indicators`` says whether the paired VNR
  has a national figure the city could localise.
"""

from __future__ import annotations

import polars as pl

from models.metrics import SDGS

GAP_TYPES = ("local_only", "national_only", "uncovered", "no_indicator")
GAP_SCHEMA = {
    "country_iso3": pl.String,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
    "level": pl.String,
    "sdg": pl.Int32,
    "code": pl.String,
    "gap_type": pl.String,
    "vlr_passages": pl.Int32,
    "vnr_passages": pl.Int32,
    "vlr_indicators": pl.Int32,
    "vnr_indicators": pl.Int32,
}


def target_reports(target_tags: pl.DataFrame, values: pl.DataFrame) -> pl.DataFrame:
    """Per document and target: passages reporting it and indicator codes with a figure.

    ``target_tags`` has doc_id, sdg, target, passage_id (tags with a target); ``values`` has
    doc_id, sdg, target, indicator, passage_id (indicator_values).
    """
    tagged = target_tags.select(
        "doc_id", pl.col("sdg").cast(pl.Int32), "target", "passage_id"
    ).filter(pl.col("target").is_not_null())
    figured = values.select("doc_id", pl.col("sdg").cast(pl.Int32), "target", "passage_id")
    passages = (
        pl.concat([tagged, figured])
        .group_by("doc_id", "sdg", "target")
        .agg(n_passages=pl.col("passage_id").n_unique().cast(pl.Int32))
    )
    indicators = values.group_by("doc_id", "target").agg(
        n_indicators=pl.col("indicator").n_unique().cast(pl.Int32)
    )
    return passages.join(indicators, on=["doc_id", "target"], how="left").with_columns(
        pl.col("n_indicators").fill_null(0)
    )


def sdg_indicator_counts(values: pl.DataFrame) -> pl.DataFrame:
    """Per document and SDG: distinct indicator codes reported with a figure."""
    return values.group_by("doc_id", pl.col("sdg").cast(pl.Int32)).agg(
        n_indicators=pl.col("indicator").n_unique().cast(pl.Int32)
    )


def sdg_gaps(
    profile: pl.DataFrame,
    salience: pl.DataFrame,
    documents: pl.DataFrame,
    targets: pl.DataFrame,
    sdg_indicators: pl.DataFrame,
) -> pl.DataFrame:
    """All gap rows.

    ``profile``: sdg_pair_profile; ``salience``: :func:`models.metrics.document_salience` for
    the ok documents (doc_id, sdg, n_passages, covered); ``documents``: doc_id, review_type,
    country_iso3, status; ``targets``: :func:`target_reports`; ``sdg_indicators``:
    :func:`sdg_indicator_counts`.
    """
    parts = [
        _sdg_level(profile, sdg_indicators),
        _uncovered(salience, documents, sdg_indicators),
        _target_level(profile, salience, targets),
    ]
    frames = [p.select(list(GAP_SCHEMA)).cast(GAP_SCHEMA) for p in parts if p.height]
    if not frames:
        return pl.DataFrame(schema=GAP_SCHEMA)
    order = {g: i for i, g in enumerate(GAP_TYPES)}
    return (
        pl.concat(frames)
        .with_columns(
            _type_order=pl.col("gap_type").replace_strict(order, return_dtype=pl.Int32),
            _level_order=(pl.col("level") == "target").cast(pl.Int32),
            _code_key=pl.col("code").str.split(".").list.eval(pl.element().str.zfill(3)),
        )
        .sort(
            "country_iso3",
            "vlr_doc_id",
            "vnr_doc_id",
            "_level_order",
            "_type_order",
            "sdg",
            "_code_key",
            nulls_last=False,
        )
        .drop("_type_order", "_level_order", "_code_key")
    )


def _with_indicator_counts(
    frame: pl.DataFrame, sdg_indicators: pl.DataFrame, on: str = "sdg"
) -> pl.DataFrame:
    counts = sdg_indicators.rename({"n_indicators": "_n"})
    return (
        frame.join(
            counts.rename({"doc_id": "vlr_doc_id", "_n": "vlr_indicators"}),
            on=["vlr_doc_id", on],
            how="left",
        )
        .join(
            counts.rename({"doc_id": "vnr_doc_id", "_n": "vnr_indicators"}),
            on=["vnr_doc_id", on],
            how="left",
        )
        .with_columns(pl.col("vlr_indicators", "vnr_indicators").fill_null(0))
    )


def _sdg_level(profile: pl.DataFrame, sdg_indicators: pl.DataFrame) -> pl.DataFrame:
    gaps = profile.filter(pl.col("status").is_in(["local_only", "national_only"])).select(
        "country_iso3",
        "vlr_doc_id",
        "vnr_doc_id",
        pl.col("sdg").cast(pl.Int32),
        "vlr_passages",
        "vnr_passages",
        gap_type="status",
    )
    return _with_indicator_counts(gaps, sdg_indicators).with_columns(
        level=pl.lit("sdg"), code=pl.col("sdg").cast(pl.String)
    )


def _uncovered(
    salience: pl.DataFrame, documents: pl.DataFrame, sdg_indicators: pl.DataFrame
) -> pl.DataFrame:
    ok = documents.filter(pl.col("status") == "ok").select("doc_id", "review_type", "country_iso3")
    if ok.is_empty():
        return pl.DataFrame(schema=GAP_SCHEMA)
    grid = (
        ok.select("country_iso3")
        .unique()
        .join(pl.DataFrame({"sdg": SDGS}, schema={"sdg": pl.Int32}), how="cross")
    )
    per_doc = (
        ok.join(salience.with_columns(pl.col("sdg").cast(pl.Int32)), on="doc_id")
        .join(sdg_indicators, on=["doc_id", "sdg"], how="left")
        .with_columns(pl.col("n_indicators").fill_null(0))
    )
    per_country = per_doc.group_by("country_iso3", "sdg").agg(
        covered=pl.col("covered").any(),
        vlr_passages=pl.col("n_passages").filter(pl.col("review_type") == "VLR").sum(),
        vnr_passages=pl.col("n_passages").filter(pl.col("review_type") == "VNR").sum(),
        vlr_indicators=pl.col("n_indicators").filter(pl.col("review_type") == "VLR").sum(),
        vnr_indicators=pl.col("n_indicators").filter(pl.col("review_type") == "VNR").sum(),
    )
    return (
        grid.join(per_country, on=["country_iso3", "sdg"], how="left")
        .filter(~pl.col("covered").fill_null(False))
        .with_columns(
            pl.col("vlr_passages", "vnr_passages", "vlr_indicators", "vnr_indicators").fill_null(0),
            vlr_doc_id=pl.lit(None, pl.String),
            vnr_doc_id=pl.lit(None, pl.String),
            level=pl.lit("sdg"),
            code=pl.col("sdg").cast(pl.String),
            gap_type=pl.lit("uncovered"),
        )
    )


def _target_level(
    profile: pl.DataFrame, salience: pl.DataFrame, targets: pl.DataFrame
) -> pl.DataFrame:
    pairs = profile.select("country_iso3", "vlr_doc_id", "vnr_doc_id").unique()
    if pairs.is_empty() or targets.is_empty():
        return pl.DataFrame(schema=GAP_SCHEMA)
    side = targets.select("doc_id", "sdg", "target", "n_passages", "n_indicators")
    local = pairs.join(side.rename({"doc_id": "vlr_doc_id"}), on="vlr_doc_id")
    national = pairs.join(side.rename({"doc_id": "vnr_doc_id"}), on="vnr_doc_id")
    keys = ["country_iso3", "vlr_doc_id", "vnr_doc_id", "sdg", "target"]
    both = (
        local.rename({"n_passages": "vlr_passages", "n_indicators": "vlr_indicators"})
        .join(
            national.rename({"n_passages": "vnr_passages", "n_indicators": "vnr_indicators"}),
            on=keys,
            how="full",
            coalesce=True,
        )
        .with_columns(
            pl.col("vlr_passages", "vnr_passages", "vlr_indicators", "vnr_indicators").fill_null(0)
        )
    )
    vlr_covered = salience.filter(pl.col("covered")).select(
        vlr_doc_id="doc_id", sdg=pl.col("sdg").cast(pl.Int32), vlr_covers=pl.lit(True)
    )
    both = both.join(vlr_covered, on=["vlr_doc_id", "sdg"], how="left").with_columns(
        pl.col("vlr_covers").fill_null(False)
    )
    local_only = both.filter((pl.col("vlr_passages") > 0) & (pl.col("vnr_passages") == 0))
    national_only = both.filter((pl.col("vnr_passages") > 0) & (pl.col("vlr_passages") == 0))
    no_indicator = both.filter(
        (pl.col("vlr_passages") > 0) & pl.col("vlr_covers") & (pl.col("vlr_indicators") == 0)
    )
    return pl.concat(
        [
            local_only.with_columns(gap_type=pl.lit("local_only")),
            national_only.with_columns(gap_type=pl.lit("national_only")),
            no_indicator.with_columns(gap_type=pl.lit("no_indicator")),
        ]
    ).with_columns(level=pl.lit("target"), code=pl.col("target"))
