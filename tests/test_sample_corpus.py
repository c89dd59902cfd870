"""Consistency checks for the synthetic sample corpus written by data/sample/generate.py.

The corpus is the default input of the pipeline and the ground truth of its accuracy tests, so
these tests check that the committed PDFs, catalogs and truth files agree with each other and
with what a PDF reader actually sees on each page.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pdfplumber
import pycountry
import pypdfium2
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
TRUTH = SAMPLE / "truth"
BAD = SAMPLE / "bad"
FEATURES = {"cover", "contents", "two_column", "table", "footnote", "bullets", "hyphenation"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def normalise(text: str) -> str:
    """Page text as a reader would join it: pdfium marks joined hyphenation with U+FFFE."""
    text = unicodedata.normalize("NFKC", text.replace("\ufffe", ""))
    text = re.sub(r"-\r?\n(?=[a-zà-ÿ])", "", text)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def catalog() -> dict[str, dict[str, str]]:
    return {row["doc_id"]: row for row in read_csv(SAMPLE / "catalog.csv")}


@pytest.fixture(scope="module")
def sentences() -> dict[str, list[tuple[int, str]]]:
    by_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in read_csv(TRUTH / "sentences.csv"):
        by_doc[row["doc_id"]].append((int(row["page"]), row["sentence"]))
    return by_doc


@pytest.fixture(scope="module")
def links() -> list[dict[str, str]]:
    return read_csv(TRUTH / "links.csv")


@pytest.fixture(scope="module")
def page_texts(catalog: dict[str, dict[str, str]]) -> dict[tuple[str, int], str]:
    texts = {}
    for doc_id, row in catalog.items():
        pdf = pypdfium2.PdfDocument(SAMPLE / row["file"])
        for i in range(len(pdf)):
            texts[(doc_id, i + 1)] = normalise(pdf[i].get_textpage().get_text_range())
        pdf.close()
    return texts


# -- catalog ------------------------------------------------------------------------------------


def test_catalog_files_exist_and_hashes_match(catalog: dict[str, dict[str, str]]) -> None:
    columns = list(read_csv(SAMPLE / "catalog.csv")[0])
    assert columns == [
        "doc_id", "review_type", "country_iso3", "locality", "year", "language", "title", "file",
        "sha256",
    ]  # fmt: skip
    for doc_id, row in catalog.items():
        path = SAMPLE / row["file"]
        assert path.is_file(), doc_id
        assert sha256(path) == row["sha256"], doc_id
        assert row["file"] == f"pdfs/{doc_id.replace('-', '_')}.pdf"
    total = sum((SAMPLE / row["file"]).stat().st_size for row in catalog.values())
    assert total < 3_000_000


def test_each_country_has_vnr_and_vlrs_from_different_years(
    catalog: dict[str, dict[str, str]],
) -> None:
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in catalog.values():
        assert pycountry.countries.get(alpha_3=row["country_iso3"]) is not None
        by_country[row["country_iso3"]].append(row)
    assert set(by_country) == {"KEN", "COL", "SEN"}
    languages = {c: {r["language"] for r in rows} for c, rows in by_country.items()}
    assert languages == {"KEN": {"en"}, "COL": {"es"}, "SEN": {"fr"}}
    for country, rows in by_country.items():
        vnrs = [r for r in rows if r["review_type"] == "vnr"]
        vlrs = [r for r in rows if r["review_type"] == "vlr"]
        assert vnrs and all(r["locality"] == "" for r in vnrs), country
        assert len(vlrs) >= 2, country
        assert len({r["year"] for r in vlrs}) == len(vlrs), country
        assert len({r["locality"] for r in vlrs}) == len(vlrs), country
    kenya_vnr_years = sorted(int(r["year"]) for r in by_country["KEN"] if r["review_type"] == "vnr")
    kenya_vlr_years = sorted(int(r["year"]) for r in by_country["KEN"] if r["review_type"] == "vlr")
    assert kenya_vnr_years == [2020, 2024]
    # both VNRs have at least one VLR published before them: metrics per VNR year have cycles
    assert all(any(v < n for v in kenya_vlr_years) for n in kenya_vnr_years)


def test_page_counts(catalog: dict[str, dict[str, str]]) -> None:
    for doc_id, row in catalog.items():
        pdf = pypdfium2.PdfDocument(SAMPLE / row["file"])
        pages = len(pdf)
        pdf.close()
        low, high = (14, 20) if row["review_type"] == "vnr" else (8, 12)
        assert low <= pages <= high, (doc_id, pages)


# -- sentences and quotes ---------------------------------------------------------------------


def test_truth_sentences_are_on_their_pages(
    sentences: dict[str, list[tuple[int, str]]], page_texts: dict[tuple[str, int], str]
) -> None:
    found = total = 0
    for doc_id, rows in sentences.items():
        for page, sentence in rows:
            total += 1
            # a sentence is recorded on the page where it starts
            assert sentence[:40] in page_texts[(doc_id, page)], (doc_id, page, sentence)
            found += sentence in page_texts[(doc_id, page)]
    assert total > 900
    assert found / total > 0.99


def quote_rows() -> list[tuple[str, int, str, str]]:
    rows = []
    for name in ("links.csv", "related_pairs.csv"):
        for row in read_csv(TRUTH / name):
            rows.append((row["vlr_doc_id"], int(row["vlr_page"]), row["vlr_quote"], name))
            rows.append((row["vnr_doc_id"], int(row["vnr_page"]), row["vnr_quote"], name))
    for row in read_csv(TRUTH / "mentions.csv"):
        rows.append((row["doc_id"], int(row["page"]), row["quote"], "mentions.csv"))
    return rows


def test_every_quote_is_a_generated_sentence_on_its_page(
    sentences: dict[str, list[tuple[int, str]]],
) -> None:
    for doc_id, page, quote, source in quote_rows():
        assert (page, quote) in sentences[doc_id], (source, doc_id, page, quote)


# -- links --------------------------------------------------------------------------------------


def test_planted_and_distractor_pairs(
    links: list[dict[str, str]], catalog: dict[str, dict[str, str]]
) -> None:
    assert {row["kind"] for row in links} == {"planted", "distractor"}
    assert len({row["pair_id"] for row in links}) == len(links)
    planted_per_vlr = Counter(row["vlr_doc_id"] for row in links if row["kind"] == "planted")
    distractors_per_vlr = Counter(row["vlr_doc_id"] for row in links if row["kind"] == "distractor")
    vlrs = [d for d, row in catalog.items() if row["review_type"] == "vlr"]
    for doc_id in vlrs:
        assert 4 <= planted_per_vlr[doc_id] <= 8, doc_id
        assert distractors_per_vlr[doc_id] >= 2, doc_id
    for row in links:
        vlr, vnr = catalog[row["vlr_doc_id"]], catalog[row["vnr_doc_id"]]
        assert vlr["review_type"] == "vlr" and vnr["review_type"] == "vnr"
        assert vlr["country_iso3"] == vnr["country_iso3"] == row["country_iso3"]
        assert row["vlr_quote"] != row["vnr_quote"]
        if row["kind"] == "planted":
            assert row["target"].split(".")[0] == row["sdg"]
            assert int(vlr["year"]) <= int(vnr["year"])


def test_planted_pairs_are_paraphrases_not_copies(
    links: list[dict[str, str]], sentences: dict[str, list[tuple[int, str]]]
) -> None:
    """No sentence of a VLR may reappear verbatim in a VNR of the same country."""
    catalog = {row["doc_id"]: row for row in read_csv(SAMPLE / "catalog.csv")}
    for country in ("KEN", "COL", "SEN"):
        vlr_text = {
            s for d, rows in sentences.items() for _, s in rows
            if catalog[d]["country_iso3"] == country and catalog[d]["review_type"] == "vlr"
        }  # fmt: skip
        vnr_text = {
            s for d, rows in sentences.items() for _, s in rows
            if catalog[d]["country_iso3"] == country and catalog[d]["review_type"] == "vnr"
        }  # fmt: skip
        assert not vlr_text & vnr_text, country


# -- coverage, mentions, involvement, indicators ---------------------------------------------


def test_sdg_coverage_differs_between_local_and_national(
    catalog: dict[str, dict[str, str]],
) -> None:
    covered: dict[str, set[int]] = defaultdict(set)
    for row in read_csv(TRUTH / "sdg_coverage.csv"):
        assert int(row["n_paragraphs"]) > 0
        covered[row["doc_id"]].add(int(row["sdg"]))
    assert set(covered) == set(catalog)
    for country in ("KEN", "COL", "SEN"):
        docs = [r for r in catalog.values() if r["country_iso3"] == country]
        local = set().union(*(covered[r["doc_id"]] for r in docs if r["review_type"] == "vlr"))
        national = set().union(*(covered[r["doc_id"]] for r in docs if r["review_type"] == "vnr"))
        assert local - national, f"{country}: no VLR-only SDG"
        assert national - local, f"{country}: no VNR-only SDG"
        assert local & national, f"{country}: no shared SDG"
        assert set(range(1, 18)) - local - national, f"{country}: every SDG covered"


def test_involvement_ranking_and_mentions(catalog: dict[str, dict[str, str]]) -> None:
    levels = {row["doc_id"]: row["level"] for row in read_csv(TRUTH / "involvement.csv")}
    assert set(levels) == {d for d, r in catalog.items() if r["review_type"] == "vnr"}
    assert levels["ken-vnr-2024"] == "high"
    assert levels["col-vnr-2021"] == "weak"
    assert levels["sen-vnr-2022"] == "none"
    mentions = read_csv(TRUTH / "mentions.csv")
    kinds = {"vlr_reference", "lrg_consultation", "lrg_implementation", "local_data"}
    per_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for row in mentions:
        assert row["kind"] in kinds
        assert catalog[row["doc_id"]]["review_type"] == "vnr"
        if row["locality"]:
            country = catalog[row["doc_id"]]["country_iso3"]
            known = {r["locality"] for r in catalog.values() if r["country_iso3"] == country}
            assert row["locality"] in known
        per_doc[row["doc_id"]][row["kind"]] += 1
    assert per_doc["sen-vnr-2022"] == Counter()
    assert set(per_doc["col-vnr-2021"]) == {"lrg_implementation"}
    assert set(per_doc["ken-vnr-2024"]) == kinds
    named = {r["locality"] for r in mentions if r["kind"] == "vlr_reference"}
    assert named == {"Lakemere", "Kavuli County", "Port Tembo"}


def test_indicators_in_tables_and_text() -> None:
    known = {row["indicator"] for row in read_csv(ROOT / "data/reference/sdg_indicators.csv")}
    rows = read_csv(TRUTH / "indicators.csv")
    catalog = {row["doc_id"]: row for row in read_csv(SAMPLE / "catalog.csv")}
    where = defaultdict(set)
    reported: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        assert row["indicator"] in known, row
        float(row["value"])
        assert 2010 <= int(row["year"]) <= 2024
        where[row["doc_id"]].add(row["where"])
        doc = catalog[row["doc_id"]]
        reported[doc["country_iso3"]][row["indicator"]].add(doc["review_type"])
    assert all(where[d] == {"table", "text"} for d in catalog)
    for country, codes in reported.items():
        assert any(types == {"vlr", "vnr"} for types in codes.values()), country


# -- layout -------------------------------------------------------------------------------------


def test_layout_truth_lists_every_feature_for_every_document(
    catalog: dict[str, dict[str, str]],
) -> None:
    features: dict[str, set[str]] = defaultdict(set)
    pages: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_csv(TRUTH / "layout.csv"):
        features[row["doc_id"]].add(row["feature"])
        pages[row["doc_id"]][row["feature"]] += 1
    for doc_id in catalog:
        assert features[doc_id] == FEATURES, doc_id
        assert pages[doc_id]["two_column"] >= 2, doc_id


def first_page_with(doc_id: str, feature: str) -> int:
    rows = read_csv(TRUTH / "layout.csv")
    return min(int(r["page"]) for r in rows if r["doc_id"] == doc_id and r["feature"] == feature)


@pytest.mark.parametrize("doc_id", ["ken-vlr-lakemere-2019", "col-vnr-2021", "sen-vnr-2022"])
def test_pdfplumber_sees_the_layout_features(doc_id: str) -> None:
    path = SAMPLE / "pdfs" / f"{doc_id.replace('-', '_')}.pdf"
    with pdfplumber.open(path) as pdf:
        assert "SYNTHETIC SAMPLE" in (pdf.pages[0].extract_text() or "")

        page = pdf.pages[first_page_with(doc_id, "two_column") - 1]
        mid = page.width / 2
        body = [w for w in page.extract_words() if 80 < w["top"] < page.height - 80]
        left = [w for w in body if w["x1"] < mid]
        right = [w for w in body if w["x0"] > mid]
        assert len(left) > 40 and len(right) > 40
        assert not [w for w in body if w["x0"] < mid - 30 and w["x1"] > mid + 30 and w["top"] > 130]

        page = pdf.pages[first_page_with(doc_id, "hyphenation") - 1]
        lines = (page.extract_text() or "").splitlines()
        assert any(re.search(r"[a-zà-ÿ]{3}-$", line) for line in lines)

        page = pdf.pages[first_page_with(doc_id, "table") - 1]
        assert len(page.lines) >= 10

        page = pdf.pages[first_page_with(doc_id, "footnote") - 1]
        sizes = {round(c["size"], 1) for c in page.chars}
        assert any(s < 7 for s in sizes), "superscript footnote marker"
        bottom = [c for c in page.chars if c["top"] > page.height - 160 and c["size"] < 8]
        assert bottom, "footnote text at the page bottom"


# -- bad-input catalog --------------------------------------------------------------------------


def test_bad_catalog_rows_have_expectations() -> None:
    rows = read_csv(BAD / "catalog.csv")
    expected = read_csv(BAD / "expected.csv")
    assert [r["doc_id"] for r in rows] == [e["doc_id"] for e in expected]
    status = Counter(e["expected_status"] for e in expected)
    assert status["ok"] == 2 and status["failed"] == 5
    by_file = {r["file"]: r for r in rows}
    assert by_file["copy_of_good_a.pdf"]["sha256"] == by_file["good_a.pdf"]["sha256"]
    assert sha256(BAD / "good_a.pdf") == by_file["good_a.pdf"]["sha256"]
    assert Counter(r["doc_id"] for r in rows).most_common(1)[0][1] == 2
    assert pycountry.countries.get(alpha_3=by_file["meta_iso3.pdf"]["country_iso3"]) is None
    assert int(by_file["meta_year.pdf"]["year"]) < 1990
    assert pycountry.languages.get(alpha_2=by_file["meta_language.pdf"]["language"]) is None
    assert not (BAD / "does_not_exist.pdf").exists()
    assert by_file["../../etc/passwd"]["sha256"] == ""


def test_bad_files_fail_the_way_the_catalog_says() -> None:
    assert (BAD / "empty.pdf").stat().st_size == 0
    assert not (BAD / "not_a_pdf.pdf").read_bytes().startswith(b"%PDF")
    for name in ("corrupt.pdf", "encrypted.pdf", "empty.pdf", "not_a_pdf.pdf"):
        with pytest.raises(Exception), pdfplumber.open(BAD / name) as pdf:  # noqa: B017
            pdf.pages[0].extract_text()  # pdfminer raises several exception types
    with pdfplumber.open(BAD / "image_only.pdf") as pdf:
        assert len(pdf.pages) == 1 and not pdf.pages[0].chars and pdf.pages[0].images
    for name in ("good_a.pdf", "good_b.pdf"):
        with pdfplumber.open(BAD / name) as pdf:
            assert len(pdf.pages) >= 8 and pdf.pages[3].extract_text()


# -- determinism --------------------------------------------------------------------------------


def test_generator_is_deterministic_and_committed_output_is_current(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("sample_generate", SAMPLE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    module.generate(tmp_path)
    produced = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert produced, "generator wrote nothing"
    for rel in produced:
        assert (SAMPLE / rel).is_file(), f"{rel} is not committed"
        assert sha256(tmp_path / rel) == sha256(SAMPLE / rel), f"{rel} differs: rerun generate.py"
