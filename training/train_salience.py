"""Learn the salience model shipped in src/corefact/data/salience.json.

    .venv/bin/python training/train_salience.py [--data-dir ../shared/data]

Linear models over corefact.select's sentence features, fitted by ridge regression on the
training part of the BBC and CNN/DM sets (corefact.eval.split.is_eval is False: 637 BBC and 73
CNN/DM articles; the rest is held out for `corefact eval summarize`), within-article centred so
that they learn to rank the sentences of one article. Only sentences that may stand alone in the
output (corefact.select.eligible) are used; targets are ROUGE-1 F1 against the reference (the best
of several):

* ``core``: all of them, each scored alone (the one-sentence core fact, picked in the lede);
* ``brief`` and ``brief_no_paragraphs``: those after the brief's opening (corefact.select.brief_opening:
  the lede, at most two sentences in a row of the first paragraph; in text without paragraph breaks
  only the first sentence), each scored as the opening followed by that sentence, the brief it
  would make. One model for articles whose text has paragraph breaks, one for text without them
  (corefact.select.paragraphed): where the text has no breaks, the lede's end cannot be seen and
  the sentences right after it weigh differently. In the
  shared data this split is also the split between the sets (every BBC article has paragraphs, no
  CNN/DM text has), so each brief model learns from one set only.

Both sets weigh the same in the core model, however many articles each has. Then the brief's MMR
redundancy weight is chosen from a fixed grid as the one whose briefs of 3 and 4 sentences (4 is
the default length; built by corefact.select.select_brief with the fitted weights) score the highest
ROUGE-1 F1 on the training part, the mean of the two sets' means (of values within 0.1 point of
the best, the largest: ROUGE does not see repetition). Deterministic: no randomness at all.
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


GRID = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.6)
TIE = 0.001  # ROUGE-1 F1 (0.1 points)
BRIEF_LENGTHS = (3, 4)  # the k=3 and the default length of `corefact explain`


def _fit(blocks: list[tuple], ridge: float) -> np.ndarray:
    """Weighted ridge regression on within-article centred blocks (features, targets, weight, set name)."""
    X = np.vstack([b[0] - b[0].mean(axis=0) for b in blocks])
    y = np.concatenate([b[1] - b[1].mean() for b in blocks])
    W = np.concatenate([np.full(len(b[1]), b[2] / len(b[1])) for b in blocks])
    A = X.T @ (X * W[:, None]) + ridge * 1e-4 * np.eye(X.shape[1])
    w = np.linalg.solve(A, X.T @ (W * y))
    return w / (np.abs(w).max() or 1.0)  # ranking is what matters: keep numbers readable


def training_data(data_dir: Path, split: str = "train", limit: int | None = None) -> tuple[dict[str, list], list, dict[str, int]]:
    """Parse the training part of the shared sets once (``split``: ``train``, or ``all`` for the
    leave-one-corpus-out benchmark; ``limit``: articles per set): the regression blocks of each model
    (``{model: [(features, targets, weight, set name), ...]}``, one block per article), the parsed
    articles (``(set name, parsed, features, tokenised references, references)``) and the number of
    articles per set."""
    from rouge_score import tokenizers

    from corefact.eval.data import read_jsonl
    from corefact.eval.split import in_split
    from corefact.eval.summarize import rouge1_f1
    from corefact.ingest import load_article
    from corefact.nlp import parse
    from corefact.select import BRIEF_MODELS, FEATURES, brief_model, brief_opening, eligible, sentence_features

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    blocks: dict[str, list] = {"core": [], **{m: [] for m in BRIEF_MODELS}}
    articles = []
    counts = {}
    for name in SETS:
        rows = [r for r in read_jsonl(data_dir / name) if in_split(r["id"], split)][:limit]
        counts[name] = len(rows)
        for row in rows:
            parsed = parse(load_article(row["article"], title=row.get("title")))
            ref_texts = row.get("references") or [row["reference"]]
            refs = [Counter(tok.tokenize(r)) for r in ref_texts]
            feats = sentence_features(parsed)
            X = np.array([[f[k] for k in FEATURES] for f in feats])
            bags = [Counter(tok.tokenize(s.text)) for s in parsed.sents]
            shown = [i for i, s in enumerate(parsed.sents) if eligible(s)]
            opening = [s.index for s in brief_opening(parsed, [parsed.sents[i] for i in shown])]
            body = shown[len(opening):]
            alone = np.array([rouge1_f1(b, refs) for b in bags])
            with_lede = np.array([rouge1_f1(sum((bags[j] for j in opening), bags[i].copy()), refs) for i in range(len(bags))])
            for model, rows_used, y in (("core", shown, alone), (brief_model(parsed), body, with_lede)):
                if len(rows_used) >= 2:
                    blocks[model].append((X[rows_used], y[rows_used], 1.0 / len(rows), name))
            articles.append((name, parsed, feats, refs, ref_texts))
    return blocks, articles, counts


def fit_models(blocks: dict[str, list], ridge: float) -> dict[str, dict]:
    """The weights of every model, fitted on its blocks."""
    from corefact.select import FEATURES

    return {model: {"weights": {k: round(float(v), 6) for k, v in zip(FEATURES, _fit(model_blocks, ridge))}} for model, model_blocks in blocks.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--ridge", type=float, default=1.0)
    args = ap.parse_args()

    from rouge_score import tokenizers

    from corefact.eval.summarize import rouge1_f1
    from corefact.select import brief_model, core_fact, scored_with, select_brief

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    blocks, articles, counts = training_data(args.data_dir)
    models = fit_models(blocks, args.ridge)

    by_redundancy = {}
    for r in GRID:
        per_set: dict[str, list[float]] = {name: [] for name in SETS}
        for name, parsed, feats, refs, _ in articles:
            scored = scored_with(parsed, feats, models[brief_model(parsed)]["weights"], models["core"]["weights"])
            for k in BRIEF_LENGTHS:
                brief = select_brief(parsed, scored, k, core_fact(scored), redundancy=r)
                per_set[name].append(rouge1_f1(Counter(tok.tokenize(" ".join(s.text for s in brief))), refs))
        by_redundancy[r] = float(np.mean([np.mean(v) for v in per_set.values()]))
        print(f"redundancy {r}: training ROUGE-1 F1 of briefs of {' and '.join(map(str, BRIEF_LENGTHS))} sentences " + ", ".join(f"{n} {100 * np.mean(v):.2f}" for n, v in per_set.items()))
    best = max(by_redundancy.values())
    # ROUGE does not see the repetition a reader does: among the values within TIE of the best
    # (far inside the noise of these sets), the one that weighs redundancy most
    redundancy = max(r for r in GRID if by_redundancy[r] >= best - TIE)
    OUT.write_text(
        json.dumps(
            {
                "note": "Learned by training/train_salience.py; do not edit by hand.",
                "trained": dt.date.today().isoformat(),
                "training_articles": counts,
                "split": "corefact.eval.split.is_eval: SHA-1(id) % 10 < 3 held out",
                "ridge": args.ridge,
                "redundancy": redundancy,
                "models": models,
            },
            indent=1,
        )
        + "\n"
    )
    print(json.dumps({"redundancy": redundancy, "models": models}, indent=1))


if __name__ == "__main__":
    main()
