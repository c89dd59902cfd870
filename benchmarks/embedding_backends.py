"""Would another embedding backend make the collection fit in an hour? Measure, don't guess.

Embedding the SDG-tagged passages is the slowest stage. This compares, on the sample corpus's
real passages and on the same machine in the same run:

- `torch`: the pipeline's model (all-MiniLM-L6-v2, sentence-transformers, PyTorch, fp32);
- `torch-128`: the same with inputs cut at 128 tokens instead of 256;
- `onnx` / `onnx-int8`: the same weights exported locally to ONNX (torch.onnx), and dynamically
  quantized to int8, run with `onnxruntime` (skipped when it is not importable);
- `model2vec`: the pipeline's `minilm-static` model (`vlrlink model distill`, a static model
  distilled locally from the installed MiniLM, 384 dimensions), through `Embedder` as the
  pipeline loads it; skipped with a hint when it has not been distilled.

Speed is passages per second. Quality is measured against `torch` on the planted links of
data/sample/truth/links.csv: for each planted (VLR passage, VNR passage) pair, is the VNR
passage the VLR passage's best match among all passages of that VNR (recall@1), and how close
is each backend's similarity to torch's (Pearson r over all VLR x VNR pairs of a country).

`--calibrate` instead runs the pipeline on the sample corpus once per model (MiniLM and
minilm-static) with a low link threshold, then sweeps the threshold over the links it wrote:
precision and recall on the planted pairs as tests/test_pipeline_e2e.py measures them
(`models.truth.link_scores`), and `calibrate_threshold` on the similarities of the planted
(label 1) and distractor (label 0) pairs. The chosen values live in
`models.embeddings.LINK_THRESHOLDS`.

`python -m benchmarks.embedding_backends [--passages N] [--backends torch,model2vec]
[--calibrate]`; JSON to benchmarks/results/.
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


ALL_BACKENDS = ("torch", "torch-128", "onnx", "model2vec")


def backends(model_path: str, wanted: tuple[str, ...] = ALL_BACKENDS) -> dict:
    """name -> (setup seconds, encode function), for every wanted backend that can load here.

    `torch` always runs: it is the reference for speed-ups and similarity agreement.
    """
    from sentence_transformers import SentenceTransformer

    found: dict = {}
    started = time.perf_counter()
    torch_model = SentenceTransformer(model_path, device="cpu")
    found["torch"] = (time.perf_counter() - started, lambda t: torch_model.encode(t, batch_size=64))
    if "torch-128" in wanted:
        short = SentenceTransformer(model_path, device="cpu")
        short.max_seq_length = 128
        found["torch-128"] = (0.0, lambda t: short.encode(t, batch_size=64))
    if "onnx" in wanted:
        try:
            found.update(_onnx_backends(model_path))
        except Exception as exc:  # optional: onnxruntime missing, or the export failed
            reason = " ".join(str(exc).split())[:200]
            found["onnx"] = (None, f"skipped: {type(exc).__name__}: {reason}")
    if "model2vec" in wanted:
        try:
            found["model2vec"] = _model2vec_backend()
        except (ImportError, ValueError) as exc:
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


def _model2vec_backend():
    """minilm-static through the pipeline's Embedder (ValueError when it is not distilled)."""
    from models.embeddings import Embedder, resolve_model_path
    from models.static_model import STATIC_MODEL

    resolve_model_path(STATIC_MODEL)
    embedder = Embedder(STATIC_MODEL)
    started = time.perf_counter()
    _ = embedder.dimension  # loads the model
    return (time.perf_counter() - started, lambda t: embedder.embed(t))


# ---------------------------------------------------------------- threshold calibration

SWEEP = tuple(round(0.40 + 0.025 * i, 3) for i in range(24))  # 0.40 .. 0.975


def _labelled_similarities(con, model: str, located) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarity of each located planted (1) and distractor (0) pair under `model`."""
    import polars as pl

    from models.warehouse import read_frame

    vectors = {
        pid: np.asarray(vec, dtype=np.float32)
        for pid, vec in read_frame(
            con,
            "SELECT p.passage_id, c.embedding FROM passages p JOIN embedding_cache c "
            "ON c.text_hash = p.text_hash AND c.model = ?",
            [model],
        ).iter_rows()
    }
    sims, labels = [], []
    rows = located.filter(pl.col("kind").is_in(["planted", "distractor"])).drop_nulls(
        ["vlr_pid", "vnr_pid"]
    )
    for vlr, vnr, kind in rows.select("vlr_pid", "vnr_pid", "kind").iter_rows():
        if vlr in vectors and vnr in vectors:
            sims.append(float(vectors[vlr] @ vectors[vnr]))
            labels.append(int(kind == "planted"))
    return np.asarray(sims), np.asarray(labels)


def calibrate(model: str, floor: float = 0.3) -> dict:
    """Run the pipeline on the sample corpus with `model` and sweep the link threshold.

    Links are written once at `floor`; a higher threshold keeps exactly the links with
    similarity >= it, with the same ranks (rank 1 is the best match, cut last), so filtering
    is the same as rerunning `link_pair` at each threshold.
    """
    import tempfile

    import dagster as dg
    import duckdb
    import polars as pl

    from models.linking import calibrate_threshold
    from models.truth import link_scores, locate_links
    from models.warehouse import read_frame
    from pipelines.runner import run_pipeline

    truth_dir = SAMPLE / "truth"
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(tmp) / "calibrate.duckdb"
        started = time.perf_counter()
        summary = run_pipeline(
            catalog_path=SAMPLE / "catalog.csv",
            warehouse_path=warehouse,
            embedding_model=model,
            instance=dg.DagsterInstance.ephemeral(),
            link_threshold=floor,
        )
        if not summary.success:
            raise RuntimeError(f"pipeline failed with {model}: {summary.failure}")
        run_s = time.perf_counter() - started
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            passages = read_frame(con, "SELECT passage_id, doc_id, text FROM passages")
            links = read_frame(
                con,
                "SELECT vlr_passage_id, vnr_passage_id, vnr_doc_id, rank, similarity "
                "FROM passage_links",
            )
            located = locate_links(pl.read_csv(truth_dir / "links.csv"), passages)
            related = locate_links(
                pl.read_csv(truth_dir / "related_pairs.csv").with_columns(kind=pl.lit("related")),
                passages,
            ).select("vlr_pid", "vnr_pid")
            sims, labels = _labelled_similarities(con, model, located)
        finally:
            con.close()
    sweep = []
    for threshold in SWEEP:
        kept = links.filter(pl.col("similarity") >= threshold)
        scores = link_scores(located, kept, related)
        sweep.append(
            {
                "threshold": threshold,
                "precision": round(scores["precision"], 3),
                "recall": round(scores["recall"], 3),
                "judged": scores["judged"],
                "distractors_linked": scores["distractors_linked"],
                "links": kept.height,
            }
        )
    best = calibrate_threshold(sims, labels)
    return {
        "model": model,
        "pipeline_s": round(run_s, 1),
        "planted_pairs": int(labels.sum()),
        "distractor_pairs": int(len(labels) - labels.sum()),
        "planted_similarity": _summary(sims[labels == 1]),
        "distractor_similarity": _summary(sims[labels == 0]),
        "calibrate_threshold": {
            "threshold": round(best[0], 3),
            "precision": round(best[1], 3),
            "recall": round(best[2], 3),
            "f1": round(best[3], 3),
        },
        "sweep": sweep,
    }


def _summary(values: np.ndarray) -> dict:
    if not len(values):
        return {}
    return {
        "min": round(float(values.min()), 3),
        "median": round(float(np.median(values)), 3),
        "max": round(float(values.max()), 3),
    }


def run_calibration(models: list[str]) -> dict:
    results = {}
    for model in models:
        entry = calibrate(model)
        results[model] = entry
        print(
            f"\n{model}: pipeline {entry['pipeline_s']}s; {entry['planted_pairs']} planted and "
            f"{entry['distractor_pairs']} distractor pairs; planted similarity "
            f"{entry['planted_similarity']}, distractor {entry['distractor_similarity']}"
        )
        print(f"  calibrate_threshold (planted vs distractor): {entry['calibrate_threshold']}")
        print("  threshold  precision  recall  judged  distractors_linked  links")
        for row in entry["sweep"]:
            print(
                f"  {row['threshold']:<9} {row['precision']:<10} {row['recall']:<7} "
                f"{row['judged']:<7} {row['distractors_linked']:<19} {row['links']}"
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1024, help="passages timed per backend")
    parser.add_argument(
        "--backends",
        default=",".join(ALL_BACKENDS),
        help=f"comma-separated subset of {','.join(ALL_BACKENDS)} (torch always runs)",
    )
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="instead of timing, sweep the link threshold of MiniLM and minilm-static on the "
        "sample corpus's planted pairs (runs the pipeline once per model)",
    )
    parser.add_argument(
        "--models",
        default=None,
        help="with --calibrate: comma-separated models or folders "
        "(default: all-MiniLM-L6-v2,minilm-static)",
    )
    args = parser.parse_args(argv)
    from models.embeddings import DEFAULT_MODEL, _load, resolve_model_path
    from models.static_model import STATIC_MODEL

    stamp = time.strftime("%Y%m%d-%H%M%S")
    if args.calibrate:
        models = args.models.split(",") if args.models else [DEFAULT_MODEL, STATIC_MODEL]
        calibration = {"machine": machine(), "models": run_calibration(models)}
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"link-thresholds-{stamp}.json").write_text(json.dumps(calibration, indent=2))
        return 0
    _load(DEFAULT_MODEL, "cpu")  # sets the offline environment
    model_path = resolve_model_path(DEFAULT_MODEL)
    passages = sample_passages()
    pairs = planted_pairs()
    texts = [p["text"] for p in passages]
    timed_texts = (texts * (args.passages // len(texts) + 1))[: args.passages]
    found = backends(model_path, tuple(b.strip() for b in args.backends.split(",")))
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
    (RESULTS / f"embedding-backends-{stamp}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
