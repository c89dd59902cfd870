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
        ("en", "Unemployment fell to 7% in 2022."),  # too little of any title
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


@pytest.mark.skipif(
    not (SAMPLE_TRUTH / "indicators.csv").exists(), reason="sample corpus not generated"
)
def test_sample_truth_indicators() -> None:
    """Run find_indicator_values over each truth quote; print recall and value agreement."""
    rows = _read_csv(SAMPLE_TRUTH / "indicators.csv")
    catalog_path = SAMPLE_TRUTH.parent / "catalog.csv"
    catalog = _read_csv(catalog_path) if catalog_path.exists() else []
    languages = {r["doc_id"]: r.get("language", "en") or "en" for r in catalog}
    text_col = next(c for c in ("quote", "text", "matched_text", "row") if c in rows[0])
    found_code = value_ok = 0
    wrong: dict[str, int] = defaultdict(int)
    for r in rows:
        got = find_indicator_values(r[text_col], languages.get(r["doc_id"], "en"), None)
        codes = {g.indicator for g in got}
        if r["indicator"] in codes:
            found_code += 1
            if r.get("value"):
                want = float(r["value"])
                if any(g.value is not None and abs(g.value - want) < 1e-6 for g in got):
                    value_ok += 1
        for c in codes - {r["indicator"]}:
            wrong[c] += 1
    n = len(rows)
    print(f"indicator recall {found_code}/{n}; values agree {value_ok}; extra codes {dict(wrong)}")
    assert found_code / max(n, 1) >= 0.7
