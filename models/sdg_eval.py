"""Score an SDG tagger on the expert-labelled SDG classification benchmark.

The benchmark is a CSV `id,text,sdg,label`: for each row, is `text` related to SDG `sdg`?
Published results average per-SDG F1 over the 17 SDGs without weights (macro F1), so this module
computes, per SDG k, precision / recall / F1 over the rows whose `sdg` is k, then the unweighted
means. A per-SDG precision with no predicted positives is 0 (as scikit-learn's zero_division=0),
which can only make the macro numbers more pessimistic.

Tunable parts of the tagger (its few global parameters) must never be tuned and reported on the
same rows, so `cross_validate` picks parameters on k-1 folds and scores the held-out fold; the
pooled held-out predictions give the honest cross-validated numbers.
"""

from __future__ import annotations

import csv
import itertools
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

N_GOALS = 17
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


class BenchmarkError(ValueError):
    """The benchmark CSV cannot be read (missing columns, bad label or SDG)."""


@dataclass(frozen=True)
class BenchmarkRow:
    id: str
    text: str
    sdg: int
    label: bool


class GoalScorer(Protocol):
    """What evaluate() needs from a tagger: SdgTagger satisfies it."""

    def goal_scores(self, texts: Sequence[str], language: str = "en") -> np.ndarray: ...


@dataclass(frozen=True)
class SdgRow:
    """Confusion counts and scores of one SDG."""

    sdg: int
    n: int
    positives: int
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """Per-SDG table, macro means and the row-level predictions."""

    per_sdg: list[SdgRow]
    predictions: list[tuple[str, int, bool]] = field(repr=False)  # (id, sdg, predicted_label)
    title: str = "SDG benchmark"

    @property
    def macro_precision(self) -> float:
        return _mean([r.precision for r in self.per_sdg])

    @property
    def macro_recall(self) -> float:
        return _mean([r.recall for r in self.per_sdg])

    @property
    def macro_f1(self) -> float:
        return _mean([r.f1 for r in self.per_sdg])

    @property
    def n(self) -> int:
        return sum(r.n for r in self.per_sdg)

    @property
    def accuracy(self) -> float:
        correct = sum(r.tp + r.tn for r in self.per_sdg)
        return correct / self.n if self.n else 0.0

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "n": self.n,
            "macro_precision": self.macro_precision,
            "macro_recall": self.macro_recall,
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "per_sdg": [
                {
                    "sdg": r.sdg,
                    "n": r.n,
                    "positives": r.positives,
                    "tp": r.tp,
                    "fp": r.fp,
                    "fn": r.fn,
                    "tn": r.tn,
                    "precision": r.precision,
                    "recall": r.recall,
                    "f1": r.f1,
                }
                for r in self.per_sdg
            ],
        }

    def format_report(self) -> str:
        """Plain-text table: one line per SDG, then the macro means."""
        lines = [
            f"{self.title}: {self.n} rows",
            f"{'SDG':>4} {'n':>4} {'pos':>4} {'TP':>4} {'FP':>4} {'FN':>4} "
            f"{'P':>6} {'R':>6} {'F1':>6}",
        ]
        for r in self.per_sdg:
            lines.append(
                f"{r.sdg:>4} {r.n:>4} {r.positives:>4} {r.tp:>4} {r.fp:>4} {r.fn:>4} "
                f"{r.precision:>6.3f} {r.recall:>6.3f} {r.f1:>6.3f}"
            )
        lines.append(
            f"macro P {self.macro_precision:.3f}  macro R {self.macro_recall:.3f}  "
            f"macro F1 {self.macro_f1:.3f}  (accuracy {self.accuracy:.3f})"
        )
        return "\n".join(lines)

    def write_predictions(self, path: Path | str) -> Path:
        """Write `id,sdg,predicted_label` (True/False), one line per benchmark row."""
        return write_predictions(path, self)


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0


def _parse_label(value: str, line: int) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise BenchmarkError(f"line {line}: label {value!r} is not True/False")


def read_benchmark(path: Path | str) -> list[BenchmarkRow]:
    """Read `id,text,sdg,label` (UTF-8, optional BOM, LF or CRLF line endings)."""
    path = Path(path)
    if not path.is_file():
        raise BenchmarkError(f"benchmark file not found: {path}")
    rows: list[BenchmarkRow] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "text", "sdg", "label"} - set(reader.fieldnames or [])
        if missing:
            raise BenchmarkError(f"{path.name} lacks columns {sorted(missing)}")
        for line, rec in enumerate(reader, start=2):
            try:
                sdg = int(str(rec["sdg"]).strip())
            except ValueError as exc:
                raise BenchmarkError(f"line {line}: sdg {rec['sdg']!r} is not a number") from exc
            if not 1 <= sdg <= N_GOALS:
                raise BenchmarkError(f"line {line}: sdg {sdg} is not between 1 and 17")
            text = (rec["text"] or "").replace("\r\n", "\n")
            rows.append(BenchmarkRow(str(rec["id"]), text, sdg, _parse_label(rec["label"], line)))
    return rows


def report_from_predictions(
    rows: Sequence[BenchmarkRow], predicted: Sequence[bool], title: str = "SDG benchmark"
) -> EvalReport:
    """Per-SDG confusion counts and macro means of given row-level predictions."""
    if len(rows) != len(predicted):
        raise ValueError("rows and predictions differ in length")
    counts: dict[int, list[int]] = {}
    for row, pred in zip(rows, predicted, strict=True):
        c = counts.setdefault(row.sdg, [0, 0, 0, 0])  # tp fp fn tn
        if pred and row.label:
            c[0] += 1
        elif pred:
            c[1] += 1
        elif row.label:
            c[2] += 1
        else:
            c[3] += 1
    per_sdg = [
        SdgRow(sdg, sum(c), c[0] + c[2], c[0], c[1], c[2], c[3])
        for sdg, c in sorted(counts.items())
    ]
    preds = [(r.id, r.sdg, bool(p)) for r, p in zip(rows, predicted, strict=True)]
    return EvalReport(per_sdg, preds, title)


def _unique_texts(rows: Sequence[BenchmarkRow]) -> tuple[list[str], list[int]]:
    """Score each distinct text once even when several SDG rows share it."""
    position: dict[str, int] = {}
    texts: list[str] = []
    index: list[int] = []
    for row in rows:
        if row.text not in position:
            position[row.text] = len(texts)
            texts.append(row.text)
        index.append(position[row.text])
    return texts, index


def evaluate(
    rows: Sequence[BenchmarkRow],
    tagger: GoalScorer,
    language: str = "en",
    threshold: float | None = None,
    title: str = "SDG benchmark",
) -> EvalReport:
    """Predict each row as goal_scores[text, sdg] >= threshold and score the predictions.

    threshold defaults to the tagger's own `params.threshold` (0.5 if it has none), so the
    benchmark measures exactly what `tag()` would output at goal level.
    """
    if threshold is None:
        threshold = float(getattr(getattr(tagger, "params", None), "threshold", 0.5))
    texts, index = _unique_texts(rows)
    scores = np.asarray(tagger.goal_scores(texts, language)) if texts else np.zeros((0, N_GOALS))
    predicted = [
        bool(scores[i, row.sdg - 1] >= threshold) for i, row in zip(index, rows, strict=True)
    ]
    return report_from_predictions(rows, predicted, title)


def write_predictions(path: Path | str, report: EvalReport) -> Path:
    """Write the report's predictions as `id,sdg,predicted_label`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "sdg", "predicted_label"])
        for row_id, sdg, pred in report.predictions:
            writer.writerow([row_id, sdg, "True" if pred else "False"])
    return path


# ---------------------------------------------------------------------------------------------
# Cross-validated tuning of the global parameters
# ---------------------------------------------------------------------------------------------


# The grid used for docs/sdg_tagging.md: every value is global (the same for all 17 SDGs).
DEFAULT_GRID: dict[str, tuple[float, ...]] = {
    "threshold": (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7),
    "scale": (3.0, 4.0, 6.0, 8.0, 12.0),
    "share_power": (0.0, 0.25, 0.5),
    "length_exponent": (0.0, 0.25, 0.5),
    "similarity_weight": (0.0, 4.0, 8.0),
}


def stratified_folds(rows: Sequence[BenchmarkRow], k: int = 5, seed: int = 0) -> list[int]:
    """Fold number of each row, balanced over (sdg, label) strata; deterministic for a seed."""
    rng = random.Random(seed)
    strata: dict[tuple[int, bool], list[int]] = {}
    for i, row in enumerate(rows):
        strata.setdefault((row.sdg, row.label), []).append(i)
    fold = [0] * len(rows)
    offset = 0
    for key in sorted(strata):
        members = strata[key]
        rng.shuffle(members)
        for j, i in enumerate(members):
            fold[i] = (offset + j) % k
        offset += len(members)
    return fold


def _objective(report: EvalReport, min_precision: float) -> float:
    """Macro F1, with a steep penalty when macro precision falls below the floor."""
    shortfall = max(0.0, min_precision - report.macro_precision)
    return report.macro_f1 - 2.0 * shortfall


@dataclass
class CVReport:
    """Held-out results of cross-validated parameter selection."""

    pooled: EvalReport  # all held-out predictions together
    fold_reports: list[EvalReport]
    chosen: list[dict]  # parameters chosen on each fold's training part
    full_choice: dict  # parameters chosen on all rows (what a release would ship)

    def format_report(self) -> str:
        f1s = [r.macro_f1 for r in self.fold_reports]
        lines = [
            self.pooled.format_report(),
            f"per-fold macro F1: {', '.join(f'{v:.3f}' for v in f1s)} "
            f"(mean {np.mean(f1s):.3f}, sd {np.std(f1s):.3f})",
            "chosen per fold: " + "; ".join(str(c) for c in self.chosen),
            f"chosen on all rows: {self.full_choice}",
        ]
        return "\n".join(lines)


def cross_validate(
    rows: Sequence[BenchmarkRow],
    tagger,
    grid: Mapping[str, Iterable[float]] = DEFAULT_GRID,
    k: int = 5,
    seed: int = 0,
    language: str = "en",
    min_precision: float = 0.85,
    repeats: int = 1,
) -> CVReport:
    """k-fold CV of the evidence formula's global parameters over `grid` (TaggerParams fields).

    This tunes the uncalibrated score (`calibrated=False`); `cross_validate_calibrator` checks
    the logistic calibrator that the tagger uses by default.

    Texts are analysed once (`tagger.features`), and each parameter combination is applied with
    `models.sdg_tagging.scores_from_features`. On each fold the combination with the best
    training objective (macro F1, penalised below `min_precision` macro precision) is applied to
    the held-out rows. With repeats > 1 the procedure runs with several fold seeds and the pooled
    report concatenates all held-out predictions.
    """
    from dataclasses import replace

    from models.sdg_tagging import scores_from_features

    texts, index = _unique_texts(rows)
    features = tagger.features(texts, language)
    names = list(grid)
    combos = [dict(zip(names, values, strict=True)) for values in itertools.product(*grid.values())]
    sdg_col = np.array([r.sdg - 1 for r in rows])
    text_row = np.array(index)
    # Score matrix per combination: (n_rows,) score of the asked SDG, and its threshold.
    combo_scores = []
    for combo in combos:
        params = replace(tagger.params, **{"calibrated": False, **combo})
        s = scores_from_features(features, params)[text_row, sdg_col]
        combo_scores.append((s, params.threshold))

    def best_combo(idx: np.ndarray) -> int:
        sub = [rows[i] for i in idx]
        best, best_val = 0, -1e9
        for c, (s, thr) in enumerate(combo_scores):
            rep = report_from_predictions(sub, list(s[idx] >= thr))
            val = _objective(rep, min_precision)
            if val > best_val + 1e-12:
                best, best_val = c, val
        return best

    pooled_rows: list[BenchmarkRow] = []
    pooled_pred: list[bool] = []
    fold_reports: list[EvalReport] = []
    chosen: list[dict] = []
    all_idx = np.arange(len(rows))
    for rep_i in range(repeats):
        fold = np.array(stratified_folds(rows, k, seed + rep_i))
        for f in range(k):
            train, test = all_idx[fold != f], all_idx[fold == f]
            c = best_combo(train)
            chosen.append(combos[c])
            s, thr = combo_scores[c]
            pred = list(s[test] >= thr)
            test_rows = [rows[i] for i in test]
            fold_reports.append(report_from_predictions(test_rows, pred, f"fold {f}"))
            pooled_rows.extend(test_rows)
            pooled_pred.extend(pred)
    pooled = report_from_predictions(pooled_rows, pooled_pred, f"{k}-fold CV (held-out)")
    full = combos[best_combo(all_idx)]
    return CVReport(pooled, fold_reports, chosen, full)


# ---------------------------------------------------------------------------------------------
# The goal-agnostic logistic calibrator (models/sdg_classifier.py): fitting and CV
# ---------------------------------------------------------------------------------------------


def _row_features(
    rows: Sequence[BenchmarkRow], tagger, language: str = "en"
) -> tuple[np.ndarray, np.ndarray]:
    """(n_rows, 5) calibrator features of each row's (text, asked SDG), and per row the flags
    (the goal has a matched term, the goal is named explicitly)."""
    from models.sdg_classifier import goal_feature_tensor

    texts, index = _unique_texts(rows)
    features = tagger.features(texts, language)
    tensor = goal_feature_tensor(features, tagger.calibrator.similarity_weight)
    text_row = np.array(index, dtype=int)
    sdg_col = np.array([r.sdg - 1 for r in rows], dtype=int)
    x = tensor[text_row, sdg_col]
    gate = features.evidence[text_row, sdg_col] > 0
    named = features.named[text_row, sdg_col]
    return x, np.column_stack([gate, named])


def _calibrated_scores(calibrator, x: np.ndarray, flags: np.ndarray, explicit: float) -> np.ndarray:
    z = (x - np.asarray(calibrator.mean)) / np.asarray(calibrator.scale)
    z = z @ np.asarray(calibrator.coef) + calibrator.intercept
    prob = np.where(flags[:, 0], 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), 0.0)
    return np.where(flags[:, 1], np.maximum(prob, explicit), prob)


def _best_threshold(
    rows: Sequence[BenchmarkRow], scores: np.ndarray, min_precision: float
) -> float:
    """The score cut-off with the best training objective (midpoint between distinct scores)."""
    values = np.unique(scores[scores > 0])
    if values.size == 0:
        return 0.5
    cuts = np.concatenate([[values[0]], (values[1:] + values[:-1]) / 2])
    best, best_val = 0.5, -1e9
    for cut in cuts:
        val = _objective(report_from_predictions(rows, list(scores >= cut)), min_precision)
        if val > best_val + 1e-12:
            best, best_val = float(cut), val
    return best


def _fit_on(
    rows: Sequence[BenchmarkRow],
    x: np.ndarray,
    flags: np.ndarray,
    c: float,
    min_precision: float,
    similarity_weight: float,
    explicit: float,
    trained_on: str,
):
    from models.sdg_classifier import fit_logistic

    y = np.array([r.label for r in rows])
    # Rows whose goal has no matched term score 0 whatever the model says, so they carry no
    # information about how evidence should be weighed; leave them out of the fit.
    keep = flags[:, 0]
    if len(set(y[keep].tolist())) < 2:
        raise ValueError("calibration needs relevant and non-relevant rows with matched terms")
    calibrator = fit_logistic(x[keep], y[keep], c, similarity_weight, trained_on)
    threshold = _best_threshold(
        rows, _calibrated_scores(calibrator, x, flags, explicit), min_precision
    )
    return calibrator.with_threshold(threshold)


def fit_calibrator(
    rows: Sequence[BenchmarkRow],
    tagger,
    c: float = 1.0,
    min_precision: float = 0.85,
    trained_on: str = "",
    language: str = "en",
):
    """Fit the tagger's logistic calibrator on labelled rows and fold the chosen threshold into
    its intercept (so that 0.5 is the cut-off). Returns a `GoalCalibrator`."""
    x, flags = _row_features(rows, tagger, language)
    return _fit_on(
        rows,
        x,
        flags,
        c,
        min_precision,
        tagger.calibrator.similarity_weight,
        tagger.params.explicit_score,
        trained_on or f"{len(rows)} rows",
    )


def cross_validate_calibrator(
    rows: Sequence[BenchmarkRow],
    tagger,
    k: int = 5,
    seed: int = 0,
    repeats: int = 1,
    c: float = 1.0,
    min_precision: float = 0.85,
    language: str = "en",
) -> CVReport:
    """k-fold CV of the calibrator: fit (weights and threshold) on k-1 folds, score the held-out
    fold with cut-off 0.5; with repeats > 1 the pooled report concatenates all repeats."""
    x, flags = _row_features(rows, tagger, language)
    sw = tagger.calibrator.similarity_weight
    explicit = tagger.params.explicit_score
    pooled_rows: list[BenchmarkRow] = []
    pooled_pred: list[bool] = []
    fold_reports: list[EvalReport] = []
    chosen: list[dict] = []
    all_idx = np.arange(len(rows))
    for rep_i in range(repeats):
        fold = np.array(stratified_folds(rows, k, seed + rep_i))
        for f in range(k):
            train, test = all_idx[fold != f], all_idx[fold == f]
            train_rows = [rows[i] for i in train]
            cal = _fit_on(train_rows, x[train], flags[train], c, min_precision, sw, explicit, "")
            pred = list(_calibrated_scores(cal, x[test], flags[test], explicit) >= 0.5)
            test_rows = [rows[i] for i in test]
            fold_reports.append(report_from_predictions(test_rows, pred, f"fold {f}"))
            pooled_rows.extend(test_rows)
            pooled_pred.extend(pred)
            chosen.append({"coef": [round(v, 3) for v in cal.coef], "intercept": cal.intercept})
    pooled = report_from_predictions(pooled_rows, pooled_pred, f"{k}-fold CV (held-out)")
    full = _fit_on(rows, x, flags, c, min_precision, sw, explicit, f"{len(rows)} rows")
    return CVReport(
        pooled,
        fold_reports,
        chosen,
        {"coef": [round(v, 3) for v in full.coef], "intercept": full.intercept},
    )
