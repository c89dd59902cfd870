"""notebooks/analysis.ipynb runs against the sample warehouse and draws its charts."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "analysis.ipynb"

# Cells (by tag) that must show a chart; the brief's charts are among them.
CHART_CELLS = ("chart-integration", "chart-salience", "chart-heatmap", "chart-momentum")
TABLE_CELLS = ("tables", "documents", "metrics", "links")


def _by_tag(nb) -> dict[str, nbformat.NotebookNode]:
    return {tag: cell for cell in nb.cells for tag in cell.get("metadata", {}).get("tags", [])}


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


@pytest.mark.slow
def test_notebook_executes_against_the_sample_warehouse(sample_run, monkeypatch):
    monkeypatch.setenv("VLRLINK_WAREHOUSE", str(sample_run["warehouse"]))
    monkeypatch.delenv("VLRLINK_COUNTRY", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
    cells = _by_tag(nb)
    for tag in CHART_CELLS:
        images = [o for o in cells[tag].outputs if "image/png" in o.get("data", {})]
        assert images, f"cell {tag} drew no chart"
    # With country_momentum present the momentum cell draws the map and the ranking.
    momentum = [o for o in cells["chart-momentum"].outputs if "image/png" in o.get("data", {})]
    assert len(momentum) >= 2
    for tag in TABLE_CELLS:
        tables = [o for o in cells[tag].outputs if "text/html" in o.get("data", {})]
        assert tables, f"cell {tag} showed no table"
    links = cells["links"].outputs[0]["data"]["text/plain"]
    assert ", p. " in links  # citations with page numbers
    setup = "".join(o.get("text", "") for o in cells["setup"].outputs)
    assert str(sample_run["warehouse"]) in setup
