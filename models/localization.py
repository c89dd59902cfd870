"""Localization signals in VNR passages: VLR references, LRG consultation and implementation,
local data.

A Voluntary National Review tells us how far a country involved its local and regional
governments (LRGs) in the SDGs. This module finds the passages that carry that evidence, in
English, Spanish and French, with rules a reader can audit: term lists written per language
(see ``_TERMS``) in a small token syntax, compiled to one regular expression per category and
run over an accent-folded copy of the passage; actor + cue rules then apply per sentence. Each
passage yields at most one :class:`LocalizationMention` per kind:

- ``vlr_reference``: the passage names a voluntary local / subnational review (VLR, VSR);
- ``lrg_consultation``: LRGs or their associations were consulted or took part in preparing the
  VNR (an LRG actor plus a consultation cue in the same sentence);
- ``lrg_implementation``: LRGs implement / localize the SDGs (an LRG actor plus an implementation
  cue, or a self-contained term such as "multilevel governance" or "localization of the SDGs");
- ``local_data``: subnational, municipal or geographically disaggregated data, local indicators,
  local statistics offices.

A word like "local" alone never fires: "local market prices" or "locally sourced food" carry no
actor and no data term. :func:`involvement_level` turns per-kind passage counts into a UCLG-style
grade (none | weak | consulted | high); docs/localization.md writes the rules down.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

KINDS: tuple[str, ...] = ("vlr_reference", "lrg_consultation", "lrg_implementation", "local_data")
LEVELS: tuple[str, ...] = ("none", "weak", "consulted", "high")
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es", "fr")

# Token distance under which an actor and its cue count as one statement (higher score).
_NEAR_TOKENS = 12


@dataclass(frozen=True)
class LocalizationMention:
    """One kind of localization evidence found in one passage.

    ``score`` in [0, 1] grows with the strength and number of matched cues (see
    ``_STRENGTH``); ``matched_terms`` are the surface strings from the passage, in reading order;
    ``locality`` is the catalog name of the locality named nearest to the evidence, if any, and
    ``localities`` all catalog localities the passage names, in reading order.
    """

    kind: str
    score: float
    matched_terms: tuple[str, ...] = field(default_factory=tuple)
    locality: str | None = None
    localities: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------------------------
# Normalisation: lower case, accents and typographic variants folded, *length preserved* so that
# character offsets in the normalised text are offsets in the original passage.

_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "-": " ",
    "\u2010": " ",
    "\u2011": " ",
    "\u2012": " ",
    "\u2013": " ",
    "\u2014": " ",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}


def fold(text: str) -> str:
    """Lower-case, strip accents and fold hyphens/apostrophes; ``len(fold(t)) == len(t)``.

    Keeping the length lets matches found in the folded text be cut from the original text, so
    ``matched_terms`` show what the document says, accents included.
    """
    out: list[str] = []
    for ch in text:
        mapped = _CHAR_MAP.get(ch)
        if mapped is not None:
            out.append(mapped)
            continue
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        out.append(base if len(base) == 1 else low)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Term lists. Mini-syntax, one pattern per string, tokens separated by spaces (patterns are
# folded like the text, so write them without accents or with, it does not matter):
#   word      exact token          stem*    token starting with "stem"
#   a|b*|c    any of the forms     word?    optional token
#   _N        0..N arbitrary tokens (a gap)
#   re:RX     a raw regex for the token (used to exclude "consultant", "consultancy")
# Categories: vlr (self-contained), actor (an LRG or association), consult / consult_weak /
# review (consultation cues; weak cues need a review-process word too), impl (implementation cue,
# needs an actor), impl_strong (self-contained), action (delivery verbs: an implementation cue
# that may also pair with a bare locality or a territory such as "counties"), review_noun /
# review_self (a locality's own review vs "this review"), data_strong (self-contained local
# data), data_generic ("disaggregated data", dropped when a veto such as "by sex" overlaps).

_SHARED: dict[str, list[str]] = {
    # English names travel: Spanish and French VNRs often quote "Voluntary Local Review".
    "vlr": ["vlr|vlrs", "vsr|vsrs", "voluntary local|subnational review*"],
    "actor": [
        "lrg|lrgs",
        "uclg|cglu|iclei|clgf|salga|femp|flacma|fcm|vng|felcodes",
    ],
}

_TERMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "vlr": [
            "voluntary local|subnational|sub review*|report*",
            "voluntary sub national review*|report*",
            "local|subnational voluntary review*|report*",
            "voluntary city review*",
        ],
        "actor": [
            "local|regional|subnational|municipal|provincial|district|county|city|metropolitan"
            " govern*|authorit*|administration*|council*|executive*|self",
            "sub national govern*|authorit*|level*",
            "local and|or regional|subnational|provincial|municipal govern*|authorit*",
            "state and local govern*|authorit*",
            "decentrali* govern*|authorit*|entit*|unit*|administration*|level*|bodies",
            "devolved govern*|administration*|level*",
            "municipalit*",
            "mayor|mayors|councillors|councilors",
            "city|town hall|halls|council|councils",
            "association*|federation*|league*|union*|network*|forum* of municipalit*|mayors|cities",
            "association*|federation*|network* of local|regional govern*|authorit*|councils",
            "local government association*",
            "united cities and local governments",
            "lgs|lga|lgas|lgus",
            "local government units",
            "county governments",
            "regional and local governments",
        ],
        "consult": [
            r"re:consult(?!ant|anc|or)\w*",
            "workshop*",
            "survey|surveys|surveyed",
            "questionnaire*",
            "validat*",
            "focus group*",
            "hearing*",
            "interview*",
            "dialogue*",
            "roundtable*",
            "round table*",
            "webinar*",
        ],
        "consult_weak": [
            "particip*",
            "contribut*",
            "involv*",
            "engag*",
            "input|inputs",
            "feedback",
            "took part",
            "submitted",
            "represent*",
            "nominat*",
            "seat|seats",
            "member|members|membership",
            "invited",
        ],
        "review": [
            "vnr|vnrs",
            "voluntary national review*",
            "committee*|taskforce*",
            "task force*",
            "working group*",
            "steering group*|body|bodies",
            "national review*",
            "this|the|present report|review",
            "preparation|preparing|drafting|elaboration|prepare|draft|drafted|prepared|writing",
            "review|reporting process*",
        ],
        "impl": [
            "implement*",
            "localiz*|localis*",
            "align*",
            "integrat*",
            "mainstream*",
            "incorporat*",
            "plan|plans|planning",
            "budget*",
            "tagging|tagged",
            "strateg*",
            "programme*|program|programs",
            "project*",
            "polic*",
            "deliver*",
            "decentrali*",
            "devol*",
            "coordinat*",
            "mechanism*",
            "mandate*",
            "competenc*",
            "responsibilit*",
            "transfer*",
            "action plan*",
            "initiativ*",
        ],
        # Concrete delivery verbs: with an LRG actor, a named locality or plural territorial
        # units they describe local implementation ("Kisumu County built 63 dams").
        "action": [
            "built|build|builds|building|constructed|construct|constructs|construction",
            "install*",
            "complet*",
            "launch*",
            "introduc*",
            "creat*",
            "opened|opens",
            "distribut*",
            "pilot*",
            "operat*",
            "adopt*",
            "rolled out",
            "set up",
            "establish*",
            "invest*",
            "fund|funds|funded|funding",
            "financ*",
            "supplied|supplies|supply",
            "provid*",
            "expand*",
            "upgrad*",
            "rehabilitat*",
            "renovat*",
            "closed|closure|closing",
            "trained|training|trains",
            "hired|recruited",
            "issued",
            "subsidi*",
            "allocat*",
            "approved|enacted|passed",
            "bylaw*|by law|by laws|ordinance*",
        ],
        "territory": [
            "counties|districts|municipalities|provinces|prefectures|wards|cantons",
        ],
        "review_noun": ["review|reviews|report|reports"],
        "review_self": [
            "this|present|national|country|country's|previous|next|voluntary review|report",
            "voluntary national",
        ],
        "impl_strong": [
            "localiz*|localis* _2 sdg|sdgs|agenda|goals",
            "sdg|sdgs localiz*|localis*",
            "territoriali* _2 sdg|sdgs|agenda",
            "multi level governance|coordination|dialogue|mechanism*|approach",
            "multilevel governance|coordination|dialogue|mechanism*|approach",
            "vertical coordination|integration",
            "decentralization|decentralisation|devolution",
            "local|municipal|county|district|provincial|territorial|city development plan*",
            "integrated development plan*",
            "local agenda 21|2030",
        ],
        "data_strong": [
            "local|municipal|subnational|county|district|provincial|city|territorial|localised"
            " data|dataset*|statistic*|indicator*|figures|baseline*",
            "localized|localised sdg? indicator*",
            "sub national data|statistic*|indicator*",
            "data|statistic*|indicator*|information _3 at|on the? local|municipal|subnational"
            "|district|county|provincial|territorial|city|community level*",
            "data|statistic*|indicator*|information _3 at|on the? sub national level*",
            "data|statistic*|indicator* _3 disaggregat* _5 by|at|to region*|municipal*|district*"
            "|province*|provincial|territor*|geograph*|location|county|counties|locality|local",
            "geographic*|territorial|spatial|subnational disaggregation",
            "disaggregation _2 by region*|municipalit*|district*|province*|location|geograph*",
            "local|regional|municipal|subnational|provincial|district|county statistic*"
            " office*|institute*|bureau*|unit*|system*|agenc*",
            "local|urban|municipal|territorial observator*",
        ],
        "data_generic": ["disaggregated data|statistics|indicators"],
        "data_veto": [
            "sex|gender|age disaggregated",
            "disaggregated _3 by sex|gender|age|income|disability|sexes",
        ],
    },
    "es": {
        "vlr": [
            "revision*|informe*|examen*|reporte* local*|subnacional* voluntari*",
            "revision*|informe*|examen*|reporte* voluntari* local*|subnacional*",
            "rlv|rlvs|ilv|ilvs",
        ],
        "actor": [
            "gobierno*|autoridad*|administracion*|entidad*|ente|entes|instancia* local|locales"
            "|municipal|municipales|subnacional|subnacionales|regional|regionales|territorial"
            "|territoriales|departamental|departamentales|provincial|provinciales|seccional*",
            "gobiernos autonomos descentralizados",
            "gobierno* autonomo* descentralizado*",
            "gad|gads",
            "municipio|municipios|municipalidad*|ayuntamiento*|alcaldia*|alcalde|alcaldes"
            "|alcaldesa*|intendencia*|intendente*|gobernacion*|gobernador*|gobernadora*",
            "concejo* municipal*|deliberante*",
            "cabildo*",
            "diputacion*",
            "comunidades autonomas",
            "entidades federativas",
            "asociacion*|federacion*|red|redes|liga|confederacion*|mancomunidad* de|nacional"
            "|espanola de? municipios|municipalidades|ciudades|alcaldes|gobiernos|entidades",
            "ciudades y gobiernos locales unidos",
            "gobiernos locales y regionales",
            "nivel* subnacional*|municipal*|local|locales de gobierno",
        ],
        "consult": [
            r"re:consult(?!ant|anc|or)\w*",
            "taller*",
            "encuesta*",
            "cuestionario*",
            "validacion*|validad*|validar|valido|validaron",
            "grupo* focal*|focales",
            "entrevista*",
            "dialogo*",
            "mesa* de trabajo|dialogo|tecnica|tecnicas|redonda",
            "mesas redondas",
            "conversatorio*",
            "foro*",
            "jornada* de trabajo|consulta|participacion|reflexion",
        ],
        "consult_weak": [
            "particip*",
            "contribu*",
            "aport*",
            "involucr*",
            "insumo*",
            "retroalimentacion",
            "formaron parte",
            "represent*",
            "designa*|designo|designaron",
            "miembro*",
            "invitad*",
        ],
        "review": [
            "ivn|env|rnv|vnr|vnrs",
            "informe*|examen*|reporte*|revision* nacional* voluntari*",
            "el|este|presente|del informe|examen|reporte|documento",
            "elaboracion|preparacion|redaccion|construccion|elaborar|preparar",
            "proceso* de revision|examen|reporte|elaboracion",
            "comite*|comision*",
            "mesa* tecnica*",
            "grupo* de trabajo",
        ],
        "impl": [
            "implement*",
            "localiz*",
            "aline*",
            "integr*",
            "incorpor*",
            "transversaliz*",
            "plan|planes|planificacion|planeacion",
            "presupuest*",
            "etiquet*",
            "estrategi*",
            "programa*",
            "proyecto*",
            "politica*",
            "ejecut*|ejecucion",
            "territorializ*",
            "coordin*",
            "articul*",
            "mecanismo*",
            "competencia*",
            "transferencia*",
            "descentraliz*",
            "iniciativa*",
            "accion|acciones",
        ],
        "action": [
            "constru*",
            "instal*",
            "complet*|culmin*",
            "lanz*|lanzo|lanzaron",
            "introduj*|introduc*",
            "creo|creado|creada|creados|creadas|crearon|crear|creacion|crea|crean",
            "abrio|abrieron|inauguro|inauguraron|inaugur*",
            "distribu*",
            "pilot*|piloto*",
            "opera|operan|opero|operaron|operacion",
            "adopt*",
            "establec*",
            "invirt*|invierte*|inversion*",
            "financ*",
            "suministr*",
            "ampli*",
            "rehabilit*",
            "renov*",
            "cerr*|cierre",
            "capacit*",
            "contrat*",
            "subsidi*",
            "asign*",
            "aprob*",
            "entreg*",
            "puso|pusieron|puesto en marcha",
            "ordenanza*|acuerdo* municipal*",
        ],
        "territory": [
            "departamentos|provincias|cantones|distritos|comunas|municipalidades|alcaldias",
        ],
        "review_noun": ["revision|revisiones|informe|informes|reporte|reportes|examen|examenes"],
        "review_self": [
            "este|presente|proximo|anterior|segundo|tercer informe|examen|reporte|revision",
            "informe*|examen*|reporte*|revision* nacional*|pais|voluntario*",
        ],
        "impl_strong": [
            "localizacion|localizar|territorializacion|territorializar _3 ods|agenda",
            "gobernanza|coordinacion|articulacion|gestion|enfoque multinivel",
            "gobernanza|coordinacion|articulacion|gestion|enfoque multi nivel",
            "descentralizacion",
            "plan*|planes de desarrollo municipal*|local*|departamental*|territorial*"
            "|provincial*|regional*|comunal*|cantonal*|distrital*|concertado*",
            "plan* municipal*|local*|departamental*|territorial*|provincial*|comunal*|cantonal*"
            " de desarrollo",
            "plan* de desarrollo y ordenamiento territorial",
            "plan* de ordenamiento territorial",
            "agenda* 2030 local*|municipal*",
            "agenda* local* 2030|21",
        ],
        "data_strong": [
            "datos|estadistica*|indicador*|informacion|cifras locales|municipales|subnacionales"
            "|territoriales|departamentales|provinciales|comunales|cantonales|distritales|localizad*",
            "linea* de base local*|municipal*|subnacional*|territorial*",
            "datos|estadistica*|indicador*|informacion|cifras _4 a|al|en el? nivel|escala|ambito"
            " local|municipal|subnacional|territorial|departamental|provincial|comunal|cantonal"
            "|distrital|regional",
            "datos|estadistica*|indicador*|informacion _3 desagregad*|desglosad* _5 por|a|al"
            " region*|municip*|territori*|departament*|provincia*|geografic*|local*|comuna*"
            "|canton*|distrit*|zona*|ubicacion",
            "desagregacion|desglose territorial|geografica|municipal|subnacional",
            "desagregacion|desglose _2 por|a|al region*|municip*|territori*|departament*"
            "|provincia*|geografic*|nivel",
            "oficina*|instituto*|direccion*|sistema*|unidad* regional*|departamental*|municipal*"
            "|local*|subnacional*|territorial*|provincial* de estadistica*",
            "oficina*|instituto*|direccion*|sistema*|unidad* de estadistica* regional*"
            "|departamental*|municipal*|local*|subnacional*|territorial*|provincial*",
            "observatorio* local*|urbano*|municipal*|territorial*|metropolitano*",
        ],
        "data_generic": ["datos|estadisticas|indicadores|informacion desagregad*|desglosad*"],
        "data_veto": [
            "desagregad*|desglosad* _3 por sexo|genero|edad|ingreso*|discapacidad",
        ],
    },
    "fr": {
        "vlr": [
            "examen*|rapport*|revue*|bilan* local|locaux|locale|locales|infranational* volontaire*",
            "examen*|rapport*|revue*|bilan* volontaire* local|locaux|locale|locales|infranational*",
            "elv|elvs|rlv|rlvs",
        ],
        "actor": [
            "collectivite*|autorite*|gouvernement*|administration*|pouvoir*|instance*|entite*|elu"
            "|elus|elue* locaux|local|locale|locales|territoriale*|territoriaux"
            "|infranational*|regionaux|regionale*|decentralise*|communaux|communale*|municipaux",
            "collectivite*",
            "les|des|aux|la|chaque|cette|une|nos|ces commune|communes",
            "commune* urbaine*|rurale*",
            "municipalite*",
            "mairie*",
            "maire|maires",
            "conseil* municipa*|regiona*|departementa*|communa*|locaux|local",
            "association*|federation*|union*|reseau*|forum* des|de|nationale maires|communes"
            "|municipalites|collectivites|elus|regions|villes|autorites",
            "association* des? maires",
            "cites et gouvernements locaux unis",
            "gouvernements locaux et regionaux",
            "collectivites territoriales decentralisees",
            "ctd",
        ],
        "consult": [
            r"re:consult(?!ant|anc|or)\w*",
            "atelier*",
            "enquete*",
            "questionnaire*",
            "validation*|valide|validee*|valides|valider|validation",
            "groupe* de discussion",
            "entretien*",
            "dialogue*",
            "table* ronde*",
            "concertation*",
            "forum*",
            "journee* de reflexion|consultation|concertation|travail",
            "webinaire*",
        ],
        "consult_weak": [
            "particip*",
            "contribu*",
            "associe|associes|associees|associee",
            "impliqu*",
            "apport*",
            "pris part",
            "retours",
            "represent*",
            "designe|designes|designee*|designe",
            "membre*",
            "siege|siegent|sieges",
            "invite|invites|invitee*",
        ],
        "review": [
            "rnv|env|vnr",
            "rapport*|examen*|revue* national* volontaire*",
            "ce|le|present|du rapport|examen|document",
            "elaboration|preparation|redaction|elaborer|preparer|rediger",
            "processus d'? examen|elaboration|rapport",
            "comite*|commission*",
            "groupe* de travail",
        ],
        "impl": [
            "mise* en oeuvre|œuvre",
            "mettre|mettent|met|mis|mise en oeuvre|œuvre",
            "localis*",
            "align*",
            "integr*",
            "incorpor*",
            "plan|plans|planification",
            "budget*",
            "strateg*",
            "programme*",
            "projet*",
            "politique*",
            "territorialis*",
            "coordination|coordonne*",
            "mecanisme*",
            "competence*",
            "transfert*",
            "decentralis*",
            "execut*",
            "initiative*",
            "action|actions",
        ],
        "action": [
            "constru*",
            "install*",
            "achev*",
            "lanc*",
            "introdui*",
            "cree|crees|creee|creees|creer|creation|cree",
            "ouvert*|ouvre|inaugur*",
            "distribu*",
            "pilot*",
            "exploit*",
            "adopt*",
            "etabli*",
            "invest*",
            "financ*",
            "fourni*",
            "elargi*|etend*|etendu*",
            "rehabilit*",
            "renov*",
            "ferm*",
            "recrut*",
            "subvention*",
            "allou*",
            "approuv*",
            "mis|mise|met|mettent en place",
            "dote|dotes|dotee*|doter",
            "arrete* municipa*|communa*",
            "deliberation*",
        ],
        "territory": [
            # not "communes": also the adjective ("actions communes")
            "departements|provinces|cercles|arrondissements|municipalites",
        ],
        "review_noun": ["examen|examens|rapport|rapports|revue|revues|bilan|bilans"],
        "review_self": [
            "ce|present|prochain|precedent|deuxieme|second examen|rapport|revue|bilan",
            "examen*|rapport*|revue*|bilan* national*|nationaux|pays|volontaire*",
        ],
        "impl_strong": [
            "localisation|localiser|territorialisation|territorialiser _3 odd|agenda|programme",
            "gouvernance|coordination|approche|dialogue multi niveau*",
            "gouvernance|coordination|approche|dialogue multiniveau*",
            "decentralisation",
            "plan* communa*|locaux|local|regiona*|territoria*|departementa* de developpement",
            "plan* de developpement communa*|local|locaux|regiona*|territoria*|departementa*",
            "agenda* 21|2030 local|locaux|locale*",
        ],
        "data_strong": [
            "donnees|statistiques|indicateurs|informations|chiffres locales|locaux|communales"
            "|communaux|municipales|municipaux|infranationales|infranationaux|regionales|regionaux"
            "|territoriales|territoriaux|departementales|departementaux|localisees|localises",
            "donnees|statistiques|indicateurs|informations|chiffres _4 au|a|aux|sur l'? niveau"
            "|niveaux|echelle local*|communa*|municipa*|regiona*|territoria*|departementa*"
            "|infranationa*|des",
            "donnees|statistiques|indicateurs|informations _3 desagreg*|ventile* _5 par|au|a"
            " region*|commune*|territoire*|departement*|province*|zone*|localite*|milieu|lieu",
            "desagregation|ventilation territoriale|geographique|communale|infranationale",
            "desagregation|ventilation _2 par|au region*|commune*|territoire*|departement*",
            "direction*|service*|office*|antenne*|institut* _2 regiona*|departementa*|communa*"
            "|locaux|local|locale* _3 statistique*",
            "observatoire* urbain*|local*|territoria*|regiona*|communa*|municipa*",
        ],
        "data_generic": ["donnees|statistiques|indicateurs desagreg*|ventile*"],
        "data_veto": ["desagreg*|ventile* _3 par sexe|genre|age|revenu*|handicap"],
    },
}


# Between two tokens of a pattern: whitespace, or nothing right after an elided "l'" / "d'".
_SEP = r"(?:\s+|(?<='))"


def _token_regex(spec: str) -> str:
    """One mini-syntax token -> a regex over folded text."""
    if spec.startswith("re:"):
        return "(?:" + spec[3:] + ")"
    forms = [fold(f) for f in spec.split("|") if f]
    alts = [re.escape(f[:-1]) + r"\w*" if f.endswith("*") else re.escape(f) for f in forms]
    return "(?:" + "|".join(alts) + ")"


def _pattern_regex(pattern: str) -> str:
    """Mini-syntax pattern -> regex: tokens joined by whitespace, gaps lazy (shortest first)."""
    specs = pattern.split()
    out: list[str] = []
    for i, spec in enumerate(specs):
        last = i == len(specs) - 1
        gap = re.fullmatch(r"_(\d+)", spec)
        if gap:
            if last or i == 0:
                raise ValueError(f"a gap must sit between tokens: {pattern!r}")
            out.append(rf"(?:\S+\s+){{0,{gap.group(1)}}}?")
            continue
        optional = spec.endswith("?") and len(spec) > 1 and not spec.startswith("re:")
        body = _token_regex(spec[:-1] if optional else spec)
        if optional and last:
            raise ValueError(f"an optional token cannot end a pattern: {pattern!r}")
        piece = body if last else body + _SEP
        out.append(f"(?:{piece})?" if optional else piece)
    return "".join(out)


@lru_cache(maxsize=8)
def _category_regexes(language: str) -> dict[str, re.Pattern[str]]:
    """One compiled regex per category for a language; unknown languages get all lists."""
    langs = [language] if language in _TERMS else list(SUPPORTED_LANGUAGES)
    categories: dict[str, list[str]] = {}
    for lang in langs:
        for cat, pats in _TERMS[lang].items():
            categories.setdefault(cat, []).extend(pats)
    for cat, pats in _SHARED.items():
        categories.setdefault(cat, []).extend(pats)
    compiled: dict[str, re.Pattern[str]] = {}
    for cat, pats in categories.items():
        # more tokens first, so that "local and regional governments" wins over "local ..."
        ordered = sorted(dict.fromkeys(pats), key=lambda p: -len(p.split()))
        body = "|".join(_pattern_regex(p) for p in ordered)
        compiled[cat] = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
    return compiled


# Sentence break: . ! or ? (maybe a closing quote/bracket), space, then not a lower-case letter.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[^a-z\s])")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Tokens:
    """Word positions of a passage: evidence spans are (first word, last word + 1)."""

    starts: list[int]
    ends: list[int]

    def span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        first = bisect_left(self.starts, start_char)
        stop = bisect_left(self.starts, end_char)
        return (first, stop) if first < stop else None

    def chars(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.starts[span[0]], self.ends[span[1] - 1]


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


# --------------------------------------------------------------------------------------------
# Localities

_PREFIXES = [
    # en
    "city of",
    "municipality of",
    "metropolitan municipality of",
    "county of",
    "town of",
    "district of",
    "province of",
    "region of",
    "state of",
    "government of",
    "city council of",
    "mayor of",
    # es
    "municipalidad de",
    "municipalidad provincial de",
    "municipalidad metropolitana de",
    "municipio de",
    "ayuntamiento de",
    "alcaldia de",
    "alcaldia mayor de",
    "intendencia de",
    "gobierno de",
    "gobernacion de",
    "gobierno autonomo descentralizado de",
    "gobierno autonomo descentralizado municipal de",
    "ciudad de",
    "provincia de",
    "region de",
    "diputacion de",
    "prefeitura de",
    "prefeitura municipal de",
    # fr
    "commune de",
    "commune d'",
    "ville de",
    "ville d'",
    "mairie de",
    "mairie d'",
    "region",
    "departement de",
    "departement du",
    "metropole de",
    "eurometropole de",
    "communaute urbaine de",
    "province de",
]
_SUFFIXES = [
    "city",
    "county",
    "municipality",
    "metropolitan municipality",
    "city council",
    "municipal council",
    "city government",
    "metropolitan government",
    "metropolitan city",
    "district",
    "prefecture",
    "province",
    "region",
    "metropolis",
]


def _core_name(name: str) -> str:
    """Catalog name without administrative prefix/suffix, folded ("City of Cape Town" -> "cape
    town")."""
    core = re.sub(r"\([^)]*\)", " ", fold(name))  # "Cordoba (Argentina)"
    words = core.replace(",", " ").split()
    while len(words) > 1 and "." in words[-1]:  # "Bogota D.C.", "Mexico D.F."
        words.pop()
    core = " ".join(words)
    changed = True
    while changed:  # "Nairobi City County" -> "nairobi city" -> "nairobi"
        changed = False
        for pre in sorted(_PREFIXES, key=len, reverse=True):
            if core.startswith(pre + " ") or (pre.endswith("'") and core.startswith(pre)):
                core, changed = core[len(pre) :].strip(), True
                break
        for suf in sorted(_SUFFIXES, key=len, reverse=True):
            if core.endswith(" " + suf):
                core, changed = core[: -len(suf)].strip(), True
                break
    return core


def _words_regex(phrase: str) -> str:
    """Folded phrase -> regex tolerant to whitespace runs (hyphens are already spaces)."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


@dataclass(frozen=True)
class _LocalityMatcher:
    regex: re.Pattern[str] | None
    names: dict[str, str]  # folded core -> catalog name


@lru_cache(maxsize=64)
def _locality_matcher(localities: tuple[str, ...]) -> _LocalityMatcher:
    names: dict[str, str] = {}
    for loc in localities:
        core = _core_name(loc)
        if len(core) >= 2 and core not in names:
            names[core] = loc
    if not names:
        return _LocalityMatcher(None, {})
    cores = "|".join(_words_regex(c) for c in sorted(names, key=len, reverse=True))
    pre = "|".join(_words_regex(p) for p in sorted(_PREFIXES, key=len, reverse=True))
    suf = "|".join(_words_regex(s) for s in sorted(_SUFFIXES, key=len, reverse=True))
    regex = re.compile(
        rf"(?<!\w)(?:(?P<pre>(?:the\s+|la\s+|el\s+|le\s+|l')?(?:{pre})\s*))?"
        rf"(?P<core>{cores})(?:\s+(?P<suf>{suf}))?(?!\w)"
    )
    return _LocalityMatcher(regex, names)


@dataclass(frozen=True)
class _LocalitySpan:
    name: str
    start: int  # token index
    end: int
    is_actor: bool  # named with an administrative prefix/suffix ("City of X")


def _find_localities(
    folded: str, tokens: _Tokens, localities: Sequence[str]
) -> list[_LocalitySpan]:
    lm = _locality_matcher(tuple(localities))
    if lm.regex is None:
        return []
    found: list[_LocalitySpan] = []
    for m in lm.regex.finditer(folded):
        core = " ".join(m.group("core").split())
        span = tokens.span(m.start(), m.end())
        if span is None:
            continue
        is_actor = bool(m.group("pre") or m.group("suf"))
        found.append(_LocalitySpan(lm.names[core], span[0], span[1], is_actor))
    return found


def named_localities(text: str, localities: Sequence[str]) -> list[tuple[str, int, int]]:
    """Catalog localities named in ``text`` as (catalog name, start, end) character offsets, in
    reading order; matched like in :func:`find_mentions` (bare or with a prefix/suffix)."""
    lm = _locality_matcher(tuple(localities))
    if lm.regex is None or not text:
        return []
    return [
        (lm.names[" ".join(m.group("core").split())], m.start(), m.end())
        for m in lm.regex.finditer(fold(text))
    ]


# --------------------------------------------------------------------------------------------
# Rules

# Evidence strengths, combined per kind as 1 - prod(1 - s) (more independent cues, higher score).
_STRENGTH = {
    "vlr": 0.95,
    "impl_strong": 0.85,
    "data_strong": 0.85,
    "actor_consult_near": 0.85,
    "actor_consult": 0.7,
    "actor_weak_review": 0.65,
    "actor_impl_near": 0.75,
    "actor_impl": 0.6,
    "place_impl": 0.5,
    "locality_review": 0.7,
    "data_generic": 0.55,
}


@dataclass
class _Evidence:
    strengths: list[float] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, strength: float, *spans: tuple[int, int]) -> None:
        self.strengths.append(strength)
        self.spans.extend(spans)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _nearest(
    anchor: Iterable[tuple[int, int]], others: Iterable[tuple[int, int]]
) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    best: tuple[int, tuple[int, int], tuple[int, int]] | None = None
    for a in anchor:
        for o in others:
            d = _gap(a, o)
            if best is None or d < best[0]:
                best = (d, a, o)
    return best


def _longest(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """One span per start (the shortest: a gap pattern should not run past its first hit), then
    drop spans nested inside another ("regional governments" inside "local and regional
    governments")."""
    shortest: dict[int, int] = {}
    for start, end in spans:
        if start not in shortest or end < shortest[start]:
            shortest[start] = end
    ordered = sorted(shortest.items())
    kept: list[tuple[int, int]] = []
    for s in ordered:
        if kept and s[1] <= kept[-1][1]:
            continue
        kept.append(s)
    return kept


def _sentence_evidence(
    cats: dict[str, list[tuple[int, int]]],
    actors_extra: list[tuple[int, int]],
    places: list[tuple[int, int]],
) -> dict[str, _Evidence]:
    """Apply the per-kind rules to the matches of one sentence.

    ``actors_extra`` are catalog localities written as governments ("City of X"); ``places``
    are localities named bare.
    """
    ev: dict[str, _Evidence] = {k: _Evidence() for k in KINDS}
    actors = _longest(cats.get("actor", []) + actors_extra)

    for s in _longest(cats.get("vlr", [])):
        ev["vlr_reference"].add(_STRENGTH["vlr"], s)
    # "The Kavuli County review", "the report published by Port Tembo": a named locality's
    # own review, unless the review is this/the national one.
    not_own = cats.get("review_self", []) + cats.get("vlr", [])
    own = [
        r
        for r in _longest(cats.get("review_noun", []))
        if not any(v[0] < r[1] and r[0] < v[1] for v in not_own)
    ]
    if own and (places or actors_extra):
        best = _nearest(places + actors_extra, own)
        if best is not None and best[0] <= 4:
            ev["vlr_reference"].add(_STRENGTH["locality_review"], best[1], best[2])

    consult = _longest(cats.get("consult", []))
    if actors and consult:
        d, a, c = _nearest(actors, consult) or (99, (0, 0), (0, 0))
        key = "actor_consult_near" if d <= _NEAR_TOKENS else "actor_consult"
        ev["lrg_consultation"].add(_STRENGTH[key], a, c)
    weak = _longest(cats.get("consult_weak", []))
    review = _longest(cats.get("review", []) + cats.get("vlr", []))
    if actors and weak and review:
        best = _nearest(actors, weak)
        if best is not None:
            r = _nearest([best[2]], review)
            spans = [best[1], best[2]] + ([r[2]] if r else [])
            ev["lrg_consultation"].add(_STRENGTH["actor_weak_review"], *spans)

    for s in _longest(cats.get("impl_strong", [])):
        ev["lrg_implementation"].add(_STRENGTH["impl_strong"], s)
    # an implementation word inside the actor ("decentralised governments") is not a cue
    impl = [
        s
        for s in _longest(cats.get("impl", []) + cats.get("action", []))
        if not any(s[0] < a[1] and a[0] < s[1] for a in actors)
    ]
    if actors and impl:
        d, a, c = _nearest(actors, impl) or (99, (0, 0), (0, 0))
        key = "actor_impl_near" if d <= _NEAR_TOKENS else "actor_impl"
        ev["lrg_implementation"].add(_STRENGTH[key], a, c)
    elif impl and (places or cats.get("territory")):
        # implementation sited in a named locality or in plural territorial units
        near = _nearest(places + _longest(cats.get("territory", [])), impl)
        if near is not None and near[0] <= _NEAR_TOKENS:
            ev["lrg_implementation"].add(_STRENGTH["place_impl"], near[1], near[2])

    for s in _longest(cats.get("data_strong", [])):
        ev["local_data"].add(_STRENGTH["data_strong"], s)
    vetoes = cats.get("data_veto", [])
    if not ev["local_data"].strengths:
        for s in _longest(cats.get("data_generic", [])):
            if not any(v[0] < s[1] and s[0] < v[1] for v in vetoes):
                ev["local_data"].add(_STRENGTH["data_generic"], s)
    return ev


def find_mentions(
    text: str, language: str, localities: Sequence[str] = ()
) -> list[LocalizationMention]:
    """Localization mentions in one passage, at most one per kind, in ``KINDS`` order.

    ``language`` is an ISO 639-1 code; "en", "es" and "fr" have their own term lists, any other
    language is matched against all three (VNR passages often quote English terms).
    ``localities`` are catalog locality names; they are found case- and accent-insensitively,
    bare or with an administrative prefix/suffix ("City of X", "Municipalidad de X",
    "Commune de X", "X County"), and a prefixed name counts as an LRG actor.
    """
    if not text or not text.strip():
        return []
    regexes = _category_regexes((language or "xx").lower()[:2])
    folded = fold(text)
    tokens = _Tokens(
        [m.start() for m in _WORD.finditer(folded)], [m.end() for m in _WORD.finditer(folded)]
    )
    sentence_starts = _sentence_starts(text)
    word_sentence = [bisect_right(sentence_starts, c) - 1 for c in tokens.starts]
    locs = _find_localities(folded, tokens, localities) if localities else []

    by_sentence: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for cat, rx in regexes.items():
        for m in rx.finditer(folded):
            span = tokens.span(m.start(), m.end())
            if span is not None:
                sent = word_sentence[span[0]]
                by_sentence.setdefault(sent, {}).setdefault(cat, []).append(span)
    loc_actor: dict[int, list[tuple[int, int]]] = {}
    loc_place: dict[int, list[tuple[int, int]]] = {}
    for loc in locs:
        target = loc_actor if loc.is_actor else loc_place
        target.setdefault(word_sentence[loc.start], []).append((loc.start, loc.end))

    total: dict[str, _Evidence] = {k: _Evidence() for k in KINDS}
    for i in sorted(set(by_sentence) | set(loc_actor)):
        ev = _sentence_evidence(by_sentence.get(i, {}), loc_actor.get(i, []), loc_place.get(i, []))
        for kind, e in ev.items():
            total[kind].strengths.extend(e.strengths)
            total[kind].spans.extend(e.spans)

    mentions: list[LocalizationMention] = []
    named = _dedupe(loc.name for loc in locs)
    for kind in KINDS:
        e = total[kind]
        if not e.strengths:
            continue
        miss = 1.0
        for st in e.strengths:
            miss *= 1.0 - st
        score = round(min(0.99, 1.0 - miss), 3)
        spans = _longest(e.spans)
        terms = _dedupe(_surface(text, tokens, sp) for sp in spans)
        # the locality must be named in a sentence that carries the evidence
        evidence_sentences = {word_sentence[sp[0]] for sp in spans}
        locality = _nearest_locality(
            spans, [loc for loc in locs if word_sentence[loc.start] in evidence_sentences]
        )
        mentions.append(LocalizationMention(kind, score, terms, locality, named))
    return mentions


def _surface(text: str, tokens: _Tokens, span: tuple[int, int]) -> str:
    start, end = tokens.chars(span)
    return " ".join(text[start:end].split())


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for it in items:
        if it and it not in seen:
            seen[it] = None
    return tuple(seen)


def _nearest_locality(spans: list[tuple[int, int]], locs: list[_LocalitySpan]) -> str | None:
    if not locs or not spans:
        return None
    best = min(locs, key=lambda loc: min(_gap((loc.start, loc.end), s) for s in spans))
    return best.name


# --------------------------------------------------------------------------------------------
# Document-level grade


def involvement_level(
    mentions_per_kind: Mapping[str, int], n_passages: int, *, min_passages: int = 1
) -> tuple[str, str]:
    """UCLG-style grade of LRG involvement in one VNR, plus a one-line reason.

    ``mentions_per_kind`` counts passages per kind (keys from ``KINDS``; any other positive key,
    e.g. a generic "lrg_mention", counts as a plain mention). A kind is *present* when it has at
    least ``min_passages`` passages. Rules (docs/localization.md):

    - none: no kind present (or no passages);
    - weak: something present, but no ``lrg_consultation``;
    - consulted: ``lrg_consultation`` present, with fewer than two of the other three kinds;
    - high: ``lrg_consultation`` plus at least two of ``lrg_implementation``, ``vlr_reference``,
      ``local_data``.
    """
    counts = {k: int(v) for k, v in mentions_per_kind.items() if int(v) >= min_passages}
    if n_passages <= 0 or not counts:
        return "none", f"no passage (of {max(n_passages, 0)}) mentions LRGs, localization or VLRs"
    present = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
    summary = ", ".join(f"{k}={counts[k]}" for k in present)
    share = sum(counts.values()) / n_passages
    if "lrg_consultation" not in counts:
        return "weak", (
            f"localization mentioned ({summary}; {share:.1%} of {n_passages} passages) "
            "but no evidence that LRGs were consulted"
        )
    others = [k for k in ("lrg_implementation", "vlr_reference", "local_data") if k in counts]
    if len(others) >= 2:
        return "high", f"LRGs consulted and {', '.join(others)} also present ({summary})"
    extra = f" and only {others[0]}" if others else " with no other kind"
    return "consulted", f"LRGs consulted in preparing the VNR{extra} ({summary})"
