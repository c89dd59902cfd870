"""A small vlrlink deployment in a temporary folder, driven the way the Dagster daemon drives it.

A `World` holds a catalog folder (copies of a few sample PDFs), a warehouse, a drop folder and
a persistent Dagster instance. `tick()` evaluates a sensor with `dg.build_sensor_context` and
keeps its cursor, `run()` executes a RunRequest in-process. A baseline world (three documents,
one full run) is built once per test process and cloned by each test, so every test starts
from a processed warehouse without paying for extraction, tagging and embedding again.
"""

from __future__ import annotations

import atexit
import csv
import functools
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
BASE_DOCS = ("col-vnr-2021", "col-vlr-villacedro-2019", "ken-vnr-2020")
EXTRA_DOC = "ken-vlr-lakemere-2019"


def sample_rows() -> dict[str, dict[str, str]]:
    with (SAMPLE / "catalog.csv").open(encoding="utf-8") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}


def write_catalog(folder: Path, doc_ids) -> Path:
    """A catalog of some sample documents, with copies of their PDFs, in `folder`."""
    rows = sample_rows()
    (folder / "pdfs").mkdir(parents=True, exist_ok=True)
    header = list(next(iter(rows.values())).keys())
    with (folder / "catalog.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for doc_id in doc_ids:
            writer.writerow(rows[doc_id])
            shutil.copyfile(SAMPLE / rows[doc_id]["file"], folder / rows[doc_id]["file"])
    return folder / "catalog.csv"


def add_to_catalog(catalog: Path, doc_id: str) -> None:
    row = sample_rows()[doc_id]
    shutil.copyfile(SAMPLE / row["file"], catalog.parent / row["file"])
    with catalog.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(row), lineterminator="\n").writerow(row)


def remove_from_catalog(catalog: Path, doc_id: str) -> None:
    lines = catalog.read_text(encoding="utf-8").splitlines(keepends=True)
    catalog.write_text("".join(x for x in lines if not x.startswith(f"{doc_id},")))


def table_counts(warehouse: Path, tables=None) -> dict[str, int]:
    tables = tables or (
        "documents",
        "pages",
        "passages",
        "passage_sdgs",
        "embedding_cache",
        "passage_links",
        "sdg_pair_profile",
        "alignment_metrics",
        "stage_state",
        "link_fingerprints",
    )
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608
    finally:
        con.close()


def query(warehouse: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@dataclass
class World:
    root: Path
    cursors: dict[str, str | None] = field(default_factory=dict)

    @property
    def catalog(self) -> Path:
        return self.root / "catalog" / "catalog.csv"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse.duckdb"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def dagster_home(self) -> Path:
        return self.root / "dagster_home"

    def __post_init__(self) -> None:
        from pipelines.definitions import build_definitions
        from pipelines.sensors import AutomationResource

        self.dagster_home.mkdir(parents=True, exist_ok=True)
        self.instance = dg.DagsterInstance.local_temp(str(self.dagster_home))
        self.defs = build_definitions(
            warehouse_path=self.warehouse, catalog_path=self.catalog, inbox=self.inbox
        )
        self.automation = AutomationResource(
            inbox=str(self.inbox), settle_seconds=0, refresh_quiet_seconds=0
        )

    def close(self) -> None:
        self.instance.dispose()

    def tick(self, sensor_name: str) -> dg.SensorResult:
        """One sensor evaluation with the cursor of the previous one; applies new partitions."""
        sensor = self.defs.resolve_sensor_def(sensor_name)
        context = dg.build_sensor_context(
            instance=self.instance,
            cursor=self.cursors.get(sensor_name),
            definitions=self.defs,
            resources={**self.defs.resources, "automation": self.automation},
        )
        with dg.partition_loading_context(dynamic_partitions_store=self.instance):
            data = sensor.evaluate_tick(context)
        self.cursors[sensor_name] = data.cursor
        for request in data.dynamic_partitions_requests or []:
            self.instance.add_dynamic_partitions(
                request.partitions_def_name, list(request.partition_keys)
            )
        return data

    def run(self, request: dg.RunRequest) -> dg.ExecuteInProcessResult:
        job = self.defs.resolve_job_def(request.job_name)
        return job.execute_in_process(
            instance=self.instance,
            partition_key=request.partition_key,
            tags=dict(request.tags),
            raise_on_error=False,
        )

    def drain(self, sensor_name: str = "catalog_sensor", limit: int = 6) -> list:
        """Tick and run until the sensor asks for nothing more; returns the results."""
        results = []
        for _ in range(limit):
            requests = self.tick(sensor_name).run_requests
            if not requests:
                return results
            results += [self.run(r) for r in requests]
        raise AssertionError(f"{sensor_name} still requests runs after {limit} ticks")


@functools.cache
def base_world_root() -> Path:
    """Three documents (a COL VNR and VLR, a KEN VNR) processed by one `run_pipeline` run."""
    from pipelines.runner import run_pipeline

    root = Path(tempfile.mkdtemp(prefix="vlrlink-base-"))
    atexit.register(shutil.rmtree, root, True)
    write_catalog(root / "catalog", BASE_DOCS)
    world = World(root)
    summary = run_pipeline(
        catalog_path=world.catalog, warehouse_path=world.warehouse, instance=world.instance
    )
    world.close()
    assert summary.success, summary.failure
    return root


def clone_base(dest: Path) -> World:
    """A private copy of the baseline world at `dest`.

    The warehouse's copy of the catalog holds absolute file paths; they are moved to the
    clone's folder, as if the catalog had always lived there (else the sensor would rightly
    see a moved catalog).
    """
    base = base_world_root()
    shutil.copytree(base, dest)
    old, new = str(base.resolve()), str(dest.resolve())
    con = duckdb.connect(str(dest / "warehouse.duckdb"))
    try:
        con.execute(
            "UPDATE catalog SET path = replace(path, ?, ?), "
            "catalog_path = replace(catalog_path, ?, ?)",
            [old, new, old, new],
        )
        con.execute(
            "UPDATE catalog_issues SET catalog_path = replace(catalog_path, ?, ?)", [old, new]
        )
    finally:
        con.close()
    return World(dest)


def seed_embeddings(warehouse: Path) -> None:
    """Pre-fill a new warehouse's embedding cache from the baseline: the embedding model then
    never loads for the baseline's documents, every other stage still runs."""
    from models.warehouse import connect

    with connect(warehouse) as con:
        con.execute(f"ATTACH '{base_world_root() / 'warehouse.duckdb'}' AS base (READ_ONLY)")
        con.execute("INSERT INTO embedding_cache SELECT * FROM base.embedding_cache")
        con.execute("DETACH base")
