"""Localization signals in VNR passages: hand-written en/es/fr examples, negatives, levels."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from models.localization import (
    KINDS,
    LocalizationMention,
    find_mentions,
    fold,
    involvement_level,
)

SAMPLE_TRUTH = Path(__file__).resolve().parent.parent / "data" / "sample" / "truth"


def kinds(text: str, language: str, localities: tuple[str, ...] = ()) -> set[str]:
    return {m.kind for m in find_mentions(text, language, localities)}


def by_kind(text: str, language: str, localities: tuple[str, ...] = ()) -> dict[str, object]:
    return {m.kind: m for m in find_mentions(text, language, localities)}


def test_fold_keeps_length_and_strips_accents() -> None:
    text = "Revisión Local Voluntaria — l’examen, multi-level, ÉLUS"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "revision local voluntaria   l'examen, multi level, elus"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Three cities have published Voluntary Local Reviews since 2019."),
        ("en", "The VLR of the capital was presented at the HLPF."),
        ("en", "A voluntary subnational review (VSR) was produced by the association."),
        ("es", "La ciudad presentó su Revisión Local Voluntaria en 2021."),
        ("es", "Varios municipios elaboraron informes locales voluntarios."),
        ("fr", "La ville a présenté son examen local volontaire en 2022."),
        ("fr", "Deux communes ont publié un rapport local volontaire."),
    ],
)
def test_vlr_reference(language: str, text: str) -> None:
    assert "vlr_reference" in kinds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Local governments were consulted through regional workshops."),
        ("en", "The association of municipalities took part in drafting this report."),
        ("en", "A survey of mayors informed the national review."),
        ("en", "LRGs contributed inputs to the VNR."),
        ("es", "Los gobiernos locales participaron en talleres de consulta."),
        ("es", "La Federación de Municipios validó el informe nacional voluntario."),
        ("es", "Se aplicó una encuesta a las alcaldías durante la elaboración del examen."),
        ("fr", "Les collectivités territoriales ont été consultées lors d'ateliers régionaux."),
        ("fr", "L'Association des maires a participé à l'élaboration du rapport."),
        ("fr", "Les élus locaux ont validé le rapport national volontaire."),
    ],
)
def test_lrg_consultation(language: str, text: str) -> None:
    assert "lrg_consultation" in kinds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Municipalities have aligned their local development plans with the SDGs."),
        ("en", "Multilevel governance mechanisms coordinate national and subnational action."),
        ("en", "Several county governments tag their budgets to the SDGs."),
        ("en", "The localization of the SDGs is supported by fiscal decentralisation."),
        ("es", "Los municipios alinearon sus planes de desarrollo municipal con los ODS."),
        ("es", "La descentralización fiscal fortalece la gobernanza multinivel."),
        ("es", "Los gobiernos autónomos descentralizados implementan la Agenda 2030."),
        ("fr", "Les communes intègrent les ODD dans leurs plans communaux de développement."),
        ("fr", "La localisation des ODD passe par la gouvernance multiniveau."),
        ("fr", "Les collectivités territoriales mettent en œuvre les ODD."),
    ],
)
def test_lrg_implementation(language: str, text: str) -> None:
    assert "lrg_implementation" in kinds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Data disaggregated by municipality are still scarce."),
        ("en", "Regional statistics offices produce local indicators."),
        ("en", "Few indicators are available at the subnational level."),
        ("es", "Faltan datos desagregados a nivel municipal."),
        ("es", "Las oficinas regionales de estadística publican indicadores locales."),
        ("fr", "Les données au niveau communal restent rares."),
        ("fr", "Les directions régionales de la statistique produisent des données locales."),
    ],
)
def test_local_data(language: str, text: str) -> None:
    assert "local_data" in kinds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Local market prices rose sharply in 2022."),
        ("en", "Schools promote locally sourced food and local products."),
        ("en", "Decentralized renewable energy systems reach remote villages."),
        ("en", "Regional cooperation with neighbouring countries expanded trade."),
        ("en", "The national statistics office publishes sex-disaggregated data."),
        ("en", "Data are disaggregated by sex and age."),
        ("en", "Cities are growing fast and urban areas host most of the population."),
        ("es", "Los precios de los mercados locales subieron."),
        ("es", "Se promueve el consumo de productos locales."),
        ("es", "Los datos están desagregados por sexo y edad."),
        ("fr", "Les produits locaux sont valorisés dans les cantines."),
        ("fr", "Une vision commune guide les actions communes du gouvernement."),
        ("fr", "Les prix sur les marchés locaux ont augmenté."),
        ("en", "The ministry hired consultants to survey river basins."),
        ("en", ""),
    ],
)
def test_generic_local_words_do_not_fire(language: str, text: str) -> None:
    assert find_mentions(text, language, ()) == []


def test_passage_can_carry_several_kinds_and_scores_are_bounded() -> None:
    text = (
        "Local and regional governments were consulted in workshops for this VNR. "
        "Three cities published Voluntary Local Reviews, and municipal data remain scarce."
    )
    found = find_mentions(text, "en", ())
    assert [m.kind for m in found] == ["vlr_reference", "lrg_consultation", "local_data"]
    for m in found:
        assert isinstance(m, LocalizationMention)
        assert 0.0 < m.score <= 0.99
        assert m.matched_terms
        assert all(t in text for t in m.matched_terms)


def test_consultants_are_not_consultation() -> None:
    found = kinds("Municipalities hired consultants to draft their local development plans.", "en")
    assert found == {"lrg_implementation"}


def test_matched_terms_keep_original_accents() -> None:
    m = by_kind("La ciudad presentó su Revisión Local Voluntaria.", "es")["vlr_reference"]
    assert isinstance(m, LocalizationMention)
    assert m.matched_terms == ("Revisión Local Voluntaria",)


def test_more_evidence_scores_higher() -> None:
    one = by_kind("Local governments implement projects.", "en")["lrg_implementation"]
    two = by_kind("Local governments implement projects under multilevel governance.", "en")[
        "lrg_implementation"
    ]
    assert isinstance(one, LocalizationMention) and isinstance(two, LocalizationMention)
    assert two.score > one.score


@pytest.mark.parametrize(
    ("language", "text", "localities", "expected"),
    [
        (
            "en",
            "The City of Cape Town aligned its budget with the SDGs.",
            ("Cape Town",),
            "Cape Town",
        ),
        ("es", "La Municipalidad de Córdoba implementa el plan.", ("Cordoba",), "Cordoba"),
        ("es", "La MUNICIPALIDAD DE CORDOBA implementa el plan.", ("Córdoba",), "Córdoba"),
        ("fr", "La Commune de Saint-Louis met en œuvre les ODD.", ("Saint Louis",), "Saint Louis"),
        (
            "en",
            "Nairobi County integrated the SDGs in its plans.",
            ("Nairobi City County",),
            "Nairobi City County",
        ),
    ],
)
def test_locality_prefixes_are_actors(
    language: str, text: str, localities: tuple[str, ...], expected: str
) -> None:
    m = by_kind(text, language, localities)["lrg_implementation"]
    assert isinstance(m, LocalizationMention)
    assert m.locality == expected


def test_bare_locality_fills_locality_but_is_not_an_actor() -> None:
    text = "Bogotá published a voluntary local review."
    m = by_kind(text, "es", ("Bogotá D.C.", "Medellín"))["vlr_reference"]
    assert isinstance(m, LocalizationMention)
    assert m.locality == "Bogotá D.C."
    m = by_kind(text, "en", ("Bogota", "Medellín"))["vlr_reference"]
    assert isinstance(m, LocalizationMention) and m.locality == "Bogota"
    assert by_kind("Paris signed the pact.", "en", ("Paris",)) == {}
    # a bare name with an implementation verb is not an LRG actor
    assert kinds("Bogotá implemented new bus lanes.", "es", ("Bogotá",)) == set()


def test_nearest_locality_is_chosen() -> None:
    text = (
        "Medellín hosted the forum. Later, the City of Quito published its voluntary local review."
    )
    m = by_kind(text, "en", ("Medellín", "Quito"))["vlr_reference"]
    assert isinstance(m, LocalizationMention)
    assert m.locality == "Quito"


def test_unknown_language_uses_all_term_lists() -> None:
    assert "vlr_reference" in kinds("Três cidades publicaram VLRs.", "pt")
    assert "lrg_consultation" in kinds("Los gobiernos locales participaron en talleres.", "pt")


# ---- involvement level -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "n", "level"),
    [
        ({}, 120, "none"),
        ({k: 0 for k in KINDS}, 120, "none"),
        ({"lrg_implementation": 3}, 0, "none"),
        ({"lrg_implementation": 4, "local_data": 1}, 120, "weak"),
        ({"vlr_reference": 2, "lrg_implementation": 5, "local_data": 3}, 120, "weak"),
        ({"lrg_mention": 2}, 120, "weak"),
        ({"lrg_consultation": 1}, 120, "consulted"),
        ({"lrg_consultation": 2, "lrg_implementation": 6}, 120, "consulted"),
        ({"lrg_consultation": 2, "lrg_implementation": 6, "vlr_reference": 1}, 120, "high"),
        ({"lrg_consultation": 1, "local_data": 2, "vlr_reference": 1}, 120, "high"),
    ],
)
def test_involvement_level(counts: dict[str, int], n: int, level: str) -> None:
    got, reason = involvement_level(counts, n)
    assert got == level
    assert reason and "\n" not in reason


def test_involvement_min_passages() -> None:
    counts = {"lrg_consultation": 1, "lrg_implementation": 1, "vlr_reference": 1}
    assert involvement_level(counts, 50)[0] == "high"
    assert involvement_level(counts, 50, min_passages=2)[0] == "none"


# ---- sample corpus truth (generated by data/sample/generate.py) -------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.skipif(
    not (SAMPLE_TRUTH / "mentions.csv").exists(), reason="sample corpus not generated"
)
def test_sample_truth_mentions_recall() -> None:
    """Run find_mentions over each truth quote and report per-kind recall; every kind the truth
    uses must be recovered for most quotes (rules are not fitted to these sentences)."""
    rows = _read_csv(SAMPLE_TRUTH / "mentions.csv")
    catalog_path = SAMPLE_TRUTH.parent / "catalog.csv"
    catalog = _read_csv(catalog_path) if catalog_path.exists() else []
    languages = {r["doc_id"]: r.get("language", "en") or "en" for r in catalog}
    localities = tuple(sorted({r["locality"] for r in catalog if r.get("locality")}))
    hit: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    extra: dict[str, int] = defaultdict(int)
    for r in rows:
        found = find_mentions(r["quote"], languages.get(r["doc_id"], "en"), localities)
        got = {m.kind for m in found}
        total[r["kind"]] += 1
        hit[r["kind"]] += r["kind"] in got
        for k in got - {r["kind"]}:
            extra[k] += 1
    for k in sorted(total):
        print(f"{k}: recall {hit[k]}/{total[k]} = {hit[k] / total[k]:.2f}, other kinds {extra[k]}")
    assert sum(hit.values()) / max(sum(total.values()), 1) >= 0.7
