import json

import corefact
from corefact.cli import app
from corefact.render import render
from typer.testing import CliRunner

from ..conftest import EXAMPLES

PAGE = """<!doctype html><html><head><title>Harbour bridge reopens after repairs</title>
<meta property="article:published_time" content="2025-05-02T08:00:00Z"></head><body><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in Port Elna reopened to traffic on Friday after eleven weeks of repairs, the city council said.</p>
<p>Engineers replaced 140 steel cables and resurfaced the whole deck, at a cost of 6.5 million euros, according to the council.</p>
<p>"The bridge is safer than it has been in decades," said Mayor Ines Varga, who drove across it first.</p>
<p>Buses will return to their normal routes on Monday, the transport office said.</p>
</article></body></html>"""


def test_faqpage_from_text_example():
    ex = corefact.explain((EXAMPLES / "flood.txt").read_text())
    doc = json.loads(render(ex, "jsonld"))
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "FAQPage"
    assert doc["datePublished"] == "2024-03-14"
    assert "headline" not in doc  # a plain-text article states no title
    assert len(doc["mainEntity"]) == len(ex.faq)
    for item, qa in zip(doc["mainEntity"], ex.faq):
        assert item == {"@type": "Question", "name": qa.question, "acceptedAnswer": {"@type": "Answer", "text": qa.answer}}


def test_headline_and_date_from_html_and_absent_date():
    ex = corefact.explain(PAGE)
    doc = json.loads(render(ex, "jsonld"))
    assert doc["headline"] == "Harbour bridge reopens after repairs"
    assert doc["datePublished"] == "2025-05-02"
    body = (EXAMPLES / "flood.txt").read_text().split("\n", 1)[1]
    assert "datePublished" not in json.loads(render(corefact.explain(body), "jsonld"))


def test_cli_format_jsonld():
    res = CliRunner().invoke(app, ["explain", str(EXAMPLES / "marathon.txt"), "--format", "jsonld"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["@type"] == "FAQPage" and doc["mainEntity"][0]["@type"] == "Question"
    assert all(q["acceptedAnswer"]["text"] for q in doc["mainEntity"])
