"""Link VLR passages to VNR passages of the same country.

Candidates are blocked by a shared SDG (a passage on sanitation is never compared with one on
tax policy), scored by cosine similarity of normalised embeddings, kept above a calibrated
threshold, and ranked per VLR passage within each VNR.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

# Calibrated on the sample corpus's planted and distractor pairs with `calibrate_threshold`
# (sweep 0.55/0.60/0.65/0.70 gave precision/recall 0.59/0.94, 0.70/0.92, 0.89/0.92,
# 0.94/0.89); paraphrases of one policy score above it, same-SDG other-topic passages below.
DEFAULT_THRESHOLD = 0.65
DEFAULT_TOP_K = 3

LINK_SCHEMA = {
    "vlr_passage_id": pl.String,
    "vnr_passage_id": pl.String,
    "country_iso3": pl.String,
    "sdg": pl.Int32,
    "target": pl.String,
    "similarity": pl.Float64,
    "rank": pl.Int32,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
}


@dataclass(frozen=True)
class SidePassages:
    """The tagged, embedded passages of one review.

    `sdg_scores[i]` maps each SDG of passage i to its tag score and `targets[i]` holds its
    targets; `embeddings` rows are L2-normalised.
    """

    doc_id: str
    passage_ids: list[str]
    sdg_scores: list[dict[int, float]]
    targets: list[set[str]]
    embeddings: np.ndarray

    def sdg_matrix(self) -> np.ndarray:
        matrix = np.zeros((len(self.passage_ids), 18), dtype=np.float32)
        for i, scores in enumerate(self.sdg_scores):
            for sdg in scores:
                matrix[i, sdg] = 1.0
        return matrix


def link_pair(
    vlr: SidePassages,
    vnr: SidePassages,
    *,
    country_iso3: str,
    threshold: float = DEFAULT_THRESHOLD,
    top_k: int = DEFAULT_TOP_K,
) -> pl.DataFrame:
    """Links from one VLR's passages to one VNR's passages.

    Each VLR passage keeps its `top_k` most similar VNR passages that share an SDG with it and
    score at least `threshold`; equal scores rank the later VNR passage first, so the result
    never depends on how a selection algorithm breaks ties. After the one dense product, all
    work is on the pairs above the threshold (a few per passage), so the cost stays near the
    product's; the link records are built from arrays, not row by row.
    """
    if not vlr.passage_ids or not vnr.passage_ids or top_k < 1:
        return pl.DataFrame(schema=LINK_SCHEMA)
    similarity = vlr.embeddings @ vnr.embeddings.T
    # flatnonzero + divmod is several times faster than a 2-D np.nonzero.
    rows, cols = np.divmod(np.flatnonzero(similarity >= threshold), similarity.shape[1])
    vlr_sdgs = _SdgScores.of(vlr, rows, similarity.shape[0])
    vnr_sdgs = _SdgScores.of(vnr, cols, similarity.shape[1])
    shared = (vlr_sdgs.bits[vlr_sdgs.at] & vnr_sdgs.bits[vnr_sdgs.at]) != 0
    rows, cols = rows[shared], cols[shared]
    scores = similarity[rows, cols]
    chosen, rank = _top_k_per_row(similarity.shape, rows, cols, scores, top_k)
    if not chosen.size:
        return pl.DataFrame(schema=LINK_SCHEMA)
    rows, cols, scores = rows[chosen], cols[chosen], scores[chosen]
    vlr_at, vnr_at = vlr_sdgs.at[shared][chosen], vnr_sdgs.at[shared][chosen]
    # The shared SDG both passages are most confident about: argmax of the lower of the two
    # scores (absent SDGs are -inf); argmax takes the first maximum, the smaller SDG on a tie.
    joint = np.minimum(vlr_sdgs.scores[vlr_at], vnr_sdgs.scores[vnr_at])
    sdg = joint.argmax(axis=1).astype(np.int32)
    n = rows.size
    # A list of typed Series builds faster than a dict with a schema (no per-column inference).
    return pl.DataFrame(
        [
            pl.Series("vlr_passage_id", [vlr.passage_ids[i] for i in rows.tolist()], pl.String),
            pl.Series("vnr_passage_id", [vnr.passage_ids[j] for j in cols.tolist()], pl.String),
            pl.Series("country_iso3", [country_iso3] * n, pl.String),
            pl.Series("sdg", sdg, pl.Int32),
            pl.Series("target", _shared_targets(vlr, vnr, rows, cols, sdg), pl.String),
            pl.Series("similarity", np.clip(scores.astype(np.float64), -1.0, 1.0), pl.Float64),
            pl.Series("rank", rank, pl.Int32),
            pl.Series("vlr_doc_id", [vlr.doc_id] * n, pl.String),
            pl.Series("vnr_doc_id", [vnr.doc_id] * n, pl.String),
        ]
    )


# Column s of the per-passage SDG arrays is SDG s (column 0 unused), as in `sdg_matrix`.
_N_SDG_COLUMNS = 18
_SDG_BITS = 1 << np.arange(_N_SDG_COLUMNS, dtype=np.int64)
_SDG_OF_PREFIX = {str(s): s for s in range(_N_SDG_COLUMNS)}


def _compact(index: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of `index` (all in range(size)), sorted, and each entry's position
    among them: np.unique(return_inverse=True) without its sort, for a small known range.
    """
    distinct = np.flatnonzero(np.bincount(index, minlength=size))
    slot = np.empty(size, dtype=np.intp)
    slot[distinct] = np.arange(distinct.size)
    return distinct, slot[index]


@dataclass(frozen=True)
class _SdgScores:
    """SDG tag scores of the passages a set of candidate pairs involves (one side's).

    `scores[r, s]` is passage `passages[r]`'s score for SDG s (-inf when not tagged with it),
    `bits[r]` has bit s set for each of its SDGs, and `at[c]` is the row of candidate c's
    passage. Built only for those passages, so the Python work follows the candidates.
    """

    passages: np.ndarray
    at: np.ndarray
    scores: np.ndarray
    bits: np.ndarray

    @classmethod
    def of(cls, side: SidePassages, index: np.ndarray, size: int) -> _SdgScores:
        passages, at = _compact(index, size)
        owner, sdgs, values = [], [], []
        for r, i in enumerate(passages.tolist()):
            tags = side.sdg_scores[i]
            owner.extend([r] * len(tags))
            sdgs.extend(tags.keys())
            values.extend(tags.values())
        scores = np.full((passages.size, _N_SDG_COLUMNS), -np.inf)
        scores[owner, sdgs] = values
        tagged = np.zeros((passages.size, _N_SDG_COLUMNS), dtype=bool)
        tagged[owner, sdgs] = True
        return cls(passages, at, scores, tagged @ _SDG_BITS)


def _top_k_per_row(
    shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Which candidates are among their row's `top_k` best, and their 1-based rank there.

    Returns positions into the candidate arrays, grouped by row and best first; equal scores
    rank the higher column first. Sorting all candidates is cheap while they are few (the usual
    case: the threshold keeps a handful per row). When there are many, each crowded row's k-th
    best score is found first with a partial sort and only candidates at or above it are
    sorted; ties at the cut stay in for the exact sort, so the result is the same either way.
    """
    n_rows, width = shape
    candidates = np.arange(rows.size)
    if rows.size > 4 * top_k * n_rows:
        counts = np.bincount(rows, minlength=n_rows)
        crowded = np.flatnonzero(counts > top_k)
        slot = np.full(n_rows, -1, dtype=np.intp)
        slot[crowded] = np.arange(crowded.size)
        in_crowded = slot[rows] >= 0
        dense = np.full((crowded.size, width), -np.inf, dtype=scores.dtype)
        dense[slot[rows[in_crowded]], cols[in_crowded]] = scores[in_crowded]
        cutoff = np.full(n_rows, -np.inf, dtype=scores.dtype)
        cutoff[crowded] = np.partition(dense, width - top_k, axis=1)[:, width - top_k]
        candidates = np.flatnonzero(scores >= cutoff[rows])
    order = candidates[np.lexsort((-cols[candidates], -scores[candidates], rows[candidates]))]
    grouped = rows[order]
    index = np.arange(order.size)
    first_of_row = np.ones(order.size, dtype=bool)
    first_of_row[1:] = grouped[1:] != grouped[:-1]
    position = index - np.maximum.accumulate(np.where(first_of_row, index, 0))
    keep = position < top_k
    return order[keep], (position[keep] + 1).astype(np.int32)


def _shared_targets(
    vlr: SidePassages, vnr: SidePassages, rows: np.ndarray, cols: np.ndarray, sdg: np.ndarray
) -> list[str | None]:
    """Per link, the first (in string order) target both passages carry under its SDG."""
    vlr_rows, vlr_at = _compact(rows, len(vlr.passage_ids))
    vnr_rows, vnr_at = _compact(cols, len(vnr.passage_ids))
    vocabulary = sorted(
        {t for i in vlr_rows.tolist() for t in vlr.targets[i]}
        & {t for j in vnr_rows.tolist() for t in vnr.targets[j]}
    )
    if not vocabulary:
        return [None] * rows.size
    column = {t: c for c, t in enumerate(vocabulary)}
    under_sdg = np.asarray([_SDG_OF_PREFIX.get(t.split(".")[0], -1) for t in vocabulary])
    both = (
        _target_matrix(vlr, vlr_rows, column)[vlr_at]
        & _target_matrix(vnr, vnr_rows, column)[vnr_at]
        & (under_sdg[None, :] == sdg[:, None])
    )
    first = np.where(both.any(axis=1), both.argmax(axis=1), len(vocabulary))
    return np.asarray([*vocabulary, None], dtype=object)[first].tolist()


def _target_matrix(side: SidePassages, index: np.ndarray, column: dict[str, int]) -> np.ndarray:
    """Which of the `column` targets each passage at `index` carries."""
    owner, where = [], []
    for r, i in enumerate(index.tolist()):
        for target in side.targets[i]:
            c = column.get(target)
            if c is not None:
                owner.append(r)
                where.append(c)
    matrix = np.zeros((index.size, len(column)), dtype=bool)
    matrix[owner, where] = True
    return matrix


def calibrate_threshold(
    similarities: np.ndarray, labels: np.ndarray, *, min_precision: float = 0.0
) -> tuple[float, float, float, float]:
    """The threshold with the best F1 on labelled pairs (optionally at a precision floor).

    Returns (threshold, precision, recall, f1). Labels are 1 for pairs that should link.
    """
    order = np.argsort(-similarities)
    sims, labs = similarities[order], labels[order].astype(bool)
    positives = labs.sum()
    best = (1.0, 0.0, 0.0, 0.0)
    true_pos = 0
    for n, (sim, lab) in enumerate(zip(sims, labs, strict=True), start=1):
        true_pos += int(lab)
        precision = true_pos / n
        recall = true_pos / positives if positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if precision >= min_precision and f1 > best[3]:
            # Place the cut halfway to the next lower score so it generalises, not at the edge.
            nxt = sims[n] if n < len(sims) else sim - 0.05
            best = (float((sim + nxt) / 2), precision, recall, f1)
    return best
