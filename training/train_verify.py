"""Learn the verify scorer shipped in src/corefact/data/verify_scorer.json.

    .venv/bin/python training/train_verify.py [--data-dir ../shared/data] [--cache /tmp/verify_bags.pkl]

A logistic model over each claim's alignment features and the structured checks' signals
(corefact.verification.scorer.FEATURES), fitted on bags of claims (a rewrite is supported when all
its claims are: P = the product of the claims' probabilities; corefact.verification.learn):

* SummEval's 1,600 expert-labelled model summaries of 100 CNN/DM articles
  (faith_summeval_dev.jsonl; label 1 = consistent);
* perturbation pairs (corefact.eval.perturb, seed 11) of the reference sentences of 150 BBC
  articles: those after the 100 the perturbation benchmark uses (same shuffle), so the benchmark
  never sees an article trained on, and no SummEval article is among them.

Each source and each label weighs the same. The claim threshold is the one with the best balanced
accuracy on the SummEval summaries trained on, among those flagging at most 5% of the faithful
perturbation pairs. First a 5-fold cross-validation by article (no article in both parts; the
fold models fitted and thresholded on their training folds only), whose figures are stored with
the weights; then the shipped model, fitted on everything. Deterministic: full-batch, from zero.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corefact.eval.verify import perturbation_training_bags, summeval_bags  # noqa: E402
from corefact.verification import learn  # noqa: E402
from corefact.verification.scorer import FEATURES, WEIGHTS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, help="keep the extracted features here (re-fitting without re-parsing)")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        summ, rules, pert = pickle.loads(args.cache.read_bytes())
    else:
        summ, rules = summeval_bags(args.data_dir / "faith_summeval_dev.jsonl")
        pert = perturbation_training_bags(args.data_dir)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((summ, rules, pert)))
    cv = learn.cross_validate(summ, pert)
    print("5-fold by article:", json.dumps(cv), file=sys.stderr)
    model = learn.fit(summ + pert)
    out = {
        "features": list(FEATURES),
        "mean": [round(x, 6) for x in model.mean],
        "scale": [round(x, 6) for x in model.scale],
        "weights": [round(x, 6) for x in model.weights],
        "bias": round(model.bias, 6),
        "threshold": model.threshold,
        "trained": {
            "date": dt.date.today().isoformat(),
            "summeval_summaries": len(summ),
            "perturbation_pairs": len(pert),
            "perturbation_faithful": sum(b.label for b in pert),
            "cross_validation": cv,
        },
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {model.threshold}", file=sys.stderr)


if __name__ == "__main__":
    main()
