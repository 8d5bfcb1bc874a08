"""``ask`` on SQuAD v1.1 dev: sentence accuracy and span EM/F1, beside a plain BM25 sentence baseline."""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path
from typing import Optional

from .data import read_jsonl


def normalize(s: str) -> str:
    """SQuAD's answer normalisation."""
    s = s.lower()
    s = "".join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def f1(pred: str, gold: str) -> float:
    p, g = normalize(pred).split(), normalize(gold).split()
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(g)
    return 2 * prec * rec / (prec + rec)


def evaluate(data: Path, limit: Optional[int] = 2000) -> dict:
    from ..faq.answer import SentenceIndex, _terms, ask
    from ..ingest import load_article
    from ..nlp import load_nlp, parse

    cache: dict[str, tuple] = {}
    n = answered = sent_ok = bm25_ok = 0
    em = f1_sum = 0.0
    nlp = load_nlp()
    for row in read_jsonl(data, limit):
        ctx = row["context"]
        if ctx not in cache:
            try:
                parsed = parse(load_article(ctx), min_sentences=1)
            except Exception:
                continue
            cache.clear()
            cache[ctx] = (parsed, SentenceIndex(parsed))
        parsed, index = cache[ctx]
        golds = row["answers"]
        n += 1
        a = ask(parsed, row["question"], index=index, min_score=0.0)
        # plain BM25: the top sentence by lemma BM25, no answer typing
        scores = index.scores(_terms(nlp(row["question"])))
        top = max(range(len(scores)), key=scores.__getitem__)
        if any(normalize(g) in normalize(parsed.sents[top].text) for g in golds):
            bm25_ok += 1
        if not a.answered:
            continue
        answered += 1
        if any(normalize(g) in normalize(a.evidence.text) for g in golds):
            sent_ok += 1
        pred = a.answer.text if a.answer else a.evidence.text
        em += max(float(normalize(pred) == normalize(g)) for g in golds)
        f1_sum += max(f1(pred, g) for g in golds)
    return {
        "data": str(data),
        "questions": n,
        "answered": answered / max(1, n),
        "sentence_accuracy": sent_ok / max(1, n),
        "bm25_sentence_accuracy": bm25_ok / max(1, n),
        "exact_match": 100 * em / max(1, n),
        "f1": 100 * f1_sum / max(1, n),
    }
