from corefact.verification import Original
from corefact.verification.align import align

from ..conftest import parsed_text


def test_a_long_claim_glued_from_several_sentences_takes_each_as_evidence():
    parsed = parsed_text(
        "Coach Rita Valdes praised the young squad after the win over Harlow Town on Saturday.\n\n"
        "Striker Omar Bekele scored twice in the second half and was named man of the match.\n\n"
        "Bekele is not someone who rose through the academy ranks.\n\n"
        "The club will travel to Dunmore for the cup quarter-final next month."
    )
    original = Original.build(parsed)
    from corefact.nlp import load_nlp

    claim = load_nlp()(
        "Coach Rita Valdes praised the young squad after the win over Harlow Town on Saturday, striker Omar Bekele "
        "scored twice in the second half and was named man of the match, and Bekele is not someone who rose "
        "through the academy ranks."
    )[:]
    evidence = align(parsed, original.index, claim).sents
    assert any(s.text.startswith("Bekele is not someone") for s in evidence)  # two words of a long claim
