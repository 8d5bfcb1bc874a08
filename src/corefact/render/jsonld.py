"""schema.org ``FAQPage`` JSON-LD, for publishers to embed in the article's page.

The FAQ's questions become ``Question`` items whose ``acceptedAnswer`` is an ``Answer`` with the
answer text as the explainer writes it. ``headline`` (the article's title) and ``datePublished``
(its date) are added only when the article states them; ``url`` when it was read from one.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Explainer


def jsonld(ex: Explainer) -> dict[str, Any]:
    """The FAQPage object, as a dict ready for ``json.dumps``."""
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "FAQPage"}
    if ex.article.title:
        doc["headline"] = ex.article.title
    if ex.article.date:
        doc["datePublished"] = ex.article.date.isoformat()
    if ex.article.url:
        doc["url"] = ex.article.url
    doc["mainEntity"] = [
        {"@type": "Question", "name": qa.question, "acceptedAnswer": {"@type": "Answer", "text": qa.answer}} for qa in ex.faq
    ]
    return doc


def render_jsonld(ex: Explainer) -> str:
    return json.dumps(jsonld(ex), indent=2, ensure_ascii=False) + "\n"
