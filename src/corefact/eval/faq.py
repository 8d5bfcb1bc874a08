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


def answers(data: Path, limit: Optional[int] = 100, n: int = 6) -> dict:
    """On corpus articles (a ``summ_*.jsonl`` file): the share of FAQ answers that are complete
    sentences (:func:`corefact.faq.sentence.is_complete`), and the share of FAQ questions that
    ``ask`` (as the CLI runs it) answers with the FAQ's own evidence sentence and short answer."""
    from ..faq import build_faq
    from ..faq.answer import SentenceIndex, ask
    from ..faq.sentence import is_complete
    from ..facts import extract_facts
    from ..ingest import load_article
    from ..nlp import parse
    from ..rewrite import as_sentence
    from ..select import core_fact, score_sentences

    answers_n = complete = 0
    asked = same_sentence = same_answer = 0
    misses: list[tuple[str, str, str]] = []
    for row in read_jsonl(data, limit):
        parsed = parse(load_article(row["article"], title=row.get("title")))
        facts = extract_facts(parsed)
        scored = score_sentences(parsed)
        core = as_sentence(parsed, core_fact(scored))
        index = SentenceIndex(parsed)
        faq, _ = build_faq(parsed, facts, scored, core, n, index)
        for qa in faq[1:]:
            answers_n += 1
            complete += is_complete(qa.answer, qa.short_answer or "")
            a = ask(parsed, qa.question, index=index, facts=facts)
            asked += 1
            if a.evidence is not None and a.evidence.start == qa.evidence[0].start:
                same_sentence += 1
                if a.answer is not None and (a.answer.start, a.answer.end) == (qa.answer_span.start, qa.answer_span.end):
                    same_answer += 1
                    continue
            misses.append((qa.question, qa.short_answer or "", a.answer.text if a.answer else (a.evidence.text if a.evidence else "")))
    return {
        "data": str(data),
        "answers": answers_n,
        "complete_sentences": complete / max(1, answers_n),
        "ask_same_sentence": same_sentence / max(1, asked),
        "ask_same_answer": same_answer / max(1, asked),
        "misses": misses[:20],
    }
