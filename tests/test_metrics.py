import polars as pl

from models.metrics import document_salience, pair_metrics, pair_profile, review_pairs


def _inputs():
    documents = pl.DataFrame(
        {
            "doc_id": ["vlr", "vnr", "bad"],
            "review_type": ["VLR", "VNR", "VLR"],
            "country_iso3": ["KEN"] * 3,
            "year": [2022, 2024, 2023],
            "status": ["ok", "ok", "failed"],
        }
    )
    tag_counts = pl.DataFrame(
        {
            "doc_id": ["vlr", "vlr", "vlr", "vnr", "vnr"],
            "sdg": [6, 11, 3, 6, 7],
            "n_passages": [8, 4, 1, 10, 5],
        }
    )
    totals = pl.DataFrame({"doc_id": ["vlr", "vnr"], "n_tagged": [12, 15]})
    links = pl.DataFrame(
        {
            "vlr_passage_id": ["a", "b", "b"],
            "vnr_passage_id": ["x", "y", "z"],
            "vlr_doc_id": ["vlr"] * 3,
            "vnr_doc_id": ["vnr"] * 3,
            "sdg": [6, 6, 6],
            "similarity": [0.8, 0.6, 0.55],
            "rank": [1, 1, 2],
        }
    )
    return documents, tag_counts, totals, links


def test_salience_and_tiers():
    _, tag_counts, totals, _ = _inputs()
    salience = document_salience(tag_counts, totals)
    assert salience.height == 2 * 17
    row = salience.filter((pl.col("doc_id") == "vlr") & (pl.col("sdg") == 6)).row(0, named=True)
    assert row["salience"] == 8 / 12 and row["tier"] == "high"
    tiers = dict(salience.filter(pl.col("doc_id") == "vlr").select("sdg", "tier").iter_rows())
    assert tiers[11] == "medium" and tiers[3] == "low" and tiers[1] == "none"


def test_profile_statuses_and_metrics():
    documents, tag_counts, totals, links = _inputs()
    pairs = review_pairs(documents)
    assert pairs.select("vlr_doc_id", "vnr_doc_id").rows() == [("vlr", "vnr")]
    profile = pair_profile(pairs, document_salience(tag_counts, totals), links)
    status = dict(profile.select("sdg", "status").iter_rows())
    assert status[6] == "aligned"
    assert status[11] == "local_only"
    assert status[7] == "national_only"
    assert status[3] == "absent"  # one passage is not coverage
    assert profile.filter(pl.col("sdg") == 6)["n_links"].item() == 2
    metrics = dict(pair_metrics(profile, links, totals).select("metric", "value").iter_rows())
    assert metrics["coverage_jaccard"] == 1 / 3
    assert metrics["integration_rate"] == 2 / 12
    assert abs(metrics["mean_alignment"] - 0.7) < 1e-9
    assert metrics["n_links"] == 2


def test_identical_profiles_have_cosine_at_most_one():
    # Two passages each on SDG 6 and 11 out of 9 tagged: the salience vectors are equal, and
    # dot / (norm * norm) comes out as 1.0000000000000002 unless clipped; the range check
    # on alignment_metrics would then fail the run.
    documents, _, _, _ = _inputs()
    tag_counts = pl.DataFrame(
        {"doc_id": ["vlr", "vlr", "vnr", "vnr"], "sdg": [6, 11, 6, 11], "n_passages": [2] * 4}
    )
    totals = pl.DataFrame({"doc_id": ["vlr", "vnr"], "n_tagged": [18, 18]})
    links = _inputs()[3].head(0)
    profile = pair_profile(review_pairs(documents), document_salience(tag_counts, totals), links)
    metrics = dict(pair_metrics(profile, links, totals).select("metric", "value").iter_rows())
    assert 0.999999 < metrics["salience_cosine"] <= 1.0
