"""SDG indicator values in passages and table rows, and their reuse between a VLR and its VNR.

Reviews report progress as "indicator 6.1.1 reached 87.4% in 2022", as table rows
("6.1.1 | Proportion of population using safely managed drinking water services | 87.4% | 2022")
or by naming the indicator without its code. :func:`find_indicator_values` turns each of these
into an :class:`IndicatorValue` (code, value, unit, year); :func:`match_indicator_reuse` pairs the
same indicator between a local review and its national review, which shows whether cities reuse
the national indicator framework and how far their figures differ from the national ones.

Codes are validated against the official list (data/reference/sdg_indicators.csv), so dates such
as "2.10.2022" or section numbers like "1.2.3.4" are not taken for indicators. Numbers are parsed
per language (decimal comma in es/fr, thousands with spaces, dots or commas). Names without a code
are matched against the official titles (English, and the es/fr translations) by IDF-weighted
overlap of normalised word stems.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator figure found in a passage or table row.

    ``value`` is scaled by words like "million"; ``unit`` is canonical ("%", "per 100,000",
    "km²", "USD", ...) so that values from different languages compare. ``method`` says how the
    indicator was recognised: "code" (an explicit code) or "title" (a name matched to the
    official title, with ``score`` its match quality in [0, 1]).
    """

    indicator: str
    value: float | None
    unit: str | None
    year: int | None
    matched_text: str
    method: str = "code"
    score: float = 1.0


@dataclass(frozen=True)
class IndicatorReuse:
    """The same SDG indicator reported by a local review (VLR) and its national review (VNR).

    ``difference`` is local minus national when both values exist and the units agree.
    """

    indicator: str
    local: IndicatorValue
    national: IndicatorValue
    same_unit: bool
    same_year: bool
    difference: float | None


# --------------------------------------------------------------------------------------------
# Reference data (read directly here; models/reference.py belongs to another module)


@lru_cache(maxsize=4)
def valid_indicator_codes(reference_dir: Path = REFERENCE_DIR) -> frozenset[str]:
    """The 251 official indicator codes of the 2025 framework."""
    with (reference_dir / "sdg_indicators.csv").open(encoding="utf-8", newline="") as fh:
        return frozenset(row["indicator"].strip() for row in csv.DictReader(fh))


@lru_cache(maxsize=16)
def official_titles(language: str, reference_dir: Path = REFERENCE_DIR) -> dict[str, str]:
    """Official indicator titles in ``language`` (en from sdg_indicators.csv, others from
    sdg_translations.csv), restricted to codes of the current framework; {} if none."""
    codes = valid_indicator_codes(reference_dir)
    if language == "en":
        with (reference_dir / "sdg_indicators.csv").open(encoding="utf-8", newline="") as fh:
            return {r["indicator"]: r["title_en"] for r in csv.DictReader(fh)}
    out: dict[str, str] = {}
    with (reference_dir / "sdg_translations.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] == "indicator" and r["language"] == language and r["code"] in codes:
                out[r["code"]] = r["title"]
    return out


def _code_sort_key(code: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (999, p) for p in code.split("."))


# --------------------------------------------------------------------------------------------
# Numbers, units, years

_SPACES = "\u00a0\u202f\u2009 "
_NUM = (
    r"(?<![\w.,/])(?:[-\u2212](?=\d))?"
    r"(?:\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
    r"(?![\w]|[.,]\d)"
)
_NUM_RE = re.compile(_NUM)
_YEAR_RE = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")

_POP_WORDS = (
    r"(?:\s+(?:population|inhabitants|habitantes|habitants|people|persons|personas|personnes"
    r"|live\s+births|nacidos\s+vivos|naissances\s+vivantes|adults|adultos|adultes|women|mujeres"
    r"|femmes|children|niños|enfants|uninfected\s+population))?"
)
# (regex, canonical unit); tried in order right after the number.
_UNITS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s?(?:%|per\s?cent\b|percent\b|por\s?ciento\b|pour\s?cent\b|pourcent\b)"), "%"),
    (re.compile(r"\s?(?:‰|per\s+mill?e\b|por\s+mil\b(?!\s*\d)|pour\s+mille\b)"), "per 1,000"),
    (
        re.compile(
            r"(?:\s+[^\W\d_]{3,12})?\s?(?:per|por|pour)\s+(?:cada\s+)?"
            r"(?P<per>\d{1,3}(?:[.,\u00a0\u202f\u2009 ]?\d{3})*)(?!\d)" + _POP_WORDS
        ),
        "per",
    ),
    (re.compile(r"\s?(?:km²|km2|sq\.?\s?km|square\s+kilomet(?:er|re)s|km\s+cuadrados)"), "km²"),
    (re.compile(r"\s?kilómetros\s+cuadrados"), "km²"),
    (re.compile(r"\s?(?:m²|m2|square\s+met(?:er|re)s|metros\s+cuadrados|mètres\s+carrés)"), "m²"),
    (re.compile(r"\s?(?:km|kilomet(?:er|re)s|kilómetros|kilomètres)\b"), "km"),
    (re.compile(r"\s?(?:ha|hectares|hectáreas)\b"), "ha"),
    (re.compile(r"\s?(?:tCO2e?|t\s?CO2e?|tonnes?\s+of\s+CO2|toneladas\s+de\s+CO2)"), "tCO2e"),
    (re.compile(r"\s?(?:tonnes|tons|toneladas|t)\b"), "t"),
    (re.compile(r"\s?(?:kg|kilograms|kilogramos|kilogrammes)\b"), "kg"),
    (re.compile(r"\s?(?:USD|US\$|dollars|dólares)\b"), "USD"),
    (re.compile(r"\s?(?:EUR|€|euros)"), "EUR"),
    (re.compile(r"\s?(?:years|años|ans)\b"), "years"),
    (re.compile(r"\s?(?:days|días|jours)\b"), "days"),
    (re.compile(r"\s?(?:GWh|MWh|kWh|MW|GW)\b"), ""),
    (re.compile(r"\s?(?:µg|μg|ug)\s?/\s?m(?:3|³)"), "µg/m³"),  # canonical = the matched symbol
    (re.compile(r"\s?(?:m|metres|meters|metros|mètres)\b(?!\s*\d)"), "m"),
]
_SCALE_RE = re.compile(
    r"\s?(?P<scale>mil\s+millones|millones|millón|million(?:s)?|milliards?|billion|bn|mn)\b"
)
_SCALES = {"mil millones": 1e9, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "bn": 1e9}
_CURRENCY_BEFORE = re.compile(r"(?:USD|US\$|\$|EUR|€)\s?$")


def parse_number(raw: str, language: str) -> float | None:
    """Parse a number as written in ``language``: "87,4" (es/fr) = 87.4, "1.234,5" (es) =
    1234.5, "1 234,5" (fr) = 1234.5, "1,234.5" (en) = 1234.5; None if not a number."""
    s = raw.strip().replace("\u2212", "-")
    for sp in _SPACES:
        s = s.replace(sp, "")
    if not s or not re.fullmatch(r"-?\d[\d.,]*", s):
        return None
    comma_decimal = language in {"es", "fr", "pt", "it", "de"}
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in s:
        groups = s.lstrip("-").split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if len(groups) > 2 or (thousands and not comma_decimal):
            if not thousands:
                return None
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif "." in s:
        groups = s.lstrip("-").split(".")
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if len(groups) > 2:
            if not thousands:
                return None
            s = s.replace(".", "")
        elif thousands and language == "es" and groups[0] != "0":
            s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Number:
    start: int
    end: int  # end of number + unit
    value: float | None
    unit: str | None
    is_year: bool
    year: int | None


def _unit_after(text: str, pos: int) -> tuple[str | None, float, int]:
    """Unit (canonical), scale factor and end position of what follows a number at ``pos``."""
    scale = 1.0
    end = pos
    m = _SCALE_RE.match(text, end)
    if m:
        word = " ".join(m.group("scale").lower().split())
        scale = _SCALES.get(word, 1e6)
        end = m.end()
    for rx, canon in _UNITS:
        u = rx.match(text, end)
        if not u:
            continue
        if canon == "per":
            per = int(re.sub(r"\D", "", u.group("per")) or 0)
            if per < 10:
                continue
            return f"per {per:,}", scale, u.end()
        return (canon or u.group(0).strip()), scale, u.end()
    return None, scale, end


_REF_BEFORE = re.compile(
    r"(?:sdg|ods|odd|goal|goals|objetivo|objectif|target|meta|cible|indicator|indicador"
    r"|indicateur|table|tabla|tableau|figure|figura|graph|gráfico|page|página|section|sección"
    r"|chapter|capítulo|chapitre|annex|anexo|annexe|n°|no\.|nº|#)s?\s*$",
    re.IGNORECASE,
)


def _numbers(text: str, language: str, mask: Sequence[tuple[int, int]]) -> list[_Number]:
    """Numbers with their units, skipping masked spans (codes) and reference numbers
    ("Goal 6", "Table 3")."""
    out: list[_Number] = []
    consumed = 0  # end of the previous number's unit: "per 100,000" is not a second figure
    for m in _NUM_RE.finditer(text):
        if m.start() < consumed:
            continue
        if any(a < m.end() and m.start() < b for a, b in mask):
            continue
        if _REF_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        raw = m.group(0)
        value = parse_number(raw, language)
        if value is None:
            continue
        unit, scale, end = _unit_after(text, m.end())
        if unit is None and _CURRENCY_BEFORE.search(text[max(0, m.start() - 5) : m.start()]):
            cur = _CURRENCY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
            unit = "EUR" if cur and ("€" in cur.group(0) or "EUR" in cur.group(0)) else "USD"
        compact = raw.strip()
        is_year = bool(_YEAR_RE.match(compact)) and unit is None and scale == 1.0
        year = int(compact) if is_year else None
        out.append(_Number(m.start(), end, value * scale, unit, is_year, year))
        consumed = end
    return out


# --------------------------------------------------------------------------------------------
# Codes

_CODE_RE = re.compile(r"(?<![\w.,/-])(\d{1,2})\.(\d{1,2}|[a-c])\.(\d{1,2})(?![\w]|[.,/-]\d)")
_KEYWORD_BEFORE = re.compile(
    r"(?:indicators?|indicador(?:es)?|indicateurs?|sdg|ods|odd|objective|meta|cible|target)"
    r"[\s:.#-]*(?:\d{1,2}\.(?:\d{1,2}|[a-c])\.\d{1,2}[\s,;]*(?:and|y|et|&|,)?[\s,]*)*$",
    re.IGNORECASE,
)
# Numbered things that look like codes: "version 3.2.1", "section 2.1.1", "art. 1.2.3".
_NOT_INDICATOR_BEFORE = re.compile(
    r"\b(?:versions?|v|release|section|sección|chapter|chapitre|capítulo|article|artículo|art"
    r"|paragraph|párrafo|paragraphe|figure|figura|table|tableau|tabla|annex|annexe|anexo|page"
    r"|página|p|pp|decree|décret|decreto|law|loi|ley|step|étape|paso|point|punto)\.?\s*$",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(r"^[\s,;/&]*(?:and|y|e|et|&|,)?[\s,;/&]*$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"respectiv|respectivamente|respectivement", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\"'(¿¡]?[A-ZÁÉÍÓÚÑÀÂÈÊÎÔÛÇ])")


def _codes(text: str) -> list[tuple[str, int, int]]:
    valid = valid_indicator_codes()
    found = []
    for m in _CODE_RE.finditer(text):
        mid = m.group(2) if m.group(2).isalpha() else str(int(m.group(2)))
        code = f"{int(m.group(1))}.{mid}.{int(m.group(3))}"
        if code in valid:
            found.append((code, m.start(), m.end()))
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


_FROM_BEFORE = re.compile(r"\b(?:from|de|desde|del|passant\s+de|passé\s+de)\s*$", re.IGNORECASE)
_TO_BETWEEN = re.compile(
    r"^\s*(?:[^\s\d]{1,8}\s+)?(?:(?:in|en)\s+\d{4}\s*|\(\d{4}\)\s*)?,?\s*(?:to|a|à|al|hasta)\s*$",
    re.IGNORECASE,
)


_CHANGE_BEFORE = re.compile(
    r"\b(?:grew|grown|grow|increased|decreased|declined|fell|rose|dropped|reduced|cut|improved"
    r"|expanded|up|down|aumentó|creció|disminuyó|bajó|subió|cayó|augmenté|diminué|progressé"
    r"|baissé|reculé|hausse|baisse)\s+(?:by|en|de|d'|of)\s*$",
    re.IGNORECASE,
)
# "against 9 percent", "contre 20,5 %": a comparison figure, not the indicator's value
_COMPARE_BEFORE = re.compile(
    r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|contre|par\s+rapport\s+à|frente\s+al?"
    r"|comparad[oa]\s+con|en\s+comparaison\s+avec)\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|ages|between|under|over|entre|edad|de\s+\d+\s+a|âgés?\s+de)\s*$", re.IGNORECASE
)


def _pick_value(values: Sequence[_Number], text: str) -> _Number | None:
    """The figure that belongs to an indicator: the first after it, except that a change
    ("grew by 8 percent") or an age bound ("aged 18 to 35") is passed over, a figure with a
    unit wins over a bare one, and in "from X to Y" ("de X a Y", "passant de X à Y") the
    current value Y is taken."""

    def context(n: _Number) -> str:
        return text[max(0, n.start - 24) : n.start]

    values = [
        n
        for n in values
        if not any(rx.search(context(n)) for rx in (_CHANGE_BEFORE, _AGE_BEFORE, _COMPARE_BEFORE))
    ]
    if not values:
        return None
    with_unit = [n for n in values if n.unit]
    first = values[0] if values[0].unit or not with_unit else with_unit[0]
    values = values[values.index(first) :]
    if len(values) > 1:
        second = values[1]
        if _FROM_BEFORE.search(text[max(0, first.start - 12) : first.start]) and _TO_BETWEEN.match(
            text[first.end : second.start]
        ):
            # "from 25.3 µg/m3 to 21.0": the unit is written once, on the first figure
            return second if second.unit or not first.unit else replace(second, unit=first.unit)
    return first


_RANGE_END = re.compile(
    r"\s*(?:-|–|—|/|to|a|à|al|and|y|et|hasta|au)\s*(?:el\s+|l'an\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _year_value(text: str, n: _Number) -> int | None:
    """A year, or the end of a range that starts with it ("2015 a 2020" -> 2020)."""
    m = _RANGE_END.match(text, n.end)
    return int(m.group(1)) if m else n.year


def _year_for(
    num: _Number | None,
    numbers: Sequence[_Number],
    lo: int,
    hi: int,
    before_year: int | None,
    text: str = "",
) -> int | None:
    """Year of a figure found in text[lo:hi], in this order: a year right after it ("87.4% in
    2022", "(2022)"); a year between the previous figure and it ("(2022): 87.4%", "In 2022,
    24.6% ..."); a year written before the indicator code ("In 2021, indicator ..."); the first
    year after it and before the next figure; else the nearest year. A range gives its end."""
    years = [n for n in numbers if n.is_year and lo <= n.start < hi]
    if num is None:
        return _year_value(text, years[0]) if years else before_year
    figures = [n for n in numbers if not n.is_year and lo <= n.start < hi]
    nxt = min((n.start for n in figures if n.start > num.start), default=hi)
    prv = max((n.end for n in figures if n.end <= num.start), default=lo)
    after = [n for n in years if num.end <= n.start < nxt]
    if after and after[0].start - num.end <= 15:
        return _year_value(text, after[0])
    between = [n for n in years if prv <= n.start and n.end <= num.start]
    if between:
        return _year_value(text, between[-1])
    if before_year is not None:
        return before_year
    if after:
        return _year_value(text, after[0])
    if years:
        return _year_value(text, min(years, key=lambda n: abs(n.start - num.start)))
    return None


def _from_codes_in_sentence(sentence: str, language: str) -> tuple[list[IndicatorValue], int]:
    """Indicator values for the codes of one sentence.

    Returns the values and the length of the sentence prefix that no code claimed (0 when a code
    took a figure from it, or the sentence has no code): that prefix may still name an indicator
    ("The maternal mortality ratio was 355 ..., and indicator 3.1.2 shows ...").
    """
    codes = _codes(sentence)
    if not codes:
        return [], len(sentence)
    mask = [(a, b) for _, a, b in codes]
    numbers = _numbers(sentence, language, mask)
    # Group codes written together ("6.1.1 and 6.2.1"): they share the values that follow.
    groups: list[list[tuple[str, int, int]]] = []
    for c in codes:
        if groups and _CONNECTOR.match(sentence[groups[-1][-1][2] : c[1]]):
            groups[-1].append(c)
        else:
            groups.append([c])
    out: list[IndicatorValue] = []
    used: set[int] = set()  # starts of figures already given to a code
    free_prefix = 0
    for gi, group in enumerate(groups):
        keyword = _KEYWORD_BEFORE.search(sentence[: group[0][1]])
        group_start = keyword.start() if keyword is not None else group[0][1]
        if gi == 0:
            free_prefix = group_start
        seg_start = group[-1][2]
        seg_end = groups[gi + 1][0][1] if gi + 1 < len(groups) else len(sentence)
        values = [n for n in numbers if not n.is_year and seg_start <= n.start < seg_end]
        lo, hi = seg_start, seg_end
        if len(group) == 1 and _pick_value(values, sentence) is None:
            # "38.5% of the population ... according to indicator 6.2.1": figure before the code
            prev_end = groups[gi - 1][-1][2] if gi else 0
            before = [
                n
                for n in numbers
                if not n.is_year and prev_end <= n.start < group_start and n.start not in used
            ]
            if before:
                values, lo, hi = before[-1:], prev_end, seg_end
                if gi == 0:
                    free_prefix = 0
        before_years = [n for n in numbers if n.is_year and n.end <= group[0][1]]
        before_year = before_years[-1].year if before_years else None
        if keyword is None and (
            not values
            or _NOT_INDICATOR_BEFORE.search(sentence[max(0, group[0][1] - 16) : group[0][1]])
        ):
            continue  # a bare code with no figure, or after "section"/"version": not an indicator
        if (
            len(group) > 1
            and len(values) >= len(group)
            and (_RESPECTIVELY.search(sentence[seg_start:seg_end]) or len(values) == len(group))
        ):
            picks: list[_Number | None] = list(values[: len(group)])
        elif len(group) > 1:
            picks = [None] * len(group)  # shared figures we cannot attribute
        else:
            picks = [_pick_value(values, sentence)]
        for (code, code_start, code_end), num in zip(group, picks, strict=True):
            if num is not None:
                used.add(num.start)
            year = _year_for(num, numbers, lo, hi, before_year, sentence)
            c_start = group_start if len(group) == 1 else code_start
            first = min(c_start, num.start) if num is not None else c_start
            last = max(num.end if num is not None else code_end, code_end)
            if year is not None:
                ys = [n.end for n in numbers if n.is_year and n.year == year and n.start >= last]
                if ys and min(ys) - last < 40:
                    last = min(ys)
            matched = " ".join(sentence[first:last].split()).rstrip(" ,;:(")
            if year is not None and matched.endswith(f"({year}"):
                matched += ")"
            out.append(
                IndicatorValue(
                    code,
                    num.value if num else None,
                    num.unit if num else None,
                    year,
                    matched,
                )
            )
    return out, free_prefix


# --------------------------------------------------------------------------------------------
# Titles (names without a code)

_STOP_WORDS = """
    a an and are as at be by for from in into is it its of on or per than that the their this
    to with which who whose all total number proportion share rate ratio level percentage
    de del la las el los y o en por para con que se su sus un una uno al lo como desglosada
    desglosado segun sobre entre total numero proporcion tasa porcentaje nivel
    le les des du et ou au aux dans par pour avec sur un une qui dont selon ventile ventilee
    nombre proportion taux pourcentage niveau part
    use used using among within out aged utiliza utilizan utilisant
    year years age ages ano anos edad annee annees ans
    cada chaque each every mas plus more less menos moins indice index valor value
    million millions millones billion milliard milliards thousand hundred mil cent percent
"""
_STOP = frozenset(_STOP_WORDS.split())


_PHRASES = (
    (re.compile(r"gross domestic product"), "gdp"),
    (re.compile(r"producto (?:interno|interior) bruto"), "pib"),
    (re.compile(r"produit interieur brut"), "pib"),
)


def _norm_words(text: str) -> list[str]:
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
    for rx, short in _PHRASES:
        folded = rx.sub(short, folded)
    return re.findall(r"[a-z][a-z0-9]+", folded)


# Words that name the same population in prose and in titles.
_SYNONYMS = {
    "residents": "population",
    "inhabitants": "population",
    "habitantes": "poblacion",
    "residentes": "poblacion",
    "habitants": "population",
    "residents'": "population",
}
# Suffixes stripped before truncation, longest first (en, es, fr mixed: titles are short).
_SUFFIXES = (
    "aciones",
    "ations",
    "ements",
    "idades",
    "acion",
    "ation",
    "ement",
    "ments",
    "mente",
    "idad",
    "ment",
    "ings",
    "ies",
    "ing",
    "ees",
    "es",
    "ed",
    "ee",
    "s",
)


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            word = word[: -len(suf)]
            break
    return word[:7]


def _stems(text: str) -> list[str]:
    """Content-word stems: folded words of 3+ letters, minus stop words, light suffix
    stripping, cut to 7 letters; folds plurals and most en/es/fr inflections together."""
    words = (_SYNONYMS.get(w, w) for w in _norm_words(text))
    return [_stem(w) for w in words if len(w) >= 3 and w not in _STOP]


# Where a title's disaggregation tail starts: ", by sex, age ...", ", desglosada por ...".
_TAIL_RE = re.compile(
    r",\s*(?:by|por|par|desglosad[ao]s?|ventil[ée]e?s?)\s|\s(?:by\s+(?:sex|age|type|income"
    r"|location|disability|urban)|desglosad[ao]s?|por\s+sexo|ventil[ée]e?s?|par\s+sexe)\b",
    re.IGNORECASE,
)
_PARENS_RE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")


@dataclass(frozen=True)
class _TitleIndex:
    codes: tuple[str, ...]
    full: tuple[frozenset[str], ...]
    core: tuple[frozenset[str], ...]  # without the disaggregation tail ("by sex, age ...")
    core_words: tuple[frozenset[str], ...]  # folded words of the core, unstemmed
    idf: dict[str, float]
    postings: dict[str, frozenset[int]]


def _build_index(titles: Iterable[tuple[str, str]]) -> _TitleIndex:
    codes: list[str] = []
    full: list[frozenset[str]] = []
    core: list[frozenset[str]] = []
    core_words: list[frozenset[str]] = []
    for code, title in titles:
        # the core drops definitions in brackets and the disaggregation tail
        head = _TAIL_RE.split(_PARENS_RE.sub(" ", title), maxsplit=1)[0]
        codes.append(code)
        full.append(frozenset(_stems(title)))
        core.append(frozenset(_stems(head)) or frozenset(_stems(title)))
        core_words.append(frozenset(_norm_words(head)))
    df: dict[str, int] = {}
    for stems in full:
        for s in stems:
            df[s] = df.get(s, 0) + 1
    n = max(len(full), 1)
    idf = {s: math.log(1 + n / d) for s, d in df.items()}
    postings: dict[str, set[int]] = {}
    for i, stems in enumerate(full):
        for s in stems:
            postings.setdefault(s, set()).add(i)
    return _TitleIndex(
        tuple(codes),
        tuple(full),
        tuple(core),
        tuple(core_words),
        idf,
        {k: frozenset(v) for k, v in postings.items()},
    )


@lru_cache(maxsize=16)
def _official_index(language: str) -> _TitleIndex:
    titles = dict(official_titles("en"))
    pairs = [(c, t) for c, t in titles.items()]
    if language != "en":
        pairs += list(official_titles(language).items())
    return _build_index(pairs)


def _custom_index(titles: Mapping[str, str]) -> _TitleIndex:
    valid = valid_indicator_codes()
    return _build_index((c, t) for c, t in titles.items() if c in valid)


_TABLE_MIN_SCORE = 0.6
_PROSE_MIN_SCORE = 0.65
_MARGIN = 0.1
_MIN_SHARED = 2


def match_title(text: str, index: _TitleIndex, *, prose: bool) -> tuple[str, float] | None:
    """Best indicator for a name (table cell) or a sentence that names an indicator.

    Table cells are scored by the mean of how much of the cell the title explains and how much
    of the title's core the cell covers; prose by core coverage alone, since a sentence carries
    other words. Weights are IDF over the titles, so "proportion of population" counts little.
    The best title must beat the next different title by ``_MARGIN``. A title whose core is a
    single word ("Unemployment rate") needs that exact word in prose, not just its stem
    ("completed" is not "completion").
    """
    words = set(_norm_words(text))
    stems = set(_stems(text))
    cands: set[int] = set()
    for s in stems:
        cands |= index.postings.get(s, frozenset())
    w = index.idf
    scored: list[tuple[float, int]] = []
    for i in cands:
        shared = stems & index.full[i]
        if len(shared) < min(_MIN_SHARED, len(index.core[i])):
            continue
        if prose and len(index.core[i]) == 1 and not (words & index.core_words[i]):
            continue
        core_w = sum(w.get(s, 0.0) for s in index.core[i]) or 1.0
        core_cov = sum(w.get(s, 0.0) for s in shared & index.core[i]) / core_w
        if prose:
            score = core_cov
        else:
            text_w = sum(w.get(s, 1.0) for s in stems) or 1.0
            text_cov = sum(w.get(s, 0.0) for s in shared) / text_w
            score = 0.5 * (core_cov + text_cov)
        scored.append((score, i))
    if not scored:
        return None
    scored.sort(key=lambda si: (-si[0], _code_sort_key(index.codes[si[1]])))
    best_score, best_i = scored[0]
    runner_up = next((sc for sc, i in scored[1:] if index.full[i] != index.full[best_i]), 0.0)
    threshold = _PROSE_MIN_SCORE if prose else _TABLE_MIN_SCORE
    if best_score < threshold or best_score - runner_up < _MARGIN:
        return None
    return index.codes[best_i], round(best_score, 3)


# --------------------------------------------------------------------------------------------
# Table rows

_YEAR_CELL = re.compile(r"^\(?((?:19[5-9]\d|20[0-4]\d))\)?(?:\s*[/-]\s*\d{2,4})?$")


def _table_row(row: str, language: str, index: _TitleIndex) -> list[IndicatorValue]:
    cells = [c.strip() for c in row.split("|")]
    code: str | None = None
    method, score = "code", 1.0
    anchor = -1  # index of the cell holding the code (or the matched name)
    name_cells: list[tuple[int, str]] = []
    value_cells: list[tuple[int, _Number]] = []
    year_cells: list[tuple[int, int]] = []
    row_unit: str | None = None
    for ci, cell in enumerate(cells):
        if not cell:
            continue
        unit, _scale, unit_end = _unit_after(cell, 0)
        if unit is not None and unit_end == len(cell):
            row_unit = unit  # a unit column ("%", "per 100,000") applies to unitless figures
            continue
        y = _YEAR_CELL.match(cell)
        if y:
            year_cells.append((ci, int(y.group(1))))
            continue
        codes = _codes(cell)
        if codes and code is None and codes[0][1] <= 12:
            code, anchor = codes[0][0], ci
            rest = cell[codes[0][2] :].strip(" :.-–")
            if rest and not _NUM_RE.fullmatch(rest):
                name_cells.append((ci, rest))
            continue
        nums = _numbers(cell, language, [(a, b) for _, a, b in codes])
        non_year = [n for n in nums if not n.is_year]
        letters = len(re.findall(r"[^\W\d_]", cell))
        if non_year and letters <= 25:
            value_cells.append((ci, non_year[0]))
            if len([n for n in nums if n.is_year]) == 1 and not year_cells:
                year_cells.append((ci, next(n.year for n in nums if n.is_year and n.year)))
        elif letters > 3:
            name_cells.append((ci, cell))
    if code is None:
        for ci, name in name_cells:
            hit = match_title(name, index, prose=False)
            if hit:
                (code, score), anchor = hit, ci
                method = "title"
                break
    # figures sit right of the indicator; a "6.1" target column on its left is not a value
    value_cells = [(ci, n) for ci, n in value_cells if ci > anchor]
    if code is None or not (value_cells or method == "code"):
        return []
    matched = " | ".join(cells)
    if not value_cells:
        year = year_cells[0][1] if year_cells else None
        return [IndicatorValue(code, None, None, year, matched, method, score)]
    out: list[IndicatorValue] = []
    pairs: list[tuple[_Number, int | None]]
    if len(value_cells) == len(year_cells) and len(value_cells) > 1:
        pairs = [(v, y) for (_, v), (_, y) in zip(value_cells, year_cells, strict=True)]
    else:
        year = year_cells[-1][1] if year_cells else None
        pairs = [(v, year) for _, v in value_cells]
    for num, year in pairs:
        unit = num.unit or row_unit
        out.append(IndicatorValue(code, num.value, unit, year, matched, method, score))
    return out


# --------------------------------------------------------------------------------------------
# Public API


def find_indicator_values(
    text: str, language: str = "en", indicator_titles: Mapping[str, str] | None = None
) -> list[IndicatorValue]:
    """Indicator figures in a passage or a table row (cells joined by " | ").

    Explicit codes ("indicator 6.1.1", "indicador 6.1.1:", "l'indicateur 11.1.1") take the first
    figure after them in the same sentence (up to the next code) and the nearest year; a bare code
    with neither a figure nor an "indicator"/"SDG" word before it is skipped as a section number.
    Codes listed together share the following figures when their counts agree ("6.1.1 and
    6.2.1 reached 87% and 54%, respectively"). Sentences and rows without a code are matched
    against ``indicator_titles`` (code -> title) or, when None, the official titles in English
    and ``language``; a name match needs a figure in the same sentence. Codes outside the
    official list are ignored.
    """
    if not text or not text.strip():
        return []
    language = (language or "en").lower()[:2]
    index = _custom_index(indicator_titles) if indicator_titles else _official_index(language)
    if " | " in text or text.count("|") >= 2:
        rows = [r for r in re.split(r"\n+", text) if r.strip()]
        out = []
        for row in rows:
            out.extend(_table_row(row, language, index))
        return _dedupe(out)
    out = []
    for s0, s1 in _sentences(text):
        sentence = text[s0:s1]
        found, free = _from_codes_in_sentence(sentence, language)
        out.extend(found)
        named = _from_title(sentence[:free].rstrip(" ,;:(") if found else sentence, language, index)
        if named is not None:
            out.append(named)
    return _dedupe(out)


_TARGET_YEAR = re.compile(
    r"\b(?:by|until|para|hasta|d'ici|horizon)\s+(?:el\s+|l'an\s+|the\s+year\s+)?"
    r"(?:2025|2030|2035|2040|2045|2050)\b",
    re.IGNORECASE,
)


_RATE_TITLE = re.compile(
    r"^(?:proportion|percentage|share|prevalence|coverage|proporci[oó]n|porcentaje|prevalencia"
    r"|pourcentage|pr[ée]valence|taux|tasas?)\b|\b(?:rate|ratio|tasa|taux|per\s+(?:100|1,?000|"
    r"10,?000|100,?000|million)|por\s+cada|pour\s+(?:100|1\s?000))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)
def _expects_rate(code: str) -> bool:
    """Whether the official English title is a proportion, rate or ratio (so a figure for it
    in prose must be a percentage or a "per N")."""
    return bool(_RATE_TITLE.search(official_titles("en").get(code, "")))


def _from_title(sentence: str, language: str, index: _TitleIndex) -> IndicatorValue | None:
    """A sentence that names an indicator without its code and gives a figure for it.

    A sentence whose figure looks ahead to a horizon year ("reduce emissions by 28 percent by
    2030") states a target, not a measured value, and is skipped.
    """
    all_numbers = _numbers(sentence, language, [])
    numbers = [n for n in all_numbers if not n.is_year]
    if not numbers:
        return None
    hit = match_title(sentence, index, prose=True)
    if hit is None:
        return None
    code, score = hit
    num = _pick_value(numbers, sentence)
    if num is None or _TARGET_YEAR.search(sentence[num.end :]):
        return None
    if _expects_rate(code) and not (num.unit == "%" or (num.unit or "").startswith("per ")):
        return None  # "trained 60 youth agents" is not a proportion of youth
    year = _year_for(num, all_numbers, 0, len(sentence), None, sentence)
    text = " ".join(sentence.split())
    return IndicatorValue(code, num.value, num.unit, year, text, "title", score)


def _dedupe(values: Iterable[IndicatorValue]) -> list[IndicatorValue]:
    seen: set[tuple[str, float | None, str | None, int | None]] = set()
    out: list[IndicatorValue] = []
    for v in values:
        key = (v.indicator, v.value, v.unit, v.year)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _best(values: Sequence[IndicatorValue], year: int | None = None) -> IndicatorValue:
    """Prefer a figure (over a bare mention), then the given year, then the latest year, then
    an explicit code, then the first found."""

    def key(iv: tuple[int, IndicatorValue]) -> tuple[int, int, int, int, int]:
        i, v = iv
        return (
            v.value is not None,
            year is not None and v.year == year,
            v.year or 0,
            v.method == "code",
            -i,
        )

    return max(enumerate(values), key=key)[1]


def match_indicator_reuse(
    local: list[IndicatorValue], national: list[IndicatorValue]
) -> list[IndicatorReuse]:
    """Pair each indicator reported by both a VLR (``local``) and its VNR (``national``).

    One pair per indicator code, sorted by code. When both sides report a figure for a common
    year, that year is compared (like with like); otherwise each side's latest figure is used.
    """
    by_local: dict[str, list[IndicatorValue]] = {}
    by_national: dict[str, list[IndicatorValue]] = {}
    for v in local:
        by_local.setdefault(v.indicator, []).append(v)
    for v in national:
        by_national.setdefault(v.indicator, []).append(v)
    out: list[IndicatorReuse] = []
    for code in sorted(set(by_local) & set(by_national), key=_code_sort_key):
        loc_years = {v.year for v in by_local[code] if v.value is not None and v.year}
        nat_years = {v.year for v in by_national[code] if v.value is not None and v.year}
        common = max(loc_years & nat_years) if loc_years & nat_years else None
        lv = _best(by_local[code], common)
        nv = _best(by_national[code], common)
        same_unit = lv.unit == nv.unit
        diff = None
        if same_unit and lv.value is not None and nv.value is not None:
            diff = round(lv.value - nv.value, 6)
        same_year = lv.year is not None and lv.year == nv.year
        out.append(IndicatorReuse(code, lv, nv, same_unit, same_year, diff))
    return out
