import numpy as np

from models.linking import SidePassages, calibrate_threshold, link_pair


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
