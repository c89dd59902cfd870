"""The SDG framework loader reads the shipped reference files with codes kept as strings."""

import polars as pl
import pytest

from models import reference


def test_goals_targets_indicators_counts():
    assert len(reference.goals()) == 17
    assert [g.goal for g in reference.goals()] == list(range(1, 18))
    assert len(reference.targets()) == 169
    assert len(reference.indicators()) == 251
    assert reference.goals()[1].short_title == "Zero hunger"


def test_codes_stay_strings_and_distinct():
    codes = reference.target_codes()
    # A float parser would merge 11.1 and 11.10 or turn 11.a into NaN.
    assert {"11.1", "11.a", "17.10", "17.1"} <= codes
    assert "6.2.1" in reference.indicator_codes()
    frame = reference.targets_frame()
    assert frame.schema["target"] == pl.String
    assert frame.schema["goal"] == pl.Int64


def test_targets_per_goal_match_the_framework():
    per_goal = [sum(1 for t in reference.targets() if t.goal == g) for g in range(1, 18)]
    assert per_goal == [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]


def test_titles_in_three_languages():
    en = reference.titles("target", "en")
    es = reference.titles("target", "es")
    fr = reference.titles("target", "fr")
    assert en["6.2"].startswith("By 2030, achieve access to adequate and equitable sanitation")
    assert "saneamiento" in es["6.2"]
    assert "assainissement" in fr["6.2"]
    assert reference.titles("goal_short", "es")["2"] == "Hambre Cero"
    assert reference.titles("target", "xx") == {}
    assert {"en", "es", "fr"} <= set(reference.languages())
    with pytest.raises(ValueError):
        reference.titles("paragraph", "en")


def test_goal_of_and_target_of():
    assert reference.goal_of("11.a.1") == 11
    assert reference.goal_of("6") == 6
    assert reference.target_of("11.a.1") == "11.a"
    assert reference.target_of("11.1") == "11.1"
    assert reference.target_of("11") is None
    with pytest.raises(ValueError):
        reference.goal_of("18.1")


def test_missing_file_raises(tmp_path):
    with pytest.raises(reference.ReferenceError):
        reference.goals_frame(tmp_path)
