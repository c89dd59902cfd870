"""Read and validate the review catalog.

A catalog is a CSV with one row per review PDF. A bad row must never stop the others, so
validation collects every problem of every row instead of raising on the first one.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl
import pycountry

REQUIRED_COLUMNS = (
    "doc_id",
    "review_type",
    "country_iso3",
    "locality",
    "year",
    "language",
    "title",
    "file",
)
OPTIONAL_COLUMNS = ("url", "sha256")
REVIEW_TYPES = ("VLR", "VNR")
FIRST_PLAUSIBLE_YEAR = 2015  # the 2030 Agenda was adopted in September 2015
DOC_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class CatalogError(ValueError):
    """The catalog as a whole cannot be read (missing file, missing columns, not CSV)."""


@dataclass
class CatalogRow:
    """One catalog row after validation; `errors` is empty when the row is usable."""

    row_number: int  # 1-based data row number (the header is row 0)
    doc_id: str
    review_type: str
    country_iso3: str
    locality: str | None
    year: int | None
    language: str
    title: str
    file: str
    url: str | None
    sha256: str | None
    path: Path | None  # resolved file path inside the catalog folder
    file_sha256: str | None = None  # content hash of the local file, when there is one
    errors: list[tuple[str, str]] = field(default_factory=list)  # (field, message)

    @property
    def valid(self) -> bool:
        return not self.errors

    def error_text(self) -> str | None:
        return "; ".join(f"{f}: {m}" for f, m in self.errors) or None


@dataclass
class Catalog:
    path: Path
    sha256: str
    rows: list[CatalogRow]  # one per unique doc_id, in file order
    issues: list[tuple[int, str, str, str]]  # (row_number, doc_id, field, message) not in rows

    def to_frame(self) -> pl.DataFrame:
        return pl.DataFrame(
            [
                {
                    "row_number": r.row_number,
                    "doc_id": r.doc_id,
                    "review_type": r.review_type,
                    "country_iso3": r.country_iso3,
                    "locality": r.locality,
                    "year": r.year,
                    "language": r.language,
                    "title": r.title,
                    "file": r.file,
                    "url": r.url,
                    "sha256": r.sha256,
                    "path": str(r.path) if r.path else None,
                    "file_sha256": r.file_sha256,
                    "valid": r.valid,
                    "errors": r.error_text(),
                    "catalog_path": str(self.path),
                }
                for r in self.rows
            ],
            schema=CATALOG_SCHEMA,
        )

    def issues_frame(self) -> pl.DataFrame:
        records = [
            {"row_number": n, "doc_id": d, "field": f, "message": m, "catalog_path": str(self.path)}
            for n, d, f, m in self.issues
        ]
        for r in self.rows:
            records.extend(
                {
                    "row_number": r.row_number,
                    "doc_id": r.doc_id,
                    "field": f,
                    "message": m,
                    "catalog_path": str(self.path),
                }
                for f, m in r.errors
            )
        return pl.DataFrame(records, schema=ISSUES_SCHEMA).sort("row_number")


CATALOG_SCHEMA = {
    "row_number": pl.Int32,
    "doc_id": pl.String,
    "review_type": pl.String,
    "country_iso3": pl.String,
    "locality": pl.String,
    "year": pl.Int32,
    "language": pl.String,
    "title": pl.String,
    "file": pl.String,
    "url": pl.String,
    "sha256": pl.String,
    "path": pl.String,
    "file_sha256": pl.String,
    "valid": pl.Boolean,
    "errors": pl.String,
    "catalog_path": pl.String,
}
ISSUES_SCHEMA = {
    "row_number": pl.Int32,
    "doc_id": pl.String,
    "field": pl.String,
    "message": pl.String,
    "catalog_path": pl.String,
}


@cache
def _iso3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _iso639_1_codes() -> frozenset[str]:
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def file_sha256_of(path: Path, chunk_size: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """The file's path if it stays inside the catalog's folder, else None (path escape)."""
    base = folder.resolve()
    candidate = (base / relative).resolve()
    if candidate == base or base not in candidate.parents:
        return None
    return candidate


def read_catalog(path: str | Path, *, today: dt.date | None = None) -> Catalog:
    """Read a catalog CSV and validate every row; raises CatalogError only for the whole file."""
    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"catalog not found: {path}")
    raw = path.read_bytes()
    issues: list[tuple[int, str, str, str]] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Spreadsheets still save CSV as Windows-1252/Latin-1. Every byte decodes there, so read
        # it that way rather than lose the whole catalog, and say so (row 0: the file itself).
        text = raw.decode("cp1252", errors="replace")
        issues.append(
            (
                0,
                "",
                "encoding",
                f"catalog is not UTF-8 ({exc.reason} at byte {exc.start}); read as "
                "Windows-1252/Latin-1: check accented names and save it as UTF-8",
            )
        )
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CatalogError(f"catalog {path} lacks columns: {', '.join(missing)}")
    max_year = (today or dt.date.today()).year + 1
    folder = path.parent
    rows: list[CatalogRow] = []
    seen: dict[str, int] = {}
    for number, record in enumerate(reader, start=1):
        record = {(k or "").strip(): (v or "").strip() for k, v in record.items() if k}
        doc_id = record.get("doc_id", "")
        if not doc_id or not DOC_ID_PATTERN.fullmatch(doc_id):
            issues.append(
                (
                    number,
                    doc_id,
                    "doc_id",
                    "missing or invalid doc_id (letters, digits, '.', '_', '-'; at most 128)",
                )
            )
            continue
        if doc_id in seen:
            issues.append(
                (number, doc_id, "doc_id", f"duplicate doc_id: first used on row {seen[doc_id]}")
            )
            continue
        seen[doc_id] = number
        rows.append(_validate_row(number, record, folder, max_year))
    return Catalog(
        path=path.resolve(), sha256=hashlib.sha256(raw).hexdigest(), rows=rows, issues=issues
    )


def _validate_row(number: int, record: dict[str, str], folder: Path, max_year: int) -> CatalogRow:
    errors: list[tuple[str, str]] = []
    review_type = record.get("review_type", "").upper()
    if review_type not in REVIEW_TYPES:
        errors.append(("review_type", f"must be VLR or VNR, got {record.get('review_type')!r}"))
    country = record.get("country_iso3", "").upper()
    if country not in _iso3_codes():
        errors.append(
            ("country_iso3", f"unknown ISO 3166 alpha-3 code {record.get('country_iso3')!r}")
        )
    locality = record.get("locality") or None
    if review_type == "VLR" and not locality:
        errors.append(("locality", "a VLR needs the locality it reviews"))
    if review_type == "VNR" and locality:
        errors.append(("locality", "must be empty for a VNR"))
    year: int | None = None
    try:
        year = int(record.get("year", ""))
        if not FIRST_PLAUSIBLE_YEAR <= year <= max_year:
            errors.append(
                ("year", f"implausible year {year} (expected {FIRST_PLAUSIBLE_YEAR}-{max_year})")
            )
    except ValueError:
        errors.append(("year", f"not a year: {record.get('year')!r}"))
    language = record.get("language", "").lower()
    if language not in _iso639_1_codes():
        errors.append(("language", f"unknown ISO 639-1 language code {record.get('language')!r}"))
    sha256 = (record.get("sha256") or "").lower() or None
    if sha256 and not SHA256_PATTERN.fullmatch(sha256):
        errors.append(("sha256", "not a 64-character hex SHA-256"))
    url = record.get("url") or None
    file = record.get("file", "")
    resolved: Path | None = None
    file_sha256: str | None = None
    if not file and not url:
        errors.append(("file", "no file and no url"))
    elif file:
        resolved = resolve_inside(folder, file)
        if resolved is None:
            errors.append(("file", f"path escapes (is outside) the catalog folder: {file!r}"))
        elif resolved.is_file():
            file_sha256 = file_sha256_of(resolved)
            if sha256 and file_sha256 != sha256:
                errors.append(
                    (
                        "sha256",
                        f"file content {file_sha256[:12]}... differs from catalog {sha256[:12]}...",
                    )
                )
        elif not url:
            errors.append(("file", f"file not found: {file}"))
    return CatalogRow(
        row_number=number,
        doc_id=record["doc_id"],
        review_type=review_type,
        country_iso3=country,
        locality=locality,
        year=year,
        language=language,
        title=record.get("title", ""),
        file=file,
        url=url,
        sha256=sha256,
        path=resolved,
        file_sha256=file_sha256,
        errors=errors,
    )
