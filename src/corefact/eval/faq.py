"""FAQ coverage on the QuAIL news articles.

For each answerable human question we take as its answer sentence the article sentence that BM25
ranks first for the question plus its correct answer (QuAIL answers are free text, not spans: this
is an approximation), then measure the share of those sentences found among the evidence sentences
of our FAQ at N questions. Also reports the share of generated candidates that ``ask`` answers with
their own evidence (the round-trip check)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .data import read_jsonl


def evaluate(data: Path, limit: Optional[int] = None, ns: tuple[int, ...] = (6, 12)) -> dict:
    from ..faq import build_faq
    from ..faq.answer import SentenceIndex, _terms
    from ..facts import extract_facts
    from ..ingest import load_article
    from ..nlp import load_nlp, parse
    from ..rewrite import as_sentence
    from ..select import core_fact, score_sentences

    nlp = load_nlp()
    covered = {n: 0 for n in ns}
    total = 0
    kept = checked = 0
    for row in read_jsonl(data, limit):
        parsed = parse(load_article(row["article"], title=row.get("title")))
        facts = extract_facts(parsed)
        scored = score_sentences(parsed)
        core = as_sentence(parsed, core_fact(scored))
        index = SentenceIndex(parsed)
        gold = []
        for qa in row["qa"]:
            if not qa.get("answerable", True):
                continue
            scores = index.scores(_terms(nlp(qa["question"] + " " + qa["answer"])))
            gold.append(max(range(len(scores)), key=scores.__getitem__))
        total += len(gold)
        for n in ns:
            faq, (shortlisted, dropped) = build_faq(parsed, facts, scored, core, n)
            starts = {ev.start for q in faq for ev in q.evidence}
            covered[n] += sum(1 for g in gold if parsed.sents[g].start in starts)
            if n == ns[0]:
                checked += shortlisted
                kept += shortlisted - dropped
    return {
        "data": str(data),
        "human_questions": total,
        "coverage": {str(n): covered[n] / max(1, total) for n in ns},
        "round_trip_kept": kept / max(1, checked),
    }
