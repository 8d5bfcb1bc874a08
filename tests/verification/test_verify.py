import subprocess
import sys

import pytest

import corefact

from ..conftest import EXAMPLES

FLOOD = (EXAMPLES / "flood.txt").read_text()


def verdicts(rewrite: str) -> list[tuple[str, list[str]]]:
    report = corefact.verify(FLOOD, rewrite)
    return [(c.verdict, [p.kind for p in c.problems]) for c in report.claims]


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 4,200 residents have been evacuated from the Ogun valley since Monday.",  # dropped clauses
        "Since Monday, more than 4,200 residents have been evacuated from the Ogun valley.",  # reordered
        "The minister urged lenders to suspend repayments for six months.",  # shortened
        "Tunde Bakare said the agency had set up 14 relief camps across the valley.",
        "Rescue teams reached the town of Abeokuta by boat on Wednesday, and at least 17 people have died.",  # merged
        "Tunde Bakare said the agency had set up about 14 relief camps across the valley.",  # hedged figure
    ],
)
def test_faithful_rewrites_are_supported(sentence):
    assert verdicts(sentence) == [("supported", [])]


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("More than 5,300 residents have been evacuated from the Ogun valley since Monday.", "number"),
        ("Exactly 4,200 residents have been evacuated from the Ogun valley since Monday.", "qualifier"),
        ("Fewer than 4,200 residents have been evacuated from the Ogun valley since Monday.", "qualifier"),
        ("More than 4,200 residents have been evacuated from the Ogun valley since Tuesday.", "date"),
        ("Rescue teams did not reach the town of Abeokuta by boat on Wednesday.", "negation"),
        ("Ngozi Eze said the agency had set up 14 relief camps across the valley.", "speaker"),
        ("John Smith urged commercial lenders to suspend mortgage repayments.", "name"),
        ("Commercial lenders will suspend mortgage repayments for the flooded districts.", "modality"),
        ("The Ogun valley was hit by a tornado and an earthquake.", "evidence"),
    ],
)
def test_unfaithful_rewrites_are_flagged(sentence, kind):
    (verdict, kinds), = verdicts(sentence)
    assert verdict in ("unsupported", "contradicted")
    assert kind in kinds


def test_faq_answers_are_checked_with_their_question():
    rewrite = "date 2024-03-14\nAt least 17 people have died.\n\nFAQs\n\nQ: How many people have died?\n\nAt least 17\n\nQ: How many people have died?\n\nAt least 19\n"
    report = corefact.verify(FLOOD, rewrite)
    assert [c.verdict for c in report.claims] == ["supported", "supported", "contradicted"]
    assert report.claims[1].question == "How many people have died?"
    assert not report.ok


def test_explainer_output_verifies_against_its_article():
    ex = corefact.explain(FLOOD)
    report = corefact.verify(FLOOD, corefact.render(ex, "text"))
    assert report.ok, [(c.text, [p.message for p in c.problems]) for c in report.claims if c.verdict != "supported"]


def test_offsets_point_into_both_texts():
    rewrite = "Rescue teams reached the town of Abeokuta by boat on Wednesday. More than 5,300 residents left."
    report = corefact.verify(FLOOD, rewrite)
    for c in report.claims:
        assert rewrite[c.start:c.end] == c.text
        for ev in c.evidence:
            assert report.original.text[ev.start:ev.end] == ev.text


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "corefact.cli", "verify", *args], capture_output=True, timeout=300)


def test_cli_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("At least 17 people have died, according to the state emergency agency.\n")
    bad = tmp_path / "bad.txt"
    bad.write_text("At least 27 people have died, according to the state emergency agency.\n")
    r = _cli(str(EXAMPLES / "flood.txt"), str(good))
    assert r.returncode == 0 and b"1 of 1 supported" in r.stdout
    r = _cli(str(EXAMPLES / "flood.txt"), str(bad), "--format", "json")
    assert r.returncode == 1 and b'"contradicted"' in r.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = _cli(str(EXAMPLES / "flood.txt"), str(empty))
    assert r.returncode == 2 and r.stderr.decode().startswith("corefact: error:")


def test_a_lower_cased_rewrite_is_read_with_the_originals_capitals():
    orig = "Chelsea manager Jose Mourinho praised Didier Drogba on Sunday. Drogba scored twice as Chelsea beat Stoke 2-0 at Stamford Bridge."
    swapped = corefact.verify(orig, "Stoke scored twice as chelsea beat drogba 2-0 at stamford bridge.")
    assert swapped.claims[0].verdict == "contradicted" and swapped.claims[0].problems[0].kind == "name"
    assert swapped.claims[0].text == "Stoke scored twice as chelsea beat drogba 2-0 at stamford bridge."  # the rewrite's own words
    assert corefact.verify(orig, "Drogba scored twice as chelsea beat stoke 2-0 at stamford bridge.").ok


def test_content_found_elsewhere_in_the_original_counts_half():
    orig = ("The council closed the old bridge on Monday. Engineers found cracks in two of its steel supports. "
            "Traffic was sent through the town centre. A new crossing will open in the spring, the mayor said. "
            "Shopkeepers complained about the noise. Cyclists were given a free ferry.")
    # a summary drawing on four sentences: its words are the original's, spread further than the
    # three evidence sentences alignment takes
    assert corefact.verify(orig, "Cracked supports closed the bridge; shopkeepers complained, cyclists got a ferry and the mayor promised a crossing.").ok
    # words the original never uses are still missing
    assert not corefact.verify(orig, "Divers found rusted cables under the harbour pier after storms.").ok


def test_a_sentence_copied_word_for_word_is_supported_by_the_sentences_it_copies():
    copied = "He warned that more rain was forecast for the weekend because a storm system was moving in from the Gulf of Guinea."
    report = corefact.verify(FLOOD, copied.replace(" the weekend", "\n the   weekend"))  # spacing aside
    assert report.ok and report.claims[0].score == 1.0
    ev = report.claims[0].evidence[0]
    assert report.original.text[ev.start:ev.end] == copied
    # across a sentence boundary: both sentences are its evidence
    report = corefact.verify(FLOOD, "The minister urged commercial lenders to suspend mortgage repayments for the flooded districts for six months. The central bank has not yet responded")
    assert report.ok


def test_as_many_as_is_an_upper_bound():
    orig = "The ship would usually carry as many as 900 passengers, but this one was fitted out for a single owner."
    exact = corefact.verify(orig, "The ship would usually carry exactly 900 passengers.")
    assert "qualifier" in [p.kind for p in exact.claims[0].problems] and exact.claims[0].verdict == "contradicted"
    assert corefact.verify(orig, "The ship would usually carry up to 900 passengers.").ok


def test_a_list_read_as_appositions_is_no_name_swap():
    """A BBC reference that copies the article's critics' picks ('director - ...; actor - ...'),
    glued from several of its sentences: the parser reads the list items as appositions."""
    from ..conftest import SHARED, read_jsonl

    path = SHARED / "summ_bbc_dev.jsonl"
    if not path.exists():
        pytest.skip("shared data not present")
    row = next(r for r in read_jsonl(path) if r["id"] == "bbc-entertainment-368")
    report = corefact.verify(row["article"], row["reference"])
    listing = [c for c in report.claims if "Jamie Graham, Total Film" in c.text]
    assert listing and all("swapped" not in p.message for c in listing for p in c.problems)


def test_with_a_scorer_a_claim_without_evidence_stays_unsupported_and_a_contradiction_contradicted():
    """decide(): a learned score, however high, overrides neither a contradiction nor the lack of any
    supporting sentence; it decides the rest."""
    from corefact.ingest import load_article
    from corefact.nlp import parse
    from corefact.verification import Original, verify_parsed
    from corefact.verification.scorer import FEATURES, Scorer

    n = len(FEATURES)
    generous = Scorer((0.0,) * n, (1.0,) * n, (0.0,) * n, 5.0, 0.5)  # every claim scores 0.993
    orig = "Chelsea manager Jose Mourinho praised Didier Drogba on Sunday. Drogba scored twice as Chelsea beat Stoke 2-0 at Stamford Bridge."
    o = Original.build(parse(load_article(orig), min_sentences=1))
    invented = verify_parsed(o, "Fans rioted outside the stadium after the match.", scorer=generous).claims[0]
    assert invented.verdict == "unsupported" and invented.score > 0.99
    assert verify_parsed(o, "Drogba scored twice as Chelsea beat Stoke 3-0.", scorer=generous).claims[0].verdict == "contradicted"
    assert verify_parsed(o, "Chelsea beat Stoke 2-0, with Drogba scoring twice.", scorer=generous).ok
