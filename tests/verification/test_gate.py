from corefact.model import QA, Sentence, Span
from corefact.verification import gate, qa_supported, sentence_supported
from corefact.ingest import load_article

A = load_article("The council voted to close the bridge. Repairs will take two years.")


def test_exact_sentence_supported():
    s = Sentence(text="The council voted to close the bridge.", evidence=[Span(start=0, end=38, text="The council voted to close the bridge.")])
    assert sentence_supported(A, s)


def test_altered_text_is_not_supported():
    s = Sentence(text="The council voted to open the bridge.", evidence=[Span(start=0, end=38, text="The council voted to close the bridge.")])
    assert not sentence_supported(A, s)


def test_wrong_offsets_are_not_supported():
    s = Sentence(text="Repairs will take two years.", evidence=[Span(start=1, end=29, text="Repairs will take two years.")])
    assert not sentence_supported(A, s)


def test_gate_drops_unsupported_answers():
    core = Sentence(text="The council voted to close the bridge.", evidence=[Span(start=0, end=38, text="The council voted to close the bridge.")])
    ev = [Span(start=39, end=67, text="Repairs will take two years.")]
    good = QA(question="How long will repairs take?", kind="what", answer="two years", answer_span=Span(start=57, end=66, text="two years"), evidence=ev)
    bad = QA(question="How long will repairs take?", kind="what", answer="three years", answer_span=Span(start=57, end=66, text="three years"), evidence=ev)
    assert qa_supported(A, good) and not qa_supported(A, bad)
    brief, faq, v = gate(A, core, [core], [good, bad])
    assert faq == [good] and (v.checked, v.supported, v.dropped) == (4, 3, 1)


def test_a_closed_quotation_is_supported_only_as_its_rule_derives_it():
    from corefact.model import Transformation

    art = load_article('The manager said: "I have faith in him. "He is going nowhere." Fans cheered.')
    ev = [Span(start=0, end=39, text='The manager said: "I have faith in him.')]
    closed = [Transformation(rule="close_quotation", added='"')]
    text = 'The manager said: "I have faith in him."'
    assert sentence_supported(art, Sentence(text=text, evidence=ev, transformations=closed))
    assert not sentence_supported(art, Sentence(text=text, evidence=ev))  # an added mark needs its rule
    assert not sentence_supported(art, Sentence(text=text + " He left.", evidence=ev, transformations=closed))
    core = QA(question="What is the core fact from the original article?", kind="core", answer=text, evidence=ev, transformations=closed)
    assert qa_supported(art, core)
    assert not qa_supported(art, core.model_copy(update={"transformations": []}))
