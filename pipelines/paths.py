"""Default locations, importable without Dagster (the CLI's --help and reports stay fast)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CATALOG = PROJECT_ROOT / "data" / "sample" / "catalog.csv"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse" / "vlrlink.duckdb"
DEFAULT_DOWNLOADS = PROJECT_ROOT / "data" / "downloads"
