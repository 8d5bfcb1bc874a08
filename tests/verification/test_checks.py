from corefact.nlp import load_nlp
from corefact.verification import checks


def span(text):
    return load_nlp()(text)[:]


def test_numbers_with_scale_and_qualifier_classes():
    nums = checks._numbers(span("Profits rose to more than $1.2bn, about 40% above the 2-1 forecast."), "")
    by_text = {n.text: n for n in nums}
    assert by_text["$1.2bn"].value == 1.2e9 and by_text["$1.2bn"].qualifier == "lower" and by_text["$1.2bn"].unit == "money"
    assert by_text["40%"].qualifier == "approx" and by_text["40%"].unit == "percent"
    assert by_text["2-1"].unit == "score"


def test_hedged_or_dropped_qualifier_is_not_a_problem():
    ev = [span("More than 4,200 residents left.")]
    assert checks.check_numbers(span("About 4,200 residents left."), ev, []) != []  # lower -> approx differs
    assert checks.check_numbers(span("4,200 residents left."), ev, []) == []  # dropped: says less, not wrong
    assert checks.check_numbers(span("Exactly 4,200 residents left."), ev, [])[0].kind == "qualifier"


def test_swapped_names_are_found():
    ev = [span("Newcastle knocked Chelsea out of the FA Cup on Sunday.")]
    problems = checks.check_names(span("Chelsea knocked Newcastle out of the FA Cup on Sunday."), ev, {"newcastle", "chelsea", "fa", "cup"})
    assert any("swapped" in p.message for p in problems)


def test_modal_certainty_is_checked():
    ev = [span("The council may close the bridge in June.")]
    problems = checks.check_negation_and_modality(span("The council will close the bridge in June."), ev)
    assert [p.kind for p in problems] == ["modality"]


def test_strict_mode_requires_close_wording():
    import corefact

    from ..conftest import EXAMPLES

    flood = (EXAMPLES / "flood.txt").read_text()
    paraphrase = "Since Monday, over 4,200 people living in the Ogun valley, more than 1,100 of them children, have had to leave."
    assert corefact.verify(flood, paraphrase, strict=True).claims[0].verdict == "unsupported"


def test_negation_dropped_or_added_between_the_same_words():
    ev = [span("The new technology will thwart most, but not all, of the programs. Members did not profit at all.")]
    dropped = checks.check_negation_and_modality(span("The new technology will thwart most, but all, of the programs."), ev)
    assert [p.kind for p in dropped] == ["negation"] and "but not all" in dropped[0].message
    assert checks.check_negation_and_modality(span("Members did profit at all."), ev)[0].kind == "negation"
    assert checks.check_negation_and_modality(span("The technology will thwart most, but not all, of the programs."), ev) == []


def test_names_trading_places_are_found():
    ev = [span("News Corp shares fell 25 cents to $17.65 while Fox shares were up 19 cents at $31.22.")]
    claim = span("Fox shares fell 25 cents to $17.65 while News Corp shares were up 19 cents at $31.22.")
    assert any("swapped" in p.message for p in checks.check_names(claim, ev, {"fox", "news", "corp", "shares"}))
    same = span("News Corp shares fell 25 cents, while Fox shares were up 19 cents.")
    assert checks.check_names(same, ev, {"fox", "news", "corp", "shares", "cents"}) == []
