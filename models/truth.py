"""Match the sample corpus's ground truth (quotes) to extracted passages.

The truth files name sentences, not passage ids, so that they stay valid whatever the passage
boundaries are; this module finds the passage that holds each quoted sentence.
"""

from __future__ import annotations

import unicodedata

import polars as pl


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).lower()


class PassageFinder:
    """Find the passage of a document that contains a quoted sentence."""

    def __init__(self, passages: pl.DataFrame):
        self._by_doc: dict[str, list[tuple[str, str]]] = {}
        for pid, doc, text in passages.select("passage_id", "doc_id", "text").iter_rows():
            self._by_doc.setdefault(doc, []).append((pid, normalise(text)))

    def find(self, doc_id: str, quote: str) -> str | None:
        needle = normalise(quote)
        candidates = self._by_doc.get(doc_id, [])
        for pid, text in candidates:
            if needle in text:
                return pid
        # A sentence split across two passages: match its first eight words.
        head = " ".join(needle.split()[:8])
        for pid, text in candidates:
            if head in text:
                return pid
        return None


def locate_links(truth: pl.DataFrame, passages: pl.DataFrame) -> pl.DataFrame:
    """truth/links.csv with the passage ids of both quotes (null where not found)."""
    finder = PassageFinder(passages)
    return truth.with_columns(
        vlr_pid=pl.Series(
            [finder.find(d, q) for d, q in truth.select("vlr_doc_id", "vlr_quote").iter_rows()],
            dtype=pl.String,
        ),
        vnr_pid=pl.Series(
            [finder.find(d, q) for d, q in truth.select("vnr_doc_id", "vnr_quote").iter_rows()],
            dtype=pl.String,
        ),
    )


def link_scores(
    located: pl.DataFrame, links: pl.DataFrame, related: pl.DataFrame | None = None
) -> dict[str, float]:
    """Precision and recall of links against planted pairs.

    Recall: planted pairs that are linked (any rank). Precision: among rank-1 links into a
    truth pair's VNR that start at its VLR passage or end at its VNR passage (planted or
    distractor), the share that are planted pairs. Links the truth says nothing about, and
    pairs it lists as related (same indicator reported on both sides), are not judged.
    """
    linked = set(links.select("vlr_passage_id", "vnr_passage_id").iter_rows())
    planted = located.filter(pl.col("kind") == "planted").drop_nulls(["vlr_pid", "vnr_pid"])
    planted_pairs = set(planted.select("vlr_pid", "vnr_pid").iter_rows())
    truth_vlr = set(located.drop_nulls("vlr_pid").select("vlr_pid", "vnr_doc_id").iter_rows())
    truth_vnr = set(located["vnr_pid"].drop_nulls())
    related_pairs = set(related.iter_rows()) if related is not None else set()
    judged = {
        (a, b)
        for a, b, vnr_doc, rank in links.select(
            "vlr_passage_id", "vnr_passage_id", "vnr_doc_id", "rank"
        ).iter_rows()
        if rank == 1 and ((a, vnr_doc) in truth_vlr or b in truth_vnr)
    } - related_pairs
    distractors = located.filter(pl.col("kind") == "distractor").drop_nulls(["vlr_pid", "vnr_pid"])
    distractor_pairs = set(distractors.select("vlr_pid", "vnr_pid").iter_rows())
    return {
        "planted": len(planted_pairs),
        "recall": len(planted_pairs & linked) / len(planted_pairs) if planted_pairs else 0.0,
        "judged": len(judged),
        "precision": len(judged & planted_pairs) / len(judged) if judged else 0.0,
        "distractors": len(distractor_pairs),
        "distractors_linked": len(distractor_pairs & linked),
        "unlocated": located.filter(
            pl.col("vlr_pid").is_null() | pl.col("vnr_pid").is_null()
        ).height,
    }
