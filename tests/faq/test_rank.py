import pytest

from corefact.faq.rank import acceptable, well_formed

# questions cut from their sentence at a bracket or a quotation, or copied with the CNN/DM text's
# torn apostrophes, are held back; whole ones are kept
QUESTIONS = {
    "What does the Rovers striker take with Sam Ode (left?": False,
    "How many users called the video 'horrible?": False,
    "What did CNN) the rebels release?": False,
    "Who was seen after the Rovers ' 3-1 win at St Anne ' s Park?": False,
    "What did Harte miss ’ s defeat to Lyon?": False,
    "What did Ode finish off a quick counter- in the 30th minute?": False,
    "Who will have to pay £20million to make the loan permanent but?": False,
    "When does The match at Ashby Park come?": False,  # caption run in: '...for Rovers The match at...'
    "What did The 42-year-old change?": False,  # '...their exam answers The 42-year-old also changed...'
    "Where does the squad prefer to play rather than?": False,  # '...at the Arms Park rather than Wembley'
    "How long has the camera not been working Around 300 cameras were turned off?": False,  # a caption run in
    "What had how many people seen?": False,  # a subject with its own question word
    "What is Rome (CNN) Italy coping with?": False,  # a dateline run in
    "Where did Neymar help -0 on Sunday?": False,  # a score cut at its hyphen
    "Who won Group A on Sunday?": True,  # 'A' names a group here
    "How many of the villagers were children?": True,
    "By how much did the shares fall on Monday?": True,
    "What did the firm's chief executive say?": True,
    "Who wrote the report for The Times?": True,
    "Who called the plan 'a farce'?": True,
    "What did the players' union reject?": True,
    "Who won the 100m final (the second in a row)?": True,
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_well_formed(question):
    assert well_formed(question) is QUESTIONS[question]


# (question, answer): a relative pronoun or an indefinite taken for the subject, a demonstrative
# without its referent, an answer cut off after a conjunction, in a speaker's own words or started
# in the middle of a word; then whole ones
CANDIDATES = [
    ("How many lives has which claimed?", "more than 4,000", False),
    ("How many goals has who netted so far?", "19", False),
    ("What will someone, somewhere figure out?", "a way to copy it", False),
    ("When will that software be replaced for free?", "by the end of the year", False),
    ("Who were investors shaken by?", "the news and", False),
    ("What did doctors warn?", "my parents", False),
    ("What would the pulses push space junk into?", "s atmosphere", False),
    ("How many lives has the earthquake claimed?", "more than 4,000", True),
    ("Who were investors shaken by?", "the news", True),
    ("What did the firm warn customers about?", "e-mail scams", True),
]


# how-many questions: 'their' is the counted ones' own when it is their verb's object's
HOW_MANY = [
    ("How many villagers have lost their homes since May?", "Over 2,000", True),
    ("How many workers lost their jobs?", "20,000", True),
    ("How many candidates have been spotted in their restaurants?", "two", False),  # whose restaurants?
    ("How many of them have lost their homes?", "600", False),
    ("How many MPs have backed their plan?", "100", False),  # the ministers' plan
]


@pytest.mark.parametrize("question,answer,kept,kind", [c + ("what",) for c in CANDIDATES] + [c + ("how_many",) for c in HOW_MANY])
def test_acceptable(question, answer, kept, kind):
    from corefact.faq.generate import Candidate
    from corefact.model import Span
    from corefact.nlp import Sent

    c = Candidate(question, kind, Span(start=0, end=len(answer), text=answer), Sent(0, 0, 1, 0, 0, 0, "x"))
    assert acceptable(c) is kept


def test_rank_shows_each_answer_once_and_fills_the_place():
    from corefact.facts import extract_facts
    from corefact.faq.generate import generate
    from corefact.faq.rank import rank
    from corefact.select import score_sentences

    from ..conftest import parsed_text

    p = parsed_text(
        "Mayor Ada Pell will close the old pier on Friday. "
        "The council approved the closure of the pier on Monday after a vote. "
        "Engineers found rust in the steel frame of the pier last month."
    )
    facts, scored = extract_facts(p), score_sentences(p)
    cands = generate(p, facts, p.sents)
    sentence_of = lambda c: p.sents[c.evidence.index].text  # noqa: E731 - the answer a reader is shown
    assert sorted(c.evidence.index for c in rank(cands, scored, 5)) == [0, 1, 2]
    # the core fact's answer is not shown again: the other two sentences take the places
    once = rank(cands, scored, 5, answer_of=sentence_of, shown=[p.sents[0].text])
    assert sorted(c.evidence.index for c in once) == [1, 2], [(c.question, c.evidence.index) for c in once]
    # two questions a reader would see one answer to: one of them
    same = rank(cands, scored, 5, answer_of=lambda c: "one answer" if c.evidence.index else sentence_of(c))
    assert len(same) == 2 and 0 in {c.evidence.index for c in same}, [(c.question, c.evidence.index) for c in same]
