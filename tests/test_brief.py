"""Country brief: renders for every sample country, self-contained, cited, escaped."""

from __future__ import annotations

import base64
import re

import duckdb
import numpy as np
import polars as pl
import pytest

from models import brief, charts
from pipelines.cli import main

IMG = re.compile(r'<img class="chart" alt="([^"]*)" src="data:image/png;base64,([^"]+)">')


def _countries(sample_run) -> list[str]:
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        return brief.available_countries(con)


@pytest.fixture(scope="module")
def briefs(sample_run, tmp_path_factory) -> dict[str, str]:
    """The brief of every sample country, written through the CLI."""
    out = tmp_path_factory.mktemp("briefs")
    pages = {}
    for country in _countries(sample_run):
        path = out / f"brief_{country}.html"
        warehouse = str(sample_run["warehouse"])
        code = main(["brief", country.lower(), "--out", str(path), "--warehouse", warehouse])
        assert code == 0, country
        pages[country] = path.read_text(encoding="utf-8")
    return pages


def test_every_sample_country_has_a_brief_with_its_charts(briefs):
    assert len(briefs) >= 2
    for country, page in briefs.items():
        images = IMG.findall(page)
        alts = [alt for alt, _ in images]
        assert any("salience" in a for a in alts), country
        assert any("gap" in a.lower() for a in alts), country
        assert any("momentum" in a for a in alts), country
        for _, data in images:
            assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(images) >= 4, (country, alts)


def test_briefs_are_self_contained(briefs):
    for page in briefs.values():
        assert "<script" not in page.lower()
        assert "<link" not in page.lower()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
        assert "@import" not in page and "url(" not in page


def test_linked_passages_cite_pages_that_match_the_warehouse(briefs, sample_run):
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        for country, page in briefs.items():
            data = brief.load_brief_data(con, country)
            top = brief.select_top_links(data.links)
            if top.is_empty():
                continue
            labels = brief.doc_labels(data.documents)
            first = top.row(0, named=True)
            local = brief.citation(labels[first["vlr_doc_id"]], first["vlr_page"])
            national = brief.citation(labels[first["vnr_doc_id"]], first["vnr_page"])
            assert re.fullmatch(r".+ VLR \d{4}, p\. \d+", local)
            assert re.fullmatch(r"VNR \d{4}, p\. \d+", national)
            cites = re.findall(r"<cite>([^<]+)</cite>", page)
            assert cites[:2] == [brief.e(local), brief.e(national)], country
            assert all(re.search(r", p\. \d+$", c) for c in cites), country
            # the page is where the passage really is
            found = con.execute(
                "SELECT page FROM passages WHERE passage_id = ?", [first["vlr_passage_id"]]
            ).fetchall()[0][0]
            assert local.endswith(f"p. {found}")


def test_kenya_brief_shows_mentions_indicators_and_momentum(briefs):
    page = briefs.get("KEN")
    if page is None:
        pytest.skip("KEN is not in the sample corpus")
    for section in ('id="headline"', 'id="links"', 'id="gaps"', 'id="salience"'):
        assert section in page
    assert 'id="mentions"' in page and "VNR 2024, p." in page
    assert 'id="indicators"' in page and "Local value" in page
    assert 'id="momentum"' in page and "Momentum index" in page


def test_unknown_country_exits_2_with_the_available_ones(sample_run, tmp_path, capsys):
    out = tmp_path / "x.html"
    code = main(["brief", "XYZ", "--out", str(out), "--warehouse", str(sample_run["warehouse"])])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "available: " + ", ".join(_countries(sample_run)) in err
    assert not (tmp_path / "x.html").exists()


def test_text_from_pdfs_is_escaped(sample_run):
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        country = _countries(sample_run)[0]
        data = brief.load_brief_data(con, country)
    hostile = "<script>alert('x')</script> & <b>bold</b>"
    data.links = data.links.with_columns(vlr_text=pl.lit(hostile))
    data.documents = data.documents.with_columns(title=pl.lit("<img src=x onerror=alert(1)>"))
    page = brief.render_brief(data)
    assert "<script>" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in page
    assert "<img src=x" not in page


def test_brief_renders_without_the_analytics_tables(sample_run):
    with duckdb.connect(str(sample_run["warehouse"]), read_only=True) as con:
        data = brief.load_brief_data(con, _countries(sample_run)[0])
    for name in brief.OPTIONAL_TABLES:
        setattr(data, name, None)
    page = brief.render_brief(data)
    assert 'id="headline"' in page and 'id="links"' in page
    assert 'id="momentum"' not in page and 'id="mentions"' not in page
    assert len(IMG.findall(page)) == 2  # salience and heat map


def test_svg_path_parser_reads_relative_and_absolute_commands():
    path = charts.parse_svg_path("m10 10l5 0 0 5h-5v-5zM0 0L1 1c1 0 2 1 3 1s2 1 3 0")
    vertices = path.vertices
    assert tuple(vertices[0]) == (10, 10)
    assert tuple(vertices[1]) == (15, 10)
    assert tuple(vertices[2]) == (15, 15)
    assert tuple(vertices[3]) == (10, 15)
    assert tuple(vertices[4]) == (10, 10)
    assert tuple(vertices[-1]) == (7, 2)  # the smooth curve ends at (4,2) + (3,0)
    assert np.isfinite(vertices).all()


def test_world_map_has_the_sample_countries():
    pytest.importorskip("pygal_maps_world")
    shapes = charts.world_shapes()
    assert {"ke", "co", "sn"} <= set(shapes)
    momentum = pl.DataFrame({"country_iso3": ["KEN", "COL"], "momentum_index": [60.0, 40.0]})
    figure = charts.momentum_map(momentum, "KEN")
    assert figure is not None
    assert charts.figure_to_png(figure)[:4] == b"\x89PNG"
