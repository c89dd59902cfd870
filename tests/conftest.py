"""Shared fixtures: one real pipeline run over the sample corpus, reused by many tests."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import duckdb
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CATALOG = ROOT / "data" / "sample" / "catalog.csv"
TRUTH = ROOT / "data" / "sample" / "truth"


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """The full graph materialized on the sample corpus into a temporary DuckDB file."""
    from pipelines.runner import run_pipeline

    warehouse_path = tmp_path_factory.mktemp("warehouse") / "vlrlink.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    summary = run_pipeline(
        catalog_path=SAMPLE_CATALOG, warehouse_path=warehouse_path, instance=instance
    )
    assert summary.success, summary.failure
    return {"summary": summary, "warehouse": warehouse_path, "instance": instance}


@pytest.fixture()
def sample_db(sample_run):
    con = duckdb.connect(str(sample_run["warehouse"]), read_only=True)
    yield con
    con.close()
