"""Blocks -> sentence-bounded passages (about 1 to 5 sentences) that keep their page and section.

Why passages and not pages or paragraphs: SDG tagging and VLR-VNR linking compare short spans of
meaning. A page mixes topics; a paragraph may run for 300 words. Two to four sentences are long
enough to carry context and short enough for a sentence-transformer's 256-token window.

Rules:

* A passage never crosses a heading; the current heading is its ``section``.
* A paragraph continued across a page (or column) break is rejoined first; the passage keeps
  the page where it starts.
* Sentences come from a blank spaCy pipeline with the rule-based sentencizer (fast, no model
  download), with common abbreviations ("e.g.", "No.", "art.", "Sr.") kept whole.
* Fragments (under four words, or no letters) merge into a neighbour or are dropped; footnotes
  and table rows stay whole as their own passages; contents lines ("toc") are not prose.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from models.pdf import Page

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "MAX_WORDS",
    "Passage",
    "extraction_recall",
    "normalise_text",
    "passage_id",
    "sentences",
    "split_passages",
]

MAX_WORDS = 120  # a passage longer than this is split at a sentence boundary
TARGET_SENTENCES = 3  # aim for 2-4 sentences
MAX_SENTENCES = 5
MIN_WORDS = 4  # shorter prose fragments are merged or dropped
# A "sentence" longer than this (an unpunctuated list) is cut at commas/semicolons or words.
MAX_SENTENCE_WORDS = 150

PROSE_KINDS = ("paragraph", "list_item")
WHOLE_KINDS = ("footnote", "table_row")  # one block, one passage
SKIPPED_KINDS = ("toc",)

_SPACY_LANGUAGES = {"en", "es", "fr", "pt", "de", "it", "nl", "ca", "ro", "pl", "sv", "id", "tr"}

# Abbreviations the sentencizer must not end a sentence on; capitalised variants are added.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "e.g.", "i.e.", "etc.", "no.", "nos.", "art.", "arts.", "para.", "paras.", "p.", "pp.",
        "vol.", "cf.", "approx.", "dr.", "mr.", "mrs.", "ms.", "st.", "fig.", "figs.", "sec.",
        "ch.", "vs.", "incl.", "est.", "dept.", "govt.", "min.", "max.", "jan.", "feb.", "mar.",
        "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.k.",
        "u.n.", "op.", "res.", "al.",
    ),
    "es": (
        "sr.", "sra.", "srta.", "sres.", "dr.", "dra.", "art.", "arts.", "núm.", "nro.", "no.",
        "pág.", "págs.", "p.", "pp.", "ej.", "etc.", "aprox.", "ud.", "uds.", "cap.", "vol.",
        "fig.", "ee.uu.", "inc.", "lic.", "ing.", "av.", "dto.", "admón.", "gral.", "depto.",
    ),
    "fr": (
        "m.", "mm.", "mme.", "mmes.", "mlle.", "art.", "n°.", "no.", "p.", "pp.", "ex.", "cf.",
        "etc.", "env.", "chap.", "vol.", "fig.", "av.", "bd.", "dr.", "éd.", "min.", "max.",
        "st.", "ste.",
    ),
}  # fmt: skip

_ENUMERATOR_RE = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlc]{1,5})[.)]?$")
_TERMINAL = frozenset(".!?…")
_SPACES_RE = re.compile(r"\s+")
_SPLIT_PUNCT_RE = re.compile(r"(?<=[;,])\s+")


@dataclass(frozen=True)
class Passage:
    """A run of 1-5 sentences from one block kind under one heading.

    ``page`` is the 1-based page where the passage starts; ``ordinal`` is 0-based in reading
    order over the whole document; ``section`` is the text of the last heading before it.
    """

    page: int
    ordinal: int
    section: str | None
    text: str
    kind: str


def passage_id(doc_id: str, ordinal: int) -> str:
    """Stable passage key: the same document text always yields the same ids."""
    return f"{doc_id}:{ordinal:05d}"


# ---------------------------------------------------------------------------------------------
# Sentences

_NLP_LOCK = threading.Lock()


@lru_cache(maxsize=16)
def _pipeline(language: str) -> Language:
    """A blank spaCy pipeline + sentencizer per language (cached: building one costs ~0.2 s)."""
    import spacy
    from spacy.attrs import ORTH

    code = language if language in _SPACY_LANGUAGES else "xx"
    try:
        nlp = spacy.blank(code)
    except Exception:  # a language spaCy lacks at runtime: fall back to the multilingual one
        code = "xx"
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000_000
    for abbreviation in _ABBREVIATIONS.get(code, ()):
        variants = {abbreviation, abbreviation.capitalize(), abbreviation.upper()}
        for variant in variants:
            nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])
    return nlp


def _needs_split(text: str) -> bool:
    """A text with no sentence mark before its end is one sentence: skip spaCy for it."""
    body = text.rstrip(" )\"'”’»")[:-1]
    return any(mark in body for mark in ".!?…")


def sentences(texts: list[str], language: str) -> list[list[str]]:
    """Sentences of each text, in order; enumerators and lowercase starts glued back."""
    out: list[list[str]] = [[] for _ in texts]
    todo: list[int] = []
    for i, text in enumerate(texts):
        if _needs_split(text):
            todo.append(i)
        elif text.strip():
            out[i] = [text.strip()]
    if todo:
        from spacy.attrs import IDX, SENT_START

        nlp = _pipeline(language)
        with _NLP_LOCK:  # the tokenizer's special-case cache is not thread-safe
            docs = list(nlp.pipe((texts[i] for i in todo), batch_size=256))
        for i, doc in zip(todo, docs, strict=True):
            # Sentence starts as character offsets via one array copy: iterating doc.sents
            # builds a Span per sentence and costs more than the tokenizer.
            table = doc.to_array([SENT_START, IDX])
            text = texts[i]
            starts = [int(idx) for flag, idx in table if flag == 1] or [0]
            starts[0] = 0
            bounds = [*starts, len(text)]
            parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
            out[i] = _repair([p for p in parts if p])
    return out


def _repair(parts: list[str]) -> list[str]:
    """Undo the sentencizer's usual mistakes on report prose."""
    fixed: list[str] = []
    carry = ""
    for part in parts:
        if carry:
            part = f"{carry} {part}"
            carry = ""
        if _ENUMERATOR_RE.match(part):  # "1." / "a)" alone: belongs to what follows
            carry = part
            continue
        if fixed and (part[:1].islower() or not _ends_sentence(fixed[-1])):
            fixed[-1] = f"{fixed[-1]} {part}"  # "etc. and so on", or a split mid-sentence
            continue
        fixed.append(part)
    if carry:
        if fixed:
            fixed[-1] = f"{fixed[-1]} {carry}"
        else:
            fixed.append(carry)
    return fixed


def _ends_sentence(text: str) -> bool:
    return text.rstrip(" )\"'”’»")[-1:] in _TERMINAL


def _cut_long(sentence: str) -> list[str]:
    """Split an over-long "sentence" (an unpunctuated list) near commas, else every N words."""
    words = sentence.split()
    if len(words) <= MAX_SENTENCE_WORDS:
        return [sentence]
    pieces: list[str] = []
    current: list[str] = []
    for clause in _SPLIT_PUNCT_RE.split(sentence):
        clause_words = clause.split()
        if current and len(current) + len(clause_words) > MAX_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(clause_words)
        while len(current) > MAX_WORDS:
            pieces.append(" ".join(current[:MAX_WORDS]))
            current = current[MAX_WORDS:]
    if current:
        pieces.append(" ".join(current))
    return pieces


def _group(sents: list[str]) -> list[str]:
    """Sentences -> passages of about 2-4 sentences and at most ~120 words, balanced."""
    units: list[str] = []
    for sentence in sents:
        units.extend(_cut_long(sentence))
    if not units:
        return []
    counts = [len(u.split()) for u in units]
    total = sum(counts)
    n_groups = max(
        -(-total // MAX_WORDS),  # ceil
        -(-len(units) // (TARGET_SENTENCES + 1)) if len(units) > MAX_SENTENCES else 1,
    )
    n_groups = min(n_groups, len(units))
    target = total / n_groups
    groups: list[list[str]] = []
    current: list[str] = []
    current_words = 0
    for unit, count in zip(units, counts, strict=True):
        if current and (
            len(current) >= MAX_SENTENCES
            or current_words + count > MAX_WORDS
            or (current_words >= target * 0.8 and len(groups) < n_groups - 1)
        ):
            groups.append(current)
            current, current_words = [], 0
        current.append(unit)
        current_words += count
    if current:
        groups.append(current)
    return [" ".join(g) for g in groups]


# ---------------------------------------------------------------------------------------------
# Blocks -> passages


@dataclass
class _Unit:
    """A block (or a block rejoined across a page break) waiting to be split."""

    page: int
    section: str | None
    kind: str
    text: str
    seq: int  # reading-order position of the first source block


def _word_count(text: str) -> int:
    return len(text.split())


def _has_letters(text: str) -> bool:
    return sum(1 for c in text if c.isalpha()) >= 2


def _continues(prev: _Unit, kind: str, text: str) -> bool:
    """Does ``text`` (first block after a page break) continue ``prev`` mid-sentence?"""
    if prev.kind not in PROSE_KINDS or kind != "paragraph" or _ends_sentence(prev.text):
        return False
    tail = prev.text.rstrip()
    return (
        text[:1].islower() or tail[-1:] in ",;-–(" or (tail[-1:].isalpha() and text[:1].isdigit())
    )


def _join_across(prev: str, text: str) -> str:
    if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and text[:1].islower():
        return prev[:-1] + text  # a word hyphenated over the page break
    return f"{prev} {text}"


def _units(pages: Iterable[Page]) -> list[_Unit]:
    """Flatten pages into units, rejoining paragraphs that a page break cut."""
    units: list[_Unit] = []
    section: str | None = None
    open_prose: _Unit | None = None  # the previous page's last prose, if no heading followed
    seq = 0
    for page in pages:
        first_on_page = True
        tail: _Unit | None = None  # the last prose unit touched on this page
        for block in page.blocks:
            seq += 1
            text = _SPACES_RE.sub(" ", unicodedata.normalize("NFKC", block.text)).strip()
            if not text:
                continue
            if block.kind == "heading":
                section = text[:300]
                first_on_page = False
                tail = None
                continue
            if block.kind in SKIPPED_KINDS:
                continue
            if block.kind in PROSE_KINDS:
                if (
                    first_on_page
                    and open_prose is not None
                    and _continues(open_prose, block.kind, text)
                ):
                    open_prose.text = _join_across(open_prose.text, text)
                    tail = open_prose
                    first_on_page = False
                    continue
                first_on_page = False
            # Footnotes and table rows at the foot of a page do not close the paragraph they
            # interrupt, so they leave ``tail`` alone.
            kind = block.kind if block.kind in (*PROSE_KINDS, *WHOLE_KINDS) else "paragraph"
            unit = _Unit(page.page, section, kind, text, seq)
            units.append(unit)
            if kind in PROSE_KINDS:
                tail = unit
        open_prose = tail
    return units


def split_passages(pages: Iterable[Page], language: str) -> list[Passage]:
    """Split a document's pages into sentence-bounded passages in reading order.

    ``language`` is an ISO 639-1 code; en/es/fr get abbreviation lists, others the generic
    rules (unknown codes use spaCy's multilingual "xx" pipeline).
    """
    units = _units(pages)
    prose = [u for u in units if u.kind in PROSE_KINDS]
    split = sentences([u.text for u in prose], language)
    sents_of = {id(u): s for u, s in zip(prose, split, strict=True)}

    drafts: list[tuple[int, int, _Unit, str]] = []  # (seq, sub-index, unit, text)
    carry: _Unit | None = None  # a short label ("Overview:") waiting for the text it opens
    for unit in units:
        if unit.kind in WHOLE_KINDS:
            if _has_letters(unit.text):
                drafts.append((unit.seq, 0, unit, unit.text))
            continue
        sents = sents_of[id(unit)]
        if _word_count(unit.text) < MIN_WORDS:
            if not _has_letters(unit.text):
                continue  # a stray number or symbol
            previous = drafts[-1] if drafts else None
            if (
                not unit.text.endswith(":")
                and previous is not None
                and previous[2].section == unit.section
                and previous[2].kind in PROSE_KINDS
            ):
                drafts[-1] = (*previous[:3], f"{previous[3]} {unit.text}")
            else:
                carry = unit
            continue
        if carry is not None and carry.section == unit.section and sents:
            sents = [f"{carry.text} {sents[0]}", *sents[1:]]
            unit = _Unit(carry.page, unit.section, unit.kind, unit.text, carry.seq)
        carry = None
        for k, chunk in enumerate(_group(sents)):
            drafts.append((unit.seq, k, unit, chunk))
    drafts.sort(key=lambda d: (d[0], d[1]))
    return [
        Passage(page=u.page, ordinal=i, section=u.section, text=text, kind=u.kind)
        for i, (_, _, u, text) in enumerate(drafts)
    ]


# ---------------------------------------------------------------------------------------------
# Evaluation helper (tests and the extraction benchmark)


def normalise_text(text: str) -> str:
    """NFKC, unified quotes and dashes, single spaces: how truth sentences are compared."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return _SPACES_RE.sub(" ", text).strip()


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "‐": "-"})


def extraction_recall(pages_text: str, sentences: list[str]) -> float:
    """Share of ``sentences`` found verbatim (after :func:`normalise_text`) in ``pages_text``.

    A sentence split by a hyphenated line break, interleaved with another column or broken by
    a running header is not found, so this measures reading order and cleaning together.
    """
    if not sentences:
        return 1.0
    haystack = normalise_text(pages_text)
    found = sum(1 for s in sentences if normalise_text(s) in haystack)
    return found / len(sentences)
