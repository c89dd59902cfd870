"""Sensors that keep the warehouse in step with the catalog without anyone running commands.

Three plain sensors, no declarative automation (docs/operations.md explains the choice):

* ``catalog_sensor`` registers PDFs dropped into the drop folder (``data/inbox/`` by default)
  as catalog rows, then compares the catalog with the warehouse. When the warehouse's copy of
  the catalog is stale (new, changed or removed rows, a file replaced in place) it requests one
  ``catalog_job`` run, which re-reads the catalog, adds partitions and marks removed documents.
  Once the warehouse's catalog is current it requests one ``documents_job`` run per document
  whose file hash differs from ``documents.sha256`` (new, changed, re-added). Requests wait
  for the catalog run because the documents asset reads the catalog table.
* ``refresh_sensor`` requests one ``refresh_job`` run (links, metrics and everything else
  across documents) after ingest runs succeeded, once none is queued or running: ten new
  documents give ten document runs and a single refresh.
* ``run_provenance_sensor`` writes a ``runs`` row (code version, model and its hash, catalog
  hash, times, counts) for every finished run of this code location, so runs launched by
  sensors, the schedule or the UI are recorded like ``vlrlink run``.

Every sensor keeps a JSON cursor so that evaluating it again requests nothing twice; run keys
make a repeated request harmless even when a cursor was lost.
"""

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from models import warehouse as wh
from models.catalog import REQUIRED_COLUMNS, Catalog, CatalogError, file_sha256_of, read_catalog
from pipelines.partitions import DOCUMENTS_PARTITION
from pipelines.resources import (
    DEFAULT_CATALOG,
    PROJECT_ROOT,
    CatalogResource,
    EmbeddingModelResource,
    WarehouseResource,
)

INBOX_ENV = "VLRLINK_INBOX"
AUTOMATION_ENV = "VLRLINK_AUTOMATION"
DEFAULT_INBOX = PROJECT_ROOT / "data" / "inbox"
# Where registered drop-folder PDFs go, relative to the catalog's folder (catalog paths must
# stay inside that folder).
INBOX_TARGET = "pdfs"
MAX_ATTEMPTS = 3  # a request whose run ended without doing its job is retried this often
WAREHOUSE_WAIT_S = 20.0  # a sensor tick must end within a minute: wait this long, then skip

IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]
FINISHED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
INGEST_JOBS = ("catalog_job", "documents_job")
RECORDED_JOBS = ("catalog_job", "documents_job", "refresh_job")
REQUEST_TAG = "vlrlink/request"


class AutomationResource(dg.ConfigurableResource):
    """Settings of the unattended mode: the drop folder and how long files must be quiet."""

    inbox: str = str(DEFAULT_INBOX)
    # A file modified less than this long ago may still be copying: leave it for the next tick.
    settle_seconds: float = 30.0
    # Refresh only when the last ingest run ended at least this long ago, so a burst of
    # catalog and document runs ends in one refresh.
    refresh_quiet_seconds: float = 60.0


def build_automation(inbox: str | os.PathLike | None = None) -> AutomationResource:
    return AutomationResource(inbox=str(inbox or os.environ.get(INBOX_ENV) or DEFAULT_INBOX))


def default_status() -> dg.DefaultSensorStatus:
    """Sensors start stopped unless VLRLINK_AUTOMATION=on (or they are switched on in the UI)."""
    on = os.environ.get(AUTOMATION_ENV, "").lower() in {"1", "on", "true", "yes"}
    return dg.DefaultSensorStatus.RUNNING if on else dg.DefaultSensorStatus.STOPPED


# ---------------------------------------------------------------- drop folder

# <iso3>-<vlr|vnr>[-<locality>]-<year>[.<language>].pdf, e.g. ken-vlr-port-tembo-2023.pdf,
# col-vnr-2021.es.pdf; the doc_id is the name without the language and the extension.
DROP_NAME = re.compile(
    r"^(?P<doc_id>(?P<iso3>[a-z]{3})-(?P<type>vlr|vnr)(?:-(?P<locality>[a-z0-9][a-z0-9-]*?))?"
    r"-(?P<year>\d{4}))(?:\.(?P<language>[a-z]{2}))?\.pdf$",
    re.IGNORECASE,
)
SIDECAR_FIELDS = set(REQUIRED_COLUMNS) | {"url", "sha256"}


@dataclass
class InboxOutcome:
    registered: list[str] = field(default_factory=list)  # doc_ids added to the catalog
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    waiting: list[str] = field(default_factory=list)  # files still being written


class Rejected(Exception):
    """A dropped file cannot become a catalog row; str(e) says why."""


def register_inbox(
    inbox: Path, catalog_path: Path, *, settle_seconds: float = 30.0, now: float | None = None
) -> InboxOutcome:
    """Turn each settled PDF in the drop folder into a catalog row; reject what cannot be.

    A registered PDF moves to ``<catalog folder>/pdfs/<doc_id>.pdf`` and its sidecar to
    ``<inbox>/processed/``; a rejected one moves with its sidecar to ``<inbox>/rejected/``
    beside a ``.error.txt`` that says why. Registering is idempotent: a PDF whose doc_id is
    already catalogued with the same content is only cleaned up.
    """
    outcome = InboxOutcome()
    if not inbox.is_dir():
        return outcome
    now = time.time() if now is None else now
    pdfs = sorted(p for p in inbox.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
    for pdf in pdfs:
        sidecar = pdf.with_suffix(".json")
        files = [pdf] + ([sidecar] if sidecar.is_file() else [])
        if any(now - f.stat().st_mtime < settle_seconds for f in files):
            outcome.waiting.append(pdf.name)
            continue
        try:
            doc_id = _register_one(pdf, sidecar if sidecar.is_file() else None, catalog_path)
        except Rejected as exc:
            _move_all(files, inbox / "rejected")
            (inbox / "rejected" / f"{pdf.name}.error.txt").write_text(f"{exc}\n", encoding="utf-8")
            outcome.rejected.append((pdf.name, str(exc)))
            continue
        if sidecar.is_file():
            _move_all([sidecar], inbox / "processed")
        outcome.registered.append(doc_id)
    return outcome


def drop_record(name: str, sidecar: dict[str, Any] | None) -> dict[str, str]:
    """The catalog fields of a dropped file: from its name, overridden by its sidecar."""
    record: dict[str, str] = {}
    match = DROP_NAME.match(name)
    if match:
        iso3 = match["iso3"].upper()
        review_type = match["type"].upper()
        locality = (match["locality"] or "").replace("-", " ").title()
        record = {
            "doc_id": match["doc_id"].lower(),
            "review_type": review_type,
            "country_iso3": iso3,
            "locality": locality,
            "year": match["year"],
            "language": (match["language"] or "en").lower(),
        }
    elif sidecar is None:
        raise Rejected(
            "the name does not follow <iso3>-<vlr|vnr>[-<locality>]-<year>[.<language>].pdf "
            f"and there is no sidecar {Path(name).stem}.json"
        )
    if sidecar is not None:
        unknown = sorted(set(sidecar) - SIDECAR_FIELDS)
        if unknown:
            raise Rejected(f"sidecar has unknown fields: {', '.join(unknown)}")
        record.update({k: "" if v is None else str(v) for k, v in sidecar.items()})
    record.setdefault("doc_id", _slug(Path(name).stem))
    if not record.get("title") and record.get("review_type") and record.get("year"):
        record["title"] = _default_title(record)
    missing = [c for c in REQUIRED_COLUMNS if c not in record and c not in {"locality", "file"}]
    if missing:
        raise Rejected(f"missing catalog fields: {', '.join(missing)}")
    return record


def _register_one(pdf: Path, sidecar: Path | None, catalog_path: Path) -> str:
    meta = None
    if sidecar is not None:
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise Rejected(f"sidecar {sidecar.name} is not valid JSON: {exc}") from exc
        if not isinstance(meta, dict):
            raise Rejected(f"sidecar {sidecar.name} must hold a JSON object")
    record = drop_record(pdf.name, meta)
    doc_id = record["doc_id"]
    content_sha = file_sha256_of(pdf)
    try:
        current = read_catalog(catalog_path)
    except CatalogError as exc:
        raise Rejected(f"the catalog cannot be read: {exc}") from exc
    target = f"{INBOX_TARGET}/{doc_id}.pdf"
    for row in current.rows:
        if row.doc_id == doc_id:
            if row.file_sha256 == content_sha:
                pdf.unlink()  # registered by an earlier tick that stopped before cleaning up
                return doc_id
            raise Rejected(
                f"doc_id {doc_id} is already in the catalog; to replace its file, overwrite "
                f"{row.file or row.url} instead"
            )
        if row.file == target:
            raise Rejected(f"{target} is already the file of catalog row {row.doc_id}")
    record["file"] = target
    if record.get("sha256") and record["sha256"].lower() != content_sha:
        raise Rejected(f"file content {content_sha[:12]}... differs from sidecar sha256")
    record["sha256"] = content_sha
    _validate(record, pdf)
    destination = catalog_path.parent / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    shutil.copyfile(pdf, partial)
    os.replace(partial, destination)
    _append_row(catalog_path, record)
    pdf.unlink()
    return doc_id


def _validate(record: dict[str, str], pdf: Path) -> None:
    """Reject a row now that the catalog would flag later (same rules: models.catalog)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / INBOX_TARGET).mkdir()
        shutil.copyfile(pdf, folder / record["file"])
        columns = [*REQUIRED_COLUMNS, "url", "sha256"]
        with (folder / "catalog.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerow({c: record.get(c, "") for c in columns})
        rows = read_catalog(folder / "catalog.csv").rows
    if not rows:
        raise Rejected(f"invalid doc_id {record['doc_id']!r}")
    if rows[0].errors:
        raise Rejected(rows[0].error_text() or "invalid catalog row")


def _append_row(catalog_path: Path, record: dict[str, str]) -> None:
    """Append one row in the catalog's own column order; atomic (temp file + rename)."""
    text = catalog_path.read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([record.get(c.strip(), "") for c in header])
    if text and not text.endswith("\n"):
        text += "\n"
    partial = catalog_path.with_name(f".{catalog_path.name}.partial")
    partial.write_text(text + buffer.getvalue(), encoding="utf-8")
    os.replace(partial, catalog_path)


def _move_all(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        if f.exists():
            os.replace(f, folder / f.name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")[:128]


def _default_title(record: dict[str, str]) -> str:
    if record["review_type"].upper() == "VLR":
        place = record.get("locality") or record["country_iso3"]
        return f"{place} Voluntary Local Review {record['year']}"
    import pycountry

    country = pycountry.countries.get(alpha_3=record.get("country_iso3", "").upper())
    name = country.name if country else record.get("country_iso3", "")
    return f"{name} Voluntary National Review {record['year']}"


# ---------------------------------------------------------------- catalog sensor


@dataclass
class WarehouseState:
    catalog: set[tuple]  # the catalog table as comparable tuples
    issues: set[tuple]
    documents: dict[str, tuple[str | None, str]]  # doc_id -> (sha256, status)


CATALOG_COLUMNS = [
    "row_number",
    "doc_id",
    "review_type",
    "country_iso3",
    "locality",
    "year",
    "language",
    "title",
    "file",
    "url",
    "sha256",
    "path",
    "file_sha256",
    "valid",
    "errors",
]
ISSUE_COLUMNS = ["row_number", "doc_id", "field", "message"]


def _rows(frame_rows) -> set[tuple]:
    return {tuple("" if v is None else str(v) for v in row) for row in frame_rows}


def read_state(path: Path, wait_s: float = WAREHOUSE_WAIT_S) -> WarehouseState:
    """What the warehouse knows: its copy of the catalog and each document's hash and status."""
    if not path.is_file():
        return WarehouseState(set(), set(), {})
    with wh.connect(path, read_only=True, wait_s=wait_s) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if not {"catalog", "catalog_issues", "documents"} <= tables:
            return WarehouseState(set(), set(), {})
        catalog = _rows(con.execute(f"SELECT {', '.join(CATALOG_COLUMNS)} FROM catalog").fetchall())  # noqa: S608
        issues = _rows(
            con.execute(f"SELECT {', '.join(ISSUE_COLUMNS)} FROM catalog_issues").fetchall()  # noqa: S608
        )
        documents = {
            d: (sha, status)
            for d, sha, status in con.execute(
                "SELECT doc_id, sha256, status FROM documents"
            ).fetchall()
        }
    return WarehouseState(catalog, issues, documents)


def catalog_signature(parsed: Catalog) -> tuple[set[tuple], set[tuple], str]:
    """The catalog as the warehouse would store it, and a short hash of that."""
    rows = _rows(parsed.to_frame().select(CATALOG_COLUMNS).rows())
    issues = _rows(parsed.issues_frame().select(ISSUE_COLUMNS).rows())
    digest = hashlib.sha256(repr((sorted(rows), sorted(issues))).encode()).hexdigest()
    return rows, issues, digest[:16]


def expected_hash(row) -> str | None:
    """The content hash a document's row in `documents` should carry once processed."""
    return row.file_sha256 or row.sha256


def document_version(row) -> str:
    """What identifies the version of a catalog row to process (a new value: process again)."""
    return f"{expected_hash(row) or row.url or ''}|{int(row.valid)}"


def is_current(row, documents: dict[str, tuple[str | None, str]]) -> bool:
    """Whether `documents` already reflects this catalog row's file."""
    stored = documents.get(row.doc_id)
    if stored is None or stored[1] == "removed":
        return False
    if not row.valid:
        return stored[1] == "failed"
    want = expected_hash(row)
    if want is None:  # a url without a hash: done once a download was attempted
        return stored[0] is not None
    return stored[0] == want


@dataclass
class Plan:
    """What one catalog-sensor tick asks for."""

    new_partitions: list[str] = field(default_factory=list)
    run_requests: list[dg.RunRequest] = field(default_factory=list)
    cursor: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _attempt_state(instance: dg.DagsterInstance | None, key: str | None) -> str:
    """'none' (no run yet: not launched so far), 'running', or 'finished'."""
    if instance is None or key is None:
        return "none"
    runs = instance.get_runs(filters=dg.RunsFilter(tags={REQUEST_TAG: key}), limit=5)
    if not runs:
        return "none"
    if any(r.status in IN_FLIGHT for r in runs):
        return "running"
    return "finished"


def _decide(instance, previous: dict | None, version: str) -> tuple[bool, int, str]:
    """Request when the version is new, or when its last run finished without effect."""
    if previous is None or previous.get("version") != version:
        return True, 1, "new"
    attempt = int(previous.get("attempt", 1))
    state = _attempt_state(instance, previous.get("key"))
    if state == "finished" and attempt < MAX_ATTEMPTS:
        return True, attempt + 1, "retry"
    return False, attempt, state


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def plan_catalog(
    parsed: Catalog,
    state: WarehouseState,
    partitions: set[str],
    cursor: dict,
    instance: dg.DagsterInstance | None = None,
) -> Plan:
    """Decide the catalog sensor's requests; pure apart from reading run statuses.

    Run keys carry a tick sequence number from the cursor: unique over time (a document that
    returns to an earlier file is processed again), yet the same if a tick is retried.
    """
    seq = int(cursor.get("seq", 0)) + 1
    plan = Plan(cursor={"seq": seq - 1, "catalog": cursor.get("catalog"), "documents": {}})
    doc_ids = [r.doc_id for r in parsed.rows]
    plan.new_partitions = [d for d in doc_ids if d not in partitions]
    rows, issues, signature = catalog_signature(parsed)
    in_catalog = set(doc_ids)
    unmarked = sorted(
        d
        for d, (_, status) in state.documents.items()
        if d not in in_catalog and status != "removed"
    )
    if rows != state.catalog or issues != state.issues or unmarked:
        # Document runs must wait: the documents asset reads the warehouse's catalog table.
        plan.cursor["documents"] = dict(cursor.get("documents", {}))
        version = f"{signature}|{_short(','.join(unmarked))}"
        request, attempt, why = _decide(instance, cursor.get("catalog"), version)
        if not request:
            plan.notes.append(
                f"catalog run ended {attempt} times without updating the warehouse: fix the "
                "catalog (see the failed catalog_job run)"
                if why == "finished"
                else f"waiting for the catalog run ({why})"
            )
            return plan
        key = f"catalog:{signature}:{seq}"
        plan.run_requests.append(
            dg.RunRequest(
                run_key=key,
                job_name="catalog_job",
                tags={REQUEST_TAG: key, "vlrlink/reason": "catalog changed"},
            )
        )
        plan.cursor["catalog"] = {"version": version, "attempt": attempt, "key": key}
        plan.notes.append(
            f"catalog changed ({len(unmarked)} removed documents to mark): catalog_job"
            + (f" (attempt {attempt})" if attempt > 1 else "")
        )
    else:
        for row in parsed.rows:
            previous = cursor.get("documents", {}).get(row.doc_id)
            if is_current(row, state.documents):
                if previous is not None:
                    plan.cursor["documents"][row.doc_id] = previous
                continue
            version = document_version(row)
            request, attempt, why = _decide(instance, previous, version)
            if not request:
                plan.cursor["documents"][row.doc_id] = previous
                plan.notes.append(
                    f"{row.doc_id}: gave up after {attempt} runs"
                    if why == "finished"
                    else f"{row.doc_id}: waiting for its run ({why})"
                )
                continue
            stored = state.documents.get(row.doc_id)
            reason = (
                "new" if stored is None else ("re-added" if stored[1] == "removed" else "changed")
            )
            key = f"doc:{row.doc_id}:{_short(version)}:{seq}"
            plan.cursor["documents"][row.doc_id] = {
                "version": version,
                "attempt": attempt,
                "key": key,
            }
            plan.run_requests.append(
                dg.RunRequest(
                    run_key=key,
                    job_name="documents_job",
                    partition_key=row.doc_id,
                    tags={REQUEST_TAG: key, "vlrlink/reason": reason},
                )
            )
            plan.notes.append(
                f"{row.doc_id}: {reason}" + (f" (attempt {attempt})" if attempt > 1 else "")
            )
    if plan.run_requests:
        plan.cursor["seq"] = seq
    return plan


def load_cursor(raw: str | None) -> dict:
    try:
        value = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def evaluate_catalog_sensor(
    context: dg.SensorEvaluationContext,
    catalog: CatalogResource,
    warehouse: WarehouseResource,
    automation: AutomationResource,
):
    catalog_path = Path(catalog.path)
    if catalog_path.resolve() == DEFAULT_CATALOG.resolve():
        # Never write drops into the bundled sample corpus: the drop folder needs a catalog of
        # the team's own (VLRLINK_CATALOG).
        inbox = InboxOutcome()
        if any(Path(automation.inbox).glob("*.pdf")):
            context.log.warning(
                "drop folder ignored: the catalog is the bundled sample; set VLRLINK_CATALOG"
            )
    else:
        inbox = register_inbox(
            Path(automation.inbox), catalog_path, settle_seconds=automation.settle_seconds
        )
    for doc_id in inbox.registered:
        context.log.info(f"drop folder: registered {doc_id} in {catalog_path}")
    for name, reason in inbox.rejected:
        context.log.warning(f"drop folder: rejected {name}: {reason}")
    try:
        parsed = read_catalog(catalog_path)
    except CatalogError as exc:
        return dg.SkipReason(f"catalog unreadable: {exc}")
    try:
        state = read_state(Path(warehouse.path))
    except (wh.WarehouseLockedError, duckdb.ConnectionException) as exc:
        return dg.SkipReason(f"warehouse busy, trying again next tick: {exc}")
    partitions = set(context.instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
    plan = plan_catalog(parsed, state, partitions, load_cursor(context.cursor), context.instance)
    for note in plan.notes:
        context.log.info(note)
    if not plan.run_requests and not plan.new_partitions:
        return dg.SensorResult(
            skip_reason="; ".join(plan.notes) or "catalog and warehouse agree",
            cursor=json.dumps(plan.cursor, sort_keys=True),
        )
    return dg.SensorResult(
        run_requests=plan.run_requests,
        dynamic_partitions_requests=[
            dg.AddDynamicPartitionsRequest(DOCUMENTS_PARTITION, plan.new_partitions)
        ]
        if plan.new_partitions
        else None,
        cursor=json.dumps(plan.cursor, sort_keys=True),
    )


# ---------------------------------------------------------------- refresh sensor


def plan_refresh(
    instance: dg.DagsterInstance, cursor: str | None, *, quiet_seconds: float, now: float
) -> tuple[dg.RunRequest | None, str | None, str]:
    """A refresh_job request once ingest runs succeeded since the last refresh and none is
    in flight; returns (request, new cursor, note). The cursor is the newest ingest run's
    storage id already answered by a refresh."""
    for job in INGEST_JOBS:
        if instance.get_run_records(dg.RunsFilter(job_name=job, statuses=IN_FLIGHT), limit=1):
            return None, cursor, f"waiting: {job} runs are queued or running"
    latest = []
    for job in INGEST_JOBS:
        latest += instance.get_run_records(
            dg.RunsFilter(job_name=job, statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1
        )
    if not latest:
        return None, cursor, "no successful ingest run yet"
    newest = max(latest, key=lambda r: r.storage_id)
    if cursor is not None and newest.storage_id <= int(cursor):
        return None, cursor, "nothing ingested since the last refresh"
    if newest.end_time is not None and now - newest.end_time < quiet_seconds:
        return None, cursor, f"waiting {quiet_seconds:.0f}s after the last ingest run"
    run_id = newest.dagster_run.run_id
    request = dg.RunRequest(
        run_key=f"refresh-after-{run_id}",
        job_name="refresh_job",
        tags={REQUEST_TAG: f"refresh:{run_id}", "vlrlink/reason": f"after run {run_id[:8]}"},
    )
    return request, str(newest.storage_id), f"refresh after {newest.dagster_run.job_name} {run_id}"


# ---------------------------------------------------------------- provenance


def run_counts(con) -> dict[str, int]:
    """The counts a `runs` row records: documents by status and the main tables' rows."""
    counts = dict(
        con.execute(
            "SELECT d.status, count(*) FROM documents d JOIN catalog c USING (doc_id) GROUP BY ALL"
        ).fetchall()
    )
    row = con.execute(
        """
        WITH ok AS (SELECT doc_id FROM documents WHERE status = 'ok')
        SELECT (SELECT count(*) FROM passages WHERE doc_id IN (FROM ok)),
               (SELECT count(DISTINCT passage_id) FROM passage_sdgs WHERE doc_id IN (FROM ok)),
               (SELECT count(*) FROM passage_sdgs WHERE doc_id IN (FROM ok)),
               (SELECT count(*) FROM passage_links),
               (SELECT count(*) FROM (SELECT DISTINCT vlr_doc_id, vnr_doc_id FROM sdg_pair_profile))
        """
    ).fetchone()
    names = ["passages", "tagged_passages", "tags", "links", "pairs"]
    return {**dict(zip(names, row, strict=True)), **counts}


def record_runs(
    instance: dg.DagsterInstance,
    records: list,
    *,
    warehouse_path: Path,
    catalog_path: Path,
    model_name: str,
    wait_s: float = WAREHOUSE_WAIT_S,
) -> list[str]:
    """Insert a `runs` row for each finished run that has none; returns the run ids written."""
    from models.embeddings import model_fingerprint
    from models.provenance import code_version

    if not records:
        return []
    catalog_sha = (
        hashlib.sha256(catalog_path.read_bytes()).hexdigest() if catalog_path.is_file() else None
    )
    written = []
    version = code_version()
    model_hash = model_fingerprint(model_name)
    with wh.connect(warehouse_path, wait_s=wait_s) as con:
        counts = json.dumps(run_counts(con))
        for record in records:
            run = record.dagster_run
            if con.execute("SELECT 1 FROM runs WHERE run_id = ?", [run.run_id]).fetchone():
                continue
            con.execute(
                "INSERT INTO runs (run_id, started_at, ended_at, status, code_version, "
                "embedding_model, embedding_model_hash, catalog_path, catalog_sha256, counts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    run.run_id,
                    _utc(record.start_time),
                    _utc(record.end_time),
                    run.status.value.lower(),
                    version,
                    model_name,
                    model_hash,
                    str(catalog_path),
                    catalog_sha,
                    counts,
                ],
            )
            written.append(run.run_id)
    return written


def _utc(timestamp: float | None) -> dt.datetime | None:
    if timestamp is None:
        return None
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None)


def finished_runs(instance: dg.DagsterInstance, after: float | None, limit: int = 50) -> list:
    """Finished runs of this code location's jobs updated after `after` (oldest first)."""
    filters = dg.RunsFilter(
        statuses=FINISHED,
        updated_after=dt.datetime.fromtimestamp(after - 1, dt.UTC) if after else None,
    )
    records = instance.get_run_records(
        filters=filters, order_by="update_timestamp", ascending=True, limit=limit
    )
    return [
        r
        for r in records
        if r.dagster_run.job_name in RECORDED_JOBS
        or r.dagster_run.job_name.startswith("__ASSET_JOB")  # UI materializations
    ]


# ---------------------------------------------------------------- definitions


def build_sensors(catalog_job, documents_job, refresh_job) -> list[dg.SensorDefinition]:
    """The sensors, bound to the jobs defined in pipelines/definitions.py."""

    @dg.sensor(
        name="catalog_sensor",
        jobs=[catalog_job, documents_job],
        minimum_interval_seconds=60,
        default_status=default_status(),
        description="Registers PDFs from the drop folder, then requests a catalog_job run when "
        "the catalog changed and a documents_job run per new, changed or re-added document.",
    )
    def catalog_sensor(
        context: dg.SensorEvaluationContext,
        catalog: CatalogResource,
        warehouse: WarehouseResource,
        automation: AutomationResource,
    ):
        return evaluate_catalog_sensor(context, catalog, warehouse, automation)

    @dg.sensor(
        name="refresh_sensor",
        job=refresh_job,
        minimum_interval_seconds=60,
        default_status=default_status(),
        description="Requests one refresh_job run (links, metrics, exports) after ingest runs "
        "succeeded, once none is queued or running.",
    )
    def refresh_sensor(context: dg.SensorEvaluationContext, automation: AutomationResource):
        request, cursor, note = plan_refresh(
            context.instance,
            context.cursor,
            quiet_seconds=automation.refresh_quiet_seconds,
            now=time.time(),
        )
        if request is None:
            return dg.SensorResult(skip_reason=note, cursor=cursor)
        context.log.info(note)
        return dg.SensorResult(run_requests=[request], cursor=cursor)

    @dg.sensor(
        name="run_provenance_sensor",
        minimum_interval_seconds=30,
        default_status=default_status(),
        description="Writes a `runs` row (code version, model hash, catalog hash, counts) for "
        "every finished run launched by a sensor, the schedule or the UI.",
    )
    def run_provenance_sensor(
        context: dg.SensorEvaluationContext,
        catalog: CatalogResource,
        warehouse: WarehouseResource,
        embedding_model: EmbeddingModelResource,
    ):
        after = float(context.cursor) if context.cursor else None
        records = finished_runs(context.instance, after)
        if not records:
            return dg.SkipReason("no finished runs to record")
        try:
            written = record_runs(
                context.instance,
                records,
                warehouse_path=Path(warehouse.path),
                catalog_path=Path(catalog.path),
                model_name=embedding_model.model_name,
            )
        except (wh.WarehouseLockedError, duckdb.ConnectionException) as exc:
            # The cursor stays put: these runs are recorded on a later tick.
            return dg.SkipReason(f"warehouse busy, trying again next tick: {exc}")
        newest = max(r.update_timestamp.timestamp() for r in records)
        context.update_cursor(str(newest))
        return dg.SkipReason(f"recorded {len(written)} run(s): {', '.join(written) or 'none new'}")

    return [catalog_sensor, refresh_sensor, run_provenance_sensor]
