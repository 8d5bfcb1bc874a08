"""Learn the salience weights shipped in src/corefact/data/salience.json.

    .venv/bin/python training/train_salience.py [--data-dir ../shared/data]

Two linear models over corefact.select's sentence features, fitted by ridge regression on the
training part of the BBC and CNN/DM sets (corefact.eval.split.is_eval is False: 637 BBC and 73
CNN/DM articles; the rest is held out for `corefact eval summarize`), within-article centred so that they learn to rank the sentences of one article:

* ``core``: target = ROUGE-1 F1 of the sentence alone against the reference (the one-sentence core fact);
* ``brief``: target = the share of the reference's words the sentence covers (what a k-sentence
  extract gains from it).

Both sets weigh the same in training, however many articles each has. Only sentences that may
appear in the output (corefact.select.eligible) are used. Deterministic: no randomness at all.

No linear model fitted on both sets ranks well on both: the BBC references reward long, central
sentences, the CNN/DM ones the lead. ``--brief-position-prior`` (default 1.0, chosen on the
training split as the value that best balanced the gain over Lead-3 on both) adds a lean towards
early sentences to the brief model: that many times its largest weight, taken off log_position.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "corefact" / "data" / "salience.json"
SETS = ("summ_bbc_dev.jsonl", "summ_cnndm_summeval.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--brief-position-prior", type=float, default=1.0)
    args = ap.parse_args()

    from rouge_score import tokenizers

    from corefact.eval.data import read_jsonl
    from corefact.eval.split import is_eval
    from corefact.ingest import load_article
    from corefact.nlp import parse
    from corefact.select import FEATURES, eligible, sentence_features

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    xs, yc, yb, ws = [], [], [], []
    counts = {}
    for name in SETS:
        rows = [r for r in read_jsonl(args.data_dir / name) if not is_eval(r["id"])]
        counts[name] = len(rows)
        for row in rows:
            parsed = parse(load_article(row["article"], title=row.get("title")))
            refs = [Counter(tok.tokenize(r)) for r in (row.get("references") or [row["reference"]])]
            feats = sentence_features(parsed)
            X, C, B = [], [], []
            for s, f in zip(parsed.sents, feats):
                if not eligible(s):
                    continue
                toks = Counter(tok.tokenize(s.text))
                n = sum(toks.values())
                best_f, best_cov = 0.0, 0.0
                for ref in refs:
                    m = sum((toks & ref).values())
                    r_len = sum(ref.values())
                    if m:
                        p, rc = m / n, m / r_len
                        best_f = max(best_f, 2 * p * rc / (p + rc))
                        best_cov = max(best_cov, rc)
                X.append([f[k] for k in FEATURES])
                C.append(best_f)
                B.append(best_cov)
            if len(X) < 2:
                continue
            X = np.array(X)
            xs.append(X - X.mean(axis=0))
            yc.append(np.array(C) - np.mean(C))
            yb.append(np.array(B) - np.mean(B))
            ws.append(np.full(len(X), 1.0 / (len(rows) * len(X))))
    X = np.vstack(xs)
    W = np.concatenate(ws)
    models = {}
    for model, ys in (("core", yc), ("brief", yb)):
        y = np.concatenate(ys)
        A = X.T @ (X * W[:, None]) + args.ridge * 1e-4 * np.eye(X.shape[1])
        w = np.linalg.solve(A, X.T @ (W * y))
        if model == "brief":
            w[FEATURES.index("log_position")] -= args.brief_position_prior * np.abs(w).max()
        scale = 1.0 / (np.abs(w).max() or 1.0)  # ranking is what matters: keep numbers readable
        models[model] = {"weights": {k: round(float(v * scale), 6) for k, v in zip(FEATURES, w)}}
    OUT.write_text(
        json.dumps(
            {
                "note": "Learned by training/train_salience.py; do not edit by hand.",
                "trained": dt.date.today().isoformat(),
                "training_articles": counts,
                "split": "corefact.eval.split.is_eval: SHA-1(id) % 10 < 3 held out",
                "ridge": args.ridge,
                "brief_position_prior": args.brief_position_prior,
                "models": models,
            },
            indent=1,
        )
        + "\n"
    )
    print(json.dumps(models, indent=1))


if __name__ == "__main__":
    main()
