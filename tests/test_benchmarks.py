"""The benchmark command runs at its small size and computes every ratio it promises.

No thresholds on timings here (speed goals live in the benchmark output): the test checks that
each ratio is computed from two measurements of the same run, that a rerun embeds nothing, and
that the results land as JSON and as a table.
"""

from __future__ import annotations

import json
import math

import pytest

from benchmarks.suite import format_table, run_benchmarks


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    results = tmp_path_factory.mktemp("bench-results")
    return run_benchmarks("small", results_dir=results), results


def _finite_positive(value) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_every_ratio_is_computed(small):
    result, _ = small
    ratios = result["ratios"]
    for name in (
        "pdf_speedup_vs_pdfplumber",
        "incremental_over_cold",
        "embedding_passages_per_s",
        "link_over_dense_product",
        "tagging_passages_per_s",
        "tagging_time_over_keyword_baseline",
    ):
        assert _finite_positive(ratios[name]), (name, ratios[name])
    assert 0 <= ratios["pdf_recovery_ours"] <= 1
    assert 0 <= ratios["pdf_recovery_pdfplumber"] <= 1


def test_ratios_come_from_their_two_measurements(small):
    result, _ = small
    pdf = result["pdf"]
    assert pdf["speedup"] == pytest.approx(
        pdf["ours_pages_per_s"] / pdf["pdfplumber_pages_per_s"], rel=0.02
    )
    e2e = result["e2e"]
    assert e2e["incremental_over_cold"] == pytest.approx(
        e2e["incremental_one_document"]["wall_s"] / e2e["cold"]["wall_s"], rel=0.02
    )
    tagging = result["tagging"]
    assert tagging["passages"] == result["plan"]["tag_passages"]
    assert 0 < tagging["tagged_share"] <= 1
    assert tagging["ours_over_baseline_time"] == pytest.approx(
        tagging["keyword_baseline_passages_per_s"] / tagging["ours_passages_per_s"], rel=0.05
    )
    for size in result["linking"]["sizes"]:
        assert size["ratio"] == pytest.approx(
            size["link_pair_ms"] / size["dense_product_ms"], rel=0.05
        )


def test_cached_rerun_embeds_nothing_and_increment_embeds_only_the_new_document(small):
    e2e = small[0]["e2e"]
    assert e2e["cold"]["embedded"] > 0
    assert e2e["rerun_nothing_new"]["embedded"] == 0
    assert 0 < e2e["incremental_one_document"]["embedded"] < e2e["cold"]["embedded"] * 2
    assert e2e["document_statuses"] == {"ok": e2e["documents_after"]}


def test_results_written_as_json_and_table(small, capsys):
    result, folder = small
    saved = json.loads((folder / "latest-small.json").read_text())
    assert saved["ratios"] == result["ratios"]
    assert saved["machine"]["cores"] >= 1
    table = format_table(result)
    for label in (
        "PDF extraction",
        "planted sentences",
        "SDG tagging",
        "embedding",
        "link_pair",
        "+1 document",
    ):
        assert label in table
    with capsys.disabled():  # the CI log shows the reduced-size figures
        print("\n" + table)
