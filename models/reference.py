"""Load the SDG framework (goals, targets, indicators, translations) from data/reference/.

Every stage that talks about SDGs (tagging, linking, metrics, exports) needs the same codes and
titles, so this module is the one place that reads the reference CSVs. The files are small and
never change while a process runs, so each loader is cached per reference folder. Codes are
always strings ("11", "11.1", "11.a", "11.1.1") because "11.10" and "11.1" are different targets
and a float would merge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
GOALS = tuple(range(1, 18))
TARGET_CODE = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-z])$")
INDICATOR_CODE = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-z])\.(\d{1,2})$")


class ReferenceError(ValueError):
    """A reference file is missing or does not have the expected columns."""


@dataclass(frozen=True)
class Goal:
    goal: int
    title: str
    short_title: str


@dataclass(frozen=True)
class Target:
    goal: int
    target: str  # "11.1", "11.a"
    title: str


@dataclass(frozen=True)
class Indicator:
    goal: int
    target: str
    indicator: str  # "11.1.1"
    title: str
    unsd_code: str


def _read(reference_dir: Path, name: str, columns: tuple[str, ...]) -> pl.DataFrame:
    path = Path(reference_dir) / name
    if not path.is_file():
        raise ReferenceError(f"reference file not found: {path}")
    # infer_schema_length=0 reads every column as text, so codes like "11.10" stay strings.
    frame = pl.read_csv(path, infer_schema_length=0)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ReferenceError(f"{path.name} lacks columns {missing}")
    return frame


@cache
def goals_frame(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> pl.DataFrame:
    """One row per goal: goal (int), title_en, short_title_en."""
    frame = _read(reference_dir, "sdg_goals.csv", ("goal", "title_en", "short_title_en"))
    return frame.with_columns(pl.col("goal").cast(pl.Int64)).sort("goal")


@cache
def targets_frame(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> pl.DataFrame:
    """One row per target (169): goal (int), target ("11.1"), title_en."""
    frame = _read(reference_dir, "sdg_targets.csv", ("goal", "target", "title_en"))
    return frame.with_columns(pl.col("goal").cast(pl.Int64))


@cache
def indicators_frame(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> pl.DataFrame:
    """One row per indicator listing (251): goal, target, indicator, title_en, unsd_code."""
    frame = _read(
        reference_dir,
        "sdg_indicators.csv",
        ("goal", "target", "indicator", "title_en", "unsd_code"),
    )
    return frame.with_columns(pl.col("goal").cast(pl.Int64))


@cache
def translations_frame(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> pl.DataFrame:
    """Long table kind, code, language, title (26 languages; see shared/README.md)."""
    return _read(reference_dir, "sdg_translations.csv", ("kind", "code", "language", "title"))


@cache
def goals(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> tuple[Goal, ...]:
    return tuple(
        Goal(int(r["goal"]), r["title_en"], r["short_title_en"])
        for r in goals_frame(reference_dir).iter_rows(named=True)
    )


@cache
def targets(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> tuple[Target, ...]:
    return tuple(
        Target(int(r["goal"]), r["target"], r["title_en"])
        for r in targets_frame(reference_dir).iter_rows(named=True)
    )


@cache
def indicators(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> tuple[Indicator, ...]:
    return tuple(
        Indicator(int(r["goal"]), r["target"], r["indicator"], r["title_en"], r["unsd_code"])
        for r in indicators_frame(reference_dir).iter_rows(named=True)
    )


@cache
def target_codes(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> frozenset[str]:
    return frozenset(t.target for t in targets(reference_dir))


@cache
def indicator_codes(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> frozenset[str]:
    return frozenset(i.indicator for i in indicators(reference_dir))


@cache
def titles(kind: str, language: str, reference_dir: Path = DEFAULT_REFERENCE_DIR) -> dict[str, str]:
    """Code -> title for one kind ("goal", "goal_short", "target", "indicator") and language.

    English comes from the 2025 framework files (the translations may describe older indicator
    wording); other languages come from sdg_translations.csv. A language without rows gives {}.
    """
    if kind not in ("goal", "goal_short", "target", "indicator"):
        raise ValueError(f"unknown kind {kind!r}")
    if language == "en":
        if kind == "goal":
            return {str(g.goal): g.title for g in goals(reference_dir)}
        if kind == "goal_short":
            return {str(g.goal): g.short_title for g in goals(reference_dir)}
        if kind == "target":
            return {t.target: t.title for t in targets(reference_dir)}
        return {i.indicator: i.title for i in indicators(reference_dir)}
    frame = translations_frame(reference_dir).filter(
        (pl.col("kind") == kind) & (pl.col("language") == language)
    )
    return dict(zip(frame["code"].to_list(), frame["title"].to_list(), strict=True))


@cache
def languages(reference_dir: Path = DEFAULT_REFERENCE_DIR) -> tuple[str, ...]:
    """Languages with translated titles, sorted; "en" is always included."""
    langs = set(translations_frame(reference_dir)["language"].unique().to_list()) | {"en"}
    return tuple(sorted(langs))


def goal_of(code: str) -> int:
    """Goal number of a goal, target or indicator code ("11.a.1" -> 11)."""
    head = str(code).split(".", 1)[0]
    goal = int(head)
    if goal not in GOALS:
        raise ValueError(f"not an SDG code: {code!r}")
    return goal


def target_of(code: str) -> str | None:
    """Target code of a target or indicator code ("11.a.1" -> "11.a"); None for a goal."""
    parts = str(code).split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else None
