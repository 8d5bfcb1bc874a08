from corefact.facts.figures import extract_figures
from corefact.facts.numbers import parse_number

from ..conftest import parsed_text


def test_parse_number_forms():
    assert parse_number("$1.13bn") == (1.13e9, None)
    assert parse_number("4,200") == (4200.0, None)
    assert parse_number("tens of thousands") == (10000.0, None)
    assert parse_number("a dozen") == (12.0, None)
    assert parse_number("two million") == (2e6, None)
    assert parse_number("10 to 12") == (10.0, 12.0)
    assert parse_number("£600m") == (6e8, None)


def by_text(figs):
    return {f.text: f for f in figs}


def test_counts_qualifiers_context_and_nesting(flood):
    figs = by_text(extract_figures(flood))
    top = figs["More than 4,200"]
    assert (top.value, top.qualifier, top.counts, top.kind) == (4200, "more than", "residents", "count")
    assert top.context.startswith("have been evacuated from the Ogun valley since Monday")
    kids = figs["more than 1,100"]
    assert kids.counts == "children"
    assert kids.part_of is not None and extract_figures(flood)[kids.part_of].text == "More than 4,200"
    assert figs["At least 17"].qualifier == "at least" and figs["At least 17"].counts == "people"
    assert figs["40%"].unit == "percent" and figs["40%"].value == 40


def test_money_with_scale_and_change(chipmaker):
    figs = by_text(extract_figures(chipmaker))
    assert figs["$2.4bn"].value == 2.4e9 and figs["$2.4bn"].unit == "USD" and figs["$2.4bn"].kind == "money"
    assert figs["21%"].context.startswith("rose 21% to $9.7bn")
    assert figs["about $9.2bn"].qualifier == "about"
    assert figs["1,200"].counts == "jobs"


def test_figure_spans_are_exact(chipmaker):
    for f in extract_figures(chipmaker):
        assert chipmaker.text[f.span.start:f.span.end] == f.text
        assert f.sentence.start <= f.span.start < f.span.end <= f.sentence.end


def test_number_words():
    p = parsed_text("Tens of thousands of people marched through the capital on Saturday. Nearly a dozen firms closed.")
    figs = by_text(extract_figures(p))
    assert figs["Tens of thousands"].counts == "people"
    assert figs["Nearly a dozen"].qualifier == "nearly" and figs["Nearly a dozen"].value == 12


def test_changes_have_roles_and_direction():
    p = parsed_text("Harbourline said third quarter sales rose 3% to $12.4bn from $12.1bn. Profits fell 5% last year.")
    figs = by_text(extract_figures(p))
    assert (figs["3%"].change, figs["3%"].direction) == ("by", "up")
    assert (figs["$12.4bn"].change, figs["$12.1bn"].change) == ("to", "from")
    assert (figs["5%"].change, figs["5%"].direction) == ("by", "down")


def test_measurements_and_durations():
    p = parsed_text("The fire spread across 12,000 hectares of forest. She won in 2 hours 17 minutes and 40 seconds.")
    figs = by_text(extract_figures(p))
    assert figs["12,000 hectares"].kind == "quantity" and figs["12,000 hectares"].counts is None
    t = figs["2 hours 17 minutes and 40 seconds"]
    assert (t.value, t.unit) == (8260, "seconds")
