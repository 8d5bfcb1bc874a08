import json

import jsonschema

import corefact
from corefact.render import render

from ..conftest import EXAMPLES


def _ex():
    return corefact.explain((EXAMPLES / "flood.txt").read_text())


def test_text_layout():
    ex = _ex()
    out = render(ex, "text")
    lines = out.split("\n")
    assert lines[0] == "date 2024-03-14"
    assert lines[1] == ex.brief[0].text
    i = lines.index("FAQs")
    assert lines[i - 1] == "" and lines[i + 1] == ""
    assert lines[i + 2] == "Q: What is the core fact from the original article?"
    assert lines[i + 3] == "" and lines[i + 4] == ex.core_fact.text
    assert sum(1 for l in lines if l.startswith("Q: ")) == len(ex.faq)


def test_text_round_trips_its_date_line():
    ex = _ex()
    again = corefact.load_article(render(ex, "text"))
    assert again.date == ex.article.date


def test_text_without_date_omits_the_line():
    body = (EXAMPLES / "flood.txt").read_text().split("\n", 1)[1]
    assert not render(corefact.explain(body), "text").startswith("date ")


def test_markdown_has_core_fact_bold_faq_and_evidence():
    ex = _ex()
    md = render(ex, "markdown", facts=True)
    assert f"**{ex.core_fact.text}**" in md
    assert "## FAQ" in md and "## Key facts" in md
    assert md.count("### ") == len(ex.faq)
    assert "[^1]:" in md


def test_json_validates_against_schema():
    ex = _ex()
    data = json.loads(render(ex, "json"))
    jsonschema.validate(data, corefact.explainer_schema())
    assert data["schema_version"] == "1.2"


NESTED = (
    "Over 2,000 villagers, including more than 600 children, have lost their homes since May, the aid group said on Friday.\n\n"
    "The floods destroyed 350 houses in the district of Marlo. Relief workers arrived on Saturday."
)


def test_key_facts_keep_a_nested_figure_with_its_whole():
    from corefact.render.common import key_facts

    lines = key_facts(corefact.explain(NESTED))
    assert "Over 2,000 villagers, including more than 600 children — have lost their homes since May" in lines
    assert not any(line.startswith("more than 600") for line in lines)
    # a context that already holds the figure is the line, not the figure twice
    assert "destroyed 350 houses in the district of Marlo" in lines
