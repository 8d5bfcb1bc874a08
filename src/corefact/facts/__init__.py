"""Key facts: figures, people, organisations, places, quotes and dates, each with Spans."""

from __future__ import annotations

from ..model import Facts
from ..nlp import Parsed
from .dates import extract_dates
from .figures import extract_figures
from .people import extract_organisations, extract_people, extract_places
from .quotes import extract_quotes


def extract_facts(parsed: Parsed) -> Facts:
    """All key facts of a parsed article."""
    people = extract_people(parsed)
    quotes = extract_quotes(parsed, people)
    for i, q in enumerate(quotes):
        for p in people:
            if q.speaker == p.name:
                p.quotes.append(i)
    return Facts(
        figures=extract_figures(parsed),
        people=people,
        organisations=extract_organisations(parsed),
        places=extract_places(parsed),
        quotes=quotes,
        dates=extract_dates(parsed),
    )


__all__ = ["extract_facts"]
