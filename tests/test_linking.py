import numpy as np
import polars as pl
import pytest

from models.linking import LINK_SCHEMA, SidePassages, calibrate_threshold, link_pair


def _unit(*values: float) -> np.ndarray:
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_links_are_blocked_by_shared_sdg_and_ranked():
    vlr = SidePassages(
        "vlr",
        ["l0", "l1"],
        [{6: 0.9}, {11: 0.8}],
        [{"6.2"}, set()],
        np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]),
    )
    vnr = SidePassages(
        "vnr",
        ["n0", "n1", "n2"],
        [{6: 0.7}, {6: 0.9, 3: 0.4}, {7: 0.9}],
        [{"6.2"}, {"6.1"}, set()],
        np.stack([_unit(1, 0.1, 0), _unit(1, 0.4, 0), _unit(0, 1, 0)]),
    )
    links = link_pair(vlr, vnr, country_iso3="KEN", threshold=0.5)
    rows = links.rows(named=True)
    # l1 (SDG 11) has an identical vector in n2 (SDG 7) but no shared SDG: no link.
    assert {r["vlr_passage_id"] for r in rows} == {"l0"}
    assert [(r["vnr_passage_id"], r["rank"]) for r in rows] == [("n0", 1), ("n1", 2)]
    assert rows[0]["sdg"] == 6 and rows[0]["target"] == "6.2"
    assert rows[1]["target"] is None
    assert all(-1 <= r["similarity"] <= 1 for r in rows)


def test_threshold_drops_weak_links():
    vlr = SidePassages("a", ["l0"], [{6: 1.0}], [set()], np.stack([_unit(1, 0)]))
    vnr = SidePassages("b", ["n0"], [{6: 1.0}], [set()], np.stack([_unit(0.3, 1)]))
    assert link_pair(vlr, vnr, country_iso3="KEN", threshold=0.5).is_empty()
    assert link_pair(vlr, vnr, country_iso3="KEN", threshold=0.2).height == 1


def test_calibration_separates_classes():
    sims = np.array([0.9, 0.85, 0.8, 0.5, 0.4, 0.3])
    labels = np.array([1, 1, 1, 0, 0, 0])
    threshold, precision, recall, f1 = calibrate_threshold(sims, labels)
    assert 0.5 < threshold < 0.8
    assert (precision, recall, f1) == (1.0, 1.0, 1.0)


# ---------------------------------------------------- vectorised link_pair vs a plain reference


def _reference_links(
    vlr: SidePassages, vnr: SidePassages, country: str, threshold: float, top_k: int
) -> list[dict]:
    """The linking rule written out pair by pair, the way it is specified.

    Per VLR passage: VNR passages sharing an SDG and scoring at least the threshold, best first
    (equal scores: the later VNR passage first), the first top_k ranked 1, 2, ...; the SDG is
    the shared one with the highest lower score of the two (smaller SDG on a tie), the target
    the smallest shared one under that SDG.
    """
    similarity = vlr.embeddings @ vnr.embeddings.T  # the same float32 products as link_pair
    records = []
    for i in range(len(vlr.passage_ids)):
        candidates = []
        for j in range(len(vnr.passage_ids)):
            shared = set(vlr.sdg_scores[i]) & set(vnr.sdg_scores[j])
            # Compared in float32, as numpy compares a float32 score with a Python float.
            if shared and similarity[i, j] >= threshold:
                candidates.append((float(similarity[i, j]), j, shared))
        candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
        for rank, (score, j, shared) in enumerate(candidates[:top_k], start=1):
            both = {s: min(vlr.sdg_scores[i][s], vnr.sdg_scores[j][s]) for s in shared}
            sdg = min(shared, key=lambda s: (-both[s], s))
            targets = sorted(
                t for t in vlr.targets[i] & vnr.targets[j] if t.split(".")[0] == str(sdg)
            )
            records.append(
                {
                    "vlr_passage_id": vlr.passage_ids[i],
                    "vnr_passage_id": vnr.passage_ids[j],
                    "country_iso3": country,
                    "sdg": sdg,
                    "target": targets[0] if targets else None,
                    "similarity": min(1.0, max(-1.0, score)),
                    "rank": rank,
                    "vlr_doc_id": vlr.doc_id,
                    "vnr_doc_id": vnr.doc_id,
                }
            )
    return records


# Few distinct values make ties common: equal tag scores across SDGs, shared targets under
# several SDGs, prefixes that only look alike ("1.2" under SDG 1, "16.1" under 16).
_TARGETS = ["1.2", "1.a", "16.1", "16.10", "16.2", "6.1", "6.2", "6.a", "6.b", "11.1", "x.1"]


def _random_side(
    rng: np.random.Generator, doc: str, n: int, dim: int, sdgs: list[int], tied: bool
) -> SidePassages:
    if tied:
        # Multiples of 1/4 in few dimensions: dot products are exact, so many scores are equal
        # whatever order the product sums in.
        vectors = rng.integers(-2, 3, size=(n, dim)).astype(np.float32) / 4
    else:
        vectors = rng.normal(size=(n, dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sdg_scores, targets = [], []
    for _ in range(n):
        chosen = rng.choice(sdgs, size=rng.integers(0, min(4, len(sdgs) + 1)), replace=False)
        sdg_scores.append({int(s): float(rng.choice([0.5, 0.7, 0.9])) for s in chosen})
        targets.append(set(rng.choice(_TARGETS, size=rng.integers(0, 4), replace=False)))
    return SidePassages(doc, [f"{doc}:{i}" for i in range(n)], sdg_scores, targets, vectors)


def _check_against_reference(vlr, vnr, threshold, top_k):
    links = link_pair(vlr, vnr, country_iso3="KEN", threshold=threshold, top_k=top_k)
    assert links.schema == pl.Schema(LINK_SCHEMA)
    expected = _reference_links(vlr, vnr, "KEN", threshold, top_k)
    assert links.rows(named=True) == expected
    return links


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("tied", [False, True])
def test_link_pair_matches_reference_on_random_sides(seed, tied):
    rng = np.random.default_rng(seed)
    dim = 4 if tied else 16
    vlr = _random_side(rng, "vlr", int(rng.integers(1, 40)), dim, [1, 6, 11, 16], tied)
    vnr = _random_side(rng, "vnr", int(rng.integers(1, 60)), dim, [1, 6, 11, 16], tied)
    total = 0
    for threshold in (-1.0, 0.0, 0.3, 0.65):
        for top_k in (1, 3, 100):
            total += _check_against_reference(vlr, vnr, threshold, top_k).height
    assert total > 0


def test_link_pair_ties_rank_later_vnr_passage_first():
    # Four identical VNR vectors: all tie, top 2 are the last two, in reverse order.
    vlr = SidePassages("a", ["l0"], [{6: 1.0}], [set()], np.ones((1, 2), np.float32) / 2)
    vnr = SidePassages(
        "b", [f"n{j}" for j in range(4)], [{6: 1.0}] * 4, [set()] * 4, np.ones((4, 2), np.float32)
    )
    links = _check_against_reference(vlr, vnr, 0.5, 2)
    assert links["vnr_passage_id"].to_list() == ["n3", "n2"]
    assert links["rank"].to_list() == [1, 2]


def test_link_pair_crowded_rows_match_reference():
    # A low threshold makes every pair a candidate: the partial-sort path for crowded rows.
    rng = np.random.default_rng(7)
    vlr = _random_side(rng, "vlr", 30, 4, [6, 11], tied=True)
    vnr = _random_side(rng, "vnr", 200, 4, [6, 11], tied=True)
    links = _check_against_reference(vlr, vnr, -10.0, 3)
    assert links.height > 0
    assert links.group_by("vlr_passage_id").len()["len"].max() == 3


def test_link_pair_edge_cases_give_empty_frames():
    rng = np.random.default_rng(3)
    side = _random_side(rng, "vlr", 5, 8, [6], tied=False)
    empty = SidePassages("e", [], [], [], np.zeros((0, 8), np.float32))
    other_sdg = SidePassages(
        "o", ["o0", "o1"], [{7: 1.0}, {}], [set(), set()], side.embeddings[:2].copy()
    )
    for vlr, vnr in [(side, empty), (empty, side), (empty, empty), (side, other_sdg)]:
        links = link_pair(vlr, vnr, country_iso3="KEN", threshold=-1.0)
        assert links.is_empty() and links.schema == pl.Schema(LINK_SCHEMA)
    assert link_pair(side, side, country_iso3="KEN", threshold=-1.0, top_k=0).is_empty()
    # Identical vectors but no shared SDG: still nothing.
    assert link_pair(other_sdg, side, country_iso3="KEN", threshold=0.99).height == 0


def test_link_pair_threshold_is_inclusive_at_float32_precision():
    # A score of exactly float32(0.65) links at threshold 0.65, as it always has.
    vnr_vector = np.array([0.65, np.sqrt(1 - 0.65**2)], dtype=np.float32)
    vlr = SidePassages("a", ["l0"], [{6: 1.0}], [set()], np.array([[1, 0]], np.float32))
    vnr = SidePassages("b", ["n0"], [{6: 1.0}], [set()], vnr_vector[None, :])
    links = _check_against_reference(vlr, vnr, 0.65, 3)
    assert links.height == 1 and links["similarity"][0] == float(np.float32(0.65))
