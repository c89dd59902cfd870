"""Crash safety: `kill -9` in the middle of `vlrlink run`, then a rerun, equals a clean run.

A real `vlrlink run` subprocess on a three-review catalog is killed twice: once while documents
are being written, once while passages are being embedded. A rerun then completes. The
warehouse must be consistent (no duplicate keys, no document with half its pages or passages)
and hold exactly what a clean, uninterrupted run over the same catalog produces.
"""

from __future__ import annotations

import csv
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import dagster as dg
import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"

# Keys that must be unique in each table after any sequence of crashes and reruns.
KEYS = {
    "documents": ["doc_id"],
    "pages": ["doc_id", "page"],
    "passages": ["passage_id"],
    "passage_sdgs": ["passage_id", "sdg", "target"],
    "embedding_cache": ["model", "text_hash"],
    "passage_links": ["vlr_passage_id", "vnr_passage_id"],
    "sdg_pair_profile": ["vlr_doc_id", "vnr_doc_id", "sdg"],
    "alignment_metrics": ["vlr_doc_id", "vnr_doc_id", "metric"],
    "stage_state": ["doc_id", "stage"],
}
# What a table's content is, without run ids and timestamps that differ between runs.
CONTENT = {
    "documents": "SELECT doc_id, status, sha256, n_pages FROM documents",
    "pages": "SELECT doc_id, page, text FROM pages",
    "passages": "SELECT passage_id, text_hash FROM passages",
    "passage_sdgs": "SELECT passage_id, sdg, target FROM passage_sdgs",
    "embedding_cache": "SELECT text_hash FROM embedding_cache",
    "passage_links": "SELECT vlr_passage_id, vnr_passage_id, rank FROM passage_links",
    "sdg_pair_profile": "SELECT vlr_doc_id, vnr_doc_id, sdg, status FROM sdg_pair_profile",
    "alignment_metrics": "SELECT vlr_doc_id, vnr_doc_id, metric FROM alignment_metrics",
}


def _small_catalog(folder: Path) -> Path:
    """One country's VNR and two VLRs from the sample corpus, copied into `folder`."""
    with (SAMPLE / "catalog.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    vnr = next(r for r in rows if r["review_type"].upper() == "VNR")
    vlrs = [
        r
        for r in rows
        if r["review_type"].upper() == "VLR" and r["country_iso3"] == vnr["country_iso3"]
    ][:2]
    chosen = [vlrs[0], vnr, vlrs[1]]
    for row in chosen:
        (folder / row["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SAMPLE / row["file"], folder / row["file"])
    path = folder / "catalog.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(chosen)
    return path


def _run_and_kill(catalog: Path, warehouse: Path, marker: str, timeout_s: float = 300) -> str:
    """Start `vlrlink run`; SIGKILL it as soon as a progress line contains `marker`."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--catalog",
            str(catalog),
            "--warehouse",
            str(warehouse),
            "--ephemeral",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(timeout_s, proc.kill)
    watchdog.start()
    seen = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            if marker in line:
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait()
    finally:
        watchdog.cancel()
    assert proc.returncode == -signal.SIGKILL, f"not killed at {marker!r}:\n{''.join(seen)[-2000:]}"
    return "".join(seen)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return sorted(con.execute(sql).fetchall(), key=repr)


@pytest.fixture(scope="module")
def clean_and_crashed(tmp_path_factory):
    from pipelines.runner import run_pipeline

    root = tmp_path_factory.mktemp("crash")
    folder = root / "collection"
    catalog = _small_catalog(folder)
    clean = root / "clean.duckdb"
    summary = run_pipeline(
        catalog_path=catalog, warehouse_path=clean, instance=dg.DagsterInstance.ephemeral()
    )
    assert summary.success, summary.failure
    crashed = root / "crashed.duckdb"
    # Killed after the second document's row and pages are committed, mid-ingestion.
    _run_and_kill(catalog, crashed, "[2/3]")
    # Killed as soon as embedding starts: tags and passages done, cache half-filled at most.
    _run_and_kill(catalog, crashed, "new passages with")
    rerun = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--catalog",
            str(catalog),
            "--warehouse",
            str(crashed),
            "--ephemeral",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    clean_con = duckdb.connect(str(clean), read_only=True)
    crashed_con = duckdb.connect(str(crashed), read_only=True)
    yield clean_con, crashed_con
    clean_con.close()
    crashed_con.close()


@pytest.mark.parametrize("table", sorted(KEYS))
def test_no_duplicate_rows_after_crashes(clean_and_crashed, table):
    _, con = clean_and_crashed
    keys = ", ".join(KEYS[table])
    duplicates = con.execute(
        f"SELECT {keys}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1"  # noqa: S608
    ).fetchall()
    assert duplicates == []


@pytest.mark.parametrize("table", sorted(CONTENT))
def test_rerun_after_crashes_equals_a_clean_run(clean_and_crashed, table):
    clean, crashed = clean_and_crashed
    assert _rows(crashed, CONTENT[table]) == _rows(clean, CONTENT[table])


def test_no_half_written_document(clean_and_crashed):
    _, con = clean_and_crashed
    half = con.execute(
        "SELECT d.doc_id, d.n_pages, count(p.page) FROM documents d "
        "LEFT JOIN pages p USING (doc_id) WHERE d.status = 'ok' GROUP BY ALL "
        "HAVING count(p.page) <> d.n_pages"
    ).fetchall()
    assert half == []
    untagged = con.execute(
        "SELECT doc_id FROM documents d WHERE status = 'ok' AND NOT EXISTS "
        "(SELECT 1 FROM passage_sdgs s WHERE s.doc_id = d.doc_id)"
    ).fetchall()
    assert untagged == []
    unembedded = con.execute(
        "SELECT count(*) FROM passages p WHERE p.passage_id IN (SELECT passage_id FROM "
        "passage_sdgs) AND p.text_hash NOT IN (SELECT text_hash FROM embedding_cache)"
    ).fetchone()[0]
    assert unembedded == 0
