"""Charts of the country brief and the analysis notebook (matplotlib, no display needed).

Every function takes polars frames and returns a matplotlib Figure; the brief embeds them as
PNG (:func:`figure_to_png`), the notebook shows them inline, so both draw the same picture.

The world map needs country shapes offline: they come from the SVG world map that the
`pygal_maps_world` package ships (LGPL, country paths keyed by ISO 3166-1 alpha-2), parsed
here into matplotlib paths. Without that package :func:`momentum_map` returns None and the
brief shows the ranked bar chart alone.
"""

from __future__ import annotations

import io
import re
import sys
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # CLI and assets draw to files only; a notebook keeps its backend

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import polars as pl  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap, Normalize, to_rgb  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402

# The official SDG colours (UN Department of Global Communications SDG guidelines).
SDG_COLORS: dict[int, str] = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}

# Status of an SDG for a (VLR, VNR) pair -> colour and legend label.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "aligned": ("#2E7D32", "aligned: both reviews cover the SDG"),
    "local_only": ("#F29F05", "local only: the VLR covers it, the VNR does not"),
    "national_only": ("#5B8DEF", "national only: the VNR covers it, the VLR does not"),
    "absent": ("#E6E6E6", "absent: neither review covers it"),
}
MOMENTUM_CMAP = LinearSegmentedColormap.from_list(
    "momentum", ["#F3E9D2", "#9BC1BC", "#2E6F95", "#1B2F5B"]
)
NO_DATA = "#E9ECEF"
INK = "#222222"

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    }
)


def figure_to_png(fig: Figure, dpi: int = 130) -> bytes:
    """PNG bytes of a figure; closes it (the brief draws many and keeps none)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buffer.getvalue()


def sdg_labels(goals: pl.DataFrame, width: int = 22) -> dict[int, str]:
    """'6 Clean water and sanitation' per goal, wrapped to `width` characters."""
    return {
        int(g): textwrap.fill(f"{g} {t}", width)
        for g, t in goals.select("goal", "short_title_en").iter_rows()
    }


def _tint(color: str, amount: float) -> tuple[float, float, float]:
    """The colour mixed with white (amount 0 = colour, 1 = white)."""
    r, g, b = to_rgb(color)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


# ---------------------------------------------------------------- salience


def salience_chart(
    profile: pl.DataFrame,
    goals: pl.DataFrame,
    vnr_labels: dict[str, str],
) -> Figure:
    """Paired horizontal bars per SDG: mean salience of the country's VLRs against each VNR.

    `profile` is sdg_pair_profile of one country; `vnr_labels` maps vnr_doc_id to a panel
    title ("VNR 2024"). One panel per VNR, SDGs top to bottom, in official colours: the VNR's
    bar solid, the VLRs' mean light with a hatch, so the pair reads in colour and in grey.
    """
    vnrs = sorted(profile["vnr_doc_id"].unique().to_list(), key=lambda d: vnr_labels.get(d, d))
    vlr_side = (
        profile.select("vlr_doc_id", "sdg", "vlr_salience")
        .unique()
        .group_by("sdg")
        .agg(pl.col("vlr_salience").mean(), n=pl.col("vlr_doc_id").n_unique())
    )
    n_vlrs = int(vlr_side["n"].max() or 0)
    vlr_by_sdg = dict(vlr_side.select("sdg", "vlr_salience").iter_rows())
    labels = sdg_labels(goals, width=26)
    sdgs = list(range(1, 18))
    y = np.arange(len(sdgs))
    height = 0.38
    fig, axes = plt.subplots(
        1, max(len(vnrs), 1), figsize=(4.0 * max(len(vnrs), 1) + 1.8, 7.6), sharey=True
    )
    axes = np.atleast_1d(axes)
    top = max(float(profile["vnr_salience"].max() or 0), max(vlr_by_sdg.values(), default=0), 0.05)
    for ax, vnr in zip(axes, vnrs, strict=False):
        vnr_by_sdg = dict(
            profile.filter(pl.col("vnr_doc_id") == vnr)
            .select("sdg", "vnr_salience")
            .unique()
            .iter_rows()
        )
        colors = [SDG_COLORS[s] for s in sdgs]
        ax.barh(
            y - height / 2,
            [vlr_by_sdg.get(s, 0.0) for s in sdgs],
            height=height,
            color=[_tint(c, 0.55) for c in colors],
            edgecolor=colors,
            hatch="////",
            linewidth=0.8,
        )
        ax.barh(
            y + height / 2,
            [vnr_by_sdg.get(s, 0.0) for s in sdgs],
            height=height,
            color=colors,
            edgecolor=colors,
        )
        ax.set_title(f"VLRs (mean of {n_vlrs}) vs {vnr_labels.get(vnr, vnr)}", loc="left")
        ax.set_xlim(0, top * 1.1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xlabel("share of the review's SDG-tagged passages")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    axes[0].set_yticks(y, [labels[s] for s in sdgs], fontsize=8.5)
    axes[0].invert_yaxis()  # SDG 1 at the top
    fig.legend(
        handles=[
            Patch(facecolor="#cccccc", edgecolor="#555555", hatch="////", label="VLRs (mean)"),
            Patch(facecolor="#555555", label="VNR"),
        ],
        loc="upper right",
        ncol=2,
        frameon=False,
        bbox_to_anchor=(1.0, 1.02),
    )
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- heat map


def status_heatmap(profile: pl.DataFrame, pair_labels: dict[tuple[str, str], str]) -> Figure:
    """Pairs x 17 SDGs, each cell coloured by status; the number is the pair's links there.

    `pair_labels` maps (vlr_doc_id, vnr_doc_id) to a row label; rows follow its order.
    """
    pairs = list(pair_labels)
    codes = list(STATUS_STYLE)
    grid = np.full((len(pairs), 17), codes.index("absent"))
    links = np.zeros((len(pairs), 17), dtype=int)
    index = {p: i for i, p in enumerate(pairs)}
    for vlr, vnr, sdg, status, n_links in profile.select(
        "vlr_doc_id", "vnr_doc_id", "sdg", "status", "n_links"
    ).iter_rows():
        i = index.get((vlr, vnr))
        if i is not None:
            grid[i, sdg - 1] = codes.index(status) if status in codes else codes.index("absent")
            links[i, sdg - 1] = n_links or 0
    from matplotlib.colors import ListedColormap

    cmap = ListedColormap([STATUS_STYLE[c][0] for c in codes])
    fig, ax = plt.subplots(figsize=(8.2, 0.5 * len(pairs) + 2.0))
    ax.imshow(grid, cmap=cmap, vmin=-0.5, vmax=len(codes) - 0.5, aspect="auto")
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(17), [str(s) for s in range(1, 18)], fontsize=9, fontweight="bold")
    for tick, sdg in zip(ax.xaxis.get_major_ticks(), range(1, 18), strict=True):
        # SDG numbers on their official colours, as on the SDG icons.
        tick.label2.set_color("white")
        tick.label2.set_bbox({"facecolor": SDG_COLORS[sdg], "edgecolor": "none", "pad": 2.5})
    ax.set_yticks(np.arange(len(pairs)), [pair_labels[p] for p in pairs], fontsize=9)
    ax.set_xticks(np.arange(-0.5, 17, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(pairs), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for i in range(len(pairs)):
        for j in range(17):
            if links[i, j]:
                dark = codes[grid[i, j]] in ("aligned", "national_only")
                ax.text(
                    j,
                    i,
                    str(links[i, j]),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dark else INK,
                )
    ax.legend(
        handles=[Patch(facecolor=STATUS_STYLE[c][0], label=STATUS_STYLE[c][1]) for c in codes],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=2,
        frameon=False,
        fontsize=8.5,
    )
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- indicators


def indicator_chart(reuse: pl.DataFrame, max_rows: int = 14) -> Figure | None:
    """Local against national figure of each reused indicator (same unit only), one row each.

    `reuse` is indicator_reuse of one country with a `label` column (e.g. "11.1.1 Port Tembo
    2023 vs VNR 2024"). None when no pair has two comparable figures.
    """
    rows = reuse.filter(
        pl.col("same_unit")
        & pl.col("local_value").is_not_null()
        & pl.col("national_value").is_not_null()
    )
    if rows.is_empty():
        return None
    rows = rows.sort("sdg", "indicator", "label").head(max_rows)
    fig, ax = plt.subplots(figsize=(8.2, 0.4 * rows.height + 1.3))
    y = np.arange(rows.height)
    for i, row in enumerate(rows.iter_rows(named=True)):
        color = SDG_COLORS.get(int(row["sdg"] or 0), "#555555")
        ax.plot([row["local_value"], row["national_value"]], [i, i], color="#bbbbbb", zorder=1)
        ax.scatter(row["national_value"], i, s=60, color=color, zorder=2, marker="s")
        ax.scatter(row["local_value"], i, s=60, facecolor="white", edgecolor=color, zorder=3, lw=2)
        unit = row["local_unit"] or ""
        ax.annotate(
            f"{row['local_value']:g} vs {row['national_value']:g} {unit}".strip(),
            (max(row["local_value"], row["national_value"]), i),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#444444",
        )
    ax.set_yticks(y, rows["label"].to_list(), fontsize=8.5)
    ax.invert_yaxis()
    ax.margins(x=0.25)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_xlabel("reported value (unit as reported)")
    ax.legend(
        handles=[
            plt.Line2D([], [], marker="o", ls="", mfc="white", mec="#555555", mew=2, label="VLR"),
            plt.Line2D([], [], marker="s", ls="", color="#555555", label="VNR"),
        ],
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),  # above the plot: inside it would hide a row
        ncol=2,
        frameon=False,
    )
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- momentum


def momentum_bars(
    momentum: pl.DataFrame, highlight: str | None = None, names: dict[str, str] | None = None
) -> Figure:
    """Countries ranked by the localization momentum index (0-100), highlighted one in bold.

    `names` maps ISO3 codes to display names (the code is shown without it).
    """
    frame = momentum.sort("momentum_index", descending=True, nulls_last=True)
    codes = frame["country_iso3"].to_list()
    labels = [(names or {}).get(c, c) for c in codes]
    shown = labels[codes.index(highlight)] if highlight in codes else None
    values = frame["momentum_index"].fill_null(0).to_list()
    norm = Normalize(0, 100)
    fig, ax = plt.subplots(figsize=(6, 0.42 * len(labels) + 1.2))
    bars = ax.barh(labels, values, color=[MOMENTUM_CMAP(norm(v)) for v in values])
    for bar, name, value in zip(bars, labels, values, strict=True):
        ax.text(value + 1, bar.get_y() + bar.get_height() / 2, f"{value:.1f}", va="center")
        if name == shown:
            bar.set_edgecolor(INK)
            bar.set_linewidth(2)
    for label in ax.get_yticklabels():
        if label.get_text() == shown:
            label.set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("localization momentum index (0-100)")
    fig.tight_layout()
    return fig


def momentum_map(momentum: pl.DataFrame, highlight: str | None = None) -> Figure | None:
    """World map of the momentum index; None when no country shapes are installed."""
    shapes = world_shapes()
    if not shapes:
        return None
    import pycountry

    values: dict[str, float] = {}
    for iso3, value in momentum.select("country_iso3", "momentum_index").iter_rows():
        country = pycountry.countries.get(alpha_3=iso3 or "")
        if country is not None and value is not None:
            values[country.alpha_2.lower()] = float(value)
    norm = Normalize(0, 100)
    fig, ax = plt.subplots(figsize=(8.2, 4.3))
    highlight2 = None
    if highlight:
        found = pycountry.countries.get(alpha_3=highlight)
        highlight2 = found.alpha_2.lower() if found else None
    # One collection per layer: add_patch() per country recomputes the data limits of every
    # Bezier curve and takes seconds; the limits here are fixed anyway.
    empty = [path for code, path in shapes.items() if code not in values]
    ax.add_collection(
        PathCollection(empty, facecolors=NO_DATA, edgecolors="white", linewidths=0.25)
    )
    reviewed = [code for code in shapes if code in values]
    ax.add_collection(
        PathCollection(
            [shapes[c] for c in reviewed],
            facecolors=[MOMENTUM_CMAP(norm(values[c])) for c in reviewed],
            edgecolors="#555555",
            linewidths=0.5,
        )
    )
    if highlight2 in shapes:
        ax.add_collection(
            PathCollection(
                [shapes[highlight2]], facecolors="none", edgecolors="#D62828", linewidths=1.8
            )
        )
    ax.set_xlim(0, 2475)
    ax.set_ylim(1130, 20)  # SVG y grows downwards; Antarctica is left out
    ax.set_aspect("equal")
    ax.axis("off")
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=MOMENTUM_CMAP)
    bar = fig.colorbar(mappable, ax=ax, orientation="horizontal", fraction=0.04, pad=0.02)
    bar.set_label("localization momentum index (0-100); grey: no reviews in the corpus")
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- country shapes

_PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def parse_svg_path(d: str) -> MplPath:
    """A matplotlib Path from SVG path data (M L H V C S Q T Z, absolute and relative)."""
    tokens = _PATH_TOKEN.findall(d)
    verts: list[tuple[float, float]] = []
    codes: list[int] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl: tuple[float, float] | None = None
    command = ""
    i = 0

    def nums(n: int) -> list[float]:
        nonlocal i
        out = [float(t) for t in tokens[i : i + n]]
        i += n
        return out

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                if verts:
                    verts.append(start)
                    codes.append(MplPath.CLOSEPOLY)
                x, y = start
                continue
        rel = command.islower()
        c = command.upper()
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if c == "M":
            px, py = nums(2)
            x, y = ox + px, oy + py
            start = (x, y)
            verts.append((x, y))
            codes.append(MplPath.MOVETO)
            command = "l" if rel else "L"  # later pairs are line-tos
            last_ctrl = None
        elif c == "L":
            px, py = nums(2)
            x, y = ox + px, oy + py
            verts.append((x, y))
            codes.append(MplPath.LINETO)
            last_ctrl = None
        elif c == "H":
            (px,) = nums(1)
            x = (x if rel else 0.0) + px
            verts.append((x, y))
            codes.append(MplPath.LINETO)
            last_ctrl = None
        elif c == "V":
            (py,) = nums(1)
            y = (y if rel else 0.0) + py
            verts.append((x, y))
            codes.append(MplPath.LINETO)
            last_ctrl = None
        elif c in "CS":
            if c == "C":
                x1, y1, x2, y2, px, py = nums(6)
                c1 = (ox + x1, oy + y1)
            else:
                x2, y2, px, py = nums(4)
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
            c2 = (ox + x2, oy + y2)
            x, y = ox + px, oy + py
            verts += [c1, c2, (x, y)]
            codes += [MplPath.CURVE4] * 3
            last_ctrl = c2
        elif c in "QT":
            if c == "Q":
                x1, y1, px, py = nums(4)
                c1 = (ox + x1, oy + y1)
            else:
                px, py = nums(2)
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
            x, y = ox + px, oy + py
            verts += [c1, (x, y)]
            codes += [MplPath.CURVE3] * 2
            last_ctrl = c1
        else:  # an unsupported command (A): skip its numbers rather than misread them
            i += 1
    if not verts:
        return MplPath(np.zeros((0, 2)))
    return MplPath(np.asarray(verts), codes)


def _worldmap_svg() -> Path | None:
    try:
        import pygal_maps_world
    except ImportError:
        return None
    path = Path(pygal_maps_world.__file__).parent / "worldmap.svg"
    return path if path.is_file() else None


@cache
def world_shapes() -> dict[str, MplPath]:
    """Country outlines keyed by lower-case ISO alpha-2, in the map's SVG coordinates.

    Empty when the pygal_maps_world package (which ships the shapes) is not installed.
    """
    svg = _worldmap_svg()
    if svg is None:
        return {}
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    shapes: dict[str, MplPath] = {}
    for group in ET.parse(svg).getroot().iter(f"{ns}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes or not classes:
            continue
        code = classes[0]
        if code == "aq":
            continue  # Antarctica: a third of the map and never a reviewer
        paths = [parse_svg_path(p.get("d", "")) for p in group.iter(f"{ns}path")]
        paths = [p for p in paths if len(p.vertices)]
        if paths:
            shapes[code] = MplPath.make_compound_path(*paths)
    return shapes


def available_map_codes() -> Sequence[str]:
    return sorted(world_shapes())
