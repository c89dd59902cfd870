"""Two-stage linking: a fast model proposes candidate pairs, a better model re-scores them.

With the same model in both stages and a lower first-stage threshold, the candidates contain
every pair the one-stage run links, so the links must come out identical: any candidate lost
in the first stage, or any pair re-scored outside it, shows up as a difference.
"""

import shutil

import dagster as dg
import duckdb
import pytest

from assets.links import LinkConfig, country_fingerprints, passage_links
from models.embeddings import DEFAULT_MODEL, candidate_threshold
from pipelines.resources import EmbeddingModelResource, WarehouseResource

# Similarities rounded: a product over a smaller matrix may sum in another order (1e-7).
COLUMNS = "vlr_passage_id, vnr_passage_id, sdg, target, round(similarity, 4), rank"


def _links(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT {COLUMNS} FROM passage_links ORDER BY ALL").fetchall()  # noqa: S608
    finally:
        con.close()


@pytest.fixture(scope="module")
def rescored(sample_run, tmp_path_factory):
    copy = tmp_path_factory.mktemp("rescore") / "w.duckdb"
    shutil.copyfile(sample_run["warehouse"], copy)
    result = dg.materialize(
        [passage_links],
        resources={
            "warehouse": WarehouseResource(path=str(copy)),
            "embedding_model": EmbeddingModelResource(
                model_name=DEFAULT_MODEL, rescore_model=DEFAULT_MODEL
            ),
        },
        run_config={"ops": {"passage_links": {"config": {"candidate_threshold": 0.5}}}},
    )
    assert result.success
    return sample_run["warehouse"], copy, result


def test_same_model_in_both_stages_gives_the_one_stage_links(rescored):
    original, copy, _ = rescored
    one_stage = _links(original)
    assert one_stage, "the sample run made no links"
    assert _links(copy) == one_stage


def test_two_stage_settings_change_every_fingerprint(rescored):
    _, copy, result = rescored
    metadata = result.asset_materializations_for_node("passage_links")[0].metadata
    assert metadata["rescore_model"].value == DEFAULT_MODEL
    assert metadata["countries_recomputed"].value  # the new settings relinked every country
    con = duckdb.connect(str(copy), read_only=True)
    try:
        one = country_fingerprints(con, DEFAULT_MODEL, LinkConfig())
        two = country_fingerprints(con, DEFAULT_MODEL, LinkConfig(), DEFAULT_MODEL)
    finally:
        con.close()
    assert one.keys() == two.keys() and all(one[c] != two[c] for c in one)


def test_candidate_threshold_defaults():
    assert candidate_threshold("minilm-static") == 0.85
    assert candidate_threshold(DEFAULT_MODEL) == pytest.approx(0.55)
    assert LinkConfig(candidate_threshold=0.7).candidate_threshold_for("minilm-static") == 0.7
