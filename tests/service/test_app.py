"""The HTTP API through FastAPI's test client: every endpoint and error path."""

import asyncio
import json

import httpx
import jsonschema
import pytest
from fastapi.testclient import TestClient

from corefact.model import Explainer, explainer_schema
from corefact.render import render
from corefact.service.app import create_app

from ..conftest import EXAMPLES, assert_spans_exact

FLOOD = (EXAMPLES / "flood.txt").read_text()
MARATHON = (EXAMPLES / "marathon.txt").read_text()


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def err(resp, status, type_):
    assert resp.status_code == status, resp.text[:300]
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["type"] == type_ and body["error"]["message"], body
    assert "\n" not in body["error"]["message"]
    return body["error"]["message"]


def test_healthz_openapi_docs(client):
    assert client.get("/healthz").json()["status"] == "ok"
    doc = client.get("/openapi.json").json()
    assert {"/v1/explain", "/v1/ask", "/v1/verify", "/v1/render", "/healthz"} <= set(doc["paths"])
    assert "text/html" in client.get("/docs").headers["content-type"]


def test_explain_text_is_the_cli_schema_with_exact_spans(client):
    resp = client.post("/v1/explain", json={"text": FLOOD, "questions": 4, "sentences": 2})
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    jsonschema.validate(doc, explainer_schema())
    ex = Explainer.model_validate(doc)
    assert len(ex.faq) <= 4 and len(ex.brief) <= 2 and ex.article.date.isoformat() == "2024-03-14"
    assert assert_spans_exact(ex) > 10


def test_explain_html_and_date_option(client):
    html = "<html><head><title>Marathon</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in MARATHON.split("\n\n") if not p.startswith("date ")) + "</article></body></html>"
    resp = client.post("/v1/explain", json={"html": html, "date": "2023-01-02"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["article"]["date"] == "2023-01-02" and resp.json()["article"]["title"] == "Marathon"


@pytest.mark.parametrize("body", [{}, {"text": FLOOD, "html": "<p>x</p>"}, {"text": FLOOD, "questions": 0},
                                  {"text": FLOOD, "sentences": 99}, {"text": FLOOD, "date": "14/03/2024"},
                                  {"text": FLOOD, "colour": "red"}, {"text": 5}, [1, 2], "text"])
def test_explain_invalid_requests_are_422_json(client, body):
    err(client.post("/v1/explain", json=body), 422, "validation")


def test_explain_malformed_json_is_422(client):
    err(client.post("/v1/explain", content=b'{"text": ', headers={"content-type": "application/json"}), 422, "validation")


@pytest.mark.parametrize("text,type_", [("   \n ", "empty"), ("One sentence only.", "too_short"),
                                        ("Der Zug kam am Montag nicht an. Die Fahrgäste warteten zwei Stunden am Bahnhof in der Stadt.", "language")])
def test_explain_bad_articles_are_400_with_the_cli_type(client, text, type_):
    err(client.post("/v1/explain", json={"text": text}), 400, type_)


def test_body_limit_413_by_length_and_streamed():
    with TestClient(create_app(max_body=4000)) as c:
        assert "4,000" in err(c.post("/v1/explain", json={"text": FLOOD * 4}), 413, "too_large")

        def chunks():  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            for _ in range(10):
                yield b"a" * 1000
            yield b'"}'

        err(c.post("/v1/explain", content=chunks(), headers={"content-type": "application/json"}), 413, "too_large")
        assert c.post("/v1/explain", json={"text": FLOOD[:3000]}).status_code == 200


def test_url_refused_without_allow_fetch(client):
    assert "--allow-fetch" in err(client.post("/v1/explain", json={"url": "https://news.example/a"}), 403, "fetch_disabled")


def test_url_with_allow_fetch_is_guarded_and_fetched():
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in FLOOD.split("\n\n")[1:]) + "</article></body></html>"

    def handler(request):
        assert request.url.host == "93.184.215.14" and request.headers["host"] == "news.example"
        return httpx.Response(200, headers={"content-type": "text/html"}, content=page.encode())

    opts = {"resolver": lambda h, p: {"news.example": ["93.184.215.14"], "intranet.example": ["192.168.0.7"]}[h],
            "transport": httpx.MockTransport(handler)}
    with TestClient(create_app(allow_fetch=True, fetch_options=opts)) as c:
        resp = c.post("/v1/explain", json={"url": "http://news.example/flood"})
        assert resp.status_code == 200, resp.text
        assert resp.json()["article"]["url"] == "http://news.example/flood"
        for url in ("http://127.0.0.1:8000/healthz", "http://2130706433/", "http://169.254.169.254/latest/", "http://intranet.example/", "file:///etc/passwd"):
            err(c.post("/v1/explain", json={"url": url}), 403, "forbidden_url")
        err(c.post("/v1/ask", json={"url": "http://[::1]/", "question": "Who?"}), 403, "forbidden_url")


def test_timeout_is_503_json():
    with TestClient(create_app(timeout=0.001)) as c:
        resp = c.post("/v1/explain", json={"text": FLOOD})
        err(resp, 503, "timeout")
        assert resp.headers["retry-after"] == "1"


def test_a_burst_past_the_queue_gets_503_busy_not_a_crash():
    app = create_app(threads=1, queue=0)

    async def burst():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await asyncio.gather(*(c.post("/v1/explain", json={"text": FLOOD}) for _ in range(3)))

    codes = sorted(r.status_code for r in asyncio.run(burst()))
    assert codes[0] == 200 and codes[-1] == 503 and set(codes) <= {200, 503}


def test_ask(client):
    resp = client.post("/v1/ask", json={"text": FLOOD, "question": "How many people have died?"})
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert doc["answered"] and "17" in doc["answer"]
    ev = doc["evidence"]
    art = client.post("/v1/explain", json={"text": FLOOD}).json()["article"]["text"]
    assert art[ev["start"]:ev["end"]] == ev["text"]
    assert client.post("/v1/ask", json={"text": FLOOD, "question": "What is the capital of Peru?"}).json()["answered"] is False
    err(client.post("/v1/ask", json={"text": FLOOD, "question": ""}), 422, "validation")
    err(client.post("/v1/ask", json={"text": "", "question": "Who?"}), 400, "empty")


def test_verify_supported_and_contradicted(client):
    ex = Explainer.model_validate(client.post("/v1/explain", json={"text": FLOOD}).json())
    ok = client.post("/v1/verify", json={"original": FLOOD, "rewrite": render(ex, "text")}).json()
    assert ok["contradicted"] == 0 and ok["unsupported"] == 0 and ok["supported"] >= 3
    bad = client.post("/v1/verify", json={"original": FLOOD, "rewrite": "At least 71 people have died, the state emergency agency said."}).json()
    assert bad["contradicted"] == 1
    err(client.post("/v1/verify", json={"original": FLOOD}), 422, "validation")
    err(client.post("/v1/verify", json={"original": "  ", "rewrite": "Something happened."}), 400, "empty")


def test_render_text_and_jsonld_match_the_cli(client):
    doc = client.post("/v1/explain", json={"text": FLOOD}).json()
    ex = Explainer.model_validate(doc)
    text = client.post("/v1/render", json={"explainer": doc, "format": "text"})
    assert text.text == render(ex, "text") and text.headers["content-type"].startswith("text/plain")
    ld = client.post("/v1/render", json={"explainer": doc, "format": "jsonld"})
    assert ld.headers["content-type"].startswith("application/ld+json") and json.loads(ld.text)["@type"] == "FAQPage"
    err(client.post("/v1/render", json={"explainer": doc, "format": "pdf"}), 422, "validation")
    err(client.post("/v1/render", json={"explainer": {"article": 1}}), 422, "validation")


def test_unknown_path_and_method_are_json(client):
    err(client.get("/v1/nothing"), 404, "http")
    err(client.get("/v1/explain"), 405, "http")
    err(client.get("/static/../../etc/passwd"), 404, "http")
    err(client.get("/static/secret.py"), 404, "not_found")


def test_page_and_static_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"] and "corefact" in page.text
    assert client.get("/static/app.js").status_code == 200
