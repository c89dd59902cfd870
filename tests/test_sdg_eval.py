"""Benchmark scoring: reading the CSV, per-SDG counts, macro means, predictions, CV."""

import csv

import numpy as np
import pytest

from models.sdg_classifier import FEATURE_NAMES, GoalCalibrator
from models.sdg_eval import (
    BenchmarkError,
    BenchmarkRow,
    cross_validate,
    cross_validate_calibrator,
    evaluate,
    fit_calibrator,
    read_benchmark,
    report_from_predictions,
    stratified_folds,
)
from models.sdg_tagging import SdgTagger


class KeywordScorer:
    """Scores goal k as 1.0 when the text contains the word f"g{k}" (a deterministic stub)."""

    params = None

    def goal_scores(self, texts, language="en"):
        out = np.zeros((len(texts), 17))
        for i, text in enumerate(texts):
            for k in range(1, 18):
                if f"g{k} " in text + " ":
                    out[i, k - 1] = 1.0
        return out


@pytest.fixture
def tiny_csv(tmp_path):
    path = tmp_path / "bench.csv"
    rows = [
        ("a", "about g1", 1, "True"),  # TP
        ("b", "about g1", 2, "False"),  # TN (same text, other SDG)
        ("c", "nothing", 1, "True"),  # FN
        ("d", "about g1 again", 1, "False"),  # FP
        ("e", 'quoted, "g2" text\nwith a line break g2', 2, "True"),  # TP
        ("f", "nothing", 2, "False"),  # TN
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # the dev file uses CRLF
        writer.writerow(["id", "text", "sdg", "label"])
        writer.writerows(rows)
    return path


def test_read_benchmark_crlf_and_quotes(tiny_csv):
    rows = read_benchmark(tiny_csv)
    assert len(rows) == 6
    assert rows[0] == BenchmarkRow("a", "about g1", 1, True)
    assert rows[4].text == 'quoted, "g2" text\nwith a line break g2'
    assert [r.label for r in rows] == [True, False, True, False, True, False]


def test_evaluate_math(tiny_csv, tmp_path):
    report = evaluate(read_benchmark(tiny_csv), KeywordScorer())
    sdg1, sdg2 = report.per_sdg
    assert (sdg1.tp, sdg1.fp, sdg1.fn, sdg1.tn) == (1, 1, 1, 0)
    assert (sdg2.tp, sdg2.fp, sdg2.fn, sdg2.tn) == (1, 0, 0, 2)
    assert sdg1.precision == pytest.approx(0.5)
    assert sdg1.recall == pytest.approx(0.5)
    assert sdg1.f1 == pytest.approx(0.5)
    assert sdg2.f1 == pytest.approx(1.0)
    # Unweighted means over SDGs, not pooled over rows.
    assert report.macro_precision == pytest.approx(0.75)
    assert report.macro_recall == pytest.approx(0.75)
    assert report.macro_f1 == pytest.approx(0.75)
    assert report.accuracy == pytest.approx(4 / 6)
    text = report.format_report()
    assert "macro F1 0.750" in text
    out = report.write_predictions(tmp_path / "pred.csv")
    lines = out.read_text().splitlines()
    assert lines[0] == "id,sdg,predicted_label"
    assert lines[1:] == ["a,1,True", "b,2,False", "c,1,False", "d,1,True", "e,2,True", "f,2,False"]


def test_no_predicted_positive_gives_zero_precision():
    rows = [BenchmarkRow("x", "t", 3, True), BenchmarkRow("y", "u", 3, False)]
    report = report_from_predictions(rows, [False, False])
    assert report.per_sdg[0].precision == 0.0
    assert report.per_sdg[0].f1 == 0.0
    assert report.macro_f1 == 0.0


def test_bad_benchmark_files(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text,sdg\n1,x,3\n")
    with pytest.raises(BenchmarkError):
        read_benchmark(bad)
    bad.write_text("id,text,sdg,label\n1,x,18,True\n")
    with pytest.raises(BenchmarkError):
        read_benchmark(bad)
    bad.write_text("id,text,sdg,label\n1,x,3,maybe\n")
    with pytest.raises(BenchmarkError):
        read_benchmark(bad)
    with pytest.raises(BenchmarkError):
        read_benchmark(tmp_path / "missing.csv")


def test_stratified_folds_balance():
    rows = [BenchmarkRow(str(i), f"t{i}", 1 + i % 2, i % 3 == 0) for i in range(60)]
    folds = stratified_folds(rows, k=5, seed=1)
    assert sorted(set(folds)) == [0, 1, 2, 3, 4]
    assert all(folds.count(f) == 12 for f in range(5))
    assert folds == stratified_folds(rows, k=5, seed=1)


def test_cross_validate_with_real_tagger():
    texts_pos = [
        "Malaria, tuberculosis and child mortality fell as health services expanded.",
        "Hospitals and vaccination campaigns reduced maternal mortality.",
        "Smallholder farmers and food security programmes reduced hunger.",
        "Crop yields and agricultural productivity improved for farmers.",
    ]
    texts_neg = [
        "The committee approved the minutes of the last meeting.",
        "The annex lists the authors of the report.",
    ]
    rows = []
    for i, t in enumerate(texts_pos):
        rows.append(BenchmarkRow(f"p{i}", t, 3 if i < 2 else 2, True))
    for i, t in enumerate(texts_neg):
        rows.append(BenchmarkRow(f"n{i}", t, 3, False))
        rows.append(BenchmarkRow(f"m{i}", t, 2, False))
    cv = cross_validate(rows, SdgTagger(), {"threshold": [0.3, 0.6]}, k=2)
    assert cv.pooled.n == len(rows)
    assert len(cv.fold_reports) == 2
    assert cv.full_choice["threshold"] in (0.3, 0.6)
    assert cv.pooled.macro_f1 == pytest.approx(1.0)
    assert "per-fold macro F1" in cv.format_report()


# -- the logistic calibrator ---------------------------------------------------------------------

CALIBRATION_TEXTS = [
    # (text, sdg, label): strong multi-sentence evidence is relevant, a passing mention is not.
    (
        "Malaria and tuberculosis deaths fell. Child mortality dropped as vaccination "
        "coverage rose. Maternal health clinics opened in every district.",
        3,
        True,
    ),
    ("The annual report was printed in a hospital wing. The board approved it.", 3, False),
    (
        "Smallholder farmers faced food insecurity. Hunger and child malnutrition rose. "
        "Crop yields of maize fell after the drought.",
        2,
        True,
    ),
    ("The meeting took place in a farm house. Minutes were circulated.", 2, False),
    (
        "Access to electricity reached every village. Solar mini-grids and clean cooking "
        "stoves replaced kerosene and firewood.",
        7,
        True,
    ),
    ("The staff party had a lot of energy. Music played late.", 7, False),
    (
        "Los pequeños agricultores sufren inseguridad alimentaria. El hambre y la "
        "malnutrición infantil aumentaron.",
        2,
        True,
    ),
    (
        "La pauvreté extrême a reculé. Les ménages pauvres reçoivent des transferts "
        "monétaires et une protection sociale.",
        1,
        True,
    ),
]


def calibration_rows() -> list[BenchmarkRow]:
    return [
        BenchmarkRow(f"c{i}", text, sdg, label)
        for i, (text, sdg, label) in enumerate(CALIBRATION_TEXTS)
    ]


def test_fit_calibrator_separates_handwritten_rows():
    tagger = SdgTagger()
    rows = calibration_rows()[:6]  # the English ones
    calibrator = fit_calibrator(rows, tagger, trained_on="test rows")
    assert calibrator.names == FEATURE_NAMES
    assert calibrator.trained_on == "test rows"
    report = evaluate(rows, tagger.with_calibrator(calibrator))
    assert report.macro_f1 == pytest.approx(1.0)


def test_with_threshold_moves_the_cut_off():
    calibrator = GoalCalibrator(FEATURE_NAMES, (0.0,) * 5, (1.0,) * 5, (1.0, 0, 0, 0, 0), 0.0)
    strict = calibrator.with_threshold(0.9)
    assert strict.intercept == pytest.approx(-np.log(9.0))
    rebuilt = eval(strict.to_python(), {"GoalCalibrator": GoalCalibrator, **globals()})
    assert rebuilt.intercept == pytest.approx(strict.intercept, rel=1e-5)


def test_cross_validate_calibrator_reports_held_out_predictions():
    tagger = SdgTagger()
    rows = calibration_rows()[:6] * 2  # English rows; each stratum needs a row in both folds
    rows = [BenchmarkRow(f"{r.id}-{i}", r.text, r.sdg, r.label) for i, r in enumerate(rows)]
    cv = cross_validate_calibrator(rows, tagger, k=2, seed=0)
    assert cv.pooled.n == len(rows)
    assert len(cv.fold_reports) == 2
    assert set(cv.full_choice) == {"coef", "intercept"}
    assert cv.pooled.macro_f1 == pytest.approx(1.0)


def test_default_calibrator_on_multilingual_rows():
    tagger = SdgTagger()
    for row in calibration_rows():
        language = "es" if "agricultores" in row.text else "fr" if "ménages" in row.text else "en"
        score = tagger.goal_scores([row.text], language)[0, row.sdg - 1]
        assert (score >= tagger.params.threshold) == row.label, row.id
