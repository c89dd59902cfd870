"""Tests for models/pdf.py: layout-aware extraction and its one-line errors.

Small PDFs are drawn with reportlab inside the tests (so every planted fact is known); the real
33-page print of the 2030 Agenda checks behaviour on a messy web-page print.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from models.passages import extraction_recall
from models.pdf import (
    Block,
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    NoTextLayerError,
    Page,
    PdfError,
    count_pages,
    read_pdf,
)

ROOT = Path(__file__).resolve().parents[1]
AGENDA = ROOT.parent / "shared" / "corpus" / "Agenda2030_sdgs_un_org_webpage_print.pdf"

HEADER_LEFT = "Testville Voluntary Local Review 2024"
TITLE = "Testville on the road to 2030: a local review of the Sustainable Development Goals"

_SUBJECTS = (
    "The city council",
    "The water utility",
    "Local schools",
    "The transport authority",
    "Community groups",
    "The health department",
    "Municipal planners",
    "Women's cooperatives",
)
_VERBS = ("expanded", "reviewed", "financed", "monitored", "improved", "mapped")
_OBJECTS = (
    "piped water connections",
    "bus rapid transit lines",
    "primary school enrolment",
    "waste collection routes",
    "green public spaces",
    "street lighting",
)


def planted(k: int) -> str:
    """A distinct, checkable sentence (the district number makes each one unique)."""
    return (
        f"{_SUBJECTS[k % 8]} {_VERBS[k % 6]} {_OBJECTS[(k // 2) % 6]} in district {k} "
        f"during {2015 + k % 9}."
    )


def all_text(pages: list[Page]) -> str:
    return " ".join(b.text for p in pages for b in p.blocks)


def blocks_of(pages: list[Page], kind: str) -> list[str]:
    return [b.text for p in pages for b in p.blocks if b.kind == kind]


# ---------------------------------------------------------------------------------------------
# PDF builders


def build_two_column_report(path: Path, total_pages: int = 0) -> dict[str, object]:
    """Three A4 pages: a spanning title, two justified columns, headings, bullets, a table,
    and a running header ("... 2024" + "Page N of 3") and footer ("- N -") on every page."""
    width, height = A4
    margin, gutter = 56.0, 22.0
    col_w = (width - 2 * margin - gutter) / 2

    def decorate(c: canvas.Canvas, doc: BaseDocTemplate) -> None:
        n = c.getPageNumber()
        c.setFont("Helvetica", 8)
        c.drawString(margin, height - 30, HEADER_LEFT)
        c.drawRightString(width - margin, height - 30, f"Page {n} of {total_pages}")
        c.drawCentredString(width / 2, 24, f"- {n} -")

    def first_page(c: canvas.Canvas, doc: BaseDocTemplate) -> None:
        decorate(c, doc)
        c.setFont("Helvetica-Bold", 18)
        c.drawString(margin, height - 80, TITLE[:46])
        c.drawString(margin, height - 102, TITLE[46:].strip())

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=8)
    body.alignment = 4  # justify
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16)
    heading.spaceBefore, heading.spaceAfter = 6, 6
    bullet = ParagraphStyle("b", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=3)

    doc = BaseDocTemplate(str(path), pagesize=A4)
    top_first = height - 130
    top_later = height - 50
    frames_first = [
        Frame(margin, 50, col_w, top_first - 50, id="l1", showBoundary=0),
        Frame(margin + col_w + gutter, 50, col_w, top_first - 50, id="r1"),
    ]
    frames_later = [
        Frame(margin, 50, col_w, top_later - 50, id="l2"),
        Frame(margin + col_w + gutter, 50, col_w, top_later - 50, id="r2"),
    ]
    doc.addPageTemplates(
        [
            PageTemplate("first", frames_first, onPage=first_page),
            PageTemplate("later", frames_later, onPage=decorate),
        ]
    )
    story: list[object] = [NextPageTemplate("later")]
    sentences: list[str] = []
    k = 0
    headings = [
        "SDG 6 – Clean water and sanitation",
        "SDG 11 – Sustainable cities and communities",
        "SDG 13 – Climate action",
    ]
    bullets: list[str] = []
    rows = [
        ["Indicator", "2015", "2020", "2023"],
        ["Safe water access (%)", "61", "74", "82"],
        ["Households with sewer (%)", "38", "45", "57"],
        ["Bus stops within 500 m (%)", "52", "63", "71"],
    ]
    for h, title in enumerate(headings):
        story.append(Paragraph(title, heading))
        for _ in range(9):
            para = [planted(k + j) for j in range(4)]
            sentences.extend(para)
            k += 4
            story.append(Paragraph(" ".join(para), body))
        if h == 0:
            for j in range(3):
                item = f"Priority action {j + 1}: {planted(k)}"
                bullets.append(item)
                sentences.append(planted(k))
                k += 1
                story.append(Paragraph(item, bullet, bulletText="•"))
            story.append(Spacer(1, 6))
        if h == 1:
            story.append(Table(rows, colWidths=[140, 28, 28, 28]))
            story.append(Spacer(1, 8))
    doc.build(story)
    if doc.page != total_pages:  # draw again now that "Page N of M" knows M
        return build_two_column_report(path, doc.page)
    return {"sentences": sentences, "bullets": bullets, "rows": rows, "headings": headings}


def build_hyphenation_page(path: Path) -> None:
    """Hand-broken lines: a hyphenated word, compounds at line ends and mid-line."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    lines = [
        "Public investment in the urban water infra-",
        "structure grew steadily in the decade to 2023, and the",
        "council adopted a long-term plan. Its long-",
        "term targets follow the Trade-",
        "Related provisions and a small-scale pilot in the",
        "western districts, with several small-",
        "scale farmers joining the programme.",
    ]
    y = 760.0
    for line in lines:
        c.drawString(72, y, line)
        y -= 14
    c.save()


def build_footnote_page(path: Path) -> None:
    """One column of body text with a superscript mark, and a 7 pt footnote at the foot."""
    c = canvas.Canvas(str(path), pagesize=A4)
    text = c.beginText(72, 760)
    text.setFont("Helvetica", 11)
    text.textOut("Coverage of safe sanitation reached 57 per cent of households.")
    text.setFont("Helvetica", 7)
    text.setRise(4)
    text.textOut("1")
    text.setRise(0)
    text.setFont("Helvetica", 11)
    text.textLine(" The council expects")
    text.textLine("full coverage of the informal settlements before the end of 2030.")
    c.drawText(text)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Progress was slower in the peri-urban wards than in the city centre.")
    c.setLineWidth(0.5)
    c.line(72, 70, 200, 70)
    c.setFont("Helvetica", 7)
    c.drawString(72, 60, "1 Source: Testville household survey 2023, table 4.")
    c.save()


def build_contents_and_ligatures(path: Path) -> None:
    """A contents page with dot leaders, then text drawn with ﬁ/ﬂ ligature characters."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("VeraTest", str(vera)))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 760, "Contents")
    c.setFont("Helvetica", 11)
    entries = [("Introduction", 3), ("Water and sanitation", 5), ("Financing the review", 9)]
    for i, (title, page) in enumerate(entries):
        c.drawString(72, 720 - 18 * i, f"{i + 1}. {title} " + "." * 40 + f" {page}")
    c.showPage()
    c.setFont("VeraTest", 11)
    c.drawString(
        72, 760, "The \ufb01nancial \ufb02ows to the city were reported in \ufb01scal 2023."
    )
    c.drawString(72, 744, "Each ward \ufb01led a report on the \ufb02ood response.")
    c.save()


def _png_bytes() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 380, 180), outline="black", width=4)
    draw.text((40, 90), "scanned page", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def build_image_only(path: Path, pages: int = 2) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    reader = ImageReader(io.BytesIO(_png_bytes()))
    for _ in range(pages):
        c.drawImage(reader, 72, 400, width=400, height=200)
        c.showPage()
    c.save()


def build_simple(path: Path, lines: list[str], encrypt: object = None) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 16 * i, line)
    c.save()


# ---------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    path = tmp_path_factory.mktemp("pdf") / "two_column.pdf"
    facts = build_two_column_report(path)
    facts["path"] = path
    facts["pages"] = list(read_pdf(path))
    return facts


@pytest.fixture(scope="module")
def agenda_pages() -> list[Page]:
    if not AGENDA.is_file():
        pytest.skip("shared corpus not available")
    return list(read_pdf(AGENDA))


# ---------------------------------------------------------------------------------------------
# Layout


def test_two_column_pages_keep_every_planted_sentence_whole(report: dict) -> None:
    pages = report["pages"]
    assert [p.page for p in pages] == [1, 2, 3]  # the builder draws exactly three pages
    text = all_text(pages)
    assert extraction_recall(text, report["sentences"]) == 1.0


def test_two_column_reading_order_is_left_column_then_right(report: dict) -> None:
    text = all_text(report["pages"])
    positions = [text.find(s) for s in report["sentences"]]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)


def test_running_header_footer_and_page_numbers_are_removed(report: dict) -> None:
    text = all_text(report["pages"])
    assert HEADER_LEFT not in text
    assert "Page 2 of 3" not in text
    assert "- 2 -" not in text


def test_spanning_title_and_headings_are_headings(report: dict) -> None:
    headings = blocks_of(report["pages"], "heading")
    for title in report["headings"]:
        assert title in headings
    assert any(h.startswith("Testville on the road to 2030") for h in headings)


def test_bullets_become_list_items_without_the_glyph(report: dict) -> None:
    items = blocks_of(report["pages"], "list_item")
    for bullet in report["bullets"]:
        assert bullet in items
    assert not any(item.startswith("•") for item in items)


def test_table_rows_are_joined_cells(report: dict) -> None:
    rows = blocks_of(report["pages"], "table_row")
    for row in report["rows"][1:]:
        assert " | ".join(row) in rows


def test_paragraphs_are_reconstructed(report: dict) -> None:
    paragraphs = blocks_of(report["pages"], "paragraph")
    # Each authored paragraph holds four planted sentences and nothing else.
    first = " ".join(report["sentences"][:4])
    assert first in paragraphs


def test_hyphenation_joined_and_compounds_kept(tmp_path: Path) -> None:
    path = tmp_path / "hyphen.pdf"
    build_hyphenation_page(path)
    text = all_text(list(read_pdf(path)))
    assert "water infrastructure grew" in text
    assert "long-term targets" in text  # line-end "long-" + "term": a compound
    assert "Trade-Related provisions" in text  # capital after the hyphen
    assert "small-scale farmers" in text  # seen mid-line elsewhere in the document
    assert "infra-" not in text


def test_superscript_marks_dropped_and_footnote_typed(tmp_path: Path) -> None:
    path = tmp_path / "footnote.pdf"
    build_footnote_page(path)
    pages = list(read_pdf(path))
    text = all_text(pages)
    assert "57 per cent of households. The council expects full coverage" in text
    footnotes = blocks_of(pages, "footnote")
    assert footnotes == ["1 Source: Testville household survey 2023, table 4."]


def test_contents_lines_are_toc_and_ligatures_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "toc.pdf"
    build_contents_and_ligatures(path)
    pages = list(read_pdf(path))
    toc = blocks_of(pages, "toc")
    assert len(toc) == 3
    assert not any("Introduction" in t for t in blocks_of(pages, "paragraph"))
    text = all_text(pages)
    assert "The financial flows to the city were reported in fiscal 2023." in text
    assert "\ufb01" not in text and "\ufb02" not in text


def test_read_pdf_streams_and_honours_max_pages(report: dict) -> None:
    stream = read_pdf(report["path"], max_pages=2)
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert first.page == 1 and all(isinstance(b, Block) for b in first.blocks)
    assert [p.page for p in stream] == [2]
    assert count_pages(report["path"]) == 3


def test_blocks_are_clean_single_spaced(report: dict) -> None:
    for page in report["pages"]:
        for block in page.blocks:
            assert block.text == block.text.strip()
            assert "  " not in block.text and "\n" not in block.text
            assert block.kind in {
                "heading",
                "paragraph",
                "list_item",
                "table_row",
                "footnote",
                "toc",
            }


@pytest.mark.parametrize(
    "folio",
    ["Página {n} de 3", "Page {n} sur 3", "{n}", "- {n} -", "{n} | Testville report"],
)
def test_footer_folios_in_other_styles_are_removed(tmp_path: Path, folio: str) -> None:
    path = tmp_path / "folios.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, 4):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, planted(n))
        c.setFont("Helvetica", 9)
        c.drawCentredString(A4[0] / 2, 36, folio.format(n=n))
        c.showPage()
    c.save()
    pages = list(read_pdf(path))
    assert [[b.text for b in p.blocks] for p in pages] == [[planted(n)] for n in range(1, 4)]


def test_a_bare_year_at_the_foot_of_a_page_is_not_a_folio(tmp_path: Path) -> None:
    path = tmp_path / "year.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, 4):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, planted(n))
        if n == 2:
            c.drawString(72, 74, "The county will reach universal access to safe water by")
            c.drawString(72, 60, "2030")
        c.setFont("Helvetica", 9)
        c.drawRightString(A4[0] - 72, 36, str(n + 4))  # printed folio = physical page + 4
        c.showPage()
    c.save()
    pages = list(read_pdf(path))
    assert [b.text for b in pages[1].blocks] == [
        planted(2),
        "The county will reach universal access to safe water by 2030",
    ]
    assert all(b.text not in {"5", "6", "7"} for p in pages for b in p.blocks)


def test_plain_style_headings_by_pattern(tmp_path: Path) -> None:
    path = tmp_path / "plain_headings.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 760.0
    for line in (
        planted(1),
        None,
        "ODS 6: Agua limpia y saneamiento",
        None,
        planted(2),
        None,
        "3.2 Financing local action",
        None,
        planted(3),
    ):
        if line is None:
            y -= 14
            continue
        c.drawString(72, y, line)
        y -= 14
    c.save()
    blocks = [b for p in read_pdf(path) for b in p.blocks]
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]
    assert blocks[1].text == "ODS 6: Agua limpia y saneamiento"


def test_rotated_margin_label_dropped_and_rotated_page_read(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, planted(1))
    c.saveState()
    c.translate(30, 300)
    c.rotate(90)
    c.drawString(0, 0, "DRAFT FOR CONSULTATION 2024-03-01")
    c.restoreState()
    c.showPage()
    c.setPageRotation(90)  # a landscape page stored portrait, its text drawn turned
    c.saveState()
    c.translate(A4[0], 0)
    c.rotate(90)
    c.setFont("Helvetica", 11)
    c.drawString(72, A4[0] - 72, planted(2))
    c.drawString(72, A4[0] - 86, planted(3))
    c.restoreState()
    c.save()
    pages = list(read_pdf(path))
    assert [b.text for b in pages[0].blocks] == [planted(1)]
    assert [b.text for b in pages[1].blocks] == [f"{planted(2)} {planted(3)}"]


def test_contents_without_leaders_on_a_contents_page(tmp_path: Path) -> None:
    path = tmp_path / "contents.pdf"
    build_simple(
        path,
        ["Table of contents", "", "1 Introduction 3", "2 Water and sanitation 7", "Annex 12"],
    )
    pages = list(read_pdf(path))
    assert blocks_of(pages, "toc") == [
        "1 Introduction 3",
        "2 Water and sanitation 7",
        "Annex 12",
    ]


# ---------------------------------------------------------------------------------------------
# Errors


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    build_simple(path, ["A secret page of text."], encrypt="s3cret")
    with pytest.raises(EncryptedPdfError) as err:
        read_pdf(path)
    assert str(err.value) == "encrypted PDF: a password is required"
    assert err.value.status == "failed"
    with pytest.raises(EncryptedPdfError):
        count_pages(path)


def test_owner_password_only_is_readable(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "owner.pdf"
    build_simple(path, ["Printing is restricted but the text is open."], StandardEncryption(""))
    text = all_text(list(read_pdf(path)))
    assert "Printing is restricted but the text is open." in text


def test_zero_bytes_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyPdfError, match="zero bytes"):
        read_pdf(path)


def test_html_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>Not found</body></html>")
    with pytest.raises(CorruptPdfError) as err:
        read_pdf(path)
    assert str(err.value) == "not a PDF: file starts with '<html'"


def test_truncated_pdf_is_corrupt(tmp_path: Path, report: dict) -> None:
    data = Path(report["path"]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptPdfError) as err:
        list(read_pdf(path))
    assert str(err.value).startswith("corrupt PDF: ")
    assert "\n" not in str(err.value)


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    build_image_only(path, pages=2)
    with pytest.raises(NoTextLayerError) as err:
        read_pdf(path)
    assert str(err.value) == "no text layer: 2 pages are image-only; OCR is not supported"
    assert isinstance(err.value, PdfError)


def test_image_page_beside_text_pages_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(_png_bytes())), 72, 400, width=400, height=200)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "The second page carries a text layer with one sentence.")
    c.save()
    pages = list(read_pdf(path))
    assert [len(p.blocks) for p in pages] == [0, 1]


# ---------------------------------------------------------------------------------------------
# The real-world print of the 2030 Agenda


def test_agenda_targets_are_recovered_intact(agenda_pages: list[Page]) -> None:
    assert len(agenda_pages) == 33
    text = all_text(agenda_pages)
    assert (
        "1.1 By 2030, eradicate extreme poverty for all people everywhere, currently measured "
        "as people living on less than $1.25 a day" in text
    )
    assert "6.1 By 2030, achieve universal and equitable access to safe and affordable" in text
    assert "\ufb01" not in text and "\ufb02" not in text


def test_agenda_paragraph_numbers_and_headings(agenda_pages: list[Page]) -> None:
    blocks = [b for p in agenda_pages for b in p.blocks]
    assert any(b.text.startswith("91. We reaffirm our unwavering commitment") for b in blocks)
    assert any(b.text.startswith("1. We, the Heads of State and Government") for b in blocks)
    headings = {b.text for b in blocks if b.kind == "heading"}
    assert "Goal 1. End poverty in all its forms everywhere" in headings
    assert "Preamble" in headings


def test_agenda_sidebar_does_not_interleave_the_main_text(agenda_pages: list[Page]) -> None:
    page_two = " ".join(b.text for b in agenda_pages[1].blocks)
    assert (
        "We are determined to end poverty and hunger, in all their forms and dimensions, and "
        "to ensure that all human beings can fulfil their potential in dignity" in page_two
    )


def test_agenda_extraction_beats_plain_pdfplumber_on_target_sentences(
    agenda_pages: list[Page],
) -> None:
    import csv

    import pdfplumber

    targets_csv = ROOT / "data" / "reference" / "sdg_targets.csv"
    with targets_csv.open(encoding="utf-8", newline="") as handle:
        targets = [f"{r['target']} {r['title_en']}" for r in csv.DictReader(handle)]
    with pdfplumber.open(AGENDA) as pdf:
        plain = " ".join(page.extract_text() or "" for page in pdf.pages)
    ours = extraction_recall(all_text(agenda_pages), targets)
    theirs = extraction_recall(plain, targets)
    assert ours >= theirs
    assert ours >= 0.9


# ---------------------------------------------------------------------------------------------
# The generated sample corpus (data/sample), when present

SAMPLE = ROOT / "data" / "sample"

# Which block kind must appear on a page that truth/layout.csv marks with a feature.
FEATURE_KINDS = {
    "bullets": "list_item",
    "contents": "toc",
    "footnote": "footnote",
    "table": "table_row",
}


@pytest.fixture(scope="module")
def sample_docs() -> list[tuple[dict[str, str], list[Page]]]:
    import csv

    catalog = SAMPLE / "catalog.csv"
    if not catalog.is_file() or not (SAMPLE / "truth" / "sentences.csv").is_file():
        pytest.skip("sample corpus not generated")
    with catalog.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row, list(read_pdf(SAMPLE / row["file"]))) for row in rows]


def test_sample_corpus_recovers_truth_sentences(sample_docs: list) -> None:
    import csv
    from collections import defaultdict

    truth: dict[str, list[str]] = defaultdict(list)
    with (SAMPLE / "truth" / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[row["doc_id"]].append(row["sentence"])
    found = total = 0
    for row, pages in sample_docs:
        wanted = truth[row["doc_id"]]
        found += round(extraction_recall(all_text(pages), wanted) * len(wanted))
        total += len(wanted)
    assert total > 0
    assert found / total >= 0.95


def test_sample_corpus_layout_features_become_block_kinds(sample_docs: list) -> None:
    import csv

    layout = SAMPLE / "truth" / "layout.csv"
    if not layout.is_file():
        pytest.skip("no layout truth")
    kinds = {
        (row["doc_id"], page.page): {b.kind for b in page.blocks}
        for row, pages in sample_docs
        for page in pages
    }
    checked = 0
    with layout.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            wanted = FEATURE_KINDS.get(row["feature"])
            key = (row["doc_id"], int(row["page"]))
            if wanted and key in kinds:
                assert wanted in kinds[key], (key, row["feature"], kinds[key])
                checked += 1
    assert checked > 0
