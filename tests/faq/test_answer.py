from corefact.faq.answer import ask, expected_types


def test_expected_types():
    assert "CARDINAL" in expected_types("How many people died?")
    assert "PERSON" in expected_types("Who is the minister?")
    assert "DATE" in expected_types("When did the river rise?")
    assert expected_types("What did the bank say?") is None


def test_how_many_gets_a_number(flood):
    a = ask(flood, "How many people have died?")
    assert a.answered and a.answer.text == "At least 17"
    assert "have died" in a.evidence.text


def test_who_gets_a_person(chipmaker):
    a = ask(chipmaker, "Who is the chief financial officer?")
    assert a.answered and a.answer.text == "Daniel Osei"


def test_unanswerable_question_is_not_answered(flood):
    a = ask(flood, "What is the capital of Australia?")
    assert not a.answered and a.answer is None and a.evidence is None
