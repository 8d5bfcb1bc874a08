"""Does the brief hold up on news it was not trained on? Leave-one-corpus-out, side by side in one run.

    python benchmarks/cross_corpus.py [--data-dir ../shared/data] [--limit N] [--variant NAME ...]

For each direction (trained on BBC, tested on CNN/DM; trained on CNN/DM, tested on BBC) the salience
models are fitted exactly as training/train_salience.py fits them, but on every article of the one
set (the brief's two models, for text with and without paragraph breaks, become one: in the shared
data each set has one shape only), and the briefs of the other set are scored as `corefact eval
summarize` scores them: the text as shown, ROUGE-1 F1 against the best reference. Beside them:
Lead-k on the same articles, and the shipped models (which saw the training part of both sets,
so they are not a held-out figure on either), and the core fact against Lead-1.

Variants (``--variant``) change how the body sentences are chosen, to see which choice holds up on
both sets; the shipped brief is ``learned``. ``blend:W`` weighs the article's order by W against the
model's rank (``borda`` is W = 0.5; W = 1 is the article's order through the brief's own lede and
readability rules). Measured 2026-12-07 (k=3 / k=4, ROUGE-1 minus Lead-k):

    W      BBC->CNN/DM     CNN/DM->BBC    shipped on BBC (k=3)
    0      -4.41 / -3.33   +1.89 / +3.34  58.31
    0.25   -3.60 / -2.86   +1.77 / +3.50  57.36
    0.5    -2.60 / -0.96   +0.93 / +2.19  53.61
    0.75   -0.63 / +0.30   -0.01 / +0.97  47.85
    1      -0.11 / +0.48   -0.27 / +0.55  44.55

No weight reaches Lead-k + 1.0 from BBC to CNN/DM; every step towards the order costs the other
direction and the shipped BBC brief.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

KS = (3, 4)
# features whose meaning is the house style of one set: how long its sentences run
LENGTH_FEATURES = ("length_ok", "log_length", "relative_length", "centrality_sum", "textrank_x_length", "centrality_x_length")


def variant_scores(scored: list, variant: str) -> list:
    """The body scores a variant uses (the Scored list changed in place and returned)."""
    import dataclasses

    if variant == "learned":
        return scored
    if variant == "borda" or variant.startswith("blend:"):
        # a weighted mean of the model's rank and the article's order: the inverted pyramid as a
        # prior, with weight W on the order (borda: W = 0.5)
        w = 0.5 if variant == "borda" else float(variant.split(":", 1)[1])
        order = sorted(range(len(scored)), key=lambda i: -scored[i].score)
        rank = {i: r for r, i in enumerate(order)}
        n = max(1, len(scored) - 1)
        return [dataclasses.replace(s, score=1.0 - ((1 - w) * rank[i] + w * i) / n) for i, s in enumerate(scored)]
    raise ValueError(variant)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="articles per set (default: all)")
    ap.add_argument("--variant", action="append", help="learned, no_length, borda or blend:W (W in 0..1, the order's weight); default: the first three")
    args = ap.parse_args()

    import train_salience as T

    from corefact.eval import peers as P
    from corefact.eval.summarize import _scorer, best_rouge
    from corefact.rewrite import as_sentence, brief
    from corefact.select import FEATURES, brief_model, core_fact, load_weights, scored_with, select_brief, shipped_redundancy

    print("parsing both sets...", file=sys.stderr)
    blocks, articles, counts = T.training_data(args.data_dir, split="all", limit=args.limit)
    scorer = _scorer()
    redundancy = shipped_redundancy()
    sets = list(counts)

    def brief_weights(source: str, drop: tuple = ()) -> tuple[dict, dict]:
        """Core and brief weights fitted on one set only (its articles' blocks, both brief shapes)."""
        picked = {
            "core": [b for b in blocks["core"] if b[3] == source],
            "brief": [b for m in ("brief", "brief_no_paragraphs") for b in blocks[m] if b[3] == source],
        }
        if drop:
            keep = [i for i, f in enumerate(FEATURES) if f not in drop]
            picked["brief"] = [(b[0][:, keep] * 1.0, b[1], b[2], b[3]) for b in picked["brief"]]
            fitted = T._fit(picked["brief"], 1.0)
            brief = dict.fromkeys(FEATURES, 0.0) | {FEATURES[i]: float(w) for i, w in zip(keep, fitted)}
            return T.fit_models({"core": picked["core"]}, ridge=1.0)["core"]["weights"], brief
        models = T.fit_models(picked, ridge=1.0)
        return models["core"]["weights"], models["brief"]["weights"]

    shipped = (load_weights("core"), None)
    for variant, source in [(v, s) for v in (args.variant or ["learned", "no_length", "borda"]) for s in sets + ["shipped"]]:
        if variant == "no_length" and source == "shipped":
            continue
        drop = LENGTH_FEATURES if variant == "no_length" else ()
        core_w, brief_w = shipped if source == "shipped" else brief_weights(source, drop)
        for target in sets:
            if target == source:
                continue
            scores: dict[str, list[float]] = {}
            for name, parsed, feats, refs_text in ((a[0], a[1], a[2], a[4]) for a in articles):
                if name != target:
                    continue
                bw = brief_w if brief_w is not None else load_weights(brief_model(parsed))
                scored = scored_with(parsed, feats, bw, core_w)
                core = core_fact(scored)
                scored = variant_scores(scored, "learned" if variant == "no_length" else variant)
                sents = [s.text for s in parsed.sents]
                systems = {"core": as_sentence(parsed, core).text, "Lead-1": sents[0]}
                for k in KS:
                    shown = brief(parsed, select_brief(parsed, scored, k, core, redundancy=redundancy))
                    systems[f"brief k={k}"] = " ".join(s.text for s in shown)
                    systems[f"Lead-{k}"] = " ".join(P.lead(sents, k))
                for sys_name, text in systems.items():
                    scores.setdefault(sys_name, []).append(100 * best_rouge(scorer, refs_text, text)["rouge1"])
            m = {k: float(np.mean(v)) for k, v in scores.items()}
            line = f"{variant:9} trained on {source:>26} -> tested on {target:<26} n={len(scores['core']):4d}  core {m['core']:.2f} vs Lead-1 {m['Lead-1']:.2f} ({m['core'] - m['Lead-1']:+.2f})"
            for k in KS:
                line += f"  k={k}: {m[f'brief k={k}']:.2f} vs Lead-{k} {m[f'Lead-{k}']:.2f} ({m[f'brief k={k}'] - m[f'Lead-{k}']:+.2f})"
            print(line, flush=True)


if __name__ == "__main__":
    main()
