"""What the brief's readability rules cost in ROUGE-1, on the held-out split, side by side in one run.

    python benchmarks/readability_cost.py [--data ../shared/data/summ_bbc_dev.jsonl] [--k 3]

The brief (corefact.select.select_brief) shows only sentences that can be read on their own: no
leading pronoun or connective unless the sentence before is shown too, no quotation left open or
without its speaker, 5 to 80 words, no question, no photo caption or highlight line that restates a
sentence shown (corefact.select.restates). ROUGE does not read, so these rules cost points
against peers that pick any sentence (sumy TextRank on the BBC set). Rows, each ROUGE-1 F1 against
the best reference (rouge-score's tokenizer with stemming, the same figure `corefact eval
summarize` prints):

* ``brief``: what corefact ships.
* ``same scores, any sentence``: the same lede and the same body scores and redundancy control,
  but every sentence may be picked: what the rules cost.
* ``oracle under the rules``: the lede and the best set of body sentences the rules allow (every
  combination tried): the ceiling for any scoring of sentences with the rules kept.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "summ_bbc_dev.jsonl")
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    from rouge_score import tokenizers

    from corefact.eval.data import read_jsonl
    from corefact.eval.split import is_eval
    from corefact.eval.summarize import rouge1_f1
    from corefact.ingest import load_article
    from corefact.nlp import parse
    from corefact.select import _jaccard, brief_opening, content_lemmas, core_fact, eligible, leans_on_previous, restates, score_sentences, select_brief, shipped_redundancy

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    red = shipped_redundancy()
    rows = {"brief": [], "same scores, any sentence": [], "oracle under the rules": []}
    for row in read_jsonl(args.data, args.limit):
        if not is_eval(row["id"]):
            continue
        refs = [Counter(tok.tokenize(r)) for r in (row.get("references") or [row["reference"]])]
        parsed = parse(load_article(row["article"], title=row.get("title")))
        scored = score_sentences(parsed)
        first = core_fact(scored)
        sents = parsed.sents
        bags = [Counter(tok.tokenize(s.text)) for s in sents]

        def score(idx) -> float:
            return rouge1_f1(sum((bags[i] for i in idx), Counter()), refs)

        shipped = select_brief(parsed, scored, args.k, first)
        rows["brief"].append(score([s.index for s in shipped]))
        opening = [first.index] + [s.index for s in brief_opening(parsed, [s.sent for s in scored if eligible(s.sent)]) if s.index != first.index]
        opening = opening[: args.k]
        # the same selection (select_brief's MMR) with every sentence allowed
        words = {s.index: set(content_lemmas(parsed, s)) for s in sents}
        chosen, pool = list(opening), [s for s in scored if s.sent.index not in opening]
        while len(chosen) < args.k and pool:
            best = max(pool, key=lambda c: c.score - red * 5 * max(_jaccard(words[c.sent.index], words[j]) for j in chosen))
            chosen.append(best.sent.index)
            pool.remove(best)
        rows["same scores, any sentence"].append(score(chosen))
        # the best the rules allow
        body = [s.sent.index for s in scored if eligible(s.sent, opening=False) and s.sent.index not in opening]
        needs = leans_on_previous(parsed) | {i for i in body if not eligible(sents[i])}
        top = score(opening)
        for extra in itertools.combinations(body, max(0, args.k - len(opening))):
            picked = set(opening) | set(extra)
            if all(i not in needs or i - 1 in picked for i in extra) and not any(
                restates(sents[i], words[i], [words[j] for j in picked if j != i]) for i in extra
            ):
                top = max(top, score(sorted(picked)))
        rows["oracle under the rules"].append(top)
    n = len(rows["brief"])
    print(f"{args.data.name}: {n} held-out articles, k={args.k}, ROUGE-1 F1")
    for name, values in rows.items():
        print(f"  {name:<28} {100 * sum(values) / max(1, n):6.2f}")


if __name__ == "__main__":
    main()
