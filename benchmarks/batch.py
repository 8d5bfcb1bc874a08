"""Batch throughput: `corefact batch`'s work beside a bare `nlp.pipe` parse with the same processes,
in one run, and the peak RSS per worker.

    python benchmarks/batch.py [--limit 200] [--workers 1,2]

Each configuration runs in a fresh subprocess (so model load and peak memory are its own); each
reports articles/s over the whole run, pool start-up (fork, model load) included.

Measured 2026-12-06 on the shared 2-core machine, `--limit 200`: workers=1 bare 13.93/s, batch
10.53/s (0.76x), peak RSS 232 MB; workers=2 bare 22.08/s, batch 15.23/s (0.69x, target 0.75x),
peak RSS per worker 232 MB (target 400 MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summ_bbc_dev.jsonl"


def _bare(items, options, select):
    from corefact.nlp import load_nlp

    return [(i.id, True, str(len(d))) for i, d in zip(items, load_nlp().pipe([i.payload["text"] for i in items], batch_size=16))]


def one(mode: str, workers: int, limit: int) -> dict:
    from corefact.batch.inputs import record_item
    from corefact.batch.runner import run_ordered
    from corefact.batch.work import lines_chunk
    from corefact.options import Options

    with DATA.open() as fh:
        rows = [json.loads(next(fh)) for _ in range(limit)]
    items = [record_item({"id": r["id"], "text": r["article"]}, "x") for r in rows]
    fn = _bare if mode == "bare" else lines_chunk
    t0 = time.perf_counter()
    n = 0
    for chunk in run_ordered(fn, items, (Options(), None), workers):
        n += len(chunk)
    dt = time.perf_counter() - t0
    who = resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN
    return {"mode": mode, "workers": workers, "articles": n, "seconds": dt, "per_s": n / dt,
            "peak_rss_mb_per_worker": resource.getrusage(who).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--one", nargs=2)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.limit)))
        return
    res = {}
    for w in (int(x) for x in args.workers.split(",")):
        for mode in ("bare", "batch"):
            out = subprocess.run([sys.executable, __file__, "--limit", str(args.limit), "--one", mode, str(w)],
                                 capture_output=True, text=True, check=True).stdout
            res[(mode, w)] = json.loads(out.strip().splitlines()[-1])
        b, f = res[("bare", w)], res[("batch", w)]
        print(f"workers={w}: bare nlp.pipe {b['per_s']:.2f}/s, batch {f['per_s']:.2f}/s, ratio {f['per_s'] / b['per_s']:.2f}; "
              f"peak RSS per worker {f['peak_rss_mb_per_worker']:.0f} MB (bare {b['peak_rss_mb_per_worker']:.0f} MB); {f['articles']} articles")


if __name__ == "__main__":
    main()
