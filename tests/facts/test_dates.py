import datetime as dt

import pytest

from corefact.facts.dates import extract_dates, resolve

REF = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Monday", (dt.date(2024, 3, 11), None)),
        ("on Thursday", (REF, None)),
        ("last Thursday", (dt.date(2024, 3, 7), None)),
        ("yesterday", (dt.date(2024, 3, 13), None)),
        ("last week", (dt.date(2024, 3, 4), dt.date(2024, 3, 10))),
        ("last month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("last year", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("January", (dt.date(2024, 1, 1), dt.date(2024, 1, 31))),
        ("November", (dt.date(2023, 11, 1), dt.date(2023, 11, 30))),
        ("14 March 2024", (REF, None)),
        ("March 2, 2021", (dt.date(2021, 3, 2), None)),
        ("2019", (dt.date(2019, 1, 1), dt.date(2019, 12, 31))),
    ],
)
def test_resolve(text, expected):
    assert resolve(text, REF)[0] == expected


def test_since_monday_is_a_range_to_publication(flood):
    dates = {d.text: d for d in extract_dates(flood)}
    since = dates["since Monday"]
    assert (since.value, since.value_end, since.relative) == (dt.date(2024, 3, 11), REF, True)
    assert flood.text[since.span.start:since.span.end] == "since Monday"


def test_unresolved_without_publication_date():
    assert resolve("Monday", None) == ((None, None), True)
