"""A small goal-agnostic logistic calibrator that turns the tagger's evidence into a decision.

The term lists say *which* words point to a goal; how much evidence makes a passage "about" the
goal is a separate question. The expert benchmark judges relevance, not mention: a passage that
names "fisheries" once in an administrative aside is not about SDG 14, while a passage whose
every sentence speaks of fish stocks is. A single evidence threshold cannot see that difference,
so this module scores each (passage, goal) pair with a logistic regression over five features
that describe the *shape* of the goal's evidence:

- `log_evidence`: log(1 + weighted term evidence + similarity_weight x best target similarity);
- `target_similarity`: TF-IDF cosine to the goal's nearest official target/indicator text;
- `max_weight`: weight of the strongest matched term (3 = defining, 0.5 = context);
- `log_distinct_terms`: log(1 + number of different matched terms);
- `sentence_coverage`: share of the passage's sentences that contain a term of the goal.

The same five weights apply to all 17 goals and all languages (nothing is fit per SDG, no word
is a feature), so the model has six numbers plus a threshold, fewer than the evidence formula's
grid had. They are fit with `models.sdg_eval.fit_calibrator` and checked with
`models.sdg_eval.cross_validate_calibrator` (fit on k-1 folds, scored on the held-out fold).
Scoring needs numpy only; scikit-learn is imported when fitting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from models.sdg_tagging import GoalFeatures

FEATURE_NAMES = (
    "log_evidence",
    "target_similarity",
    "max_weight",
    "log_distinct_terms",
    "sentence_coverage",
)


def goal_feature_tensor(features: GoalFeatures, similarity_weight: float) -> np.ndarray:
    """(n, 17, 5) features of every (passage, goal) pair, in FEATURE_NAMES order."""
    evidence = features.evidence
    similarity = features.best_similarity
    combined = evidence + similarity_weight * similarity * (evidence > 0)
    return np.stack(
        [
            np.log1p(combined),
            similarity,
            features.max_weight,
            np.log1p(features.n_terms),
            features.coverage,
        ],
        axis=-1,
    )


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


@dataclass(frozen=True)
class GoalCalibrator:
    """Logistic model over standardised goal features; a score >= 0.5 means "tag".

    `intercept` already contains the decision threshold chosen on the training rows (see
    `with_threshold`), so the tagger's default threshold of 0.5 applies the chosen operating point
    and scores above it read as "more likely than the chosen cut-off".
    """

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    similarity_weight: float = 4.0
    trained_on: str = ""

    def decision(self, features: GoalFeatures) -> np.ndarray:
        """(n, 17) linear scores z; the probability is 1 / (1 + exp(-z))."""
        x = goal_feature_tensor(features, self.similarity_weight)
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        return z @ np.asarray(self.coef) + self.intercept

    def scores(self, features: GoalFeatures) -> np.ndarray:
        """(n, 17) scores in [0, 1]; a goal without any matched term scores 0 (terms gate)."""
        z = self.decision(features)
        prob = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return np.where(features.evidence > 0, prob, 0.0)

    def with_threshold(self, probability: float) -> GoalCalibrator:
        """Shift the intercept so that `probability` becomes the 0.5 cut-off."""
        return replace(self, intercept=self.intercept - _logit(probability))

    def to_python(self) -> str:
        """Source text of this calibrator, for pasting into DEFAULT_CALIBRATOR."""

        def nums(values: Sequence[float]) -> str:
            return "(" + ", ".join(f"{v:.6g}" for v in values) + ",)"

        return (
            "GoalCalibrator(\n"
            f"    names=FEATURE_NAMES,\n"
            f"    mean={nums(self.mean)},\n"
            f"    scale={nums(self.scale)},\n"
            f"    coef={nums(self.coef)},\n"
            f"    intercept={self.intercept:.6g},\n"
            f"    similarity_weight={self.similarity_weight:g},\n"
            f"    trained_on={self.trained_on!r},\n"
            ")"
        )


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    c: float = 1.0,
    similarity_weight: float = 4.0,
    trained_on: str = "",
) -> GoalCalibrator:
    """Fit the logistic model on (rows, 5) features and boolean labels (threshold still 0.5)."""
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, np.asarray(y, bool))
    return GoalCalibrator(
        names=FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
        similarity_weight=similarity_weight,
        trained_on=trained_on,
    )


# Fit with models.sdg_eval.fit_calibrator on ../shared/eval/sdg_expert_dev.csv (313 rows, C=1,
# threshold chosen by the macro-F1 objective with the 0.85 macro-precision floor).
DEFAULT_CALIBRATOR = GoalCalibrator(
    names=FEATURE_NAMES,
    mean=(2.28163, 0.180432, 2.60851, 1.47575, 0.686005),
    scale=(0.758908, 0.0910458, 0.682558, 0.570978, 0.281326),
    coef=(0.999052, 0.522358, 0.605966, 1.05556, -0.504628),
    intercept=1.62939,
    similarity_weight=4.0,
    trained_on="sdg_expert_dev.csv (313 rows)",
)
