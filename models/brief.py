"""The country brief: one self-contained HTML page a VNR drafter can read, forward and cite.

:func:`load_brief_data` reads what one country's brief needs from the warehouse into polars
frames (the analytics tables only when they exist: the list in ``OPTIONAL_TABLES``);
:func:`render_brief` is pure: frames in, an HTML string out, with the charts of
:mod:`models.charts` embedded as base64 PNG. No script, stylesheet, font or image is loaded
from anywhere, so the file opens offline and in a mail attachment. Every text that came from a
PDF is HTML-escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb
import polars as pl

from models import charts
from models.export import existing_tables
from models.reference import goals_frame
from models.warehouse import read_frame

TOP_LINKS = 10
TOP_LINKS_PER_PAIR = 3
TOP_MENTIONS = 12
QUOTE_CHARS = 320

# Analytics tables the brief uses when the warehouse has them: attribute -> table.
OPTIONAL_TABLES: dict[str, str] = {
    "mentions": "localization_mentions",
    "involvement": "vnr_involvement",
    "reuse": "indicator_reuse",
    "gaps": "sdg_gaps",
    "cycles": "cycle_metrics",
    "momentum": "country_momentum",
}
# Tables read for every country (momentum is ranked across countries).
_ALL_COUNTRIES = {"momentum"}

METRIC_EXPLANATIONS: dict[str, tuple[str, str]] = {
    # metric -> (column title, plain-language meaning)
    "integration_rate": (
        "Integration rate",
        "Share of the VLR's SDG passages that have a closely matching passage in the VNR.",
    ),
    "coverage_jaccard": (
        "SDG overlap",
        "SDGs both reviews cover, out of the SDGs either covers (1 = the same set).",
    ),
    "salience_cosine": (
        "Emphasis similarity",
        "How similar the two reviews' weighting of the 17 SDGs is (1 = same priorities).",
    ),
    "mean_alignment": (
        "Link strength",
        "Average text similarity of the matched passages (cosine, about 0.5-0.9 for links).",
    ),
    "n_links": ("Linked passages", "VLR passages with at least one matching VNR passage."),
}
MENTION_KINDS: dict[str, str] = {
    "vlr_reference": "names a Voluntary Local Review",
    "lrg_consultation": "local governments consulted on the VNR",
    "lrg_implementation": "local governments implementing the SDGs",
    "local_data": "local or disaggregated data",
}
MOMENTUM_COMPONENTS: dict[str, tuple[str, str]] = {
    "integration_score": ("Integration", "0.25"),
    "involvement_score": ("VNR involvement of local governments", "0.20"),
    "mentions_score": ("Localization mentions in VNRs", "0.15"),
    "indicator_reuse_score": ("Indicator reuse", "0.15"),
    "vlr_count_score": ("Number of VLRs", "0.15"),
    "recency_score": ("Recency of VLRs", "0.10"),
}


@dataclass
class BriefData:
    """Everything one brief shows, as frames; the optional ones are None without their table."""

    country: str
    country_name: str
    documents: pl.DataFrame
    metrics: pl.DataFrame
    profile: pl.DataFrame
    links: pl.DataFrame
    goals: pl.DataFrame
    mentions: pl.DataFrame | None = None
    involvement: pl.DataFrame | None = None
    reuse: pl.DataFrame | None = None
    gaps: pl.DataFrame | None = None
    cycles: pl.DataFrame | None = None
    momentum: pl.DataFrame | None = None
    run: dict = field(default_factory=dict)
    generated_at: str = ""


# ---------------------------------------------------------------- loading


def available_countries(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Countries with at least one successfully read review."""
    return [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT country_iso3 FROM documents WHERE status = 'ok' "
            "AND country_iso3 IS NOT NULL ORDER BY 1"
        ).fetchall()
    ]


def country_name(iso3: str) -> str:
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError):
        found = None
    return getattr(found, "common_name", None) or getattr(found, "name", None) or iso3


def load_brief_data(con: duckdb.DuckDBPyConnection, country: str) -> BriefData:
    """Read one country's brief from the warehouse (read-only use)."""
    params = [country]
    documents = read_frame(
        con,
        "SELECT doc_id, review_type, locality, year, language, title, n_pages, status "
        "FROM documents WHERE country_iso3 = ? ORDER BY review_type DESC, year, doc_id",
        params,
    )
    metrics = read_frame(
        con,
        "SELECT vlr_doc_id, vnr_doc_id, metric, value FROM alignment_metrics "
        "WHERE country_iso3 = ? ORDER BY ALL",
        params,
    )
    profile = read_frame(
        con,
        "SELECT * EXCLUDE (run_id) FROM sdg_pair_profile WHERE country_iso3 = ? ORDER BY ALL",
        params,
    )
    links = read_frame(
        con,
        """
        SELECT l.vlr_doc_id, l.vnr_doc_id, l.sdg, l.target, l.similarity, l.rank,
               l.vlr_passage_id, a.page AS vlr_page, a.text AS vlr_text,
               l.vnr_passage_id, b.page AS vnr_page, b.text AS vnr_text
        FROM passage_links l
        JOIN passages a ON a.passage_id = l.vlr_passage_id
        JOIN passages b ON b.passage_id = l.vnr_passage_id
        WHERE l.country_iso3 = ? AND l.rank = 1
        ORDER BY l.similarity DESC, l.vlr_passage_id, l.vnr_passage_id
        """,
        params,
    )
    present = set(existing_tables(con))
    optional: dict[str, pl.DataFrame | None] = {}
    for name, table in OPTIONAL_TABLES.items():
        if table not in present:
            optional[name] = None
        elif name in _ALL_COUNTRIES:
            optional[name] = read_frame(con, f"SELECT * FROM {table} ORDER BY ALL")  # noqa: S608
        else:
            optional[name] = read_frame(
                con,
                f"SELECT * FROM {table} WHERE country_iso3 = ? ORDER BY ALL",  # noqa: S608
                params,
            )
    run: dict = {}
    if "runs" in present:
        latest = read_frame(
            con,
            "SELECT run_id, ended_at, code_version, embedding_model, catalog_sha256 FROM runs "
            "WHERE status = 'success' ORDER BY ended_at DESC LIMIT 1",
        )
        run = latest.row(0, named=True) if latest.height else {}
    return BriefData(
        country=country,
        country_name=country_name(country),
        documents=documents,
        metrics=metrics,
        profile=profile,
        links=links,
        goals=goals_frame(),
        run=run,
        generated_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        **optional,
    )


# ---------------------------------------------------------------- labels


def doc_labels(documents: pl.DataFrame) -> dict[str, str]:
    """Short citation labels: 'Port Tembo VLR 2023', 'VNR 2024'."""
    labels = {}
    for row in documents.iter_rows(named=True):
        if row["review_type"] == "VLR":
            place = row["locality"] or "Local"
            labels[row["doc_id"]] = f"{place} VLR {row['year']}"
        else:
            labels[row["doc_id"]] = f"VNR {row['year']}"
    return labels


def citation(label: str, page: int | None) -> str:
    return f"{label}, p. {page}" if page is not None else label


def clip(text: str | None, limit: int = QUOTE_CHARS) -> str:
    """Whitespace-normalised text cut at a word boundary, with an ellipsis when cut."""
    clean = " ".join((text or "").split())
    if len(clean) <= limit:
        return clean
    cut = clean[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + "…"


def select_top_links(links: pl.DataFrame, n: int = TOP_LINKS) -> pl.DataFrame:
    """The strongest links, each VLR passage once and at most a few per pair, for variety."""
    if links.is_empty():
        return links
    best = links.sort("similarity", descending=True).unique(
        subset="vlr_passage_id", keep="first", maintain_order=True
    )
    best = best.with_columns(
        _n=pl.col("similarity").rank("ordinal", descending=True).over("vlr_doc_id", "vnr_doc_id")
    )
    return best.filter(pl.col("_n") <= TOP_LINKS_PER_PAIR).drop("_n").head(n)


# ---------------------------------------------------------------- rendering helpers

e = html.escape


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="chart" alt="{e(alt)}" src="data:image/png;base64,{data}">'


def _sdg_chip(sdg: int | None, goals: dict[int, str]) -> str:
    if sdg is None:
        return ""
    color = charts.SDG_COLORS.get(int(sdg), "#555")
    return (
        f'<span class="chip" style="background:{color}" title="{e(goals.get(int(sdg), ""))}">'
        f"SDG {int(sdg)}</span>"
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """An HTML table from cells that are already HTML (escape before calling)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _section(anchor: str, title: str, body: str, intro: str = "") -> str:
    intro_html = f'<p class="intro">{intro}</p>' if intro else ""
    return f'<section id="{anchor}"><h2>{e(title)}</h2>{intro_html}{body}</section>'


def _empty(message: str) -> str:
    return f'<p class="empty">{e(message)}</p>'


# ---------------------------------------------------------------- sections


def _pairs(data: BriefData) -> list[tuple[str, str]]:
    """(VLR, VNR) pairs in reading order: VNR year, then VLR year."""
    years = dict(data.documents.select("doc_id", "year").iter_rows())
    pairs = data.profile.select("vlr_doc_id", "vnr_doc_id").unique().rows()
    return sorted(pairs, key=lambda p: (years.get(p[1], 0), years.get(p[0], 0), p))


def _key_figures(data: BriefData, labels: dict[str, str]) -> str:
    docs = data.documents.filter(pl.col("status") == "ok")
    n_vlr = docs.filter(pl.col("review_type") == "VLR").height
    n_vnr = docs.filter(pl.col("review_type") == "VNR").height
    cards = [
        ("Voluntary Local Reviews", str(n_vlr)),
        ("Voluntary National Reviews", str(n_vnr)),
        ("Linked passage pairs", str(data.links.height)),
    ]
    if data.momentum is not None:
        row = data.momentum.filter(pl.col("country_iso3") == data.country)
        if row.height:
            r = row.row(0, named=True)
            cards.append(
                (
                    f"Momentum index (rank {r['rank']} of {data.momentum.height})",
                    _num(r["momentum_index"], 1),
                )
            )
    if data.involvement is not None and data.involvement.height:
        latest = data.involvement.sort("year").row(-1, named=True)
        cards.append(
            (f"Local government involvement, {labels.get(latest['doc_id'])}", latest["level"])
        )
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><div class="value">{e(v)}</div>'
            f'<div class="label">{e(k)}</div></div>'
            for k, v in cards
        )
        + "</div>"
    )


def _documents_section(data: BriefData) -> str:
    rows = [
        [
            e(r["review_type"]),
            e(r["title"] or ""),
            e(str(r["year"])),
            e(r["language"] or ""),
            e("" if r["n_pages"] is None else str(r["n_pages"])),
            e(r["status"] or ""),
        ]
        for r in data.documents.iter_rows(named=True)
    ]
    return _section(
        "reviews",
        "Reviews in this brief",
        _table(["Type", "Title", "Year", "Language", "Pages", "Status"], rows),
    )


def _headline_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.metrics.is_empty():
        return _section(
            "headline",
            "How well the local reviews link to the national review",
            _empty(
                f"No VLR-VNR pair for {data.country_name}: the corpus needs at least one "
                "VLR and one VNR of the country."
            ),
        )
    wide = {(v, n, m): val for v, n, m, val in data.metrics.iter_rows()}
    metric_order = list(METRIC_EXPLANATIONS)
    rows, sentences = [], []
    for vlr, vnr in _pairs(data):

        def get(metric: str, vlr: str = vlr, vnr: str = vnr) -> float | None:
            return wide.get((vlr, vnr, metric))

        counts = (
            f"{int(get('n_aligned_sdgs') or 0)} / {int(get('n_local_only_sdgs') or 0)} / "
            f"{int(get('n_national_only_sdgs') or 0)}"
        )
        rows.append(
            [
                f"{e(labels.get(vlr, vlr))} ↔ {e(labels.get(vnr, vnr))}",
                _pct(get("integration_rate")),
                _num(get("coverage_jaccard")),
                _num(get("salience_cosine")),
                _num(get("mean_alignment")),
                str(int(get("n_links") or 0)),
                counts,
            ]
        )
        place = labels.get(vlr, vlr)
        sentences.append(
            f"<li><b>{e(place)} ↔ {e(labels.get(vnr, vnr))}</b>: "
            f"{_pct(get('integration_rate'))} of the local review's SDG passages find a close "
            f"counterpart in the national review; both reviews cover "
            f"{int(get('n_aligned_sdgs') or 0)} SDGs, "
            f"{int(get('n_local_only_sdgs') or 0)} only locally and "
            f"{int(get('n_national_only_sdgs') or 0)} only nationally.</li>"
        )
    headers = ["VLR ↔ VNR"] + [
        f'<span title="{e(METRIC_EXPLANATIONS[m][1])}">{e(METRIC_EXPLANATIONS[m][0])}</span>'
        for m in metric_order[:4]
    ]
    headers += ["Linked passages", "SDGs aligned / local only / national only"]
    glossary = "".join(
        f"<dt>{e(title)}</dt><dd>{e(meaning)}</dd>"
        for title, meaning in METRIC_EXPLANATIONS.values()
    )
    glossary += (
        "<dt>SDGs aligned / local only / national only</dt><dd>An SDG counts as covered by a "
        "review from two passages on; aligned = both cover it.</dd>"
    )
    body = (
        _table(headers, rows, "metrics")
        + f'<ul class="sentences">{"".join(sentences)}</ul>'
        + f"<details open><summary>What the numbers mean</summary><dl>{glossary}</dl></details>"
    )
    return _section(
        "headline",
        "How well the local reviews link to the national review",
        body,
        "One row per pair of a Voluntary Local Review (VLR) and a Voluntary National Review "
        "(VNR) of the country. Passages were matched when they share an SDG and say similar "
        "things (sentence embeddings).",
    )


def _salience_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.profile.is_empty():
        return _section("salience", "Which SDGs each review emphasises", _empty("No pairs."))
    vnr_labels = {d: labels.get(d, d) for d in data.profile["vnr_doc_id"].unique().to_list()}
    png = charts.figure_to_png(charts.salience_chart(data.profile, data.goals, vnr_labels))
    return _section(
        "salience",
        "Which SDGs each review emphasises",
        _img(png, "SDG salience: local reviews against the national review"),
        "Salience is the share of a review's SDG-tagged passages that discuss an SDG. Hatched "
        "bars: the mean over the country's VLRs; solid bars: the VNR.",
    )


def _heatmap_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.profile.is_empty():
        return ""
    pair_labels = {(v, n): f"{labels.get(v, v)} ↔ {labels.get(n, n)}" for v, n in _pairs(data)}
    png = charts.figure_to_png(charts.status_heatmap(data.profile, pair_labels))
    extra = ""
    if data.gaps is not None:
        uncovered = (
            data.gaps.filter(pl.col("gap_type") == "uncovered", pl.col("level") == "sdg")
            .get_column("sdg")
            .unique()
            .sort()
            .to_list()
        )
        goal_names = dict(data.goals.select("goal", "short_title_en").iter_rows())
        if uncovered:
            chips = " ".join(_sdg_chip(s, goal_names) for s in uncovered)
            extra = (
                f'<p class="note">No review of {e(data.country_name)} covers: {chips} '
                + e(", ".join(goal_names.get(s, "") for s in uncovered))
                + ".</p>"
            )
    return _section(
        "gaps",
        "Aligned SDGs and gaps",
        _img(png, "Aligned and gap SDGs per VLR-VNR pair") + extra,
        "Each row is a VLR-VNR pair, each column an SDG. Numbers are the VLR passages on that "
        "SDG linked to the VNR.",
    )


def _links_section(data: BriefData, labels: dict[str, str]) -> str:
    top = select_top_links(data.links)
    if top.is_empty():
        return _section(
            "links", "Strongest linked passages", _empty("No linked passages for this country.")
        )
    goal_names = dict(data.goals.select("goal", "short_title_en").iter_rows())
    items = []
    for r in top.iter_rows(named=True):
        local = citation(labels.get(r["vlr_doc_id"], r["vlr_doc_id"]), r["vlr_page"])
        national = citation(labels.get(r["vnr_doc_id"], r["vnr_doc_id"]), r["vnr_page"])
        target = f" target {e(r['target'])}" if r["target"] else ""
        items.append(
            '<div class="link">'
            f'<div class="linkhead">{_sdg_chip(r["sdg"], goal_names)}{target} '
            f'<span class="sim">similarity {r["similarity"]:.2f}</span></div>'
            '<div class="pair">'
            f"<blockquote>“{e(clip(r['vlr_text']))}”<cite>{e(local)}</cite></blockquote>"
            '<div class="arrow">↔</div>'
            f"<blockquote>“{e(clip(r['vnr_text']))}”<cite>{e(national)}</cite></blockquote>"
            "</div></div>"
        )
    return _section(
        "links",
        "Strongest linked passages",
        "".join(items),
        "The closest matches between what the cities and regions report and what the national "
        "review says, with the page to cite. Similarity is the cosine similarity of the "
        "passages' sentence embeddings (1 = same meaning).",
    )


def _mentions_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.mentions is None and data.involvement is None:
        return ""
    parts = []
    if data.involvement is not None and data.involvement.height:
        rows = [
            [
                e(labels.get(r["doc_id"], r["doc_id"])),
                f'<span class="level level-{e(r["level"])}">{e(r["level"])}</span>',
                e(r["reason"] or ""),
                str(r["n_vlr_reference"]),
                str(r["n_lrg_consultation"]),
                str(r["n_lrg_implementation"]),
                str(r["n_local_data"]),
            ]
            for r in data.involvement.sort("year").iter_rows(named=True)
        ]
        parts.append(
            _table(
                [
                    "VNR",
                    "Involvement",
                    "Why",
                    "VLR references",
                    "Consultation",
                    "Implementation",
                    "Local data",
                ],
                rows,
            )
        )
    mentions = data.mentions
    if mentions is not None and mentions.height:
        # One row per passage and kind; a passage naming three cities has three mention rows.
        shown = (
            mentions.group_by("doc_id", "passage_id", "kind", maintain_order=True)
            .agg(
                pl.col("page").first(),
                pl.col("quote").sort_by("score", descending=True).first(),
                pl.col("score").max(),
                vlrs=pl.col("resolved_vlr_doc_id").drop_nulls().unique(maintain_order=True),
            )
            .sort("score", "doc_id", "passage_id", descending=[True, False, False])
        )
        rows = []
        for r in shown.head(TOP_MENTIONS).iter_rows(named=True):
            vlrs = ", ".join(labels.get(v, v) for v in r["vlrs"])
            cite = citation(labels.get(r["doc_id"], r["doc_id"]), r["page"])
            rows.append(
                [
                    f'<span class="kind">{e(MENTION_KINDS.get(r["kind"], r["kind"]))}</span>',
                    f"“{e(clip(r['quote'], 260))}”"
                    + (f'<br><span class="note">refers to {e(vlrs)}</span>' if vlrs else ""),
                    f'<span class="cite">{e(cite)}</span>',
                    _num(r["score"]),
                ]
            )
        parts.append(
            f"<h3>Mentions in the national reviews ({min(TOP_MENTIONS, shown.height)} of "
            f"{shown.height})</h3>" + _table(["Kind", "Quote", "Cite", "Score"], rows, "quotes")
        )
    elif mentions is not None:
        parts.append(_empty("The national reviews do not mention local reviews or governments."))
    return _section(
        "mentions",
        "Local governments in the national reviews",
        "".join(parts),
        "Passages of the VNRs that reference VLRs, consult or involve local and regional "
        "governments, or use local data; the involvement level grades them in the spirit of "
        "UCLG's reports (none, weak, consulted, high).",
    )


def _reuse_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.reuse is None:
        return ""
    if data.reuse.is_empty():
        return _section(
            "indicators",
            "Indicators reported locally and nationally",
            _empty("No SDG indicator is reported by both a VLR and a VNR of the country."),
        )
    reuse = data.reuse.with_columns(
        label=pl.concat_str(
            pl.col("indicator"),
            pl.lit("  "),
            pl.col("vlr_doc_id").replace_strict(labels, default=pl.col("vlr_doc_id")),
            pl.lit(" vs "),
            pl.col("vnr_doc_id").replace_strict(labels, default=pl.col("vnr_doc_id")),
        )
    )
    figure = charts.indicator_chart(reuse)
    chart = (
        _img(charts.figure_to_png(figure), "Local against national indicator values")
        if (figure is not None)
        else ""
    )
    rows = []
    for r in reuse.sort("sdg", "indicator", "vlr_doc_id", "vnr_doc_id").iter_rows(named=True):
        local = f"{_value(r['local_value'], r['local_unit'])}" + (
            f" ({r['local_year']})" if r["local_year"] else ""
        )
        national = f"{_value(r['national_value'], r['national_unit'])}" + (
            f" ({r['national_year']})" if r["national_year"] else ""
        )
        rows.append(
            [
                e(r["indicator"]),
                e(local),
                e(citation(labels.get(r["vlr_doc_id"], r["vlr_doc_id"]), r["local_page"])),
                e(national),
                e(citation(labels.get(r["vnr_doc_id"], r["vnr_doc_id"]), r["national_page"])),
            ]
        )
    n_indicators = data.reuse["indicator"].n_unique()
    return _section(
        "indicators",
        "Indicators reported locally and nationally",
        chart
        + _table(["Indicator", "Local value", "Cite", "National value", "Cite"], rows, "small"),
        f"{n_indicators} official SDG indicators appear in both a VLR and a VNR of the country. "
        "Open circles: the local figure; squares: the national one.",
    )


def _value(value: float | None, unit: str | None) -> str:
    if value is None:
        return "named, no figure"
    return f"{value:g} {unit or ''}".strip()


def _cycles_block(data: BriefData, labels: dict[str, str]) -> str:
    if data.cycles is None or data.cycles.is_empty():
        return ""
    trends = data.cycles.filter(pl.col("row_type") == "trend")
    if trends.is_empty():
        return ""
    names = {
        "mean_integration_rate": ("mean integration rate", True),
        "n_aligned_sdgs": ("SDGs aligned with prior VLRs", False),
        "n_mention_passages": ("passages mentioning local governments", False),
        "n_vlrs_referenced": ("VLRs referenced by name", False),
        "n_reused_indicators": ("indicators reused from VLRs", False),
    }
    items = []
    for r in trends.iter_rows(named=True):
        if r["metric"] not in names or r["previous_value"] is None or r["value"] is None:
            continue
        title, pct = names[r["metric"]]
        before, after = r["previous_value"], r["previous_value"] + r["value"]
        fmt = _pct if pct else (lambda v: f"{v:.0f}")
        items.append(
            f"<li>{e(title)}: {fmt(before)} in {e(labels.get(r['previous_vnr_doc_id'], ''))} "
            f"→ {fmt(after)} in {e(labels.get(r['vnr_doc_id'], ''))}</li>"
        )
    if not items:
        return ""
    return "<h3>From one VNR to the next</h3><ul>" + "".join(items) + "</ul>"


def _momentum_section(data: BriefData, labels: dict[str, str]) -> str:
    if data.momentum is None or data.momentum.is_empty():
        return ""
    figure = charts.momentum_map(data.momentum, data.country)
    if figure is not None:
        chart = _img(charts.figure_to_png(figure), "World map of the localization momentum index")
    else:
        chart = _empty("World map unavailable (the pygal_maps_world package is not installed).")
    bars = _img(
        charts.figure_to_png(
            charts.momentum_bars(
                data.momentum,
                data.country,
                {c: country_name(c) for c in data.momentum["country_iso3"].to_list()},
            )
        ),
        "Countries ranked by localization momentum index",
    )
    row = data.momentum.filter(pl.col("country_iso3") == data.country)
    components = ""
    if row.height:
        r = row.row(0, named=True)
        components = _table(
            ["Component", "Weight", f"{e(data.country_name)} (0-1)"],
            [
                [e(name), weight, _num(r.get(column))]
                for column, (name, weight) in MOMENTUM_COMPONENTS.items()
            ],
            "small",
        )
    return _section(
        "momentum",
        "Localization momentum",
        chart + '<div class="two">' + bars + components + "</div>" + _cycles_block(data, labels),
        "A composite index (0-100) of how strongly SDG localization is moving in a country: "
        "integration of VLRs into the VNR, local government involvement and mentions in the "
        "VNR, indicator reuse, and the number and recency of VLRs. Each component has a fixed "
        "scale, so adding countries does not change a country's score.",
    )


def _footer(data: BriefData) -> str:
    run = data.run or {}
    bits = [f"Generated {e(data.generated_at)} by vlrlink"]
    if run.get("code_version"):
        bits.append(f"code {e(str(run['code_version']))}")
    if run.get("run_id"):
        bits.append(f"pipeline run {e(str(run['run_id']))}")
    if run.get("embedding_model"):
        bits.append(f"embedding model {e(str(run['embedding_model']))}")
    if run.get("catalog_sha256"):
        bits.append(f"catalog sha256 {e(str(run['catalog_sha256'])[:12])}…")
    return (
        "<footer>"
        + " · ".join(bits)
        + ". Figures are computed automatically from the review PDFs; check quotes against the "
        "cited pages before use.</footer>"
    )


CSS = """
:root { --ink:#1d2433; --muted:#5b6474; --line:#e3e6ec; --accent:#19486A; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color:var(--ink); background:#f6f7f9; }
main { max-width:1120px; margin:0 auto; padding:28px 32px 40px; background:#fff; }
header h1 { margin:0 0 4px; font-size:28px; color:var(--accent); }
header p { margin:0; color:var(--muted); }
nav { margin:14px 0 6px; font-size:13px; }
nav a { color:var(--accent); margin-right:14px; text-decoration:none; }
h2 { margin:34px 0 8px; font-size:20px; border-bottom:2px solid var(--accent); padding-bottom:4px; }
h3 { font-size:16px; margin:22px 0 8px; }
.intro { color:var(--muted); margin:4px 0 14px; }
.cards { display:flex; flex-wrap:wrap; gap:12px; margin:18px 0 4px; }
.card { flex:1 1 160px; border:1px solid var(--line); border-radius:8px; padding:12px 14px;
        background:#fbfcfd; }
.card .value { font-size:26px; font-weight:700; color:var(--accent); }
.card .label { font-size:12.5px; color:var(--muted); }
table { border-collapse:collapse; width:100%; margin:8px 0 12px; font-size:14px; }
th, td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left;
         vertical-align:top; }
th { background:#f0f3f7; font-weight:600; }
table.metrics td:not(:first-child), table.metrics th:not(:first-child) { text-align:right; }
table.small { font-size:13px; }
table.quotes td:nth-child(2) { width:62%; }
img.chart { display:block; max-width:100%; height:auto; margin:10px auto; }
.two { display:flex; gap:20px; align-items:flex-start; flex-wrap:wrap; }
.two img.chart { flex:1 1 420px; max-width:520px; margin:0; }
.two table { flex:1 1 320px; width:auto; }
.chip { display:inline-block; color:#fff; font-weight:700; font-size:12px; border-radius:4px;
        padding:1px 7px; margin-right:4px; }
.link { border:1px solid var(--line); border-radius:8px; padding:10px 12px; margin:10px 0; }
.linkhead { font-size:13px; color:var(--muted); margin-bottom:6px; }
.sim { float:right; }
.pair { display:flex; gap:10px; align-items:stretch; }
.pair blockquote { flex:1; margin:0; padding:8px 10px; background:#f7f8fa; border-radius:6px;
                   font-size:14px; }
.pair .arrow { align-self:center; color:var(--muted); font-size:20px; }
cite { display:block; margin-top:6px; font-style:normal; font-weight:600; font-size:12.5px;
       color:var(--accent); }
.sentences li { margin:3px 0; }
details { margin:8px 0; font-size:13.5px; }
dl { display:grid; grid-template-columns:max-content 1fr; gap:4px 14px; margin:8px 0; }
dt { font-weight:600; }
dd { margin:0; color:var(--muted); }
.note { color:var(--muted); font-size:13.5px; }
.empty { color:var(--muted); font-style:italic; }
.kind { font-size:12.5px; font-weight:600; }
.cite { white-space:nowrap; }
.level { font-weight:700; padding:1px 6px; border-radius:4px; background:#eee; }
.level-high { background:#2E7D32; color:#fff; } .level-consulted { background:#9BC1BC; }
.level-weak { background:#F3E9D2; } .level-none { background:#eee; }
footer { margin-top:36px; padding-top:10px; border-top:1px solid var(--line); font-size:12px;
         color:var(--muted); }
@media print { body { background:#fff; } main { padding:0; } .link { break-inside:avoid; } }
"""


def render_brief(data: BriefData) -> str:
    """The whole brief as one HTML document (charts inline, no external resources)."""
    labels = doc_labels(data.documents)
    sections = [
        _headline_section(data, labels),
        _salience_section(data, labels),
        _heatmap_section(data, labels),
        _links_section(data, labels),
        _mentions_section(data, labels),
        _reuse_section(data, labels),
        _momentum_section(data, labels),
        _documents_section(data),
    ]
    nav_items = [
        ("headline", "Headline metrics"),
        ("salience", "SDG emphasis"),
        ("gaps", "Gaps"),
        ("links", "Linked passages"),
        ("mentions", "Local governments"),
        ("indicators", "Indicators"),
        ("momentum", "Momentum"),
        ("reviews", "Reviews"),
    ]
    body = "".join(sections)
    nav = "".join(
        f'<a href="#{anchor}">{e(title)}</a>'
        for anchor, title in nav_items
        if f'id="{anchor}"' in body
    )
    title = f"{data.country_name}: how local and national SDG reviews link up"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>"
        f"<header><h1>{e(title)}</h1>"
        f"<p>Country brief for {e(data.country_name)} ({e(data.country)}): Voluntary Local "
        "Reviews (VLRs) of cities and regions compared with the Voluntary National Reviews "
        "(VNRs) presented at the UN High-Level Political Forum.</p></header>"
        f"<nav>{nav}</nav>"
        f"{_key_figures(data, labels)}{body}{_footer(data)}</main></body></html>\n"
    )
