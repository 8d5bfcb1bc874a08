"""``corefact eval verify``: the perturbation benchmark and SummEval consistency.

* Perturbations (``perturb.py``, fixed seed) of reference sentences from the BBC and CNN/DM sets:
  detection rate per unfaithful type, false-alarm rate per faithful type and on untouched
  references.
* SummEval (``faith_summeval_dev.jsonl``): 1,600 real model summaries with expert consistency
  labels. A summary is predicted inconsistent when any of its sentences is not supported; we
  report balanced accuracy of that rule, and ROC AUC of the summary score (the lowest claim score).
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Optional

from .data import read_jsonl


def _reference_sentences(nlp, text: str) -> list[str]:
    from ..nlp import sentence_units

    doc = nlp(text)
    return [s.text for s in sentence_units(doc, text) if len(s.text.split()) >= 5]


def perturbation_benchmark(data_dir: Path, limit: Optional[int] = 100, seed: int = 7):
    """Yield (article_text, variant) pairs, deterministic for a seed."""
    from ..nlp import load_nlp
    from .perturb import variants

    nlp = load_nlp()
    rng = random.Random(seed)
    for name in ("summ_bbc_dev.jsonl", "summ_cnndm_summeval.jsonl"):
        rows = list(read_jsonl(data_dir / name))
        rng_rows = random.Random(seed)
        rng_rows.shuffle(rows)
        for row in rows[:limit]:
            art_doc = nlp(row["article"])
            people = sorted({e.text for e in art_doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2})
            refs = _reference_sentences(nlp, row["reference"])[:4]
            docs = list(nlp.pipe(refs))
            for i, d in enumerate(docs):
                nxt = refs[i + 1] if i + 1 < len(refs) else None
                for v in variants(d, nxt, people, rng):
                    yield name, row["article"], v


def evaluate_perturbations(data_dir: Path, limit: Optional[int] = 100, seed: int = 7, strict: bool = False) -> dict:
    from ..ingest import load_article
    from ..nlp import parse
    from ..verification import Original, verify_parsed

    flagged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_set: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    cache: dict[str, Original] = {}
    for name, article, v in perturbation_benchmark(data_dir, limit, seed):
        if article not in cache:
            cache.clear()
            cache[article] = Original.build(parse(load_article(article), min_sentences=1))
        report = verify_parsed(cache[article], v.text, strict=strict)
        bad = not report.ok
        flagged[v.kind][0] += int(bad)
        flagged[v.kind][1] += 1
        by_set[name][v.kind][0] += int(bad)
        by_set[name][v.kind][1] += 1
    out = {}
    for kind, (k, n) in flagged.items():
        key = "false_alarm" if kind in ("untouched", "reorder", "drop_clause", "synonym", "merge") else "detection"
        out[kind] = {key: round(k / n, 3), "n": n}
    per_set = {name: {kind: round(k / n, 3) for kind, (k, n) in kinds.items()} for name, kinds in by_set.items()}
    return {"seed": seed, "strict": strict, "articles_per_set": limit, "types": out, "per_set_flag_rate": per_set}


def _auc(pos: list[float], neg: list[float]) -> float:
    """P(score of a consistent summary > score of an inconsistent one), ties half."""
    if not pos or not neg:
        return float("nan")
    allv = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        avg = (i + j + 1) / 2
        rank_sum += avg * sum(1 for k in range(i, j) if allv[k][1] == 1)
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def evaluate_summeval(path: Path, limit: Optional[int] = None, strict: bool = False) -> dict:
    from ..ingest import load_article
    from ..nlp import parse
    from ..verification import Original, verify_parsed

    cache: dict[str, Original] = {}
    preds, labels, scores = [], [], []
    for row in read_jsonl(path, limit):
        if row["article_id"] not in cache:
            cache.clear()
            cache[row["article_id"]] = Original.build(parse(load_article(row["article"]), min_sentences=1))
        report = verify_parsed(cache[row["article_id"]], row["summary"], strict=strict)
        preds.append(1 if report.ok else 0)
        labels.append(int(row["label"]))
        scores.append(min((c.score for c in report.claims), default=1.0))
    tp = sum(1 for p, y in zip(preds, labels) if p == 1 and y == 1)
    tn = sum(1 for p, y in zip(preds, labels) if p == 0 and y == 0)
    pos = sum(labels)
    neg = len(labels) - pos
    bal = 0.5 * (tp / pos + tn / neg) if pos and neg else float("nan")
    auc = _auc([s for s, y in zip(scores, labels) if y == 1], [s for s, y in zip(scores, labels) if y == 0])
    return {
        "data": str(path),
        "strict": strict,
        "summaries": len(labels),
        "balanced_accuracy": round(bal, 3),
        "roc_auc": round(auc, 3),
        "consistent_recall": round(tp / pos, 3) if pos else None,
        "inconsistent_recall": round(tn / neg, 3) if neg else None,
        "lexical_floor": {"roc_auc": 0.773, "balanced_accuracy": 0.739},
    }
