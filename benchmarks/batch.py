"""Batch throughput: `corefact batch`'s work beside a bare `nlp.pipe` parse with the same processes,
in one run, and the peak RSS per worker.

    python benchmarks/batch.py [--limit 200] [--workers 1,2]
    python benchmarks/batch.py --memory 1000,10000 [--workers 2]   # peak RSS of `corefact batch`
    python benchmarks/batch.py --ray --limit 1000 [--workers 2]     # --engine ray beside local

Each configuration runs in a fresh subprocess (so model load and peak memory are its own); each
reports articles/s over the whole run, pool start-up (fork, model load) included.

Measured 2026-12-06 on the shared 2-core machine, `--limit 200`: workers=1 bare 13.93/s, batch
10.53/s (0.76x), peak RSS 232 MB; workers=2 bare 22.08/s, batch 15.23/s (0.69x, target 0.75x),
peak RSS per worker 232 MB (target 400 MB).

After _verbatim's search and the noun chunks were found once per document (same day, `--limit
1000 --workers 1,2`): workers=1 bare 14.38/s, batch 11.89/s (0.83x), peak RSS 331 MB;
workers=2 bare 25.75/s, batch 22.62/s (0.88x), peak RSS per worker 327 MB.
`--memory 1000,10000 --workers 2`: 1,000 records 43 s, largest process 317 MB; 10,000 records
415 s (24.1/s), 358 MB. Within one process spaCy's strings stop growing after the first pass over
the 1,065 articles and RSS moves between 278 and 356 MB over three passes: no growth per record.
`--ray --limit 1000 --workers 2` (with other sessions loading the machine): local 96.2 s, ray
144.0 s, Ray start-up (about 6 s to init, the actors' model load) included: ray/local 0.67.
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


def corpus(path: Path, records: int) -> None:
    """``records`` JSONL records cycling through the BBC articles, each with its own id."""
    with DATA.open() as fh:
        rows = [json.loads(line) for line in fh]
    with path.open("w") as out:
        for i in range(records):
            r = rows[i % len(rows)]
            out.write(json.dumps({"id": f"{r['id']}#{i // len(rows)}", "text": r["article"]}) + "\n")


def cli_run(inp: Path, out: Path, workers: int, engine: str) -> dict:
    """`corefact batch` itself, in a fresh process: wall time, records out, and the peak RSS of
    the largest process of the run (the CLI or one of its workers)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        code = (f"import resource, subprocess, sys, time, json; t = time.perf_counter(); "
                f"subprocess.run([{str(ROOT / '.venv' / 'bin' / 'corefact')!r}, 'batch', {str(inp)!r}, '-o', {str(out)!r}, "
                f"'--workers', '{workers}', '--engine', '{engine}', '--quiet'], check=False); "
                f"print(json.dumps({{'seconds': time.perf_counter() - t, "
                f"'peak_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))")
        res = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp)
                         .stdout.strip().splitlines()[-1])
    files = [out] if out.is_file() else sorted(out.rglob("*.json*"))
    res["records"] = sum(1 for f in files for _ in f.open())
    return res


def memory(sizes: list[int], workers: int) -> None:
    import tempfile

    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            inp = Path(tmp) / "in.jsonl"
            corpus(inp, n)
            r = cli_run(inp, Path(tmp) / "out.jsonl", workers, "local")
        print(f"records={n} workers={workers}: {r['records']} records in {r['seconds']:.0f} s "
              f"({r['records'] / r['seconds']:.2f}/s); peak RSS of the largest process {r['peak_rss_mb']:.0f} MB")


def ray_vs_local(limit: int, workers: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        corpus(inp, limit)
        local = cli_run(inp, Path(tmp) / "local.jsonl", workers, "local")
        ray = cli_run(inp, Path(tmp) / "ray_out", workers, "ray")
    print(f"{limit} articles, workers={workers}: local {local['records']} records in {local['seconds']:.1f} s, "
          f"ray {ray['records']} records in {ray['seconds']:.1f} s (Ray start-up included); "
          f"ray/local throughput ratio {local['seconds'] / ray['seconds']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--one", nargs=2)
    ap.add_argument("--memory", help="comma-separated corpus sizes: peak RSS of `corefact batch` on each")
    ap.add_argument("--ray", action="store_true", help="`--engine ray` beside the local engine on --limit articles")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.limit)))
        return
    if args.memory:
        memory([int(x) for x in args.memory.split(",")], int(args.workers.split(",")[-1]))
        return
    if args.ray:
        ray_vs_local(args.limit, int(args.workers.split(",")[-1]))
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
