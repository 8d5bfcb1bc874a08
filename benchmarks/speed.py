"""Speed: the whole explainer beside a bare spaCy parse of the same articles, in one run.

    python benchmarks/speed.py [--data ../shared/data/summ_bbc_dev.jsonl] [--limit 200]

Prints articles/s for each and the ratio (explainer throughput / bare parse throughput), plus the
time per stage, so a regression shows up as a number.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "summ_bbc_dev.jsonl")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()

    from corefact import explain
    from corefact.nlp import load_nlp

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

    # 2. where the time goes: explain() itself reports the seconds of each stage
    stages: dict[str, float] = {}
    for t in texts:
        explain(t, stage_times=stages)
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
