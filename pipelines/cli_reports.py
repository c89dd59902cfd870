"""`vlrlink export` and `vlrlink brief`: the warehouse as files and as a country brief.

Both only read the warehouse (read-only connection), so they can run while nobody writes and
never change the numbers they report.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.cli import CliError, add_warehouse_option, require_warehouse
from pipelines.paths import PROJECT_ROOT

DEFAULT_EXPORT_DIR = PROJECT_ROOT / "data" / "exports"


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from models import warehouse
    from models.export import ExportError, collect_provenance, export_tables, resolve_tables
    from models.provenance import code_version

    path = require_warehouse(args)
    out = args.out or DEFAULT_EXPORT_DIR / args.format
    with warehouse.connect(path, read_only=True) as con:
        try:
            tables = resolve_tables(con, args.tables)
            provenance = collect_provenance(
                con, tables, code_version=code_version(), warehouse_path=path
            )
            result = export_tables(con, out, fmt=args.format, provenance=provenance, tables=tables)
        except ExportError as exc:
            raise CliError(str(exc), code=2) from exc
    width = max(len(t) for t in result.tables)
    for table in result.tables:
        print(f"  {table:<{width}}  {result.rows[table]:>7} rows")
    print(f"{len(result.tables)} tables written to {result.out_dir} as {result.format}")
    print(f"data dictionary: {result.out_dir / 'datapackage.json'}")
    print(f"provenance: {result.out_dir / 'provenance.json'}")
    return 0


def _register_export(sub: argparse._SubParsersAction) -> None:
    from models.export import DEFAULT_TABLES, FORMATS

    parser = sub.add_parser(
        "export",
        help="write the metric tables as CSV, Parquet or JSON with a Frictionless data package",
        description="Write the metric tables (documents, alignment_metrics, sdg_pair_profile, "
        "passage_links and the analytics tables present) into a folder, one file per table, "
        "with datapackage.json (type and meaning of every field) and provenance.json (code "
        "version, embedding model and weights hash, catalog hash, source runs, export time). "
        "CSV is spreadsheet-safe: text cells starting with = + - @ get a leading apostrophe.",
    )
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="csv", help="file format (default: csv)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder (default: data/exports/<format>)",
    )
    add_warehouse_option(parser)
    parser.add_argument(
        "--tables",
        nargs="+",
        metavar="TABLE",
        default=None,
        help=f"tables to export (default: those of {', '.join(DEFAULT_TABLES)} present)",
    )
    parser.set_defaults(func=cmd_export)


# ---------------------------------------------------------------- brief


def cmd_brief(args: argparse.Namespace) -> int:
    from models import warehouse
    from models.brief import available_countries, load_brief_data, render_brief

    path = require_warehouse(args)
    country = args.country.strip().upper()
    with warehouse.connect(path, read_only=True) as con:
        countries = available_countries(con)
        if country not in countries:
            raise CliError(
                f"unknown country {args.country!r}; available: {', '.join(countries) or 'none'}",
                code=2,
            )
        data = load_brief_data(con, country)
    html = render_brief(data)
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"brief for {country} written to {out} ({len(html) // 1024} KiB)")
    return 0


def _register_brief(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "brief",
        help="write a one-file HTML brief for a country (charts, linked passages, citations)",
        description="Write a self-contained HTML brief for one country: headline metrics per "
        "VLR-VNR pair, SDG salience of the VLRs against the VNR, aligned and gap SDGs, the "
        "best linked passage pairs with page citations, localization mentions, indicator "
        "reuse and the localization momentum index. No network, no external files.",
    )
    parser.add_argument("country", help="ISO 3166-1 alpha-3 country code, e.g. KEN")
    parser.add_argument(
        "--out", type=Path, required=True, help="HTML file to write, e.g. brief_KEN.html"
    )
    add_warehouse_option(parser)
    parser.set_defaults(func=cmd_brief)


def register(sub: argparse._SubParsersAction) -> None:
    _register_export(sub)
    _register_brief(sub)
