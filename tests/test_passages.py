"""Tests for models/passages.py: sentence-bounded passages with page and section."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from models.passages import (
    MAX_WORDS,
    Passage,
    extraction_recall,
    normalise_text,
    passage_id,
    sentences,
    split_passages,
)
from models.pdf import Block, Page, read_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
AGENDA = ROOT.parent / "shared" / "corpus" / "Agenda2030_sdgs_un_org_webpage_print.pdf"


def para(text: str) -> Block:
    return Block("paragraph", text)


def numbered_sentences(n: int, start: int = 0) -> list[str]:
    return [
        f"Sentence number {k} says that the city measured indicator {k} in ward {k + 3}."
        for k in range(start, start + n)
    ]


# ---------------------------------------------------------------------------------------------
# Ids and sentence splitting


def test_passage_id_is_zero_padded_and_stable() -> None:
    assert passage_id("ken-vlr-lakemere-2019", 7) == "ken-vlr-lakemere-2019:00007"
    assert passage_id("x", 12345) == "x:12345"


def test_english_abbreviations_do_not_end_sentences() -> None:
    [found] = sentences(
        [
            "Services, e.g. water and sanitation, improved. See No. 5 and art. 3 of the law. "
            "Dr. Otieno chaired the panel, i.e. the review board."
        ],
        "en",
    )
    assert found == [
        "Services, e.g. water and sanitation, improved.",
        "See No. 5 and art. 3 of the law.",
        "Dr. Otieno chaired the panel, i.e. the review board.",
    ]


def test_spanish_and_french_abbreviations() -> None:
    [es] = sentences(["El Sr. García citó el art. 5 de la ley. La Dra. López respondió."], "es")
    assert es == ["El Sr. García citó el art. 5 de la ley.", "La Dra. López respondió."]
    [fr] = sentences(["M. Diop a cité l'art. 5, p. ex. le budget. Mme Sarr a répondu."], "fr")
    assert fr == ["M. Diop a cité l'art. 5, p. ex. le budget.", "Mme Sarr a répondu."]


def test_enumerators_and_lowercase_restarts_are_glued() -> None:
    [found] = sentences(["1. We resolve to act. Schools, clinics, etc. are included."], "en")
    assert found == ["1. We resolve to act.", "Schools, clinics, etc. are included."]


def test_unknown_language_falls_back_to_multilingual_rules() -> None:
    [found] = sentences(["Habari ya asubuhi. Mji umepanda miti mingi!"], "sw")
    assert found == ["Habari ya asubuhi.", "Mji umepanda miti mingi!"]


# ---------------------------------------------------------------------------------------------
# Grouping


def test_passages_hold_one_to_five_sentences_and_stay_short() -> None:
    text = " ".join(numbered_sentences(13))
    passages = split_passages([Page(1, [Block("heading", "Water"), para(text)])], "en")
    assert len(passages) >= 3
    for passage in passages:
        n = len(sentences([passage.text], "en")[0])
        assert 1 <= n <= 5
        assert len(passage.text.split()) <= MAX_WORDS
    # Nothing lost, nothing duplicated, order kept.
    assert " ".join(p.text for p in passages) == text
    assert [p.ordinal for p in passages] == list(range(len(passages)))


def test_a_very_long_sentence_is_cut_at_clauses() -> None:
    clauses = ", ".join(f"item {k} of the programme" for k in range(90))
    passages = split_passages([Page(1, [para(f"The plan covers {clauses}.")])], "en")
    assert len(passages) >= 3
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)


def test_passages_never_cross_headings_and_carry_the_section() -> None:
    pages = [
        Page(
            1,
            [
                Block("heading", "SDG 6 – Clean water and sanitation"),
                para(" ".join(numbered_sentences(2))),
                Block("heading", "SDG 11 – Sustainable cities"),
                para(" ".join(numbered_sentences(2, start=10))),
            ],
        )
    ]
    passages = split_passages(pages, "en")
    assert [p.section for p in passages] == [
        "SDG 6 – Clean water and sanitation",
        "SDG 11 – Sustainable cities",
    ]
    assert "ward 3" in passages[0].text and "ward 13" not in passages[0].text


def test_paragraph_cut_by_a_page_break_is_rejoined_on_its_first_page() -> None:
    pages = [
        Page(
            1,
            [
                para("The county expanded irrigation to 400 farms and"),
                Block("footnote", "1 Source: county records, 2021."),
            ],
        ),
        Page(2, [para("trained 90 extension officers. The next season was better.")]),
    ]
    passages = split_passages(pages, "en")
    prose = [p for p in passages if p.kind == "paragraph"]
    assert prose[0].text.startswith(
        "The county expanded irrigation to 400 farms and trained 90 extension officers."
    )
    assert prose[0].page == 1
    assert [p.kind for p in passages] == ["paragraph", "footnote"]  # reading order by start


def test_new_page_starting_a_sentence_is_not_joined() -> None:
    pages = [
        Page(1, [para("The county finished the first phase of the programme.")]),
        Page(2, [para("Water kiosks were metered in all wards in 2022.")]),
    ]
    assert [p.page for p in split_passages(pages, "en")] == [1, 2]


def test_footnotes_and_table_rows_are_whole_passages_and_toc_is_skipped() -> None:
    pages = [
        Page(
            1,
            [
                Block("toc", "1. Introduction .......... 3"),
                Block("heading", "Indicators"),
                para(" ".join(numbered_sentences(2))),
                Block("table_row", "6.1.1 | Safely managed drinking water | 71.2% | 2018"),
                Block("table_row", "2015 | 2020 | 2023"),
                Block("footnote", "2 Survey of 2,400 households."),
            ],
        )
    ]
    passages = split_passages(pages, "en")
    assert [p.kind for p in passages] == ["paragraph", "table_row", "footnote"]
    assert passages[1].text == "6.1.1 | Safely managed drinking water | 71.2% | 2018"
    assert all("Introduction" not in p.text for p in passages)


def test_short_fragments_are_merged_or_dropped() -> None:
    pages = [
        Page(
            1,
            [
                Block("heading", "Energy"),
                para("Key results:"),
                para("Solar mini-grids now serve 41 villages in the county."),
                para("See annex."),
                para("42"),
            ],
        )
    ]
    passages = split_passages(pages, "en")
    assert [p.text for p in passages] == [
        "Key results: Solar mini-grids now serve 41 villages in the county. See annex."
    ]


def test_list_items_keep_their_kind() -> None:
    pages = [Page(3, [Block("list_item", "Complete the greenway along the lakeshore by 2026.")])]
    [passage] = split_passages(pages, "en")
    assert passage == Passage(
        page=3,
        ordinal=0,
        section=None,
        text="Complete the greenway along the lakeshore by 2026.",
        kind="list_item",
    )


def test_split_is_deterministic() -> None:
    pages = [Page(1, [para(" ".join(numbered_sentences(9)))])]
    assert split_passages(pages, "en") == split_passages(pages, "en")


def test_extraction_recall_normalises_whitespace_and_quotes() -> None:
    text = "The city’s   plan\nworks. Another line."
    assert extraction_recall(text, ["The city's plan works.", "Missing sentence."]) == 0.5
    assert normalise_text(" a\u00a0 b ") == "a b"
    assert extraction_recall("anything", []) == 1.0


# ---------------------------------------------------------------------------------------------
# Real documents


def test_agenda_targets_become_passages_under_their_goal() -> None:
    if not AGENDA.is_file():
        pytest.skip("shared corpus not available")
    passages = split_passages(read_pdf(AGENDA), "en")
    target = next(p for p in passages if "By 2030, eradicate extreme poverty" in p.text)
    assert target.section == "Goal 1. End poverty in all its forms everywhere"
    assert target.kind == "list_item"
    assert target.text.startswith("1.1 By 2030, eradicate extreme poverty for all people")
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)
    assert [p.ordinal for p in passages] == list(range(len(passages)))


def _sample_catalog() -> list[dict[str, str]]:
    catalog = SAMPLE / "catalog.csv"
    truth = SAMPLE / "truth" / "sentences.csv"
    if not catalog.is_file() or not truth.is_file():
        pytest.skip("sample corpus not generated")
    with catalog.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _running_texts() -> dict[str, list[str]]:
    """Header and footer strings per document, from the corpus content files' metadata."""
    found: dict[str, list[str]] = defaultdict(list)
    doc_id = None
    for path in sorted((SAMPLE / "content").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            start = re.match(r"^%% doc (\S+)", line)
            if start:
                doc_id = start.group(1)
                continue
            meta = re.match(r"^(header|footer_left): (.+)$", line)
            if doc_id and meta:
                found[doc_id].append(meta.group(2).strip())
    return found


_FOLIO_RE = re.compile(r"\b(?:Page|Página) \d+ (?:of|de|sur) \d+\b|^\d+ / \d+$|^- \d+ -$")


def test_sample_corpus_passages_keep_truth_sentences_without_running_lines() -> None:
    catalog = _sample_catalog()
    truth: dict[str, list[str]] = defaultdict(list)
    with (SAMPLE / "truth" / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[row["doc_id"]].append(row["sentence"])
    running = _running_texts()
    found = total = 0
    for row in catalog:
        passages = split_passages(read_pdf(SAMPLE / row["file"]), row["language"])
        text = " ".join(p.text for p in passages)
        wanted = truth[row["doc_id"]]
        found += round(extraction_recall(text, wanted) * len(wanted))
        total += len(wanted)
        for passage in passages:
            for line in running.get(row["doc_id"], []):
                assert line not in passage.text, (row["doc_id"], passage.page, line)
            assert not _FOLIO_RE.search(passage.text), (row["doc_id"], passage.text)
    assert total > 0
    assert found / total >= 0.95


def test_paragraph_running_over_three_pages_is_one_unit() -> None:
    pages = [
        Page(1, [para("The drought of 2022 affected pastoral households in")]),
        Page(2, [para("eleven counties, where herds shrank by a third and")]),
        Page(3, [para("school attendance fell. Recovery took two seasons.")]),
    ]
    passages = split_passages(pages, "en")
    assert passages[0].page == 1
    assert passages[0].text.startswith(
        "The drought of 2022 affected pastoral households in eleven counties, where herds "
        "shrank by a third and school attendance fell."
    )


def test_heading_after_an_open_paragraph_stops_the_join() -> None:
    pages = [
        Page(1, [para("The list of pilot wards is given in the annex"), Block("heading", "Annex")]),
        Page(2, [para("wards of the lake zone received support first in 2021.")]),
    ]
    passages = split_passages(pages, "en")
    assert [p.section for p in passages] == [None, "Annex"]
