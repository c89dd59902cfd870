"""Layout-aware PDF text extraction: a PDF becomes pages of typed blocks in reading order.

Why this exists: plain text extraction (``pdfplumber``'s ``extract_text``) interleaves the lines of
two-column pages, keeps running headers and page numbers, breaks words at line-end hyphens and
cannot tell a heading from a table row. Passages built on that text link badly.

How it works, per page:

1. Characters come from PDFium's text page (``pypdfium2``, which ships with pdfplumber). Even
   parsing the characters with pdfminer is slower than the 5x-of-``extract_text`` budget, so
   pdfminer is not used. Tokens between PDFium's spaces become words from the boxes of their
   first and last characters (one by one only when those disagree), and words become
   *segments*: runs on one baseline without an unusually wide gap, so a gutter or a table gap
   ends a segment while justified word spacing does not.
2. Running headers and footers are removed before any layout decision: segments in the top or
   bottom band whose text (digits replaced) repeats in the band of nearby pages, and page-number
   lines ("12", "- 12 -", "Page 3 of 14", "Página 3 de 14"). Nearby pages come from a small
   look-ahead window, so memory stays bounded for a 2,000-page file.
3. Reading order: a recursive cut finds vertical gutters (an x-range that no word crosses,
   with prose on both sides); segments that cross a gutter (a title over two columns) cut the
   page into horizontal bands first. Each resulting column is read top to bottom; a short
   aside beside an unfinished main column is read first so the main text runs on to the next
   page, and a paragraph cut at a column's foot is rejoined with the next column's head.
4. Within a column, segments on one baseline form rows; aligned multi-cell rows are table rows,
   dot-leader rows are contents lines, the rest are lines grouped into blocks by line spacing,
   indentation, font changes and list markers. Blocks are typed heading / paragraph / list_item /
   table_row / footnote / toc, NFKC-normalised, with line-end hyphenation joined.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import threading
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

__all__ = [
    "Block",
    "CorruptPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "NoTextLayerError",
    "Page",
    "PdfError",
    "count_pages",
    "read_pdf",
]

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row", "footnote", "toc")


class PdfError(Exception):
    """A PDF that cannot yield text; ``str(e)`` is a one-line reason for the documents table."""

    status = "failed"


class EncryptedPdfError(PdfError):
    """The file needs a password we do not have."""


class CorruptPdfError(PdfError):
    """The file is not a PDF, or is truncated or damaged beyond what PDFium repairs."""


class NoTextLayerError(PdfError):
    """Every page is an image (a scan without OCR); we do not run OCR."""


class EmptyPdfError(PdfError):
    """Zero bytes, or a PDF with zero pages."""


@dataclass(frozen=True)
class Block:
    """One unit of a page in reading order.

    ``kind`` is "heading", "paragraph", "list_item", "table_row" (cells joined by " | "),
    "footnote" or "toc" (a contents line; not prose). ``text`` is NFKC-normalised with
    hyphenation joined and single spaces.
    """

    kind: str
    text: str


@dataclass(frozen=True)
class Page:
    """One physical page (1-based) with its blocks in reading order."""

    page: int
    blocks: list[Block]


# PDFium is not thread-safe; one lock serialises every call into it (cheap next to the work).
_PDFIUM_LOCK = threading.RLock()

# A horizontal gap wider than this many font sizes ends a segment (column gutter, table cell).
_SEGMENT_GAP_EM = 0.8
# Header/footer bands, as a share of the page height.
_BAND = 0.09
# Pages looked at on each side when deciding whether a band line repeats.
_WINDOW = 4

_IGNORED_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\uffff\x01\x03")
_SOFT_HYPHENS = frozenset("\xad")
_BULLETS = frozenset("•·▪▫◦‣⁃●○■□◆◇◾◼♦❖►▸▹›»→➔➜➢➤✓✔✗-–—*⋅∙")
_DASH_BULLETS = frozenset("-–—*")
_TERMINAL = frozenset(".!?…:;")

# Front-matter folios i..xxxix; letters m, c, d, l left out because they spell words ("mid").
_ROMAN = r"(?=[ivx]+\b)x{0,3}(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—(\[|]*(?:(?:page|pages|página|pagina|pág\.?|p\.|seite|pagine)\s*)?"
    rf"(?:\d{{1,4}}|{_ROMAN})"
    r"(?:\s*(?:of|de|sur|/|von|di|\|)\s*\d{1,4})?[\s\-–—)\]|]*$",
    re.IGNORECASE,
)
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
_STRONG_ENUM_RE = re.compile(
    r"^(?:\(?[a-zA-Z]\)|\(?\d{1,3}\)|\(?[ivxlc]{1,5}\)|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?|"
    r"\d{1,2}\.[a-z])$"
)
_WEAK_ENUM_RE = re.compile(r"^(?:\d{1,3}\.|[a-z]\.|[ivx]{1,4}\.)$")
_HEADING_PATTERN_RE = re.compile(
    r"^(?:(?:SDG|ODS|ODD|Goal|Objetivo|Objectif|Chapter|Cap[ií]tulo|Chapitre|Section|Secci[oó]n|"
    r"Part|Parte|Partie|Annex|Anexo|Annexe|Appendix)\s*\d{1,2}\b|"
    r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\S|[IVX]{1,5}\.\s+\S)",
    re.IGNORECASE,
)
_TOC_LEADER_RE = re.compile(
    r"(?:\.\s?){4,}\s*\d{1,4}$|(?:…\s?)+\s*\d{1,4}$|(?:_\s?){4,}\s*\d{1,4}$"
)
# On a page titled "Contents": a short entry ending in a page number ("3 Water and sanitation 12").
_TOC_ENTRY_RE = re.compile(r"^\S.{2,120}?[A-Za-zÀ-ÿ)].{0,3}\s+\d{1,4}$")
_TOC_TITLE_RE = re.compile(
    r"^(?:table of contents|contents|índice|indice|contenido|sommaire|table des matières|"
    r"tabla de contenidos?)$",
    re.IGNORECASE,
)
_NUMERIC_CELL_RE = re.compile(
    r"^[(\-–+−]?[$€£]?\d[\d.,\s%]*[%)]?$|^[-–—]+$|^n/a$|^n\.a\.?$", re.IGNORECASE
)
_SUP_MARKER_RE = re.compile(r"^[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,]+$")
_FOOTNOTE_START_RE = re.compile(r"^(?:\d{1,3}|[*†‡§]|[a-z])(?:[.)]|\s|$)")
_DIGITS_RE = re.compile(r"\d+")
_VOCAB_RE = re.compile(r"[^\W\d_]{4,}")
_COMPOUND_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+(?=[^\w\n-]|$)", re.MULTILINE)
_SPACES_RE = re.compile(r"\s+")

# Parts that keep their hyphen at a line break ("long-\nterm" -> "long-term"); both lists are
# words that hyphenation of a single word almost never leaves at a line end.
_COMPOUND_FIRST_PARTS = frozenset(
    ("long", "short", "medium", "low", "high", "middle", "well", "self", "cross", "small",
     "large", "full", "part", "half", "one", "two", "three", "four", "five", "six", "seven",
     "eight", "nine", "ten", "non", "anti")
)  # fmt: skip
_COMPOUND_SECOND_PARTS = frozenset(
    ("based", "led", "related", "term", "scale", "level", "oriented", "sensitive", "specific",
     "friendly", "driven", "owned", "centred", "centered", "wide", "responsive", "up",
     "income", "sized", "year", "old", "being", "making", "sharing", "saving")
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Opening and errors


def _check_file(path: Path) -> None:
    """Give zero-byte and non-PDF files a clear reason before PDFium says "format error"."""
    path = Path(path)
    size = path.stat().st_size  # FileNotFoundError is the caller's business
    if size == 0:
        raise EmptyPdfError("empty PDF: file has zero bytes")
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        start = head.lstrip()[:5].decode("latin-1")
        raise CorruptPdfError(f"not a PDF: file starts with {start!r}")


def _open(path: Path) -> pdfium.PdfDocument:
    _check_file(path)
    try:
        with _PDFIUM_LOCK:
            return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError("encrypted PDF: a password is required") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdfError("encrypted PDF: unsupported security handler") from None
        if code == pdfium_c.FPDF_ERR_FORMAT:
            raise CorruptPdfError(
                "corrupt PDF: damaged or truncated file (no readable cross-reference table)"
            ) from None
        raise CorruptPdfError(f"corrupt PDF: {' '.join(str(exc).split())}") from None


def count_pages(path: Path) -> int:
    """Number of pages, with the same errors as :func:`read_pdf` (except no-text-layer)."""
    doc = _open(path)
    try:
        with _PDFIUM_LOCK:
            n_pages = len(doc)
    finally:
        with _PDFIUM_LOCK:
            doc.close()
    if n_pages == 0:
        raise EmptyPdfError("empty PDF: no pages")
    return n_pages


# --------------------------------------------------------------------------------------------
# Characters -> words -> segments


class _Word:
    __slots__ = (
        "text", "x0", "x1", "top", "bottom", "size", "bold", "glue", "drop", "chars", "angle",
        "index",
    )  # fmt: skip

    def __init__(self, x0: float, x1: float, top: float, bottom: float, size: float) -> None:
        self.chars: list[str] = []
        self.text = ""
        self.x0, self.x1, self.top, self.bottom, self.size = x0, x1, top, bottom, size
        self.bold = False
        self.glue = False  # joined to the previous word without a space (size change mid-word)
        self.drop = False  # superscript footnote marker
        self.angle = 0  # 0: along the line, 1: vertical (characters advance up or down)
        self.index = 0  # PDFium index of the first character, for font queries


class _Seg:
    """A run of words on one baseline without a wide gap; also used for a merged line."""

    __slots__ = (
        "words", "x0", "x1", "top", "bottom", "size", "bold", "_text", "cells", "cell_x",
        "cell_words", "kind",
    )  # fmt: skip

    def __init__(self, words: list[_Word]) -> None:
        self.words = words
        self.cells: list[str] | None = None
        self.cell_x: list[float] = []
        self.cell_words: list[list[_Word]] = []
        self.kind = ""
        self._text: str | None = None
        self._measure()

    def _measure(self) -> None:
        words = self.words
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        weight: Counter[float] = Counter()
        bold = 0
        total = 0
        for w in words:
            n = len(w.text)
            weight[w.size] += n
            total += n
            if w.bold:
                bold += n
        self.size = weight.most_common(1)[0][0] if weight else 0.0
        self.bold = total > 0 and bold >= 0.9 * total

    @property
    def text(self) -> str:
        if self._text is None:
            parts: list[str] = []
            for w in self.words:
                if w.drop:
                    continue
                if parts and not w.glue:
                    parts.append(" ")
                parts.append(w.text)
            self._text = "".join(parts)
        return self._text

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _page_text(textpage: object, n_chars: int) -> str:
    """All characters of a text page, one Python char per PDFium char index."""
    buffer = ctypes.create_string_buffer((n_chars + 1) * 2)
    written = pdfium_c.FPDFText_GetText(
        textpage, 0, n_chars, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    raw = buffer.raw[: max(written - 1, 0) * 2]
    text = raw.decode("utf-16-le", errors="replace")
    if len(text) == n_chars:
        return text
    # Astral characters make UTF-16 and the char index disagree; ask char by char instead.
    get_unicode = pdfium_c.FPDFText_GetUnicode
    return "".join(chr(get_unicode(textpage, i) or 32) for i in range(n_chars))


class _FontProbe:
    """Bold detection per character index, with font names cached (they repeat endlessly)."""

    _BOLD_TAGS = ("bold", "black", "heavy", "semibold", "demi")

    def __init__(self, textpage: object) -> None:
        self.textpage = textpage
        self.buffer = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int(0)
        self.cache: dict[bytes, bool] = {}

    def bold(self, index: int) -> bool:
        """Is the character's font bold (by weight, by flag or by name)?"""
        weight = pdfium_c.FPDFText_GetFontWeight(self.textpage, index)
        if weight >= 600:
            return True
        if weight >= 100:
            return False
        # Weight unknown (standard-14 fonts report 0): the font name decides.
        pdfium_c.FPDFText_GetFontInfo(self.textpage, index, self.buffer, 128, self.flags)
        name = self.buffer.value
        found = self.cache.get(name)
        if found is None:
            lowered = name.decode("latin-1").lower()
            found = bool(self.flags.value & 0x40000) or any(t in lowered for t in self._BOLD_TAGS)
            self.cache[name] = found
        return found


class _Geometry:
    """Character boxes in top-down display coordinates, whatever the page rotation."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.left, self.bottom, self.right, self.top = page.get_cropbox()
        self.rotation = page.get_rotation() % 360
        width, height = self.right - self.left, self.top - self.bottom
        if self.rotation in (90, 270):
            width, height = height, width
        self.width, self.height = width, height
        self.rect = pdfium_c.FS_RECTF()

    def box(self, textpage: object, index: int) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of a character's loose box (font ascent to descent)."""
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, self.rect)
        r = self.rect
        if self.rotation == 0:
            return r.left - self.left, r.right - self.left, self.top - r.top, self.top - r.bottom
        if self.rotation == 90:
            return (
                r.bottom - self.bottom,
                r.top - self.bottom,
                r.left - self.left,
                r.right - self.left,
            )
        if self.rotation == 180:
            return (
                self.right - r.right,
                self.right - r.left,
                r.bottom - self.bottom,
                r.top - self.bottom,
            )
        return self.top - r.top, self.top - r.bottom, self.right - r.right, self.right - r.left


# A token is a run of characters between PDFium's (real or generated) spaces and line breaks.
_TOKEN_RE = re.compile(r"[^\s\x00]+")
# Tokens that may hide a superscript or a size change inside them ("sanitation.3", "CO2").
_MIXED_TOKEN_RE = re.compile(r"[^\d\W]\W?\d|[.,;:)]\d|\d[^\d\W]")


def _extract_segments(page: pdfium.PdfPage) -> tuple[list[_Seg], float, float]:
    """Segments of one page in content order, in top-down display coordinates.

    Speed matters here (this is most of the extraction time), so PDFium is asked as little as
    possible: a token between PDFium's spaces is measured by its first and last characters
    only, and character by character only when those two disagree (size, baseline, direction)
    or the token mixes letters and digits (a glued footnote mark); boldness is asked of the
    first and last word of each line, and of every word only when those two differ.
    """
    geometry = _Geometry(page)
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n_chars = pdfium_c.FPDFText_CountChars(tp)
        if n_chars <= 0:
            return [], geometry.width, geometry.height
        words = _words(tp, _page_text(tp, n_chars), geometry)
        fonts = _FontProbe(tp)
        segments = _segments(words, fonts.bold)
    finally:
        textpage.close()
    return segments, geometry.width, geometry.height


def _words(tp: object, text: str, geometry: _Geometry) -> list[_Word]:
    get_size = pdfium_c.FPDFText_GetFontSize
    box = geometry.box
    words: list[_Word] = []
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        token = match.group()
        if not (token.isascii() and token.isprintable()):
            token = _strip_ignored(token)
            if not token:
                continue
            if len(token) != end - start:  # ignored characters inside: go char by char
                _char_words(tp, text, start, end, box, words)
                continue
        if end - start == 1:
            x0, x1, top, bottom = box(tp, start)
            word = _Word(x0, x1, top, bottom, get_size(tp, start))
        else:
            x0, _, top, bottom = box(tp, start)
            lx0, x1, ltop, lbottom = box(tp, end - 1)
            size = get_size(tp, start)
            last_size = get_size(tp, end - 1)
            if (
                abs(size - last_size) > 0.15 * max(size, last_size)
                or min(bottom, lbottom) - max(top, ltop) < 0.5 * min(bottom - top, lbottom - ltop)
                or x1 < x0
                or x1 - x0 > 1.2 * size * len(token)  # wider than its letters: a jump inside
                or (not token[-1].isalnum() and _MIXED_TOKEN_RE.search(token))
            ):
                _char_words(tp, text, start, end, box, words)
                continue
            word = _Word(x0, x1, min(top, ltop), max(bottom, lbottom), size)
        word.text = token
        word.index = start
        words.append(word)
    # Text at an angle to the page's own text (a vertical margin label, a rotated stamp) is
    # dropped: its characters would otherwise stack into one-letter lines.
    directions: Counter[int] = Counter()
    for w in words:
        directions[w.angle] += len(w.text)
    main = directions.most_common(1)[0][0] if directions else 0
    kept: list[_Word] = []
    for word in words:
        if word.angle != main:
            continue
        raw_text = word.text
        if not raw_text.isascii():
            # PDFium reports a hyphen it saw at a line end as U+FFFE.
            raw_text = unicodedata.normalize("NFKC", raw_text.replace("\ufffe", "-"))
            word.text = raw_text
        if "\x02" in raw_text:  # the same, as some PDFium builds report it
            raw_text = word.text = raw_text.replace("\x02", "-")
        if raw_text.strip():
            kept.append(word)
    return kept


def _ignored(ch: str) -> bool:
    """Format controls and private-use glyphs (icon fonts) carry no text."""
    return ch in _IGNORED_CHARS or "\ue000" <= ch <= "\uf8ff" or (ch < " " and ch != "\x02")


def _strip_ignored(token: str) -> str:
    return "".join(c for c in token if not _ignored(c))


def _char_words(
    tp: object,
    text: str,
    start: int,
    end: int,
    box: Callable[[object, int], tuple[float, float, float, float]],
    words: list[_Word],
) -> None:
    """Split one token into words character by character (size changes, glued marks)."""
    get_size = pdfium_c.FPDFText_GetFontSize
    cur: _Word | None = None
    first_word = len(words)
    centres: list[tuple[float, float]] = []
    for i in range(start, end):
        ch = text[i]
        if _ignored(ch):
            continue
        x0, x1, ctop, cbottom = box(tp, i)
        centres.append(((x0 + x1) / 2, (ctop + cbottom) / 2))
        size = get_size(tp, i)
        if cur is not None:
            gap = x0 - cur.x1
            overlap = min(cbottom, cur.bottom) - max(ctop, cur.top)
            small = min(cbottom - ctop, cur.bottom - cur.top)
            biggest = max(size, cur.size)
            same_line = overlap >= 0.3 * small and -0.5 * size <= gap <= 0.25 * biggest
            if same_line and abs(size - cur.size) <= 0.15 * biggest:
                cur.chars.append(ch)
                cur.x1 = max(cur.x1, x1)
                cur.top = min(cur.top, ctop)
                cur.bottom = max(cur.bottom, cbottom)
                continue
            glue = same_line  # a size change inside a word (small caps, superscript)
        else:
            glue = False
        if cur is not None:
            cur.text = "".join(cur.chars)
        cur = _Word(x0, x1, ctop, cbottom, size)
        cur.glue = glue
        cur.index = i
        cur.chars.append(ch)
        words.append(cur)
    if cur is not None:
        cur.text = "".join(cur.chars)
    # Characters that mostly advance down or up the page are vertical text. (One big jump is
    # only a word hyphenated across a line or column break.)
    steps = list(zip(centres, centres[1:], strict=False))
    vertical = sum(1 for (ax, ay), (bx, by) in steps if abs(by - ay) > abs(bx - ax))
    if len(steps) >= 2 and vertical * 3 >= 2 * len(steps):
        for word in words[first_word:]:
            word.angle = 1


def _segments(words: list[_Word], bold: Callable[[int], bool]) -> list[_Seg]:
    """Group words (content order) into segments: one baseline, no unusually wide gap.

    "Wide" adapts to the line: justified text spreads every word gap evenly (often past one
    em in narrow columns), while a gutter or a table gap stands out against the line's usual
    gap. A gap is wide when it exceeds 0.8 em and 2.5 times the line's lower-quartile gap,
    capped at 2.2 em so that evenly spaced table cells still split; between two numbers,
    anything wider than half an em is a cell boundary.
    """
    segments: list[_Seg] = []
    run: list[_Word] = []
    for word in words:
        if run:
            last = run[-1]
            overlap = min(word.bottom, last.bottom) - max(word.top, last.top)
            small = min(word.bottom - word.top, last.bottom - last.top)
            gap = word.x0 - last.x1
            size = max(word.size, last.size)
            if overlap >= 0.3 * small and -0.5 * size <= gap <= 6 * size:
                run.append(word)
                continue
            _probe_bold(run, bold)
            segments.extend(_split_run(run))
        run = [word]
    if run:
        _probe_bold(run, bold)
        segments.extend(_split_run(run))
    return segments


def _probe_bold(run: list[_Word], bold: Callable[[int], bool]) -> None:
    """Bold flags for one line: its two ends decide unless they disagree."""
    first = bold(run[0].index)
    last = bold(run[-1].index) if len(run) > 1 else first
    if first == last and len(run) > 2:
        for word in run:
            word.bold = first
        return
    for k, word in enumerate(run):
        word.bold = first if k == 0 else last if k == len(run) - 1 else bold(word.index)


def _split_run(run: list[_Word]) -> list[_Seg]:
    if len(run) == 1:
        return [_finish_segment(run)]
    gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:], strict=False)]
    ordered = sorted(gaps)
    usual = ordered[len(ordered) // 4] if len(ordered) >= 2 else 0.0
    out: list[_Seg] = []
    start = 0
    for i, gap in enumerate(gaps, start=1):
        size = max(run[i].size, run[i - 1].size)
        limit = max(_SEGMENT_GAP_EM * size, min(2.5 * usual, 2.2 * size))
        if gap > limit or (
            gap > 0.5 * size and _numeric(run[i - 1].text) and _numeric(run[i].text)
        ):  # two numbers set apart wider than a space: table cells ("2015   2020")
            out.append(_finish_segment(run[start:i]))
            start = i
    out.append(_finish_segment(run[start:]))
    return out


def _finish_segment(words: list[_Word]) -> _Seg:
    seg = _Seg(words)
    # Superscript footnote markers: small, raised, digits or daggers, after a normal word.
    if len(words) > 1:
        base = max((w.bottom for w in words if w.size == seg.size), default=seg.bottom)
        for w in words[1:]:
            if (
                w.size <= 0.8 * seg.size
                and w.bottom < base - 0.15 * seg.size
                and _SUP_MARKER_RE.match(w.text)
            ):
                w.drop = True
    return seg


# --------------------------------------------------------------------------------------------
# Running headers and footers


def _band_key(text: str) -> str:
    return _SPACES_RE.sub(" ", _DIGITS_RE.sub("#", text.lower())).strip()


class _RawPage:
    """A page's segments before layout, kept in the look-ahead window."""

    __slots__ = ("number", "segments", "width", "height", "band_keys")

    def __init__(self, number: int, segments: list[_Seg], width: float, height: float) -> None:
        self.number = number
        self.segments = segments
        self.width = width
        self.height = height
        self.band_keys: dict[str, set[tuple[str, str, str]]] = {"top": set(), "bottom": set()}
        for seg in segments:
            band = self.band_of(seg)
            if band:
                self.band_keys[band].add(self.key(seg))

    def band_of(self, seg: _Seg) -> str:
        if seg.bottom <= _BAND * self.height or seg.top < 0.5 * _BAND * self.height:
            return "top"
        if seg.top >= (1 - _BAND) * self.height or seg.bottom > (1 - 0.5 * _BAND) * self.height:
            return "bottom"
        return ""

    def key(self, seg: _Seg) -> tuple[str, str, str]:
        """(digit-free text, offsets of its numbers from the page number, exact text)."""
        text = seg.text
        numbers = [int(n) for n in _DIGITS_RE.findall(text)[:3] if len(n) <= 4]
        offset = ",".join(str(n - self.number) for n in numbers)
        return _band_key(text), offset, _SPACES_RE.sub(" ", text.lower()).strip()


def _same_row(a: _Seg, b: _Seg) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.height, b.height)


def _strip_running_lines(page: _RawPage, window: list[_RawPage]) -> None:
    """Drop header/footer segments: page numbers, and band text repeated on nearby pages.

    A band line repeats when another page's band has the same text once digits are masked and
    either the very same text (a fixed title or year) or numbers that move with the page number
    (a printed folio such as "12 | City report"). Most pages must agree when the window is
    large, so one coincidence does not delete body text. A page-number-like segment ("12",
    "Page 3 of 14") goes only when nothing kept shares its row: a table cell is not a folio.
    """
    others = [p for p in window if p is not page]
    need = 1 if len(others) < 4 else 2
    verdict: dict[int, bool] = {}  # id(segment) -> drop
    numbers: list[_Seg] = []
    for seg in page.segments:
        band = page.band_of(seg)
        if not band:
            continue
        text = seg.text.strip()
        if not any(c.isalnum() for c in text):
            verdict[id(seg)] = True
            continue
        if _PAGE_NUMBER_RE.match(text):
            numbers.append(seg)
            continue
        digit_key, offset, exact = page.key(seg)
        repeats = 0
        for other in others:
            if any(
                k == digit_key and (o == offset or e == exact) for k, o, e in other.band_keys[band]
            ):
                repeats += 1
        verdict[id(seg)] = repeats >= need
    for seg in numbers:
        if len(numbers) >= 3 and sum(1 for n in numbers if _same_row(n, seg)) >= 3:
            continue  # a row of numbers in the band is a table row, not a folio
        row_mates = [s for s in page.segments if s is not seg and _same_row(s, seg)]
        alone = all(
            verdict.get(id(s), False) or _PAGE_NUMBER_RE.match(s.text.strip()) for s in row_mates
        )
        text = seg.text.strip()
        if alone and _BARE_NUMBER_RE.match(text):
            # A bare "2020" may be the tail of a sentence; a folio moves with the page, so
            # some nearby page shows a bare number at the same offset from its page number.
            band = page.band_of(seg)
            _, offset, _ = page.key(seg)
            alone = any(
                ("#", offset) == (k, o) for other in others for k, o, _ in other.band_keys[band]
            )
        verdict[id(seg)] = alone
    # A short band segment on the same row as a running header belongs to it (the section
    # name printed beside the report title changes every chapter, so it rarely repeats).
    dropped = [s for s in page.segments if verdict.get(id(s), False)]
    for seg in page.segments:
        if (
            not verdict.get(id(seg), False)
            and page.band_of(seg)
            and len(seg.words) <= 12
            and any(_same_row(seg, d) for d in dropped)
        ):
            verdict[id(seg)] = True
    page.segments = [s for s in page.segments if not verdict.get(id(s), False)]


# --------------------------------------------------------------------------------------------
# Reading order


def _find_gutter(segs: list[_Seg]) -> tuple[float, float] | None:
    """An x-range that (almost) no word crosses, with prose on both sides.

    Coverage is counted on words, not segments: a narrow gutter (under one em) may not have
    ended a segment, but no word ever sits in it. A few crossing words are allowed for titles
    that span the columns.
    """
    if len(segs) < 6:
        return None
    x_min = min(s.x0 for s in segs)
    x_max = max(s.x1 for s in segs)
    span = int(x_max - x_min) + 2
    if span < 80:
        return None
    allowed = max(3, len(segs) // 8)
    diff = [0] * (span + 2)
    for s in segs:
        for w in s.words:
            diff[max(int(w.x0 - x_min), 0)] += 1
            diff[min(int(w.x1 - x_min) + 1, span)] -= 1
    coverage = [0] * span
    running = 0
    for x in range(span):
        running += diff[x]
        coverage[x] = running
    # Strips at every crossing level: a low threshold finds the narrow true gutter, a higher one
    # tolerates a title or two that cross it.
    runs: set[tuple[int, int]] = set()
    for level in sorted({0, 1, 2, 3, allowed // 2, allowed}):
        start = -1
        for x in range(span):
            if coverage[x] <= level:
                if start < 0:
                    start = x
            elif start >= 0:
                runs.add((start, x))
                start = -1
    body = statistics.median(s.size for s in segs)
    best: tuple[float, tuple[float, float]] | None = None
    for a, b in sorted(runs):
        if a == 0 or b - a < max(4.0, 0.45 * body):
            continue
        g0, g1 = x_min + a, x_min + b
        if g0 - x_min < 0.12 * (x_max - x_min) or x_max - g1 < 0.12 * (x_max - x_min):
            continue
        left, right, crossers = _split_sides(segs, g0, g1)
        if len(crossers) > max(2, len(segs) // 8) or len(left) < 4 or len(right) < 3:
            continue
        if not (_prose_like(left) and _prose_like(right)):
            continue
        mass_left = sum(len(s.text) for s in left)
        mass_right = sum(len(s.text) for s in right)
        score = min(mass_left, mass_right) * (1 + (b - a) / 100) / (1 + len(crossers))
        if best is None or score > best[0]:
            best = (score, (g0, g1))
    return best[1] if best else None


def _split_sides(
    segs: list[_Seg], g0: float, g1: float
) -> tuple[list[_Seg], list[_Seg], list[_Seg]]:
    """Segments left of, right of and across a gutter; a segment whose inter-word gap is the
    gutter (wider than a word space) is cut in two."""
    left: list[_Seg] = []
    right: list[_Seg] = []
    crossers: list[_Seg] = []
    for s in segs:
        if s.x1 <= g0 + 1:
            left.append(s)
        elif s.x0 >= g1 - 1:
            right.append(s)
        else:
            words = s.words
            cut = next(
                (
                    i
                    for i in range(1, len(words))
                    if words[i - 1].x1 <= g0 + 1
                    and words[i].x0 >= g1 - 1
                    and words[i].x0 - words[i - 1].x1 >= 0.45 * s.size
                ),
                0,
            )
            if cut:
                left.append(_finish_segment(words[:cut]))
                right.append(_finish_segment(words[cut:]))
            else:
                crossers.append(s)
    return left, right, crossers


def _prose_like(segs: list[_Seg]) -> bool:
    """Most segments hold several words: a column of text, not a column of table cells."""
    wordy = sum(1 for s in segs if len(s.words) >= 3)
    return wordy >= 0.4 * len(segs) and wordy >= 3


def _columns(segs: list[_Seg], depth: int = 0) -> list[list[_Seg]]:
    """Split a region into columns (leaves) in reading order; spanning lines cut bands first."""
    if depth > 4:
        return [segs]
    gutter = _find_gutter(segs)
    if gutter is None:
        return [segs]
    g0, g1 = gutter
    left, right, crossers = _split_sides(segs, g0, g1)
    if not crossers:
        return _order_sides(_columns(left, depth + 1), _columns(right, depth + 1))
    # Cut into horizontal bands at the crossing segments (full-width titles, banners).
    crossers.sort(key=lambda s: s.top)
    groups: list[list[_Seg]] = []
    for s in crossers:
        if groups and s.top <= max(c.bottom for c in groups[-1]) + 0.6 * s.size:
            groups[-1].append(s)
        else:
            groups.append([s])
    rest = left + right
    bands: list[tuple[str, list[_Seg]]] = []
    cursor = float("-inf")
    for group in groups:
        g_top = min(c.top for c in group)
        g_bottom = max(c.bottom for c in group)
        above = [s for s in rest if cursor <= (s.top + s.bottom) / 2 < g_top]
        same_row = [s for s in rest if g_top <= (s.top + s.bottom) / 2 <= g_bottom]
        bands.append(("split", above))
        bands.append(("whole", group + same_row))
        cursor = g_bottom + 1e-6
        taken = {id(s) for s in above} | {id(s) for s in same_row}
        rest = [s for s in rest if id(s) not in taken]
    bands.append(("split", rest))
    leaves: list[list[_Seg]] = []
    for mode, band in bands:
        if not band:
            continue
        if mode == "whole":
            leaves.append(band)
            continue
        band_left = [s for s in band if s.x1 <= g0 + 1]
        band_right = [s for s in band if s.x0 >= g1 - 1]
        leaves.extend(_order_sides(_columns(band_left, depth + 1), _columns(band_right, depth + 1)))
    return leaves


def _order_sides(left: list[list[_Seg]], right: list[list[_Seg]]) -> list[list[_Seg]]:
    """Left before right, except a short aside beside an unfinished main column.

    When the left column ends mid-sentence (its text goes on to the next page) and the right
    column is a much shorter aside that starts fresh, reading the aside first keeps the main
    text contiguous across the page break.
    """
    left = [leaf for leaf in left if leaf]
    right = [leaf for leaf in right if leaf]
    if not left or not right:
        return left + right
    left_mass = sum(len(s.text) for leaf in left for s in leaf)
    right_mass = sum(len(s.text) for leaf in right for s in leaf)
    last_left = max(left[-1], key=lambda s: (s.bottom, s.x1))
    first_right = min(right[0], key=lambda s: (s.top, s.x0))
    left_open = last_left.text.rstrip()[-1:] not in _TERMINAL
    right_fresh = not first_right.text[:1].islower()
    if right_mass * 2 <= left_mass and left_open and right_fresh:
        return right + left
    return left + right


# --------------------------------------------------------------------------------------------
# Rows, tables, lines, blocks


def _rows(segs: list[_Seg]) -> list[list[_Seg]]:
    """Segments sharing a baseline, top to bottom, each row left to right."""
    rows: list[list[_Seg]] = []
    refs: list[_Seg] = []
    for s in sorted(segs, key=lambda s: (s.top + s.bottom) / 2):
        placed = False
        for k in range(len(rows) - 1, max(len(rows) - 3, -1), -1):
            ref = refs[k]
            overlap = min(s.bottom, ref.bottom) - max(s.top, ref.top)
            if overlap >= 0.5 * min(s.height, ref.height):
                rows[k].append(s)
                if s.height > ref.height:
                    refs[k] = s
                placed = True
                break
        if not placed:
            rows.append([s])
            refs.append(s)
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


def _is_marker(text: str) -> bool:
    text = text.strip()
    if len(text) == 1 and text in _BULLETS:
        return True
    return bool(_STRONG_ENUM_RE.match(text) or _WEAK_ENUM_RE.match(text))


def _numeric(text: str) -> bool:
    return bool(_NUMERIC_CELL_RE.match(text.strip().replace(" ", "")))


def _merge_row(row: list[_Seg]) -> _Seg:
    words = [w for s in row for w in s.words]
    return _Seg(words)


def _lines(segs: list[_Seg], toc_page: bool) -> list[_Seg]:
    """Rows of a column as lines; table rows get ``cells``, contents lines kind "toc"."""
    rows = _rows(segs)
    multi = [len(r) >= 2 and not (len(r) == 2 and _is_marker(r[0].text)) for r in rows]
    lines: list[_Seg] = []
    for i, row in enumerate(rows):
        if lines and lines[-1].kind == "table" and _wraps_cells(lines[-1], row):
            table = lines[-1]
            assert table.cells is not None
            for seg in row:
                k = min(range(len(table.cell_x)), key=lambda j: abs(table.cell_x[j] - seg.x0))
                table.cell_words[k].extend(seg.words)
            table.bottom = max(table.bottom, max(s.bottom for s in row))
            continue
        line = _merge_row(row) if len(row) > 1 else row[0]
        text = line.text
        cells = [s.text for s in row]
        if _TOC_LEADER_RE.search(text) or (toc_page and _TOC_ENTRY_RE.match(text)):
            line.kind = "toc"
            line.cells = None
        elif multi[i]:
            neighbours = (i > 0 and multi[i - 1] and _aligned(rows[i - 1], row)) or (
                i + 1 < len(rows) and multi[i + 1] and _aligned(row, rows[i + 1])
            )
            numeric_cells = sum(1 for c in cells[1:] if _numeric(c))
            if (neighbours or numeric_cells >= 1 or len(row) >= 3) and not (
                _columns_in_disguise(row)
            ):
                line.kind = "table"
                line.cells = cells
                line.cell_x = [s.x0 for s in row]
                line.cell_words = [list(s.words) for s in row]
        else:
            tokens = text.split()
            numbers = sum(1 for t in tokens if _numeric(t))
            if numbers >= 3 and numbers >= 0.6 * len(tokens) and text[-1:] != ".":
                label = [t for t in tokens if not _numeric(t)]
                line.kind = "table"
                line.cells = ([" ".join(label)] if label else []) + [
                    t for t in tokens if _numeric(t)
                ]
        lines.append(line)
    _align_table_cells(lines)
    return lines


def _align_table_cells(lines: list[_Seg]) -> None:
    """Cut cells that ran into the next column of their table.

    A long description followed by a value only a space or two away stays one segment; the
    columns the other rows of the same table agree on (a start shared by two rows) split it.
    Cell texts are rebuilt from words, which also takes in wrapped cell lines.
    """
    i = 0
    while i < len(lines):
        if lines[i].kind != "table" or not lines[i].cell_words:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind == "table" and lines[j].cell_words:
            j += 1
        run = lines[i:j]
        anchors: list[float] = []
        if len(run) >= 2:
            starts = sorted(x for ln in run for x in ln.cell_x)
            cluster: list[float] = []
            for x in starts:
                if cluster and x - cluster[-1] > 2.0:
                    if len(cluster) >= 2:
                        anchors.append(cluster[0])
                    cluster = []
                cluster.append(x)
            if len(cluster) >= 2:
                anchors.append(cluster[0])
        for ln in run:
            pieces: list[list[_Word]] = []
            for words in ln.cell_words:
                current = [words[0]]
                for prev, word in zip(words, words[1:], strict=False):
                    same_line = abs(word.bottom - prev.bottom) < 0.3 * word.size
                    if same_line and any(abs(word.x0 - a) <= 2.0 for a in anchors):
                        pieces.append(current)
                        current = [word]
                    else:
                        current.append(word)
                pieces.append(current)
            ln.cell_words = pieces
            ln.cell_x = [p[0].x0 for p in pieces]
            ln.cells = [_Seg(p).text for p in pieces]
        i = j


def _wraps_cells(table: _Seg, row: list[_Seg]) -> bool:
    """A row right under a table row, one line-height down, with fewer pieces that each start
    under a cell: the wrapped second line of those cells."""
    if not table.cell_x or len(row) >= len(table.cell_x):
        return False
    size = max(s.size for s in row)
    top = min(s.top for s in row)
    if top - table.top > 1.35 * size or top < table.top:
        return False
    return all(any(abs(s.x0 - x) <= 3 for x in table.cell_x) for s in row)


def _aligned(upper: list[_Seg], lower: list[_Seg]) -> bool:
    """Two multi-cell rows share at least two cell edges: the rows of one table."""
    edges = [s.x0 for s in upper] + [s.x1 for s in upper]
    hits = 0
    for s in lower:
        if any(abs(s.x0 - e) <= 4 for e in edges) or any(abs(s.x1 - e) <= 4 for e in edges):
            hits += 1
    return hits >= 2


def _columns_in_disguise(row: list[_Seg]) -> bool:
    """Two long prose cells side by side are columns the gutter search missed, not a table."""
    return len(row) == 2 and all(len(s.words) >= 7 for s in row)


class _Style:
    """Document-wide font statistics, updated as pages stream in."""

    def __init__(self) -> None:
        self.sizes: Counter[float] = Counter()
        self.pitch: list[float] = []  # baseline distance / size between body lines
        self.compounds: set[str] = set()  # hyphenated words seen inside a line
        self.vocab: set[str] = set()  # plain words seen, to undo hyphenation with confidence

    def add_page(self, segs: list[_Seg]) -> None:
        for s in segs:
            self.sizes[round(s.size * 2) / 2] += len(s.text)
        # One pass of C-speed regexes over the page instead of a Python loop over words.
        # Hyphenated tokens count as compounds only inside a line: a line-end hyphen is the
        # thing being decided.
        text = "\n".join(s.text for s in segs).lower()
        self.vocab.update(_VOCAB_RE.findall(text))
        self.compounds.update(_COMPOUND_RE.findall(text))

    @property
    def body(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 10.0

    def add_pitch(self, ratios: list[float]) -> None:
        self.pitch.extend(ratios)
        if len(self.pitch) > 800:  # a running sample is enough; keep memory flat
            del self.pitch[:400]

    @property
    def pitch_ratio(self) -> float:
        if len(self.pitch) >= 5:
            return statistics.median(self.pitch)
        return 1.2


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(" )\"'”’»")
    return stripped[-1:] in _TERMINAL


class _BlockDraft:
    __slots__ = ("lines", "list_item", "weak_enum", "text_x", "bullet")

    def __init__(self, line: _Seg, list_item: bool, weak_enum: bool) -> None:
        self.lines = [line]
        self.list_item = list_item
        self.weak_enum = weak_enum
        # Bullet glyphs almost always hang: wrapped lines align with the text, not the glyph.
        first = line.words[0].text if line.words else ""
        self.bullet = list_item and first[:1] in _BULLETS and first[:1] not in _DASH_BULLETS
        self.text_x = line.x0
        if list_item and len(line.words) > 1:
            self.text_x = line.words[1].x0


def _line_start(line: _Seg) -> tuple[bool, bool]:
    """(starts a list item, only by a weak "12." marker)."""
    first = line.words[0].text if line.words else ""
    if first and first[0] in _BULLETS and first[0] not in _DASH_BULLETS:
        return True, False
    if first in _DASH_BULLETS and len(line.words) > 1:
        return True, True  # a dash may also be a mid-sentence break; treat as weak
    if _STRONG_ENUM_RE.match(first) and len(line.words) > 1:
        return True, False
    if _WEAK_ENUM_RE.match(first) and len(line.words) > 1:
        return True, True
    return False, False


class _Column:
    """Geometry of one column's text lines, for block-break decisions."""

    __slots__ = ("left", "right", "width", "pitch", "n_lines", "small")

    def __init__(self, text_lines: list[_Seg], style: _Style) -> None:
        self.left = min((ln.x0 for ln in text_lines), default=0.0)
        self.right = max((ln.x1 for ln in text_lines), default=0.0)
        self.width = max(self.right - self.left, 1.0)
        self.n_lines = len(text_lines)
        self.small = 0.86 * style.body
        # Baseline pitch relative to the font size: this column's own when it has enough lines.
        ratios = []
        for a, b in zip(text_lines, text_lines[1:], strict=False):
            if abs(a.size - b.size) < 0.5 and a.size > 0:
                ratio = (b.bottom - a.bottom) / a.size
                if 0.8 < ratio < 2.5:
                    ratios.append(ratio)
        style.add_pitch(ratios)
        self.pitch = statistics.median(ratios) if len(ratios) >= 4 else style.pitch_ratio

    def short(self, line: _Seg, share: float) -> bool:
        """The line stops well before the column's right edge."""
        return line.x1 < self.right - share * self.width


def _breaks_before(
    line: _Seg, prev: _Seg, draft: _BlockDraft, col: _Column, starts_item: bool, weak: bool
) -> bool:
    """Does ``line`` start a new block after ``prev``? Spacing, font, markers, indentation."""
    size = max(prev.size, line.size)
    delta = line.bottom - prev.bottom
    if delta > col.pitch * size * 1.3 + 0.5 or delta < -0.5 * size:
        return True  # extra white space (or a jump back up)
    if abs(prev.size - line.size) > 0.12 * size or prev.bold != line.bold:
        return True  # a change of type: heading, caption, footnote
    closed = _ends_sentence(prev.text) or col.short(prev, 0.2)
    if starts_item and (not weak or closed):
        return True  # a bullet or number; "12." only after a finished line
    if line.size <= col.small and _FOOTNOTE_START_RE.match(line.text) and closed:
        return True  # the next note in a run of footnotes
    if (
        draft.list_item
        and (
            draft.bullet
            or (len(draft.lines) >= 2 and abs(draft.lines[1].x0 - draft.text_x) < 0.3 * line.size)
        )
        and draft.text_x - draft.lines[0].x0 > 0.5 * line.size
        and line.x0 < draft.text_x - 0.5 * line.size
    ):
        return True  # back at the margin after a hanging-indent list item
    if (
        line.x0 - col.left > 0.8 * line.size
        and prev.x0 - col.left < 0.5 * line.size
        and not draft.list_item
        and col.n_lines > 3
    ):
        return True  # first-line indent
    # A sentence that ends on a short line closed its paragraph.
    return _ends_sentence(prev.text) and col.short(prev, 0.25)


def _blocks_of_column(
    segs: list[_Seg], style: _Style, toc_page: bool
) -> list[tuple[str, _Seg | _BlockDraft]]:
    """One column's lines in order: ("table", line), ("toc", line) or ("block", draft)."""
    lines = _lines(segs, toc_page)
    col = _Column([ln for ln in lines if not ln.kind], style)
    out: list[tuple[str, _Seg | _BlockDraft]] = []
    draft: _BlockDraft | None = None
    prev: _Seg | None = None
    for line in lines:
        if line.kind:
            if draft is not None:
                out.append(("block", draft))
                draft = None
            out.append((line.kind, line))
            prev = None
            continue
        starts_item, weak = _line_start(line)
        if (
            draft is None
            or prev is None
            or _breaks_before(line, prev, draft, col, starts_item, weak)
        ):
            if draft is not None:
                out.append(("block", draft))
            draft = _BlockDraft(line, starts_item, weak)
        else:
            draft.lines.append(line)
        prev = line
    if draft is not None:
        out.append(("block", draft))
    return out


def _join_lines(lines: list[str], compounds: set[str], vocab: set[str]) -> str:
    """Join line texts with single spaces, undoing line-end hyphenation."""
    parts: list[str] = []
    for text in lines:
        text = text.strip()
        if not text:
            continue
        if not parts:
            parts.append(text)
            continue
        prev = parts[-1]
        parts[-1] = _join_pair(prev, text, compounds, vocab)
    return parts[0] if parts else ""


def _join_pair(prev: str, text: str, compounds: set[str], vocab: set[str]) -> str:
    """Join two consecutive lines, deciding what a line-end hyphen was.

    "infra-" + "structure" joins (or any pair whose joined form the document uses); "long-" +
    "term" keeps its hyphen when the document writes "long-term" inside a line elsewhere or
    when either part is a usual compound part ("long-", "-based"); a capital, a digit or an
    all-caps head ("COVID-") always keeps the hyphen.
    """
    last = prev[-1:]
    if last in _SOFT_HYPHENS:
        return prev[:-1] + text
    if last in "-‐" and len(prev) >= 2 and prev[-2].isalnum():
        head = prev.rsplit(" ", 1)[-1][:-1]
        tail = text.split(" ", 1)[0]
        tail_core = tail.rstrip(".,;:!?)”’\"'")
        if head[-1:].isalpha() and tail[:1].islower() and not head.isupper():
            low_head, low_tail = head.lower(), tail_core.lower()
            if f"{low_head}-{low_tail}" in compounds:
                return prev + text
            if f"{low_head}{low_tail}" in vocab:
                return prev[:-1] + text
            # A usual compound head or tail keeps the hyphen ("long-term", "gender-sensitive");
            # anything else was a word broken for the line.
            if low_head in _COMPOUND_FIRST_PARTS or low_tail in _COMPOUND_SECOND_PARTS:
                return prev + text
            return prev[:-1] + text
        return prev + text  # a real compound ("long-term", "Trade-Related", "2015-2030")
    return prev + " " + text


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\xad", "")
    return _SPACES_RE.sub(" ", text).strip()


def _strip_bullet(text: str) -> str:
    """Drop a bullet glyph (a dash only when a space follows it); numbers stay."""
    first = text[:1]
    if first in _BULLETS and (first not in _DASH_BULLETS or text[1:2] == " "):
        return text[1:].lstrip()
    return text


def _classify(draft: _BlockDraft, style: _Style, gap_before: bool, gap_after: bool) -> Block:
    lines = draft.lines
    text = _clean(_join_lines([ln.text for ln in lines], style.compounds, style.vocab))
    n_words = len(text.split())
    chars = sum(len(ln.text) for ln in lines) or 1
    size = sum(ln.size * len(ln.text) for ln in lines) / chars
    bold = all(ln.bold for ln in lines)
    body = style.body
    ends = _ends_sentence(text)
    larger = size >= 1.15 * body
    if n_words and any(c.isalpha() for c in text):
        if larger and n_words <= 30 and len(lines) <= 4 and (not ends or n_words <= 8):
            return Block("heading", text)
        if bold and n_words <= 20 and len(lines) <= 3 and not ends and size >= 0.95 * body:
            return Block("heading", text)
        if (
            len(lines) == 1
            and n_words <= 12
            and not ends
            and (gap_before or gap_after)
            and (not draft.list_item or (gap_before and gap_after and text[:1].isdigit()))
            and not text[:1].islower()
            and (_HEADING_PATTERN_RE.match(text) or (text.isupper() and len(text) >= 4))
        ):
            return Block("heading", text)
        if _TOC_TITLE_RE.match(text.strip(" :")):
            return Block("heading", text)
    if draft.list_item:
        if draft.weak_enum and n_words > 40 and text[:1].isdigit():
            return Block("paragraph", text)  # a numbered paragraph of a resolution
        return Block("list_item", _clean(_strip_bullet(text)))
    return Block("paragraph", text)


def _layout(page: _RawPage, style: _Style) -> list[Block]:
    """Blocks of one page in reading order."""
    segs = page.segments
    if not segs:
        return []
    body = style.body
    toc_page = any(_TOC_TITLE_RE.match(s.text.strip(" :")) for s in segs)
    columns = _columns(segs)
    blocks: list[Block] = []
    positions: list[tuple[float, float]] = []  # (top, size) per block, for footnotes
    last_full = False  # the last block's last line ran to its column's right edge
    for col in columns:
        drafts = _blocks_of_column(col, style, toc_page)
        for idx, (kind, draft) in enumerate(drafts):
            if isinstance(draft, _Seg):  # a table row or a contents line
                if kind == "table" and draft.cells:
                    cells = [_clean(c) for c in draft.cells if _clean(c)]
                    blocks.append(Block("table_row", " | ".join(cells)))
                else:
                    blocks.append(Block("toc", _clean(draft.text)))
                positions.append((draft.top, draft.size))
                last_full = False
                continue
            gap_before = idx == 0 or _gap(drafts[idx - 1][1], draft)
            gap_after = idx + 1 == len(drafts) or _gap(draft, drafts[idx + 1][1])
            block = _classify(draft, style, gap_before, gap_after)
            if not block.text:
                continue
            first = draft.lines[0]
            size = statistics.median(ln.size for ln in draft.lines)
            # Continuation of a paragraph from the previous column (left -> right flow).
            # A left column cut mid-sentence goes on at the top of the next column: lowercase
            # or a digit there, or any start when the cut line ran to the column's edge.
            opener = block.text[:1]
            if (
                idx == 0
                and blocks
                and block.kind == "paragraph"
                and blocks[-1].kind in ("paragraph", "list_item")
                and not _ends_sentence(blocks[-1].text)
                and (opener.islower() or opener.isdigit() or (last_full and opener.isupper()))
            ):
                merged = _clean(
                    _join_pair(blocks[-1].text, block.text, style.compounds, style.vocab)
                )
                blocks[-1] = Block(blocks[-1].kind, merged)
                last_full = _reaches_edge(draft.lines[-1], col)
                continue
            blocks.append(block)
            positions.append((first.top, size))
            last_full = _reaches_edge(draft.lines[-1], col)
    # Footnotes: small type at the foot of the page with nothing of body size below it.
    lowest_body = max(
        (top for (top, size) in positions if size > 0.86 * body), default=float("-inf")
    )
    for i, (block, (top, size)) in enumerate(zip(blocks, positions, strict=True)):
        if (
            block.kind in ("paragraph", "list_item")
            and size <= 0.86 * body
            and top > 0.55 * page.height
            and top > lowest_body
        ):
            blocks[i] = Block("footnote", block.text)
    return blocks


def _reaches_edge(line: _Seg, column: list[_Seg]) -> bool:
    left = min(s.x0 for s in column)
    right = max(s.x1 for s in column)
    return line.x1 >= right - 0.08 * max(right - left, 1.0)


def _gap(upper: _Seg | _BlockDraft, lower: _Seg | _BlockDraft) -> bool:
    """Vertical whitespace between two drafts larger than ordinary line spacing."""
    if not isinstance(upper, _BlockDraft) or not isinstance(lower, _BlockDraft):
        return True
    a = upper.lines[-1]
    b = lower.lines[0]
    return (b.top - a.bottom) > 0.45 * max(a.size, b.size)


# --------------------------------------------------------------------------------------------
# Streaming


def _has_text(doc: pdfium.PdfDocument, index: int) -> bool:
    with _PDFIUM_LOCK:
        page = doc[index]
        try:
            textpage = page.get_textpage()
            try:
                n_chars = pdfium_c.FPDFText_CountChars(textpage.raw)
                if n_chars <= 0:
                    return False
                return bool(_page_text(textpage.raw, n_chars).strip())
            finally:
                textpage.close()
        finally:
            page.close()


def _load_page(doc: pdfium.PdfDocument, index: int) -> _RawPage:
    with _PDFIUM_LOCK:
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            raise CorruptPdfError(f"corrupt PDF: page {index + 1} cannot be read") from None
        try:
            segments, width, height = _extract_segments(page)
        finally:
            page.close()
    return _RawPage(index + 1, segments, width, height)


def read_pdf(path: Path, *, max_pages: int | None = None) -> Iterator[Page]:
    """Stream the pages of a PDF as blocks in reading order.

    Opening errors (empty, not a PDF, corrupt, encrypted, no text layer at all) are raised here,
    at call time, so a caller can record a status before consuming anything. At most
    ``max_pages`` pages are read (the first ones). Memory holds a window of nine pages' segments.
    """
    doc = _open(Path(path))
    try:
        with _PDFIUM_LOCK:
            n_pages = len(doc)
        if max_pages is not None:
            n_pages = min(n_pages, max_pages)
        if n_pages <= 0:
            raise EmptyPdfError("empty PDF: no pages")
        if not any(_has_text(doc, i) for i in range(n_pages)):
            pages_word = "page is" if n_pages == 1 else "pages are"
            raise NoTextLayerError(
                f"no text layer: {n_pages} {pages_word} image-only; OCR is not supported"
            )
    except BaseException:
        with _PDFIUM_LOCK:
            doc.close()
        raise
    return _stream(doc, n_pages)


def _stream(doc: pdfium.PdfDocument, n_pages: int) -> Iterator[Page]:
    style = _Style()
    window: deque[_RawPage] = deque()
    done: deque[_RawPage] = deque(maxlen=_WINDOW)  # already emitted, still band evidence
    try:
        next_index = 0
        for current in range(n_pages):
            while next_index < n_pages and next_index <= current + _WINDOW:
                raw = _load_page(doc, next_index)
                style.add_page(raw.segments)
                window.append(raw)
                next_index += 1
            page = window.popleft()
            neighbours = list(done) + [page] + list(window)
            _strip_running_lines(page, neighbours)
            yield Page(page.number, _layout(page, style))
            page.segments = []
            done.append(page)
    finally:
        with _PDFIUM_LOCK:
            doc.close()
