"""Tests for models.download against a real HTTP server on 127.0.0.1 (never any other host)."""

from __future__ import annotations

import hashlib
import io
import itertools
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from models.download import (
    DownloadConnectionError,
    DownloadError,
    DownloadTimeoutError,
    HashMismatchError,
    HttpStatusError,
    InvalidUrlError,
    NotPdfError,
    TooLargeError,
    UnsupportedSchemeError,
    _parse_retry_after,
    _stream_body,
    cache_path,
    cached_download,
    download_pdf,
)

TIMEOUT_S = 0.3
# Slow handlers wait at most this long (and are released at teardown), so tests end quickly.
SLOW_HANDLER_MAX_S = 2.0


def _make_pdf() -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(300, 200), invariant=1)
    pdf.drawString(20, 100, "Voluntary Local Review: SDG 11 sustainable cities.")
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


PDF = _make_pdf()
PDF_SHA = hashlib.sha256(PDF).hexdigest()
WRONG_SHA = "0" * 64
HTML = b"<html><head><title>Error</title></head><body>Document moved</body></html>"


class _Server:
    """A ThreadingHTTPServer with one handler per path and a per-path hit counter."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.release = threading.Event()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def count(self, path: str) -> int:
        with self._lock:
            self.hits[path] += 1
            return self.hits[path]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                hit = server.count(self.path)
                route = ROUTES.get(self.path)
                try:
                    if route is None:
                        self.reply(404, b"no such route", "text/plain")
                    else:
                        route(self, server, hit)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on purpose (timeout, size limit, not a PDF)

            def reply(
                self,
                code: int,
                body: bytes,
                content_type: str = "application/pdf",
                headers: dict[str, str] | None = None,
                content_length: int | None = -1,
            ) -> None:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                if content_length == -1:
                    content_length = len(body)
                if content_length is not None:
                    self.send_header("Content-Length", str(content_length))
                self.end_headers()
                self.wfile.write(body)

        return Handler


Route = Callable[[BaseHTTPRequestHandler, _Server, int], None]


def _ok(h, s, hit):
    h.reply(200, PDF)


def _junk_prefix(h, s, hit):
    h.reply(200, b"\r\n\x00junk before header\n" + PDF)


def _late_header(h, s, hit):
    h.reply(200, b" " * 2000 + PDF)


def _html(h, s, hit):
    h.reply(200, HTML, "text/html; charset=utf-8")


def _empty(h, s, hit):
    h.reply(200, b"")


def _big_declared(h, s, hit):
    # Announces 1 GB; the client must refuse before reading the body.
    h.reply(200, PDF[:100], content_length=10**9)


def _big_streamed(h, s, hit):
    # No Content-Length (HTTP/1.0: the body ends when the connection closes).
    h.reply(200, b"", content_length=None)
    h.wfile.write(PDF[:200])
    for _ in range(128):
        h.wfile.write(b"x" * 8192)


def _slow_headers(h, s, hit):
    s.release.wait(SLOW_HANDLER_MAX_S)
    h.reply(200, PDF)


def _slow_body(h, s, hit):
    h.send_response(200)
    h.send_header("Content-Type", "application/pdf")
    h.send_header("Content-Length", str(len(PDF)))
    h.end_headers()
    h.wfile.write(PDF[:20])
    h.wfile.flush()
    s.release.wait(SLOW_HANDLER_MAX_S)
    h.wfile.write(PDF[20:])


def _flaky(h, s, hit):
    if hit == 1:
        h.reply(503, b"try again", "text/plain")
    else:
        h.reply(200, PDF)


def _always_500(h, s, hit):
    h.reply(500, b"boom", "text/plain")


def _rate_limited(h, s, hit):
    if hit == 1:
        h.reply(429, b"slow down", "text/plain", headers={"Retry-After": "7"})
    else:
        h.reply(200, PDF)


def _rate_limited_long(h, s, hit):
    if hit == 1:
        h.reply(429, b"slow down", "text/plain", headers={"Retry-After": "86400"})
    else:
        h.reply(200, PDF)


def _truncated(h, s, hit):
    h.reply(200, PDF, content_length=len(PDF) + 100)


def _redirect(location: str) -> Route:
    def route(h, s, hit):
        h.reply(302, b"", "text/plain", headers={"Location": location})

    return route


ROUTES: dict[str, Route] = {
    "/ok.pdf": _ok,
    "/junk-prefix.pdf": _junk_prefix,
    "/late-header.pdf": _late_header,
    "/page.html": _html,
    "/empty.pdf": _empty,
    "/big-declared.pdf": _big_declared,
    "/big-streamed.pdf": _big_streamed,
    "/slow-headers.pdf": _slow_headers,
    "/slow-body.pdf": _slow_body,
    "/flaky.pdf": _flaky,
    "/500.pdf": _always_500,
    "/429.pdf": _rate_limited,
    "/429-long.pdf": _rate_limited_long,
    "/truncated.pdf": _truncated,
    "/redirect-ok": _redirect("/ok.pdf"),
    "/redirect-ftp": _redirect("ftp://127.0.0.1/ok.pdf"),
    "/redirect-file": _redirect("file:///etc/passwd"),
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    # urllib honours proxy variables; drop them so requests go straight to 127.0.0.1.
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    srv = _Server()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.httpd.shutdown()
        srv.httpd.server_close()
        srv.thread.join(timeout=5)


@pytest.fixture
def sleeps() -> list[float]:
    return []


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _fast(sleeps: list[float], **overrides: object) -> dict[str, object]:
    options: dict[str, object] = {"timeout_s": TIMEOUT_S, "sleep": sleeps.append}
    options.update(overrides)
    return options


# ------------------------------------------------------------------------------------ happy path


def test_valid_pdf_is_downloaded_and_verified(server, tmp_path, sleeps):
    dest = tmp_path / "out" / "doc.pdf"
    result = download_pdf(
        server.url("/ok.pdf"), dest, expected_sha256=PDF_SHA.upper(), **_fast(sleeps)
    )
    assert result.path == dest
    assert result.status == "ok"
    assert result.sha256 == PDF_SHA
    assert result.n_bytes == len(PDF)
    assert result.attempts == 1
    assert result.from_cache is False
    assert dest.read_bytes() == PDF
    assert _names(dest.parent) == ["doc.pdf"]
    assert sleeps == []


def test_without_expected_hash_any_pdf_is_accepted(server, tmp_path, sleeps):
    result = download_pdf(
        server.url("/ok.pdf"), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps)
    )
    assert result.sha256 == PDF_SHA


def test_junk_before_header_within_first_kib_is_accepted(server, tmp_path, sleeps):
    result = download_pdf(
        server.url("/junk-prefix.pdf"), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps)
    )
    assert result.n_bytes > len(PDF)


def test_redirect_to_http_is_followed(server, tmp_path, sleeps):
    result = download_pdf(
        server.url("/redirect-ok"), tmp_path / "a.pdf", expected_sha256=PDF_SHA, **_fast(sleeps)
    )
    assert result.final_url == server.url("/ok.pdf")
    assert server.hits["/ok.pdf"] == 1


def test_existing_dest_is_replaced_on_success(server, tmp_path, sleeps):
    dest = tmp_path / "doc.pdf"
    dest.write_bytes(b"old contents")
    download_pdf(server.url("/ok.pdf"), dest, expected_sha256=PDF_SHA, **_fast(sleeps))
    assert dest.read_bytes() == PDF
    assert _names(tmp_path) == ["doc.pdf"]


# ----------------------------------------------------------------------------- verification


def test_wrong_hash_is_rejected_and_nothing_is_left(server, tmp_path, sleeps):
    dest = tmp_path / "doc.pdf"
    with pytest.raises(HashMismatchError) as info:
        download_pdf(server.url("/ok.pdf"), dest, expected_sha256=WRONG_SHA, **_fast(sleeps))
    message = str(info.value)
    assert message.startswith("sha256 mismatch: expected 000000000000")
    assert PDF_SHA[:12] in message
    assert "\n" not in message
    assert info.value.actual == PDF_SHA
    assert info.value.attempts == 1
    assert server.hits["/ok.pdf"] == 1  # a hash mismatch is not transient: no retry
    assert _names(tmp_path) == []


def test_failure_keeps_previous_dest_untouched(server, tmp_path, sleeps):
    dest = tmp_path / "doc.pdf"
    dest.write_bytes(b"previous verified file")
    with pytest.raises(HashMismatchError):
        download_pdf(server.url("/ok.pdf"), dest, expected_sha256=WRONG_SHA, **_fast(sleeps))
    assert dest.read_bytes() == b"previous verified file"
    assert _names(tmp_path) == ["doc.pdf"]


def test_html_page_is_not_a_pdf(server, tmp_path, sleeps):
    with pytest.raises(NotPdfError) as info:
        download_pdf(
            server.url("/page.html"), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps)
        )
    message = str(info.value)
    assert "<html" in message
    assert "text/html" in message
    assert "\n" not in message
    assert server.hits["/page.html"] == 1
    assert _names(tmp_path) == []


def test_header_after_first_kib_is_not_a_pdf(server, tmp_path, sleeps):
    with pytest.raises(NotPdfError):
        download_pdf(
            server.url("/late-header.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps),
        )
    assert _names(tmp_path) == []


def test_empty_body_is_not_a_pdf(server, tmp_path, sleeps):
    with pytest.raises(NotPdfError, match="empty"):
        download_pdf(
            server.url("/empty.pdf"), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps)
        )
    assert _names(tmp_path) == []


def test_declared_oversize_is_refused_up_front(server, tmp_path, sleeps):
    with pytest.raises(TooLargeError, match="Content-Length 1000000000") as info:
        download_pdf(
            server.url("/big-declared.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, max_bytes=50_000),
        )
    assert info.value.limit == 50_000
    assert server.hits["/big-declared.pdf"] == 1
    assert _names(tmp_path) == []


def test_streamed_oversize_without_content_length_is_cut_off(server, tmp_path, sleeps):
    with pytest.raises(TooLargeError, match="exceeds the limit of 20000 bytes"):
        download_pdf(
            server.url("/big-streamed.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, max_bytes=20_000),
        )
    assert server.hits["/big-streamed.pdf"] == 1
    assert _names(tmp_path) == []


class _CountingReader(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.consumed = 0

    def read(self, n: int | None = -1) -> bytes:
        chunk = super().read(n)
        self.consumed += len(chunk)
        return chunk


def test_streaming_stops_reading_one_byte_past_the_limit():
    reader = _CountingReader(b"%PDF-1.7\n" + b"x" * 1_000_000)
    with pytest.raises(TooLargeError):
        _stream_body(reader, io.BytesIO(), max_bytes=10_000, content_type=None, url="u")
    assert reader.consumed == 10_001


def test_streaming_gives_up_on_html_without_reading_it_all():
    reader = _CountingReader(b"<!DOCTYPE html>\n<html>" + b"<p>x</p>" * 100_000)
    with pytest.raises(NotPdfError, match="<!DOCTYPE html> <html>"):
        _stream_body(reader, io.BytesIO(), max_bytes=10**7, content_type=None, url="u")
    assert reader.consumed <= 64 * 1024


def test_total_timeout_uses_injected_clock(server, tmp_path, sleeps):
    ticks = itertools.count(0.0, 10.0)
    with pytest.raises(DownloadTimeoutError):
        download_pdf(
            server.url("/ok.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, total_timeout_s=5.0, retries=0, clock=lambda: next(ticks)),
        )
    assert _names(tmp_path) == []


# -------------------------------------------------------------------------- timeouts + retries


def test_slow_headers_time_out(server, tmp_path, sleeps):
    with pytest.raises(DownloadTimeoutError) as info:
        download_pdf(
            server.url("/slow-headers.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, retries=0),
        )
    assert info.value.transient
    assert info.value.attempts == 1
    assert sleeps == []
    assert _names(tmp_path) == []


def test_timeouts_are_retried_with_backoff(server, tmp_path, sleeps):
    with pytest.raises(DownloadTimeoutError) as info:
        download_pdf(
            server.url("/slow-body.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, retries=1, backoff_s=0.5),
        )
    assert info.value.attempts == 2
    assert server.hits["/slow-body.pdf"] == 2
    assert len(sleeps) == 1
    assert 0.5 <= sleeps[0] <= 0.55  # base delay plus at most 10 % jitter
    assert _names(tmp_path) == []


def test_503_then_200_succeeds_on_second_attempt(server, tmp_path, sleeps):
    dest = tmp_path / "doc.pdf"
    result = download_pdf(
        server.url("/flaky.pdf"), dest, expected_sha256=PDF_SHA, **_fast(sleeps, backoff_s=1.0)
    )
    assert result.attempts == 2
    assert server.hits["/flaky.pdf"] == 2
    assert len(sleeps) == 1
    assert 1.0 <= sleeps[0] <= 1.1
    assert dest.read_bytes() == PDF
    assert _names(tmp_path) == ["doc.pdf"]


def test_404_is_not_retried(server, tmp_path, sleeps):
    with pytest.raises(HttpStatusError) as info:
        download_pdf(
            server.url("/missing.pdf"), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps)
        )
    assert info.value.http_status == 404
    assert not info.value.transient
    assert info.value.attempts == 1
    assert str(info.value).startswith("HTTP 404")
    assert server.hits["/missing.pdf"] == 1
    assert sleeps == []
    assert _names(tmp_path) == []


def test_persistent_5xx_gives_up_after_retries_with_growing_backoff(server, tmp_path, sleeps):
    with pytest.raises(HttpStatusError) as info:
        download_pdf(
            server.url("/500.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, retries=2, backoff_s=1.0),
        )
    assert info.value.http_status == 500
    assert info.value.attempts == 3
    assert server.hits["/500.pdf"] == 3
    assert len(sleeps) == 2
    assert 1.0 <= sleeps[0] <= 1.1
    assert 2.0 <= sleeps[1] <= 2.2
    assert _names(tmp_path) == []


def test_429_honours_retry_after(server, tmp_path, sleeps):
    result = download_pdf(
        server.url("/429.pdf"), tmp_path / "a.pdf", expected_sha256=PDF_SHA, **_fast(sleeps)
    )
    assert result.attempts == 2
    assert sleeps == [7.0]


def test_429_retry_after_is_capped(server, tmp_path, sleeps):
    result = download_pdf(
        server.url("/429-long.pdf"),
        tmp_path / "a.pdf",
        expected_sha256=PDF_SHA,
        **_fast(sleeps, max_retry_after_s=30.0),
    )
    assert result.attempts == 2
    assert sleeps == [30.0]


def test_truncated_body_is_a_transient_connection_error(server, tmp_path, sleeps):
    with pytest.raises(DownloadConnectionError, match="connection closed after") as info:
        download_pdf(
            server.url("/truncated.pdf"),
            tmp_path / "a.pdf",
            expected_sha256=None,
            **_fast(sleeps, retries=1),
        )
    assert info.value.attempts == 2
    assert server.hits["/truncated.pdf"] == 2
    assert _names(tmp_path) == []


def test_retry_after_parsing():
    assert _parse_retry_after("120") == 120.0
    assert _parse_retry_after("soon") is None
    assert _parse_retry_after(None) is None
    assert _parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    future = format_datetime(datetime.now(UTC) + timedelta(seconds=600), usegmt=True)
    parsed = _parse_retry_after(future)
    assert parsed is not None and 500 < parsed <= 600


# ------------------------------------------------------------------------------ URL safety


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/doc.pdf", "data:application/pdf,%25PDF-1.4", "x.pdf"],
)
def test_non_http_schemes_are_refused(url, tmp_path, sleeps):
    dest = tmp_path / "sub" / "a.pdf"
    with pytest.raises(UnsupportedSchemeError, match="only http and https"):
        download_pdf(url, dest, expected_sha256=None, **_fast(sleeps))
    assert not dest.parent.exists()


def test_url_without_host_is_refused(tmp_path, sleeps):
    with pytest.raises(InvalidUrlError, match="no host"):
        download_pdf("http:///doc.pdf", tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps))


@pytest.mark.parametrize("path", ["/redirect-ftp", "/redirect-file"])
def test_redirects_to_other_schemes_are_refused(path, server, tmp_path, sleeps):
    with pytest.raises(UnsupportedSchemeError, match="redirect target") as info:
        download_pdf(server.url(path), tmp_path / "a.pdf", expected_sha256=None, **_fast(sleeps))
    assert info.value.attempts == 1
    assert _names(tmp_path) == []


def test_malformed_expected_hash_is_a_value_error(server, tmp_path, sleeps):
    with pytest.raises(ValueError, match="SHA-256"):
        download_pdf(
            server.url("/ok.pdf"), tmp_path / "a.pdf", expected_sha256="abc", **_fast(sleeps)
        )
    assert server.hits["/ok.pdf"] == 0


def test_errors_share_a_base_class_with_failed_status():
    for cls in (HashMismatchError, TooLargeError, NotPdfError, DownloadTimeoutError):
        assert issubclass(cls, DownloadError)
    assert DownloadError("x").status == "failed"


# ----------------------------------------------------------------------------------- caching


def test_cached_download_skips_network_when_verified_file_exists(server, tmp_path, sleeps):
    cache = tmp_path / "cache"
    first = cached_download(server.url("/ok.pdf"), cache, PDF_SHA, **_fast(sleeps))
    assert first.path == cache / f"{PDF_SHA}.pdf"
    assert first.attempts == 1 and not first.from_cache
    second = cached_download(server.url("/ok.pdf"), cache, PDF_SHA, **_fast(sleeps))
    assert second.path == first.path
    assert second.attempts == 0 and second.from_cache
    assert second.n_bytes == len(PDF)
    assert server.hits["/ok.pdf"] == 1
    assert _names(cache) == [f"{PDF_SHA}.pdf"]


def test_cached_download_without_hash_stores_under_content_hash(server, tmp_path, sleeps):
    cache = tmp_path / "cache"
    result = cached_download(server.url("/redirect-ok"), cache, None, **_fast(sleeps))
    assert result.sha256 == PDF_SHA
    assert result.path == cache_path(cache, PDF_SHA)
    assert result.path.read_bytes() == PDF
    assert _names(cache) == [f"{PDF_SHA}.pdf"]


def test_cached_download_replaces_corrupt_cache_entry(server, tmp_path, sleeps):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache_path(cache, PDF_SHA).write_bytes(b"%PDF-1.4 bit rot")
    result = cached_download(server.url("/ok.pdf"), cache, PDF_SHA, **_fast(sleeps))
    assert result.attempts == 1 and not result.from_cache
    assert result.path.read_bytes() == PDF
    assert server.hits["/ok.pdf"] == 1


def test_cached_download_with_wrong_hash_leaves_cache_empty(server, tmp_path, sleeps):
    cache = tmp_path / "cache"
    with pytest.raises(HashMismatchError):
        cached_download(server.url("/ok.pdf"), cache, WRONG_SHA, **_fast(sleeps))
    assert _names(cache) == []


def test_cached_download_failure_without_hash_leaves_cache_empty(server, tmp_path, sleeps):
    cache = tmp_path / "cache"
    with pytest.raises(NotPdfError):
        cached_download(server.url("/page.html"), cache, None, **_fast(sleeps))
    assert _names(cache) == []
