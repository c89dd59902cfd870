"""Exports: files read back equal to the warehouse, a complete data dictionary, safe CSV."""

from __future__ import annotations

import csv
import json
import re

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from models import data_dictionary, export
from models.warehouse import SCHEMA, table_columns
from pipelines.cli import main

FRICTIONLESS_TYPES = {
    "string",
    "number",
    "integer",
    "boolean",
    "datetime",
    "date",
    "time",
    "array",
    "object",
}


def _export(sample_run, out, fmt: str) -> export.ExportResult:
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        tables = export.resolve_tables(con)
        provenance = export.collect_provenance(
            con, tables, code_version="test-version", warehouse_path=sample_run["warehouse"]
        )
        return export.export_tables(con, out, fmt=fmt, provenance=provenance)


@pytest.mark.parametrize("fmt", sorted(export.FORMATS))
def test_export_reads_back_equal_to_the_warehouse(sample_run, tmp_path, fmt):
    result = _export(sample_run, tmp_path, fmt)
    assert set(export.METRIC_TABLES) <= set(result.tables)
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        present = set(export.existing_tables(con))
        # Every analytics table the warehouse has is exported (none is silently dropped).
        assert {t for t in export.ANALYTICS_TABLES if t in present} <= set(result.tables)
        for table in result.tables:
            expected = export.read_warehouse_table(con, table)
            back = export.read_table(tmp_path, table)
            assert back.columns == expected.columns, table
            # CSV and JSON carry Frictionless types (integer -> Int64), Parquet the exact ones.
            assert_frame_equal(back, expected, check_dtypes=fmt == "parquet")
            assert result.rows[table] == expected.height
    assert result.rows["passage_links"] > 0
    assert result.rows["alignment_metrics"] > 0


def test_datapackage_describes_every_field(sample_run, tmp_path):
    result = _export(sample_run, tmp_path, "csv")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["profile"] == "tabular-data-package"
    assert [r["name"] for r in descriptor["resources"]] == result.tables
    for resource in descriptor["resources"]:
        assert (tmp_path / resource["path"]).is_file()
        assert resource["format"] == "csv" and resource["mediatype"] == "text/csv"
        assert resource["profile"] == "tabular-data-resource"
        header = next(csv.reader((tmp_path / resource["path"]).open(encoding="utf-8")))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        for f in fields:
            assert f["type"] in FRICTIONLESS_TYPES, (resource["name"], f)
            assert f["description"] and f["description"] != data_dictionary.UNDOCUMENTED, (
                resource["name"],
                f["name"],
            )
        for key in resource["schema"].get("primaryKey", []):
            assert key in header
    types = {
        (r["name"], f["name"]): f["type"]
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
    }
    assert types[("passage_links", "similarity")] == "number"
    assert types[("passage_links", "rank")] == "integer"
    assert types[("documents", "processed_at")] == "datetime"
    keys = {r["name"]: r["schema"].get("primaryKey") for r in descriptor["resources"]}
    assert keys["sdg_pair_profile"] == ["vlr_doc_id", "vnr_doc_id", "sdg"]


def test_provenance_names_code_model_catalog_and_runs(sample_run, tmp_path):
    _export(sample_run, tmp_path, "parquet")
    provenance = json.loads((tmp_path / "provenance.json").read_text())
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["provenance"]["code_version"] == "test-version"
    assert provenance["code_version"] == "test-version"
    assert provenance["embedding_model"]
    assert re.fullmatch(r"[0-9a-f]{64}", provenance["embedding_model_hash"])
    assert re.fullmatch(r"[0-9a-f]{64}", provenance["catalog_sha256"])
    assert provenance["catalog_path"].endswith("catalog.csv")
    assert sample_run["summary"].run_id in provenance["source_run_ids"]
    recorded = {r["run_id"]: r for r in provenance["source_runs"]}
    assert recorded[sample_run["summary"].run_id]["status"] == "success"
    assert provenance["exported_at"].endswith("Z")
    for name, digest in provenance["files"].items():
        assert export.file_sha256(tmp_path / name) == digest["sha256"]


def test_frictionless_validates_the_packages(sample_run, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    for fmt in ("csv", "json"):
        _export(sample_run, tmp_path / fmt, fmt)
        report = frictionless.validate(str(tmp_path / fmt / "datapackage.json"))
        errors = [(t.name, e.message) for t in report.tasks for e in t.errors][:5]
        assert report.valid, (fmt, errors, [e.message for e in report.errors])
    # Frictionless reads Parquet through pandas (NULL integers become NaN), so only the
    # descriptor is validated here; the data is compared above.
    _export(sample_run, tmp_path / "parquet", "parquet")
    descriptor = json.loads((tmp_path / "parquet" / "datapackage.json").read_text())
    assert frictionless.Package.validate_descriptor(descriptor).valid


def test_the_metric_exports_asset_wrote_beside_the_test_warehouse(sample_run):
    # A scratch warehouse's exports go beside it, never into the project's data/exports/.
    root = sample_run["warehouse"].parent / "exports"
    for fmt in ("csv", "parquet"):
        descriptor = json.loads((root / fmt / "datapackage.json").read_text())
        names = {r["name"] for r in descriptor["resources"]}
        assert set(export.METRIC_TABLES) <= names
        provenance = descriptor["provenance"]
        assert sample_run["summary"].run_id in provenance["source_run_ids"]
        assert re.fullmatch(r"[0-9a-f]{64}", provenance["embedding_model_hash"])


# ---------------------------------------------------------------- spreadsheet safety


def test_escape_cell_prefixes_formulas_and_is_reversible():
    cases = {
        '=HYPERLINK("http://x")': '\'=HYPERLINK("http://x")',
        "+1": "'+1",
        "-2": "'-2",
        "@SUM(A1)": "'@SUM(A1)",
        "\tx": "'\tx",
        "\rx": "'\rx",
        "'=already quoted": "''=already quoted",
        "it's fine": "it's fine",
        "a=b": "a=b",
        "": "",
        None: None,
    }
    for raw, escaped in cases.items():
        assert export.escape_cell(raw) == escaped
        assert export.unescape_cell(export.escape_cell(raw)) == raw


def test_csv_escapes_text_cells_but_keeps_numbers_numeric(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE alignment_metrics (metric VARCHAR, value DOUBLE, n INTEGER)")
        rows = [
            ("=1+1", -0.5, -3),
            ("-cmd", 2.0, 4),
            ("@A1", None, None),
            ("+x", -1e-9, 0),
            ("plain", 1.25, 1),
            ("'@kept", 0.0, 2),
        ]
        con.executemany("INSERT INTO alignment_metrics VALUES (?, ?, ?)", rows)
        expected = export.read_warehouse_table(con, "alignment_metrics")
        result = export.export_tables(
            con, tmp_path / "out", fmt="csv", provenance={"code_version": "t"}
        )
    assert result.tables == ["alignment_metrics"]
    with (tmp_path / "out" / "alignment_metrics.csv").open(encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    by_value = {float(r["value"]) if r["value"] else None: r for r in raw}
    assert by_value[-0.5]["metric"] == "'=1+1"  # the formula is neutralised ...
    assert by_value[-0.5]["n"] == "-3"  # ... the negative numbers are not
    assert by_value[-1e-9]["metric"] == "'+x"
    assert by_value[2.0]["metric"] == "'-cmd"
    assert {r["metric"] for r in raw} >= {"'@A1", "plain", "''@kept"}
    for row in raw:
        assert row["metric"][0] not in "=+-@\t\r"
        if row["value"]:
            float(row["value"])  # numeric cells stay plain numbers
    back = export.read_table(tmp_path / "out", "alignment_metrics")
    assert_frame_equal(back, expected, check_dtypes=False)


# ---------------------------------------------------------------- dictionary and CLI


def test_every_warehouse_column_is_in_the_data_dictionary():
    missing = [
        f"{table}.{column}"
        for table in SCHEMA
        for column in table_columns(table)
        if data_dictionary.describe(table, column) == data_dictionary.UNDOCUMENTED
    ]
    assert not missing, f"add to models/data_dictionary.py: {missing}"
    stale = [
        f"{table}.{column}"
        for table, doc in data_dictionary.TABLES.items()
        if table in SCHEMA
        for column in doc.fields
        if column not in table_columns(table)
    ]
    assert not stale, f"no longer in the warehouse: {stale}"
    for table in export.DEFAULT_TABLES:
        assert table in data_dictionary.TABLES, table


def test_frictionless_type_mapping():
    assert export.frictionless_type("VARCHAR") == "string"
    assert export.frictionless_type("INTEGER") == "integer"
    assert export.frictionless_type("BIGINT") == "integer"
    assert export.frictionless_type("DOUBLE") == "number"
    assert export.frictionless_type("DECIMAL(18,3)") == "number"
    assert export.frictionless_type("BOOLEAN") == "boolean"
    assert export.frictionless_type("TIMESTAMP") == "datetime"
    assert export.frictionless_type("DATE") == "date"
    assert export.frictionless_type("FLOAT[384]") == "array"


def test_cli_export_and_its_exit_codes(sample_run, tmp_path, capsys):
    warehouse = str(sample_run["warehouse"])
    code = main(
        ["export", "--format", "json", "--out", str(tmp_path), "--warehouse", warehouse]
        + ["--tables", "alignment_metrics", "passage_links"]
    )
    assert code == 0
    assert "2 tables written" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "alignment_metrics.json",
        "datapackage.json",
        "passage_links.json",
        "provenance.json",
    ]
    rows = json.loads((tmp_path / "alignment_metrics.json").read_text())
    assert pl.DataFrame(rows).height == sample_run_rows(warehouse, "alignment_metrics")
    assert main(["export", "--warehouse", warehouse, "--tables", "no_such_table"]) == 2
    assert "no_such_table" in capsys.readouterr().err
    assert main(["export", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2


def sample_run_rows(warehouse: str, table: str) -> int:
    with duckdb.connect(warehouse, read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]  # noqa: S608
