"""Tiny PDFs for the hostile-input and crash tests, built at test time in milliseconds.

Most are drawn with reportlab; the few that need exact bytes (a 10000x10000 image, fonts with
MacRoman and WinAnsi encodings) are written object by object with a correct xref table.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from reportlab.pdfgen import canvas


def text_pdf(path: Path, lines: list[str], *, pages: int = 1, size=(595, 842)) -> Path:
    """A PDF whose every page holds `lines` (each prefixed by nothing; one line per row)."""
    c = canvas.Canvas(str(path), pagesize=size, invariant=1, pageCompression=1)
    for _ in range(pages):
        c.setFont("Helvetica", 11)
        y = size[1] - 72
        for line in lines:
            c.drawString(56, y, line)
            y -= 15
        c.showPage()
    c.save()
    return path


def many_pages_pdf(path: Path, n_pages: int) -> Path:
    """`n_pages` tiny pages with one short line each: a big page count in a small file."""
    c = canvas.Canvas(str(path), pagesize=(144, 72), invariant=1, pageCompression=1)
    for i in range(1, n_pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(8, 40, f"Annex line {i}.")
        c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    c = canvas.Canvas(
        str(path),
        invariant=1,
        encrypt=StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128),
    )
    c.drawString(72, 720, "A review that needs a password to open.")
    c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scan': a picture of text and no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "Scanned page: clean water for all", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    c = canvas.Canvas(str(path), invariant=1)
    c.drawImage(ImageReader(buffer), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    return path


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /%s >>"


def _build(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _stream(entries: bytes, data: bytes) -> bytes:
    return (
        b"<< "
        + entries
        + b" /Length "
        + str(len(data)).encode()
        + b" >>\nstream\n"
        + data
        + (b"\nendstream")
    )


def _zeros_deflated(n_bytes: int) -> bytes:
    squeeze = zlib.compressobj(1)
    chunk = bytes(1 << 20)
    parts = []
    left = n_bytes
    while left > 0:
        parts.append(squeeze.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(squeeze.flush())
    return b"".join(parts)


def huge_image_pdf(path: Path, *, text: str | None, side: int = 10_000) -> Path:
    """One page covered by a side x side 8-bit grey image (100 MB decoded, ~100 KB stored)."""
    image = _zeros_deflated(side * side)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    if text is not None:
        content += b" BT /F1 12 Tf 72 760 Td (" + text.encode("latin-1") + b") Tj ET"
    path.write_bytes(
        _build(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                b"<< /XObject << /Im1 4 0 R >> /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
                _stream(
                    f"/Type /XObject /Subtype /Image /Width {side} /Height {side} "
                    "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode".encode(),
                    image,
                ),
                _FONT % (b"Helvetica", b"WinAnsiEncoding"),
                _stream(b"", content),
            ]
        )
    )
    return path


# MacRoman bytes: 0x8e e-acute, 0x8b a-tilde, 0x9f u-umlaut, 0x96 n-tilde.
# WinAnsi bytes: 0x80 euro, 0x93/0x94 curly quotes, 0xef i-diaeresis, 0x9c oe.
ODD_MAC = b"Caf\x8e in S\x8bo Tom\x8e and Z\x9frich, Espa\x96a: water for every household."
ODD_WIN = b"Budget \x80 5 million, \x93safely managed\x94 sanitation, na\xefve \x9cuvre."
ODD_EXPECTED = ("Café in São Tomé and Zürich, España", "Budget € 5 million", "“safely managed”")


def odd_encodings_pdf(path: Path) -> Path:
    """Text in two single-byte encodings (MacRoman, WinAnsi) with bytes above 127."""
    content = (
        b"BT /F1 12 Tf 72 760 Td (" + ODD_MAC + b") Tj 0 -20 Td /F2 12 Tf (" + ODD_WIN + b") Tj ET"
    )
    path.write_bytes(
        _build(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                b"<< /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
                _FONT % (b"Helvetica", b"MacRomanEncoding"),
                _FONT % (b"Times-Roman", b"WinAnsiEncoding"),
                _stream(b"", content),
            ]
        )
    )
    return path


def truncated_pdf(path: Path, source: Path, keep: float = 0.4) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path
