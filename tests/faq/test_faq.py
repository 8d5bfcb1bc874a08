import corefact
from corefact.faq import CORE_QUESTION

from ..conftest import EXAMPLES


def test_faq_shape_on_every_example(example_paths):
    for path in example_paths:
        ex = corefact.explain(path.read_text())
        assert ex.faq[0].question == CORE_QUESTION and ex.faq[0].answer == ex.core_fact.text
        assert len(ex.faq) >= 5, (path.name, [q.question for q in ex.faq])
        seen = set()
        # each answer is shown once: not the core fact's sentence again, nor another question's
        answers = [qa.answer for qa in ex.faq]
        assert len(answers) == len(set(answers)), (path.name, answers)
        for qa in ex.faq[1:]:
            assert qa.question.endswith("?") and qa.question[0].isupper()
            assert qa.short_answer.lower() not in qa.question.lower()
            # schema 1.2: the answer is a sentence that holds the short answer
            assert qa.short_answer == qa.answer_span.text and qa.short_answer in qa.answer, qa
            assert (qa.answer.lstrip("\"'“‘")[0].isupper() or qa.answer[0].isdigit()) and qa.answer.rstrip("\"'”’)").endswith((".", "!", "?")), qa.answer
            key = (qa.answer_span.start, qa.answer_span.end)
            assert key not in seen
            seen.add(key)
            words = qa.question.lower().rstrip("?").split()
            assert not {"he", "she", "they", "it"} & set(words[1:]), qa.question


def test_flood_faq_has_the_expected_questions():
    ex = corefact.explain((EXAMPLES / "flood.txt").read_text(), questions=8)
    qa = {q.question: q.short_answer for q in ex.faq}
    assert qa["How many people have died?"] == "At least 17"
    # the core fact names 'Nigerian Finance Minister Maria Okafor': asking who she is tells the reader nothing
    assert "Who is Maria Okafor?" not in qa
    assert sum(q.kind == "who_is" for q in ex.faq) <= 1
    # the article's largest count gets its how-many question, with what it counts
    assert qa["How many residents have been evacuated from the Ogun valley since Monday after three days of torrential rain?"] == "More than 4,200"
    assert qa["What did the minister urge commercial lenders to do?"].startswith("suspend mortgage repayments")
    # the core fact's sentence is answered by the first question; other sources are preferred
    core = ex.core_fact.evidence[0].start
    assert sum(q.evidence[0].start == core for q in ex.faq[1:]) <= 1
    assert ex.faq[1].evidence[0].start != core


def test_flood_answers_are_sentences_that_pass_the_gate():
    from corefact.verification.gate import qa_supported

    ex = corefact.explain((EXAMPLES / "flood.txt").read_text(), questions=8)
    died = next(q for q in ex.faq if q.question == "How many people have died?")
    assert died.answer == "At least 17 people have died."  # reverse_wh: the question's words around the span
    assert [t.rule for t in died.transformations] == ["reverse_wh"]
    assert all(qa_supported(ex.article, q) for q in ex.faq)
    # a sentence answer whose text is not its evidence is refused
    bad = died.model_copy(update={"answer": died.answer.replace("17", "18")})
    assert not qa_supported(ex.article, bad)
