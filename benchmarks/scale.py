"""A collection the size of the real one, drawn with the sample corpus generator.

The real public collection holds about 600 VNR and VLR PDFs and 50,000 pages. The sample corpus
has a handful of short reviews, so this module reuses `data/sample/generate.py` (its content
parser, layout engine and renderer; the file itself is not edited) and writes N reviews:

- each review takes a sample document's sections, repeated until it reaches the wanted length;
- every word of six letters or more is, with a small probability, swapped for another word of
  the same review (deterministic per review), so every review and most passages have text of
  their own: nothing is served from the embedding cache by accident and no file is a duplicate;
- reviews are spread over real ISO 3166 countries, about a third VNRs, so linking works on
  realistic per-country blocks (a few VLRs against a few VNRs).

`python -m benchmarks.scale --out DIR --docs 600 --pages 83` writes DIR/pdfs/*.pdf and
DIR/catalog.csv; `--run` then runs the pipeline over it and records time and peak RSS.
"""

from __future__ import annotations

import argparse
import copy
import csv
import importlib.util
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "data" / "sample" / "generate.py"
RESULTS = Path(__file__).resolve().parent / "results"

# Countries with many reviews in the real collection come first; the list is long enough that a
# 600-review collection has a realistic 3 to 8 reviews per country.
_COUNTRY_CODES = (
    "KEN COL SEN BRA MEX ARG CHL ECU PER BOL URY PRY CRI GTM HND SLV DOM JAM ESP PRT FRA ITA DEU "
    "BEL NLD DNK FIN SWE NOR ISL IRL GBR POL CZE SVK HUN ROU BGR GRC TUR CYP MLT EST LVA LTU SVN "
    "HRV SRB ALB MKD MNE BIH GEO ARM AZE KAZ KGZ UZB TJK MNG CHN JPN KOR IDN MYS PHL THA VNM KHM "
    "LAO MMR BGD NPL LKA PAK IND AFG IRN IRQ JOR LBN EGY TUN MAR DZA GHA NGA CIV BEN TGO BFA MLI "
    "NER TCD CMR GAB COG COD RWA UGA TZA ETH ZMB ZWE MOZ MWI NAM BWA ZAF MDG MUS CPV AUS NZL FJI "
    "CAN USA"
)
COUNTRIES = _COUNTRY_CODES.split()

_WORD = re.compile(r"(?<![\w\[^*~|])([a-z]{6,})(?![\w\]])")


def load_generator() -> ModuleType:
    """Import data/sample/generate.py as a module (it is a script, not a package)."""
    name = "vlrlink_sample_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GENERATOR)
    assert spec and spec.loader, GENERATOR
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def base_documents(gen: ModuleType | None = None) -> list:
    """Every document spec of the sample content files that have content."""
    gen = gen or load_generator()
    docs = []
    for name in gen.COUNTRY_FILES:
        path = gen.CONTENT_DIR / name
        if path.is_file() and path.stat().st_size:
            docs.extend(gen.parse_content(path))
    if not docs:
        raise RuntimeError(f"no sample content under {gen.CONTENT_DIR}")
    return docs


def _perturb(text: str, vocabulary: list[str], rng: random.Random, rate: float) -> str:
    def swap(match: re.Match[str]) -> str:
        return rng.choice(vocabulary) if rng.random() < rate else match.group(1)

    return _WORD.sub(swap, text)


def make_spec(gen: ModuleType, base, index: int, *, country: str, target_pages: int, rate: float):
    """A new review spec from a sample one: renamed, lengthened, with words of its own."""
    rng = random.Random(index)
    doc = copy.deepcopy(base)
    kind = doc.review_type
    locality = f"Town {index}" if kind == "vlr" else ""
    year = 2016 + index % 9
    doc.doc_id = f"{country.lower()}-{kind}-{index:04d}"
    doc.meta.update(country=country, year=str(year), title=f"{country} {kind.upper()} {index}")
    if kind == "vlr":
        doc.meta["locality"] = locality
    vocabulary = sorted(
        {w for s in doc.sections for b in s.blocks for w in _WORD.findall(b.text or "")}
    ) or ["development"]
    # The sample documents are 10-16 pages: body pages per section pass are about pages - 2.
    base_pages = max(int(getattr(base, "_pages", 0)) - 2, 6)
    repeats = max(1, round((target_pages - 2) / base_pages))
    sections = []
    for rep in range(repeats):
        for section in copy.deepcopy(base.sections):
            for block in section.blocks:
                if block.kind in ("paragraph", "list_item"):
                    block.text = _perturb(block.text, vocabulary, rng, rate)
                    block.attrs = {}
            if rep:
                section.title = f"{section.title} ({rep + 1})"
            sections.append(section)
    doc.sections = sections
    return doc


def _render(job: tuple[int, str, str, int, float, str]) -> dict:
    index, base_id, country, target_pages, rate, out = job
    gen = load_generator()
    bases = {d.doc_id: d for d in base_documents(gen)}
    base = bases[base_id]
    base._pages = _base_pages(gen, base)
    doc = make_spec(gen, base, index, country=country, target_pages=target_pages, rate=rate)
    theme = gen.THEMES[doc.meta["theme"]]
    goal_titles = gen.load_goal_titles()
    layout = gen.Layout(doc, theme, goal_titles[doc.language])
    layout.run(lambda *args: None)
    name = gen.pdf_name(doc.doc_id)
    path = Path(out) / "pdfs" / name
    gen.render_pdf(path, doc, theme, layout)
    return {
        "doc_id": doc.doc_id,
        "review_type": doc.review_type,
        "country_iso3": country,
        "locality": doc.meta.get("locality", "") if doc.review_type == "vlr" else "",
        "year": doc.meta["year"],
        "language": doc.language,
        "title": doc.meta["title"],
        "file": f"pdfs/{name}",
        "pages": gen.Layout.FRONT_PAGES + len(layout.pages),
    }


_BASE_PAGES: dict[str, int] = {}


def _base_pages(gen: ModuleType, base) -> int:
    if base.doc_id not in _BASE_PAGES:
        layout = gen.Layout(
            base, gen.THEMES[base.meta["theme"]], gen.load_goal_titles()[base.language]
        )
        layout.run(lambda *args: None)
        _BASE_PAGES[base.doc_id] = gen.Layout.FRONT_PAGES + len(layout.pages)
    return _BASE_PAGES[base.doc_id]


def write_collection(
    out: Path,
    n_docs: int,
    *,
    pages_per_doc: int = 83,
    rate: float = 0.15,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Write `n_docs` reviews of about `pages_per_doc` pages to out/pdfs and out/catalog.csv."""
    gen = load_generator()
    bases = base_documents(gen)
    vlrs = [d for d in bases if d.review_type == "vlr"]
    vnrs = [d for d in bases if d.review_type == "vnr"]
    (out / "pdfs").mkdir(parents=True, exist_ok=True)
    # Per country: one or two VNRs and two to five VLRs, like the real collection's spread.
    jobs = []
    index = 0
    country_no = 0
    while index < n_docs:
        country = COUNTRIES[country_no % len(COUNTRIES)]
        country_no += 1
        n_vnr = 1 + country_no % 2
        n_vlr = 2 + country_no % 4
        for kind_bases, count in ((vnrs or vlrs, n_vnr), (vlrs or vnrs, n_vlr)):
            for _ in range(count):
                if index >= n_docs:
                    break
                base = kind_bases[index % len(kind_bases)]
                jobs.append((index, base.doc_id, country, pages_per_doc, rate, str(out)))
                index += 1
    rows = []
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        for done, row in enumerate(pool.map(_render, jobs, chunksize=4), start=1):
            rows.append(row)
            if progress:
                progress(done, len(jobs))
    columns = ["doc_id", "review_type", "country_iso3", "locality", "year", "language", "title"]
    with (out / "catalog.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*columns, "file"], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in [*columns, "file"]})
    return {
        "documents": len(rows),
        "pages": sum(r["pages"] for r in rows),
        "countries": len({r["country_iso3"] for r in rows}),
        "vlr": sum(r["review_type"] == "vlr" for r in rows),
        "vnr": sum(r["review_type"] == "vnr" for r in rows),
        "bytes": sum((out / r["file"]).stat().st_size for r in rows),
        "generate_s": round(time.monotonic() - started, 1),
    }


def run_and_measure(
    catalog: Path,
    warehouse: Path,
    *,
    log: Path | None = None,
    model: str | None = None,
    rescore_model: str | None = None,
) -> dict:
    """Run `vlrlink run` in a fresh process: wall time, its peak RSS, and the peak RSS of the
    process together with its PDF worker processes."""
    from benchmarks.common import run_child, vlrlink_command

    log = log or warehouse.with_suffix(".log")
    args = ["run", "--catalog", str(catalog), "--warehouse", str(warehouse), "--ephemeral"]
    if model:
        args += ["--model", model]
    if rescore_model:
        args += ["--rescore-model", rescore_model]
    result = run_child(vlrlink_command(*args), log=log)
    return {
        "exit_code": result.exit_code,
        "wall_s": round(result.wall_s, 1),
        "peak_rss_mib": round(result.peak_rss_mib, 1),
        "peak_tree_rss_mib": result.peak_tree_rss_mib,
        "log": str(log),
        "log_tail": result.output[-3000:],
    }


def add_one_review(out: Path, pages_per_doc: int = 83) -> Path:
    """Write one more review (a VLR of an existing country) and a catalog that adds it.

    The incremental run then has exactly one new document; the original catalog is kept.
    """
    catalog = out / "catalog.csv"
    with catalog.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    gen = load_generator()
    vlr = next(d for d in base_documents(gen) if d.review_type == "vlr")
    job = (len(rows), vlr.doc_id, rows[0]["country_iso3"], pages_per_doc, 0.15, str(out))
    row = _render(job)
    plus = out / "catalog_plus_one.csv"
    with plus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        writer.writerow({k: row.get(k, "") for k in rows[0]})
    return plus


def warehouse_counts(warehouse: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for table in ("documents", "pages", "passages", "passage_sdgs", "embedding_cache",
                      "passage_links"):  # fmt: skip
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        out["ok_documents"] = con.execute(
            "SELECT count(*) FROM documents WHERE status = 'ok'"
        ).fetchone()[0]
        return out
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for pdfs/ and catalog.csv")
    parser.add_argument("--docs", type=int, default=600, help="reviews to write (default 600)")
    parser.add_argument("--pages", type=int, default=83, help="pages per review (default 83)")
    parser.add_argument("--skip-generate", action="store_true", help="reuse --out as it is")
    parser.add_argument("--run", action="store_true", help="run the pipeline and measure it")
    parser.add_argument("--warehouse", type=Path, default=None, help="default: OUT/scale.duckdb")
    parser.add_argument(
        "--model", default=None, help="embedding model for the run (default: the pipeline's)"
    )
    parser.add_argument(
        "--rescore-model",
        default=None,
        help="two-stage linking: this model re-scores the --model's candidate pairs",
    )
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="after the run, add one review to the catalog and time a second run",
    )
    args = parser.parse_args(argv)
    record: dict = {"docs_requested": args.docs, "pages_per_doc": args.pages}
    if not args.skip_generate:
        record["collection"] = write_collection(
            args.out,
            args.docs,
            pages_per_doc=args.pages,
            progress=lambda d, n: (
                print(f"generated {d}/{n}", file=sys.stderr) if d % 20 == 0 or d == n else None
            ),
        )
        print(json.dumps(record["collection"]), flush=True)
    if args.run:
        warehouse = args.warehouse or args.out / "scale.duckdb"
        record["model"] = args.model
        record["rescore_model"] = args.rescore_model
        record["run"] = run_and_measure(
            args.out / "catalog.csv", warehouse, model=args.model, rescore_model=args.rescore_model
        )
        record["counts"] = warehouse_counts(warehouse)
        print(json.dumps({k: v for k, v in record["run"].items() if "tail" not in k}))
        print(json.dumps(record["counts"]))
        if args.incremental:
            plus = add_one_review(args.out, args.pages)
            record["incremental"] = run_and_measure(
                plus,
                warehouse,
                model=args.model,
                rescore_model=args.rescore_model,
                log=warehouse.with_suffix(".plus_one.log"),
            )
            record["incremental"]["ratio_to_cold"] = round(
                record["incremental"]["wall_s"] / record["run"]["wall_s"], 3
            )
            record["counts_after_increment"] = warehouse_counts(warehouse)
            print(json.dumps({k: v for k, v in record["incremental"].items() if "tail" not in k}))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"scale-{stamp}.json").write_text(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
