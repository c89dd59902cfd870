"""Exports of the warehouse's metric tables: CSV, Parquet or JSON plus a Frictionless Data Package.

Researchers who do not use DuckDB get the metric tables as files, each described field by field
(types and meanings from :mod:`models.data_dictionary`) in a `datapackage.json`
(https://specs.frictionlessdata.io/tabular-data-package/), together with the provenance of the
numbers: code version, embedding model and its weights' hash, catalog and its hash, the runs
that wrote the rows, and the export time.

CSV files are *spreadsheet-safe*: a text cell that a spreadsheet would read as a formula
(starting with ``= + - @``, a tab or a carriage return) gets a leading apostrophe. Number
columns are never touched (-0.5 is a number, not a formula). The escaping is reversible:
a text cell that already starts with apostrophes followed by one of those characters gets one
more, and :func:`unescape_cell` / :func:`read_table` remove exactly one.

Dagster-free: the CLI (`vlrlink export`) and the `metric_exports` asset both call
:func:`export_tables`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from models import data_dictionary
from models.warehouse import read_frame

# The tables an export writes by default, in this order, when they exist in the warehouse.
# Adding a table to the export is one line here (and its entry in models/data_dictionary.py).
LOOKUP_TABLES: tuple[str, ...] = ("documents",)
METRIC_TABLES: tuple[str, ...] = ("alignment_metrics", "sdg_pair_profile", "passage_links")
ANALYTICS_TABLES: tuple[str, ...] = (
    "localization_mentions",
    "vnr_involvement",
    "indicator_values",
    "indicator_reuse",
    "sdg_gaps",
    "cycle_metrics",
    "country_momentum",
    "metric_evidence",
)
DEFAULT_TABLES: tuple[str, ...] = LOOKUP_TABLES + METRIC_TABLES + ANALYTICS_TABLES

FORMATS: dict[str, tuple[str, str]] = {
    # format -> (file extension, media type)
    "csv": ("csv", "text/csv"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
    "json": ("json", "application/json"),
}
PACKAGE_NAME = "vlrlink-metrics"

# A text cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = "=+-@\t\r"
_NEEDS_ESCAPE = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")


class ExportError(ValueError):
    """The export cannot be made as asked (unknown table or format); one line for the user."""


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    format: str
    tables: list[str]
    rows: dict[str, int]
    files: list[Path] = field(default_factory=list)
    descriptor: dict = field(default_factory=dict)


# ---------------------------------------------------------------- spreadsheet-safe cells


def escape_cell(value: str | None) -> str | None:
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe."""
    if value is None or not _NEEDS_ESCAPE.match(value):
        return value
    return "'" + value


def unescape_cell(value: str | None) -> str | None:
    """Undo :func:`escape_cell` (removes exactly one apostrophe it added)."""
    if value is None or not _ESCAPED.match(value):
        return value
    return value[1:]


def escape_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Escape every text column; numbers, booleans and dates are left as they are."""
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_NEEDS_ESCAPE.pattern))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )


def unescape_frame(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_ESCAPED.pattern))
        .then(pl.col(name).str.slice(1))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )


# ---------------------------------------------------------------- tables and types


def existing_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name"
        ).fetchall()
    ]


def resolve_tables(
    con: duckdb.DuckDBPyConnection, requested: Sequence[str] | None = None
) -> list[str]:
    """The tables to export: those asked for (each must exist), else the defaults present."""
    present = existing_tables(con)
    if not requested:
        return [t for t in DEFAULT_TABLES if t in present]
    unknown = [t for t in requested if t not in present]
    if unknown:
        raise ExportError(
            f"unknown table(s): {', '.join(unknown)}; available: {', '.join(present)}"
        )
    return list(dict.fromkeys(requested))


def frictionless_type(duckdb_type: str) -> str:
    """The Frictionless Table Schema type of a DuckDB column type."""
    t = duckdb_type.upper()
    if t.endswith("]") or t.startswith(("LIST", "ARRAY")):
        return "array"
    if t.startswith(("STRUCT", "MAP", "JSON")):
        return "object"
    if t in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"} or t.startswith(
        ("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT")
    ):
        return "integer"
    if t in {"DOUBLE", "FLOAT", "REAL"} or t.startswith("DECIMAL"):
        return "number"
    if t == "BOOLEAN":
        return "boolean"
    if t.startswith("TIMESTAMP"):
        return "datetime"
    if t == "DATE":
        return "date"
    if t.startswith("TIME"):
        return "time"
    return "string"


_POLARS_TYPES: dict[str, pl.DataType] = {
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "datetime": pl.Datetime("us"),
    "date": pl.Date(),
    "string": pl.String(),
}


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(column, DuckDB type) of a live table, in order."""
    return [
        (r[0], r[1])
        for r in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]


def table_schema(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    """Frictionless Table Schema of a warehouse table, with a description for every field."""
    columns = column_types(con, table)
    fields = [
        {
            "name": name,
            "type": frictionless_type(duckdb_type),
            "description": data_dictionary.describe(table, name),
        }
        for name, duckdb_type in columns
    ]
    schema: dict = {"fields": fields, "missingValues": [""]}
    key = [k for k in data_dictionary.primary_key(table) if k in {n for n, _ in columns}]
    if key:
        schema["primaryKey"] = key
    return schema


def read_warehouse_table(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    """A whole table in a stable row order, so that two exports of the same data are equal."""
    return read_frame(con, f'SELECT * FROM "{table}" ORDER BY ALL')  # noqa: S608 (checked name)


# ---------------------------------------------------------------- provenance


def file_sha256(path: str | os.PathLike) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def collect_provenance(
    con: duckdb.DuckDBPyConnection,
    tables: Sequence[str],
    *,
    code_version: str,
    warehouse_path: str | os.PathLike | None = None,
    embedding_model: str | None = None,
    embedding_model_hash: str | None = None,
    catalog_path: str | os.PathLike | None = None,
    catalog_sha256: str | None = None,
    exported_at: dt.datetime | None = None,
) -> dict:
    """Where the exported numbers come from.

    The source runs are those whose id appears in a `run_id` column of an exported table, with
    their row of the `runs` table where it exists (a run that is still going, like the one
    the `metric_exports` asset runs in, has none yet). Model and catalog default to the latest
    of those runs that has a row; explicit values win (the asset knows its own).
    """
    run_ids: set[str] = set()
    for table in tables:
        if "run_id" in {n for n, _ in column_types(con, table)}:
            run_ids |= {
                r[0]
                for r in con.execute(
                    f'SELECT DISTINCT run_id FROM "{table}" WHERE run_id IS NOT NULL'  # noqa: S608
                ).fetchall()
            }
    runs: list[dict] = []
    if "runs" in existing_tables(con):
        frame = read_frame(
            con,
            "SELECT * FROM runs WHERE run_id IN (SELECT unnest(?)) ORDER BY started_at",
            [sorted(run_ids)],
        )
        runs = [_jsonable_row(r) for r in frame.to_dicts()]
        if not runs:
            latest = read_frame(con, "SELECT * FROM runs ORDER BY started_at DESC LIMIT 1")
            runs = [_jsonable_row(r) for r in latest.to_dicts()]
    known = {r["run_id"] for r in runs}
    latest_run = runs[-1] if runs else {}
    catalog_path = catalog_path if catalog_path is not None else latest_run.get("catalog_path")
    if catalog_sha256 is None:
        catalog_sha256 = latest_run.get("catalog_sha256") or (
            file_sha256(catalog_path) if catalog_path else None
        )
    when = exported_at or dt.datetime.now(dt.UTC)
    return {
        "tool": "vlrlink",
        "code_version": code_version,
        "embedding_model": embedding_model or latest_run.get("embedding_model"),
        "embedding_model_hash": embedding_model_hash or latest_run.get("embedding_model_hash"),
        "catalog_path": str(catalog_path) if catalog_path is not None else None,
        "catalog_sha256": catalog_sha256,
        "warehouse": str(warehouse_path) if warehouse_path is not None else None,
        "exported_at": when.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "source_run_ids": sorted(run_ids | known),
        "source_runs": runs,
        "runs_not_recorded": sorted(run_ids - known),
    }


def _jsonable_row(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if isinstance(value, dt.datetime | dt.date):
            out[key] = value.isoformat()
        elif key == "counts" and isinstance(value, str):
            try:
                out[key] = json.loads(value)
            except ValueError:
                out[key] = value
        else:
            out[key] = value
    return out


# ---------------------------------------------------------------- writing


def _atomic_write(path: Path, write) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; exports are meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _nested_to_json(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists and structs as JSON text (CSV has no nested values; Frictionless reads it back)."""
    nested = [n for n, t in frame.schema.items() if isinstance(t, pl.List | pl.Array | pl.Struct)]
    if not nested:
        return frame
    return frame.with_columns(
        pl.Series(n, [None if v is None else json.dumps(v) for v in frame[n].to_list()])
        for n in nested
    )


def _json_value(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN / Infinity
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def write_table(frame: pl.DataFrame, path: Path, fmt: str) -> None:
    """One table in one format (atomically)."""
    if fmt == "csv":
        safe = escape_frame(_nested_to_json(frame))
        _atomic_write(
            path,
            lambda p: safe.write_csv(p, datetime_format="%Y-%m-%dT%H:%M:%S%.f"),
        )
    elif fmt == "parquet":
        _atomic_write(path, lambda p: frame.write_parquet(p, compression="zstd"))
    elif fmt == "json":
        rows = [{k: _json_value(v) for k, v in row.items()} for row in frame.iter_rows(named=True)]
        _atomic_write(
            path,
            lambda p: p.write_text(
                json.dumps(rows, ensure_ascii=False, allow_nan=False, indent=1) + "\n",
                encoding="utf-8",
            ),
        )
    else:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_tables(
    con: duckdb.DuckDBPyConnection,
    out_dir: str | os.PathLike,
    *,
    fmt: str,
    provenance: dict,
    tables: Sequence[str] | None = None,
) -> ExportResult:
    """Write the tables, `datapackage.json` and `provenance.json` into `out_dir`.

    `provenance` comes from :func:`collect_provenance`. Files of the same names are replaced;
    other files in the folder are left alone.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    names = resolve_tables(con, tables)
    if not names:
        raise ExportError("nothing to export: the warehouse has none of the metric tables")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    extension, mediatype = FORMATS[fmt]
    resources, files, rows, digests = [], [], {}, {}
    for table in names:
        frame = read_warehouse_table(con, table)
        path = out / f"{table}.{extension}"
        write_table(frame, path, fmt)
        files.append(path)
        rows[table] = frame.height
        resource = {
            "name": table,
            "description": data_dictionary.table_description(table),
            "path": path.name,
            "profile": "tabular-data-resource",
            "format": fmt,
            "mediatype": mediatype,
            "schema": table_schema(con, table),
        }
        digests[path.name] = {"bytes": path.stat().st_size, "sha256": file_sha256(path)}
        if fmt in ("csv", "json"):
            resource["encoding"] = "utf-8"
        if fmt == "csv":
            # Frictionless checks size and hash only where it reads the bytes itself (CSV);
            # provenance.json lists them for every format.
            resource["bytes"] = digests[path.name]["bytes"]
            resource["hash"] = f"sha256:{digests[path.name]['sha256']}"
            resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "header": True}
        resources.append(resource)
    descriptor = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "vlrlink: VLR-VNR linkage metrics",
        "description": "Metric tables of the vlrlink warehouse: how Voluntary Local Reviews "
        "(VLRs) of the SDGs link to their country's Voluntary National Reviews (VNRs), with "
        "the passages behind each number. Field meanings: docs/warehouse.md."
        + (
            " Text cells that a spreadsheet would read as a formula (starting with = + - @, "
            "tab or carriage return) carry a leading apostrophe; remove one to get the value."
            if fmt == "csv"
            else ""
        ),
        "created": provenance.get("exported_at"),
        "version": provenance.get("code_version"),
        "resources": resources,
        "provenance": provenance,
    }
    package_path = out / "datapackage.json"
    provenance_path = out / "provenance.json"
    _atomic_write(package_path, lambda p: p.write_text(_dump(descriptor), encoding="utf-8"))
    record = {**provenance, "tables": rows, "files": digests}
    _atomic_write(provenance_path, lambda p: p.write_text(_dump(record), encoding="utf-8"))
    return ExportResult(
        out_dir=out,
        format=fmt,
        tables=names,
        rows=rows,
        files=[*files, package_path, provenance_path],
        descriptor=descriptor,
    )


def _dump(value: dict) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"


# ---------------------------------------------------------------- reading back


def read_table(out_dir: str | os.PathLike, table: str) -> pl.DataFrame:
    """Read one exported table back with the types its `datapackage.json` declares.

    CSV cells are unescaped; integers come back as Int64 and numbers as Float64.
    """
    out = Path(out_dir)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resource = next((r for r in descriptor["resources"] if r["name"] == table), None)
    if resource is None:
        raise ExportError(f"{table} is not in {out / 'datapackage.json'}")
    fields = resource["schema"]["fields"]
    path = out / resource["path"]
    if resource["format"] == "parquet":
        return pl.read_parquet(path)
    if resource["format"] == "csv":
        schema = {f["name"]: _POLARS_TYPES.get(f["type"], pl.String()) for f in fields}
        return unescape_frame(pl.read_csv(path, schema=schema))
    rows = json.loads(path.read_text(encoding="utf-8"))
    overrides = {
        f["name"]: pl.String() if f["type"] in ("datetime", "date") else _POLARS_TYPES[f["type"]]
        for f in fields
        if f["type"] in _POLARS_TYPES
    }
    frame = pl.DataFrame(rows, schema=[f["name"] for f in fields], schema_overrides=overrides)
    return frame.with_columns(
        pl.col(f["name"]).str.to_datetime(time_unit="us")
        if f["type"] == "datetime"
        else pl.col(f["name"]).str.to_date()
        for f in fields
        if f["type"] in ("datetime", "date")
    )
