"""Verified PDF downloads for catalog rows that carry a ``url`` (and ideally a ``sha256``).

Review PDFs come from government and UN sites that are slow, flaky, sometimes answer with an HTML
error page and a 200, and occasionally swap a file behind the same URL. The pipeline must never
ingest any of that as if it were the catalogued document, so every download here is checked
before it becomes visible:

* only ``http``/``https`` URLs (also after redirects), so a catalog row cannot read local files;
* a hard size cap, enforced from ``Content-Length`` up front and again while streaming;
* the body must carry a ``%PDF-`` header within its first 1024 bytes (the PDF spec's allowance);
* the SHA-256 must match the catalog's value when one is given;
* the bytes stream into a temporary file in the destination folder and are renamed onto ``dest``
  atomically only after every check passed, so ``dest`` is either absent, the previous file, or
  the complete verified file -- never a partial one.

Transient failures (timeouts, dropped connections, 5xx, 408, 429) are retried with exponential
backoff plus a little jitter; ``Retry-After`` is honoured up to a cap. ``sleep`` and ``clock`` are
injectable so tests never wait for real backoff.

Only the standard library is used (``urllib``), so this module works in any environment the rest
of ``models/`` runs in. It never imports dagster.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import os
import random
import re
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

__all__ = [
    "DEFAULT_USER_AGENT",
    "DownloadConnectionError",
    "DownloadError",
    "DownloadResult",
    "DownloadTimeoutError",
    "HashMismatchError",
    "HttpStatusError",
    "InvalidUrlError",
    "NotPdfError",
    "TooLargeError",
    "UnsupportedSchemeError",
    "cache_path",
    "cached_download",
    "download_pdf",
    "sha256_file",
]

DEFAULT_USER_AGENT = "vlrlink/0.1 (SDG review PDF downloader; python-urllib)"
DEFAULT_MAX_BYTES = 200 * 2**20

_ALLOWED_SCHEMES = frozenset({"http", "https"})
_PDF_MAGIC = b"%PDF-"
# The PDF spec (and Acrobat) accept junk before the header as long as it starts in the first KiB.
_PDF_HEADER_WINDOW = 1024
_CHUNK = 64 * 1024
_MAX_BACKOFF_S = 60.0
_JITTER_FRACTION = 0.1
_RETRYABLE_STATUS = frozenset({408, 429})
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


# --------------------------------------------------------------------------------------- errors


class DownloadError(Exception):
    """Base class; ``str(e)`` is a one-line reason, ``.status`` is ``"failed"``.

    ``transient`` says whether retrying could help; ``attempts`` is filled in with the number of
    attempts made once the downloader gives up, so callers can record it.
    """

    status = "failed"
    transient = False

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(_one_line(message))
        self.url = url
        self.attempts = 0


class InvalidUrlError(DownloadError):
    """The URL is malformed (no host, unparsable)."""


class UnsupportedSchemeError(InvalidUrlError):
    """The URL (or a redirect target) is not http/https, e.g. ``file:`` or ``ftp:``."""


class HashMismatchError(DownloadError):
    """The downloaded bytes do not hash to the catalogued SHA-256."""

    def __init__(self, expected: str, actual: str, *, url: str | None = None) -> None:
        super().__init__(f"sha256 mismatch: expected {expected[:12]}…, got {actual[:12]}…", url=url)
        self.expected = expected
        self.actual = actual


class TooLargeError(DownloadError):
    """The body exceeds ``max_bytes`` (declared via Content-Length or seen while streaming)."""

    def __init__(self, message: str, *, limit: int, url: str | None = None) -> None:
        super().__init__(message, url=url)
        self.limit = limit


class NotPdfError(DownloadError):
    """The body has no ``%PDF-`` header in its first 1024 bytes (typically an HTML page)."""

    def __init__(self, message: str, *, head: bytes = b"", url: str | None = None) -> None:
        super().__init__(message, url=url)
        self.head = head


class DownloadTimeoutError(DownloadError):
    """Connecting or reading took longer than ``timeout_s`` (or ``total_timeout_s`` overall)."""

    transient = True


class DownloadConnectionError(DownloadError):
    """The connection failed or was cut short; transient unless it is a TLS verification error."""

    transient = True

    def __init__(self, message: str, *, url: str | None = None, transient: bool = True) -> None:
        super().__init__(message, url=url)
        self.transient = transient


class HttpStatusError(DownloadError):
    """A non-2xx answer. 5xx, 408 and 429 are transient; other 4xx (and 3xx left over) are not."""

    def __init__(
        self,
        http_status: int,
        reason: str,
        *,
        url: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(f"HTTP {http_status} {reason}".rstrip() + f" for {url}", url=url)
        self.http_status = http_status
        self.retry_after_s = retry_after_s
        self.transient = http_status >= 500 or http_status in _RETRYABLE_STATUS


# --------------------------------------------------------------------------------------- result


@dataclass(frozen=True)
class DownloadResult:
    """A verified PDF on disk.

    ``attempts`` is 0 when ``cached_download`` served the file without touching the network.
    ``final_url`` is the URL after redirects (None for cache hits).
    """

    path: Path
    sha256: str
    n_bytes: int
    attempts: int
    status: str = "ok"
    from_cache: bool = False
    final_url: str | None = None


# ------------------------------------------------------------------------------------ public API


def download_pdf(
    url: str,
    dest: Path,
    *,
    expected_sha256: str | None,
    timeout_s: float = 30,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = 3,
    backoff_s: float = 1.0,
    user_agent: str = DEFAULT_USER_AGENT,
    max_retry_after_s: float = 60.0,
    total_timeout_s: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> DownloadResult:
    """Download ``url`` to ``dest`` and return it only once it is verified.

    ``expected_sha256`` is required-by-keyword on purpose: passing ``None`` is an explicit choice
    to trust whatever PDF the server sends. ``timeout_s`` bounds connecting and each socket read;
    ``total_timeout_s`` (optional) bounds one attempt's wall time, so a server trickling bytes
    cannot hold a worker forever. ``retries`` counts retries after the first attempt (so at most
    ``retries + 1`` requests). The delay before retry *n* is ``backoff_s * 2**(n-1)`` plus up to
    10 % jitter (capped at 60 s), or the server's ``Retry-After`` capped at ``max_retry_after_s``.

    Raises a ``DownloadError`` subclass; on any failure ``dest`` is left exactly as it was.
    """
    dest = Path(dest)
    fetched = _download_to_temp(
        url,
        dest.parent,
        temp_prefix=f".{dest.name}.",
        expected_sha256=expected_sha256,
        timeout_s=timeout_s,
        max_bytes=max_bytes,
        retries=retries,
        backoff_s=backoff_s,
        user_agent=user_agent,
        max_retry_after_s=max_retry_after_s,
        total_timeout_s=total_timeout_s,
        sleep=sleep,
        clock=clock,
    )
    _commit(fetched.tmp, dest)
    return DownloadResult(
        path=dest,
        sha256=fetched.sha256,
        n_bytes=fetched.n_bytes,
        attempts=fetched.attempts,
        final_url=fetched.final_url,
    )


def cached_download(
    url: str,
    cache_dir: Path,
    expected_sha256: str | None = None,
    **options: Any,
) -> DownloadResult:
    """Content-addressed download: the file lives at ``cache_dir/<sha256>.pdf``.

    With ``expected_sha256`` and a cached file whose bytes still hash to it, the network is not
    touched (``attempts == 0``, ``from_cache=True``); a cached file that no longer matches (disk
    corruption, manual edits) is discarded and fetched again. Without a hash the file is always
    fetched, verified as a PDF, and stored under the hash of what arrived. The URL is not part of
    the key: identical bytes from two URLs share one file. ``options`` go to ``download_pdf``.
    """
    _check_url(url)
    cache_dir = Path(cache_dir)
    if expected_sha256 is not None:
        expected = _normalise_sha256(expected_sha256)
        target = cache_path(cache_dir, expected)
        if target.is_file():
            digest, n_bytes = sha256_file(target)
            if digest == expected:
                return DownloadResult(
                    path=target, sha256=digest, n_bytes=n_bytes, attempts=0, from_cache=True
                )
            target.unlink(missing_ok=True)
        return download_pdf(url, target, expected_sha256=expected, **options)

    fetched = _download_to_temp(
        url, cache_dir, temp_prefix=".incoming.", expected_sha256=None, **options
    )
    target = cache_path(cache_dir, fetched.sha256)
    _commit(fetched.tmp, target)
    return DownloadResult(
        path=target,
        sha256=fetched.sha256,
        n_bytes=fetched.n_bytes,
        attempts=fetched.attempts,
        final_url=fetched.final_url,
    )


def cache_path(cache_dir: Path, sha256: str) -> Path:
    """Where ``cached_download`` keeps the file with this hash."""
    return Path(cache_dir) / f"{_normalise_sha256(sha256)}.pdf"


def sha256_file(path: Path) -> tuple[str, int]:
    """Return ``(hex sha256, size in bytes)`` of a file, reading it in chunks."""
    digest = hashlib.sha256()
    n_bytes = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            n_bytes += len(chunk)
    return digest.hexdigest(), n_bytes


# ------------------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Fetched:
    tmp: Path
    sha256: str
    n_bytes: int
    attempts: int
    final_url: str


def _download_to_temp(
    url: str,
    folder: Path,
    *,
    temp_prefix: str,
    expected_sha256: str | None,
    timeout_s: float = 30,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = 3,
    backoff_s: float = 1.0,
    user_agent: str = DEFAULT_USER_AGENT,
    max_retry_after_s: float = 60.0,
    total_timeout_s: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> _Fetched:
    """Retry loop around one verified attempt; returns a temp file the caller must rename."""
    _check_url(url)
    expected = _normalise_sha256(expected_sha256) if expected_sha256 is not None else None
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    if retries < 0:
        raise ValueError(f"retries must be >= 0, got {retries}")
    folder.mkdir(parents=True, exist_ok=True)

    attempt = 0
    while True:
        attempt += 1
        try:
            tmp, digest, n_bytes, final_url = _attempt(
                url,
                folder,
                temp_prefix=temp_prefix,
                expected_sha256=expected,
                timeout_s=timeout_s,
                max_bytes=max_bytes,
                user_agent=user_agent,
                deadline=None if total_timeout_s is None else clock() + total_timeout_s,
                clock=clock,
            )
        except DownloadError as exc:
            exc.attempts = attempt
            if not exc.transient or attempt > retries:
                raise
            sleep(_retry_delay(exc, attempt, backoff_s, max_retry_after_s))
            continue
        return _Fetched(tmp, digest, n_bytes, attempt, final_url)


def _attempt(
    url: str,
    folder: Path,
    *,
    temp_prefix: str,
    expected_sha256: str | None,
    timeout_s: float,
    max_bytes: int,
    user_agent: str,
    deadline: float | None,
    clock: Callable[[], float],
) -> tuple[Path, str, int, str]:
    """One request: stream into a fresh temp file, verify, and return it (or delete it)."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": user_agent,
            "Accept": "application/pdf, */*;q=0.1",
            # Compressed bodies would fail the %PDF- check and the hash; ask for raw bytes.
            "Accept-Encoding": "identity",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirectHandler())
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=temp_prefix, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, _open(opener, request, url, timeout_s) as response:
            final_url = response.geturl() or url
            declared = _content_length(response)
            if declared is not None and declared > max_bytes:
                raise TooLargeError(
                    f"Content-Length {declared} exceeds the limit of {max_bytes} bytes",
                    limit=max_bytes,
                    url=url,
                )
            digest, n_bytes = _stream_body(
                response,
                out,
                max_bytes=max_bytes,
                content_type=response.headers.get("Content-Type"),
                url=url,
                deadline=deadline,
                clock=clock,
            )
            if declared is not None and n_bytes != declared:
                raise DownloadConnectionError(
                    f"connection closed after {n_bytes} of {declared} bytes", url=url
                )
            if expected_sha256 is not None and digest != expected_sha256:
                raise HashMismatchError(expected_sha256, digest, url=url)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, digest, n_bytes, final_url


def _open(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, url: str, timeout: float
) -> http.client.HTTPResponse:
    """``opener.open`` with every urllib/socket failure translated into a ``DownloadError``."""
    try:
        return opener.open(request, timeout=timeout)
    except DownloadError:
        raise
    except urllib.error.HTTPError as exc:
        retry_after = _parse_retry_after(exc.headers.get("Retry-After") if exc.headers else None)
        exc.close()
        raise HttpStatusError(
            exc.code, str(exc.reason or ""), url=url, retry_after_s=retry_after
        ) from None
    except urllib.error.URLError as exc:
        raise _network_error(exc.reason, url, timeout) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(exc, url, timeout) from None


def _stream_body(
    response: IO[bytes],
    out: IO[bytes],
    *,
    max_bytes: int,
    content_type: str | None,
    url: str,
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> tuple[str, int]:
    """Copy ``response`` to ``out``; return ``(sha256, n_bytes)``.

    Never asks the response for more than ``max_bytes + 1`` bytes in total, so an oversized body
    is abandoned the moment it crosses the limit. Fails fast on a non-PDF head instead of pulling
    a whole HTML page.
    """
    digest = hashlib.sha256()
    n_bytes = 0
    head = bytearray()
    header_found = False
    while True:
        if deadline is not None and clock() > deadline:
            raise DownloadTimeoutError(f"download took longer than allowed for {url}", url=url)
        chunk = _read(response, min(_CHUNK, max_bytes + 1 - n_bytes), url)
        if not chunk:
            break
        n_bytes += len(chunk)
        if n_bytes > max_bytes:
            raise TooLargeError(
                f"body exceeds the limit of {max_bytes} bytes", limit=max_bytes, url=url
            )
        if not header_found:
            head += chunk
            header_found = _check_pdf_head(head, final=False, content_type=content_type, url=url)
        digest.update(chunk)
        out.write(chunk)
    if not header_found:
        _check_pdf_head(head, final=True, content_type=content_type, url=url)
    return digest.hexdigest(), n_bytes


def _check_pdf_head(head: bytearray, *, final: bool, content_type: str | None, url: str) -> bool:
    """True once ``%PDF-`` is seen starting within the first 1024 bytes; raise once it cannot be."""
    index = head.find(_PDF_MAGIC, 0, _PDF_HEADER_WINDOW + len(_PDF_MAGIC) - 1)
    if index != -1:
        return True
    if not final and len(head) < _PDF_HEADER_WINDOW + len(_PDF_MAGIC) - 1:
        return False
    if not head:
        message = "not a PDF: empty response body"
    else:
        preview = re.sub(r"\s+", " ", bytes(head[:40]).decode("utf-8", "replace")).strip()
        message = f"not a PDF: content starts with {preview!r}"
    if content_type:
        message += f" (Content-Type: {content_type})"
    raise NotPdfError(message, head=bytes(head[:_PDF_HEADER_WINDOW]), url=url)


def _read(response: IO[bytes], n: int, url: str) -> bytes:
    try:
        return response.read(n)
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(exc, url, None) from None


def _network_error(reason: object, url: str, timeout: float | None) -> DownloadError:
    if isinstance(reason, TimeoutError):
        after = f" after {timeout:g}s" if timeout is not None else ""
        return DownloadTimeoutError(f"timed out{after} for {url}", url=url)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return DownloadConnectionError(
            f"TLS certificate verification failed for {url}: {reason}", url=url, transient=False
        )
    name = type(reason).__name__ if isinstance(reason, BaseException) else "error"
    return DownloadConnectionError(f"connection failed for {url}: {name}: {reason}", url=url)


class _HttpOnlyRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http/https (urllib alone would also follow ``ftp:``)."""

    def http_error_302(self, req, fp, code, msg, headers):  # signature fixed by urllib
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location)
            try:
                _check_url(target, what="redirect target")
            except DownloadError:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_url(url: str, *, what: str = "URL") -> None:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as exc:
        raise InvalidUrlError(f"invalid {what} {url!r}: {exc}", url=url) from None
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES:
        shown = scheme or "(none)"
        raise UnsupportedSchemeError(
            f"unsupported {what} scheme {shown!r} (only http and https are allowed): {url}",
            url=url,
        )
    if not parts.hostname:
        raise InvalidUrlError(f"invalid {what} {url!r}: no host", url=url)


def _commit(tmp: Path, dest: Path) -> None:
    """Atomically move a verified temp file onto ``dest`` (same folder, so same filesystem)."""
    try:
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _content_length(response: http.client.HTTPResponse) -> int | None:
    raw = response.headers.get("Content-Length")
    if raw is None:
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        return None
    return value if value >= 0 else None


def _parse_retry_after(raw: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date; anything else is ignored."""
    if not raw:
        return None
    raw = raw.strip()
    if raw.isdigit():
        return float(raw)
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _retry_delay(
    exc: DownloadError, attempt: int, backoff_s: float, max_retry_after_s: float
) -> float:
    retry_after = getattr(exc, "retry_after_s", None)
    if retry_after is not None:
        return min(retry_after, max_retry_after_s)
    base = min(backoff_s * 2 ** (attempt - 1), _MAX_BACKOFF_S)
    return base + random.uniform(0.0, _JITTER_FRACTION * base)


def _normalise_sha256(value: str) -> str:
    normalised = value.strip().lower()
    if not _SHA256_RE.match(normalised):
        raise ValueError(f"not a hex SHA-256 digest: {value!r}")
    return normalised


def _one_line(message: str) -> str:
    return " ".join(message.split())
