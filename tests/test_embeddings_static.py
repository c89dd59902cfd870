"""The static (model2vec) embedding backend: distilling, loading, thresholds, fingerprints.

The full minilm-static model takes minutes to distil, so these tests distil a tiny one: MiniLM's
special tokens plus a few dozen words (every other token removed), in a temporary folder.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from models import embeddings
from models.embeddings import (
    DEFAULT_MODEL,
    LINK_THRESHOLDS,
    Embedder,
    ModelNotFoundError,
    link_threshold,
    model_fingerprint,
    resolve_model_path,
)
from models.static_model import (
    METADATA_FILE,
    STATIC_MODEL,
    distill_static_model,
    is_static_model_dir,
    static_fingerprint,
)

TEXTS = [
    "Clean water and sanitation for every household in the city by 2030.",
    "Access to safe drinking water and toilets in all districts of the municipality.",
    "Tax revenue and public budget transparency.",
    "The national government will expand renewable energy.",
    "Schools teach every child to read.",
]
_WORDS = sorted(set(re.findall(r"[a-z]+", " ".join(TEXTS).lower())))
_KEEP = "|".join(re.escape(t) for t in [*_WORDS, "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
# Drops every MiniLM token except the words above and the special tokens.
TINY_REMOVE_PATTERN = rf"^(?!(?:{_KEEP})$)"


def distill_tiny(out):
    return distill_static_model(out, token_remove_pattern=TINY_REMOVE_PATTERN)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("static") / "tiny-static"
    info = distill_tiny(folder)
    return folder, info


def test_distilled_folder_and_metadata(tiny):
    folder, info = tiny
    assert is_static_model_dir(folder)
    assert not is_static_model_dir(resolve_model_path(DEFAULT_MODEL))
    metadata = json.loads((folder / METADATA_FILE).read_text())
    assert metadata["source_model"] == DEFAULT_MODEL
    assert metadata["source_fingerprint"] == model_fingerprint(DEFAULT_MODEL)
    assert metadata["dimension"] == 384
    assert metadata["fingerprint"] == static_fingerprint(folder) == info.fingerprint
    assert metadata["packages"]["model2vec"] != "not installed"
    assert len(_WORDS) <= metadata["vocabulary_size"] < 100  # the removal pattern applied
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no staging left


def test_distilling_is_deterministic(tiny, tmp_path):
    _, first = tiny
    again = distill_tiny(tmp_path / "again")
    assert again.fingerprint == first.fingerprint


def test_distill_refuses_to_overwrite(tiny):
    folder, _ = tiny
    with pytest.raises(FileExistsError):
        distill_static_model(folder, token_remove_pattern=TINY_REMOVE_PATTERN)


def test_embedder_loads_static_folder(tiny):
    folder, _ = tiny
    embedder = Embedder(str(folder))
    assert embedder.dimension == 384
    vectors = embedder.embed(TEXTS)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_embeddings_are_deterministic_and_batch_independent(tiny):
    folder, _ = tiny
    vectors = Embedder(str(folder)).embed(TEXTS)
    np.testing.assert_array_equal(vectors, Embedder(str(folder)).embed(TEXTS))
    one_by_one = np.vstack([Embedder(str(folder), batch_size=1).embed([t]) for t in TEXTS])
    np.testing.assert_allclose(one_by_one, vectors, atol=1e-6)
    reversed_order = Embedder(str(folder)).embed(TEXTS[::-1])[::-1]
    np.testing.assert_allclose(reversed_order, vectors, atol=1e-6)


def test_static_similarity_follows_meaning(tiny):
    folder, _ = tiny
    water, drinking, tax, _, _ = Embedder(str(folder)).embed(TEXTS)
    assert water @ drinking > water @ tax


def test_progress_is_reported(tiny):
    folder, _ = tiny
    calls = []
    Embedder(str(folder), batch_size=1).embed(TEXTS, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(TEXTS), len(TEXTS))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_fingerprints_differ_between_models(tiny):
    folder, info = tiny
    assert model_fingerprint(str(folder)) == info.fingerprint
    assert model_fingerprint(str(folder)) != model_fingerprint(DEFAULT_MODEL)


def test_missing_static_model_says_how_to_make_it(tmp_path, monkeypatch):
    monkeypatch.setattr(embeddings, "default_static_dir", lambda: tmp_path / "absent")
    with pytest.raises(ModelNotFoundError, match="vlrlink model distill"):
        resolve_model_path(STATIC_MODEL)
    with pytest.raises(ModelNotFoundError, match="not available offline"):
        resolve_model_path("no-such-model")


def test_short_name_resolves_to_the_distilled_folder(tiny, monkeypatch):
    folder, _ = tiny
    monkeypatch.setattr(embeddings, "default_static_dir", lambda: folder)
    assert resolve_model_path(STATIC_MODEL) == str(folder.resolve())


def test_cli_run_with_missing_model_is_a_one_line_error(tmp_path, monkeypatch, capsys):
    from pipelines.cli import main

    monkeypatch.setattr(embeddings, "default_static_dir", lambda: tmp_path / "absent")
    warehouse = tmp_path / "w.duckdb"
    code = main(["run", "--model", STATIC_MODEL, "--warehouse", str(warehouse), "--ephemeral"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "vlrlink model distill" in err
    assert not warehouse.exists()  # refused before any work


def test_cli_distill_refuses_existing_output(tiny, tmp_path, capsys):
    from pipelines.cli import main

    folder, _ = tiny
    assert main(["model", "distill", "--out", str(folder)]) == 2
    assert "--force" in capsys.readouterr().err
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert main(["model", "distill", "--out", str(a_file)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_link_threshold_per_model(tiny):
    folder, _ = tiny
    assert link_threshold(DEFAULT_MODEL) == LINK_THRESHOLDS[DEFAULT_MODEL]
    assert (
        link_threshold(f"sentence-transformers/{DEFAULT_MODEL}") == LINK_THRESHOLDS[DEFAULT_MODEL]
    )
    assert link_threshold(STATIC_MODEL) == LINK_THRESHOLDS[STATIC_MODEL]
    # A folder distilled from MiniLM under another name gets the static model's threshold.
    assert link_threshold(str(folder)) == LINK_THRESHOLDS[STATIC_MODEL]
    assert link_threshold("/some/other/model") == LINK_THRESHOLDS[DEFAULT_MODEL]


def test_link_config_defaults_to_the_model_threshold_and_fingerprints_it(tmp_path):
    from assets.links import LinkConfig, country_fingerprints
    from models.warehouse import connect

    with connect(tmp_path / "w.duckdb") as con:
        con.execute(
            "INSERT INTO documents (doc_id, review_type, country_iso3, status) "
            "VALUES ('d1', 'VLR', 'KEN', 'ok')"
        )
        con.execute(
            "INSERT INTO passages (passage_id, doc_id, ordinal, text_hash) "
            "VALUES ('p1', 'd1', 0, 'h1')"
        )
        con.execute("INSERT INTO passage_sdgs (passage_id, sdg, score) VALUES ('p1', 6, 0.9)")
        default = LinkConfig()
        assert default.threshold_for(DEFAULT_MODEL) == LINK_THRESHOLDS[DEFAULT_MODEL]
        assert default.threshold_for(STATIC_MODEL) == LINK_THRESHOLDS[STATIC_MODEL]
        assert LinkConfig(threshold=0.5).threshold_for(STATIC_MODEL) == 0.5
        minilm = country_fingerprints(con, DEFAULT_MODEL, default)
        # Leaving the threshold unset is the same as setting the calibrated value.
        explicit = LinkConfig(threshold=LINK_THRESHOLDS[DEFAULT_MODEL])
        assert country_fingerprints(con, DEFAULT_MODEL, explicit) == minilm
        assert country_fingerprints(con, DEFAULT_MODEL, LinkConfig(threshold=0.5)) != minilm
        assert country_fingerprints(con, STATIC_MODEL, default) != minilm
