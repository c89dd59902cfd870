"""SDG tagging speed: our tagger against a bare keyword baseline on the same passages.

The baseline is the simplest tagger anyone would write first: one case-insensitive regular
expression per goal, the content words of the goal's official title (from data/reference/),
matched anywhere in the text. It does none of our work (normalisation, stemming, term weights,
blockers, negation, target similarity, calibration), so the ratio says what that work costs.
The issue's goal is absolute: at least 200 passages per second on this machine.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from benchmarks.common import best_of

TAGGING_GOAL_PER_S = 200.0
_STOP = {"and", "for", "all", "the", "of", "to", "in", "at", "its", "by", "with", "ensure"}


def passage_texts(n: int, warehouse: Path | None) -> list[tuple[str, str]]:
    """(text, language) of real passages: all passages of the e2e warehouse, else the sample
    PDFs, repeated up to n."""
    rows: list[tuple[str, str]] = []
    if warehouse is not None and warehouse.is_file():
        import duckdb

        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            rows = con.execute(
                "SELECT p.text, d.language FROM passages p JOIN documents d USING (doc_id) "
                "ORDER BY p.passage_id LIMIT ?",
                [n],
            ).fetchall()
        finally:
            con.close()
    if not rows:
        from benchmarks.suite import SAMPLE, sample_catalog_rows
        from models.passages import split_passages
        from models.pdf import read_pdf

        for row in sample_catalog_rows():
            path = SAMPLE / row["file"]
            if path.is_file():
                found = split_passages(read_pdf(path), row["language"])
                rows += [(p.text, row["language"]) for p in found]
            if len(rows) >= n:
                break
    if not rows:
        raise RuntimeError("no passage texts to tag")
    return (rows * (n // len(rows) + 1))[:n]


def keyword_baseline() -> list[re.Pattern[str]]:
    """One regex per goal from the content words of its official English title."""
    from models.reference import goals

    patterns = []
    for goal in goals():
        words = {w for w in re.findall(r"[a-z]{3,}", goal.title.lower()) if w not in _STOP}
        patterns.append(re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b", re.IGNORECASE))
    return patterns


def bench_tagging(n: int, warehouse: Path | None, repeats: int = 3) -> dict:
    """Passages per second of SdgTagger.tag (grouped by language, as the pipeline calls it)
    and of the keyword baseline, best of `repeats`."""
    from models.sdg_tagging import SdgTagger

    rows = passage_texts(n, warehouse)
    by_language: dict[str, list[str]] = {}
    for text, language in rows:
        by_language.setdefault(language, []).append(text)
    started = time.perf_counter()
    tagger = SdgTagger()
    tagger.tag(["Access to safe drinking water."], language="en")  # builds lazily cached parts
    build_s = time.perf_counter() - started
    tagged = 0

    def ours() -> None:
        nonlocal tagged
        tagged = 0
        for language, texts in by_language.items():
            tagged += sum(bool(tags) for tags in tagger.tag(texts, language=language))

    patterns = keyword_baseline()

    def baseline() -> None:
        for text, _ in rows:
            [p.search(text) is not None for p in patterns]

    ours_s = best_of(ours, repeats)
    base_s = best_of(baseline, repeats)
    return {
        "passages": len(rows),
        "languages": {k: len(v) for k, v in by_language.items()},
        "tagger_build_s": round(build_s, 2),
        "tagged_share": round(tagged / len(rows), 3),
        "ours_passages_per_s": round(len(rows) / ours_s, 1),
        "keyword_baseline_passages_per_s": round(len(rows) / base_s, 1),
        "ours_over_baseline_time": round(ours_s / base_s, 1),
        "goal_passages_per_s": TAGGING_GOAL_PER_S,
    }
