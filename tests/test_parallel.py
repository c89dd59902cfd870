"""PDFs read in worker processes give the same results, in the same order, as a serial read."""

from pathlib import Path

import pytest

from models.documents import ingest_pdf
from models.parallel import MIN_PARALLEL_JOBS, default_workers, ingest_many

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture(scope="module")
def jobs() -> list[tuple[str, Path]]:
    pdfs = sorted(SAMPLE.rglob("*.pdf"))  # bad/ first: corrupt, empty, encrypted, good ones
    assert len(pdfs) >= MIN_PARALLEL_JOBS
    # A missing file in the middle must come back as its own failure, in its place.
    items = [(p.stem, p) for p in pdfs[:5]]
    items.insert(2, ("missing", SAMPLE / "no-such-file.pdf"))
    return items


def test_parallel_matches_serial_in_order(jobs):
    parallel = list(ingest_many(jobs, workers=2, window=2))
    assert [k for k, _ in parallel] == [k for k, _ in jobs]
    for (key, path), (_, result) in zip(jobs, parallel, strict=True):
        expected = ingest_pdf(path)
        assert result.status == expected.status, key
        assert result.error == expected.error, key
        assert [p.blocks for p in result.pages] == [p.blocks for p in expected.pages], key
    statuses = {k: r.status for k, r in parallel}
    assert statuses["missing"] == "failed"
    assert "ok" in statuses.values()


def test_few_jobs_run_inline(jobs):
    # Under the threshold no pool is started; results are still complete and ordered.
    few = jobs[: MIN_PARALLEL_JOBS - 1]
    assert [k for k, _ in ingest_many(few, workers=2)] == [k for k, _ in few]


def test_workers_from_environment(monkeypatch):
    monkeypatch.setenv("VLRLINK_WORKERS", "3")
    assert default_workers() == 3
    monkeypatch.delenv("VLRLINK_WORKERS")
    assert default_workers() >= 1
