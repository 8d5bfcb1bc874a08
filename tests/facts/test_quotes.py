from corefact.facts.people import extract_people
from corefact.facts.quotes import extract_quotes

from ..conftest import parsed_text


def quotes_of(p):
    return extract_quotes(p, extract_people(p))


def test_direct_quotes_with_speakers(flood):
    direct = [q for q in quotes_of(flood) if q.direct]
    assert [q.speaker for q in direct] == ["Maria Okafor", "Maria Okafor"]
    assert direct[0].text.startswith("We will not abandon these families")
    assert direct[0].cue == "said"
    # the second sentence of the quote continues the same speaker
    assert direct[1].text.startswith("The federal government will pay")


def test_indirect_speech_is_marked(flood):
    indirect = [q for q in quotes_of(flood) if not q.direct]
    urged = [q for q in indirect if q.cue == "urged"]
    assert urged and urged[0].text.startswith("commercial lenders to suspend mortgage repayments")
    assert urged[0].speaker == "Maria Okafor"  # "The minister" resolved by role


def test_told_after_quote(chipmaker):
    direct = [q for q in quotes_of(chipmaker) if q.direct]
    assert direct[0].speaker == "Priya Raman" and direct[0].cue == "told"


def test_according_to():
    p = parsed_text('"The road will stay shut until May," according to transport chief Ana Silva. Drivers were angry.')
    q = [q for q in quotes_of(p) if q.direct][0]
    assert q.speaker == "Ana Silva" and q.cue == "according to"


def test_each_paragraph_of_a_long_quotation_is_its_own_quote():
    # '"A. "B." The following day...': the second quotation ends at its closing mark, not at the
    # next opening one with the narrative between them taken for a quotation
    p = parsed_text(
        'Mr Thorpe said his colleagues would not serve under him. "They feel they could not agree to it. '
        '"Asked if this was his own plan he said no, it was not." The following day the talks failed. '
        'Mr Thorpe told Sir Edward: "I am sorry this is a nightmare for you."'
    )
    direct = [q for q in quotes_of(p) if q.direct]
    assert [q.text for q in direct] == [
        "They feel they could not agree to it.",
        "Asked if this was his own plan he said no, it was not.",
        "I am sorry this is a nightmare for you.",
    ]
    assert direct[-1].speaker == "Thorpe"


def test_quotations_in_single_marks_are_direct_quotes():
    # the Daily Mail's style, marks set apart; apostrophes and scare quotes are no quotation
    p = parsed_text(
        "The striker scored twice on Sunday. 'It's not as though I was hoping he would miss, it was a great goal, ' "
        "Paul Rice said. The fans' chants and the US' reserve were 'noted'."
    )
    direct = [q for q in quotes_of(p) if q.direct]
    assert [(q.text, q.speaker, q.cue) for q in direct] == [
        ("It's not as though I was hoping he would miss, it was a great goal,", "Paul Rice", "said")
    ]


def test_a_single_marked_quotation_news_style_leaves_open_is_one_quote_and_goes_on(transfer):
    # 'Whitlock said: 'It is true ... Europe.' then a paragraph that opens the quotation again
    direct = [q for q in quotes_of(transfer) if q.direct]
    assert [(q.speaker, q.text.split(".")[0]) for q in direct[:2]] == [
        ("Graham Whitlock", "It is true that we have sent an offer for Tomas"),
        ("Graham Whitlock", "It is a formal offer with conditions"),
    ]
    assert {q.speaker for q in direct} == {"Graham Whitlock", "Rui Sampaio", "Tomas Reis", "Ellen Carr"}


def test_a_pronoun_speaker_in_a_subordinate_clause_is_the_main_clauses_subject():
    # the last person named before 'she' is Harte, who does not speak here
    p = parsed_text(
        'Ada Pell sent a letter last week to rival leader Tom Harte saying the summit set for June 12 would not happen, '
        'blaming what she said was "deep anger and open hostility" shown in a statement by Harte. Harte did not reply.'
    )
    (q,) = [q for q in quotes_of(p) if q.direct]
    assert q.text == "deep anger and open hostility" and q.speaker == "Ada Pell"


def test_a_name_inside_the_quotation_is_not_its_speaker():
    # the parse takes 'Tom Harte', inside the marks, for the subject of 'wrote'
    p = parsed_text(
        'Mayor Ada Pell confirmed the visit on Monday. "Tom Harte, the deputy leader of the council, heading now to Leeds," Pell wrote on Tuesday on Twitter. '
        '"A modern and well-funded library," insisted Lena Voss, "will bring the town back to life."'
    )
    speakers = [(q.text.split(",")[0], q.speaker) for q in quotes_of(p) if q.direct]
    assert speakers == [("Tom Harte", "Ada Pell"), ("A modern and well-funded library", "Lena Voss"), ("will bring the town back to life.", "Lena Voss")], speakers
