"""Two materializations at once on one warehouse (DuckDB allows a single writer) end with the
same warehouse as one run: no duplicate rows, no lost rows, every check passing.

Processes are what Dagster runs (one per run); threads share one DuckDB instance per process,
which models/warehouse.connect serializes with a per-file lock.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb

from assets.checks import SPECS, evaluate
from pipelines.resources import EmbeddingModelResource, WarehouseResource
from tests.automation_support import (
    BASE_DOCS,
    base_world_root,
    seed_embeddings,
    table_counts,
    write_catalog,
)

ROOT = Path(__file__).resolve().parents[1]
KEYS = {
    "documents": "doc_id",
    "pages": "doc_id, page",
    "passages": "passage_id",
    "passage_sdgs": "passage_id, sdg, target",
    "embedding_cache": "model, text_hash",
    "passage_links": "vlr_passage_id, vnr_passage_id",
    "sdg_pair_profile": "vlr_doc_id, vnr_doc_id, sdg",
    "alignment_metrics": "vlr_doc_id, vnr_doc_id, metric",
    "stage_state": "doc_id, stage",
    "link_fingerprints": "country_iso3",
}
RUN = """
import sys
from pathlib import Path
import dagster as dg
from pipelines.runner import run_pipeline
with dg.DagsterInstance.from_config(sys.argv[3]) as instance:
    summary = run_pipeline(catalog_path=Path(sys.argv[1]), warehouse_path=Path(sys.argv[2]),
                           instance=instance)
print("RESULT", summary.success, summary.run_id, summary.failure)
sys.exit(0 if summary.success else 1)
"""


def _setup(tmp_path) -> tuple[Path, Path]:
    """The baseline's catalog and an empty warehouse whose embedding cache is pre-filled (so
    the test does not wait for the embedding model; all other stages run)."""
    catalog = write_catalog(tmp_path / "catalog", BASE_DOCS)
    warehouse = tmp_path / "warehouse.duckdb"
    seed_embeddings(warehouse)
    return catalog, warehouse


def _assert_consistent(warehouse: Path, n_runs: int) -> None:
    expected = table_counts(base_world_root() / "warehouse.duckdb", list(KEYS))
    assert table_counts(warehouse, list(KEYS)) == expected
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for table, key in KEYS.items():
            dupes = con.execute(
                f"SELECT {key}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1"  # noqa: S608
            ).fetchall()
            assert dupes == [], (table, dupes[:3])
        runs = con.execute("SELECT status FROM runs").fetchall()
        assert runs == [("success",)] * n_runs
    finally:
        con.close()
    for spec in SPECS:
        result = evaluate(spec, WarehouseResource(path=str(warehouse)), EmbeddingModelResource())
        assert result.passed, (spec.name, result.description)


def test_two_processes_leave_the_warehouse_consistent(tmp_path):
    """Two `vlrlink run`s at once, sharing one persistent instance configured by the project's
    dagster.yaml, so the steps also queue on the "duckdb" pool."""
    import dagster as dg

    catalog, warehouse = _setup(tmp_path)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    # Create the instance's SQLite storage once first: two processes creating a brand-new
    # instance at the same moment race on its schema migrations (Dagster, not vlrlink).
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.event_log_storage.get_concurrency_keys()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", RUN, str(catalog), str(warehouse), str(home)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600)[0] for p in runs]
    for process, output in zip(runs, outputs, strict=True):
        assert process.returncode == 0, output[-3000:]
    _assert_consistent(warehouse, n_runs=2)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        # The steps claimed slots of the pool, whose limit dagster.yaml sets to 1.
        assert "duckdb" in instance.event_log_storage.get_concurrency_keys()
        assert instance.event_log_storage.get_concurrency_info("duckdb").slot_count == 1


def test_two_threads_leave_the_warehouse_consistent(tmp_path):
    import dagster as dg

    from pipelines.runner import run_pipeline

    catalog, warehouse = _setup(tmp_path)
    outcomes: list = []

    def run() -> None:
        try:
            # Disposed in this thread: its in-memory SQLite storage belongs to the thread.
            with dg.DagsterInstance.ephemeral() as instance:
                summary = run_pipeline(
                    catalog_path=catalog, warehouse_path=warehouse, instance=instance
                )
            outcomes.append((summary.success, summary.failure))
        except Exception as exc:  # reported below, with the other thread's outcome
            outcomes.append((False, repr(exc)))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert outcomes == [(True, None), (True, None)]
    _assert_consistent(warehouse, n_runs=2)
