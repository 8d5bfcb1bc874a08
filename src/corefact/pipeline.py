"""``explain()``: the whole explainer, read top to bottom."""

from __future__ import annotations

import time
from typing import Optional

from .facts import extract_facts
from .faq import build_faq
from .ingest import Source, load_article
from .model import Explainer
from .nlp import parse
from .options import Options
from .rewrite import as_sentence, brief as build_brief
from .select import core_fact, score_sentences, select_brief
from .verification import Original
from .verification.gate import gate


class _Laps:
    """Seconds spent per stage, added to a caller's dict (a no-op without one)."""

    def __init__(self, into: Optional[dict[str, float]]):
        self.into = into
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.into is not None:
            now = time.perf_counter()
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
            self.last = now


def explain(source: Source, options: Optional[Options] = None, *, stage_times: Optional[dict[str, float]] = None, doc=None, **overrides) -> Explainer:
    """Explain one article.

    Args:
        source: article text, HTML, bytes, a Path or an :class:`~corefact.model.Article`.
        options: an :class:`Options`; keyword ``overrides`` (``sentences=5``...) build one.
        stage_times: if given, the seconds spent in each stage (ingest, parse, facts, select,
            rewrite, faq, verify) are added to it, for profiling a corpus run.
        doc: the spaCy ``Doc`` of the article's text, when a batch run parsed it already.

    Returns:
        The :class:`~corefact.model.Explainer`, every unit backed by Spans into ``article.text``.

    Raises:
        CorefactError: for input that cannot be explained (empty, binary, too large, not English...).
    """
    options = (options or Options()).model_copy(update=overrides) if overrides else (options or Options())
    laps = _Laps(stage_times)
    article = load_article(source, date=options.date, max_bytes=options.max_bytes)
    laps.lap("ingest")
    parsed = parse(article, doc=doc)
    laps.lap("parse")
    facts = extract_facts(parsed)
    laps.lap("facts")
    scored = score_sentences(parsed)
    core_sent = core_fact(scored)
    core = as_sentence(parsed, core_sent)
    laps.lap("select")
    brief = build_brief(parsed, select_brief(parsed, scored, options.sentences, core_sent))
    laps.lap("rewrite")
    checker = Original.build(parsed) if options.verify else None
    laps.lap("verify")
    faq, _round_trip = build_faq(parsed, facts, scored, core, options.questions, checker.index if checker else None)
    laps.lap("faq")
    brief, faq, verification = gate(article, core, brief, faq, checker)
    laps.lap("verify")
    return Explainer(article=article, core_fact=core, brief=brief, faq=faq, facts=facts, verification=verification)
