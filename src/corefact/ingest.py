"""Turn raw input (text, HTML, bytes, a file, a JSONL record) into an :class:`Article`.

The article's ``text`` is what every offset points into, so normalisation here is limited to what
keeps the text readable as written: line endings, non-breaking and zero-width spaces, trailing blanks
on a line, runs of blank lines, and surrounding white space; and teletype debris in older newswire
text (see :func:`normalize_wire`), which is recorded on the article.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Optional, Union

from .errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    TooLargeError,
    UnsupportedLanguageError,
)
from .model import Article, Normalization
from .options import DEFAULT_MAX_BYTES

Source = Union[str, bytes, Path, Article]

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\n|\Z)", re.IGNORECASE)
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
# Frequent English function words: in English prose they are about a third of all words, in
# other languages (even ones written in Latin script) a few percent at most.
_ENGLISH_WORDS = frozenset(
    """the of and to a in is was that for on it with as by he at from his be are an have has
    had said not but which they this were their been its who will or would more after also
    there than one about her she we when all up out into over new two last year if can our
    could other some i you what so told no first up these them years him people may""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def article_id(text: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode input bytes (see :func:`decode_with_encoding`), refusing binary data and oversize input."""
    return decode_with_encoding(data, max_bytes=max_bytes)[0]


def decode_with_encoding(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode input bytes and name the encoding used.

    UTF-16 with a byte-order mark, then UTF-8 (with or without its mark), then the charset an HTML
    page declares, then Windows-1252 (which reads Latin-1 text the same but for its control range),
    then Latin-1. Binary data (NUL bytes, control characters) is refused.
    """
    if len(data) > max_bytes:
        raise TooLargeError(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if data.startswith(_UTF16_BOMS):
        try:
            return check_not_binary(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            raise DecodingError("input opens with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise BinaryInputError("input looks binary (it contains NUL bytes), not text or HTML")
    try:
        return check_not_binary(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            return check_not_binary(data.decode(name)), codecs.lookup(name).name
        except LookupError:
            raise DecodingError(f"the page declares an unknown charset {name!r} and is not UTF-8") from None
        except UnicodeDecodeError as exc:
            raise DecodingError(f"input is not valid {name} as the page declares (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    try:
        return check_not_binary(data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        return check_not_binary(data.decode("latin-1")), "latin-1"


def check_not_binary(text: str) -> str:
    """``text`` itself, or :class:`BinaryInputError` when it is full of control characters (a
    binary file decoded as text); a JSONL record's text is checked with it too."""
    control = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if control > 0.01 * min(len(text), 8192) + 2:
        raise BinaryInputError("input looks binary (it is full of control characters), not text or HTML")
    return text


def normalize_text(text: str) -> str:
    """Normalise white space in ways that keep the text as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\t", " ")
    text = re.sub(r"[ \f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return text.strip()


# Older newswire text, typed for teletype: a line opening with an underscore as its bullet, an
# underscore between spaces as its dash, and two backquotes / two apostrophes as quotation marks.
_WIRE_RULES = (
    ("wire_mark", re.compile(r"(?m)^_[ \t]+"), ""),
    ("wire_dash", re.compile(r"(?<=\S) _ (?=\S)"), " \u2014 "),
    ("typewriter_quotes", re.compile(r"``[ \t]?"), "\u201c"),
    ("typewriter_quotes", re.compile(r"(?<=\S)[ \t]?''(?!')"), "\u201d"),
)


def normalize_wire(text: str) -> tuple[str, list[Normalization]]:
    """Replace teletype debris with what it stands for, and say what was replaced.

    A line opening with ``_ `` loses the mark (``wire_mark``); `` _ `` between words becomes an em
    dash (``wire_dash``); ````` and ``''`` become curly quotation marks (``typewriter_quotes``).

    Returns:
        The text and one :class:`Normalization` per rule that changed something, with its count.
    """
    counts: dict[str, int] = {}
    for rule, pattern, replacement in _WIRE_RULES:
        text, n = pattern.subn(replacement, text)
        if n:
            counts[rule] = counts.get(rule, 0) + n
    return text, [Normalization(rule=rule, count=n) for rule, n in counts.items()]


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000]
    return head.startswith("<") and bool(_HTML_HINT.search(head))


def english_share(text: str) -> float:
    """Share of the words that are frequent English function words."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return 0.0
    return sum(w in _ENGLISH_WORDS for w in words) / len(words)


def check_english(text: str) -> None:
    """Raise :class:`UnsupportedLanguageError` unless the text reads as English."""
    share = english_share(text)
    if share < 0.12:
        raise UnsupportedLanguageError(
            f"the text does not look like English (only {share:.0%} of its words are common English words); "
            "corefact explains English articles only"
        )


def _from_html(html: str) -> tuple[str, Optional[str], Optional[dt.date], Optional[str]]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        return "", None, None, None
    text = getattr(doc, "text", None) or ""
    title = getattr(doc, "title", None)
    url = getattr(doc, "url", None)
    return text, title, _page_date(html), url


# Elements that carry the page's address: htmldate reads a date out of it ('/2021/07/09/...'),
# which is a guess about the story, not a date the page states.
_URL_ELEMENTS = (
    '//link[@rel="canonical"] | //meta[@property="og:url" or @name="og:url" or @name="twitter:url"'
    ' or @itemprop="url"]'
)


def _page_date(html: str) -> Optional[dt.date]:
    """The publication date the page states in its own metadata (meta tags, JSON-LD, ``<time>``).

    htmldate runs without its extensive search (which takes a copyright year or the newest date on
    the page) and without the page's address; with the original date preferred to a modified one.
    """
    from htmldate import find_date
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for element in tree.xpath(_URL_ELEMENTS):
        element.drop_tree()
    return _parse_date(find_date(tree, extensive_search=False, original_date=True, url=""))


def _parse_date(value) -> Optional[dt.date]:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_article(
    source: Source,
    *,
    date: Optional[dt.date] = None,
    date_source: str = "option",
    title: Optional[str] = None,
    url: Optional[str] = None,
    id: Optional[str] = None,
    origin: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read an article from text, HTML, bytes or a file path.

    Args:
        source: the article as ``str`` (text or HTML), ``bytes``, a :class:`~pathlib.Path`, or an
            :class:`Article` (returned with ``date`` applied).
        date: publication date; overrides any date found in the input.
        date_source: recorded as ``Article.date_source`` when ``date`` is given: ``'option'`` (a
            user's ``--date``) or ``'record'`` (the ``date`` field of a corpus record).
        title, url, id: metadata to record; ``id`` defaults to a hash of the text.
        origin: where the input came from, recorded as ``Article.source``.
        max_bytes: inputs larger than this raise :class:`TooLargeError`.

    Returns:
        The :class:`Article`.

    Raises:
        EmptyInputError, BinaryInputError, DecodingError, TooLargeError, UnsupportedLanguageError.
    """
    if isinstance(source, Article):
        return source.model_copy(update={"date": date, "date_source": date_source}) if date else source
    if isinstance(source, Path):
        origin = origin or str(source)
        try:
            source = source.read_bytes()
        except OSError as exc:
            from .errors import BadInputError

            raise BadInputError(f"cannot read {source}: {exc.strerror or exc}") from None
    encoding = None
    if isinstance(source, bytes):
        source, encoding = decode_with_encoding(source, max_bytes=max_bytes)
    elif len(source) > max_bytes and len(source.encode("utf-8")) > max_bytes:
        raise TooLargeError(f"input is {len(source.encode('utf-8')):,} bytes, over the limit of {max_bytes:,} bytes")

    found_date = found_title = found_url = None
    found_from = None
    if looks_like_html(source):
        source, found_title, found_date, found_url = _from_html(source)
        found_from = "metadata" if found_date else None
    text, normalizations = normalize_wire(normalize_text(source))
    m = _DATE_LINE.match(text)
    if m:
        line_date = _parse_date(m.group(1))
        if line_date:
            found_date, found_from = line_date, "dateline"
        text = text[m.end():].strip()
    if not text:
        raise EmptyInputError("input is empty (no article text found)")
    check_english(text)
    return Article(
        id=id or article_id(text),
        title=title or found_title,
        date=date or found_date,
        date_source=date_source if date else found_from,
        url=url or found_url,
        source=origin,
        encoding=encoding,
        normalizations=normalizations,
        text=text,
    )
