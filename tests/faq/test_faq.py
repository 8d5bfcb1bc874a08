import corefact
from corefact.faq import CORE_QUESTION

from ..conftest import EXAMPLES


def test_faq_shape_on_every_example(example_paths):
    for path in example_paths:
        ex = corefact.explain(path.read_text())
        assert ex.faq[0].question == CORE_QUESTION and ex.faq[0].answer == ex.core_fact.text
        assert len(ex.faq) >= 5, (path.name, [q.question for q in ex.faq])
        seen = set()
        for qa in ex.faq[1:]:
            assert qa.question.endswith("?") and qa.question[0].isupper()
            assert qa.answer.lower() not in qa.question.lower()
            key = (qa.answer_span.start, qa.answer_span.end)
            assert key not in seen
            seen.add(key)
            words = qa.question.lower().rstrip("?").split()
            assert not {"he", "she", "they", "it"} & set(words[1:]), qa.question


def test_flood_faq_has_the_expected_questions():
    ex = corefact.explain((EXAMPLES / "flood.txt").read_text(), questions=8)
    qa = {q.question: q.answer for q in ex.faq}
    assert qa["How many people have died?"] == "At least 17"
    assert qa["Who is Maria Okafor?"] == "Nigerian Finance Minister"
    assert qa["What did the minister urge commercial lenders to do?"].startswith("suspend mortgage repayments")
    # the core fact's sentence is answered by the first question; other sources are preferred
    core = ex.core_fact.evidence[0].start
    assert sum(q.evidence[0].start == core for q in ex.faq[1:]) <= 1
    assert ex.faq[1].evidence[0].start != core
