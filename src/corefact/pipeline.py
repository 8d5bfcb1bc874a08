"""``explain()``: the whole explainer, read top to bottom."""

from __future__ import annotations

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


def explain(source: Source, options: Optional[Options] = None, **overrides) -> Explainer:
    """Explain one article.

    Args:
        source: article text, HTML, bytes, a Path or an :class:`~corefact.model.Article`.
        options: an :class:`Options`; keyword ``overrides`` (``sentences=5``...) build one.

    Returns:
        The :class:`~corefact.model.Explainer`, every unit backed by Spans into ``article.text``.

    Raises:
        CorefactError: for input that cannot be explained (empty, binary, too large, not English...).
    """
    options = (options or Options()).model_copy(update=overrides) if overrides else (options or Options())
    article = load_article(source, date=options.date, max_bytes=options.max_bytes)
    parsed = parse(article)
    facts = extract_facts(parsed)
    scored = score_sentences(parsed)
    core_sent = core_fact(scored)
    core = as_sentence(parsed, core_sent)
    brief = build_brief(parsed, select_brief(parsed, scored, options.sentences, core_sent))
    checker = Original.build(parsed) if options.verify else None
    faq, _round_trip = build_faq(parsed, facts, scored, core, options.questions, checker.index if checker else None)
    brief, faq, verification = gate(article, core, brief, faq, checker)
    return Explainer(article=article, core_fact=core, brief=brief, faq=faq, facts=facts, verification=verification)
