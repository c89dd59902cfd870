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
    named_localities,
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
    # a bare name with an implementation verb: implementation sited there, with a low score
    m = by_kind("Bogotá implemented new bus lanes.", "en", ("Bogotá",))["lrg_implementation"]
    assert isinstance(m, LocalizationMention)
    assert m.locality == "Bogotá" and m.score == pytest.approx(0.5)
    assert kinds("Bogotá implemented new bus lanes.", "en", ()) == set()


def test_nearest_locality_is_chosen() -> None:
    text = (
        "Medellín hosted the forum. Later, the City of Quito published its voluntary local review."
    )
    m = by_kind(text, "en", ("Medellín", "Quito"))["vlr_reference"]
    assert isinstance(m, LocalizationMention)
    assert m.locality == "Quito"


@pytest.mark.parametrize(
    ("language", "text", "localities"),
    [
        ("en", "Kisumu County built 63 sand dams between 2018 and 2022.", ("Kisumu County",)),
        ("en", "The first dispensers were installed in Kisumu in 2018.", ("Kisumu",)),
        ("en", "Climate funds now operate in 45 counties.", ()),
        ("es", "Los departamentos financian la ampliación de los acueductos rurales.", ()),
        ("fr", "Les départements ont installé 120 bornes-fontaines en 2021.", ()),
        ("fr", "Tamaroune a construit trois marchés couverts.", ("Tamaroune",)),
    ],
)
def test_local_implementation_by_named_places_and_territories(
    language: str, text: str, localities: tuple[str, ...]
) -> None:
    assert "lrg_implementation" in kinds(text, language, localities)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The Kisumu review shows how a lake city reports on goals.", {"vlr_reference"}),
        ("en", "The report published by Kisumu in 2023 focuses on mobility.", {"vlr_reference"}),
        ("en", "Kisumu hosted the launch of this review.", set()),
        ("es", "El informe de Kisumu de 2021 analiza el agua.", {"vlr_reference"}),
        ("es", "Kisumu aparece en el informe nacional.", set()),
        ("fr", "Le rapport de Kisumu présente douze indicateurs.", {"vlr_reference"}),
    ],
)
def test_a_named_localitys_own_review(language: str, text: str, expected: set[str]) -> None:
    assert kinds(text, language, ("Kisumu",)) & {"vlr_reference"} == expected


def test_committee_membership_is_consultation() -> None:
    text = (
        "The association of county governments nominated two representatives to the technical"
        " committee that drafted the review."
    )
    assert "lrg_consultation" in kinds(text, "en")


def test_all_named_localities_are_listed() -> None:
    text = (
        "Lakemere was the first city to publish a Voluntary Local Review, followed by"
        " Kavuli County and Port Tembo."
    )
    (m,) = find_mentions(text, "en", ("Port Tembo", "Lakemere", "Kavuli County"))
    assert m.kind == "vlr_reference"
    assert m.localities == ("Lakemere", "Kavuli County", "Port Tembo")
    assert m.locality == "Kavuli County"  # the one named nearest to "Voluntary Local Review"
    spans = named_localities(text, ("Port Tembo", "Lakemere", "Kavuli County"))
    assert [(name, text[a:b]) for name, a, b in spans] == [
        ("Lakemere", "Lakemere"),
        ("Kavuli County", "Kavuli County"),
        ("Port Tembo", "Port Tembo"),
    ]


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
def test_sample_truth_mentions() -> None:
    """Run find_mentions over each truth quote (not the PDFs): per-kind recall, and the kinds
    found beyond the truth label. The rules are not fitted to these sentences."""
    rows = _read_csv(SAMPLE_TRUTH / "mentions.csv")
    catalog = _read_csv(SAMPLE_TRUTH.parent / "catalog.csv")
    languages = {r["doc_id"]: r["language"] or "en" for r in catalog}
    localities = tuple(sorted({r["locality"] for r in catalog if r["locality"]}))
    hit: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    extra: dict[str, int] = defaultdict(int)
    loc_hit = loc_total = 0
    for r in rows:
        found = find_mentions(r["quote"], languages[r["doc_id"]], localities)
        got = {m.kind for m in found}
        total[r["kind"]] += 1
        hit[r["kind"]] += r["kind"] in got
        for k in got - {r["kind"]}:
            extra[k] += 1
        if r["locality"]:
            loc_total += 1
            loc_hit += any(r["locality"] in m.localities for m in found if m.kind == r["kind"])
    for k in sorted(total):
        print(f"{k}: recall {hit[k]}/{total[k]} = {hit[k] / total[k]:.2f}")
    print(f"kinds found beyond the truth label: {dict(extra)}; localities {loc_hit}/{loc_total}")
    assert sum(hit.values()) / max(sum(total.values()), 1) >= 0.8
    assert loc_hit >= 0.8 * loc_total


@pytest.mark.skipif(
    not (SAMPLE_TRUTH / "involvement.csv").exists(), reason="sample corpus not generated"
)
def test_sample_truth_involvement() -> None:
    """Grade each sample VNR from its truth sentences (counting mentions scoring >= 0.6, as the
    pipeline does) and compare with the truth level; print the precision of mention sentences."""
    truth = {r["doc_id"]: r["level"] for r in _read_csv(SAMPLE_TRUTH / "involvement.csv")}
    catalog = {r["doc_id"]: r for r in _read_csv(SAMPLE_TRUTH.parent / "catalog.csv")}
    localities = tuple(sorted({r["locality"] for r in catalog.values() if r["locality"]}))
    quotes = {(r["doc_id"], r["quote"]) for r in _read_csv(SAMPLE_TRUTH / "mentions.csv")}
    sentences: dict[str, list[str]] = defaultdict(list)
    for r in _read_csv(SAMPLE_TRUTH / "sentences.csv"):
        sentences[r["doc_id"]].append(r["sentence"])
    agree = flagged = on_truth = 0
    for doc_id, level in truth.items():
        counts: dict[str, int] = defaultdict(int)
        for sentence in sentences[doc_id]:
            found = [
                m
                for m in find_mentions(sentence, catalog[doc_id]["language"], localities)
                if m.score >= 0.6
            ]
            for m in found:
                counts[m.kind] += 1
            flagged += bool(found)
            on_truth += bool(found) and (doc_id, sentence) in quotes
        got, reason = involvement_level(counts, len(sentences[doc_id]))
        print(f"{doc_id}: truth {level}, got {got} ({reason})")
        agree += got == level
    # truth quotes are one sentence per marked paragraph, so this precision is a lower bound
    print(f"sentences flagged {flagged}, of which truth quotes {on_truth}")
    assert agree >= 0.75 * len(truth)
