from corefact.rewrite import apply_transformations, as_sentence

from .conftest import parsed_text


def test_dateline_is_stripped_and_recorded():
    p = parsed_text("WASHINGTON (Reuters) - The Senate passed the budget bill late on Friday. It now goes to the House.")
    s = as_sentence(p, p.sents[0])
    assert s.text == "The Senate passed the budget bill late on Friday."
    assert s.transformations[0].rule == "strip_dateline"
    removed = s.transformations[0].removed[0]
    assert p.text[removed.start:removed.end] == removed.text == "WASHINGTON (Reuters) -"
    ev = s.evidence[0]
    assert apply_transformations(ev.text, ev.start, s.transformations) == s.text


def test_plain_sentence_is_its_own_evidence(flood):
    s = as_sentence(flood, flood.sents[1])
    assert s.text == s.evidence[0].text and not s.transformations
