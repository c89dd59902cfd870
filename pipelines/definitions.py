"""The Dagster code location: assets, checks, jobs and resources of vlrlink.

`dagster dev` (see README) loads this module; the `vlrlink` CLI runs the same definitions
in-process.
"""

import dagster as dg

import assets.checks
from assets.catalog import catalog
from assets.documents import documents
from assets.links import passage_links
from assets.metrics import alignment_metrics, sdg_pair_profile
from assets.passages import passages
from assets.tags import passage_embeddings, passage_sdgs
from pipelines.partitions import documents_partitions
from pipelines.resources import build_resources

PER_DOCUMENT_ASSETS = [documents, passages, passage_sdgs, passage_embeddings]
CROSS_DOCUMENT_ASSETS = [passage_links, sdg_pair_profile, alignment_metrics]
ALL_ASSETS = [catalog, *PER_DOCUMENT_ASSETS, *CROSS_DOCUMENT_ASSETS]
ALL_CHECKS = dg.load_asset_checks_from_modules([assets.checks])

catalog_job = dg.define_asset_job(
    "catalog_job",
    selection=dg.AssetSelection.assets(catalog),
    description="Validate the catalog and add a partition for each new document.",
)
documents_job = dg.define_asset_job(
    "documents_job",
    selection=dg.AssetSelection.assets(*PER_DOCUMENT_ASSETS),
    partitions_def=documents_partitions,
    description="Extract, tag and embed the selected documents (one partition per doc_id).",
)
refresh_job = dg.define_asset_job(
    "refresh_job",
    selection=dg.AssetSelection.assets(*CROSS_DOCUMENT_ASSETS),
    description="Recompute links and metrics across documents (only changed countries relink).",
)


def build_definitions(**resource_overrides) -> dg.Definitions:
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[catalog_job, documents_job, refresh_job],
        resources=build_resources(**resource_overrides),
    )


defs = build_definitions()
