"""`vlrlink status`: a read-only report of documents, partitions, runs, failures and checks."""

from __future__ import annotations

import hashlib

import dagster as dg
import duckdb
import pytest

from pipelines.cli import main
from tests.automation_support import EXTRA_DOC, add_to_catalog, clone_base


def _status(world, capsys, monkeypatch, dagster_home) -> tuple[int, str]:
    monkeypatch.setenv("DAGSTER_HOME", str(dagster_home))
    code = main(["status", "--warehouse", str(world.warehouse), "--catalog", str(world.catalog)])
    return code, capsys.readouterr().out


@pytest.fixture()
def world(tmp_path):
    w = clone_base(tmp_path / "world")
    yield w
    w.close()


def test_missing_warehouse_exits_2(tmp_path, capsys):
    assert main(["status", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "warehouse not found" in capsys.readouterr().err


def test_status_reports_documents_partitions_runs_failures_and_checks(world, capsys, monkeypatch):
    # A new catalog row, a failed document and a failed run (unreadable catalog) to report.
    con = duckdb.connect(str(world.warehouse))
    con.execute(
        "UPDATE documents SET status = 'failed', error = 'unreadable PDF (test)' "
        "WHERE doc_id = 'ken-vnr-2020'"
    )
    con.close()
    good_catalog = world.catalog.read_text()
    world.catalog.write_text("doc_id,title\nx,y\n")
    failed = world.defs.resolve_job_def("catalog_job").execute_in_process(
        instance=world.instance, raise_on_error=False
    )
    assert not failed.success
    world.catalog.write_text(good_catalog)
    add_to_catalog(world.catalog, EXTRA_DOC)
    before = hashlib.sha256(world.warehouse.read_bytes()).hexdigest()

    code, out = _status(world, capsys, monkeypatch, world.dagster_home)

    assert code == 0
    assert hashlib.sha256(world.warehouse.read_bytes()).hexdigest() == before  # read-only
    assert "in the warehouse: 3 (2 ok, 1 failed)" in out
    assert f"new: 1 ({EXTRA_DOC})" in out
    assert "changed or to retry" not in out  # a failed document was processed: no retry
    assert "3 partitions in" in out
    assert "passages             3/3 materialized" in out
    assert "last runs (warehouse table runs)" in out and "success" in out
    assert "__ephemeral_asset_job__" in out  # the baseline `run_pipeline` runs
    assert "document ken-vnr-2020: failed: unreadable PDF (test)" in out
    assert f"run {failed.run_id} (catalog_job" in out and "lacks columns" in out
    assert "0 failing" in out
    assert "passed           passages:passages_keys_and_pages" in out


def test_status_without_a_dagster_instance(world, capsys, monkeypatch, tmp_path):
    code, out = _status(world, capsys, monkeypatch, tmp_path / "no_home")
    assert code == 0
    assert "in the warehouse: 3 (3 ok)" in out
    assert "all processed" in out
    assert "no Dagster instance with runs" in out
    assert "latest check results (Dagster instance)\n  not available" in out
    assert not (tmp_path / "no_home").exists()  # nothing created


def test_status_lists_failed_checks(world, capsys, monkeypatch):
    from assets.checks import CHECKS

    # Corrupt the links and run their check the way a run would: through Dagster.
    con = duckdb.connect(str(world.warehouse))
    con.execute("UPDATE passage_links SET similarity = 2.0")
    con.close()
    from assets.links import passage_links

    result = dg.materialize(
        [passage_links, CHECKS["links_valid"]],
        selection=dg.AssetSelection.checks(CHECKS["links_valid"]),
        resources=world.defs.resources,
        instance=world.instance,
        raise_on_error=False,
    )
    assert not result.success
    code, out = _status(world, capsys, monkeypatch, world.dagster_home)
    assert code == 0
    assert "1 failing" in out
    assert "FAILED (error)   passage_links:links_valid" in out
    assert "ExpectColumnValuesToBeBetween(similarity)" in out
