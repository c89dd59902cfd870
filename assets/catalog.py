"""The catalog asset: validated catalog rows, and one dynamic partition per document."""

import dagster as dg
import polars as pl

from assets.common import CATALOG_VERSION, KINDS, report
from models.catalog import read_catalog
from models.warehouse import replace_rows
from pipelines.partitions import DOCUMENTS_PARTITION
from pipelines.resources import CatalogResource, WarehouseResource


@dg.asset(
    kinds=KINDS | {"csv"},
    group_name="ingest",
    description="One row per catalog document (unique doc_id) with its validation result; "
    "problems of every row are listed in catalog_issues.",
    pool="duckdb",
    code_version=CATALOG_VERSION,
)
def catalog(
    context: dg.AssetExecutionContext, catalog: CatalogResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    parsed = read_catalog(catalog.path)
    rows = parsed.to_frame()
    issues = parsed.issues_frame()
    with warehouse.connect() as con:
        # The warehouse mirrors one catalog at a time: replacing both tables whole is idempotent.
        replace_rows(con, "catalog", rows)
        replace_rows(con, "catalog_issues", issues)
        known = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        removed = sorted(known - set(rows["doc_id"].to_list()))
        if removed:
            con.execute(
                "UPDATE documents SET status = 'removed', error = 'no longer in the catalog' "
                "WHERE doc_id IN (SELECT unnest(?))",
                [removed],
            )
    existing = set(context.instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
    new_keys = [d for d in rows["doc_id"].to_list() if d not in existing]
    if new_keys:
        context.instance.add_dynamic_partitions(DOCUMENTS_PARTITION, new_keys)
    report(
        context,
        f"catalog: {rows.height} documents ({rows['valid'].sum()} valid), "
        f"{issues.height} issues, {len(new_keys)} new, {len(removed)} removed",
    )
    return dg.MaterializeResult(
        metadata={
            "catalog_path": dg.MetadataValue.path(str(parsed.path)),
            "catalog_sha256": parsed.sha256,
            "documents": rows.height,
            "valid": int(rows["valid"].sum()),
            "issues": issues.height,
            "new_partitions": len(new_keys),
            "removed": dg.MetadataValue.json(removed),
            "issues_preview": dg.MetadataValue.md(_markdown(issues.head(20))),
        }
    )


def _markdown(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return "_none_"
    header = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n"
    body = "\n".join(
        "| " + " | ".join("" if v is None else str(v) for v in row) + " |" for row in frame.rows()
    )
    return header + body
