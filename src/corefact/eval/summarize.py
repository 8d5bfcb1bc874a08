"""ROUGE of the core fact (k=1) and the brief (k=3 and the default length) beside the baselines."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

from .data import read_jsonl

METRICS = ("rouge1", "rouge2", "rougeL")


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def rouge1_f1(tokens: Counter, refs: list[Counter]) -> float:
    """ROUGE-1 F1 of already tokenised text (counts from rouge-score's tokenizer) against the best
    of several tokenised references: ``best_rouge``'s rouge1 without tokenising again, for the
    training script and benchmarks that score many sentence sets of one article."""
    n, best = sum(tokens.values()), 0.0
    for ref in refs:
        m = sum((tokens & ref).values())
        if m:
            p, r = m / n, m / sum(ref.values())
            best = max(best, 2 * p * r / (p + r))
    return best


def best_rouge(scorer, refs: list[str], summary: str) -> dict[str, float]:
    """F1 per metric, best reference per metric (rouge-score's score_multi rule)."""
    out = {m: 0.0 for m in METRICS}
    for ref in refs:
        s = scorer.score(ref, summary)
        for m in METRICS:
            out[m] = max(out[m], s[m].fmeasure)
    return out


def evaluate(data: Path, limit: Optional[int] = None, ks: tuple[int, ...] = (1, 3), peers: bool = True, seed: int = 13, split: str = "eval") -> dict:
    """Score corefact and the baselines on a ``summ_*`` file; returns per-system means and speed.

    ``split`` picks the items (``eval``: the part the salience model was not trained on)."""
    from .split import in_split
    from ..ingest import load_article
    from ..nlp import parse
    from ..options import Options
    from ..rewrite import as_sentence, brief
    from ..select import core_fact, score_sentences, select_brief
    from . import peers as P

    scorer = _scorer()
    totals: dict[str, dict[str, float]] = defaultdict(lambda: {m: 0.0 for m in METRICS})
    seconds: dict[str, float] = defaultdict(float)
    default_k = Options().sentences
    runners = {}
    if peers:
        try:
            runners = {"sumy LexRank": P.sumy_summarizer("lexrank"), "sumy TextRank": P.sumy_summarizer("textrank")}
        except RuntimeError:
            runners = {}
    per_article: dict[str, list[float]] = defaultdict(list)  # ROUGE-1 per article, for the intervals
    n = 0
    rows = [r for r in read_jsonl(data) if in_split(r["id"], split)][:limit]
    for row in rows:
        refs = row.get("references") or [row["reference"]]
        t0 = time.perf_counter()
        parsed = parse(load_article(row["article"], title=row.get("title")))
        scored = score_sentences(parsed)
        core = core_fact(scored)
        seconds["corefact"] += time.perf_counter() - t0
        sents = [s.text for s in parsed.sents]
        systems: dict[str, str] = {}
        for k in ks + ((default_k,) if default_k not in ks else ()):
            t0 = time.perf_counter()
            # as shown: the rewrite's text, after its recorded transformations (dateline, connective)
            shown = [as_sentence(parsed, core)] if k == 1 else brief(parsed, select_brief(parsed, scored, k, core))
            seconds["corefact"] += time.perf_counter() - t0
            systems[f"corefact k={k}"] = " ".join(s.text for s in shown)
            systems[f"Lead-{k}"] = " ".join(P.lead(sents, k))
            systems[f"Random-{k}"] = " ".join(P.random_k(sents, k, seed + n))
            systems[f"Oracle-{k}"] = " ".join(P.oracle(sents, k, lambda s: sum(best_rouge(scorer, refs, s)[m] for m in ("rouge1", "rouge2"))))
            for name, run in runners.items():
                t0 = time.perf_counter()
                systems[f"{name} k={k}"] = " ".join(run(row["article"], k))
                seconds[name] += time.perf_counter() - t0
            if peers and k > 1:
                try:
                    systems[f"newspaper4k k={k}"] = " ".join(P.newspaper_summary(row["article"], row.get("title"), max_sents=k))
                except (RuntimeError, ImportError):
                    pass
        if peers:  # newspaper4k as it ships: up to 5 sentences
            try:
                t0 = time.perf_counter()
                systems["newspaper4k (5 sentences)"] = " ".join(P.newspaper_summary(row["article"], row.get("title")))
                seconds["newspaper4k"] += time.perf_counter() - t0
            except (RuntimeError, ImportError):
                pass
        for name, summary in systems.items():
            for m, v in best_rouge(scorer, refs, summary).items():
                totals[name][m] += v
                if m == "rouge1":
                    per_article[name].append(100 * v)
        n += 1
    results = {name: {m: 100 * v / max(1, n) for m, v in ms.items()} for name, ms in totals.items()}
    speed = {name: n / s for name, s in seconds.items() if s > 0}
    versus = {
        f"corefact k={k} - Lead-{k}": paired_bootstrap(per_article[f"corefact k={k}"], per_article[f"Lead-{k}"], seed=seed)
        for k in ks + ((default_k,) if default_k not in ks else ()) if per_article.get(f"corefact k={k}")
    }
    return {"data": str(data), "split": split, "articles": n, "rouge": results, "rouge1_vs_lead": versus, "articles_per_second": speed}


def paired_bootstrap(a: list[float], b: list[float], samples: int = 2000, seed: int = 13) -> dict[str, float]:
    """Mean of ``a - b`` over articles with a 95% interval from a paired bootstrap (articles
    resampled with replacement; fixed seed)."""
    import random

    diffs = [x - y for x, y in zip(a, b)]
    if not diffs:
        return {"mean": float("nan"), "low": float("nan"), "high": float("nan")}
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(diffs) for _ in diffs) / len(diffs) for _ in range(samples))
    return {"mean": round(sum(diffs) / len(diffs), 2), "low": round(means[int(0.025 * samples)], 2), "high": round(means[int(0.975 * samples) - 1], 2)}
