"""``_verbatim`` finds copied text by a search in the original folded and squashed once; it must
give what the plain regex over the original gives (each gap between words any run of white space,
capitals aside, not inside a longer word)."""

import re

from hypothesis import given, settings, strategies as st

from corefact.ingest import load_article
from corefact.nlp import parse
from corefact.verification import Original, _verbatim

from ..conftest import EXAMPLES

TEXT = (EXAMPLES / "flood.txt").read_text()
ORIGINAL = Original.build(parse(load_article(TEXT), min_sentences=1))


def by_regex(text: str):
    words = text.split()
    if not words:
        return None
    m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", ORIGINAL.parsed.text, re.IGNORECASE)
    if m is None:
        return None
    return [s.span() for s in ORIGINAL.parsed.sents if s.start < m.end() and s.end > m.start()]


def test_a_copied_sentence_is_found_in_its_sentence():
    sent = ORIGINAL.parsed.sents[1]
    spans = _verbatim(ORIGINAL, "  " + sent.text.upper().replace(" ", "\n ") + " ")
    assert spans == [sent.span()]


def test_part_of_a_longer_word_is_not_a_copy():
    word = max(TEXT.split(), key=len).strip(".,;:'\"")
    assert by_regex(word[1:]) is None  # the flood article has no word ending in another's tail
    assert _verbatim(ORIGINAL, word[1:]) is None


@st.composite
def pieces(draw):
    """A stretch of the article's words, cut anywhere, re-spaced and re-cased, sometimes with a
    word changed."""
    words = TEXT.split()
    i = draw(st.integers(0, len(words) - 1))
    n = draw(st.integers(1, 12))
    chosen = words[i:i + n]
    if draw(st.booleans()) and chosen:
        cut = draw(st.integers(0, len(chosen[0])))
        chosen[0] = chosen[0][cut:] or chosen[0]
    if draw(st.integers(0, 4)) == 0:
        chosen[draw(st.integers(0, len(chosen) - 1))] = draw(st.sampled_from(["floods", "x", "Ogun", "17", "the"]))
    seps = [draw(st.sampled_from([" ", "  ", "\n", "\t "])) for _ in chosen]
    text = "".join(s + w for s, w in zip(seps, chosen))
    return text.upper() if draw(st.booleans()) else text


@settings(max_examples=300, deadline=None)
@given(pieces())
def test_same_as_the_regex_over_the_original(text):
    assert _verbatim(ORIGINAL, text) == by_regex(text)
