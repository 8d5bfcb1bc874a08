"""What the FAQ asks first and what it leaves out (issue #19): one question per clause, at most
one 'Who is X?' and only when its role is news, the article's largest count, acts and what
happens next ahead of incidental facts. Articles written for these tests."""

import pytest

import corefact
from corefact.facts import extract_facts
from corefact.faq.generate import clause_questions, fact_questions, generate
from corefact.faq.rank import rank
from corefact.faq.sentence import reverse_wh
from corefact.select import score_sentences

from ..conftest import parsed_text

HARBOUR = (
    "date 2025-02-03\n"
    "Port Wendle council voted on Monday to close the Eastgate bridge after engineers found cracks in two of its piers.\n\n"
    "More than 3,500 commuters cross the bridge each day, and about 600 lorries use it to reach the harbour.\n\n"
    "Mayor Helen Strand urged residents to use the ferry until the repairs are finished. "
    "The repairs will take at least eight months, council engineer Tom Baird said.\n\n"
    '"We cannot take any risks with a structure this old," said Peter Lund, chief engineer at Lund & Vale, who inspected the piers.\n\n'
    "Harbour traders have called for a temporary crossing. The council will decide on a temporary crossing in March, officials say.\n\n"
    "Prime Minister Sara Holm visited the town on Tuesday."
)


def _faq(text, n=8):
    return corefact.explain(text, questions=n).faq[1:]


def test_one_question_per_clause():
    p = parsed_text("For 2026, Harbor Freight Lines is projecting operating profit growth of around 4% and expects wider margins. Its shares rose.")
    facts = extract_facts(p)
    cands = clause_questions(p, p.sents[0], facts) + fact_questions(p, facts)
    projecting = [c for c in cands if c.clause >= 0 and p.doc[c.clause].lemma_ == "project"]
    assert len(projecting) >= 2  # 'Which organisation is projecting...?' and 'What is Harbor Freight Lines projecting?'
    scored = score_sentences(p)
    chosen = rank(cands, scored, 6)
    clauses = [c.clause for c in chosen if c.clause >= 0]
    assert len(clauses) == len(set(clauses))


def test_at_most_one_who_is_and_only_news():
    faq = _faq(HARBOUR, 10)
    who_is = [q for q in faq if q.kind == "who_is"]
    assert len(who_is) <= 1
    asked = " ".join(q.question for q in faq)
    assert "Who is Sara Holm?" not in asked  # a head of government: the title says it
    assert "Who is Helen Strand?" not in asked  # 'Mayor': one word, and the question beside it names her role


def test_role_shown_by_another_question_is_not_asked_again():
    faq = _faq(HARBOUR, 10)
    questions = [q.question for q in faq]
    if "What did Peter Lund say?" in questions:  # its answer sentence names him 'chief engineer at Lund & Vale'
        assert "Who is Peter Lund?" not in questions


def test_largest_count_is_asked_with_what_it_counts():
    faq = _faq(HARBOUR, 6)
    how_many = {q.question: q for q in faq if q.kind == "how_many"}
    q = how_many["How many commuters cross the bridge each day?"]
    assert q.short_answer == "More than 3,500"
    assert q.answer == "More than 3,500 commuters cross the bridge each day."


def test_the_act_of_the_main_actor_and_what_happens_next_are_asked():
    questions = [q.question for q in _faq(HARBOUR, 8)]
    # the mayor's demand: asked once, as what she urged or as who urged it (one question per clause)
    urged = [q for q in questions if q in ("What did Mayor Helen Strand urge residents to do?", "Who urged residents to use the ferry until the repairs are finished?")]
    assert len(urged) == 1, questions
    assert any(q.startswith(("When will the council decide", "What will the council decide")) or q == "What do officials say?" for q in questions), questions


def test_a_count_the_article_already_gave_is_not_asked():
    p = parsed_text("The two newspapers will add eight colour pages in the coming months. The papers were founded in 1855.")
    facts = extract_facts(p)
    asked = {c.question: c.answer.text for c in fact_questions(p, facts)}
    assert not any(a == "two" for a in asked.values()), asked
    assert asked.get("How many colour pages will the two newspapers add in the coming months?") == "eight"


def test_reported_speech_after_its_content():
    p = parsed_text("Applicants from rural districts could be hit especially hard, advocates say. The rule starts in May.")
    facts = extract_facts(p)
    asked = {c.question: c.answer.text for c in generate(p, facts, p.sents)}
    assert asked["What do advocates say?"] == "Applicants from rural districts could be hit especially hard"


def test_what_a_verb_takes_a_preposition_for():
    p = parsed_text("Local traders have called for a temporary crossing. The council met later.")
    facts = extract_facts(p)
    asked = {c.question: c.answer.text for c in generate(p, facts, p.sents)}
    assert asked["What have local traders called for?"] == "a temporary crossing"


def test_who_is_answer_takes_the_determiner_english_needs():
    assert reverse_wh("Who is Ada Pell?", "economist at Norbank") == "Ada Pell is an economist at Norbank."
    assert reverse_wh("Who is Ada Pell?", "Telegraph executive") == "Ada Pell is a Telegraph executive."
    assert reverse_wh("Who is Ada Pell?", "Federal Reserve chairman") == "Ada Pell is the Federal Reserve chairman."
    assert reverse_wh("Who is Ada Pell?", "president of ClearView Economics") == "Ada Pell is president of ClearView Economics."
    assert reverse_wh("Who is Ada Pell?", "Gartner's principal analyst") == "Ada Pell is Gartner's principal analyst."


def test_every_faq_answer_is_recorded_and_verbatim():
    ex = corefact.explain(HARBOUR, questions=10)
    for q in ex.faq[1:]:
        assert q.short_answer in q.answer
        for ev in q.evidence:
            assert ex.article.text[ev.start:ev.end] == ev.text
        if q.answer not in " ".join(ev.text for ev in q.evidence):
            assert q.transformations, q.answer


SPEAKER = (
    "The city will close the old pier on Friday, Mayor Lena Voss said on Monday.\n\n"
    "Engineers found rust in the pier's steel frame last month. Repairs would cost more than the pier is worth.\n\n"
    '"We have no choice but to close it before the summer crowds arrive," Voss said at a news conference.\n\n'
    "Voss said the council would hold a vote on a new pier next year."
)


def test_what_a_speaker_said_is_their_first_statement():
    from corefact.faq.answer import ask, first_statement
    from corefact.facts import extract_facts

    p = parsed_text(SPEAKER)
    facts = extract_facts(p)
    first = first_statement(p, "What did Lena Voss say?", facts)
    assert first == 0  # the lede has her say it
    assert first_statement(p, "What did the council vote on?", facts) is None  # not a question about a speaker
    a = ask(p, "What did Lena Voss say?", facts=facts)
    assert a.evidence.start == p.sents[0].start


def test_a_speaker_question_is_made_of_their_first_statement_only():
    from corefact.faq.answer import SPEECH_QUESTION, first_statement
    from corefact.facts import extract_facts

    p = parsed_text(SPEAKER)
    facts = extract_facts(p)
    said = [c for c in generate(p, facts, p.sents) if SPEECH_QUESTION.match(c.question)]
    # the quotation in the third paragraph would make 'What did Lena Voss say?' of a later sentence
    assert all(c.evidence.index == first_statement(p, c.question, facts) for c in said), [(c.question, c.evidence.index) for c in said]


def test_a_stated_subordinate_clause_is_asked_but_not_a_condition():
    p = parsed_text("The ban came after President Ana Ruiz ordered an end to the old permit scheme. If you smuggle fuel, you will be fined.")
    facts = extract_facts(p)
    asked = {c.question: c.answer.text for c in generate(p, facts, p.sents)}
    assert asked.get("What did President Ana Ruiz order?") == "an end to the old permit scheme", asked
    assert not any(q.startswith("What do you smuggle") for q in asked)


def test_how_long_a_clause_takes_but_not_a_point_in_time():
    p = parsed_text(
        "The repairs will take at least eight months, the council said. "
        "The airline suspended flights to the island for 40 days. "
        "The vote comes just a few months after the last one."
    )
    facts = extract_facts(p)
    asked = {c.question: c.answer.text for c in generate(p, facts, p.sents) if c.kind == "how_long"}
    assert asked == {
        "How long will the repairs take?": "at least eight months",
        "How long did the airline suspend flights to the island?": "40 days",
    }


TOPICS = (
    "The city will close the old pier on Friday, Mayor Lena Voss said on Monday.\n\n"
    "Engineers found rust in the pier's steel frame last month.\n\n"
    "Voss said Harbour Works, the firm that built the pier, had ignored the council's warnings for years.\n\n"
    '"Irish visitors will miss it most," Voss said.'
)


def test_a_later_statement_is_asked_with_what_it_is_about():
    from corefact.faq.answer import ask, first_statement
    from corefact.facts import extract_facts

    p = parsed_text(TOPICS)
    facts = extract_facts(p)
    asked = {c.question: c for c in generate(p, facts, p.sents)}
    later = asked["What did Voss say about Harbour Works?"]
    assert later.evidence.index == 2
    assert later.answer.text.startswith("Harbour Works")
    assert first_statement(p, "What did Voss say about Harbour Works?", facts) == 2
    a = ask(p, "What did Voss say about Harbour Works?", facts=facts)
    assert a.evidence.start == p.sents[2].start and a.answer.text == later.answer.text
    # the first statement is still asked without a topic and answered from the lede
    assert ask(p, "What did Lena Voss say?", facts=facts).evidence.start == p.sents[0].start
    # a name that qualifies a noun ('Irish visitors') is no topic: the last quotation gets no question
    assert not any("about Irish" in q for q in asked), list(asked)
    assert not any(c.evidence.index == 3 for c in asked.values() if " say" in c.question), list(asked)


NAMED = (
    "Councillor Tom Harte said Ada Pell had misled the council about the harbour budget.\n\n"
    "Ada Pell, the finance chief, told reporters on Tuesday that the figures were correct."
)


def test_a_statement_is_the_speakers_only_when_they_say_it():
    from corefact.faq.answer import ask, first_statement
    from corefact.facts import extract_facts

    p = parsed_text(NAMED)
    facts = extract_facts(p)
    # the lede names Ada Pell, but Tom Harte says it: her first statement is the second sentence
    assert first_statement(p, "What did Ada Pell say?", facts) == 1
    assert first_statement(p, "What did Tom Harte say?", facts) == 0
    a = ask(p, "What did Ada Pell tell reporters?", facts=facts)
    assert a.evidence.start == p.sents[1].start
    # an order is no statement: 'What did X tell the council to do?' is not asked of X's first words
    assert first_statement(p, "What did Tom Harte tell the council to do?", facts) is None
    # no statement of hers names the bridge, and none is his: the article does not answer these
    assert not ask(p, "What did Ada Pell say about the bridge?", facts=facts).answered
    assert not ask(p, "What did Mayor Joan Brisk say?", facts=facts).answered


def test_a_verb_of_saying_after_a_determiner_is_no_speaker_question():
    from corefact.faq.answer import SPEECH_QUESTION, ask

    # 'state' is the noun here: 'What does each state have?' asks about the sentence, not a speaker
    assert not SPEECH_QUESTION.match("What does each state have?")
    # nor is a thing added, written to someone, or an order told: 'What did X add?' is a statement
    for question in ("What did the firm add to its network?", "What did the mayor write to the minister?", "What did police tell residents to avoid?"):
        assert not SPEECH_QUESTION.match(question), question
    for question in ("What did the firm add?", "What did AT&T say?", "What did the Office for National Statistics (ONS) say?", "What did Ada Pell tell Fox 8?"):
        assert SPEECH_QUESTION.match(question), question
    p = parsed_text('The law says that "each state has the right to set its own speed limits." Drivers welcomed it.')
    a = ask(p, "What does each state have?")
    assert a.answered and a.evidence.start == p.sents[0].start


@pytest.mark.parametrize(
    "text, question",
    [
        ("Ada Pell was told by Tom Harte that the plan would fail.", "What did Ada Pell say?"),
        ("Ada Pell is said to have misled the council about the plan.", "What did Ada Pell say?"),
        ("Tom Harte, who met Ada Pell on Monday, said the plan would fail.", "What did Ada Pell say?"),
        ("A lawyer for Ada Pell told reporters the plan would fail.", "What did Ada Pell say?"),
        ("Ada Pell refused to say whether the plan would fail.", "What did Ada Pell say?"),
        ("Ada Pell did not say whether the plan would fail.", "What did Ada Pell say?"),
        ('"The plan is sound and will go ahead," the deputy mayor said.', "What did the mayor say?"),
    ],
)
def test_someone_elses_words_are_no_statement_of_theirs(text, question):
    from corefact.faq.answer import first_statement
    from corefact.facts import extract_facts

    # the second sentence is where they say something
    speaker = question[len("What did "):-len(" say?")]
    p = parsed_text(f"{text} {speaker[0].upper() + speaker[1:]} said the plan was sound.")
    assert first_statement(p, question, extract_facts(p)) == 1


def test_a_speaker_quoted_as_saying_has_said_it():
    from corefact.faq.answer import first_statement
    from corefact.facts import extract_facts

    p = parsed_text("The pier will close on Friday. Ada Pell was quoted as saying the plan was sound.")
    assert first_statement(p, "What did Ada Pell say?", extract_facts(p)) == 1
