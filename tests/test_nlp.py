import pytest

from corefact.errors import TooShortError
from corefact.ingest import load_article
from corefact.nlp import parse, quotations

from .conftest import parsed_text


def test_sentence_units_are_exact_spans(flood):
    for s in flood.sents:
        assert flood.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_dateline_fragment_joins_next_sentence():
    p = parsed_text("LONDON (Reuters) -\nThe Bank of England raised rates to 5% on Thursday. Markets fell sharply after the news.")
    assert p.sents[0].text.startswith("LONDON (Reuters)")
    assert "raised rates" in p.sents[0].text
    assert len(p.sents) == 2


def test_paragraph_break_ends_a_sentence_and_counts_paragraphs():
    p = parsed_text("Storm hits coast\n\nThe storm hit the coast on Monday. Thousands lost power.\n\nRepairs began on Tuesday.")
    assert [s.text for s in p.sents][0] == "Storm hits coast"
    assert [s.paragraph for s in p.sents] == [0, 1, 1, 2]


def test_quotation_is_never_cut():
    p = parsed_text('"We will not abandon them. The state will pay," said the minister. Officials agreed.')
    first = p.sents[0].text
    assert first.count('"') == 2 and "said the minister" in first


def test_a_quotation_that_never_closes_holds_no_sentences_together():
    # an extract cut inside a quotation: the sentences after it are sentences of their own
    p = parsed_text('The coach said: "It is a great challenge. The club appointed him on Monday. He starts in May.')
    assert [s.text for s in p.sents] == ['The coach said: "It is a great challenge.', "The club appointed him on Monday.", "He starts in May."]


UNITS = {
    # news style opens every paragraph of a quotation and closes only the last; run together in
    # one line, the quotation's paragraphs must not glue the sentences after them into one unit
    "each_paragraph_of_a_long_quotation": (
        'The award was presented on Sunday. "They give me a new energy every year. '
        '"To be honoured like this by my own town is a great joy." The singer Ines Calloway said it "meant the world" to be there. '
        'He said: "Just to be here is enough. It is great." The show ended late.',
        [
            "The award was presented on Sunday.",
            '"They give me a new energy every year.',
            '"To be honoured like this by my own town is a great joy."',
            'The singer Ines Calloway said it "meant the world" to be there.',
            'He said: "Just to be here is enough. It is great."',
            "The show ended late.",
        ],
    ),
    # the reference extract leaves the lawyer's quotation open; Mr Boyd's opens a new one
    "a_quotation_an_extract_broke_off": (
        'His lawyer added: "He was living on welfare and could not even download software. '
        'He said 29% of software in Britain was pirated. Mr Boyd said: "It was truly global." The case goes on.',
        [
            'His lawyer added: "He was living on welfare and could not even download software.',
            "He said 29% of software in Britain was pirated.",
            'Mr Boyd said: "It was truly global."',
            "The case goes on.",
        ],
    ),
    # spaCy keeps "m." whole as an abbreviation; after a figure it is millions and a full stop
    "a_figure_in_millions": (
        "The cuts will save more than $375m. As part of the plan, the firm halved its dividend. Shares rose.",
        ["The cuts will save more than $375m.", "As part of the plan, the firm halved its dividend.", "Shares rose."],
    ),
    # spaCy ends sentences before 'but' and before capitals of a title; no full stop ends them there
    "spacy_cuts_without_an_end_mark": (
        "Casualty's Ines Calloway is penning one episode of hit US cartoon The Simpsons, after a call from its producers.\n\n"
        "It's not terribly deep but you get drawn into the tale quickly. The series ran for years.",
        [
            "Casualty's Ines Calloway is penning one episode of hit US cartoon The Simpsons, after a call from its producers.",
            "It's not terribly deep but you get drawn into the tale quickly.",
            "The series ran for years.",
        ],
    ),
    # the Daily Mail quotes in single marks, set apart from the words around them; a quotation
    # that runs over a sentence (or a cut spaCy made in it) is one unit with its speaker; the mark
    # that opens one ("bid. 'It is") is the next unit's, where spaCy left it on the one before
    "quotations_in_single_marks": (
        "Tom Harte restarted his row with the club on Sunday. 'Just seen the match, did anyone spot the manager? "
        "# GoRovers, ' Harte put on Twitter. He wrote in his column that 'if Sam Ode can make the team (the squad) "
        "then the door is open to everyone. ' He said: 'It is right that they made a bid. "
        "'It is a formal offer. They want him in the summer. ' Harte's US' rivals and Lil' Kim were not there.",
        [
            "Tom Harte restarted his row with the club on Sunday.",
            "'Just seen the match, did anyone spot the manager? # GoRovers, ' Harte put on Twitter.",
            "He wrote in his column that 'if Sam Ode can make the team (the squad) then the door is open to everyone. '",
            "He said: 'It is right that they made a bid.",
            "'It is a formal offer. They want him in the summer. '",
            "Harte's US' rivals and Lil' Kim were not there.",
        ],
    ),
    # single marks inside a double quotation: they neither hold the quotation apart nor outlive it
    "single_marks_inside_a_double_quotation": (
        'Harte blamed Ode. "He is 6ft 2in and shouting at Tom. So I said, \'shout at me\'," he said. '
        '"He saw Brown and said, \'you are the next most influential member," Mr Peston said. "It was late." The row ended.',
        [
            "Harte blamed Ode.",
            '"He is 6ft 2in and shouting at Tom. So I said, \'shout at me\'," he said.',
            '"He saw Brown and said, \'you are the next most influential member," Mr Peston said.',
            '"It was late."',
            "The row ended.",
        ],
    ),
    # tokenised text sets the apostrophe of a plural apart: it opens no quotation that would hold
    # the sentences after it together; after a quotation opened, the same mark closes it
    "plural_apostrophe_set_apart": (
        "The Rovers ' cup tie has been sold out. Fans queued overnight. It is the Robins ' biggest game in years. "
        "The club called the demand 'remarkable ' on Monday.",
        [
            "The Rovers ' cup tie has been sold out.",
            "Fans queued overnight.",
            "It is the Robins ' biggest game in years.",
            "The club called the demand 'remarkable ' on Monday.",
        ],
    ),
    # the Daily Mail's video link, left in the text before a caption, is a unit of its own
    "page_furniture_before_a_caption": (
        "The van was found on Sunday. Scroll down for video Shiny: Ada Lorne was stunned when her van was returned. She cried.",
        ["The van was found on Sunday.", "Scroll down for video", "Shiny: Ada Lorne was stunned when her van was returned.", "She cried."],
    ),
}


@pytest.mark.parametrize("case", sorted(UNITS))
def test_sentence_units_repair_news_text(case):
    text, units = UNITS[case]
    assert [s.text for s in parsed_text(text).sents] == units


def test_each_item_of_a_list_is_a_unit_of_its_own():
    p = parsed_text(
        "The winners were named on Sunday.\n\nThey include:\n - Best set design - The Salt Road designed by Ines Calloway at the Lyric\n"
        " - Best costume design - A Winter Harbour designed by Marta Osei at the Globe\n\nThe show ended late."
    )
    assert [s.text for s in p.sents][2:4] == [
        "- Best set design - The Salt Road designed by Ines Calloway at the Lyric",
        "- Best costume design - A Winter Harbour designed by Marta Osei at the Globe",
    ]


def test_quotations_open_and_close_by_their_place():
    text = 'He said: "A plan. "Then more," she added, calling it "so-called" art.\n\n"Cut off here\nNext line.'
    assert [text[a:b] for a, b in quotations(text)] == ['"A plan.', '"Then more,"', '"so-called"', '"Cut off here']
    curly = "“One.\n\n“Two,” he said."
    assert [curly[a:b] for a, b in quotations(curly)] == ["“One.", "“Two,”"]
    single = "'Just been watching, did you miss it? # See, ' he wrote. The US' reserve and 'bot nets.\n\"I said 'no',\" she said."
    assert [single[a:b] for a, b in quotations(single)] == ["'Just been watching, did you miss it? # See, '", "\"I said 'no',\""]
    plural = "The Rovers ' fans called it ' a disgrace ' and the players ' wages 'too high '."
    assert [plural[a:b] for a, b in quotations(plural)] == ["' a disgrace '", "'too high '"]


def test_closing_quote_stays_with_its_sentence(flood):
    for s in flood.sents:
        assert s.text.count('"') % 2 == 0, s.text


def test_too_short():
    with pytest.raises(TooShortError, match="1 sentence"):
        parse(load_article("Only one sentence is here."))


def test_a_quotation_of_fewer_than_three_words_is_no_speech():
    from corefact.nlp import is_speech

    text = 'The "Harbour Works" plan, "We will close the pier," she said.'
    (a1, b1), (a2, b2) = quotations(text)
    assert not is_speech(text, a1, b1)
    assert is_speech(text, a2, b2)
