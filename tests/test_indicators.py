"""SDG indicator values in text and table rows (en/es/fr), code validation, reuse pairing."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from models.indicators import (
    IndicatorValue,
    find_indicator_values,
    match_indicator_reuse,
    official_titles,
    parse_number,
    valid_indicator_codes,
)

SAMPLE_TRUTH = Path(__file__).resolve().parent.parent / "data" / "sample" / "truth"


def one(text: str, language: str = "en") -> IndicatorValue:
    found = find_indicator_values(text, language, None)
    assert len(found) == 1, found
    return found[0]


def test_reference_codes_are_loaded() -> None:
    codes = valid_indicator_codes()
    assert len(codes) == 251
    assert {"6.1.1", "11.a.1", "17.19.2", "1.b.1"} <= codes
    assert "1.a.3" not in codes  # dropped by the 2025 review, still in old translations
    assert set(official_titles("es")) <= codes
    assert len(official_titles("fr")) > 240


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("87.4", "en", 87.4),
        ("87,4", "es", 87.4),
        ("87,4", "fr", 87.4),
        ("87,4", "en", 87.4),  # a decimal comma cannot be a thousands separator
        ("1,234", "en", 1234.0),
        ("1,234", "es", 1.234),
        ("1.234", "es", 1234.0),
        ("1.234,5", "es", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1 234,5", "fr", 1234.5),
        ("100\u202f000", "fr", 100000.0),
        ("0.5", "es", 0.5),
        ("-3.2", "en", -3.2),
        ("1.2.3", "en", None),
        ("abc", "en", None),
    ],
)
def test_parse_number(raw: str, language: str, expected: float | None) -> None:
    assert parse_number(raw, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "code", "value", "unit", "year"),
    [
        ("en", "Indicator 6.1.1 reached 87.4% in 2022.", "6.1.1", 87.4, "%", 2022),
        ("es", "Indicador 6.1.1: 87,4 % (2022).", "6.1.1", 87.4, "%", 2022),
        ("fr", "L'indicateur 11.1.1 s'établit à 23,5 % en 2021.", "11.1.1", 23.5, "%", 2021),
        ("fr", "L’indicateur 11.1.1 s’établit à 23,5\u00a0% en 2021.", "11.1.1", 23.5, "%", 2021),
        (
            "en",
            "In 2021, indicator 3.1.1 stood at 45 per 100,000 live births.",
            "3.1.1",
            45.0,
            "per 100,000",
            2021,
        ),
        (
            "es",
            "El indicador 3.1.1 fue de 45 por cada 100.000 nacidos vivos en 2021.",
            "3.1.1",
            45.0,
            "per 100,000",
            2021,
        ),
        (
            "fr",
            "Indicateur 3.1.1 : 1 234,5 pour 100 000 naissances vivantes (2020)",
            "3.1.1",
            1234.5,
            "per 100,000",
            2020,
        ),
        (
            "en",
            "Indicator 6.1.1 rose from 80.1% in 2015 to 87.4% in 2022.",
            "6.1.1",
            87.4,
            "%",
            2022,
        ),
        (
            "es",
            "El indicador 6.1.1 pasó de 80,1 % en 2015 a 87,4 % en 2022.",
            "6.1.1",
            87.4,
            "%",
            2022,
        ),
        (
            "fr",
            "En 2021, l'indicateur 11.1.1 s'établit à 23,5 % contre 25,1 % en 2019.",
            "11.1.1",
            23.5,
            "%",
            2021,
        ),
        ("en", "ODA (indicator 17.2.1) was USD 2.5 million in 2019.", "17.2.1", 2.5e6, "USD", 2019),
        ("en", "SDG indicator 11.a.1 is not yet measured.", "11.a.1", None, None, None),
        (
            "en",
            "Indicator 15.1.1: forest area covers 1,250 km² (2020).",
            "15.1.1",
            1250.0,
            "km²",
            2020,
        ),
    ],
)
def test_text_forms(
    language: str,
    text: str,
    code: str,
    value: float | None,
    unit: str | None,
    year: int | None,
) -> None:
    iv = one(text, language)
    assert (iv.indicator, iv.value, iv.unit, iv.year, iv.method) == (
        code,
        value,
        unit,
        year,
        "code",
    )
    assert iv.matched_text and iv.matched_text in " ".join(text.split())


def test_several_codes_respectively() -> None:
    found = find_indicator_values(
        "Indicators 6.1.1 and 6.2.1 reached 87.4% and 54% respectively in 2022.", "en", None
    )
    assert [(v.indicator, v.value, v.year) for v in found] == [
        ("6.1.1", 87.4, 2022),
        ("6.2.1", 54.0, 2022),
    ]


def test_several_sentences_keep_their_own_years() -> None:
    found = find_indicator_values(
        "In 2020, SDG 1.1.1 stood at 12.3%. Indicator 8.5.2 was 7% in 2022.", "en", None
    )
    assert [(v.indicator, v.value, v.year) for v in found] == [
        ("1.1.1", 12.3, 2020),
        ("8.5.2", 7.0, 2022),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The meeting took place on 2.10.2022 in the capital."),
        ("en", "Section 1.2.3.4 describes the method."),
        ("en", "2.1.1 Introduction"),  # a heading number, no figure, no "indicator" word
        ("en", "Indicator 99.1.1 reached 50%."),  # not an official code
        ("en", "Indicator 1.a.3 reached 50%."),  # dropped from the 2025 framework
        ("es", "Reunión del 12.05.2021 con 45 participantes."),
        ("fr", "Version 3.2.1 du logiciel, 12 % des postes."),
        ("en", "Section 2.1.1 shows that 45% of farms are small."),
        ("en", "Water services improved in rural areas, reaching 60% of villages."),
        ("en", "Manufacturing employment grew by 8 percent between 2020 and 2023."),  # a change
        ("en", "The county has trained 60 youth agents."),  # 8.6.1 is a proportion: needs a %
        ("en", "The plan aims to reduce greenhouse gas emissions by 28 percent by 2030."),
        ("en", ""),
    ],
)
def test_negatives(language: str, text: str) -> None:
    assert find_indicator_values(text, language, None) == []


@pytest.mark.parametrize(
    ("language", "row", "code", "value", "unit", "year", "method"),
    [
        (
            "en",
            "6.1.1 | Proportion of population using safely managed drinking water services"
            " | 87.4% | 2022",
            "6.1.1",
            87.4,
            "%",
            2022,
            "code",
        ),
        (
            "es",
            "Indicador 6.1.1 | Agua potable | 87,4 | % | 2022",
            "6.1.1",
            87.4,
            "%",
            2022,
            "code",
        ),
        (
            "en",
            "Proportion of population using safely managed drinking water services | 87.4 | 2022",
            "6.1.1",
            87.4,
            None,
            2022,
            "title",
        ),
        (
            "es",
            "Proporción de la población que utiliza servicios de suministro de agua potable"
            " gestionados sin riesgos | 87,4 % | 2022",
            "6.1.1",
            87.4,
            "%",
            2022,
            "title",
        ),
        (
            "fr",
            "Taux de mortalité maternelle | 2021 | 45,2 pour 100 000",
            "3.1.1",
            45.2,
            "per 100,000",
            2021,
            "title",
        ),
        (
            "en",
            "11.1.1 | Urban population living in slums | 12.5 (2021)",
            "11.1.1",
            12.5,
            None,
            2021,
            "code",
        ),
    ],
)
def test_table_rows(
    language: str,
    row: str,
    code: str,
    value: float,
    unit: str | None,
    year: int,
    method: str,
) -> None:
    iv = one(row, language)
    assert (iv.indicator, iv.value, iv.unit, iv.year, iv.method) == (
        code,
        value,
        unit,
        year,
        method,
    )
    if method == "title":
        assert 0.6 <= iv.score <= 1.0


def test_table_row_with_two_years_pairs_values() -> None:
    found = find_indicator_values("6.1.1 | Drinking water | 2015 | 80.1% | 2022 | 87.4%", "en")
    assert [(v.value, v.year) for v in found] == [(80.1, 2015), (87.4, 2022)]


def test_table_row_target_column_left_of_code_is_not_a_value() -> None:
    iv = one("6 | 6.1 | 6.1.1 | Drinking water | 87.4 | 2022")
    assert (iv.indicator, iv.value, iv.year) == ("6.1.1", 87.4, 2022)


def test_table_header_and_unrelated_rows_are_ignored() -> None:
    assert find_indicator_values("Indicator | Name | Value | Year", "en") == []
    assert find_indicator_values("Budget line | Roads and bridges | 12.5 | 2022", "en") == []


@pytest.mark.parametrize(
    ("language", "text", "code", "value", "unit", "year"),
    [
        ("en", "Unemployment fell to 7% in 2022.", "8.5.2", 7.0, "%", 2022),
        (
            "en",
            "Overall, 71.2% of residents used safely managed drinking water in 2018.",
            "6.1.1",
            71.2,
            "%",
            2018,
        ),
        (
            "es",
            "La mortalidad en menores de cinco años bajó a 13,9 muertes por cada 1000 nacidos"
            " vivos en 2019.",
            "3.2.1",
            13.9,
            "per 1,000",
            2019,
        ),
        (
            "es",
            "La tasa de finalización de la primaria fue del 91,2 % en 2020.",
            "4.1.2",
            91.2,
            "%",
            2020,
        ),
        (
            "fr",
            "Le taux de mortalité maternelle est estimé à 315 pour 100 000 naissances vivantes"
            " en 2017.",
            "3.1.1",
            315.0,
            "per 100,000",
            2017,
        ),
        (
            "en",
            "The unemployment rate of residents aged 18 to 35 reached 22.0% in 2022.",
            "8.5.2",
            22.0,
            "%",
            2022,
        ),
    ],
)
def test_titles_in_prose(
    language: str, text: str, code: str, value: float, unit: str, year: int
) -> None:
    iv = one(text, language)
    assert (iv.indicator, iv.value, iv.unit, iv.year, iv.method) == (
        code,
        value,
        unit,
        year,
        "title",
    )


def test_completed_is_not_completion_rate() -> None:
    assert find_indicator_values("The new road was completed in 2021 at 40% of the cost.") == []


def test_comparison_figures_are_not_the_value() -> None:
    iv = one(
        "Le retard de croissance touchait 17,9 % des enfants en 2021, selon l'indicateur 2.2.1,"
        " contre 20,5 % en 2015.",
        "fr",
    )
    assert (iv.indicator, iv.value, iv.year) == ("2.2.1", 17.9, 2021)
    iv = one("Indicator 8.5.2 stood at 22.0% in 2022, against 9 percent for older adults.")
    assert (iv.value, iv.year) == (22.0, 2022)


def test_year_ranges_and_value_before_code() -> None:
    iv = one("El indicador 10.1.1 registró -3,1 % en el periodo 2015 a 2020.", "es")
    assert (iv.indicator, iv.value, iv.year) == ("10.1.1", -3.1, 2020)
    iv = one("Only 38.5% used safely managed sanitation in 2018 according to indicator 6.2.1.")
    assert (iv.indicator, iv.value, iv.year) == ("6.2.1", 38.5, 2018)


def test_code_sentence_keeps_named_indicator_in_its_prefix() -> None:
    found = find_indicator_values(
        "The maternal mortality ratio was 355 per 100,000 live births in 2017, and indicator"
        " 3.1.2 shows that 62 percent of births were attended by skilled personnel.",
        "en",
    )
    assert {(v.indicator, v.value, v.method) for v in found} == {
        ("3.1.1", 355.0, "title"),
        ("3.1.2", 62.0, "code"),
    }


def test_title_in_prose_needs_a_figure() -> None:
    iv = one("The maternal mortality ratio fell to 45 per 100,000 live births in 2021.")
    assert (iv.indicator, iv.value, iv.unit, iv.year, iv.method) == (
        "3.1.1",
        45.0,
        "per 100,000",
        2021,
        "title",
    )
    assert find_indicator_values("The maternal mortality ratio remains a concern.", "en") == []


def test_custom_titles_restrict_matching() -> None:
    titles = {"6.1.1": "Households with piped drinking water", "99.9.9": "not a real code"}
    iv = one_custom("Households with piped drinking water | 91.0 | 2023", titles)
    assert (iv.indicator, iv.value, iv.year) == ("6.1.1", 91.0, 2023)
    # the official title is not in the custom list
    assert find_indicator_values("Taux de mortalité maternelle | 2021 | 45,2", "fr", titles) == []


def one_custom(text: str, titles: dict[str, str]) -> IndicatorValue:
    found = find_indicator_values(text, "en", titles)
    assert len(found) == 1, found
    return found[0]


def _iv(code: str, value: float | None, year: int | None, unit: str | None = "%") -> IndicatorValue:
    return IndicatorValue(code, value, unit, year, f"{code} {value} {year}")


def test_match_indicator_reuse() -> None:
    local = [
        _iv("6.1.1", 92.0, 2021),
        _iv("6.1.1", 95.0, 2022),
        _iv("11.1.1", 8.0, 2020),
        _iv("3.1.1", 40.0, 2021, "per 100,000"),
        _iv("1.1.1", 2.0, 2021),
    ]
    national = [
        _iv("6.1.1", 87.4, 2022),
        _iv("11.1.1", 23.5, 2021),
        _iv("3.1.1", None, None, None),
        _iv("8.5.2", 7.0, 2022),
    ]
    pairs = match_indicator_reuse(local, national)
    assert [p.indicator for p in pairs] == ["3.1.1", "6.1.1", "11.1.1"]
    by = {p.indicator: p for p in pairs}
    water = by["6.1.1"]
    assert (water.local.value, water.national.value, water.same_year) == (95.0, 87.4, True)
    assert water.difference == pytest.approx(7.6)
    slums = by["11.1.1"]
    assert (slums.local.year, slums.national.year, slums.same_year) == (2020, 2021, False)
    assert slums.same_unit and slums.difference == pytest.approx(-15.5)
    maternal = by["3.1.1"]
    assert not maternal.same_unit and maternal.difference is None
    assert match_indicator_reuse([], national) == []


def test_reuse_prefers_a_common_year() -> None:
    local = [_iv("6.1.1", 90.0, 2020), _iv("6.1.1", 95.0, 2023)]
    national = [_iv("6.1.1", 85.0, 2020), _iv("6.1.1", 88.0, 2022)]
    (pair,) = match_indicator_reuse(local, national)
    assert (pair.local.year, pair.national.year, pair.difference) == (2020, 2020, 5.0)


# ---- sample corpus truth (generated by data/sample/generate.py) -------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _table_rows(content_dir: Path) -> dict[str, list[str]]:
    """Indicator table rows per doc from the sample's authored content (data/sample/content,
    format in FORMAT.md): the rows as a PDF table row reads, cells joined by " | "."""
    rows: dict[str, list[str]] = defaultdict(list)
    for path in sorted(content_dir.glob("*.txt")):
        doc, in_table = "", False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("%% doc "):
                doc = line.split()[2]
            elif line.startswith("TABLE"):
                in_table = True
            elif line.startswith("END"):
                in_table = False
            elif in_table and line.startswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                rows[doc].append(" | ".join(cells))
    return rows


@pytest.mark.skipif(
    not (SAMPLE_TRUTH / "indicators.csv").exists(), reason="sample corpus not generated"
)
def test_sample_truth_indicators() -> None:
    """Run find_indicator_values over the truth text (sentences of the truth page for prose
    rows, the authored table rows for table rows); print recall and precision."""
    truth = _read_csv(SAMPLE_TRUTH / "indicators.csv")
    catalog = _read_csv(SAMPLE_TRUTH.parent / "catalog.csv")
    languages = {r["doc_id"]: r["language"] or "en" for r in catalog}
    sentences: dict[tuple[str, int], list[str]] = defaultdict(list)
    for r in _read_csv(SAMPLE_TRUTH / "sentences.csv"):
        sentences[(r["doc_id"], int(r["page"]))].append(r["sentence"])
    tables = _table_rows(SAMPLE_TRUTH.parent / "content")
    hits = values_ok = 0
    for r in truth:
        texts = (
            tables[r["doc_id"]]
            if r["where"] == "table"
            else sentences[(r["doc_id"], int(r["page"]))]
        )
        got = [
            g
            for t in texts
            for g in find_indicator_values(t, languages[r["doc_id"]])
            if g.indicator == r["indicator"]
        ]
        hits += bool(got)
        values_ok += any(
            g.value is not None and abs(g.value - float(r["value"])) < 1e-6 for g in got
        )
    # precision over all prose sentences: a found (doc, code) that the truth does not list
    listed = {(r["doc_id"], r["indicator"]) for r in truth}
    found = {
        (doc, g.indicator)
        for (doc, _page), texts in sentences.items()
        for t in texts
        for g in find_indicator_values(t, languages[doc])
        if g.value is not None  # the truth lists figures, not bare code mentions
    }
    precision = len(found & listed) / max(len(found), 1)
    recall = hits / max(len(truth), 1)
    print(
        f"indicators: recall {hits}/{len(truth)} = {recall:.2f}, values agree {values_ok}, "
        f"prose precision {len(found & listed)}/{len(found)} = {precision:.2f}"
    )
    assert recall >= 0.8
    assert values_ok >= 0.9 * hits
