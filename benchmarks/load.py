"""Bounded load test of ``corefact serve`` on loopback.

    python benchmarks/load.py [--requests 200] [--clients 20] [--threads 2] [--workers 1]

Starts ``corefact serve`` on a free 127.0.0.1 port, warms it up, then sends ``--requests`` POST
/v1/explain (the project's example articles in turn) from ``--clients`` concurrent clients, and prints
latency p50/p95/p99/max, throughput, and errors by status — beside a one-client run of the same
articles, so the queueing cost shows as a ratio in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "corefact.cli", "serve", "--port", str(port), "--threads", str(args.threads), "--workers", str(args.workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def run(base: str, bodies: list[dict], n: int, clients: int) -> dict:
    import httpx

    latencies: list[float] = []
    statuses: Counter = Counter()
    next_i = 0

    async def client(c: httpx.AsyncClient):
        nonlocal next_i
        while next_i < n:
            i = next_i
            next_i += 1
            t = time.perf_counter()
            try:
                r = await c.post(base + "/v1/explain", json=bodies[i % len(bodies)])
                statuses[r.status_code] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - t)

    t0 = time.perf_counter()
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits, trust_env=False) as c:
        await asyncio.gather(*(client(c) for _ in range(clients)))
    wall = time.perf_counter() - t0
    return {
        "requests": n, "clients": clients, "seconds": round(wall, 2), "requests_per_second": round(n / wall, 2),
        "p50_ms": round(pct(latencies, 50) * 1000), "p95_ms": round(pct(latencies, 95) * 1000),
        "p99_ms": round(pct(latencies, 99) * 1000), "max_ms": round(max(latencies) * 1000),
        "mean_ms": round(statistics.mean(latencies) * 1000), "statuses": {str(k): v for k, v in statuses.items()},
        "errors": sum(v for k, v in statuses.items() if k != 200),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--baseline", type=int, default=20, help="requests of the one-client run")
    args = ap.parse_args()

    bodies = [{"text": p.read_text()} for p in sorted((ROOT / "examples").glob("*.txt"))]
    proc, base = start(args)
    try:
        asyncio.run(run(base, bodies, len(bodies) * 2, 1))  # warm-up
        one = asyncio.run(run(base, bodies, args.baseline, 1))
        many = asyncio.run(run(base, bodies, args.requests, args.clients))
    finally:
        proc.terminate()
        proc.wait(10)
    result = {"server": {"threads": args.threads, "workers": args.workers}, "one_client": one, "concurrent": many,
              "p50_ratio_concurrent_to_one_client": round(many["p50_ms"] / max(one["p50_ms"], 1), 2),
              "throughput_ratio_concurrent_to_one_client": round(many["requests_per_second"] / one["requests_per_second"], 2)}
    print(json.dumps(result, indent=2))
    if many["errors"]:
        raise SystemExit(f"{many['errors']} errors")


if __name__ == "__main__":
    main()
