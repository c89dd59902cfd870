"""Turn one catalog row into a document status and its pages.

Every failure mode ends as a status and a one-line error, never an exception, so that one bad
PDF cannot stop a run over hundreds of others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from models.pdf import Block, Page, PdfError, count_pages, read_pdf

# A review longer than this is almost surely a compilation or a scan; refuse it clearly
# rather than spend an hour on it. Configurable per call.
DEFAULT_MAX_PAGES = 3000
DEFAULT_MAX_BYTES = 300 * 2**20


@dataclass
class IngestResult:
    status: str  # ok | failed | duplicate
    error: str | None = None
    n_pages: int | None = None
    n_bytes: int | None = None
    pages: list[Page] = field(default_factory=list)


def ingest_pdf(
    path: Path,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestResult:
    """Read a PDF's pages, or say in one line why it cannot be read."""
    if not path.is_file():
        return IngestResult("failed", f"file not found: {path.name}")
    n_bytes = path.stat().st_size
    if n_bytes > max_bytes:
        return IngestResult(
            "failed", f"file too large: {n_bytes} bytes (limit {max_bytes})", n_bytes=n_bytes
        )
    try:
        # Refused whole rather than silently cut to its first `max_pages` pages.
        n_total = count_pages(path)
        if n_total > max_pages:
            return IngestResult(
                "failed",
                f"too many pages: {n_total} (limit {max_pages}); a compilation or a scan?",
                n_bytes=n_bytes,
            )
        pages = list(read_pdf(path, max_pages=max_pages))
    except PdfError as exc:
        return IngestResult("failed", str(exc), n_bytes=n_bytes)
    except Exception as exc:  # a parser bug on a hostile file must not stop the run
        return IngestResult(
            "failed", f"unreadable PDF ({type(exc).__name__}: {_one_line(exc)})", n_bytes=n_bytes
        )
    if not pages:
        return IngestResult("failed", "empty PDF: no pages", n_bytes=n_bytes)
    return IngestResult("ok", None, n_pages=len(pages), n_bytes=n_bytes, pages=pages)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def page_to_json(page: Page) -> str:
    return json.dumps([{"kind": b.kind, "text": b.text} for b in page.blocks], ensure_ascii=False)


def page_from_json(page: int, blocks_json: str) -> Page:
    return Page(
        page=page, blocks=[Block(kind=b["kind"], text=b["text"]) for b in json.loads(blocks_json)]
    )
