"""Alignment: the evidence sentences in the original that a claim draws on."""

from __future__ import annotations

from dataclasses import dataclass

from ..faq.answer import SentenceIndex
from ..nlp import Parsed, Sent

ELSEWHERE_CREDIT = 0.5  # a content word found elsewhere in the original counts this much
_LIGHT = {"say", "tell", "be", "have", "do", "get", "make", "go", "take", "come", "also", "would", "could", "will", "may"}


def content_lemmas(tokens) -> set[str]:
    """Lower-cased lemmas of content words (and numbers)."""
    out = set()
    for t in tokens:
        if t.is_punct or t.is_space:
            continue
        if t.like_num or t.is_digit:
            out.add(t.text.lower().replace(",", ""))
        elif t.is_alpha and not t.is_stop and t.lemma_.lower() not in _LIGHT and len(t) > 1:
            out.add(t.lemma_.lower())
    return out


@dataclass
class Alignment:
    """The evidence for one claim: up to three sentences of the original, how much of the claim's
    content they cover (with part credit for content found elsewhere in the original), and the
    content words they lack."""

    sents: list[Sent]
    coverage: float
    missing: set[str]


def align(original: Parsed, index: SentenceIndex, claim_tokens, *, extra_terms: set[str] = frozenset()) -> Alignment:
    """Best evidence for a claim: the sentence (or pair of sentences, for merged claims) of the
    original that covers most of the claim's content words."""
    lemmas = content_lemmas(claim_tokens)
    if not lemmas:
        return Alignment([], 1.0, set())
    from ..faq.answer import _terms

    scores = index.scores(sorted(set(_terms(claim_tokens)) | lemmas | set(extra_terms)))
    ranked = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:6]
    cache = original.doc.user_data.setdefault("corefact_sentence_lemmas", {})
    for i in ranked:
        if i not in cache:
            cache[i] = content_lemmas(original.tokens(original.sents[i]))
    bags = {i: cache[i] for i in ranked}
    best: tuple[float, list[int]] = (-1.0, [])
    for i in ranked:
        cov = len(lemmas & bags[i]) / len(lemmas)
        if cov > best[0]:
            best = (cov, [i])
    # a merged claim: add sentences (up to three in all) while each adds much of what is missing
    while len(best[1]) < 3:
        covered = set().union(*(bags[i] for i in best[1]))
        gains = [(len(lemmas & (covered | bags[i])), i) for i in ranked if i not in best[1]]
        if not gains:
            break
        have, i = max(gains)
        if have - len(lemmas & covered) < min(0.15 * len(lemmas), 2):
            break  # a sentence must bring much of what is missing: 15% of the claim, or two words of a long one
        best = (have / len(lemmas), sorted(best[1] + [i]))
    chosen = [original.sents[i] for i in best[1]]
    covered = set().union(*(bags[i] for i in best[1])) if best[1] else set()
    missing = lemmas - covered
    # a word the evidence lacks but the original has elsewhere counts in part: summaries draw on
    # more sentences than the three taken as evidence
    if "corefact_lemmas" not in original.doc.user_data:
        original.doc.user_data["corefact_lemmas"] = content_lemmas(original.doc[:])
    elsewhere = missing & original.doc.user_data["corefact_lemmas"]
    coverage = min(1.0, max(0.0, best[0]) + ELSEWHERE_CREDIT * len(elsewhere) / len(lemmas))
    return Alignment(chosen, coverage, missing)
