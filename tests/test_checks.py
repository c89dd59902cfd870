"""Data-quality checks: they pass on a processed warehouse, fail on each kind of corruption,
look only at the run's documents, and a failing blocking check stops downstream assets."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import pytest

from assets.checks import SPECS, evaluate
from pipelines.resources import EmbeddingModelResource, WarehouseResource
from tests.automation_support import World, base_world_root, query, write_catalog

SPEC = {s.name: s for s in SPECS}
MODEL = EmbeddingModelResource()


@pytest.fixture()
def warehouse(tmp_path):
    """A copy of the processed three-document warehouse, free to corrupt."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(base_world_root() / "warehouse.duckdb", path)
    return path


def run_check(path, name: str, documents=None) -> dg.AssetCheckResult:
    return evaluate(SPEC[name], WarehouseResource(path=str(path)), MODEL, documents)


def corrupt(path, *statements: str) -> None:
    con = duckdb.connect(str(path))
    try:
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()


def test_every_warehouse_asset_has_a_check():
    from pipelines.definitions import ALL_ASSETS, ALL_CHECKS

    checked = {key.asset_key for c in ALL_CHECKS for key in c.check_keys}
    # metric_exports writes files, not tables; every other asset writes warehouse tables.
    assets = {k for a in ALL_ASSETS for k in a.keys} - {dg.AssetKey("metric_exports")}
    assert assets - checked == set()
    core = {"catalog", "documents", "pages", "passages", "passage_sdgs", "passage_embeddings"}
    core |= {"passage_links", "sdg_pair_profile", "alignment_metrics"}
    assert {s.asset for s in SPECS} == core
    specs = [s for c in ALL_CHECKS for s in c.check_specs if s.asset_key.path[0] in core]
    assert specs and all(s.blocking for s in specs)


def test_checks_pass_on_a_processed_warehouse(warehouse):
    for spec in SPECS:
        result = run_check(warehouse, spec.name)
        assert result.passed, (spec.name, result.description)
        assert result.metadata["validator"].value == "great_expectations"


CORRUPTIONS = [
    (
        "catalog_rows_valid",
        "INSERT INTO catalog SELECT * FROM catalog LIMIT 1",
        "ExpectColumnValuesToBeUnique(doc_id)",
    ),
    (
        "documents_keys_and_status",
        "UPDATE documents SET status = 'weird' WHERE doc_id = 'ken-vnr-2020'",
        "ExpectColumnValuesToBeInSet(status)",
    ),
    (
        "documents_keys_and_status",
        "UPDATE documents SET status = 'failed', error = NULL WHERE doc_id = 'ken-vnr-2020'",
        "ExpectColumnValuesToNotBeNull(error)",
    ),
    (
        "pages_within_documents",
        "UPDATE pages SET page = 999 WHERE page = 3",
        "ExpectColumnPairValuesAToBeGreaterThanB(n_pages, page)",
    ),
    (
        "passages_keys_and_pages",
        "UPDATE passages SET page = 999 WHERE ordinal = 2",
        "ExpectColumnPairValuesAToBeGreaterThanB(n_pages, page)",
    ),
    (
        "passages_keys_and_pages",
        "INSERT INTO passages SELECT 'ghost:00000', 'ghost', page, ordinal, section, text, kind, "
        "text_hash, n_words FROM passages LIMIT 1",
        "ExpectColumnValuesToNotBeNull(document)",
    ),
    (
        "ok_documents_have_passages",
        "DELETE FROM passages WHERE doc_id = 'ken-vnr-2020'",
        "ExpectColumnValuesToBeBetween(n_passages)",
    ),
    (
        "sdg_tags_valid",
        "UPDATE passage_sdgs SET sdg = 18 WHERE rowid = 1",
        "ExpectColumnValuesToBeBetween(sdg)",
    ),
    (
        "sdg_tags_valid",
        "UPDATE passage_sdgs SET target = '3.1' WHERE target IS NOT NULL AND sdg <> 3",
        "ExpectColumnPairValuesToBeEqual(sdg, target_goal)",
    ),
    (
        "sdg_tags_valid",
        "INSERT INTO passage_sdgs SELECT * FROM passage_sdgs LIMIT 1",
        "ExpectCompoundColumnsToBeUnique(['passage_id', 'sdg', 'target_key'])",
    ),
    (
        "sdg_tags_valid",
        "DELETE FROM passages WHERE passage_id IN (SELECT passage_id FROM passage_sdgs LIMIT 1)",
        "ExpectColumnValuesToNotBeNull(passage)",
    ),
    (
        "tagged_passages_embedded",
        "DELETE FROM embedding_cache WHERE text_hash IN (SELECT text_hash FROM passages "
        "WHERE passage_id IN (SELECT passage_id FROM passage_sdgs) LIMIT 3)",
        "ExpectColumnValuesToNotBeNull(cached)",
    ),
    (
        "tagged_passages_embedded",
        "UPDATE embedding_cache SET embedding = "
        "list_transform(embedding::FLOAT[], lambda x: x * 2)::FLOAT[384]",
        "ExpectColumnValuesToBeBetween(norm)",
    ),
    (
        "links_valid",
        "UPDATE passage_links SET similarity = 1.5 WHERE rank = 1",
        "ExpectColumnValuesToBeBetween(similarity)",
    ),
    (
        "links_valid",
        "UPDATE passage_links SET vlr_passage_id = 'ghost:00001' WHERE rowid = 0",
        "ExpectColumnValuesToBeInSet(vlr_end_ok)",
    ),
    (
        "links_valid",
        "UPDATE passage_links SET vnr_passage_id = vlr_passage_id WHERE rowid = 0",
        "ExpectColumnValuesToBeInSet(vnr_end_ok)",
    ),
    (
        "links_valid",
        "UPDATE passage_links SET run_id = NULL",
        "ExpectColumnValuesToNotBeNull(run_id)",
    ),
    (
        "profile_complete",
        "DELETE FROM sdg_pair_profile WHERE sdg = 5",
        "ExpectColumnValuesToBeBetween(n_rows)",
    ),
    (
        "profile_complete",
        "UPDATE sdg_pair_profile SET vlr_salience = 1.5 WHERE sdg = 6",
        "ExpectColumnValuesToBeBetween(vlr_salience)",
    ),
    (
        "profile_complete",
        "UPDATE documents SET status = 'removed' WHERE doc_id = 'col-vnr-2021'",
        "ExpectColumnValuesToBeInSet(vnr_ok)",
    ),
    (
        "metrics_in_range",
        "UPDATE alignment_metrics SET value = 1.2 WHERE metric = 'integration_rate'",
        "ExpectColumnValuesToBeBetween(value)",
    ),
    (
        "metrics_in_range",
        "UPDATE alignment_metrics SET value = -1 WHERE metric = 'n_links'",
        "ExpectColumnValuesToBeBetween(value)",
    ),
    (
        "metrics_in_range",
        "INSERT INTO alignment_metrics SELECT * FROM alignment_metrics LIMIT 1",
        "ExpectCompoundColumnsToBeUnique(['vlr_doc_id', 'vnr_doc_id', 'metric'])",
    ),
]


@pytest.mark.parametrize(("check", "sql", "failing"), CORRUPTIONS)
def test_check_fails_on_corrupt_rows(warehouse, check, sql, failing):
    corrupt(warehouse, sql)
    result = run_check(warehouse, check)
    assert not result.passed
    failures = result.metadata["failures"].value
    assert failing in {f["expectation"] for f in failures}, failures
    assert result.severity == dg.AssetCheckSeverity.ERROR
    assert failing.split("(")[0] in result.description


def test_per_document_checks_look_at_the_runs_documents(warehouse):
    corrupt(warehouse, "UPDATE passages SET page = 999 WHERE doc_id = 'ken-vnr-2020'")
    assert run_check(warehouse, "passages_keys_and_pages", ["col-vnr-2021"]).passed
    failed = run_check(warehouse, "passages_keys_and_pages", ["ken-vnr-2020"])
    assert not failed.passed
    examples = failed.metadata["failures"].value[0]["examples"]
    assert examples and all("passage_id=ken-vnr-2020:" in e for e in examples)


def test_failing_blocking_check_stops_downstream_assets(tmp_path, monkeypatch):
    """A passages bug (pages beyond the document) fails the blocking check on passages:
    tagging, embedding, linking and metrics must not run on the bad passages."""
    import assets.passages
    from models.passages import Passage
    from pipelines.runner import run_pipeline

    real = assets.passages.split_passages

    def buggy(pages, language):
        return [
            Passage(p.page + 1000, p.ordinal, p.section, p.text, p.kind)
            for p in real(pages, language)
        ]

    monkeypatch.setattr(assets.passages, "split_passages", buggy)
    write_catalog(tmp_path / "catalog", ["col-vlr-villacedro-2019"])
    world = World(tmp_path)
    try:
        summary = run_pipeline(
            catalog_path=world.catalog, warehouse_path=world.warehouse, instance=world.instance
        )
        assert not summary.success
        assert "passages:passages_keys_and_pages" in summary.checks_failed
        run = world.instance.get_run_by_id(summary.run_id)
        materialized = {
            r.event_log_entry.dagster_event.asset_key.to_user_string()
            for r in world.instance.get_records_for_run(
                run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
            ).records
        }
        assert {"documents", "pages", "passages"} <= materialized
        stopped = {"passage_sdgs", "passage_embeddings", "passage_links", "alignment_metrics"}
        assert materialized & stopped == set()
        for asset in stopped:
            assert world.instance.get_latest_materialization_event(dg.AssetKey(asset)) is None
        assert query(world.warehouse, "SELECT count(*) FROM passage_sdgs") == [(0,)]
        assert query(world.warehouse, "SELECT status FROM runs WHERE run_id = ?", [run.run_id]) == [
            ("failure",)
        ]
    finally:
        world.close()
