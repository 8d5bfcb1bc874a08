import pytest

from corefact.nlp import Sent
from corefact.select import core_fact, eligible, lede, score_sentences, select_brief, standalone


def _sent(text, index=1):
    """A sentence of an article's body (``index`` 0: its first)."""
    return Sent(index, 0, len(text), 0, 0, 0, text)


def test_standalone_rejects_dependent_openers_and_open_quotes():
    assert standalone(_sent("The council voted to close the bridge."))
    # a connective the rewrite leaves out (drop_connective) does not make a sentence lean...
    assert standalone(_sent("However, the council voted to close the bridge."))
    assert standalone(_sent("But the council voted to close the bridge."))
    # ...unless what follows it leans too, or it is no connective without its comma
    assert not standalone(_sent("However, he voted to close the bridge."))
    assert not standalone(_sent("But for the council, the bridge would have closed."))
    assert not standalone(_sent("Still no one has voted to close the bridge."))
    assert not standalone(_sent("Meanwhile 300 residents voted to close the bridge."))  # would open on a numeral
    assert not standalone(_sent("He said the bridge would close."))
    assert not standalone(_sent('"The bridge will close, the mayor said.'))
    assert not standalone(_sent('"The state will pay for every family."'))  # whose words?
    assert standalone(_sent('"The state will pay for every family," the minister said.'))
    # the same in single quotation marks, the Daily Mail's style (its text often spaces them out)
    assert not standalone(_sent("'When I'm wrong, I hold my hands up."))
    assert not standalone(_sent("'This rule says that no bags may be carried on board. '"))
    assert standalone(_sent("'If you look at the qualities, he is at the top, ' the Arsenal boss added."))
    assert standalone(_sent("'The new Pele' - Tomas Ferreira - is joining Santos for nearly $15m."))
    # openers that refer to nothing before them
    assert standalone(_sent("There are still 40 homes without power."))
    assert standalone(_sent("Although sales rose, profits fell for a third year."))
    assert not standalone(_sent("There, the mayor met the families."))
    assert not standalone(_sent("While he was in London, he met the mayor."))
    assert standalone(_sent("So-called phishing attacks rose by a third."))  # not 'So'
    # the 'it' of a clause put off to the end, not the 'it' of something said before
    assert standalone(_sent("It is understood the council will vote on Friday."))
    assert standalone(_sent("It has emerged that the bridge was never inspected."))
    assert standalone(_sent("It is not clear whether the bridge will reopen."))
    assert not standalone(_sent("It has claimed that the bridge is safe."))
    assert not standalone(_sent("It is expected to reopen in May."))
    assert not standalone(_sent("It is important because the bridge carries the buses."))
    # the article's first sentence leans on nothing: its opener points ahead, or to the page
    assert standalone(_sent("He may not play much at Rovers, but Sam Ode has a lot to smile about.", index=0))
    assert standalone(_sent("This is the moment a palace guard slipped on a manhole cover.", index=0))
    assert not standalone(_sent("This is the moment a palace guard slipped on a manhole cover."))


def test_core_fact_is_the_main_event(flood, chipmaker, marathon):
    assert core_fact(score_sentences(flood)).text.startswith("More than 4,200 residents")
    assert core_fact(score_sentences(chipmaker)).text.startswith("Halvern Semiconductor reported")
    assert core_fact(score_sentences(marathon)).text.startswith("Kenyan runner Faith Chepkoech won")


def test_brief_in_article_order_without_dependent_sentences(flood):
    scored = score_sentences(flood)
    first = core_fact(scored)
    chosen = select_brief(flood, scored, 4, first)
    assert len(chosen) == 4
    assert chosen[0] == first
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)
    shown = {s.index for s in chosen}
    assert all(eligible(s) or s.index - 1 in shown and eligible(s, opening=False) for s in chosen)


def test_a_sentence_opening_with_a_pronoun_may_follow_the_sentence_it_leans_on():
    from .conftest import parsed_text

    parsed = parsed_text(
        "Port Wendle council approved a new sea wall on Tuesday after three winters of flooding.\n\n"
        "Engineer Marta Osei designed the wall to hold back a storm surge of four metres.\n\n"
        "She said the wall would protect 900 homes and the harbour market for fifty years.\n\n"
        "Building work starts in March and should end before the autumn storms.\n\n"
        "It will be paid for from the regional flood fund."
    )
    she = next(s for s in parsed.sents if s.text.startswith("She said"))
    assert not eligible(she) and eligible(she, opening=False)
    scored = score_sentences(parsed)
    first = core_fact(scored)
    for k in range(2, 6):
        chosen = select_brief(parsed, scored, k, first)
        shown = {s.index for s in chosen}
        assert she.index not in shown or she.index - 1 in shown
        assert all(eligible(s) or s.index - 1 in shown for s in chosen)
    # with the sentence before it shown, it may be chosen as any other
    everything = select_brief(parsed, scored, 5, first)
    assert she in everything


def test_lede_is_at_most_two_sentences_of_the_first_paragraph():
    one, two, three, four = (Sent(i, 0, 1, 0, 0, p, "x") for i, p in ((0, 0), (1, 1), (2, 1), (3, 1)))
    assert lede([one, two, three]) == [one]  # a one-sentence opening paragraph
    assert lede([two, three, four]) == [two, three]
    assert lede([two, four]) == [two]  # a sentence held back between them ends the lede
    turn = Sent(2, 0, 1, 0, 0, 1, "But now it is his companion who has lost.")
    assert lede([two, turn, four]) == [two]  # a turn to what comes next is no part of it
    assert lede([]) == []


def test_brief_opens_with_the_lede_then_adds_salient_body_sentences(flood, chipmaker):
    for parsed in (flood, chipmaker):
        scored = score_sentences(parsed)
        first = core_fact(scored)
        shown = [s.sent for s in scored if eligible(s.sent)]
        opening = lede(shown)
        assert first in opening
        assert select_brief(parsed, scored, 1, first) == [first]
        assert select_brief(parsed, scored, 4, first)[: len(opening)] == opening
        body = [s for s in scored if s.sent in shown[len(opening):]]
        best = max(body, key=lambda s: s.score).sent
        assert best in select_brief(parsed, scored, len(opening) + 1, first, redundancy=0.0)


def test_a_sentence_that_names_what_the_one_before_brought_up_needs_that_one(flood):
    from corefact.select import leans_on_previous

    leans = leans_on_previous(flood)
    cut = next(s for s in flood.sents if s.text.startswith("The government said the cut"))
    assert cut.index in leans  # 'the cut': the sentence before says what was cut
    assert not leans & {s.index for s in flood.sents if s.text.startswith(("Rescue teams", "Emergency agency director"))}
    scored = score_sentences(flood)
    first = core_fact(scored)
    for k in range(3, 8):
        chosen = {s.index for s in select_brief(flood, scored, k, first)}
        assert all(i - 1 in chosen for i in chosen & leans)


def test_text_without_paragraph_breaks_gets_the_brief_model_learned_on_such_text(flood):
    from corefact.select import brief_model, load_weights, paragraphed

    from .conftest import EXAMPLES, parsed_text

    assert paragraphed(flood) and brief_model(flood) == "brief"
    flat = parsed_text(" ".join((EXAMPLES / "flood.txt").read_text().split()))
    assert not paragraphed(flat) and brief_model(flat) == "brief_no_paragraphs"
    weights = load_weights("brief_no_paragraphs")
    scored = score_sentences(flat)
    s = scored[3]
    assert s.score == sum(weights[k] * v for k, v in s.features.items())
    assert load_weights("brief") != weights


def test_a_quotation_closed_by_the_next_paragraph_stands_alone_when_attributed():
    closed = Sent(0, 0, 1, 0, 0, 0, 'The manager said: "I have every faith in Tomas.', closing_mark='"')
    assert standalone(closed)
    unattributed = Sent(0, 0, 1, 0, 0, 0, '"I have every faith in Tomas.', closing_mark='"')
    assert not standalone(unattributed)  # whose words they are is in another sentence
    assert not standalone(Sent(0, 0, 1, 0, 0, 0, 'The manager said: "I have every faith in Tomas.'))
    assert not standalone(Sent(0, 0, 1, 0, 0, 0, "He wrote that 'if Reed can get in (the squad)"))  # cut in two


@pytest.mark.parametrize(
    "text",
    [
        "Scroll down for video",
        "Sorry we are not currently accepting comments on this article.",
        "READ MORE: Japan unveils its largest warship since World War II",
        "May 11 Manchester United (away) at Old Trafford -",  # a fixture list's line
        "The Gazette's Ines Calloway and Marta Osei contributed to this report.",  # the reporters' credit
        "Flood map: where the water rose Reporter Ines Calloway contributed to this report",  # a link run into it
    ],
)
def test_the_page_around_a_story_and_hanging_list_lines_are_not_shown(text):
    assert not eligible(Sent(0, 0, 1, 0, 0, 0, text))
    assert eligible(Sent(0, 0, 1, 0, 0, 0, "Arsenal play Manchester United away at Old Trafford on May 11."))


def test_text_without_paragraph_breaks_opens_the_brief_with_its_first_sentence_only(flood):
    from corefact.select import brief_opening

    from .conftest import EXAMPLES, parsed_text

    flat = parsed_text(" ".join((EXAMPLES / "flood.txt").read_text().split()))
    shown = [s for s in flat.sents if eligible(s)]
    assert len(lede(shown)) == 2  # without breaks, the first two sentences look like one paragraph
    assert brief_opening(flat, shown) == shown[:1]  # but its end cannot be seen: the second competes
    scored = score_sentences(flat)
    first = core_fact(scored)
    for k in (1, 2, 3):
        chosen = select_brief(flat, scored, k, first)
        assert first in chosen and (k == 1 or shown[0] in chosen)
    in_paragraphs = [s for s in flood.sents if eligible(s)]
    assert brief_opening(flood, in_paragraphs) == lede(in_paragraphs)


def test_a_caption_or_highlight_line_that_restates_a_shown_sentence_is_left_out(monkeypatch):
    import corefact.select as select

    from .conftest import parsed_text

    # the Daily Mail's shape: no paragraph breaks, a highlight line and a photo caption restating the lede
    parsed = parsed_text(
        "A lifeboat crew rescued four fishermen from a sinking trawler off Port Wendle on Sunday night. "
        "The crew reached the trawler within twenty minutes of the alarm. "
        "Lifeboat crew rescued four fishermen from sinking trawler off Port Wendle "
        "The fishermen (pictured) were rescued from the sinking trawler off Port Wendle on Sunday. "
        "Harbour master Ines Calloway said the trawler had lost power in a gale. "
        "The coastguard will inspect the wreck once the storm has passed."
    )
    highlight, caption = (s for s in parsed.sents if s.text.startswith(("Lifeboat crew", "The fishermen")))
    lede = parsed.sents[0]
    scored = score_sentences(parsed)
    first = core_fact(scored)
    assert first == lede
    words = lambda s: set(select.content_lemmas(parsed, s))  # noqa: E731
    for line in (highlight, caption):
        assert eligible(line) and select.restates(line, words(line), [words(lede)])
        assert not select.restates(line, words(line), [words(parsed.sents[4])])  # says something else
    # an article's own sentence that says much the same is no caption: the rule leaves it alone
    assert not select.restates(parsed.sents[1], words(parsed.sents[1]), [words(lede)])
    every = len(parsed.sents)
    lines = {highlight.index, caption.index}
    assert not lines & {s.index for s in select_brief(parsed, scored, every, first, redundancy=0.0)}
    monkeypatch.setattr(select, "RESTATED", 1.01)  # the rule off: both are shown
    assert lines <= {s.index for s in select_brief(parsed, scored, every, first, redundancy=0.0)}


def test_the_brief_of_a_story_with_a_restating_caption_shows_it_once():
    """A real Daily Mail article: its photo caption '(pictured)' restates a sentence of the brief."""
    from corefact.ingest import load_article
    from corefact.select import content_lemmas, restates
    from corefact.nlp import parse

    from .conftest import SHARED, read_jsonl

    row = next(r for r in read_jsonl(SHARED / "summ_cnndm_summeval.jsonl") if r["id"].startswith("summeval-dm-test-0f0789390d"))
    parsed = parse(load_article(row["article"]))
    scored = score_sentences(parsed)
    caption = next(s for s in parsed.sents if "(pictured)" in s.text)
    assert eligible(caption)
    chosen = select_brief(parsed, scored, 4, core_fact(scored))
    assert len(chosen) == 4 and caption not in chosen
    words = lambda s: set(content_lemmas(parsed, s))  # noqa: E731
    assert restates(caption, words(caption), [words(s) for s in chosen])  # what it says is shown
