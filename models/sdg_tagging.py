"""Tag passages with the SDGs (and targets, and indicator mentions) they relate to.

Every downstream metric counts SDG-tagged passages, so the tagger has to be precise, explain
itself, work in English, Spanish and French, and run at hundreds of passages per second on two
CPU cores. It combines four kinds of evidence:

1. explicit references ("SDG 6", "SDGs 3 and 4", "target 11.1", "indicator 6.2.1", "ODS 6",
   "ODD 11", "meta 11.1", "cible 11.1", ...), which decide on their own;
2. curated, weighted term lists per goal (models/sdg_terms.py) plus the official short goal
   titles, matched on normalised tokens with blockers ("water-cooled") and negation cues;
3. similarity (TF-IDF over stems) to the official target and indicator texts in the passage's
   language, which resolves the target of a goal-level tag and adds a little evidence;
4. the shape of each goal's evidence (strongest term, number of distinct terms, share of the
   passage's sentences that mention the goal), which a goal-agnostic logistic calibrator
   (models/sdg_classifier.py) turns, with the amount of evidence and the target similarity, into
   the goal's score. A goal without any matched term is never tagged by similarity alone.

Scores are in [0, 1]; a goal is tagged when its score reaches `TaggerParams.threshold`. The
calibrator's six numbers and the global parameters in TaggerParams were checked by
cross-validation (see docs/sdg_tagging.md and models/sdg_eval.py), never fit per goal, so that
they carry over to unseen text. `TaggerParams(calibrated=False, threshold=0.4)` restores the
older evidence formula.

How callers treat several tags per passage: `tag()` returns at most one SdgTag per (sdg, target),
keeping the best method and score. A passage can relate to several goals; each gets its own tag.
A goal whose target could not be resolved has one tag with target None. Tags at target level roll
up to their goal (`SdgTag.sdg`), so goal-level counts should count distinct `sdg` per passage.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from models import reference
from models.reference import DEFAULT_REFERENCE_DIR
from models.sdg_classifier import DEFAULT_CALIBRATOR, GoalCalibrator
from models.sdg_terms import BLOCKERS, NEGATION_CUES, TERMS

SUPPORTED_LANGUAGES = ("en", "es", "fr")
N_GOALS = 17

METHOD_EXPLICIT = "explicit"
METHOD_INDICATOR = "indicator"
METHOD_TERMS = "terms"

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:[+&][^\W_]+)*", re.UNICODE)
_ACRONYM_PLURAL = re.compile(r"^[A-Z0-9]{2,}s$")
# Words where the light stemmers below would merge different words or split one word.
_STEM_EXCEPTIONS: dict[str, dict[str, str]] = {
    "en": {"aids": "aids", "gas": "gas", "bus": "bus", "news": "news", "series": "series"},
    "es": {"pais": "pais", "paises": "pais", "mes": "mes", "meses": "mes", "gas": "gas"},
    "fr": {
        "mere": "mere",
        "meres": "mere",
        "pays": "pays",
        "fois": "fois",
        "eaux": "eau",
        "ile": "ile",
        "iles": "ile",
    },
}


class Token(NamedTuple):
    key: str  # lower-case, accent-free, lightly stemmed form
    upper: bool  # written as an acronym (all capitals) in the text
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower-case, strip accents and ligatures so "Énergie" and "energie" compare equal."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _stem(word: str, language: str) -> str:
    """Light plural/gender stemmer; it only has to map a word and its inflections together."""
    exceptions = _STEM_EXCEPTIONS.get(language, {})
    if word in exceptions:
        return exceptions[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if language == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "xes", "ches", "shes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    if language == "fr":
        if word.endswith("eaux"):
            word = word[:-1]
        elif word.endswith("aux") and len(word) > 4:
            word = word[:-3] + "al"
        elif word.endswith(("s", "x")):
            word = word[:-1]
        # Final -e merges feminine and plural forms (urbain/urbaine); short words keep it so
        # that "île" does not become the pronoun "il".
        if word.endswith("e") and len(word) >= 5:
            word = word[:-1]
        return word
    # Spanish and any other language: drop the plural -s/-es but keep gender vowels, which
    # distinguish words like niña/niño and parte/parto.
    if word.endswith("ces") and len(word) > 4:
        return word[:-3] + "z"
    if word.endswith("s"):
        word = word[:-1]
        if word.endswith("e") and len(word) >= 4 and word[-2] in "dlnrjyz":
            word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def _token_key(raw: str, language: str) -> tuple[str, bool]:
    """Normalised key and acronym flag of one raw token (cached: texts repeat words a lot)."""
    upper = len(raw) >= 2 and (raw.isupper() or bool(_ACRONYM_PLURAL.match(raw)))
    word = _fold(raw)
    if upper and _ACRONYM_PLURAL.match(raw):
        return word[:-1], True
    return _stem(word, language), upper


def normalise_tokens(text: str, language: str = "en") -> list[Token]:
    """Tokens of `text` with normalised keys; acronyms keep an `upper` flag ("WHO" vs "who")."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        key, upper = _token_key(match.group(), language)
        tokens.append(Token(key, upper, match.start(), match.end()))
    return tokens


# ---------------------------------------------------------------------------------------------
# Lexicon: curated terms + official short titles, compiled per language
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermEntry:
    keys: tuple[str, ...]
    upper: tuple[bool, ...]  # token must be an acronym in the text
    prefix: tuple[bool, ...]  # token is a prefix ("decarboni*")
    goal: int  # 0 for blockers and negation cues
    weight: float
    term: str
    kind: str  # "term" | "title" | "blocker" | "negation"


def _split_terms(block: str) -> list[str]:
    joined = " ".join(line.strip() for line in block.strip().splitlines())
    return [t.strip() for t in joined.split(";") if t.strip()]


def _parse_weighted_block(block: str) -> list[tuple[float, str]]:
    """Parse "WEIGHT: term; term" lines; continuation lines belong to the weight above them and
    a term may wrap over a line break (terms are separated by ";" only)."""
    groups: list[tuple[float, list[str]]] = []
    for line in block.strip().splitlines():
        head = re.match(r"^\s*(\d+(?:\.\d+)?)\s*:(.*)$", line)
        if head:
            groups.append((float(head.group(1)), [head.group(2)]))
        elif groups:
            groups[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"term line without weight: {line!r}")
    out: list[tuple[float, str]] = []
    for weight, lines in groups:
        joined = " ".join(part.strip() for part in lines)
        out.extend((weight, t.strip()) for t in joined.split(";") if t.strip())
    return out


def _entry(term: str, goal: int, weight: float, kind: str, language: str) -> TermEntry | None:
    keys: list[str] = []
    upper: list[bool] = []
    prefix: list[bool] = []
    for match in _TOKEN.finditer(term):
        raw = match.group()
        star = term[match.end() : match.end() + 1] == "*"
        is_upper = len(raw) >= 2 and (raw.isupper() or bool(_ACRONYM_PLURAL.match(raw)))
        word = _fold(raw)
        if is_upper and _ACRONYM_PLURAL.match(raw):
            key = word[:-1]
        elif star:
            key = word
        else:
            key = _stem(word, language)
        keys.append(key)
        upper.append(is_upper)
        prefix.append(star)
    if not keys:
        return None
    return TermEntry(tuple(keys), tuple(upper), tuple(prefix), goal, weight, term, kind)


_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'»”)\]]*(?:\s|$))|\n\s*\n")


def sentence_boundaries(text: str) -> list[int]:
    """Character offsets where sentences end (".", "!", "?" or "…" before a space, or a
    blank line); sentence i of a text spans up to the i-th offset. Decimal points and
    abbreviations inside words ("11.1", "e.g.x") do not end a sentence; a final full stop at the
    very end of the text is dropped so that it does not create an empty last sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if ends and not text[ends[-1] :].strip():
        ends.pop()
    return ends


class Match(NamedTuple):
    goal: int
    weight: float
    term: str
    kind: str
    start: int  # character offsets in the text
    end: int


class Lexicon:
    """Token-sequence matcher: longest match wins, blockers consume tokens, cues negate."""

    def __init__(self, entries: Sequence[TermEntry]):
        self.exact: dict[str, list[TermEntry]] = defaultdict(list)
        self.prefixed: dict[str, list[TermEntry]] = defaultdict(list)  # by first 3 characters
        seen: set[tuple] = set()
        for entry in entries:
            ident = (entry.keys, entry.upper, entry.goal, entry.kind)
            if ident in seen:
                continue
            seen.add(ident)
            if entry.prefix[0]:
                self.prefixed[entry.keys[0][:3]].append(entry)
            else:
                self.exact[entry.keys[0]].append(entry)
        # Longest entries first, so matching can stop at the first length that fits.
        for table in (self.exact, self.prefixed):
            for key in table:
                table[key].sort(key=lambda e: -len(e.keys))
        self.max_len = max((len(e.keys) for e in entries), default=1)
        self.n_entries = len(seen)

    @staticmethod
    def _fits(entry: TermEntry, tokens: Sequence[Token], i: int) -> bool:
        if i + len(entry.keys) > len(tokens):
            return False
        for j, key in enumerate(entry.keys):
            token = tokens[i + j]
            if entry.upper[j] and not token.upper:
                return False
            if entry.prefix[j]:
                if not token.key.startswith(key):
                    return False
            elif token.key != key:
                return False
        return True

    def _longest(self, entries: Sequence[TermEntry], tokens: Sequence[Token], i: int) -> list:
        """All entries of the greatest length that fit at token i (entries sorted longest first)."""
        found: list[TermEntry] = []
        for entry in entries:
            if found and len(entry.keys) < len(found[0].keys):
                break
            if self._fits(entry, tokens, i):
                found.append(entry)
        return found

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        matches: list[Match] = []
        i = 0
        negate_until = -1
        while i < len(tokens):
            best = self._longest(self.exact.get(tokens[i].key, ()), tokens, i)
            if tokens[i].key[:3] in self.prefixed:
                extra = self._longest(self.prefixed[tokens[i].key[:3]], tokens, i)
                if extra and (not best or len(extra[0].keys) > len(best[0].keys)):
                    best = extra
                elif extra and len(extra[0].keys) == len(best[0].keys):
                    best = best + extra
            if not best:
                i += 1
                continue
            longest = len(best[0].keys)
            end_token = i + longest
            kinds = {e.kind for e in best}
            if "negation" in kinds:
                negate_until = end_token + 4  # the cue covers the next few words
            elif "blocker" not in kinds and i >= negate_until:
                start, end = tokens[i].start, tokens[end_token - 1].end
                for e in best:
                    matches.append(Match(e.goal, e.weight, e.term, e.kind, start, end))
            i = end_token
        return matches


@cache
def compile_lexicon(language: str, reference_dir: Path = DEFAULT_REFERENCE_DIR) -> Lexicon:
    """Build the matcher for one language (cached: building takes a few milliseconds)."""
    lang = language if language in TERMS else "en"
    entries: list[TermEntry] = []
    for goal, block in TERMS[lang].items():
        for weight, term in _parse_weighted_block(block):
            entry = _entry(term, goal, weight, "term", lang)
            if entry:
                entries.append(entry)
    # Official short goal titles ("Zero hunger", "Vida submarina") are unambiguous names.
    for code, title in reference.titles("goal_short", lang, reference_dir).items():
        entry = _entry(title, int(code), 3.0, "title", lang)
        if entry:
            entries.append(entry)
    for term in _split_terms(BLOCKERS.get(lang, "")):
        entry = _entry(term, 0, 0.0, "blocker", lang)
        if entry:
            entries.append(entry)
    for term in _split_terms(NEGATION_CUES.get(lang, "")):
        entry = _entry(term, 0, 0.0, "negation", lang)
        if entry:
            entries.append(entry)
    return Lexicon(entries)


# ---------------------------------------------------------------------------------------------
# Explicit references
# ---------------------------------------------------------------------------------------------

_CODE = r"\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?(?:\.\d{1,2})?"
_SEP = r"(?:\s*(?:,|;|/|&|\+|-|–|\band\b|\bor\b|\by\b|\be\b|\bo\b|\bet\b|\bou\b)\s*)"
# Keywords that make a number an SDG reference by themselves.
_SDG_KEYWORDS = (
    r"SDGs?|ODS|ODDs?|Global\s+Goals?|Sustainable\s+Development\s+Goals?|"
    r"Objetivos?\s+de\s+Desarrollo\s+Sostenible|Objectifs?\s+de\s+d[ée]veloppement\s+durable"
)
# Keywords that need an SDG context (or a dotted code) to count as explicit.
_GENERIC_GOAL = r"Goals?|Objetivos?|Objectifs?"
_TARGET_WORDS = r"targets?|metas?|cibles?"
_INDICATOR_WORDS = r"indicators?|indicador(?:es)?|indicateurs?"
_EXPLICIT = re.compile(
    rf"(?P<kw>{_SDG_KEYWORDS}|{_GENERIC_GOAL}|{_TARGET_WORDS}|{_INDICATOR_WORDS})"
    rf"(?:\s*(?:n[°ºo]\.?|no\.|num(?:ber|[ée]ro)?\.?|#))?\s*[-:]?\s*"
    rf"(?P<codes>{_CODE}(?:{_SEP}{_CODE})*)",
    re.IGNORECASE,
)
_SDG_CONTEXT = re.compile(
    rf"\b(?:{_SDG_KEYWORDS}|2030\s+Agenda|Agenda\s+2030|Programme\s+2030|"
    r"sustainable\s+development|desarrollo\s+sostenible|d[ée]veloppement\s+durable)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExplicitRef:
    text: str  # the matched words, e.g. "SDGs 3 and 4"
    goal: int
    target: str | None
    indicator: str | None
    context: bool  # True when the reference is unambiguous (SDG keyword or SDG context)


def find_explicit_refs(text: str, reference_dir: Path = DEFAULT_REFERENCE_DIR) -> list[ExplicitRef]:
    """Explicit SDG, target and indicator references in `text`, validated against the framework.

    "SDG 6", "ODS 6" and "ODD 11" always count. "Goal 11", "Objetivo 11" and "objectif 11" count
    when the text also mentions the SDGs or sustainable development, or when the code is a valid
    target ("Goal 11.1"). "target 11.1" / "meta 11.1" / "cible 11.1" need a valid target code and
    "indicator 6.2.1" / "indicador" / "indicateur" a valid indicator code; a bare "target 2" is
    not a reference.
    """
    targets = reference.target_codes(reference_dir)
    indicators = reference.indicator_codes(reference_dir)
    has_context = bool(_SDG_CONTEXT.search(text))
    refs: list[ExplicitRef] = []
    for match in _EXPLICIT.finditer(text):
        kw = match.group("kw")
        kw_lower = kw.lower()
        sdg_kw = re.fullmatch(_SDG_KEYWORDS, kw, re.IGNORECASE) is not None
        is_target_kw = re.fullmatch(_TARGET_WORDS, kw_lower) is not None
        is_indicator_kw = re.fullmatch(_INDICATOR_WORDS, kw_lower) is not None
        if sdg_kw and kw.lower() in ("ods", "odd", "odds") and not kw.isupper():
            continue  # "odds 3 to 1" is not the French ODD
        for code in re.findall(_CODE, match.group("codes")):
            code = code.lower()
            parts = code.split(".")
            try:
                goal = int(parts[0])
            except ValueError:
                continue
            if not 1 <= goal <= N_GOALS:
                continue
            target = ".".join(parts[:2]) if len(parts) >= 2 else None
            indicator = code if len(parts) == 3 else None
            if target is not None and target not in targets:
                continue
            if indicator is not None and indicator not in indicators:
                continue
            if is_indicator_kw and indicator is None:
                continue
            if is_target_kw and target is None:
                continue
            if (
                not (sdg_kw or is_target_kw or is_indicator_kw)
                and target is None
                and not (has_context)
            ):
                continue  # "Goal 3 of our strategy" without any SDG context
            refs.append(
                ExplicitRef(match.group().strip(), goal, target, indicator, sdg_kw or has_context)
            )
    return refs


# ---------------------------------------------------------------------------------------------
# Target similarity (TF-IDF over stems of the official target + indicator texts)
# ---------------------------------------------------------------------------------------------

_STOPWORDS = {
    "en": """a about above after again all also an and any are as at be because been before being
        between both but by can could did do does during each few for from further had has have
        having here how i if in into is it its itself least less many may more most much must
        no nor not of off on once only or other our out over own per same shall should so some
        such than that the their them then there these they this those through to too under
        until up upon very was we were what when where which while who whom why will with
        within without would yet including include includes particular particularly ensure
        achieve promote increase increased reduce reduced by 2030 2020 2025 all forms
        proportion number rate total percentage share level levels type types""",
    "es": """a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
        durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este
        esto estos fue fueron ha han hasta la las le les lo los mas me mi muy nada ni no nos
        o os otra otras otro otros para pero poco por porque que quien se sea ser si sin sobre
        su sus tambien tan te tiene todo todos tras un una uno unos y ya aqui 2030 2020
        proporcion numero tasa total porcentaje nivel niveles garantizar lograr promover
        aumentar reducir particular incluidos incluidas""",
    "fr": """a au aux avec ce ces cet cette comme dans de des du elle elles en est et etre eux il
        ils je la le les leur leurs lui mais me meme mes moi mon ne nos notre nous on ou par
        pas pour qu que qui sa sans se ses si son sont sur ta te tes toi ton tous tout toute
        toutes tu un une vos votre vous y ici ici 2030 2020 proportion nombre taux total
        pourcentage niveau niveaux garantir assurer parvenir promouvoir accroitre reduire
        notamment particulier compris""",
}


@dataclass
class _TargetIndex:
    codes: list[str]  # target codes, row order of `matrix`
    goals: np.ndarray  # goal of each row
    vocab: dict[str, int]
    idf: np.ndarray
    matrix: np.ndarray  # (n_targets, vocab) L2-normalised tf-idf rows
    indicator_codes: list[str]
    indicator_targets: list[str]
    indicator_matrix: np.ndarray


def _content_keys(text: str, language: str) -> list[str]:
    stop = _stopword_keys(language)
    return [t.key for t in normalise_tokens(text, language) if t.key not in stop and len(t.key) > 2]


@cache
def _stopword_keys(language: str) -> frozenset[str]:
    words = _STOPWORDS.get(language, _STOPWORDS["en"]).split()
    return frozenset(_stem(_fold(w), language) for w in words)


@cache
def _target_index(language: str, reference_dir: Path = DEFAULT_REFERENCE_DIR) -> _TargetIndex:
    """TF-IDF rows for each target (its title plus its indicators' titles) in one language."""
    lang = language if language in reference.languages(reference_dir) else "en"
    target_titles = reference.titles("target", lang, reference_dir) or reference.titles(
        "target", "en", reference_dir
    )
    indicator_titles = reference.titles("indicator", lang, reference_dir) or reference.titles(
        "indicator", "en", reference_dir
    )
    valid_targets = [t.target for t in reference.targets(reference_dir)]
    docs: dict[str, list[str]] = {code: [] for code in valid_targets}
    ind_docs: list[tuple[str, str, list[str]]] = []
    for code in valid_targets:
        docs[code] += _content_keys(target_titles.get(code, ""), lang)
    for code, title in indicator_titles.items():
        target = reference.target_of(code)
        if target in docs:
            keys = _content_keys(title, lang)
            docs[target] += keys
            ind_docs.append((code, target, keys))
    vocab: dict[str, int] = {}
    for keys in docs.values():
        for key in keys:
            vocab.setdefault(key, len(vocab))
    df = np.zeros(len(vocab))
    for keys in docs.values():
        for key in set(keys):
            df[vocab[key]] += 1
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0

    def rows(key_lists: Sequence[list[str]]) -> np.ndarray:
        matrix = np.zeros((len(key_lists), len(vocab)), dtype=np.float32)
        for r, keys in enumerate(key_lists):
            for key, n in Counter(keys).items():
                matrix[r, vocab[key]] = (1 + math.log(n)) * idf[vocab[key]]
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.maximum(norms, 1e-9)

    return _TargetIndex(
        codes=valid_targets,
        goals=np.array([reference.goal_of(c) for c in valid_targets]),
        vocab=vocab,
        idf=idf,
        matrix=rows([docs[c] for c in valid_targets]),
        indicator_codes=[c for c, _, _ in ind_docs],
        indicator_targets=[t for _, t, _ in ind_docs],
        indicator_matrix=rows([k for _, _, k in ind_docs]),
    )


def _tfidf_vector(keys: Sequence[str], index: _TargetIndex) -> np.ndarray:
    vec = np.zeros(len(index.vocab), dtype=np.float32)
    for key, n in Counter(keys).items():
        col = index.vocab.get(key)
        if col is not None:
            vec[col] = (1 + math.log(n)) * index.idf[col]
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec


# ---------------------------------------------------------------------------------------------
# The tagger
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SdgTag:
    """One SDG (optionally target-level) tag of a passage.

    sdg: goal 1-17. target: "6.2" or None when no target resolved (a target tag rolls up to
    `sdg`). score: confidence in [0, 1]. method: "explicit" (the text names the goal or target),
    "indicator" (the text names an indicator code), or "terms" (curated terms + topic profile).
    evidence: JSON-serialisable dict explaining the tag (see `SdgTagger.tag`).
    """

    sdg: int
    target: str | None
    score: float
    method: str
    evidence: dict = field(compare=False, hash=False)


@dataclass(frozen=True)
class TaggerParams:
    """The global knobs (one value for all goals), chosen by cross-validation on the expert
    benchmark's dev split, see docs/sdg_tagging.md.

    With `calibrated` (the default) the score is the goal-agnostic logistic calibrator's
    (models/sdg_classifier.py), whose chosen operating point is 0.5. With `calibrated=False` the
    older evidence formula (`scale`, `share_power`, `length_exponent`) applies; its
    cross-validated threshold was 0.4.
    """

    threshold: float = 0.5  # tag a goal when its score reaches this
    calibrated: bool = True  # score with the logistic calibrator instead of the evidence formula
    scale: float = 8.0  # evidence that gives a score of 1 - 1/e (before the share factor)
    length_exponent: float = 0.0  # evidence is divided by (tokens / 100) ** length_exponent
    share_power: float = 0.0  # score *= (goal evidence / best goal's evidence) ** share_power
    similarity_weight: float = 4.0  # evidence per unit of best-target TF-IDF similarity
    target_min_similarity: float = 0.15  # below this, a goal tag keeps target None
    explicit_score: float = 0.95  # score of a goal named explicitly


@dataclass
class _Analysis:
    """Per-text intermediate results, shared by goal_scores() and tag()."""

    scores: np.ndarray  # (17,)
    evidence_terms: dict[int, list[dict]]
    term_evidence: np.ndarray  # (17,) raw weighted evidence
    explicit: list[ExplicitRef]
    similarity: np.ndarray  # (n_targets,)
    query: np.ndarray  # tf-idf vector of the text in the target index's vocabulary
    n_tokens: int
    max_weight: np.ndarray  # (17,) weight of the strongest matched term per goal
    n_terms: np.ndarray  # (17,) distinct matched terms per goal
    coverage: np.ndarray  # (17,) share of sentences with a term of the goal


@dataclass(frozen=True)
class GoalFeatures:
    """Raw evidence per text and goal, before the global parameters are applied."""

    evidence: np.ndarray  # (n, 17) weighted term evidence
    n_tokens: np.ndarray  # (n,)
    named: np.ndarray  # (n, 17) bool: the goal is named explicitly
    best_similarity: np.ndarray  # (n, 17) best TF-IDF similarity to one of the goal's targets
    max_weight: np.ndarray  # (n, 17) weight of the strongest matched term
    n_terms: np.ndarray  # (n, 17) distinct matched terms
    coverage: np.ndarray  # (n, 17) share of the text's sentences with a term of the goal

    def take(self, rows: Sequence[int] | np.ndarray) -> GoalFeatures:
        """The features of some texts only (used by cross-validation)."""
        idx = np.asarray(rows, dtype=int)
        return GoalFeatures(
            self.evidence[idx],
            self.n_tokens[idx],
            self.named[idx],
            self.best_similarity[idx],
            self.max_weight[idx],
            self.n_terms[idx],
            self.coverage[idx],
        )


def scores_from_features(
    features: GoalFeatures, params: TaggerParams, calibrator: GoalCalibrator | None = None
) -> np.ndarray:
    """(n, 17) scores in [0, 1] from raw features; the whole decision rule lives here.

    Calibrated (`params.calibrated` and a calibrator given): the logistic calibrator's
    probability over the shape of each goal's evidence (amount, strongest term, number of
    distinct terms, share of sentences, target similarity); a goal without any term scores 0.
    Otherwise the evidence formula: density = evidence / (tokens/100) ** length_exponent;
    score = (1 - exp(-density / scale)) * (density / best density in the text) ** share_power.
    Either way an explicitly named goal scores at least explicit_score.
    """
    p = params
    if p.calibrated and calibrator is not None:
        scores = calibrator.scores(features)
        return np.where(features.named, np.maximum(scores, p.explicit_score), scores)
    evidence = features.evidence
    if p.similarity_weight:
        evidence = evidence + p.similarity_weight * features.best_similarity * (evidence > 0)
    length = np.maximum(features.n_tokens / 100.0, 0.3) ** p.length_exponent
    density = evidence / length[:, None]
    top = density.max(axis=1, keepdims=True)
    share = np.divide(density, top, out=np.zeros_like(density), where=top > 0)
    scores = (1.0 - np.exp(-density / p.scale)) * share**p.share_power
    return np.where(features.named, np.maximum(scores, p.explicit_score), scores)


class SdgTagger:
    """SDG tagger: explicit references + curated terms + topic profile + target similarity.

    Construction compiles the lexicon and the target index for English eagerly (tens of
    milliseconds) and other languages on first use; both are cached per process.
    """

    def __init__(
        self,
        reference_dir: Path = DEFAULT_REFERENCE_DIR,
        params: TaggerParams | None = None,
        calibrator: GoalCalibrator | None = None,
    ):
        self.reference_dir = Path(reference_dir)
        self.params = params or TaggerParams()
        self.calibrator = calibrator or DEFAULT_CALIBRATOR
        compile_lexicon("en", self.reference_dir)
        _target_index("en", self.reference_dir)
        self._target_titles = {
            lang: reference.titles("target", lang, self.reference_dir)
            for lang in SUPPORTED_LANGUAGES
        }

    def with_params(self, **changes: float) -> SdgTagger:
        """A tagger sharing the cached structures but with some parameters changed."""
        clone = object.__new__(SdgTagger)
        clone.__dict__.update(self.__dict__)
        clone.params = replace(self.params, **changes)
        return clone

    def with_calibrator(self, calibrator: GoalCalibrator) -> SdgTagger:
        """A tagger sharing the cached structures but scoring with another calibrator."""
        clone = object.__new__(SdgTagger)
        clone.__dict__.update(self.__dict__)
        clone.calibrator = calibrator
        return clone

    # -- analysis ---------------------------------------------------------------------------

    def _language(self, language: str) -> str:
        lang = (language or "en").split("-")[0].split("_")[0].lower()
        return lang if lang in SUPPORTED_LANGUAGES else "en"

    def analyse(self, text: str, language: str = "en") -> _Analysis:
        lang = self._language(language)
        text = unicodedata.normalize("NFKC", text or "")
        tokens = normalise_tokens(text, lang)
        matches = compile_lexicon(lang, self.reference_dir).match(tokens)
        per_goal_terms: dict[int, Counter] = defaultdict(Counter)
        weights: dict[tuple[int, str], float] = {}
        sentence_ends = sentence_boundaries(text)
        goal_sentences: dict[int, set[int]] = defaultdict(set)
        for m in matches:
            per_goal_terms[m.goal][m.term.lower()] += 1
            weights[(m.goal, m.term.lower())] = m.weight
            goal_sentences[m.goal].add(bisect.bisect_right(sentence_ends, m.start))
        evidence = np.zeros(N_GOALS)
        max_weight = np.zeros(N_GOALS)
        n_terms = np.zeros(N_GOALS)
        coverage = np.zeros(N_GOALS)
        evidence_terms: dict[int, list[dict]] = {}
        for goal, counts in per_goal_terms.items():
            total = 0.0
            listed = []
            for term, n in counts.items():
                w = weights[(goal, term)]
                total += w * (1.0 + math.log(n))
                listed.append({"term": term, "count": n, "weight": w})
            evidence[goal - 1] = total
            max_weight[goal - 1] = max(d["weight"] for d in listed)
            n_terms[goal - 1] = len(listed)
            coverage[goal - 1] = len(goal_sentences[goal]) / (len(sentence_ends) + 1)
            evidence_terms[goal] = sorted(listed, key=lambda d: -d["weight"] * d["count"])

        index = _target_index(lang, self.reference_dir)
        stop = _stopword_keys(lang)
        keys = [t.key for t in tokens if t.key not in stop and len(t.key) > 2]
        query = _tfidf_vector(keys, index)
        similarity = index.matrix @ query
        best_sim = np.zeros(N_GOALS)
        np.maximum.at(best_sim, index.goals - 1, similarity)
        explicit = find_explicit_refs(text, self.reference_dir)
        named = np.zeros(N_GOALS, dtype=bool)
        for ref in explicit:
            if ref.context or ref.target:
                named[ref.goal - 1] = True
        features = GoalFeatures(
            evidence[None, :],
            np.array([len(tokens)]),
            named[None, :],
            best_sim[None, :],
            max_weight[None, :],
            n_terms[None, :],
            coverage[None, :],
        )
        scores = scores_from_features(features, self.params, self.calibrator)[0]
        return _Analysis(
            scores,
            evidence_terms,
            evidence,
            explicit,
            similarity,
            query,
            len(tokens),
            max_weight,
            n_terms,
            coverage,
        )

    def features(self, texts: Sequence[str], language: str = "en") -> GoalFeatures:
        """Raw per-goal features of many texts; `scores_from_features` turns them into scores.

        Kept separate so that cross-validation can try many parameter values without
        re-reading the texts.
        """
        rows = [self.analyse(t, language) for t in texts]
        named = np.zeros((len(rows), N_GOALS), dtype=bool)
        best_sim = np.zeros((len(rows), N_GOALS))
        lang = self._language(language)
        index = _target_index(lang, self.reference_dir)
        for i, a in enumerate(rows):
            for ref in a.explicit:
                if ref.context or ref.target:
                    named[i, ref.goal - 1] = True
            np.maximum.at(best_sim[i], index.goals - 1, a.similarity)

        def stack(values: list[np.ndarray]) -> np.ndarray:
            return np.array(values, dtype=float).reshape(len(rows), N_GOALS)

        return GoalFeatures(
            stack([a.term_evidence for a in rows]),
            np.array([a.n_tokens for a in rows]),
            named,
            best_sim,
            stack([a.max_weight for a in rows]),
            stack([a.n_terms for a in rows]),
            stack([a.coverage for a in rows]),
        )

    # -- public API ---------------------------------------------------------------------------

    def goal_scores(self, texts: Sequence[str], language: str = "en") -> np.ndarray:
        """(n, 17) scores in [0, 1]; column k-1 is goal k. Tagged when >= params.threshold."""
        out = np.zeros((len(texts), N_GOALS), dtype=np.float64)
        for i, text in enumerate(texts):
            out[i] = self.analyse(text, language).scores
        return out

    def tag(self, texts: Sequence[str], language: str = "en") -> list[list[SdgTag]]:
        """Tags per text, sorted by descending score.

        Evidence keys: "terms" (matched curated terms with counts and weights),
        "sentence_coverage" (share of sentences with a term of the goal), "explicit"
        (explicit references as written), "indicators" (indicator codes named), "target_text"
        and "target_similarity" (nearest official target text of the goal, TF-IDF cosine),
        "goal_evidence" (weighted term evidence) and "share" (fraction of the best goal's
        evidence), "language".
        """
        lang = self._language(language)
        index = _target_index(lang, self.reference_dir)
        titles = self._target_titles.get(lang) or self._target_titles["en"]
        results: list[list[SdgTag]] = []
        for text in texts:
            analysis = self.analyse(text, lang)
            results.append(self._tags_for(analysis, index, titles, lang))
        return results

    def _tags_for(
        self, a: _Analysis, index: _TargetIndex, titles: dict[str, str], lang: str
    ) -> list[SdgTag]:
        p = self.params
        best: dict[tuple[int, str | None], SdgTag] = {}
        top = float(a.term_evidence.max()) if a.term_evidence.size else 0.0
        explicit_by_goal: dict[int, list[ExplicitRef]] = defaultdict(list)
        for ref in a.explicit:
            explicit_by_goal[ref.goal].append(ref)
        tagged_goals = [g for g in range(1, N_GOALS + 1) if a.scores[g - 1] >= p.threshold]
        for goal in tagged_goals:
            score = float(round(a.scores[goal - 1], 4))
            rows = np.flatnonzero(index.goals == goal)
            row = int(rows[np.argmax(a.similarity[rows])]) if rows.size else -1
            sim = float(a.similarity[row]) if row >= 0 else 0.0
            base = {
                "language": lang,
                "terms": a.evidence_terms.get(goal, [])[:12],
                "goal_evidence": round(float(a.term_evidence[goal - 1]), 3),
                "sentence_coverage": round(float(a.coverage[goal - 1]), 3),
                "share": round(float(a.term_evidence[goal - 1]) / top, 3) if top > 0 else 0.0,
                "explicit": [r.text for r in explicit_by_goal.get(goal, [])],
            }
            named_targets = {r.target for r in explicit_by_goal.get(goal, []) if r.target}
            named_indicators = sorted(
                {r.indicator for r in explicit_by_goal.get(goal, []) if r.indicator}
            )
            for target in sorted(named_targets):
                indicators = [c for c in named_indicators if c.startswith(target + ".")]
                method = METHOD_INDICATOR if indicators else METHOD_EXPLICIT
                ev = dict(base, target_text=titles.get(target), indicators=indicators)
                ev["target_similarity"] = round(float(a.similarity[index.codes.index(target)]), 3)
                self._keep(best, SdgTag(goal, target, max(score, p.explicit_score), method, ev))
            if named_targets:
                continue
            goal_named = any(r.context for r in explicit_by_goal.get(goal, []))
            method = METHOD_EXPLICIT if goal_named else METHOD_TERMS
            target = index.codes[row] if row >= 0 and sim >= p.target_min_similarity else None
            ev = dict(
                base,
                target_text=titles.get(index.codes[row]) if row >= 0 else None,
                nearest_target=index.codes[row] if row >= 0 else None,
                target_similarity=round(sim, 3),
                indicators=[],
            )
            if target is not None:
                ev["nearest_indicator"] = self._nearest_indicator(a, index, target)
            self._keep(best, SdgTag(goal, target, score, method, ev))
        return sorted(best.values(), key=lambda t: (-t.score, t.sdg, t.target or ""))

    @staticmethod
    def _keep(best: dict, tag: SdgTag) -> None:
        key = (tag.sdg, tag.target)
        if key not in best or tag.score > best[key].score:
            best[key] = tag

    @staticmethod
    def _nearest_indicator(a: _Analysis, index: _TargetIndex, target: str) -> dict | None:
        rows = [i for i, t in enumerate(index.indicator_targets) if t == target]
        if not rows:
            return None
        sims = index.indicator_matrix[rows] @ a.query
        i = int(np.argmax(sims))
        if sims[i] <= 0:
            return None
        return {"indicator": index.indicator_codes[rows[i]], "similarity": round(float(sims[i]), 3)}
