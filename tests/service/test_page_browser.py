"""The web page in a real headless Chromium (Debian's, driven by Playwright through
``executable_path``; no browser download) against ``corefact serve`` run as a subprocess on a free
loopback port."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import EXAMPLES

CHROMIUM = Path(os.environ.get("COREFACT_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "corefact.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"corefact serve did not come up on {base}: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: `make install` runs `apt-get install -y chromium` (as root); the browser test cannot run without it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def test_click_an_faq_answer_highlights_its_evidence(server, browser, tmp_path):
    article = (EXAMPLES / "flood.txt").read_text()
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    page.fill("#article-input", article)
    page.click("#explain")
    page.wait_for_selector("#faq dd", timeout=60_000)
    answers = page.locator("#faq dd")
    assert answers.count() >= 3
    assert page.locator("#date").inner_text() == "date 2024-03-14"
    ex = page.evaluate("fetch('/v1/explain', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: %r})}).then(r => r.json())" % article)
    qa = next(i for i, q in enumerate(ex["faq"]) if q["answer_span"])
    answers.nth(qa).click()
    mark = page.locator("#article mark.answer-span")
    mark.first.wait_for(timeout=5000)
    assert "".join(mark.all_inner_texts()) == ex["faq"][qa]["answer_span"]["text"]
    evidence = ex["faq"][qa]["evidence"][0]
    marked = "".join(page.locator("#article mark").all_inner_texts())
    assert marked == evidence["text"]
    # the marks sit at the span's offsets of the article text
    starts = [int(x) for x in page.locator("#article mark").evaluate_all("ms => ms.map(m => m.dataset.start)")]
    assert min(starts) == evidence["start"]
    assert page.locator("#article").inner_text().strip() == ex["article"]["text"].strip()
    page.wait_for_timeout(400)  # smooth scroll
    assert page.locator("#article mark").first.is_visible()
    page.screenshot(path=str(tmp_path / "faq-evidence.png"), full_page=True)
    assert (tmp_path / "faq-evidence.png").stat().st_size > 10_000

    # a brief sentence highlights its own evidence
    page.locator("#brief .claim").nth(1).click()
    assert "".join(page.locator("#article mark").all_inner_texts()) == "".join(s["text"] for s in ex["brief"][1]["evidence"])
    # the JSON-LD tab
    page.click("[data-tab=jsonld]")
    assert '"@type": "FAQPage"' in page.locator("#jsonld").inner_text()
    page.close()


def test_errors_show_the_message_and_phone_width_fits(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/")
    page.fill("#article-input", "Just one line.")
    page.click("#explain")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    msg = page.locator("#error").inner_text()
    assert "sentence" in msg and "Traceback" not in msg
    page.fill("#article-input", "")
    page.fill("#url-input", "https://news.example/story")
    page.click("#explain")
    page.wait_for_function("document.getElementById('error').textContent.includes('--allow-fetch')", timeout=10_000)
    page.fill("#url-input", "")
    page.fill("#article-input", (EXAMPLES / "marathon.txt").read_text())
    page.click("#explain")
    page.wait_for_selector("#faq dd", timeout=60_000)
    assert page.locator("#error").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    page.close()


def test_highlight_lands_on_the_span_after_characters_outside_the_bmp(server, browser):
    # offsets count code points (Python's str); a JS string counts UTF-16 units, two for each emoji
    article = (
        "Fans posted 🌊🌊 and 🎉 on Saturday as the Port Wendle ferry returned to service after 40 days.\n\n"
        "The ferry carries about 900 passengers a day between the two harbours, the operator said.\n\n"
        "Repairs to its engine cost the council more than £2m, officials said on Sunday."
    )
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    page.fill("#article-input", article)
    page.click("#explain")
    page.wait_for_selector("#faq dd", timeout=60_000)
    ex = page.evaluate("fetch('/v1/explain', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: %s})}).then(r => r.json())" % json.dumps(article))
    later = [i for i, q in enumerate(ex["faq"]) if q["answer_span"] and q["answer_span"]["start"] > 30]
    assert later, ex["faq"]
    page.locator("#faq dd").nth(later[0]).click()
    mark = page.locator("#article mark.answer-span")
    mark.first.wait_for(timeout=5000)
    assert "".join(mark.all_inner_texts()) == ex["faq"][later[0]]["answer_span"]["text"]
    assert "".join(page.locator("#article mark").all_inner_texts()) == ex["faq"][later[0]]["evidence"][0]["text"]
    page.close()
