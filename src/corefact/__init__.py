"""corefact: grounded explainers of news articles.

>>> import corefact
>>> ex = corefact.explain(open("examples/flood.txt").read())  # doctest: +SKIP
>>> ex.core_fact.text  # doctest: +SKIP
"""

from __future__ import annotations

from .api import ask
from .batch import explain_many
from .errors import (
    BadInputError,
    BinaryInputError,
    CorefactError,
    DecodingError,
    EmptyInputError,
    FetchError,
    ForbiddenURLError,
    TooLargeError,
    TooShortError,
    UnsupportedLanguageError,
)
from .ingest import load_article
from .model import QA, Article, ClaimVerdict, Explainer, Facts, Sentence, Span, VerifyReport, explainer_schema
from .options import Options
from .pipeline import explain
from .render import render
from .verification import verify

__version__ = "0.1.0"

__all__ = [
    "explain",
    "explain_many",
    "ask",
    "verify",
    "load_article",
    "render",
    "explainer_schema",
    "Options",
    "Article",
    "Explainer",
    "Facts",
    "QA",
    "Sentence",
    "Span",
    "VerifyReport",
    "ClaimVerdict",
    "CorefactError",
    "BadInputError",
    "BinaryInputError",
    "DecodingError",
    "EmptyInputError",
    "FetchError",
    "ForbiddenURLError",
    "TooLargeError",
    "TooShortError",
    "UnsupportedLanguageError",
]
