"""Unit tests of the analytics modules (signals, gaps, cycles, momentum, evidence)."""

from __future__ import annotations

import json

import polars as pl
import pytest

from models import cycles, evidence, gaps, momentum
from models.metrics import document_salience, pair_profile, review_pairs
from models.signals import (
    MENTION_SCORE_MIN,
    CatalogVlr,
    clip_quote,
    indicator_frame,
    involvement_frame,
    mention_frame,
    passage_mentions,
    resolve_vlr,
    reuse_frame,
    sentence_spans,
)

VLRS = [
    CatalogVlr("x-vlr-lakemere-2019", "Lakemere", 2019),
    CatalogVlr("x-vlr-lakemere-2025", "Lakemere", 2025),
    CatalogVlr("x-vlr-kavuli-2022", "Kavuli County", 2022),
    CatalogVlr("x-vlr-tembo-2023", "Port Tembo", 2023),
]


# --------------------------------------------------------------------------------------------
# signals


def test_sentence_spans_and_quotes():
    text = "First sentence here. Second one, about Dr. who? third stays. Fourth!"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "First sentence here.",
        "Second one, about Dr. who? third stays.",
        "Fourth!",
    ]
    long = "word " * 100
    quote = clip_quote(long, 50)
    assert len(quote) <= 50 and quote.endswith("…") and "  " not in quote
    assert clip_quote("  short   text ") == "short text"


def test_resolve_vlr_prefers_the_latest_vlr_the_vnr_could_read():
    assert resolve_vlr("Lakemere", VLRS, 2024) == "x-vlr-lakemere-2019"
    assert resolve_vlr("Lakemere", VLRS, 2026) == "x-vlr-lakemere-2025"
    assert resolve_vlr("Lakemere", VLRS, 2010) == "x-vlr-lakemere-2019"  # none before: earliest
    assert resolve_vlr("Atlantis", VLRS, 2024) is None
    assert resolve_vlr(None, VLRS, 2024) is None


def test_one_vlr_reference_row_per_locality_named_with_the_evidence():
    text = (
        "Lakemere was the first city to publish a Voluntary Local Review, in 2019, followed by "
        "Kavuli County in 2022 and Port Tembo in 2023. Prices in local markets rose."
    )
    rows = passage_mentions(text, "en", VLRS, 2024)
    refs = [r for r in rows if r["kind"] == "vlr_reference"]
    assert [r["locality"] for r in refs] == ["Lakemere", "Kavuli County", "Port Tembo"]
    assert [r["resolved_vlr_doc_id"] for r in refs] == [
        "x-vlr-lakemere-2019",
        "x-vlr-kavuli-2022",
        "x-vlr-tembo-2023",
    ]
    for r in refs:
        assert r["quote"].startswith("Lakemere was the first city")
        assert "Voluntary Local Review" in json.loads(r["matched_terms"])
        assert 0 < r["score"] <= 1


def test_passages_without_localization_evidence_give_no_rows():
    assert (
        passage_mentions("Local market prices rose by 4 percent in 2022.", "en", VLRS, 2024) == []
    )
    assert passage_mentions("", "en", VLRS, 2024) == []


def test_mention_frame_and_involvement_levels():
    passages = pl.DataFrame(
        {
            "doc_id": ["vnr"] * 3,
            "passage_id": ["vnr:00000", "vnr:00001", "vnr:00002"],
            "page": [4, 5, 9],
            "text": [
                "County governments were consulted through regional validation workshops on the "
                "draft of this review.",
                "The national statistics office produces disaggregated data.",
                "Inflation fell in 2022.",
            ],
        }
    )
    frame = mention_frame(passages, language="en", country_iso3="XXX", vlrs=VLRS, vnr_year=2024)
    assert set(frame["passage_id"]) <= {"vnr:00000", "vnr:00001"}
    assert "lrg_consultation" in set(frame["kind"])
    assert frame["country_iso3"].unique().to_list() == ["XXX"]
    vnrs = pl.DataFrame(
        {"doc_id": ["vnr", "other"], "country_iso3": ["XXX", "XXX"], "year": [2024, 2024]},
        schema_overrides={"year": pl.Int32},
    ).with_columns(n_passages=pl.Series([3, 10], dtype=pl.Int32))
    inv = involvement_frame(frame, vnrs)
    by_doc = {r["doc_id"]: r for r in inv.iter_rows(named=True)}
    assert by_doc["other"]["level"] == "none" and by_doc["other"]["level_score"] == 0
    assert by_doc["vnr"]["level"] in ("consulted", "high")
    assert by_doc["vnr"]["n_lrg_consultation"] == 1


def test_low_score_mentions_do_not_lift_the_level():
    mentions = pl.DataFrame(
        {
            "doc_id": ["v", "v"],
            "passage_id": ["v:1", "v:2"],
            "kind": ["local_data", "lrg_consultation"],
            "score": [MENTION_SCORE_MIN - 0.05, MENTION_SCORE_MIN],
            "resolved_vlr_doc_id": [None, None],
        }
    )
    vnrs = pl.DataFrame(
        {"doc_id": ["v"], "country_iso3": ["X"], "year": [2020], "n_passages": [10]}
    )
    row = involvement_frame(mentions, vnrs).row(0, named=True)
    assert row["n_local_data"] == 0 and row["n_lrg_consultation"] == 1
    assert row["level"] == "consulted"
    assert row["n_mention_passages"] == 1


def _values(doc_id: str, rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    passages = pl.DataFrame(
        {
            "doc_id": [doc_id] * len(rows),
            "passage_id": [f"{doc_id}:{i:05d}" for i in range(len(rows))],
            "page": [r[2] for r in rows],
            "text": [r[0] for r in rows],
            "kind": [r[1] for r in rows],
        }
    )
    return indicator_frame(passages, "en")


def test_indicator_frame_reads_tables_and_text():
    frame = _values(
        "vlr",
        [
            ("6.1.1 | Safely managed drinking water | 71.2% | 2018", "table_row", 9),
            ("In 2018 indicator 11.2.1 reached 62.3% of residents.", "paragraph", 7),
            ("The lake is beautiful.", "paragraph", 3),
        ],
    )
    got = {
        (r["indicator"], r["value"], r["page"], r["source"]) for r in frame.iter_rows(named=True)
    }
    assert ("6.1.1", 71.2, 9, "table") in got
    assert ("11.2.1", 62.3, 7, "text") in got
    row = frame.filter(pl.col("indicator") == "6.1.1").row(0, named=True)
    assert (row["sdg"], row["target"], row["year"], row["unit"]) == (6, "6.1", 2018, "%")


def test_reuse_frame_pairs_shared_indicators_with_their_passages():
    local = _values(
        "vlr",
        [
            ("6.1.1 | Safely managed drinking water | 71.2% | 2018", "table_row", 9),
            ("Indicator 6.1.1 stood at 71.2% in 2018.", "paragraph", 6),
            ("5.5.1 | Seats held by women | 33.3% | 2019", "table_row", 9),
        ],
    )
    national = _values(
        "vnr",
        [("6.1.1 | Safely managed drinking water | 59.0% | 2019", "table_row", 15)],
    )
    pairs = pl.DataFrame(
        {
            "country_iso3": ["X"],
            "vlr_doc_id": ["vlr"],
            "vnr_doc_id": ["vnr"],
            "vlr_year": [2019],
            "vnr_year": [2020],
        }
    )
    reuse = reuse_frame(pl.concat([local, national]), pairs)
    assert reuse["indicator"].to_list() == ["6.1.1"]
    row = reuse.row(0, named=True)
    assert (row["local_value"], row["national_value"]) == (71.2, 59.0)
    assert row["difference"] == pytest.approx(12.2)
    assert row["national_passage_id"] == "vnr:00000" and row["national_page"] == 15
    assert {p["passage_id"] for p in json.loads(row["local_passages"])} == {
        "vlr:00000",
        "vlr:00001",
    }
    assert row["local_passage_id"] in {"vlr:00000", "vlr:00001"}
    # a pair without shared indicators gives nothing
    assert reuse_frame(local, pairs).is_empty()


# --------------------------------------------------------------------------------------------
# gaps


def _corpus():
    documents = pl.DataFrame(
        {
            "doc_id": ["vlr", "vnr"],
            "review_type": ["VLR", "VNR"],
            "country_iso3": ["X", "X"],
            "locality": ["Town", None],
            "year": [2019, 2020],
            "status": ["ok", "ok"],
            "n_pages": [10, 20],
        }
    )
    # vlr covers 6 (3 passages) and 11 (2); vnr covers 6 (2) and 3 (4); 13 has one stray tag.
    tags = pl.DataFrame(
        {
            "doc_id": ["vlr"] * 6 + ["vnr"] * 7,
            "passage_id": [f"vlr:{i}" for i in range(6)] + [f"vnr:{i}" for i in range(7)],
            "sdg": [6, 6, 6, 11, 11, 13, 6, 6, 3, 3, 3, 3, 13],
            "target": [
                "6.2",
                "6.2",
                None,
                "11.2",
                None,
                None,
                "6.1",
                None,
                "3.1",
                None,
                None,
                None,
                None,
            ],
            "score": [0.9, 0.8, 0.7, 0.9, 0.6, 0.5, 0.9, 0.8, 0.9, 0.8, 0.7, 0.6, 0.5],
        }
    )
    return documents, tags


def _profile(documents: pl.DataFrame, tags: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    counts = tags.group_by("doc_id", "sdg").agg(n_passages=pl.col("passage_id").n_unique())
    totals = tags.group_by("doc_id").agg(n_tagged=pl.col("passage_id").n_unique())
    salience = document_salience(counts, totals)
    links = pl.DataFrame(
        schema={
            "vlr_doc_id": pl.String,
            "vnr_doc_id": pl.String,
            "sdg": pl.Int32,
            "similarity": pl.Float64,
            "rank": pl.Int32,
        }
    )
    return pair_profile(review_pairs(documents), salience, links), salience


def test_sdg_gaps_statuses_targets_and_missing_indicators():
    documents, tags = _corpus()
    profile, salience = _profile(documents, tags)
    values = pl.DataFrame(
        {
            "doc_id": ["vnr"],
            "passage_id": ["vnr:0"],
            "indicator": ["6.1.1"],
            "sdg": [6],
            "target": ["6.1"],
            "score": [1.0],
        }
    )
    frame = gaps.sdg_gaps(
        profile,
        salience,
        documents,
        gaps.target_reports(tags, values),
        gaps.sdg_indicator_counts(values),
    )
    rows = {(r["level"], r["code"], r["gap_type"]): r for r in frame.iter_rows(named=True)}
    assert ("sdg", "11", "local_only") in rows
    assert ("sdg", "3", "national_only") in rows
    assert ("sdg", "6", "local_only") not in rows  # aligned
    assert ("sdg", "13", "uncovered") in rows  # one stray tag on each side
    assert rows[("sdg", "13", "uncovered")]["vlr_doc_id"] is None
    assert rows[("sdg", "13", "uncovered")]["vlr_passages"] == 1
    uncovered = {c for (lvl, c, g) in rows if g == "uncovered"}
    assert uncovered == {str(s) for s in range(1, 18)} - {"3", "6", "11"}
    assert ("target", "6.2", "local_only") in rows
    assert ("target", "6.1", "national_only") in rows
    assert ("target", "3.1", "national_only") in rows
    # targets of SDGs the VLR covers, without a local figure; 6.1 has none in the VLR either
    assert ("target", "6.2", "no_indicator") in rows
    assert ("target", "11.2", "no_indicator") in rows
    assert rows[("target", "6.2", "no_indicator")]["vlr_passages"] == 2
    assert rows[("sdg", "3", "national_only")]["vnr_passages"] == 4
    assert set(frame.columns) == set(gaps.GAP_SCHEMA)


def test_no_gap_when_the_vlr_reports_a_figure():
    documents, tags = _corpus()
    profile, salience = _profile(documents, tags)
    values = pl.DataFrame(
        {
            "doc_id": ["vlr"],
            "passage_id": ["vlr:0"],
            "indicator": ["6.2.1"],
            "sdg": [6],
            "target": ["6.2"],
            "score": [1.0],
        }
    )
    frame = gaps.sdg_gaps(
        profile,
        salience,
        documents,
        gaps.target_reports(tags, values),
        gaps.sdg_indicator_counts(values),
    )
    no_ind = frame.filter(pl.col("gap_type") == "no_indicator")["code"].to_list()
    assert "6.2" not in no_ind and "11.2" in no_ind
    assert frame.filter((pl.col("level") == "sdg") & (pl.col("code") == "6")).is_empty()


# --------------------------------------------------------------------------------------------
# cycles and momentum


def _cycle_inputs():
    documents = pl.DataFrame(
        {
            "doc_id": ["v19", "v22", "n20", "n24", "w21", "m21"],
            "review_type": ["VLR", "VLR", "VNR", "VNR", "VLR", "VNR"],
            "country_iso3": ["A", "A", "A", "A", "B", "B"],
            "year": [2019, 2022, 2020, 2024, 2021, 2021],
            "status": ["ok"] * 6,
        }
    )
    metrics = pl.DataFrame(
        [
            ("A", "v19", "n20", "integration_rate", 0.2),
            ("A", "v19", "n24", "integration_rate", 0.4),
            ("A", "v22", "n24", "integration_rate", 0.6),
            ("A", "v22", "n20", "integration_rate", 0.9),  # a later VLR: not in the 2020 cycle
            ("B", "w21", "m21", "integration_rate", 0.1),
        ],
        schema=["country_iso3", "vlr_doc_id", "vnr_doc_id", "metric", "value"],
        orient="row",
    )
    profile = pl.DataFrame(
        [("v19", "n20", 6, "aligned"), ("v19", "n24", 6, "aligned"), ("v22", "n24", 7, "aligned")],
        schema=["vlr_doc_id", "vnr_doc_id", "sdg", "status"],
        orient="row",
    )
    involvement = pl.DataFrame(
        [
            ("n20", "consulted", 2 / 3, 5, 0, 70),
            ("n24", "high", 1.0, 15, 2, 70),
            ("m21", "none", 0.0, 0, 0, 60),
        ],
        schema=[
            "doc_id",
            "level",
            "level_score",
            "n_mention_passages",
            "n_vlrs_referenced",
            "n_passages",
        ],
        orient="row",
    )
    reuse = pl.DataFrame(
        [("v19", "n20", "6.1.1"), ("v19", "n24", "6.1.1"), ("v22", "n24", "7.1.1")],
        schema=["vlr_doc_id", "vnr_doc_id", "indicator"],
        orient="row",
    )
    return documents, metrics, profile, involvement, reuse


def test_cycle_metrics_use_only_prior_vlrs_and_trend_deltas():
    documents, metrics, profile, involvement, reuse = _cycle_inputs()
    frame = cycles.cycle_metrics(documents, metrics, profile, involvement, reuse)

    def value(vnr: str, metric: str, row_type: str = "cycle"):
        return frame.filter(
            (pl.col("vnr_doc_id") == vnr)
            & (pl.col("metric") == metric)
            & (pl.col("row_type") == row_type)
        )["value"][0]

    assert value("n20", "n_prior_vlrs") == 1
    assert value("m21", "n_prior_vlrs") == 1  # a VLR of the VNR's own year counts
    assert value("m21", "mean_integration_rate") == pytest.approx(0.1)
    assert value("n20", "mean_integration_rate") == pytest.approx(0.2)
    assert value("n24", "n_prior_vlrs") == 2
    assert value("n24", "mean_integration_rate") == pytest.approx(0.5)
    assert value("n24", "n_aligned_sdgs") == 2
    assert value("n24", "n_reused_indicators") == 2
    assert value("n24", "mean_integration_rate", "trend") == pytest.approx(0.3)
    assert value("n24", "involvement_score", "trend") == pytest.approx(1 / 3)
    trend = frame.filter(pl.col("row_type") == "trend")
    assert trend["vnr_doc_id"].unique().to_list() == ["n24"]
    assert trend["previous_vnr_doc_id"].unique().to_list() == ["n20"]
    assert frame.filter(pl.col("row_type") == "cycle").height == 3 * len(cycles.CYCLE_METRICS)
    assert json.loads(frame.filter(pl.col("vnr_doc_id") == "n24")["prior_vlr_doc_ids"][0]) == [
        "v19",
        "v22",
    ]


def test_component_scores():
    assert momentum.vlr_count_score(0) == 0
    assert momentum.vlr_count_score(10) == pytest.approx(1.0)
    assert momentum.vlr_count_score(50) == 1.0
    assert 0 < momentum.vlr_count_score(1) < momentum.vlr_count_score(3) < 1
    assert momentum.recency_score(2024, 2024) == 1.0
    assert momentum.recency_score(2019, 2024) == pytest.approx(0.5)
    assert momentum.recency_score(2000, 2024) == 0.0
    assert momentum.recency_score(None, 2024) == 0.0
    assert momentum.mentions_score(0.1) == pytest.approx(0.5)
    assert momentum.mentions_score(0.5) == 1.0
    assert sum(momentum.WEIGHTS.values()) == pytest.approx(1.0)
    assert momentum.momentum_index(dict.fromkeys(momentum.WEIGHTS, 1.0)) == 100.0
    assert momentum.momentum_index({}) == 0.0


def test_country_momentum_ranks_and_is_stable_when_countries_are_added():
    documents, metrics, profile, involvement, reuse = _cycle_inputs()
    cyc = cycles.cycle_metrics(documents, metrics, profile, involvement, reuse)
    values = pl.DataFrame(
        [("v19", "6.1.1"), ("v22", "7.1.1"), ("v22", "2.2.1"), ("w21", "6.1.1")],
        schema=["doc_id", "indicator"],
        orient="row",
    )
    frame = momentum.country_momentum(documents, cyc, involvement, values, reuse)
    assert frame["country_iso3"].to_list() == ["A", "B"]
    assert frame["rank"].to_list() == [1, 2]
    a = frame.row(0, named=True)
    assert a["n_vlrs"] == 2 and a["latest_vnr_doc_id"] == "n24"
    assert a["integration_rate"] == pytest.approx(0.5)
    assert a["indicator_reuse_rate"] == pytest.approx(2 / 3)
    assert a["involvement_level"] == "high"
    assert a["mention_share"] == pytest.approx((5 / 70 + 15 / 70) / 2)
    expected = momentum.momentum_index({k: a[k] for k in momentum.WEIGHTS})
    assert a["momentum_index"] == expected
    # country A alone gets the same index (fixed scales, same reference year)
    only_a = momentum.country_momentum(
        documents.filter(pl.col("country_iso3") == "A"), cyc, involvement, values, reuse
    )
    assert only_a["momentum_index"].to_list() == [a["momentum_index"]]


# --------------------------------------------------------------------------------------------
# evidence


def test_link_and_coverage_evidence_resolve_pages_and_citations():
    documents, tags = _corpus()
    profile, _ = _profile(documents, tags)
    passages = tags.select(
        "passage_id",
        "doc_id",
        page=pl.col("passage_id").str.split(":").list.get(1).cast(pl.Int32) + 1,
        text=pl.lit("A passage about water. " * 30),
    ).unique("passage_id")
    links = pl.DataFrame(
        {
            "vlr_passage_id": ["vlr:0", "vlr:0"],
            "vnr_passage_id": ["vnr:0", "vnr:1"],
            "country_iso3": ["X", "X"],
            "sdg": [6, 6],
            "target": [None, None],
            "similarity": [0.8, 0.7],
            "rank": [1, 2],
            "vlr_doc_id": ["vlr", "vlr"],
            "vnr_doc_id": ["vnr", "vnr"],
        }
    )
    top = evidence.top_sdg_passages(tags)
    frame = evidence.metric_evidence(
        [evidence.link_evidence(links), evidence.coverage_evidence(profile, top)],
        passages,
        documents,
    )
    n_links = frame.filter(pl.col("metric") == "n_links")
    assert sorted(n_links["passage_id"].to_list()) == ["vlr:0", "vnr:0"]  # rank 1 only
    assert n_links["similarity"].to_list() == [0.8, 0.8]
    integ = frame.filter(pl.col("metric_table") == "alignment_metrics")
    assert integ["passage_id"].to_list() == ["vlr:0"]
    status = frame.filter((pl.col("metric") == "status") & (pl.col("sdg") == 6))
    assert set(status["doc_id"]) == {"vlr", "vnr"}
    assert status.filter(pl.col("doc_id") == "vlr").height == evidence.MAX_PASSAGES_PER_ROW
    assert frame["quote"].str.len_chars().max() <= 300
    row = frame.filter(pl.col("passage_id") == "vnr:0").row(0, named=True)
    assert row["citation"] == "VNR X 2020, p. 1"
    vlr_row = frame.filter(pl.col("passage_id") == "vlr:2").row(0, named=True)
    assert vlr_row["citation"] == "VLR Town 2019, p. 3"


def test_evidence_drops_passages_that_do_not_exist():
    documents, _ = _corpus()
    mentions = pl.DataFrame(
        {
            "doc_id": ["vnr", "vnr"],
            "passage_id": ["vnr:0", "vnr:gone"],
            "kind": ["lrg_consultation", "local_data"],
            "locality": [None, None],
            "resolved_vlr_doc_id": [None, None],
            "score": [0.9, 0.55],
            "quote": ["Counties were consulted.", "Disaggregated data."],
            "country_iso3": ["X", "X"],
        }
    )
    passages = pl.DataFrame(
        {"passage_id": ["vnr:0"], "doc_id": ["vnr"], "page": [4], "text": ["Counties..."]}
    )
    frame = evidence.metric_evidence([evidence.mention_evidence(mentions)], passages, documents)
    assert frame["passage_id"].unique().to_list() == ["vnr:0"]
    assert sorted(frame["metric_table"].to_list()) == ["localization_mentions", "vnr_involvement"]
    assert frame["quote"].unique().to_list() == ["Counties were consulted."]
    assert evidence.metric_evidence([], passages, documents).is_empty()
