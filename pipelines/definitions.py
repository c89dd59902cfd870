"""The Dagster code location: assets, checks, jobs and resources of vlrlink.

`dagster dev` (see README) loads this module; the `vlrlink` CLI runs the same definitions
in-process.
"""

import dagster as dg

import assets.analysis
import assets.checks
import assets.localization
from assets.analysis import country_momentum, cycle_metrics, metric_evidence, sdg_gaps
from assets.catalog import catalog
from assets.documents import documents
from assets.exports import metric_exports
from assets.links import passage_links
from assets.localization import (
    indicator_reuse,
    indicator_values,
    localization_mentions,
    vnr_involvement,
)
from assets.metrics import alignment_metrics, sdg_pair_profile
from assets.passages import passages
from assets.tags import passage_embeddings, passage_sdgs
from pipelines.partitions import documents_partitions
from pipelines.resources import build_resources
from pipelines.schedules import build_schedules
from pipelines.sensors import build_automation, build_sensors

PER_DOCUMENT_ASSETS = [documents, passages, passage_sdgs, passage_embeddings]
CROSS_DOCUMENT_ASSETS = [passage_links, sdg_pair_profile, alignment_metrics]
# Issue 5 analytics: per-document extraction that skips unchanged documents, then rollups.
CROSS_DOCUMENT_ASSETS += [localization_mentions, vnr_involvement, indicator_values]
CROSS_DOCUMENT_ASSETS += [indicator_reuse, sdg_gaps, cycle_metrics, country_momentum]
CROSS_DOCUMENT_ASSETS += [metric_evidence]
CROSS_DOCUMENT_ASSETS += [metric_exports]  # files of the tables above (data/exports/)
ALL_ASSETS = [catalog, *PER_DOCUMENT_ASSETS, *CROSS_DOCUMENT_ASSETS]
ALL_CHECKS = dg.load_asset_checks_from_modules(
    [assets.checks, assets.localization, assets.analysis]
)

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


def build_definitions(*, inbox=None, **resource_overrides) -> dg.Definitions:
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[catalog_job, documents_job, refresh_job],
        sensors=build_sensors(catalog_job, documents_job, refresh_job),
        schedules=build_schedules(refresh_job),
        resources={**build_resources(**resource_overrides), "automation": build_automation(inbox)},
        # One process per run, steps in order: steps take turns on the single DuckDB writer
        # anyway (pool "duckdb"), and a process per step would reload the models each time.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
