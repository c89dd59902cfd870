"""Generate the synthetic vlrlink sample corpus: PDFs, catalogs and ground truth.

The corpus is the default input of the pipeline and of its accuracy tests, so every fact a test
may ask about (which sentence is on which page, which VLR paragraph paraphrases which VNR
paragraph, which page has two columns) is recorded while the PDFs are laid out, not guessed
afterwards. The prose lives in ``content/*.txt`` (one file per country, a small line-based
format described in ``content/FORMAT.md``); this module parses it, lays it out with its own line
breaker (so hyphenation, footnotes and columns are under our control) and draws it with
reportlab's low-level canvas.

Run ``.venv/bin/python data/sample/generate.py`` to rewrite everything under ``data/sample/``.
Output is byte-identical across runs: reportlab runs with ``invariant=1`` and nothing random or
time-dependent is used.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import shutil
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REFERENCE_DIR = ROOT / "data" / "reference"
CONTENT_DIR = HERE / "content"
COUNTRY_FILES = ("ken.txt", "col.txt", "sen.txt")

PAGE_W, PAGE_H = A4
NBSP = "\u00a0"
FOOTNOTE_SENTINEL = "\x00"

# Official SDG colours, used for the small goal squares beside SDG headings and on covers.
SDG_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}  # fmt: skip

VOWELS = set("aeiouyáéíóúàèìòùâêîôûäëïöüœæ")
ONSETS = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "vr", "ph", "th"}
NO_SPLIT_PAIRS = {"ch", "sh", "th", "ph", "gh", "ll", "rr", "qu", "gu", "gn", "ck", "wh", "nh"}
HYPHENATABLE = re.compile(r"^((?:[a-zà-ÿ]{1,3}')?)([a-zà-ÿœ]{8,})([,.;:)]*)$")
SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])[\"»)]?\s+(?=[A-ZÀ-ÖØ-Þ0-9«\"¿¡(])")

# ----------------------------------------------------------------------------------------------
# Reference data
# ----------------------------------------------------------------------------------------------


def load_goal_titles(reference_dir: Path = REFERENCE_DIR) -> dict[str, dict[int, str]]:
    """Return the official goal short titles per language (en/es/fr) so headings are not retyped."""
    titles: dict[str, dict[int, str]] = defaultdict(dict)
    with (reference_dir / "sdg_translations.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "goal_short" and row["language"] in {"en", "es", "fr"}:
                titles[row["language"]][int(row["code"])] = row["title"]
    with (reference_dir / "sdg_goals.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            titles["en"].setdefault(int(row["goal"]), row["short_title_en"])
    return dict(titles)


# ----------------------------------------------------------------------------------------------
# Content model and parser
# ----------------------------------------------------------------------------------------------


@dataclass
class Block:
    """One authored element: heading, paragraph, list item or table, with its truth attributes."""

    kind: str  # heading | paragraph | list_item | table
    text: str = ""
    level: int = 0
    attrs: dict[str, list[str]] = field(default_factory=dict)
    rows: list[list[str]] = field(default_factory=list)
    sdg: int | None = None  # SDG of the enclosing section, or the block's own sdg= attribute


@dataclass
class Section:
    title: str
    sdg: int | None
    cols: int
    new_page: bool
    blocks: list[Block] = field(default_factory=list)


@dataclass
class DocSpec:
    doc_id: str
    meta: dict[str, str]
    sections: list[Section] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.meta["language"]

    @property
    def review_type(self) -> str:
        return self.meta["type"]


ATTR_RE = re.compile(r"^(?P<tag>P|-)(?:\{(?P<attrs>[^}]*)\})?:?\s(?P<text>.*)$")
SECTION_RE = re.compile(r"^==\s+(?P<title>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?$")


def parse_attrs(raw: str | None) -> dict[str, list[str]]:
    """Parse ``k=v k=v`` (repeatable keys; ``_`` in values stands for a space)."""
    attrs: dict[str, list[str]] = defaultdict(list)
    for item in (raw or "").split():
        key, _, value = item.partition("=")
        attrs[key].append(value.replace("_", " "))
    return dict(attrs)


def parse_content(path: Path) -> list[DocSpec]:
    """Parse one country content file into document specs (format: content/FORMAT.md)."""
    docs: list[DocSpec] = []
    doc: DocSpec | None = None
    section: Section | None = None
    table: Block | None = None
    in_meta = False
    for lineno, raw_line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw_line.rstrip()
        where = f"{path.name}:{lineno}"
        if table is not None:
            if line == "END":
                table = None
            elif line.startswith("|"):
                table.rows.append([cell.strip() for cell in line.strip("|").split("|")])
            else:
                raise ValueError(f"{where}: expected table row or END")
            continue
        if not line or line.startswith("#"):
            in_meta = in_meta and bool(line)
            continue
        if line.startswith("%% doc "):
            doc = DocSpec(doc_id=line[7:].strip(), meta={})
            docs.append(doc)
            section, in_meta = None, True
            continue
        if doc is None:
            raise ValueError(f"{where}: content before the first '%% doc'")
        if in_meta and not line.startswith(("==", "P", "-", "TABLE")):
            key, _, value = line.partition(":")
            doc.meta[key.strip()] = value.strip()
            continue
        in_meta = False
        if line.startswith("=== "):
            assert section is not None, where
            section.blocks.append(Block("heading", line[4:].strip(), level=2, sdg=section.sdg))
        elif line.startswith("== "):
            match = SECTION_RE.match(line)
            assert match, where
            attrs = parse_attrs(match["attrs"])
            sdg = int(attrs["sdg"][0]) if "sdg" in attrs else None
            section = Section(
                title=match["title"],
                sdg=sdg,
                cols=int(attrs.get("cols", ["1"])[0]),
                new_page="flow" not in attrs,
            )
            doc.sections.append(section)
        elif line.startswith("TABLE:"):
            assert section is not None, where
            table = Block("table", line[6:].strip(), sdg=section.sdg)
            section.blocks.append(table)
        else:
            match = ATTR_RE.match(line)
            if not match or section is None:
                raise ValueError(f"{where}: cannot parse line: {line[:60]}")
            attrs = parse_attrs(match["attrs"])
            sdg = int(attrs["sdg"][0]) if "sdg" in attrs else section.sdg
            kind = "paragraph" if match["tag"] == "P" else "list_item"
            section.blocks.append(Block(kind, match["text"].strip(), attrs=attrs, sdg=sdg))
    return docs


# ----------------------------------------------------------------------------------------------
# Inline text: runs, words, sentences, footnotes
# ----------------------------------------------------------------------------------------------


@dataclass
class Run:
    text: str
    style: str  # "r" regular | "b" bold | "s" superscript footnote marker


@dataclass
class Word:
    runs: list[Run]
    sent: int  # index of the sentence this word belongs to within its block
    hyphen: bool = False  # True for the first half of a word split at a line end

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs if r.style != "s").replace(NBSP, " ")


@dataclass
class Footnote:
    number: int
    text: str


@dataclass
class InlineText:
    plain: str
    sentences: list[str]
    words: list[Word]
    footnotes: list[Footnote]


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split our own prose into sentences; we author around abbreviations, so a regex suffices."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in SENTENCE_BOUNDARY.finditer(text):
        out.append((start, text[start : match.start() + len(match.group(0).rstrip())].strip()))
        start = match.end()
    out.append((start, text[start:].strip()))
    return [(s, t) for s, t in out if t]


def parse_inline(raw: str, next_footnote: int) -> InlineText:
    """Turn authored text (``**bold**``, ``[^footnote]``, ``~`` = no-break space) into words."""
    footnotes: list[Footnote] = []

    def take_footnote(match: re.Match[str]) -> str:
        number = next_footnote + len(footnotes)
        footnotes.append(Footnote(number, match.group(1).replace("~", " ")))
        return f"{FOOTNOTE_SENTINEL}{number}{FOOTNOTE_SENTINEL}"

    text = re.sub(r"\[\^(.+?)\]", take_footnote, raw).replace("~", NBSP)
    bold = False
    words: list[Word] = []
    for token in text.split(" "):
        if not token:
            continue
        runs: list[Run] = []
        parts = re.split(r"(\*\*|\x00\d+\x00)", token)
        for part in parts:
            if part == "**":
                bold = not bold
            elif part.startswith(FOOTNOTE_SENTINEL):
                runs.append(Run(part.strip(FOOTNOTE_SENTINEL), "s"))
            elif part:
                runs.append(Run(part, "b" if bold else "r"))
        words.append(Word(runs, sent=0))
    plain = " ".join(w.plain for w in words)
    sentences = split_sentences(plain)
    offset = 0
    starts = [s for s, _ in sentences]
    for word in words:
        word.sent = max(i for i, s in enumerate(starts) if s <= offset)
        offset += len(word.plain) + 1
    return InlineText(plain, [t for _, t in sentences], words, footnotes)


# ----------------------------------------------------------------------------------------------
# Themes and number formatting
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    body_font: str
    bold_font: str
    head_font: str
    size: float
    leading: float
    justify: bool
    accent: str
    bullet: str
    margin_x: float = 64.0
    margin_top: float = 78.0
    margin_bottom: float = 72.0
    gap: float = 22.0


THEMES = {
    "lagoon": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, False, "#0f7c8a",
                    "\u2022"),
    "savanna": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 14.5, True, "#8a5a0f",
                     "\u2013"),
    "harbour": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, True, "#1d5fa8",
                     "\u2022"),
    "state": Theme("Times-Roman", "Times-Bold", "Helvetica-Bold", 11.5, 15.0, True, "#1f3b73",
                   "\u2013"),
    "andes": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, False, "#2e7d32",
                   "\u2022"),
    "caribe": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, True, "#c2185b",
                    "\u203a"),
    "nacion": Theme("Times-Roman", "Times-Bold", "Helvetica-Bold", 11.5, 15.0, True, "#7a1f1f",
                    "\u2022"),
    "cote": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, True, "#00695c",
                  "\u2013"),
    "sahel": Theme("Helvetica", "Helvetica-Bold", "Helvetica-Bold", 10.5, 15.0, False, "#b45309",
                   "\u2022"),
    "republique": Theme("Times-Roman", "Times-Bold", "Helvetica-Bold", 11.5, 15.0, True,
                        "#283593", "\u2013"),
}  # fmt: skip


def format_number(value: str, language: str) -> str:
    """Format a canonical number ('1800', '87.4') the way a report in ``language`` prints it."""
    negative = value.startswith("-")
    digits = value.lstrip("-")
    whole, _, frac = digits.partition(".")
    sep_thousands, sep_decimal = {"en": (",", "."), "es": (".", ","), "fr": (NBSP, ",")}[language]
    if len(whole) > 4 or (len(whole) == 4 and language != "es"):
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = sep_thousands.join([whole, *groups])
    out = whole + (sep_decimal + frac if frac else "")
    return ("-" if negative else "") + out


def format_value(value: str, unit: str, language: str) -> str:
    number = format_number(value, language)
    if unit == "%":
        return number + ("%" if language == "en" else NBSP + "%")
    if unit in {"", "count"}:
        return number
    return f"{number} {unit}"


# ----------------------------------------------------------------------------------------------
# Layout
# ----------------------------------------------------------------------------------------------

Op = tuple  # drawing operations, interpreted by render_page()


@dataclass
class PageOut:
    number: int  # physical, 1-based
    section: str
    ops: list[Op] = field(default_factory=list)
    footnotes: list[tuple[int, list[str]]] = field(default_factory=list)
    fn_reserved: float = 0.0
    features: set[str] = field(default_factory=set)


@dataclass
class SentenceRecord:
    doc_id: str
    page: int
    text: str


class Layout:
    """Flows blocks into one- or two-column frames, page by page, recording truth as it goes."""

    FRONT_PAGES = 2  # cover + contents are drawn at render time

    def __init__(self, doc: DocSpec, theme: Theme, goal_titles: dict[int, str]) -> None:
        self.doc = doc
        self.theme = theme
        self.goal_titles = goal_titles
        self.pages: list[PageOut] = []
        self.body_w = PAGE_W - 2 * theme.margin_x
        self.top = PAGE_H - theme.margin_top
        self.bottom_base = theme.margin_bottom
        self.cols = 1
        self.frames: list[tuple[float, float]] = []
        self.frame_top = self.top
        self.fi = 0
        self.y = self.top
        self.section_title = ""
        self.next_footnote = 1
        self.sentences: list[SentenceRecord] = []
        self.toc: list[tuple[str, int]] = []
        # block id -> list of (sentence text, page) for truth lookups
        self.block_sentences: dict[int, list[tuple[str, int]]] = {}
        # physical page -> lowest y of the left column, so two-column text ends balanced
        self.left_limits: dict[int, float] = {}

    # -- frames ---------------------------------------------------------------------------
    @property
    def page(self) -> PageOut:
        return self.pages[-1]

    def new_page(self) -> None:
        number = self.FRONT_PAGES + len(self.pages) + 1
        self.pages.append(PageOut(number=number, section=self.section_title))
        self.set_frames(self.cols, self.top)

    def set_frames(self, cols: int, top: float) -> None:
        t = self.theme
        self.cols = cols
        if cols == 1:
            self.frames = [(t.margin_x, self.body_w)]
        else:
            cw = (self.body_w - t.gap) / 2
            self.frames = [(t.margin_x, cw), (t.margin_x + cw + t.gap, cw)]
        self.frame_top = top
        self.fi = 0
        self.y = top

    @property
    def bottom(self) -> float:
        base = self.bottom_base + self.page.fn_reserved
        if self.cols == 2 and self.fi == 0 and self.page.number in self.left_limits:
            return max(base, self.left_limits[self.page.number])
        return base

    def estimate_height(self, blocks: list[Block], width: float) -> float:
        """Height the blocks need in a column of ``width``; used to balance the last page."""
        t = self.theme
        height = 0.0
        for block in blocks:
            if block.kind == "heading":
                height += 6 + len(self.wrap_plain(block.text, width, 12.0, t.head_font)) * 15 + 3
            elif block.kind in {"paragraph", "list_item"}:
                indent = 14.0 if block.kind == "list_item" else 0.0
                words = parse_inline(block.text, 1).words
                lines = len(self.break_lines(words, width - indent, t.size))
                height += (5 if block.kind == "paragraph" else 2) + lines * t.leading
        return height

    def plan_balance(self, blocks: list[Block]) -> None:
        """Set a left-column limit on the page where this two-column section will end."""
        remaining = self.estimate_height(blocks, self.width)
        page = self.page.number
        capacity = 2 * (self.y - self.bottom)
        top = self.y
        while remaining > capacity:
            remaining -= capacity
            page += 1
            top = self.top
            capacity = 2 * (self.top - self.bottom_base)
        self.left_limits[page] = top - remaining / 2 - 0.5 * self.theme.leading

    @property
    def x(self) -> float:
        return self.frames[self.fi][0]

    @property
    def width(self) -> float:
        return self.frames[self.fi][1]

    def advance(self) -> None:
        if self.fi + 1 < len(self.frames):
            self.fi += 1
            self.y = self.frame_top
        else:
            self.new_page()

    def ensure(self, height: float) -> None:
        if self.y - height < self.bottom and self.y < self.frame_top:
            self.advance()

    def mark(self, feature: str) -> None:
        self.page.features.add(feature)

    # -- text measurement and line breaking -----------------------------------------------
    def font_for(self, style: str, bold: bool = False) -> str:
        return self.theme.bold_font if (style == "b" or bold) else self.theme.body_font

    def word_width(self, word: Word, size: float, bold: bool = False) -> float:
        total = 0.0
        for run in word.runs:
            if run.style == "s":
                total += stringWidth(run.text, self.theme.body_font, size * 0.62)
            else:
                total += stringWidth(run.text, self.font_for(run.style, bold), size)
        if word.hyphen:
            total += stringWidth("-", self.theme.body_font, size)
        return total

    def try_hyphenate(
        self, word: Word, room: float, size: float, bold: bool
    ) -> tuple[Word, Word] | None:
        """Split ``word`` so that its first half plus '-' fits in ``room``; None if it cannot."""
        if len(word.runs) != 1 or word.runs[0].style != "r" or bold:
            return None
        match = HYPHENATABLE.match(word.runs[0].text)
        if not match:
            return None
        prefix, core, tail = match.groups()
        points = []
        for i in range(3, len(core) - 2):
            a, b, c = core[i - 1], core[i], core[i + 1]
            if a in VOWELS and b not in VOWELS and c in VOWELS:
                points.append(i)
            elif a + b in ONSETS and core[i - 2] in VOWELS and c in VOWELS and i - 1 >= 3:
                points.append(i - 1)  # keep onset clusters together: pro-gramme, not prog-ramme
            elif (
                a not in VOWELS
                and b not in VOWELS
                and core[i - 2] in VOWELS
                and c in VOWELS
                and a + b not in NO_SPLIT_PAIRS
            ):
                points.append(i)
        for i in sorted(points, reverse=True):
            head = Word([Run(prefix + core[:i], "r")], word.sent, hyphen=True)
            if self.word_width(head, size, bold) <= room:
                return head, Word([Run(core[i:] + tail, "r")], word.sent)
        return None

    def break_lines(
        self,
        words: list[Word],
        width: float,
        size: float,
        bold: bool = False,
        hyphenate: bool = True,
    ) -> list[list[Word]]:
        space = stringWidth(" ", self.theme.body_font, size)
        lines: list[list[Word]] = []
        cur: list[Word] = []
        cur_w = 0.0
        queue = list(words)
        while queue:
            word = queue.pop(0)
            w = self.word_width(word, size, bold)
            add = w + (space if cur else 0.0)
            if cur_w + add <= width or not cur:
                cur.append(word)
                cur_w += add
                continue
            room = width - cur_w - space
            # justified text hyphenates more eagerly, as a typesetter would, to limit wide gaps
            threshold = 0.06 if self.theme.justify else 0.12
            split = (
                self.try_hyphenate(word, room, size, bold)
                if hyphenate and room > threshold * width
                else None
            )
            if split:
                cur.append(split[0])
                lines.append(cur)
                cur, cur_w = [split[1]], self.word_width(split[1], size, bold)
                continue
            carry: list[Word] = []
            if len(cur) > 1 and cur[-1].plain in {"-", "\u2013", "\u2014"}:
                carry = [cur.pop()]
            lines.append(cur)
            cur = carry + [word]
            cur_w = sum(self.word_width(x, size, bold) for x in cur) + space * (len(cur) - 1)
        if cur:
            lines.append(cur)
        return lines

    # -- placing text ---------------------------------------------------------------------
    def line_op(
        self, x: float, baseline: float, line: list[Word], size: float, width: float,
        justify: bool, bold: bool = False, color: str = "#1a1a1a",
    ) -> Op:  # fmt: skip
        runs: list[tuple[str, str, float, float]] = []  # text, font, size, rise

        def push(text: str, font: str, fsize: float, rise: float) -> None:
            if runs and runs[-1][1:] == (font, fsize, rise):
                runs[-1] = (runs[-1][0] + text, font, fsize, rise)
            else:
                runs.append((text, font, fsize, rise))

        natural = 0.0
        for i, word in enumerate(line):
            if i:
                push(" ", self.font_for("r", bold), size, 0.0)
            for run in word.runs:
                if run.style == "s":
                    push(run.text, self.theme.body_font, size * 0.62, size * 0.36)
                else:
                    push(run.text, self.font_for(run.style, bold), size, 0.0)
            if word.hyphen:
                push("-", self.font_for("r", bold), size, 0.0)
            natural += self.word_width(word, size, bold)
        spaces = len(line) - 1
        space_w = stringWidth(" ", self.theme.body_font, size)
        natural += spaces * space_w
        word_space = (width - natural) / spaces if justify and spaces else 0.0
        if word_space > 3 * space_w:
            word_space = 0.0  # a typesetter would rather leave one loose line ragged
        return ("text", x, baseline, runs, word_space, color)

    def place_words(
        self, block_key: int, inline: InlineText, *, size: float, leading: float,
        indent: float = 0.0, bold: bool = False, color: str = "#1a1a1a",
        justify: bool | None = None, bullet: str | None = None,
    ) -> None:  # fmt: skip
        justify = self.theme.justify if justify is None else justify
        lines = self.break_lines(inline.words, self.width - indent, size, bold)
        self.ensure(min(2, len(lines)) * leading)
        seen: set[int] = set()
        found: list[tuple[str, int]] = []
        notes: list[SentenceRecord] = []
        for i, line in enumerate(lines):
            fn_numbers = [int(r.text) for w in line for r in w.runs if r.style == "s"]
            fn_height = 0.0
            fn_blocks: list[tuple[int, list[str]]] = []
            for number in fn_numbers:
                note = next(f for f in inline.footnotes if f.number == number)
                fn_lines = self.wrap_plain(f"{number} {note.text}", self.body_w - 10, 7.5)
                fn_blocks.append((number, fn_lines))
                fn_height += len(fn_lines) * 9.5 + 2
            if fn_numbers:
                if self.cols != 1:
                    raise ValueError(f"{self.doc.doc_id}: footnotes only in one-column sections")
                separator = 0.0 if self.page.footnotes else 10.0
                if self.y - leading < self.bottom + fn_height + separator:
                    self.new_page()
                    separator = 10.0
                fn_height += separator
            elif self.y - leading < self.bottom:
                self.advance()
            if bullet and i == 0:
                self.page.ops.append(
                    ("str", self.x + 2, self.y - size, bullet, self.theme.body_font, size,
                     self.theme.accent)
                )  # fmt: skip
            last = i == len(lines) - 1
            self.page.ops.append(
                self.line_op(self.x + indent, self.y - size, line, size, self.width - indent,
                             justify and not last, bold, color)
            )  # fmt: skip
            if line[-1].hyphen:
                self.mark("hyphenation")
            if self.cols == 2 and self.fi == 1:
                self.mark("two_column")  # only once the right column really holds text
            for word in line:
                if word.sent not in seen:
                    seen.add(word.sent)
                    found.append((inline.sentences[word.sent], self.page.number))
            for number, fn_lines in fn_blocks:
                self.page.footnotes.append((number, fn_lines))
                self.mark("footnote")
                note = next(f for f in inline.footnotes if f.number == number)
                for _, sentence in split_sentences(note.text):
                    notes.append(SentenceRecord(self.doc.doc_id, self.page.number, sentence))
            self.page.fn_reserved += fn_height
            self.y -= leading
        self.block_sentences[block_key] = found
        for sentence, page in found:
            self.sentences.append(SentenceRecord(self.doc.doc_id, page, sentence))
        self.sentences.extend(notes)  # footnotes follow the paragraph that cites them

    def wrap_plain(
        self, text: str, width: float, size: float, font: str | None = None
    ) -> list[str]:
        font = font or self.theme.body_font
        lines: list[str] = []
        cur = ""
        for token in text.split():
            candidate = f"{cur} {token}" if cur else token
            if stringWidth(candidate, font, size) <= width or not cur:
                cur = candidate
            else:
                lines.append(cur)
                cur = token
        if cur:
            lines.append(cur)
        return lines

    # -- blocks ---------------------------------------------------------------------------
    def heading_text(self, section: Section) -> str:
        if section.sdg is None:
            return section.title
        fmt = self.doc.meta.get("sdg_heading", "SDG {n} - {title}")
        return fmt.format(n=section.sdg, title=self.goal_titles[section.sdg])

    def place_section_heading(self, section: Section) -> None:
        t = self.theme
        text = self.heading_text(section)
        size = 17.0
        indent = 30.0 if section.sdg else 0.0
        lines = self.wrap_plain(text, self.body_w - indent, size, t.head_font)
        height = len(lines) * 21 + 14
        if not section.new_page:
            self.ensure(height + 4 * t.leading)
            self.y -= 10
        if section.sdg:
            self.page.ops.append(
                ("rect", t.margin_x, self.y - 22, 22, 22, SDG_COLOURS[section.sdg], None)
            )
        for line in lines:
            self.page.ops.append(
                ("str", t.margin_x + indent, self.y - size, line, t.head_font, size, t.accent)
            )
            self.y -= 21
        self.page.ops.append(
            ("line", t.margin_x, self.y - 2, t.margin_x + self.body_w, self.y - 2, 0.8, t.accent)
        )
        self.y -= 14
        self.toc.append((text, self.page.number))

    def place_subheading(self, text: str) -> None:
        t = self.theme
        size = 12.0
        lines = self.wrap_plain(text, self.width, size, t.head_font)
        self.y -= 6
        self.ensure(len(lines) * 15 + 3 * t.leading)
        for line in lines:
            self.page.ops.append(("str", self.x, self.y - size, line, t.head_font, size, t.accent))
            self.y -= 15
        self.y -= 3

    def place_table(self, block: Block, table_no: int) -> list[tuple[list[str], int]]:
        """Draw an indicator table with ruled cells; returns each data row with its page."""
        if self.cols != 1:
            raise ValueError(f"{self.doc.doc_id}: tables only in one-column sections")
        t = self.theme
        lang = self.doc.language
        headers = {
            "en": ("Indicator", "Description", "Value", "Year"),
            "es": ("Indicador", "Descripción", "Valor", "Año"),
            "fr": ("Indicateur", "Description", "Valeur", "Année"),
        }[lang]
        fracs = (0.13, 0.53, 0.21, 0.13)
        widths = [f * self.body_w for f in fracs]
        size = 8.8
        rows = [list(headers)] + [
            [r[0], r[1], format_value(r[2], r[3], lang).replace(NBSP, " "), r[4]]
            for r in block.rows
        ]
        wrapped = [
            [self.wrap_plain(cell, widths[j] - 8, size, t.bold_font if i == 0 else t.body_font)
             for j, cell in enumerate(row)]
            for i, row in enumerate(rows)
        ]  # fmt: skip
        heights = [max(len(c) for c in row) * 10.5 + 7 for row in wrapped]
        caption_word = {"en": "Table", "es": "Tabla", "fr": "Tableau"}[lang]
        caption = f"{caption_word} {table_no}: {block.text}"
        total = sum(heights) + 24
        self.y -= 6
        if self.y - total < self.bottom:
            self.new_page()
        self.page.ops.append(("str", t.margin_x, self.y - 9.5, caption, t.bold_font, 9.5, t.accent))
        self.y -= 18
        top = self.y
        x_edges = [t.margin_x]
        for w in widths:
            x_edges.append(x_edges[-1] + w)
        self.page.ops.append(("rect", t.margin_x, top - heights[0], self.body_w, heights[0],
                              "#e8eef5", None))  # fmt: skip
        y = top
        for i, row in enumerate(wrapped):
            for j, cell_lines in enumerate(row):
                for k, text in enumerate(cell_lines):
                    font = t.bold_font if i == 0 else t.body_font
                    self.page.ops.append(
                        ("str", x_edges[j] + 4, y - 11 - k * 10.5, text, font, size, "#1a1a1a")
                    )
            y -= heights[i]
        ys = [top]
        for h in heights:
            ys.append(ys[-1] - h)
        for yy in ys:
            width = 0.9 if yy in (ys[0], ys[1], ys[-1]) else 0.4
            self.page.ops.append(("line", x_edges[0], yy, x_edges[-1], yy, width, "#333333"))
        for xx in x_edges:
            self.page.ops.append(("line", xx, ys[0], xx, ys[-1], 0.4, "#333333"))
        self.y = ys[-1] - 10
        self.mark("table")
        return [(row, self.page.number) for row in block.rows]

    # -- driver ---------------------------------------------------------------------------
    def run(self, on_block: Callable[[Block, int, InlineText | None, list], None]) -> None:
        t = self.theme
        table_no = 0
        for section in self.doc.sections:
            self.section_title = (
                section.title if section.sdg is None else self.heading_text(section)
            )
            if section.new_page or not self.pages or self.cols != 1:
                self.cols = 1
                self.new_page()
            else:
                self.frames = [(t.margin_x, self.body_w)]
                self.fi = 0
            self.place_section_heading(section)
            if section.cols == 2:
                self.set_frames(2, self.y)
                self.plan_balance(section.blocks)
            for block in section.blocks:
                key = id(block)
                if block.kind == "heading":
                    self.place_subheading(block.text)
                    on_block(block, key, None, [])
                elif block.kind == "table":
                    table_no += 1
                    rows = self.place_table(block, table_no)
                    on_block(block, key, None, rows)
                else:
                    inline = parse_inline(block.text, self.next_footnote)
                    self.next_footnote += len(inline.footnotes)
                    if block.kind == "paragraph":
                        self.y -= 5
                        self.place_words(key, inline, size=t.size, leading=t.leading)
                    else:
                        self.y -= 2
                        self.place_words(
                            key, inline, size=t.size, leading=t.leading, indent=14,
                            bullet=t.bullet,
                        )  # fmt: skip
                        self.mark("bullets")
                    on_block(block, key, inline, self.block_sentences[key])


# ----------------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------------

LABELS = {
    "en": {"contents": "Contents", "synthetic": "SYNTHETIC SAMPLE - invented content generated "
           "for testing vlrlink. Not an official document."},
    "es": {"contents": "Contenido", "synthetic": "MUESTRA SINTÉTICA - contenido inventado para "
           "probar vlrlink. No es un documento oficial."},
    "fr": {"contents": "Sommaire", "synthetic": "ÉCHANTILLON SYNTHÉTIQUE - contenu inventé pour "
           "tester vlrlink. Ce n'est pas un document officiel."},
}  # fmt: skip


def footer_text(style: str, printed: int, total_printed: int) -> str:
    return {
        "page_of": f"Page {printed} of {total_printed}",
        "dash": f"- {printed} -",
        "plain": f"{printed}",
        "slash": f"{printed} / {total_printed}",
        "pagina_de": f"Página {printed} de {total_printed}",
        "page_sur": f"Page {printed} sur {total_printed}",
    }[style]


def draw_text_op(c: canvas.Canvas, op: Op) -> None:
    kind = op[0]
    if kind == "text":
        _, x, y, runs, word_space, color = op
        # Tw and Ts are text-state parameters that outlive BT/ET; q/Q keeps them on this line
        c.saveState()
        text = c.beginText()
        text.setTextOrigin(x, y)
        text.setFillColor(HexColor(color))
        if word_space:
            text.setWordSpace(word_space)
        for chunk, font, size, rise in runs:
            text.setFont(font, size)
            text.setRise(rise)
            text.textOut(chunk)
        c.drawText(text)
        c.restoreState()
    elif kind == "str":
        _, x, y, s, font, size, color = op
        c.setFillColor(HexColor(color))
        c.setFont(font, size)
        c.drawString(x, y, s)
    elif kind == "rstr":
        _, x, y, s, font, size, color = op
        c.setFillColor(HexColor(color))
        c.setFont(font, size)
        c.drawRightString(x, y, s)
    elif kind == "cstr":
        _, x, y, s, font, size, color = op
        c.setFillColor(HexColor(color))
        c.setFont(font, size)
        c.drawCentredString(x, y, s)
    elif kind == "rect":
        _, x, y, w, h, fill, stroke = op
        c.setFillColor(HexColor(fill))
        if stroke:
            c.setStrokeColor(HexColor(stroke))
        c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1)
    elif kind == "line":
        _, x1, y1, x2, y2, width, color = op
        c.setStrokeColor(HexColor(color))
        c.setLineWidth(width)
        c.line(x1, y1, x2, y2)
    else:
        raise ValueError(kind)


def lighten(hex_colour: str, amount: float) -> Color:
    base = HexColor(hex_colour)
    return Color(
        base.red + (1 - base.red) * amount,
        base.green + (1 - base.green) * amount,
        base.blue + (1 - base.blue) * amount,
    )


def draw_cover(c: canvas.Canvas, doc: DocSpec, theme: Theme) -> None:
    meta = doc.meta
    lang = doc.language
    accent = HexColor(theme.accent)
    c.setFillColor(accent)
    c.rect(0, PAGE_H - 300, PAGE_W, 300, stroke=0, fill=1)
    c.setFillColor(lighten(theme.accent, 0.85))
    c.rect(0, 0, PAGE_W, PAGE_H - 300, stroke=0, fill=1)
    # a row of goal-coloured squares, echoing the SDG wheel used on real covers
    for goal in range(1, 18):
        c.setFillColor(HexColor(SDG_COLOURS[goal]))
        c.rect(64 + (goal - 1) * 27.5, PAGE_H - 330, 22, 22, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica", 13)
    c.drawString(64, PAGE_H - 80, meta.get("cover_kicker", ""))
    y = PAGE_H - 140
    for line in wrap_for_cover(meta["cover_title"], 30, "Helvetica-Bold", PAGE_W - 128):
        c.setFont("Helvetica-Bold", 30)
        c.drawString(64, y, line)
        y -= 36
    c.setFont("Helvetica", 15)
    for line in wrap_for_cover(meta.get("cover_subtitle", ""), 15, "Helvetica", PAGE_W - 128):
        c.drawString(64, y - 6, line)
        y -= 20
    c.setFillColor(HexColor("#222222"))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(64, 330, meta["publisher"])
    c.setFont("Helvetica", 12)
    c.drawString(64, 310, meta.get("cover_date", meta["year"]))
    # the synthetic-sample notice, framed so nobody mistakes this for a real review
    c.setStrokeColor(HexColor("#b00020"))
    c.setFillColor(white)
    c.setLineWidth(1.5)
    c.rect(64, 120, PAGE_W - 128, 88, stroke=1, fill=1)
    c.setFillColor(HexColor("#b00020"))
    y = 188
    notices = [LABELS["en"]["synthetic"]]
    if lang != "en":
        notices.append(LABELS[lang]["synthetic"])
    for notice in notices:
        for line in wrap_for_cover(notice, 10.5, "Helvetica-Bold", PAGE_W - 150):
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(75, y, line)
            y -= 14
        y -= 6


def wrap_for_cover(text: str, size: float, font: str, width: float) -> list[str]:
    lines: list[str] = []
    cur = ""
    for token in text.split():
        candidate = f"{cur} {token}" if cur else token
        if stringWidth(candidate, font, size) <= width or not cur:
            cur = candidate
        else:
            lines.append(cur)
            cur = token
    if cur:
        lines.append(cur)
    return lines


def draw_contents(
    c: canvas.Canvas, doc: DocSpec, theme: Theme, toc: list[tuple[str, int]], offset: int
) -> None:
    lang = doc.language
    c.setFillColor(HexColor(theme.accent))
    c.setFont(theme.head_font, 22)
    c.drawString(theme.margin_x, PAGE_H - 120, LABELS[lang]["contents"])
    y = PAGE_H - 170
    right = PAGE_W - theme.margin_x
    for title, physical in toc:
        printed = str(physical - offset)
        c.setFillColor(HexColor("#222222"))
        c.setFont(theme.body_font, 11.5)
        c.drawString(theme.margin_x, y, title)
        c.drawRightString(right, y, printed)
        start = theme.margin_x + stringWidth(title, theme.body_font, 11.5) + 6
        end = right - stringWidth(printed, theme.body_font, 11.5) - 6
        dots = "." * max(0, int((end - start) / stringWidth(".", theme.body_font, 11.5)))
        c.drawRightString(end, y, dots)
        y -= 26


def render_pdf(path: Path, doc: DocSpec, theme: Theme, layout: Layout) -> None:
    meta = doc.meta
    offset = int(meta.get("page_offset", "0"))
    footer_style = meta.get("footer", "page_of")
    total = Layout.FRONT_PAGES + len(layout.pages)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(meta["title"])
    c.setAuthor(meta["publisher"])
    c.setSubject(LABELS["en"]["synthetic"])
    c.setCreator("vlrlink data/sample/generate.py")
    draw_cover(c, doc, theme)
    c.showPage()
    draw_contents(c, doc, theme, layout.toc, offset)
    draw_running(c, doc, theme, 2, total, offset, footer_style, "")
    c.showPage()
    for page in layout.pages:
        draw_running(c, doc, theme, page.number, total, offset, footer_style, page.section)
        for op in page.ops:
            draw_text_op(c, op)
        draw_footnotes(c, theme, page)
        c.showPage()
    c.save()


def draw_running(
    c: canvas.Canvas, doc: DocSpec, theme: Theme, physical: int, total: int, offset: int,
    footer_style: str, section: str,
) -> None:  # fmt: skip
    """Running header and footer; suppressed where the printed page number would be < 1."""
    printed = physical - offset
    if printed < 1:
        return
    meta = doc.meta
    left = theme.margin_x
    right = PAGE_W - theme.margin_x
    c.setFillColor(HexColor("#555555"))
    c.setFont(theme.body_font, 8.5)
    c.drawString(left, PAGE_H - 42, meta["header"])
    if meta.get("header_section") == "yes" and section:
        c.drawRightString(right, PAGE_H - 42, section[:70])
    c.setStrokeColor(HexColor(theme.accent))
    c.setLineWidth(0.6)
    c.line(left, PAGE_H - 48, right, PAGE_H - 48)
    text = footer_text(footer_style, printed, total - offset)
    c.setFillColor(HexColor("#555555"))
    c.setFont(theme.body_font, 9)
    if footer_style == "plain":
        c.drawString(left, 36, meta.get("footer_left", ""))
        c.drawRightString(right, 36, text)
    else:
        c.drawCentredString(PAGE_W / 2, 36, text)


def draw_footnotes(c: canvas.Canvas, theme: Theme, page: PageOut) -> None:
    if not page.footnotes:
        return
    y = theme.margin_bottom + page.fn_reserved - 4
    c.setStrokeColor(HexColor("#777777"))
    c.setLineWidth(0.5)
    c.line(theme.margin_x, y, theme.margin_x + 120, y)
    y -= 10
    for _number, lines in page.footnotes:
        for i, line in enumerate(lines):
            c.setFillColor(HexColor("#333333"))
            if i == 0:
                label, _, rest = line.partition(" ")
                c.setFont(theme.body_font, 5.5)
                c.drawString(theme.margin_x, y + 3, label)
                c.setFont(theme.body_font, 7.5)
                c.drawString(theme.margin_x + 6, y, rest)
            else:
                c.setFont(theme.body_font, 7.5)
                c.drawString(theme.margin_x + 6, y, line)
            y -= 9.5
        y -= 2


# ----------------------------------------------------------------------------------------------
# Truth collection
# ----------------------------------------------------------------------------------------------

LINK_COLUMNS = [
    "pair_id", "country_iso3", "sdg", "target", "vlr_doc_id", "vlr_page", "vlr_quote",
    "vnr_doc_id", "vnr_page", "vnr_quote", "kind",
]  # fmt: skip
CATALOG_COLUMNS = [
    "doc_id", "review_type", "country_iso3", "locality", "year", "language", "title", "file",
    "sha256",
]  # fmt: skip


@dataclass
class Truth:
    """Ground-truth rows gathered while documents are laid out."""

    sentences: list[SentenceRecord] = field(default_factory=list)
    link_sides: dict[tuple[str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))
    coverage: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    mentions: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    layout: list[dict] = field(default_factory=list)
    involvement: list[dict] = field(default_factory=list)
    paragraphs: list[tuple[DocSpec, Block, str]] = field(default_factory=list)
    text_indicators: list[dict] = field(default_factory=list)


def nth_sentence(found: list[tuple[str, int]], attrs: dict[str, list[str]], key: str) -> tuple:
    index = int(attrs.get(key, ["1"])[0]) - 1
    return found[index]


def collect(doc: DocSpec, truth: Truth) -> Callable[[Block, int, InlineText | None, list], None]:
    """Return the per-block callback that turns block attributes into truth rows."""
    lang = doc.language

    def on_block(block: Block, key: int, inline: InlineText | None, found: list) -> None:
        if block.kind == "table":
            for row, page in found:
                code, _name, value, unit, year = row
                truth.indicators.append(
                    dict(doc_id=doc.doc_id, indicator=code, value=value, unit=unit or "count",
                         year=year, where="table", page=page)
                )  # fmt: skip
            return
        if inline is None:
            return
        attrs = block.attrs
        truth.paragraphs.append((doc, block, inline.plain))
        if block.kind == "paragraph" and block.sdg is not None:
            truth.coverage[(doc.doc_id, block.sdg)] += 1
        target = attrs.get("t", [""])[0]
        for kind, attr in (("planted", "link"), ("distractor", "dis")):
            for pair_id in attrs.get(attr, []):
                for pid in pair_id.split(","):
                    quote, page = nth_sentence(found, attrs, "q")
                    truth.link_sides[(kind, pid)].append(
                        dict(doc=doc, sdg=block.sdg, target=target, quote=quote, page=page)
                    )
        if "mention" in attrs:
            quote, page = nth_sentence(found, attrs, "mq")
            localities = attrs.get("loc", [""])[0].split("|")
            for locality in localities:
                truth.mentions.append(
                    dict(doc_id=doc.doc_id, page=page, kind=attrs["mention"][0].replace(" ", "_"),
                         locality=locality, quote=quote)
                )  # fmt: skip
        for spec in attrs.get("ind", []):
            code, value, unit, year = spec.split(":")
            shown = format_number(value, lang).replace(NBSP, " ")
            hits = [(s, p) for s, p in found if shown in s and code in s]
            hits = hits or [(s, p) for s, p in found if shown in s]
            if not hits:
                raise ValueError(f"{doc.doc_id}: value {shown} of {code} not in its paragraph")
            truth.indicators.append(
                dict(doc_id=doc.doc_id, indicator=code, value=value, unit=unit or "count",
                     year=year, where="text", page=hits[0][1])
            )  # fmt: skip
            truth.text_indicators.append(
                dict(doc=doc, indicator=code, quote=hits[0][0], page=hits[0][1])
            )

    return on_block


def finish_links(truth: Truth) -> list[dict]:
    """Pair VLR and VNR sides of every planted/distractor id, checking they are well formed."""
    rows = []
    for (kind, pair_id), sides in sorted(truth.link_sides.items(), key=lambda kv: kv[0][1]):
        vlr = [s for s in sides if s["doc"].review_type == "vlr"]
        vnr = [s for s in sides if s["doc"].review_type == "vnr"]
        if len(vlr) != 1 or len(vnr) != 1:
            raise ValueError(f"{kind} {pair_id}: need one VLR and one VNR side, got {len(sides)}")
        a, b = vlr[0], vnr[0]
        if a["doc"].meta["country"] != b["doc"].meta["country"] or a["sdg"] != b["sdg"]:
            raise ValueError(f"{pair_id}: sides differ in country or SDG")
        if kind == "planted" and a["target"] != b["target"]:
            raise ValueError(f"{pair_id}: planted sides differ in target")
        if kind == "distractor" and a["target"] and a["target"] == b["target"]:
            raise ValueError(f"{pair_id}: distractor sides share target {a['target']}")
        rows.append(
            dict(pair_id=pair_id, country_iso3=a["doc"].meta["country"], sdg=a["sdg"],
                 target=a["target"] if kind == "planted" else "",
                 vlr_doc_id=a["doc"].doc_id, vlr_page=a["page"], vlr_quote=a["quote"],
                 vnr_doc_id=b["doc"].doc_id, vnr_page=b["page"], vnr_quote=b["quote"], kind=kind)
        )  # fmt: skip
    return rows


RELATED_COLUMNS = [
    "pair_id", "country_iso3", "sdg", "target", "indicator", "vlr_doc_id", "vlr_page", "vlr_quote",
    "vnr_doc_id", "vnr_page", "vnr_quote", "kind",
]  # fmt: skip


def related_pairs(truth: Truth) -> list[dict]:
    """VLR and VNR sentences that report the same indicator (local vs national value).

    They are neither planted nor distractors: a linker may reasonably pair them, so accuracy
    tests should not count such a pair as a false link.
    """
    rows = []
    per_country: dict[str, int] = defaultdict(int)
    vlrs = [t for t in truth.text_indicators if t["doc"].review_type == "vlr"]
    vnrs = [t for t in truth.text_indicators if t["doc"].review_type == "vnr"]
    for a in vlrs:
        for b in vnrs:
            if a["indicator"] != b["indicator"]:
                continue
            if a["doc"].meta["country"] != b["doc"].meta["country"]:
                continue
            code = a["indicator"]
            country = a["doc"].meta["country"]
            per_country[country] += 1
            rows.append(
                dict(pair_id=f"{country}-R{per_country[country]:02d}",
                     country_iso3=a["doc"].meta["country"], sdg=int(code.split(".")[0]),
                     target=".".join(code.split(".")[:2]), indicator=code,
                     vlr_doc_id=a["doc"].doc_id, vlr_page=a["page"], vlr_quote=a["quote"],
                     vnr_doc_id=b["doc"].doc_id, vnr_page=b["page"], vnr_quote=b["quote"],
                     kind="same_indicator")
            )  # fmt: skip
    return rows


def check_locality_mentions(docs: list[DocSpec], truth: Truth) -> None:
    """A VNR paragraph that names a sample locality must carry a mention naming it."""
    localities: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        if doc.review_type == "vlr":
            localities[doc.meta["country"]].add(doc.meta["locality"])
    for doc, block, plain in truth.paragraphs:
        if doc.review_type != "vnr":
            continue
        for name in localities[doc.meta["country"]]:
            core = name.removesuffix(" County")
            if core in plain:
                named = block.attrs.get("loc", [""])[0].split("|")
                if "mention" not in block.attrs or name not in named:
                    raise ValueError(
                        f"{doc.doc_id}: '{name}' named without a mention: {plain[:60]}"
                    )


def check_sentences(truth: Truth) -> None:
    for record in truth.sentences:
        if len(record.text.split()) < 4:
            raise ValueError(f"{record.doc_id} p{record.page}: suspicious sentence {record.text!r}")


# ----------------------------------------------------------------------------------------------
# Bad-input catalog
# ----------------------------------------------------------------------------------------------


def small_pdf(path: Path, title: str, lines: list[str], encrypt: object = None) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1, encrypt=encrypt)
    c.setTitle(title)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(64, PAGE_H - 100, title)
    c.setFont("Helvetica", 11)
    y = PAGE_H - 140
    for line in lines:
        c.drawString(64, y, line)
        y -= 16
    c.showPage()
    c.save()


def image_only_pdf(path: Path) -> None:
    """A scanned-looking page: text rendered into a PNG, placed with no text layer at all."""
    import matplotlib
    from PIL import Image, ImageDraw, ImageFont

    font_dir = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    title_font = ImageFont.truetype(str(font_dir / "DejaVuSans-Bold.ttf"), 34)
    body_font = ImageFont.truetype(str(font_dir / "DejaVuSans.ttf"), 24)
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    draw.text((100, 120), "Voluntary Local Review (scanned copy)", font=title_font, fill=0)
    body = [
        "SYNTHETIC SAMPLE for testing vlrlink - this page is an image only.",
        "The municipal water utility extended piped supply to three",
        "peri-urban wards and began publishing monthly service data.",
        "SDG 6 - Clean water and sanitation: indicator 6.1.1 rose to",
        "64.0% of households in 2021, from 58.5% two years earlier.",
    ]
    for i, line in enumerate(body):
        draw.text((100, 220 + i * 44), line, font=body_font, fill=0)
    buf = io.BytesIO()
    image.convert("1").save(buf, format="PNG", optimize=False)
    buf.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle("Scanned review (image only)")
    c.drawImage(ImageReader(buf), 0, 0, width=PAGE_W, height=PAGE_H)
    c.showPage()
    c.save()


def write_bad(out: Path, good_sources: list[Path]) -> None:
    """Write bad/: a catalog that exercises every kind of bad input next to two good documents."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    bad = out / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(good_sources[0], bad / "good_a.pdf")
    shutil.copyfile(good_sources[1], bad / "good_b.pdf")
    shutil.copyfile(good_sources[0], bad / "copy_of_good_a.pdf")
    full = (bad / "good_b.pdf").read_bytes()
    (bad / "corrupt.pdf").write_bytes(full[: len(full) * 2 // 5])
    small_pdf(
        bad / "encrypted.pdf",
        "Encrypted review",
        ["SYNTHETIC SAMPLE for testing vlrlink.", "Opening this file needs a user password."],
        encrypt=StandardEncryption("vlrlink-user", ownerPassword="vlrlink-owner", strength=128),
    )
    image_only_pdf(bad / "image_only.pdf")
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "not_a_pdf.pdf").write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>Not Found</h1><p>The requested review was moved.</p></body></html>\n",
        encoding="utf-8",
    )
    for name, problem in (
        ("meta_iso3", "an invalid ISO3 country code"),
        ("meta_year", "an implausible publication year"),
        ("meta_language", "an unknown language code"),
        ("meta_dup_id", "a doc_id that repeats an earlier row"),
    ):
        small_pdf(
            bad / f"{name}.pdf",
            f"Catalog test document: {name}",
            ["SYNTHETIC SAMPLE for testing vlrlink.",
             f"This valid one-page PDF is catalogued with {problem}.",
             "SDG 11 - Sustainable cities and communities: the town opened a new bus depot."],
        )  # fmt: skip

    def sha(name: str) -> str:
        path = bad / name
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""

    rows = [
        # doc_id, type, iso3, locality, year, lang, title, file, status, reason
        ("bad-good-a", "vlr", "COL", "Villacedro", "2019", "es", "Good document A",
         "good_a.pdf", "ok", ""),
        ("bad-good-b", "vlr", "SEN", "Tamaroune", "2021", "fr", "Good document B",
         "good_b.pdf", "ok", ""),
        ("bad-duplicate-content", "vlr", "COL", "Villacedro", "2019", "es",
         "Same bytes as good document A", "copy_of_good_a.pdf", "duplicate", "duplicate"),
        ("bad-corrupt", "vlr", "SEN", "Tamaroune", "2021", "fr", "Truncated PDF",
         "corrupt.pdf", "failed", "corrupt"),
        ("bad-encrypted", "vlr", "KEN", "Lakemere", "2019", "en", "Password-protected PDF",
         "encrypted.pdf", "failed", "encrypt"),
        ("bad-image-only", "vlr", "KEN", "Lakemere", "2021", "en", "Scanned page, no text layer",
         "image_only.pdf", "failed", "text"),
        ("bad-empty", "vnr", "KEN", "", "2024", "en", "Zero-byte file", "empty.pdf",
         "failed", "empty"),
        ("bad-not-a-pdf", "vnr", "COL", "", "2021", "es", "HTML error page saved as .pdf",
         "not_a_pdf.pdf", "failed", "not a pdf"),
        ("bad-missing-file", "vnr", "SEN", "", "2022", "fr", "File that does not exist",
         "does_not_exist.pdf", "missing", "not found"),
        ("bad-iso3", "vnr", "XYZ", "", "2022", "en", "Unknown country code", "meta_iso3.pdf",
         "invalid", "iso3"),
        ("bad-year", "vlr", "KEN", "Lakemere", "1890", "en", "Implausible year",
         "meta_year.pdf", "invalid", "year"),
        ("bad-language", "vlr", "KEN", "Lakemere", "2022", "xq", "Unknown language code",
         "meta_language.pdf", "invalid", "language"),
        ("bad-good-a", "vlr", "KEN", "Lakemere", "2023", "en", "Repeats the doc_id of row 1",
         "meta_dup_id.pdf", "invalid", "doc_id"),
        ("bad-path-escape", "vnr", "KEN", "", "2024", "en", "Path outside the catalog folder",
         "../../etc/passwd", "invalid", "outside"),
    ]  # fmt: skip
    with (bad / "catalog.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CATALOG_COLUMNS)
        for r in rows:
            digest = sha(r[7]) if not r[7].startswith("..") else ""
            writer.writerow([*r[:8], digest])
    with (bad / "expected.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["doc_id", "expected_status", "reason_contains", "row", "file"])
        for i, r in enumerate(rows, 1):
            writer.writerow([r[0], r[8], r[9], i, r[7]])


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in columns})


def pdf_name(doc_id: str) -> str:
    return doc_id.replace("-", "_") + ".pdf"


def generate(out: Path = HERE, content_dir: Path = CONTENT_DIR) -> dict[str, int]:
    """Write pdfs/, catalog.csv, truth/ and bad/ under ``out``; returns a few counts."""
    goal_titles = load_goal_titles()
    docs = [doc for name in COUNTRY_FILES for doc in parse_content(content_dir / name)]
    for sub in ("pdfs", "truth", "bad"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    truth = Truth()
    catalog = []
    page_counts: dict[str, int] = {}
    for doc in docs:
        theme = THEMES[doc.meta["theme"]]
        for key in ("size", "leading"):
            if key in doc.meta:
                theme = Theme(**{**theme.__dict__, key: float(doc.meta[key])})
        layout = Layout(doc, theme, goal_titles[doc.language])
        layout.run(collect(doc, truth))
        path = out / "pdfs" / pdf_name(doc.doc_id)
        render_pdf(path, doc, theme, layout)
        truth.sentences.extend(layout.sentences)
        page_counts[doc.doc_id] = Layout.FRONT_PAGES + len(layout.pages)
        truth.layout.append(dict(doc_id=doc.doc_id, page=1, feature="cover"))
        truth.layout.append(dict(doc_id=doc.doc_id, page=2, feature="contents"))
        for page in layout.pages:
            for feature in sorted(page.features):
                truth.layout.append(dict(doc_id=doc.doc_id, page=page.number, feature=feature))
        if doc.review_type == "vnr":
            truth.involvement.append(
                dict(doc_id=doc.doc_id, level=doc.meta["involvement"],
                     note=doc.meta["involvement_note"])
            )  # fmt: skip
        catalog.append(
            dict(doc_id=doc.doc_id, review_type=doc.review_type, country_iso3=doc.meta["country"],
                 locality=doc.meta.get("locality", ""), year=doc.meta["year"],
                 language=doc.language, title=doc.meta["title"],
                 file=f"pdfs/{pdf_name(doc.doc_id)}",
                 sha256=hashlib.sha256(path.read_bytes()).hexdigest())
        )  # fmt: skip
    check_sentences(truth)
    check_locality_mentions(docs, truth)
    links = finish_links(truth)
    write_csv(out / "catalog.csv", CATALOG_COLUMNS, catalog)
    tdir = out / "truth"
    write_csv(tdir / "links.csv", LINK_COLUMNS, links)
    write_csv(tdir / "related_pairs.csv", RELATED_COLUMNS, related_pairs(truth))
    write_csv(
        tdir / "sentences.csv",
        ["doc_id", "page", "sentence"],
        [dict(doc_id=s.doc_id, page=s.page, sentence=s.text) for s in truth.sentences],
    )
    order = {doc.doc_id: i for i, doc in enumerate(docs)}
    coverage = [
        dict(doc_id=d, sdg=g, n_paragraphs=n)
        for (d, g), n in sorted(truth.coverage.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
    ]
    write_csv(tdir / "sdg_coverage.csv", ["doc_id", "sdg", "n_paragraphs"], coverage)
    write_csv(
        tdir / "mentions.csv", ["doc_id", "page", "kind", "locality", "quote"], truth.mentions
    )
    write_csv(tdir / "involvement.csv", ["doc_id", "level", "note"], truth.involvement)
    write_csv(
        tdir / "indicators.csv",
        ["doc_id", "indicator", "value", "unit", "year", "where", "page"],
        truth.indicators,
    )
    write_csv(tdir / "layout.csv", ["doc_id", "page", "feature"], truth.layout)
    by_id = {doc.doc_id: doc for doc in docs}
    good_ids = ("col-vlr-villacedro-2019", "sen-vlr-tamaroune-2021")
    good = [out / "pdfs" / pdf_name(d) for d in good_ids if d in by_id]
    if len(good) == 2:
        write_bad(out, good)
    return page_counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="content folder")
    args = parser.parse_args(argv)
    counts = generate(args.out, args.content)
    for doc_id, pages in counts.items():
        print(f"{doc_id:32s} {pages:3d} pages")


if __name__ == "__main__":
    main()
