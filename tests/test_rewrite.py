import pytest

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


@pytest.mark.parametrize("mark", ['"', "'"])  # the BBC's double marks, the Daily Mail's single ones
def test_a_quotation_news_style_leaves_open_is_closed_and_recorded(mark):
    # the quotation goes on in the next paragraph, so the article leaves out its closing mark
    p = parsed_text(
        f"Charlton won 4-0 on Saturday. The manager's view: {mark}I have a lot of faith in Jonatan. "
        f"{mark}When other clubs called I told him he was going nowhere.{mark} The fans cheered."
    )
    s = as_sentence(p, p.sents[1])
    assert s.text == f"The manager's view: {mark}I have a lot of faith in Jonatan.{mark}"
    assert [(t.rule, t.added) for t in s.transformations] == [("close_quotation", mark)]
    ev = s.evidence[0]
    assert ev.text == f"The manager's view: {mark}I have a lot of faith in Jonatan."
    assert apply_transformations(ev.text, ev.start, s.transformations) == s.text
    # a quotation closed in its own sentence, or one that simply breaks off, is left as it is
    assert not as_sentence(p, p.sents[2]).transformations
    cut = parsed_text('The coach said: "It is a great challenge. The club appointed him on Monday. He starts in May.')
    assert not cut.sents[0].closing_mark
    nested = parsed_text('"He saw Brown and said, \'you are next," Mr Peston said. "It was late." The row ended.')
    assert not nested.sents[0].closing_mark  # the single quotation ended with the double one


def test_an_unknown_transformation_derives_nothing():
    from corefact.model import Transformation

    assert apply_transformations("Some text.", 0, [Transformation(rule="invent_a_quote", added='"')]) is None
