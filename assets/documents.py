"""Per-document ingestion: status in `documents`, page text in `pages`."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import polars as pl

from assets.common import EXTRACTOR_VERSION, KINDS, partition_keys, report
from models.catalog import file_sha256_of
from models.documents import IngestResult, page_to_json
from models.parallel import ingest_many
from models.warehouse import delete_insert, read_frame, transaction
from pipelines.partitions import documents_partitions
from pipelines.resources import CatalogResource, WarehouseResource


class IngestConfig(dg.Config):
    """How many processes read PDFs at once; 0 means one per core (or $VLRLINK_WORKERS)."""

    workers: int = 0


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "documents",
            deps=["catalog"],
            kinds=KINDS | {"pdf"},
            group_name="ingest",
            code_version=EXTRACTOR_VERSION,
            description="One row per catalog document: metadata, content hash, page count and "
            "status (ok, failed, duplicate, removed) with a one-line error.",
        ),
        dg.AssetSpec(
            "pages",
            deps=["catalog"],
            kinds=KINDS,
            group_name="ingest",
            code_version=EXTRACTOR_VERSION,
            description="One row per page of an ok document: its text blocks in reading order, "
            "running headers, footers and page numbers removed.",
        ),
    ],
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb",
    can_subset=False,
)
def documents(
    context: dg.AssetExecutionContext,
    config: IngestConfig,
    catalog: CatalogResource,
    warehouse: WarehouseResource,
):
    with warehouse.session():
        metadata, n_documents, version = _ingest(context, config, catalog, warehouse)
    yield dg.MaterializeResult(asset_key="documents", metadata=metadata, data_version=version)
    yield dg.MaterializeResult(
        asset_key="pages", metadata={"documents": n_documents}, data_version=version
    )


def _ingest(
    context: dg.AssetExecutionContext,
    config: IngestConfig,
    catalog: CatalogResource,
    warehouse: WarehouseResource,
) -> tuple[dict, int, dg.DataVersion | None]:
    keys = partition_keys(context)
    counts = {"ok": 0, "failed": 0, "duplicate": 0, "removed": 0, "unchanged": 0}
    failures: dict[str, str] = {}
    plans: dict[str, _Plan] = {}
    for doc_id in keys:
        plan = _plan_one(doc_id, catalog, warehouse)
        if plan.status != "not_in_catalog":  # a partition of another catalog: not ours to touch
            plans[doc_id] = plan
    to_read = [(d, p.path) for d, p in plans.items() if p.status == "read" and p.path]
    results = ingest_many(to_read, workers=config.workers or None)
    for number, (doc_id, plan) in enumerate(plans.items(), start=1):
        if plan.status == "read":
            read_id, result = next(results)
            assert read_id == doc_id, (read_id, doc_id)
            _write_one(context, doc_id, plan, result, warehouse)
            status, error = result.status, result.error
        elif plan.status in ("failed", "duplicate"):
            _write_one(context, doc_id, plan, IngestResult(plan.status, plan.error), warehouse)
            status, error = plan.status, plan.error
        else:  # removed or unchanged: already settled while planning
            status, error = plan.status, plan.error
        counts[status] = counts.get(status, 0) + 1
        if error and status != "unchanged":
            failures[doc_id] = error
        detail = f" ({error})" if error else ""
        report(context, f"[{number}/{len(plans)}] {doc_id}: {status}{detail}")
    metadata = {
        **{f"n_{k}": v for k, v in counts.items()},
        "failures": dg.MetadataValue.json(failures),
    }
    return metadata, len(keys), _data_version(warehouse, keys)


def _data_version(warehouse: WarehouseResource, keys: list[str]) -> dg.DataVersion | None:
    """The file's content hash as the partition's data version (Dagster then marks downstream
    partitions stale only when the file changed); None for a multi-partition run."""
    if len(keys) != 1:
        return None
    with warehouse.connect() as con:
        row = con.execute("SELECT status, sha256 FROM documents WHERE doc_id = ?", keys).fetchone()
    return dg.DataVersion(f"{row[0]}:{row[1]}") if row else None


@dataclass
class _Plan:
    """What to do with one partition, decided from the warehouse before any PDF is read."""

    status: str  # read | failed | duplicate | removed | unchanged | not_in_catalog
    error: str | None = None
    row: dict | None = None
    path: Path | None = None
    sha256: str | None = None
    duplicate_of: str | None = None


def _plan_one(doc_id: str, catalog: CatalogResource, warehouse: WarehouseResource) -> _Plan:
    with warehouse.connect() as con:
        found = read_frame(con, "SELECT * FROM catalog WHERE doc_id = ?", [doc_id])
        previous = con.execute(
            "SELECT sha256, extractor_version, status FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchone()
        if found.is_empty() and previous is None:
            return _Plan("not_in_catalog")
        if found.is_empty():
            # Marked, not deleted: its rows stay for audit, downstream stages ignore it.
            con.execute(
                "UPDATE documents SET status = 'removed', error = 'no longer in the catalog' "
                "WHERE doc_id = ?",
                [doc_id],
            )
            return _Plan("removed", "no longer in the catalog")
        row = found.row(0, named=True)
        path, sha256, error = _locate(row, catalog)
        if error is not None:
            return _Plan("failed", error, row=row, sha256=sha256)
        earlier = None
        if sha256 is not None:
            earlier = con.execute(
                "SELECT doc_id FROM catalog WHERE valid AND file_sha256 = ? AND row_number < ? "
                "ORDER BY row_number LIMIT 1",
                [sha256, row["row_number"]],
            ).fetchone()
        if earlier:
            return _Plan(
                "duplicate",
                f"same content (sha256) as {earlier[0]}",
                row=row,
                sha256=sha256,
                duplicate_of=earlier[0],
            )
        if previous is not None and previous == (sha256, EXTRACTOR_VERSION, "ok"):
            return _Plan("unchanged")
        return _Plan("read", row=row, path=path, sha256=sha256)


def _write_one(
    context: dg.AssetExecutionContext,
    doc_id: str,
    plan: _Plan,
    result: IngestResult,
    warehouse: WarehouseResource,
) -> None:
    row = plan.row
    assert row is not None
    document = pl.DataFrame(
        [
            {
                "doc_id": doc_id,
                "review_type": row["review_type"],
                "country_iso3": row["country_iso3"],
                "locality": row["locality"],
                "year": row["year"],
                "language": row["language"],
                "title": row["title"],
                "file": row["file"],
                "sha256": plan.sha256,
                "n_pages": result.n_pages,
                "status": result.status,
                "error": result.error,
                "duplicate_of": plan.duplicate_of,
                "extractor_version": EXTRACTOR_VERSION,
                "n_bytes": result.n_bytes,
                "processed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "run_id": context.run.run_id,
            }
        ]
    )
    pages = pl.DataFrame(
        [
            {
                "doc_id": doc_id,
                "page": p.page,
                "n_blocks": len(p.blocks),
                "text": "\n".join(b.text for b in p.blocks),
                "blocks": page_to_json(p),
            }
            for p in result.pages
        ],
        schema={
            "doc_id": pl.String,
            "page": pl.Int32,
            "n_blocks": pl.Int32,
            "text": pl.String,
            "blocks": pl.String,
        },
    )
    with warehouse.connect() as con, transaction(con):
        # One transaction per document: a crash leaves the previous version whole.
        delete_insert(con, "documents", document, where="doc_id = ?", params=[doc_id])
        delete_insert(con, "pages", pages, where="doc_id = ?", params=[doc_id])


def _locate(row: dict, catalog: CatalogResource) -> tuple[Path | None, str | None, str | None]:
    """The local file for a catalog row, its content hash, or a one-line error."""
    if not row["valid"]:
        return None, None, f"invalid catalog row: {row['errors']}"
    if row["path"] and Path(row["path"]).is_file():
        return Path(row["path"]), row["file_sha256"] or file_sha256_of(Path(row["path"])), None
    if row["url"]:
        from models.download import DownloadError, cached_download

        try:
            result = cached_download(row["url"], Path(catalog.download_dir), row["sha256"])
        except DownloadError as exc:
            return None, None, f"download failed: {exc}"
        return Path(result.path), result.sha256, None
    return None, None, f"file not found: {row['file']}"
