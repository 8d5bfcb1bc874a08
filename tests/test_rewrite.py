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
        f"Rovers won 4-0 on Saturday. The manager's view: {mark}I have every faith in Tomas. "
        f"{mark}When other clubs called I told him he was going nowhere.{mark} The fans cheered."
    )
    s = as_sentence(p, p.sents[1])
    assert s.text == f"The manager's view: {mark}I have every faith in Tomas.{mark}"
    assert [(t.rule, t.added) for t in s.transformations] == [("close_quotation", mark)]
    ev = s.evidence[0]
    assert ev.text == f"The manager's view: {mark}I have every faith in Tomas."
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


@pytest.mark.parametrize(
    "text, shown, removed",
    [
        ("But the bank kept its rate at 4.5% on Thursday.", "The bank kept its rate at 4.5% on Thursday.", "But"),
        ("However, the pound fell by two cents against the dollar.", "The pound fell by two cents against the dollar.", "However,"),
        ("Meanwhile the valley is still without power.", "The valley is still without power.", "Meanwhile"),
        ("LONDON (Reuters) - And the Bank of England kept its rate on Thursday.", "The Bank of England kept its rate on Thursday.", "And"),
    ],
)
def test_a_connective_is_left_out_when_the_sentence_before_is_not_shown(text, shown, removed):
    p = parsed_text("Prices rose again in March across the country. " + text)
    s = as_sentence(p, p.sents[1])
    assert s.text == shown
    dropped = s.transformations[-1]
    assert dropped.rule == "drop_connective" and [r.text for r in dropped.removed] == [removed]
    assert p.text[dropped.removed[0].start:dropped.removed[0].end] == removed
    ev = s.evidence[0]
    assert apply_transformations(ev.text, ev.start, s.transformations) == s.text
    # right after the sentence it ties to, it keeps its connective
    assert as_sentence(p, p.sents[1], after_previous=True).text.endswith(text.split(" - ")[-1])
    # and 'But he...' is never shown without its sentence before: nothing is left out of it
    he = parsed_text("Prices rose again in March. But he said the rise would not last.")
    assert not as_sentence(he, he.sents[1]).transformations


def test_a_sentence_the_article_leaves_without_a_full_stop_gets_one_recorded():
    # a photo caption set on its own line, as scraped pages have them
    p = parsed_text("Marta Osei designed the new sea wall at Port Wendle\nThe wall will hold back a storm surge of four metres. Work starts in March.")
    caption = p.sents[0]
    assert caption.text == "Marta Osei designed the new sea wall at Port Wendle"
    s = as_sentence(p, caption)
    assert s.text == caption.text + "."
    assert [(t.rule, t.added) for t in s.transformations] == [("add_full_stop", ".")]
    ev = s.evidence[0]
    assert apply_transformations(ev.text, ev.start, s.transformations) == s.text
    assert not as_sentence(p, p.sents[1]).transformations  # it has its own
