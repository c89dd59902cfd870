"""The DuckDB warehouse: the table contract researchers write SQL against, and safe writes.

DuckDB allows one writing process per file. Every write here goes through `connect()`, which
waits for the file lock instead of failing, and through `replace_rows()`, which deletes a key's
old rows and inserts the new ones in one transaction, so a rerun never duplicates and a crash
never leaves half of a document behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb
import polars as pl

EMBEDDING_DIM = 384

# Contract v1 tables first; extra columns are appended at the end of a contract table only.
SCHEMA: dict[str, str] = {
    "catalog": """
        row_number INTEGER, doc_id VARCHAR, review_type VARCHAR, country_iso3 VARCHAR,
        locality VARCHAR, year INTEGER, language VARCHAR, title VARCHAR, file VARCHAR,
        url VARCHAR, sha256 VARCHAR, path VARCHAR, file_sha256 VARCHAR, valid BOOLEAN,
        errors VARCHAR, catalog_path VARCHAR
    """,
    "catalog_issues": """
        row_number INTEGER, doc_id VARCHAR, field VARCHAR, message VARCHAR,
        catalog_path VARCHAR
    """,
    "documents": """
        doc_id VARCHAR PRIMARY KEY, review_type VARCHAR, country_iso3 VARCHAR, locality VARCHAR,
        year INTEGER, language VARCHAR, title VARCHAR, file VARCHAR, sha256 VARCHAR,
        n_pages INTEGER, status VARCHAR, error VARCHAR,
        duplicate_of VARCHAR, extractor_version VARCHAR, n_bytes BIGINT,
        processed_at TIMESTAMP, run_id VARCHAR
    """,
    "pages": """
        doc_id VARCHAR, page INTEGER, n_blocks INTEGER, text VARCHAR, blocks VARCHAR,
        PRIMARY KEY (doc_id, page)
    """,
    "passages": """
        passage_id VARCHAR PRIMARY KEY, doc_id VARCHAR, page INTEGER, ordinal INTEGER,
        section VARCHAR, text VARCHAR, kind VARCHAR, text_hash VARCHAR, n_words INTEGER
    """,
    "passage_sdgs": """
        passage_id VARCHAR, sdg INTEGER, target VARCHAR, score DOUBLE, method VARCHAR,
        evidence VARCHAR, doc_id VARCHAR, tagger_version VARCHAR
    """,
    "embedding_cache": f"""
        model VARCHAR, text_hash VARCHAR, embedding FLOAT[{EMBEDDING_DIM}],
        PRIMARY KEY (model, text_hash)
    """,
    "passage_links": """
        vlr_passage_id VARCHAR, vnr_passage_id VARCHAR, country_iso3 VARCHAR, sdg INTEGER,
        target VARCHAR, similarity DOUBLE, rank INTEGER, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR,
        run_id VARCHAR
    """,
    "link_fingerprints": """
        country_iso3 VARCHAR PRIMARY KEY, fingerprint VARCHAR, computed_at TIMESTAMP,
        run_id VARCHAR
    """,
    "sdg_pair_profile": """
        country_iso3 VARCHAR, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR, sdg INTEGER,
        vlr_salience DOUBLE, vnr_salience DOUBLE, vlr_tier VARCHAR, vnr_tier VARCHAR,
        n_links INTEGER, status VARCHAR, vlr_passages INTEGER, vnr_passages INTEGER,
        mean_similarity DOUBLE, run_id VARCHAR
    """,
    "alignment_metrics": """
        country_iso3 VARCHAR, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR, metric VARCHAR,
        value DOUBLE, run_id VARCHAR
    """,
    "stage_state": """
        doc_id VARCHAR, stage VARCHAR, fingerprint VARCHAR, updated_at TIMESTAMP, run_id VARCHAR,
        PRIMARY KEY (doc_id, stage)
    """,
    "runs": """
        run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, ended_at TIMESTAMP, status VARCHAR,
        code_version VARCHAR, embedding_model VARCHAR, embedding_model_hash VARCHAR,
        catalog_path VARCHAR, catalog_sha256 VARCHAR, counts VARCHAR
    """,
    # Analytics tables (issue 5; docs/warehouse.md, docs/metrics.md).
    "localization_mentions": """
        doc_id VARCHAR, passage_id VARCHAR, page INTEGER, kind VARCHAR, locality VARCHAR,
        resolved_vlr_doc_id VARCHAR, matched_terms VARCHAR, score DOUBLE, quote VARCHAR,
        country_iso3 VARCHAR
    """,
    "vnr_involvement": """
        doc_id VARCHAR, country_iso3 VARCHAR, year INTEGER, level VARCHAR, reason VARCHAR,
        n_vlr_reference INTEGER, n_lrg_consultation INTEGER, n_lrg_implementation INTEGER,
        n_local_data INTEGER, n_passages INTEGER, n_mention_passages INTEGER,
        n_vlrs_referenced INTEGER, level_score DOUBLE, run_id VARCHAR
    """,
    "indicator_values": """
        doc_id VARCHAR, passage_id VARCHAR, page INTEGER, indicator VARCHAR, value DOUBLE,
        unit VARCHAR, year INTEGER, matched_text VARCHAR, sdg INTEGER, target VARCHAR,
        method VARCHAR, score DOUBLE, source VARCHAR
    """,
    "indicator_reuse": """
        country_iso3 VARCHAR, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR, indicator VARCHAR,
        sdg INTEGER, target VARCHAR, local_value DOUBLE, local_unit VARCHAR, local_year INTEGER,
        national_value DOUBLE, national_unit VARCHAR, national_year INTEGER, same_unit BOOLEAN,
        same_year BOOLEAN, difference DOUBLE, local_passage_id VARCHAR, local_page INTEGER,
        national_passage_id VARCHAR, national_page INTEGER, local_method VARCHAR,
        national_method VARCHAR, local_passages VARCHAR, national_passages VARCHAR,
        vlr_year INTEGER, vnr_year INTEGER, run_id VARCHAR
    """,
    "sdg_gaps": """
        country_iso3 VARCHAR, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR, level VARCHAR,
        sdg INTEGER, code VARCHAR, gap_type VARCHAR, vlr_passages INTEGER, vnr_passages INTEGER,
        vlr_indicators INTEGER, vnr_indicators INTEGER, run_id VARCHAR
    """,
    "cycle_metrics": """
        country_iso3 VARCHAR, vnr_doc_id VARCHAR, vnr_year INTEGER, row_type VARCHAR,
        metric VARCHAR, value DOUBLE, previous_vnr_doc_id VARCHAR, previous_vnr_year INTEGER,
        previous_value DOUBLE, prior_vlr_doc_ids VARCHAR, run_id VARCHAR
    """,
    "country_momentum": """
        country_iso3 VARCHAR, n_vlrs INTEGER, n_vnrs INTEGER, latest_vlr_year INTEGER,
        latest_vnr_doc_id VARCHAR, latest_vnr_year INTEGER, reference_year INTEGER,
        recency_score DOUBLE, vlr_count_score DOUBLE, integration_rate DOUBLE,
        integration_score DOUBLE, mentions_per_vnr DOUBLE, mention_share DOUBLE,
        mentions_score DOUBLE, n_reused_indicators INTEGER, n_vlr_indicators INTEGER,
        indicator_reuse_rate DOUBLE, indicator_reuse_score DOUBLE, involvement_level VARCHAR,
        involvement_score DOUBLE, momentum_index DOUBLE, rank INTEGER, run_id VARCHAR
    """,
    "metric_evidence": """
        metric_table VARCHAR, country_iso3 VARCHAR, vlr_doc_id VARCHAR, vnr_doc_id VARCHAR,
        sdg INTEGER, metric VARCHAR, doc_id VARCHAR, passage_id VARCHAR, page INTEGER,
        quote VARCHAR, similarity DOUBLE, code VARCHAR, score DOUBLE, citation VARCHAR,
        run_id VARCHAR
    """,
}

CONTRACT_TABLES = (
    "documents",
    "passages",
    "passage_sdgs",
    "passage_links",
    "sdg_pair_profile",
    "alignment_metrics",
)


class WarehouseLockedError(RuntimeError):
    """Another process held the warehouse's write lock for longer than we were willing to wait."""


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


# DuckDB's file lock only separates processes: connections of one process share one database
# instance, so two threads would interleave their transactions (write-write conflicts, rows
# inserted twice by two delete+insert swaps). One lock per file and process makes threads take
# turns the way processes do; re-entrant, so a thread may nest connections.
_THREAD_LOCKS: dict[str, threading.RLock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def _thread_lock(path: Path) -> threading.RLock:
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(str(path.resolve()), threading.RLock())


# Opening a DuckDB file is slow next to the per-document work (a database instance is created,
# the schema checked, and on close the WAL may be checkpointed: tens to hundreds of milliseconds),
# and a run over hundreds of documents connects thousands of times. A session keeps one
# connection open for a stretch of work; connect() then hands out cheap cursors on it.
_SESSIONS: dict[str, duckdb.DuckDBPyConnection] = {}


@contextmanager
def session(path: str | Path, *, wait_s: float = 600.0) -> Iterator[None]:
    """Keep the warehouse open while the block runs (one process, many short connects).

    While a session is open this process holds DuckDB's file lock, so other processes wait for
    it to end: use it around a run's work, not around idle time. Nested sessions are free.
    """
    key = str(Path(path).resolve())
    lock = _thread_lock(Path(path))
    if not lock.acquire(timeout=wait_s):
        raise WarehouseLockedError(f"warehouse {path} is in use by another thread")
    stack = ExitStack()
    try:
        owner = key not in _SESSIONS
        if owner:  # opened under the thread lock: two threads must not both create the schema
            _SESSIONS[key] = stack.enter_context(
                _connect_locked(Path(path), read_only=False, wait_s=wait_s)
            )
    finally:
        lock.release()
    try:
        yield
    finally:
        if owner:
            # Another thread may be using a cursor of this anchor: wait for it to finish.
            with lock:
                _SESSIONS.pop(key, None)
                stack.close()


@contextmanager
def connect(
    path: str | Path, *, read_only: bool = False, wait_s: float = 600.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting for another writer to finish rather than failing at once."""
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"warehouse not found: {path} (run `vlrlink run` first)")
    lock = _thread_lock(path)
    if not lock.acquire(timeout=wait_s):
        raise WarehouseLockedError(f"warehouse {path} is in use by another thread")
    try:
        anchor = _SESSIONS.get(str(path.resolve()))
        if anchor is not None:
            cursor = anchor.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        else:
            with _connect_locked(path, read_only=read_only, wait_s=wait_s) as con:
                yield con
    finally:
        lock.release()


@contextmanager
def _connect_locked(
    path: Path, *, read_only: bool, wait_s: float
) -> Iterator[duckdb.DuckDBPyConnection]:
    path.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no data/warehouse/
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                if _is_lock_error(exc):
                    raise WarehouseLockedError(
                        f"warehouse {path} is locked by another process: {exc}"
                    ) from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables; adding a column to SCHEMA later adds it to old warehouses too.

    One catalog query in the common case (everything present), not two per table.
    """
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_catalog = current_database()"
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    for table, columns in SCHEMA.items():
        if table not in existing:
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
            continue
        for definition in _column_definitions(columns):
            name = definition.split()[0]
            if name not in existing[table] and name.upper() != "PRIMARY":
                con.execute(f"ALTER TABLE {table} ADD COLUMN {definition}")


def _column_definitions(columns: str) -> list[str]:
    """Split a column list on top-level commas (PRIMARY KEY (a, b) holds commas of its own)."""
    parts, depth, current = [], 0, []
    for char in columns:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return [" ".join(p.split()) for p in parts if p]


def table_columns(table: str) -> list[str]:
    """Column names of a warehouse table, in order, from the schema (not from a live file)."""
    return [
        d.split()[0]
        for d in _column_definitions(SCHEMA[table])
        if not d.upper().startswith("PRIMARY")
    ]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All statements inside commit together or not at all (a crash leaves the old rows)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def delete_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pl.DataFrame,
    *,
    where: str | None = None,
    params: Sequence[object] = (),
) -> int:
    """Delete the rows matching a parameterized `where` (all rows if None), insert `frame`.

    Call inside `transaction()` so the swap is atomic. The frame's columns are matched by
    name, so it may leave out optional columns (they become NULL).
    """
    columns = table_columns(table)  # raises KeyError for a table outside the contract
    unknown = set(frame.columns) - set(columns)
    if unknown:
        raise ValueError(f"{table}: unknown columns {sorted(unknown)}")
    if where is None:
        con.execute(f"DELETE FROM {table}")  # noqa: S608 (table from SCHEMA)
    else:
        con.execute(f"DELETE FROM {table} WHERE {where}", list(params))  # noqa: S608
    if frame.height:
        con.register("_incoming", frame.to_arrow())
        try:
            names = ", ".join(frame.columns)
            con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _incoming")  # noqa: S608
        finally:
            con.unregister("_incoming")
    return frame.height


def replace_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pl.DataFrame,
    *,
    where: str | None = None,
    params: Sequence[object] = (),
) -> int:
    """`delete_insert` in a transaction of its own: a rerun replaces, never duplicates."""
    with transaction(con):
        return delete_insert(con, table, frame, where=where, params=params)


def read_frame(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()
) -> pl.DataFrame:
    """Run a parameterized query and return a polars frame.

    `con.sql(...).pl()` works across DuckDB versions; `execute(...).pl()` does not.
    """
    return con.sql(sql, params=list(params) or None).pl()
