"""Faithfulness: check any rewrite against its original, sentence by sentence.

``verify(original, rewrite)`` aligns each sentence of the rewrite (and each FAQ answer, read with its
question) to its best evidence in the original, then checks numbers and qualifiers, names, dates,
negation, modality and attribution. A claim is ``contradicted`` when evidence disagrees,
``unsupported`` when no evidence is found, else ``supported``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from ..faq.answer import SentenceIndex
from ..ingest import Source, load_article
from ..model import Article, ClaimVerdict, Problem as ProblemModel, Span, VerifyReport
from ..nlp import Parsed, load_nlp, parse, sentence_units
from . import checks
from .align import align, content_lemmas
from .gate import gate, qa_supported, sentence_supported, span_exact
from .scorer import PROBLEM_KINDS, load_scorer

MIN_COVERAGE = 0.6  # share of a claim's content words its evidence must contain
STRICT_BIGRAMS = 0.85  # strict mode: share of a claim's word pairs found in one evidence sentence
_WORD = re.compile(r"[a-z0-9]+")


def bigram_precision(claim_text: str, evidence_texts: list[str]) -> float:
    """Share of the claim's consecutive word pairs found in its evidence sentences (each pair within
    one sentence: a merged claim keeps its halves' pairs, a splice loses the pair at the joint)."""
    w = _WORD.findall(claim_text.lower())
    pairs = list(zip(w, w[1:]))
    if not pairs:
        return 1.0
    have: set[tuple[str, str]] = set()
    for t in evidence_texts:
        e = _WORD.findall(t.lower())
        have.update(zip(e, e[1:]))
    return sum(1 for p in pairs if p in have) / len(pairs)

_HEADER = re.compile(r"^(?:date\s+\d{4}-\d{2}-\d{2}|FAQs?|#+ .*|Key facts)\s*$", re.IGNORECASE)
_QUESTION = re.compile(r"^\s*(?:Q:|###)\s*(.+\?)\s*$")


@dataclass
class Claim:
    start: int
    end: int
    question: Optional[str] = None


@dataclass
class Original:
    """An original article prepared once for checking many claims."""

    parsed: Parsed
    index: SentenceIndex
    words: set[str]
    lower: str
    numbers: list

    @classmethod
    def build(cls, parsed: Parsed) -> "Original":
        doc = parsed.doc
        words = {t.lower_ for t in doc} | {re.sub(r"(?:'s|’s)$", "", t.lower_) for t in doc}
        words |= {re.sub(r"(?:'s|’s)$", "", w).rstrip(".") for w in re.findall(r"\w[\w.'’-]*", parsed.text.lower())}
        return cls(parsed, SentenceIndex(parsed), words, parsed.text.lower(), checks._numbers(doc[:], ""))

    @property
    def casing(self) -> dict[str, str]:
        """lower-case word -> how the original always writes it ("chelsea" -> "Chelsea")."""
        data = self.parsed.doc.user_data
        if "corefact_casing" not in data:
            data["corefact_casing"] = _casing(self.parsed.doc)
        return data["corefact_casing"]


def _casing(doc) -> dict[str, str]:
    """Words the original only ever writes capitalised (never lower-case, at least once inside a
    sentence): the names a lower-cased rewrite has lost the capitals of."""
    forms: dict[str, set[str]] = {}
    inside: set[str] = set()
    for t in doc:
        if t.is_alpha:
            forms.setdefault(t.lower_, set()).add(t.text)
            if not t.is_sent_start:
                inside.add(t.lower_)
    return {w: next(iter(f)) for w, f in forms.items()
            if len(f) == 1 and w in inside and not next(iter(f)).islower() and len(next(iter(f))) == len(w)}


def truecase(text: str, original: "Original") -> str:
    """``text`` with lower-case words written as the original writes them ('manuel pellegrini' ->
    'Manuel Pellegrini'), for parsing a lower-cased rewrite. Same length: offsets do not move."""
    if not original.casing:
        return text
    return re.sub(r"\b[a-z]+\b", lambda m: original.casing.get(m.group(0), m.group(0)), text)


def _folded(text: str) -> str:
    """``text`` lower-cased character by character (a character whose lower case is longer, 'İ',
    stays as it is), so that offsets do not move."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _squashed(original: Original) -> tuple[str, list[int]]:
    """The original's text folded, every run of white space one space, and each character's
    offset in the text; built once per original."""
    data = original.parsed.doc.user_data
    if "corefact_squashed" not in data:
        text = original.parsed.text
        out: list[str] = []
        pos: list[int] = []
        for m in re.finditer(r"\s+|\S+", text):
            if m.group(0)[0].isspace():
                out.append(" ")
                pos.append(m.start())
            else:
                out.append(_folded(m.group(0)))
                pos.extend(range(m.start(), m.end()))
        data["corefact_squashed"] = ("".join(out), pos)
    return data["corefact_squashed"]


_WORD_CHAR = re.compile(r"\w")


def _verbatim(original: Original, text: str) -> Optional[list[Span]]:
    """The original's sentences holding ``text`` word for word (spacing and capitals aside), or None:
    a copied sentence says only what the original says, whatever the checks would make of it.

    The first place where the words stand in the original, each run of white space between them
    matched by any run, and not inside a longer word: a search in the original folded and
    squashed once (a regex compiled per claim cost more than the rest of the check)."""
    words = text.split()
    if not words:
        return None
    squashed, pos = _squashed(original)
    needle = _folded(" ".join(words))
    full = original.parsed.text
    at = squashed.find(needle)
    while at >= 0:
        start, end = pos[at], pos[at + len(needle) - 1] + 1
        if not (start and _WORD_CHAR.match(full[start - 1])) and not (end < len(full) and _WORD_CHAR.match(full[end])):
            return [s.span() for s in original.parsed.sents if s.start < end and s.end > start]
        at = squashed.find(needle, at + 1)
    return None


@dataclass
class Assessment:
    """What the alignment and the checks make of one claim: the rules' verdict and support score,
    the evidence, the problems, and the features the learned scorer reads."""

    verdict: str
    support: float
    evidence: list[Span]
    problems: list[checks.Problem]
    features: dict


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(words[i:] for i in range(n))))


def _article_ngrams(original: Original, n: int) -> set[tuple[str, ...]]:
    data = original.parsed.doc.user_data
    key = f"corefact_ngrams_{n}"
    if key not in data:
        data[key] = _ngrams(_WORD.findall(original.lower), n)
    return data[key]


def _precision(words: list[str], n: int, have: set) -> float:
    grams = list(zip(*(words[i:] for i in range(n))))
    return sum(1 for g in grams if g in have) / len(grams) if grams else 1.0


def _features(original: Original, claim_tokens, al, pairs: float, problems: list, verbatim: bool, faq: bool) -> dict:
    words = _WORD.findall(claim_tokens.text.lower())
    lemmas = content_lemmas(claim_tokens)
    data = original.parsed.doc.user_data
    if "corefact_lemmas" not in data:
        data["corefact_lemmas"] = content_lemmas(original.parsed.doc[:])
    f = {
        "coverage": al.coverage if al is not None else 1.0,
        "raw_coverage": 1.0 - len(al.missing) / len(lemmas) if al is not None and lemmas else 1.0,
        "pairs": pairs,
        "article_pairs": _precision(words, 2, _article_ngrams(original, 2)),
        "article_triples": _precision(words, 3, _article_ngrams(original, 3)),
        "novel": len(lemmas - data["corefact_lemmas"]) / len(lemmas) if lemmas else 0.0,
        "log_words": math.log1p(len(lemmas)),
        "evidence_sents": len(al.sents) if al is not None else 1,
        "verbatim": float(verbatim),
        "faq": float(faq),
        "contradicts": float(any(p.contradicts for p in problems)),
        "n_problems": float(len(problems)),
    }
    kinds = {p.kind for p in problems}
    f.update({"problem_" + k: float(k in kinds) for k in PROBLEM_KINDS})
    return f


def assess_claim(original: Original, claim_tokens, question_tokens=None, strict: bool = False) -> Assessment:
    """Align one claim (a spaCy Span), run the checks on it, and gather the scorer's features.

    The rules' support score ranks claims by support: the lower of content coverage and word-pair
    precision against the evidence, 0 when contradicted. ``strict`` also requires the claim to keep
    close to the original's wording (word-pair precision of at least ``STRICT_BIGRAMS``)."""
    if question_tokens is None:
        copied = _verbatim(original, claim_tokens.text)
        if copied is not None:
            return Assessment("supported", 1.0, copied, [], _features(original, claim_tokens, None, 1.0, [], True, False))
    extra = content_lemmas(question_tokens) if question_tokens is not None else set()
    al = align(original.parsed, original.index, claim_tokens, extra_terms=extra)
    if question_tokens is not None:  # an FAQ answer is read together with its question
        al2 = align(original.parsed, original.index, question_tokens, extra_terms=content_lemmas(claim_tokens))
        if al2.sents and (not al.sents or al2.sents[0].index != al.sents[0].index):
            al = align(original.parsed, original.index, claim_tokens, extra_terms=extra | content_lemmas(question_tokens))
    evidence = [original.parsed.tokens(s) for s in al.sents]
    problems: list[checks.Problem] = []
    problems += checks.check_numbers(claim_tokens, evidence, original.numbers)
    problems += checks.check_names(claim_tokens, evidence, original.words, original.parsed.text)
    problems += checks.check_dates(claim_tokens, evidence, original.lower)
    problems += checks.check_negation_and_modality(claim_tokens, evidence)
    problems += checks.check_attribution(claim_tokens, evidence)
    if al.coverage < MIN_COVERAGE:
        missing = ", ".join(sorted(al.missing)[:6])
        problems.append(checks.Problem("evidence", f"no sentence of the original supports it (missing: {missing})", missing, None, contradicts=False))
    pairs = bigram_precision(claim_tokens.text, [s.text for s in al.sents]) if question_tokens is None else 1.0
    features = _features(original, claim_tokens, al, pairs, problems, False, question_tokens is not None)
    if strict and pairs < STRICT_BIGRAMS and al.coverage >= MIN_COVERAGE:
        problems.append(checks.Problem("evidence", f"the wording departs from the original ({pairs:.0%} of its word pairs found)", claim_tokens.text, None, contradicts=False))
    support = min(al.coverage, pairs)
    if any(p.contradicts for p in problems):
        verdict, score = "contradicted", 0.0
    elif problems:
        verdict, score = "unsupported", min(support, 0.5)
    else:
        verdict, score = "supported", support
    return Assessment(verdict, score, [s.span() for s in al.sents], problems, features)


_SHIPPED = object()


def decide(a: Assessment, scorer=_SHIPPED, strict: bool = False) -> tuple[str, float]:
    """(verdict, score) of an assessed claim. With a scorer (by default the shipped one) the score is
    its probability that the claim is supported; a contradiction found by a check stays
    ``contradicted``, a claim no sentence of the original supports (the 'evidence' problem) stays
    ``unsupported`` whatever its score, a claim below the scorer's threshold is ``unsupported``, and
    ``strict`` keeps every problem a reason to be ``unsupported``. Without a scorer, the rules'
    verdict and score."""
    if scorer is _SHIPPED:
        scorer = load_scorer()
    if scorer is None:
        return a.verdict, a.support
    score = 1.0 if a.features["verbatim"] else scorer.probability(a.features)
    if a.verdict == "contradicted":
        return "contradicted", score
    if strict and a.problems or a.features["problem_evidence"] or score < scorer.threshold:
        return "unsupported", score
    return "supported", score


def check_claim(original: Original, claim_tokens, question_tokens=None, strict: bool = False, scorer=_SHIPPED) -> tuple[str, float, list[Span], list[checks.Problem]]:
    """Verdict, score, evidence spans and problems for one claim (a spaCy Span): :func:`assess_claim`
    then :func:`decide`."""
    a = assess_claim(original, claim_tokens, question_tokens, strict=strict)
    verdict, score = decide(a, scorer, strict)
    return verdict, score, a.evidence, a.problems


def split_claims(text: str, doc) -> list[Claim]:
    """Claims of a rewrite: its sentences, skipping header lines (date, FAQs) and question lines,
    whose answers are read with their question."""
    claims: list[Claim] = []
    regions: list[tuple[int, int, Optional[str]]] = []  # body regions with the question they answer
    pos = 0
    question: Optional[str] = None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = pos
        pos += len(line)
        if not stripped:
            continue
        m = _QUESTION.match(line)
        if m:
            question = m.group(1)
            continue
        if _HEADER.match(stripped):
            question = None
            continue
        regions.append((start, start + len(line.rstrip()), question))
    sents = sentence_units(doc, text)
    for s in sents:
        for a, b, q in regions:
            lo, hi = max(a, s.start), min(b, s.end)
            if hi > lo:
                claims.append(Claim(lo, hi, q))
    return claims


def verify(original: Source, rewrite: Source, *, date=None, strict: bool = False) -> VerifyReport:
    """Check every sentence of ``rewrite`` against ``original``.

    Args:
        original: the original article (text, HTML, bytes, a Path or an Article).
        rewrite: the rewrite (plain text, possibly in corefact's text layout with a date line and
            ``Q:`` lines; its FAQ answers are checked as claims read with their questions).
        strict: also require each claim to keep close to the original's wording (for checking
            near-extractive rewrites, where paraphrase itself is suspect).

    Returns:
        A :class:`~corefact.model.VerifyReport`; ``report.ok`` is True when every claim is supported.
    """
    article = load_article(original, date=date)
    parsed = parse(article, min_sentences=1)
    if isinstance(rewrite, Article):
        rewrite_text = rewrite.text
    else:  # str, bytes or a Path
        from pathlib import Path

        from ..ingest import decode, looks_like_html

        raw = rewrite.read_bytes() if isinstance(rewrite, Path) else rewrite
        rewrite_text = decode(raw) if isinstance(raw, bytes) else raw
        if looks_like_html(rewrite_text):
            rewrite_text = load_article(rewrite_text).text
        rewrite_text = rewrite_text.replace("\r\n", "\n").strip()
    if not rewrite_text.strip():
        from ..errors import EmptyInputError

        raise EmptyInputError("the rewrite is empty")
    return verify_parsed(Original.build(parsed), rewrite_text, strict=strict)


def assess_rewrite(original: Original, rewrite_text: str, strict: bool = False) -> list[tuple[Claim, Assessment]]:
    """Every claim of a rewrite with its :class:`Assessment` (what :func:`verify_parsed` decides on)."""
    nlp = load_nlp()
    doc = nlp(truecase(rewrite_text, original))  # parsed with the original's capitals; offsets unchanged
    out: list[tuple[Claim, Assessment]] = []
    qdocs: dict[str, object] = {}
    for c in split_claims(rewrite_text, doc):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        qtoks = None
        if c.question:
            qdocs.setdefault(c.question, nlp(c.question))
            qtoks = qdocs[c.question][:]
        if c.question and c.question.strip().lower().startswith("what is the core fact"):
            qtoks = None
        out.append((c, assess_claim(original, span, qtoks, strict=strict)))
    return out


def verify_parsed(original: Original, rewrite_text: str, strict: bool = False, scorer=_SHIPPED) -> VerifyReport:
    """:func:`verify` on an already prepared original (``scorer=None``: the rules alone decide)."""
    verdicts: list[ClaimVerdict] = []
    for c, a in assess_rewrite(original, rewrite_text, strict):
        verdict, score = decide(a, scorer, strict)
        verdicts.append(
            ClaimVerdict(
                text=rewrite_text[c.start:c.end],  # the rewrite's own words
                start=c.start,
                end=c.end,
                question=c.question,
                verdict=verdict,
                score=round(score, 4),
                evidence=a.evidence,
                problems=[ProblemModel(kind=p.kind, message=p.message, claim=p.claim, original=p.original) for p in a.problems],
            )
        )
    count = {v: sum(1 for x in verdicts if x.verdict == v) for v in ("supported", "unsupported", "contradicted")}
    return VerifyReport(original=original.parsed.article, rewrite=rewrite_text, claims=verdicts, **count)


__all__ = ["verify", "verify_parsed", "assess_rewrite", "assess_claim", "decide", "Assessment", "check_claim", "Original", "gate", "sentence_supported", "qa_supported", "span_exact"]
