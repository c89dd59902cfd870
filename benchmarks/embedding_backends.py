"""Would another embedding backend make the collection fit in an hour? Measure, don't guess.

Embedding the SDG-tagged passages is the slowest stage. This compares, on the sample corpus's
real passages and on the same machine in the same run:

- `torch`: the pipeline's model (all-MiniLM-L6-v2, sentence-transformers, PyTorch, fp32);
- `torch-128`: the same with inputs cut at 128 tokens instead of 256;
- `onnx` / `onnx-int8`: the same weights exported locally to ONNX (torch.onnx), and dynamically
  quantized to int8, run with `onnxruntime` (skipped when it is not importable);
- `model2vec`: a static model distilled locally from the installed MiniLM (no download; needs
  model2vec's `distill` extra, `skeletoken`), saved under data/models/ (git-ignored).

Speed is passages per second. Quality is measured against `torch` on the planted links of
data/sample/truth/links.csv: for each planted (VLR passage, VNR passage) pair, is the VNR
passage the VLR passage's best match among all passages of that VNR (recall@1), and how close
is each backend's similarity to torch's (Pearson r over all VLR x VNR pairs of a country).

`python -m benchmarks.embedding_backends [--passages N]`; JSON to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from benchmarks.common import RESULTS, ROOT, machine, memory_peak

SAMPLE = ROOT / "data" / "sample"
MODELS = ROOT / "data" / "models"


def sample_passages() -> list[dict]:
    """Every passage of the sample corpus with its document, country and review type."""
    from models.passages import split_passages
    from models.pdf import read_pdf

    out = []
    with (SAMPLE / "catalog.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = SAMPLE / row["file"]
            for p in split_passages(read_pdf(path), row["language"]):
                out.append(
                    {
                        "doc_id": row["doc_id"],
                        "country": row["country_iso3"],
                        "type": row["review_type"].upper(),
                        "text": p.text,
                    }
                )
    return out


def planted_pairs() -> list[dict]:
    with (SAMPLE / "truth" / "links.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r.get("kind", "link") != "distractor"]


def _norm(text: str) -> str:
    from models.passages import normalise_text

    return normalise_text(text)


def quality(vectors: np.ndarray, passages: list[dict], pairs: list[dict]) -> dict:
    """Recall@1 of planted links within their VNR, over passages that hold each quote."""
    texts = [_norm(p["text"]) for p in passages]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(passages):
        by_doc[p["doc_id"]].append(i)
    hits, total = 0, 0
    for pair in pairs:
        vlr_quote, vnr_quote = _norm(pair["vlr_quote"]), _norm(pair["vnr_quote"])
        vlr = [i for i in by_doc[pair["vlr_doc_id"]] if vlr_quote in texts[i]]
        vnr_all = by_doc[pair["vnr_doc_id"]]
        vnr_true = {i for i in vnr_all if vnr_quote in texts[i]}
        if not vlr or not vnr_true:
            continue
        total += 1
        sims = vectors[vnr_all] @ vectors[vlr[0]]
        hits += int(vnr_all[int(np.argmax(sims))] in vnr_true)
    return {"planted_pairs": total, "recall_at_1": round(hits / total, 3) if total else None}


def similarity_agreement(reference: np.ndarray, other: np.ndarray, passages: list[dict]) -> float:
    """Pearson r between two backends' cosine similarities over VLR x VNR pairs per country."""
    a, b = [], []
    countries = {p["country"] for p in passages}
    for country in countries:
        vlr = [i for i, p in enumerate(passages) if p["country"] == country and p["type"] == "VLR"]
        vnr = [i for i, p in enumerate(passages) if p["country"] == country and p["type"] == "VNR"]
        if vlr and vnr:
            a.append((reference[vlr] @ reference[vnr].T).ravel())
            b.append((other[vlr] @ other[vnr].T).ravel())
    return round(float(np.corrcoef(np.concatenate(a), np.concatenate(b))[0, 1]), 3)


def _timed(encode, texts: list[str]) -> tuple[np.ndarray, float, float]:
    encode(texts[:16])  # warm-up
    with memory_peak(trace_python=False) as mem:
        started = time.perf_counter()
        vectors = np.asarray(encode(texts), dtype=np.float32)
        elapsed = time.perf_counter() - started
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12), elapsed, mem.rss_peak_mib


def backends(model_path: str) -> dict:
    """name -> (setup seconds, encode function), for every backend that can load here."""
    from sentence_transformers import SentenceTransformer

    found: dict = {}
    started = time.perf_counter()
    torch_model = SentenceTransformer(model_path, device="cpu")
    found["torch"] = (time.perf_counter() - started, lambda t: torch_model.encode(t, batch_size=64))
    short = SentenceTransformer(model_path, device="cpu")
    short.max_seq_length = 128
    found["torch-128"] = (0.0, lambda t: short.encode(t, batch_size=64))
    try:
        found.update(_onnx_backends(model_path))
    except Exception as exc:  # optional: onnxruntime missing, or the export failed
        found["onnx"] = (None, f"skipped: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
    try:
        found["model2vec"] = _model2vec_backend(model_path)
    except ImportError as exc:
        found["model2vec"] = (None, f"skipped: {exc}")
    return found


def _onnx_backends(model_path: str) -> dict:
    """MiniLM exported to ONNX with torch.onnx and quantized with onnxruntime, run directly.

    optimum (what sentence-transformers' backend="onnx" uses) does not load with the installed
    transformers, so the export, mean pooling and normalisation are done here.
    """
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    folder = MODELS / "all-MiniLM-L6-v2-onnx"
    folder.mkdir(parents=True, exist_ok=True)
    fp32_path, int8_path = folder / "model.onnx", folder / "model_int8.onnx"
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    started = time.perf_counter()
    if not fp32_path.is_file():
        model = AutoModel.from_pretrained(model_path).eval()
        sample = tokenizer(["a sample passage"], return_tensors="pt")
        torch.onnx.export(
            model,
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(fp32_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"}
                for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
    export_s = time.perf_counter() - started
    if not int8_path.is_file():
        quantize_dynamic(str(fp32_path), str(int8_path), weight_type=QuantType.QInt8)
    quantize_s = time.perf_counter() - started - export_s

    def encoder(path: Path):
        options = ort.SessionOptions()
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

        def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
            order = np.argsort([len(t) for t in texts])  # similar lengths pad less
            out = np.zeros((len(texts), 384), dtype=np.float32)
            for start in range(0, len(texts), batch_size):
                index = order[start : start + batch_size]
                batch = tokenizer(
                    [texts[i] for i in index],
                    padding=True,
                    truncation=True,
                    max_length=256,
                    return_tensors="np",
                )
                feeds = {k: batch[k].astype(np.int64) for k in ("input_ids", "attention_mask")}
                feeds["token_type_ids"] = np.zeros_like(feeds["input_ids"])
                hidden = session.run(None, feeds)[0]
                mask = feeds["attention_mask"][..., None].astype(np.float32)
                out[index] = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            return out

        return encode

    return {"onnx": (export_s, encoder(fp32_path)), "onnx-int8": (quantize_s, encoder(int8_path))}


def _model2vec_backend(model_path: str):
    from model2vec import StaticModel

    folder = MODELS / "all-MiniLM-L6-v2-m2v"
    started = time.perf_counter()
    if not (folder / "config.json").is_file():
        from model2vec.distill import distill

        distilled = distill(model_name=model_path, pca_dims=256)
        distilled.save_pretrained(str(folder))
    model = StaticModel.from_pretrained(str(folder))
    return (time.perf_counter() - started, lambda t: model.encode(t))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1024, help="passages timed per backend")
    args = parser.parse_args(argv)
    from models.embeddings import DEFAULT_MODEL, _load, resolve_model_path

    _load(DEFAULT_MODEL, "cpu")  # sets the offline environment
    model_path = resolve_model_path(DEFAULT_MODEL)
    passages = sample_passages()
    pairs = planted_pairs()
    texts = [p["text"] for p in passages]
    timed_texts = (texts * (args.passages // len(texts) + 1))[: args.passages]
    found = backends(model_path)
    results: dict = {"machine": machine(), "passages_timed": len(timed_texts), "backends": {}}
    reference = None
    for name, (setup_s, encode) in found.items():
        if isinstance(encode, str):
            results["backends"][name] = {"status": encode}
            print(f"{name:10s} {encode}", flush=True)
            continue
        _, elapsed, rss = _timed(encode, timed_texts)
        vectors, _, _ = _timed(encode, texts)
        if name == "torch":
            reference = vectors
        entry = {
            "setup_s": None if setup_s is None else round(setup_s, 1),
            "passages_per_s": round(len(timed_texts) / elapsed, 1),
            "rss_peak_mib": round(rss, 0),
            "dimension": int(vectors.shape[1]),
            **quality(vectors, passages, pairs),
            "similarity_r_vs_torch": similarity_agreement(reference, vectors, passages)
            if reference is not None
            else None,
        }
        base = results["backends"].get("torch", {}).get("passages_per_s")
        entry["speedup_vs_torch"] = round(entry["passages_per_s"] / base, 2) if base else None
        results["backends"][name] = entry
        print(f"{name:10s} {json.dumps(entry)}", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"embedding-backends-{stamp}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
