"""Speed: the whole explainer beside a bare spaCy parse of the same articles, in one run.

    python benchmarks/speed.py [--data ../shared/data/summ_bbc_dev.jsonl] [--limit 200]

Prints articles/s for each and the ratio (explainer throughput / bare parse throughput), plus the
time per stage, so a regression shows up as a number.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "summ_bbc_dev.jsonl")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()

    from corefact import explain
    from corefact.facts import extract_facts
    from corefact.faq import build_faq
    from corefact.ingest import load_article
    from corefact.nlp import load_nlp, parse
    from corefact.options import Options
    from corefact.rewrite import as_sentence
    from corefact.rewrite import brief as build_brief
    from corefact.select import core_fact, score_sentences, select_brief
    from corefact.verification import Original
    from corefact.verification.gate import gate

    rows = []
    with args.data.open() as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= args.limit:
                break
    texts = [r["article"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    explain(texts[0])  # warm up: model load, caches

    # 1. the ratio: bare parse and the real explain(), interleaved article by article so that
    #    warm-up, caches and machine load fall on both alike
    for t in texts:
        nlp(t)  # untimed pass: the vocabulary learns every word of the set once
    bare = full = 0.0
    for t in texts:
        t0 = time.perf_counter()
        nlp(t)
        t1 = time.perf_counter()
        explain(t)
        t2 = time.perf_counter()
        bare += t1 - t0
        full += t2 - t1

    # 2. where the time goes: the same stages as pipeline.explain, timed one by one
    stages: dict[str, float] = defaultdict(float)
    opts = Options()

    def timed(name, fn, *a):
        t = time.perf_counter()
        out = fn(*a)
        stages[name] += time.perf_counter() - t
        return out

    for t in texts:
        article = timed("ingest", load_article, t)
        parsed = timed("parse", parse, article)
        facts = timed("facts", extract_facts, parsed)
        scored = timed("select", score_sentences, parsed)
        core_s = timed("select", core_fact, scored)
        core = as_sentence(parsed, core_s)
        brief = timed("rewrite", lambda: build_brief(parsed, select_brief(parsed, scored, opts.sentences, core_s)))
        checker = timed("verify", Original.build, parsed)
        faq, _ = timed("faq", build_faq, parsed, facts, scored, core, opts.questions, checker.index)
        timed("verify", gate, article, core, brief, faq, checker)
    staged = sum(stages.values())

    n = len(texts)
    print(f"{n} articles, {words:,} words ({args.data.name})")
    print(f"bare spaCy parse : {n / bare:6.1f} articles/s  ({words / bare:,.0f} words/s)")
    print(f"corefact explain : {n / full:6.1f} articles/s  ({words / full:,.0f} words/s)")
    print(f"ratio explain/parse throughput: {bare / full:.2f}  (target >= 0.75)")
    print("time per stage (share of the staged run):")
    for name, s in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:8s} {1000 * s / n:7.1f} ms/article  {100 * s / staged:5.1f}%")


if __name__ == "__main__":
    main()
