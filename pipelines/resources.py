"""Dagster resources: configuration for the warehouse, the catalog and the embedding model.

Defaults work on a fresh clone; environment variables (VLRLINK_WAREHOUSE, VLRLINK_CATALOG,
VLRLINK_EMBEDDING_MODEL) or CLI flags override them. The embedding model may be MiniLM (the
default) or the distilled static model `minilm-static` (see models/static_model.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb

from models import warehouse
from models.embeddings import DEFAULT_MODEL, Embedder, link_threshold
from pipelines.paths import (  # noqa: F401  (re-exported: older imports use resources)
    DEFAULT_CATALOG,
    DEFAULT_DOWNLOADS,
    DEFAULT_WAREHOUSE,
    PROJECT_ROOT,
)


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file; connections wait for the single-writer lock."""

    path: str = str(DEFAULT_WAREHOUSE)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.path, read_only=read_only) as con:
            yield con

    @contextmanager
    def session(self) -> Iterator[None]:
        """Keep the file open across a loop of short connects (see models.warehouse.session)."""
        with warehouse.session(self.path):
            yield


class CatalogResource(dg.ConfigurableResource):
    """The catalog CSV of review PDFs; file paths in it are relative to its folder."""

    path: str = str(DEFAULT_CATALOG)
    download_dir: str = str(DEFAULT_DOWNLOADS)


class EmbeddingModelResource(dg.ConfigurableResource):
    """The embedding model used for linking; loaded from local disk only.

    `model_name` is all-MiniLM-L6-v2 (sentence-transformers), minilm-static (the model2vec
    model `vlrlink model distill` writes, for collection-scale runs) or a local folder of
    either kind. It also keys the embedding cache, so two models' vectors never mix.
    """

    model_name: str = DEFAULT_MODEL
    batch_size: int = 64
    device: str = "cpu"
    # Two-stage linking: `model_name` proposes candidate pairs, this model re-scores only the
    # passages in a candidate pair and decides ("" = one stage).
    rescore_model: str = ""

    def get_embedder(self) -> Embedder:
        return Embedder(self.model_name, batch_size=self.batch_size, device=self.device)

    def get_rescorer(self) -> Embedder:
        return Embedder(self.rescore_model, batch_size=self.batch_size, device=self.device)

    def link_threshold(self) -> float:
        """The link threshold calibrated for this model."""
        return link_threshold(self.model_name)


def build_resources(
    *,
    warehouse_path: str | os.PathLike | None = None,
    catalog_path: str | os.PathLike | None = None,
    embedding_model: str | None = None,
    rescore_model: str | None = None,
) -> dict[str, dg.ConfigurableResource]:
    """Resources from explicit values, else environment variables, else the defaults."""
    return {
        "warehouse": WarehouseResource(
            path=str(warehouse_path or os.environ.get("VLRLINK_WAREHOUSE") or DEFAULT_WAREHOUSE)
        ),
        "catalog": CatalogResource(
            path=str(catalog_path or os.environ.get("VLRLINK_CATALOG") or DEFAULT_CATALOG),
            download_dir=str(os.environ.get("VLRLINK_DOWNLOADS") or DEFAULT_DOWNLOADS),
        ),
        "embedding_model": EmbeddingModelResource(
            model_name=embedding_model
            or os.environ.get("VLRLINK_EMBEDDING_MODEL")
            or DEFAULT_MODEL,
            rescore_model=rescore_model or os.environ.get("VLRLINK_RESCORE_MODEL") or "",
        ),
    }
