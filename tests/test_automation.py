"""Unattended operation with real Dagster runs: sensors, schedule, incremental recompute,
drop folder, provenance and verified downloads.

Each test clones a processed three-document world (tests/automation_support.py), changes the
catalog or a file, evaluates the sensors with `dg.build_sensor_context` and executes the runs
they request in-process, then asserts from the materialization records and the warehouse.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import shutil
import threading
import time

import dagster as dg
import pytest

from pipelines.sensors import (
    MAX_ATTEMPTS,
    REQUEST_TAG,
    Rejected,
    drop_record,
    register_inbox,
)
from tests.automation_support import (
    BASE_DOCS,
    EXTRA_DOC,
    SAMPLE,
    World,
    add_to_catalog,
    clone_base,
    query,
    remove_from_catalog,
    sample_rows,
    seed_embeddings,
    write_catalog,
)

PER_DOCUMENT = ["documents", "pages", "passages", "passage_sdgs", "passage_embeddings"]


def materialized(world: World, asset: str, after: float) -> list[str | None]:
    """Partition keys of `asset` materialized after `after` (one entry per materialization)."""
    records = world.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey(asset), after_timestamp=after), limit=1000
    ).records
    return [r.event_log_entry.dagster_event.partition for r in records]


def run_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    events = [
        e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(asset)
    ]
    assert len(events) == 1, events
    return {k: v.value for k, v in events[0].materialization.metadata.items()}


def only(requests, job_name: str) -> list[dg.RunRequest]:
    assert requests and all(r.job_name == job_name for r in requests), requests
    return list(requests)


@pytest.fixture()
def world(tmp_path):
    w = clone_base(tmp_path / "world")
    yield w
    w.close()


def test_sensor_asks_for_nothing_after_a_full_run(world):
    data = world.tick("catalog_sensor")
    assert data.run_requests == []
    assert "agree" in data.skip_message


def test_adding_a_document_recomputes_only_its_partition_and_country(world):
    base_run = query(world.warehouse, "SELECT DISTINCT run_id FROM documents")
    start = time.time()
    add_to_catalog(world.catalog, EXTRA_DOC)

    # First the catalog: the documents asset reads the warehouse's copy of it.
    catalog_requests = only(world.tick("catalog_sensor").run_requests, "catalog_job")
    assert len(catalog_requests) == 1
    assert world.tick("catalog_sensor").run_requests == []  # requested once, not again
    catalog_run = world.run(catalog_requests[0])
    assert catalog_run.success

    data = world.tick("catalog_sensor")
    (request,) = only(data.run_requests, "documents_job")
    assert request.partition_key == EXTRA_DOC
    assert request.tags["vlrlink/reason"] == "new"
    assert world.tick("catalog_sensor").run_requests == []  # still waiting for that run
    result = world.run(request)
    assert result.success

    # Exactly one partition of each per-document asset was computed, and it was the new one.
    for asset in PER_DOCUMENT:
        assert materialized(world, asset, start) == [EXTRA_DOC], asset
    assert run_metadata(result, "passages")["passages_written"] > 0
    assert run_metadata(result, "documents")["n_ok"] == 1
    # The other documents' rows were not rewritten.
    assert (
        query(
            world.warehouse, "SELECT DISTINCT run_id FROM documents WHERE doc_id <> ?", [EXTRA_DOC]
        )
        == base_run
    )
    assert world.tick("catalog_sensor").run_requests == []

    (refresh,) = only(world.tick("refresh_sensor").run_requests, "refresh_job")
    refreshed = world.run(refresh)
    assert refreshed.success
    links = run_metadata(refreshed, "passage_links")
    assert links["countries_recomputed"] == ["KEN"]
    assert links["countries_removed"] == []
    assert world.tick("refresh_sensor").run_requests == []

    # KEN's links come from the refresh run; COL's links were left alone.
    by_country = dict(
        query(
            world.warehouse,
            "SELECT country_iso3, list(DISTINCT run_id) FROM passage_links GROUP BY 1",
        )
    )
    assert by_country["KEN"] == [refreshed.run_id]
    assert refreshed.run_id not in by_country["COL"]
    pair = query(
        world.warehouse,
        "SELECT DISTINCT run_id FROM alignment_metrics WHERE vlr_doc_id = ?",
        [EXTRA_DOC],
    )
    assert pair == [(refreshed.run_id,)]

    # Provenance: every run launched here gets a `runs` row, once.
    world.tick("run_provenance_sensor")
    world.tick("run_provenance_sensor")
    rows = query(
        world.warehouse,
        "SELECT run_id, status, code_version, embedding_model_hash, catalog_sha256 FROM runs",
    )
    by_run = {r[0]: r for r in rows}
    assert len(by_run) == len(rows)
    for run_id in (catalog_run.run_id, result.run_id, refreshed.run_id):
        assert by_run[run_id][1] == "success"
        assert by_run[run_id][2]
        assert len(by_run[run_id][3]) == 64
    catalog_sha = hashlib.sha256(world.catalog.read_bytes()).hexdigest()
    assert by_run[refreshed.run_id][4] == catalog_sha
    # Metric rows name their run, and that run is recorded.
    for table in ("passage_links", "sdg_pair_profile", "alignment_metrics"):
        unknown = query(
            world.warehouse,
            f"SELECT DISTINCT run_id FROM {table} WHERE run_id NOT IN (SELECT run_id FROM runs)",  # noqa: S608
        )
        assert unknown == [], table


def test_changed_file_is_reextracted(world):
    doc_id = "col-vlr-villacedro-2019"
    rows = sample_rows()
    before = dict(query(world.warehouse, "SELECT doc_id, sha256 FROM documents"))
    old_text = query(
        world.warehouse, "SELECT string_agg(text, ' ') FROM passages WHERE doc_id = ?", [doc_id]
    )
    # A corrected edition replaces the file under the same name.
    replacement = SAMPLE / rows["col-vlr-puerto-nacar-2020"]["file"]
    shutil.copyfile(replacement, world.catalog.parent / rows[doc_id]["file"])
    new_sha = hashlib.sha256(replacement.read_bytes()).hexdigest()
    # The catalog CSV still pins the old hash: drop it so the row stays valid.
    text = world.catalog.read_text().replace(rows[doc_id]["sha256"], "")
    world.catalog.write_text(text)

    start = time.time()
    results = world.drain()
    jobs = [(r.dagster_run.job_name, r.dagster_run.tags.get("dagster/partition")) for r in results]
    assert jobs == [("catalog_job", None), ("documents_job", doc_id)]
    assert results[1].dagster_run.tags["vlrlink/reason"] == "changed"
    assert all(r.success for r in results)
    assert materialized(world, "passages", start) == [doc_id]

    after = dict(query(world.warehouse, "SELECT doc_id, sha256 FROM documents"))
    assert after[doc_id] == new_sha != before[doc_id]
    assert {d: s for d, s in after.items() if d != doc_id} == {
        d: s for d, s in before.items() if d != doc_id
    }
    new_text = query(
        world.warehouse, "SELECT string_agg(text, ' ') FROM passages WHERE doc_id = ?", [doc_id]
    )
    assert new_text != old_text
    assert "Nácar" in new_text[0][0] or "Nacar" in new_text[0][0]

    (refresh,) = world.tick("refresh_sensor").run_requests
    assert run_metadata(world.run(refresh), "passage_links")["countries_recomputed"] == ["COL"]


def test_removed_document_is_marked_and_unlinked(world):
    removed = "col-vnr-2021"
    assert (
        query(
            world.warehouse, "SELECT count(*) FROM passage_links WHERE vnr_doc_id = ?", [removed]
        )[0][0]
        > 0
    )
    remove_from_catalog(world.catalog, removed)

    (request,) = only(world.tick("catalog_sensor").run_requests, "catalog_job")
    assert world.run(request).success
    status = query(
        world.warehouse, "SELECT status, error FROM documents WHERE doc_id = ?", [removed]
    )
    assert status == [("removed", "no longer in the catalog")]
    # Rows stay for audit; nothing else is requested for the removed document.
    assert (
        query(world.warehouse, "SELECT count(*) FROM passages WHERE doc_id = ?", [removed])[0][0]
        > 0
    )
    assert world.tick("catalog_sensor").run_requests == []

    (refresh,) = world.tick("refresh_sensor").run_requests
    result = world.run(refresh)
    assert result.success
    assert "COL" in run_metadata(result, "passage_links")["countries_recomputed"]
    for table in ("passage_links", "sdg_pair_profile", "alignment_metrics"):
        n = query(world.warehouse, f"SELECT count(*) FROM {table} WHERE vnr_doc_id = ?", [removed])  # noqa: S608
        assert n == [(0,)], table


def test_readded_document_is_processed_again(world):
    doc_id = "ken-vnr-2020"
    remove_from_catalog(world.catalog, doc_id)
    world.drain()
    assert query(world.warehouse, "SELECT status FROM documents WHERE doc_id = ?", [doc_id]) == [
        ("removed",)
    ]
    add_to_catalog(world.catalog, doc_id)
    results = world.drain()
    assert [r.dagster_run.job_name for r in results] == ["catalog_job", "documents_job"]
    assert results[1].dagster_run.tags["vlrlink/reason"] == "re-added"
    assert query(world.warehouse, "SELECT status FROM documents WHERE doc_id = ?", [doc_id]) == [
        ("ok",)
    ]


def test_refresh_waits_until_ingest_runs_are_done(world):
    data = world.tick("refresh_sensor")
    assert data.run_requests == [] and "no successful ingest run" in data.skip_message
    add_to_catalog(world.catalog, EXTRA_DOC)
    (catalog_request,) = world.tick("catalog_sensor").run_requests
    assert world.run(catalog_request).success
    queued = dg.DagsterRun(job_name="documents_job", status=dg.DagsterRunStatus.STARTED)
    world.instance.add_run(queued)
    data = world.tick("refresh_sensor")
    assert data.run_requests == [] and "waiting" in data.skip_message
    world.instance.report_run_canceled(queued)
    (refresh,) = world.tick("refresh_sensor").run_requests
    assert refresh.job_name == "refresh_job"
    assert world.tick("refresh_sensor").run_requests == []  # one refresh per batch


def test_weekly_schedule_refreshes_cross_document_assets(world):
    from pipelines.definitions import CROSS_DOCUMENT_ASSETS

    schedule = world.defs.resolve_schedule_def("weekly_refresh")
    assert schedule.cron_schedule == "0 3 * * 1"
    assert schedule.job_name == "refresh_job"
    context = dg.build_schedule_context(instance=world.instance)
    (request,) = schedule.evaluate_tick(context).run_requests
    assert request.job_name in (None, "refresh_job")  # None: the schedule's own job
    assert request.tags["vlrlink/reason"] == "weekly refresh"
    job = world.defs.resolve_job_def("refresh_job")
    selected = {k.to_user_string() for k in job.asset_layer.selected_asset_keys}
    wanted = {k.to_user_string() for a in CROSS_DOCUMENT_ASSETS for k in a.keys}
    assert {"passage_links", "sdg_pair_profile", "alignment_metrics"} <= selected == wanted


# ---------------------------------------------------------------- drop folder


def test_drop_record_from_name_and_sidecar():
    record = drop_record("ken-vlr-port-tembo-2023.pdf", None)
    assert record == {
        "doc_id": "ken-vlr-port-tembo-2023",
        "review_type": "VLR",
        "country_iso3": "KEN",
        "locality": "Port Tembo",
        "year": "2023",
        "language": "en",
        "title": "Port Tembo Voluntary Local Review 2023",
    }
    vnr = drop_record("COL-VNR-2025.es.pdf", None)
    assert (vnr["doc_id"], vnr["language"], vnr["locality"]) == ("col-vnr-2025", "es", "")
    assert vnr["title"] == "Colombia Voluntary National Review 2025"
    sidecar = drop_record(
        "scan 0042.pdf",
        {
            "doc_id": "col-vlr-x-2024",
            "review_type": "VLR",
            "country_iso3": "COL",
            "locality": "Puerto Nácar",
            "year": 2024,
            "language": "es",
            "title": "Informe",
        },
    )
    assert sidecar["locality"] == "Puerto Nácar" and sidecar["year"] == "2024"
    with pytest.raises(Rejected, match="does not follow"):
        drop_record("report.pdf", None)
    with pytest.raises(Rejected, match="unknown fields"):
        drop_record("ken-vnr-2024.pdf", {"contry": "KEN"})
    with pytest.raises(Rejected, match="missing catalog fields"):
        drop_record("whatever.pdf", {"doc_id": "x"})


def test_drop_folder_pdfs_become_catalog_rows(world):
    rows = sample_rows()
    inbox = world.inbox
    inbox.mkdir()
    # By naming convention; with a sidecar (exact locality spelling); and three bad drops.
    shutil.copyfile(SAMPLE / rows[EXTRA_DOC]["file"], inbox / f"{EXTRA_DOC}.pdf")
    shutil.copyfile(SAMPLE / rows["col-vlr-puerto-nacar-2020"]["file"], inbox / "nacar.pdf")
    (inbox / "nacar.json").write_text(
        json.dumps(
            {
                "doc_id": "col-vlr-puerto-nacar-2020",
                "review_type": "VLR",
                "country_iso3": "COL",
                "locality": "Puerto Nácar",
                "year": 2020,
                "language": "es",
                "title": "Informe Local Voluntario de Puerto Nácar 2020",
            }
        )
    )
    shutil.copyfile(SAMPLE / rows["ken-vnr-2024"]["file"], inbox / "unnamed.pdf")
    shutil.copyfile(SAMPLE / rows["ken-vnr-2024"]["file"], inbox / "xyz-vnr-2024.pdf")
    shutil.copyfile(SAMPLE / rows["ken-vnr-2024"]["file"], inbox / "dup.pdf")
    (inbox / "dup.json").write_text(
        json.dumps(
            {
                **{
                    k: rows["ken-vnr-2020"][k]
                    for k in ("doc_id", "review_type", "country_iso3", "year", "language", "title")
                },
                "title": "x",
            }
        )
    )
    (inbox / "fresh-vnr-2024.pdf").write_bytes(b"%PDF-1.4 still copying")

    old = time.time() - 120
    for f in inbox.iterdir():
        if f.name != "fresh-vnr-2024.pdf":
            os.utime(f, (old, old))
    outcome = register_inbox(inbox, world.catalog, settle_seconds=30)
    assert sorted(outcome.registered) == sorted([EXTRA_DOC, "col-vlr-puerto-nacar-2020"])
    assert outcome.waiting == ["fresh-vnr-2024.pdf"]
    reasons = dict(outcome.rejected)
    assert "does not follow" in reasons["unnamed.pdf"]
    assert "country_iso3" in reasons["xyz-vnr-2024.pdf"]
    assert "already in the catalog" in reasons["dup.pdf"]
    assert (inbox / "rejected" / "unnamed.pdf").is_file()
    assert "does not follow" in (inbox / "rejected" / "unnamed.pdf.error.txt").read_text()
    assert (inbox / "rejected" / "dup.json").is_file()
    assert (inbox / "processed" / "nacar.json").is_file()
    assert sorted(p.name for p in inbox.glob("*.pdf")) == ["fresh-vnr-2024.pdf"]

    from models.catalog import read_catalog

    catalog = {r.doc_id: r for r in read_catalog(world.catalog).rows}
    assert set(catalog) == {*BASE_DOCS, EXTRA_DOC, "col-vlr-puerto-nacar-2020"}
    added = catalog["col-vlr-puerto-nacar-2020"]
    assert added.valid and added.locality == "Puerto Nácar"
    assert added.file == "pdfs/col-vlr-puerto-nacar-2020.pdf"
    assert added.sha256 == added.file_sha256  # the row pins the content it was dropped with
    assert catalog[EXTRA_DOC].valid and catalog[EXTRA_DOC].locality == "Lakemere"

    # Registering again changes nothing.
    text = world.catalog.read_text()
    assert register_inbox(inbox, world.catalog, settle_seconds=30).registered == []
    assert world.catalog.read_text() == text

    # The sensor registers drops itself, then asks for the catalog run.
    shutil.copyfile(SAMPLE / rows["ken-vnr-2024"]["file"], inbox / "ken-vnr-2024.pdf")
    (request,) = world.tick("catalog_sensor").run_requests
    assert request.job_name == "catalog_job"
    assert "ken-vnr-2024" in {r.doc_id for r in read_catalog(world.catalog).rows}
    assert not (inbox / "ken-vnr-2024.pdf").exists()


# ---------------------------------------------------------------- verified downloads


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def pdf_server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(_Quiet, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_catalog_url_is_downloaded_and_verified(tmp_path, pdf_server, monkeypatch):
    served, base_url = pdf_server
    rows = sample_rows()
    good = rows["col-vlr-villacedro-2019"]
    shutil.copyfile(SAMPLE / good["file"], served / "review.pdf")
    monkeypatch.setenv("VLRLINK_DOWNLOADS", str(tmp_path / "downloads"))
    folder = tmp_path / "world" / "catalog"
    catalog = write_catalog(folder, [])
    header = catalog.read_text().strip()
    if "url" not in header.split(","):
        header += ",url"
    cols = header.split(",")
    wrong = "0" * 64

    def line(doc_id: str, sha: str) -> str:
        values = {
            **good,
            "doc_id": doc_id,
            "file": "",
            "url": f"{base_url}/review.pdf",
            "sha256": sha,
        }
        return ",".join(values.get(c, "") for c in cols)

    catalog.write_text(
        "\n".join(
            [
                header,
                line("col-vlr-url-ok-2020", good["sha256"]),
                line("col-vlr-url-bad-2020", wrong),
            ]
        )
        + "\n"
    )
    seed_embeddings(tmp_path / "world" / "warehouse.duckdb")
    world = World(tmp_path / "world")
    try:
        results = world.drain()
        statuses = dict(query(world.warehouse, "SELECT doc_id, status FROM documents"))
        assert statuses == {"col-vlr-url-ok-2020": "ok", "col-vlr-url-bad-2020": "failed"}
        (error,) = query(world.warehouse, "SELECT error FROM documents WHERE status = 'failed'")[0]
        assert "download failed" in error and "sha256 mismatch" in error
        (sha,) = query(world.warehouse, "SELECT sha256 FROM documents WHERE status = 'ok'")[0]
        assert sha == good["sha256"]
        assert query(world.warehouse, "SELECT count(*) FROM passages")[0][0] > 0
        # The failed download was retried a bounded number of times, then left alone.
        attempts = [
            r
            for r in results
            if r.dagster_run.tags.get("dagster/partition") == "col-vlr-url-bad-2020"
        ]
        assert len(attempts) == MAX_ATTEMPTS
        assert all(REQUEST_TAG in r.dagster_run.tags for r in attempts)
        assert world.tick("catalog_sensor").run_requests == []
    finally:
        world.close()
