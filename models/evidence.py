"""Citation-grade evidence: the passages behind every metric row.

A drafter who reads "integration rate 0.40" or "SDG 14 is local only" in the warehouse needs
the text that makes it so, with a page to cite ("VNR KEN 2024, p. 5"). Each builder here turns
one metric table into ``metric_evidence`` rows (one per metric row and supporting passage);
docs/warehouse.md lists which passages each metric table gets.

Coverage and gap evidence keep the :data:`MAX_PASSAGES_PER_ROW` highest-scoring passages per
row and side: enough to cite, short enough to read.
"""

from __future__ import annotations

import polars as pl

from models.signals import MENTION_SCORE_MIN, QUOTE_MAX, clip_quote

MAX_PASSAGES_PER_ROW = 3

EVIDENCE_SCHEMA = {
    "metric_table": pl.String,
    "country_iso3": pl.String,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
    "sdg": pl.Int32,
    "metric": pl.String,
    "doc_id": pl.String,
    "passage_id": pl.String,
    "page": pl.Int32,
    "quote": pl.String,
    "similarity": pl.Float64,
    "code": pl.String,
    "score": pl.Float64,
    "citation": pl.String,
}
_KEYS = ["metric_table", "country_iso3", "vlr_doc_id", "vnr_doc_id", "sdg", "metric"]


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema=EVIDENCE_SCHEMA)


def _rows(frame: pl.DataFrame, **columns: pl.Expr) -> pl.DataFrame:
    """Select ``columns`` (name -> expression) and fill the optional ones with NULL."""
    exprs = []
    for name, dtype in EVIDENCE_SCHEMA.items():
        if name in columns:
            exprs.append(columns[name].cast(dtype).alias(name))
        elif name not in ("page", "citation"):
            exprs.append(pl.lit(None, dtype).alias(name))
    return frame.select(exprs)


def finish(frame: pl.DataFrame, passages: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Add page, default quote (the passage text) and citation; order and type the columns.

    ``passages``: passage_id, doc_id, page, text; ``documents``: doc_id, review_type,
    country_iso3, locality, year.
    """
    if frame.is_empty():
        return _empty()
    docs = documents.select(
        "doc_id",
        _label=pl.concat_str(
            pl.col("review_type"),
            pl.lit(" "),
            pl.coalesce("locality", "country_iso3"),
            pl.lit(" "),
            pl.col("year").cast(pl.String),
        ),
    )
    out = (
        frame.join(
            passages.select("passage_id", "page", _text="text"), on="passage_id", how="inner"
        )
        .join(docs, on="doc_id", how="left")
        .with_columns(
            quote=pl.coalesce(
                "quote",
                pl.col("_text").map_elements(clip_quote, return_dtype=pl.String),
            ),
            citation=pl.concat_str(
                pl.col("_label"), pl.lit(", p. "), pl.col("page").cast(pl.String)
            ),
        )
        .with_columns(pl.col("quote").str.slice(0, QUOTE_MAX))
        .select(list(EVIDENCE_SCHEMA))
        .cast(EVIDENCE_SCHEMA)
        .unique(subset=[*_KEYS, "doc_id", "passage_id", "code"], keep="first", maintain_order=True)
    )
    return out.sort(*_KEYS, "doc_id", "page", "passage_id", nulls_last=True)


def link_evidence(links: pl.DataFrame) -> pl.DataFrame:
    """The rank-1 links behind n_links / integration_rate / mean_alignment.

    ``sdg_pair_profile``/``n_links``: both passages of each rank-1 link, with its SDG, target
    and similarity. ``alignment_metrics``/``integration_rate``: the VLR passage of each rank-1
    link (the numerator of the rate; their similarities average to mean_alignment).
    """
    best = links.filter(pl.col("rank") == 1)
    if best.is_empty():
        return _empty()
    common = {
        "country_iso3": pl.col("country_iso3"),
        "vlr_doc_id": pl.col("vlr_doc_id"),
        "vnr_doc_id": pl.col("vnr_doc_id"),
        "sdg": pl.col("sdg"),
        "similarity": pl.col("similarity"),
        "code": pl.col("target"),
    }
    profile_vlr = _rows(
        best,
        metric_table=pl.lit("sdg_pair_profile"),
        metric=pl.lit("n_links"),
        doc_id=pl.col("vlr_doc_id"),
        passage_id=pl.col("vlr_passage_id"),
        **common,
    )
    profile_vnr = _rows(
        best,
        metric_table=pl.lit("sdg_pair_profile"),
        metric=pl.lit("n_links"),
        doc_id=pl.col("vnr_doc_id"),
        passage_id=pl.col("vnr_passage_id"),
        **common,
    )
    integration = _rows(
        best,
        metric_table=pl.lit("alignment_metrics"),
        metric=pl.lit("integration_rate"),
        doc_id=pl.col("vlr_doc_id"),
        passage_id=pl.col("vlr_passage_id"),
        **common,
    )
    return pl.concat([profile_vlr, profile_vnr, integration])


def top_sdg_passages(tags: pl.DataFrame) -> pl.DataFrame:
    """Per document and SDG, its MAX_PASSAGES_PER_ROW best-scored tagged passages.

    ``tags``: passage_sdgs (passage_id, doc_id, sdg, score). Returns doc_id, sdg, passage_id,
    score.
    """
    per_passage = tags.group_by("doc_id", pl.col("sdg").cast(pl.Int32), "passage_id").agg(
        score=pl.col("score").max()
    )
    return (
        per_passage.sort(
            ["doc_id", "sdg", "score", "passage_id"], descending=[False, False, True, False]
        )
        .group_by("doc_id", "sdg", maintain_order=True)
        .head(MAX_PASSAGES_PER_ROW)
    )


def top_target_passages(tags: pl.DataFrame, values: pl.DataFrame) -> pl.DataFrame:
    """Per document and target, its best passages (tagged with the target or carrying a figure
    of one of its indicators). Returns doc_id, target, passage_id, score."""
    tagged = tags.filter(pl.col("target").is_not_null()).select(
        "doc_id", "target", "passage_id", pl.col("score").cast(pl.Float64)
    )
    figured = values.select("doc_id", "target", "passage_id", pl.col("score").cast(pl.Float64))
    both = (
        pl.concat([tagged, figured])
        .group_by("doc_id", "target", "passage_id")
        .agg(score=pl.col("score").max())
    )
    return (
        both.sort(
            ["doc_id", "target", "score", "passage_id"], descending=[False, False, True, False]
        )
        .group_by("doc_id", "target", maintain_order=True)
        .head(MAX_PASSAGES_PER_ROW)
    )


def coverage_evidence(profile: pl.DataFrame, top_sdg: pl.DataFrame) -> pl.DataFrame:
    """``sdg_pair_profile``/``status``: the best tagged passages of each side that covers an
    SDG (VLR side for aligned and local_only, VNR side for aligned and national_only)."""
    rows = profile.filter(pl.col("status") != "absent").select(
        "country_iso3", "vlr_doc_id", "vnr_doc_id", pl.col("sdg").cast(pl.Int32), "status"
    )
    if rows.is_empty():
        return _empty()
    vlr = rows.filter(pl.col("status").is_in(["aligned", "local_only"])).join(
        top_sdg, left_on=["vlr_doc_id", "sdg"], right_on=["doc_id", "sdg"]
    )
    vnr = rows.filter(pl.col("status").is_in(["aligned", "national_only"])).join(
        top_sdg, left_on=["vnr_doc_id", "sdg"], right_on=["doc_id", "sdg"]
    )
    common = {
        "metric_table": pl.lit("sdg_pair_profile"),
        "country_iso3": pl.col("country_iso3"),
        "vlr_doc_id": pl.col("vlr_doc_id"),
        "vnr_doc_id": pl.col("vnr_doc_id"),
        "sdg": pl.col("sdg"),
        "metric": pl.lit("status"),
        "passage_id": pl.col("passage_id"),
        "code": pl.col("status"),
        "score": pl.col("score"),
    }
    return pl.concat(
        [
            _rows(vlr, doc_id=pl.col("vlr_doc_id"), **common),
            _rows(vnr, doc_id=pl.col("vnr_doc_id"), **common),
        ]
    )


def gap_evidence(
    gaps: pl.DataFrame,
    top_sdg: pl.DataFrame,
    top_target: pl.DataFrame,
    documents: pl.DataFrame,
) -> pl.DataFrame:
    """``sdg_gaps``: the passages that make the reporting side report the SDG or target.

    local_only and no_indicator: the VLR's passages; national_only: the VNR's; uncovered: the
    stray tagged passages of the country's reviews (too few to cover the SDG; none when no
    review mentions it at all).
    """
    if gaps.is_empty():
        return _empty()
    common = {
        "metric_table": pl.lit("sdg_gaps"),
        "country_iso3": pl.col("country_iso3"),
        "vlr_doc_id": pl.col("vlr_doc_id"),
        "vnr_doc_id": pl.col("vnr_doc_id"),
        "sdg": pl.col("sdg"),
        "metric": pl.col("gap_type"),
        "doc_id": pl.col("doc_id"),
        "passage_id": pl.col("passage_id"),
        "code": pl.col("code"),
        "score": pl.col("score"),
    }
    side = pl.when(pl.col("gap_type") == "national_only").then("vnr_doc_id").otherwise("vlr_doc_id")
    paired = gaps.filter(pl.col("gap_type") != "uncovered").with_columns(doc_id=side)
    sdg_rows = paired.filter(pl.col("level") == "sdg").join(
        top_sdg, on=["doc_id", "sdg"], how="inner"
    )
    target_rows = paired.filter(pl.col("level") == "target").join(
        top_target, left_on=["doc_id", "code"], right_on=["doc_id", "target"], how="inner"
    )
    country_top = (
        top_sdg.join(documents.select("doc_id", "country_iso3"), on="doc_id")
        .sort(
            ["country_iso3", "sdg", "score", "passage_id"], descending=[False, False, True, False]
        )
        .group_by("country_iso3", "sdg", maintain_order=True)
        .head(MAX_PASSAGES_PER_ROW)
    )
    uncovered = gaps.filter(pl.col("gap_type") == "uncovered").join(
        country_top, on=["country_iso3", "sdg"], how="inner"
    )
    return pl.concat(
        [_rows(sdg_rows, **common), _rows(target_rows, **common), _rows(uncovered, **common)]
    )


def mention_evidence(mentions: pl.DataFrame) -> pl.DataFrame:
    """``localization_mentions``: every mention; ``vnr_involvement``: the mentions counted for
    the level (score >= MENTION_SCORE_MIN). vlr_doc_id is the VLR a named locality resolves
    to; code is the locality."""
    if mentions.is_empty():
        return _empty()
    common = {
        "country_iso3": pl.col("country_iso3"),
        "vlr_doc_id": pl.col("resolved_vlr_doc_id"),
        "vnr_doc_id": pl.col("doc_id"),
        "metric": pl.col("kind"),
        "doc_id": pl.col("doc_id"),
        "passage_id": pl.col("passage_id"),
        "quote": pl.col("quote"),
        "code": pl.col("locality"),
        "score": pl.col("score"),
    }
    counted = mentions.filter(pl.col("score") >= MENTION_SCORE_MIN)
    return pl.concat(
        [
            _rows(mentions, metric_table=pl.lit("localization_mentions"), **common),
            _rows(counted, metric_table=pl.lit("vnr_involvement"), **common),
        ]
    )


def reuse_evidence(reuse: pl.DataFrame, values: pl.DataFrame) -> pl.DataFrame:
    """``indicator_reuse``: the local and the national passage of each compared figure, quoted
    with the sentence or table row the figure was read from."""
    if reuse.is_empty():
        return _empty()
    text = values.group_by("passage_id", "indicator").agg(
        quote=pl.col("matched_text").first(), score=pl.col("score").max()
    )
    common = {
        "metric_table": pl.lit("indicator_reuse"),
        "country_iso3": pl.col("country_iso3"),
        "vlr_doc_id": pl.col("vlr_doc_id"),
        "vnr_doc_id": pl.col("vnr_doc_id"),
        "sdg": pl.col("sdg"),
        "metric": pl.lit("indicator_reuse"),
        "passage_id": pl.col("passage_id"),
        "quote": pl.col("quote"),
        "code": pl.col("indicator"),
        "score": pl.col("score"),
    }
    local = reuse.with_columns(passage_id=pl.col("local_passage_id")).join(
        text, on=["passage_id", "indicator"], how="left"
    )
    national = reuse.with_columns(passage_id=pl.col("national_passage_id")).join(
        text, on=["passage_id", "indicator"], how="left"
    )
    return pl.concat(
        [
            _rows(local, doc_id=pl.col("vlr_doc_id"), **common),
            _rows(national, doc_id=pl.col("vnr_doc_id"), **common),
        ]
    )


def metric_evidence(parts: list[pl.DataFrame], passages: pl.DataFrame, documents: pl.DataFrame):
    """All evidence rows, finished (page, quote, citation) and de-duplicated."""
    frames = [p for p in parts if p.height]
    if not frames:
        return _empty()
    return finish(pl.concat(frames), passages, documents)
