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


_CAFE = (
    "The caf\u00e9 on Quai Sainte-H\u00e9l\u00e8ne reopened on Monday after the floods, its owner said. "
    "\u201cWe lost the terrace and \u00a31,200 of stock,\u201d said Ren\u00e9e Martin, who has run it since 1998."
)


@pytest.mark.parametrize(
    "data,encoding",
    [
        (_CAFE.encode("utf-8"), "utf-8"),
        (_CAFE.encode("cp1252"), "cp1252"),
        (_CAFE.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"), "cp1252"),
        (_CAFE.encode("utf-16"), "utf-16"),
        (("<html><head><meta charset='iso-8859-15'><title>Caf\u00e9</title></head><body><article><p>"
          + _CAFE.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a3", "GBP ") + "</p></article></body></html>").encode("iso-8859-15"),
         "iso8859-15"),
    ],
    ids=["utf8", "windows1252", "latin1", "utf16_bom", "declared_charset"],
)
def test_known_encodings_are_decoded(data, encoding):
    article = load_article(data)
    assert article.encoding == encoding
    assert "Ren\u00e9e Martin" in article.text and "caf\u00e9" in article.text


def test_declared_charset_that_does_not_decode():
    page = b"<html><head><meta charset='x-no-such'></head><body><p>Caf\xe9 au lait.</p></body></html>"
    with pytest.raises(DecodingError, match="charset"):
        load_article(page)


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


# Dates come only from what the page states as its publication date (#24).
_BODY = (
    "<p>The Harwick council voted on Tuesday to reopen the old river bridge after eight months of repairs. "
    "Councillors said the crossing would carry buses again from next week.</p>"
    "<p>Shopkeepers on the east bank welcomed the decision, which a dispute over costs had held up since spring. "
    "The repairs cost the town about 2.4 million pounds.</p>"
)


def _page(head: str = "", before: str = "", after: str = "") -> str:
    return f"<html><head><title>Harwick bridge reopens</title>{head}</head><body><article>{before}{_BODY}</article>{after}</body></html>"


@pytest.mark.parametrize(
    "html,date",
    [
        (_page(head='<meta property="article:published_time" content="2024-03-14T10:00:00Z">'), dt.date(2024, 3, 14)),
        (_page(before='<time datetime="2023-05-02">2 May 2023</time>'), dt.date(2023, 5, 2)),
        (
            _page(head='<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
                  '"headline": "Harwick bridge reopens", "datePublished": "2022-11-20"}</script>'),
            dt.date(2022, 11, 20),
        ),
    ],
    ids=["published_time", "time_element", "json_ld"],
)
def test_html_date_from_the_pages_metadata(html, date):
    article = load_article(html)
    assert (article.date, article.date_source) == (date, "metadata")


@pytest.mark.parametrize(
    "html",
    [
        _page(after="<footer>Copyright 2024 Harwick Evening Post</footer>"),
        _page(head='<link rel="canonical" href="https://post.example.org/2021/07/09/harwick-bridge-reopens">'),
        _page(head='<meta property="og:url" content="https://post.example.org/2021/07/09/harwick-bridge">'),
        _page(),
    ],
    ids=["copyright_footer", "canonical_url", "og_url", "no_date"],
)
def test_html_date_never_guessed(html):
    # trafilatura's default search would give 2024-01-01 from the copyright year and 2021-07-09 from the address
    article = load_article(html)
    assert (article.date, article.date_source) == (None, None)


def test_date_source_of_option_and_date_line():
    text = "date 2024-03-14\nThe council voted to reopen the bridge. Residents were pleased with the decision."
    assert load_article(text).date_source == "dateline"
    assert load_article(text, date=dt.date(2024, 3, 15)).date_source == "option"
    assert load_article(text, date=dt.date(2024, 3, 15), date_source="record").date_source == "record"
    assert load_article("The council voted to reopen the bridge. Residents were pleased with it.").date_source is None


WIRE = (
    "KELSTON, Freeland (AP) _ The military government has barred the opposition leader from travelling to the "
    "north, officials said Tuesday.\n\n_ The ban follows a week of protests in the capital.\n\n``We will not be "
    "silenced,'' said a spokesman for the party. He added that its members ``have done nothing wrong.''"
)


def test_wire_debris_is_normalised_and_recorded():
    article = load_article(WIRE)
    assert article.text.startswith("KELSTON, Freeland (AP) \u2014 The military government")
    assert "\n\nThe ban follows" in article.text
    assert "\u201cWe will not be silenced,\u201d said" in article.text
    assert "\u201chave done nothing wrong.\u201d" in article.text
    assert "_" not in article.text and "``" not in article.text and "''" not in article.text
    assert {(n.rule, n.count) for n in article.normalizations} == {
        ("wire_dash", 1), ("wire_mark", 1), ("typewriter_quotes", 4)
    }
    assert load_article("Plain text with a snake_case word and it's fine, the minister said on Monday.").normalizations == []


def test_wire_quotations_are_recognised_after_normalising():
    from corefact import explain

    explainer = explain(load_article(WIRE))
    quotes = [q.text for q in explainer.facts.quotes]
    assert any(q.startswith("We will not be silenced") for q in quotes)
    assert explainer.brief[0].text.startswith("The military government has barred")  # the dateline and its dash go
    assert not any(s.text.startswith("_") or "``" in s.text for s in explainer.brief)
