"""The metric tables as files: CSV / Parquet / JSON with a Frictionless data package."""

import os
from pathlib import Path

import dagster as dg

from assets.common import KINDS, report
from models.embeddings import model_fingerprint
from models.export import (
    ANALYTICS_TABLES,
    FORMATS,
    METRIC_TABLES,
    collect_provenance,
    file_sha256,
    resolve_tables,
)
from models.export import export_tables as write_export
from pipelines.resources import (
    DEFAULT_WAREHOUSE,
    PROJECT_ROOT,
    CatalogResource,
    EmbeddingModelResource,
    WarehouseResource,
)

DEFAULT_EXPORTS = PROJECT_ROOT / "data" / "exports"


class ExportConfig(dg.Config):
    out_dir: str = ""
    """Folder for the exports (one subfolder per format). Empty: $VLRLINK_EXPORTS, else
    data/exports/ for the default warehouse, else an exports/ folder beside the warehouse file
    (so a test or scratch warehouse never writes into the project's data/)."""
    formats: list[str] = ["csv", "parquet"]
    tables: list[str] = []
    """Tables to export; empty: the metric and analytics tables present in the warehouse."""


def export_dir(config: ExportConfig, warehouse_path: str) -> Path:
    if config.out_dir:
        return Path(config.out_dir)
    if os.environ.get("VLRLINK_EXPORTS"):
        return Path(os.environ["VLRLINK_EXPORTS"])
    if Path(warehouse_path).resolve() == DEFAULT_WAREHOUSE.resolve():
        return DEFAULT_EXPORTS
    return Path(warehouse_path).resolve().parent / "exports"


@dg.asset(
    # Every metric table it writes must be up to date first.
    deps=[*METRIC_TABLES, *ANALYTICS_TABLES],
    kinds=KINDS | {"csv", "parquet"},
    group_name="exports",
    pool="duckdb",
    description="The metric tables as files (CSV, Parquet or JSON; data/exports/<format>/ by "
    "default) with a Frictionless datapackage.json describing every field and a "
    "provenance.json (code version, embedding model and weights hash, catalog hash, runs).",
)
def metric_exports(
    context: dg.AssetExecutionContext,
    config: ExportConfig,
    warehouse: WarehouseResource,
    catalog: CatalogResource,
    embedding_model: EmbeddingModelResource,
) -> dg.MaterializeResult:
    from models.provenance import code_version

    unknown = sorted(set(config.formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown export formats {unknown}; use {sorted(FORMATS)}")
    root = export_dir(config, warehouse.path)
    model = embedding_model.model_name
    written: dict[str, dict[str, int]] = {}
    with warehouse.connect(read_only=True) as con:
        tables = resolve_tables(con, config.tables or None)
        provenance = collect_provenance(
            con,
            tables,
            code_version=code_version(),
            warehouse_path=warehouse.path,
            embedding_model=model,
            embedding_model_hash=model_fingerprint(model),
            catalog_path=catalog.path,
            catalog_sha256=file_sha256(catalog.path),
        )
        for fmt in config.formats:
            result = write_export(con, root / fmt, fmt=fmt, provenance=provenance, tables=tables)
            written[fmt] = result.rows
    report(context, f"exports: {len(tables)} tables as {', '.join(config.formats)} in {root}")
    return dg.MaterializeResult(
        metadata={
            "out_dir": dg.MetadataValue.path(str(root)),
            "formats": dg.MetadataValue.json(list(config.formats)),
            "rows": dg.MetadataValue.json(written[config.formats[0]] if written else {}),
            "code_version": provenance["code_version"],
            "catalog_sha256": provenance["catalog_sha256"] or "",
        }
    )
