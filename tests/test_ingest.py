import datetime as dt

import pytest

from corefact.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    TooLargeError,
    UnsupportedLanguageError,
)
from corefact.ingest import article_id, load_article, normalize_text

ENGLISH = "The council voted on Tuesday to close the old bridge. Repairs will take two years."


def test_plain_text_keeps_words_and_normalises_whitespace():
    a = load_article("  The council voted.\r\n\r\n\r\nRepairs\u00a0will take two years.  ")
    assert a.text == "The council voted.\n\nRepairs will take two years."
    assert a.id == article_id(a.text)


def test_leading_date_line_sets_date_and_is_not_text():
    a = load_article("date 2024-03-14\n" + ENGLISH)
    assert a.date == dt.date(2024, 3, 14)
    assert a.text == ENGLISH


def test_date_argument_overrides_date_line():
    a = load_article("date 2024-03-14\n" + ENGLISH, date=dt.date(2020, 1, 2))
    assert a.date == dt.date(2020, 1, 2)


def test_html_goes_through_trafilatura_with_title_and_date():
    html = """<!doctype html><html><head><title>Bridge to close</title>
    <meta property="article:published_time" content="2023-05-02T10:00:00Z"></head>
    <body><nav>Home | News | Sport</nav><article><h1>Bridge to close</h1>
    <p>The council voted on Tuesday to close the old bridge over the river after engineers found cracks in two of its piers.</p>
    <p>Repairs will take two years and cost about four million pounds, the council said in a statement.</p>
    </article><footer>Copyright</footer></body></html>"""
    a = load_article(html)
    assert "engineers found cracks" in a.text
    assert "Home | News" not in a.text
    assert a.title == "Bridge to close"
    assert a.date == dt.date(2023, 5, 2)


@pytest.mark.parametrize("raw", ["", "   \n\t  ", b"", b"\n\n"])
def test_empty_input(raw):
    with pytest.raises(EmptyInputError, match="empty"):
        load_article(raw)


def test_binary_input():
    with pytest.raises(BinaryInputError, match="binary"):
        load_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes():
    with pytest.raises(DecodingError, match="UTF-8"):
        load_article("Le conseil a voté à l'unanimité.".encode("latin-1"))


def test_too_large():
    with pytest.raises(TooLargeError, match="over the limit"):
        load_article(("word " * 1000).encode(), max_bytes=1000)


@pytest.mark.parametrize(
    "text",
    [
        "Le conseil municipal a voté mardi la fermeture du vieux pont. Les travaux dureront deux ans et coûteront quatre millions d'euros.",
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen. Die Reparatur wird zwei Jahre dauern.",
        "El ayuntamiento votó el martes cerrar el viejo puente. Las obras durarán dos años y costarán cuatro millones.",
    ],
)
def test_non_english(text):
    with pytest.raises(UnsupportedLanguageError, match="English"):
        load_article(text)


def test_normalize_is_idempotent():
    t = normalize_text("A  b.\n\n\n\nC\t d.  ")
    assert normalize_text(t) == t == "A b.\n\nC d."
