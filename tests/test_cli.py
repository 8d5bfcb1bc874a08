import json
import subprocess
import sys

import jsonschema
import pytest

from .conftest import EXAMPLES

CLI = [sys.executable, "-m", "corefact.cli"]


def run(*args, stdin=None):
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, timeout=300)


@pytest.mark.parametrize("name", ["flood.txt", "chipmaker.txt", "marathon.txt"])
def test_explain_json_end_to_end(name):
    r = run("explain", str(EXAMPLES / name), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(data, schema)
    text = data["article"]["text"]
    for qa in data["faq"]:
        for ev in qa["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_explain_text_from_stdin_with_date_override():
    r = run("explain", "-", "--date", "2020-01-02", stdin=(EXAMPLES / "marathon.txt").read_bytes())
    assert r.returncode == 0
    out = r.stdout.decode()
    assert out.startswith("date 2020-01-02\n") and "\nFAQs\n" in out


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        ('<html><head><meta charset="x-no-such"></head><body><p>Caf\u00e9 au lait.</p></body></html>'.encode("latin-1"), "charset"),
        (b"Only one sentence here.", "sentence"),
        ("Le conseil municipal a voté mardi la fermeture du vieux pont. Les travaux dureront deux ans.".encode(), "English"),
    ],
)
def test_bad_input_exit_2_one_line(data, needle):
    r = run("explain", "-", stdin=data)
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert "\n" not in err and err.startswith("corefact: error:") and needle in err


def test_too_large_and_bad_flags(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The council met. " * 200)
    r = run("explain", str(big), "--max-bytes", "100")
    assert r.returncode == 2 and b"over the limit" in r.stderr
    assert run("explain", str(tmp_path / "missing.txt")).returncode == 2
    assert run("explain", str(big), "--date", "yesterday").returncode == 2
    assert run("explain", str(big), "--format", "pdf").returncode == 2


def test_ask_cli():
    r = run("ask", str(EXAMPLES / "flood.txt"), "How many people have died?")
    assert r.returncode == 0 and r.stdout.decode().startswith("At least 17")
    r = run("ask", str(EXAMPLES / "flood.txt"), "What is the capital of Australia?")
    assert r.stdout.decode().strip() == "Not answered in the article."


def test_explain_html_file(tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in (EXAMPLES / "chipmaker.txt").read_text().split("\n\n")[1:])
    page.write_text(
        "<!doctype html><html><head><title>Halvern profit jumps</title>"
        '<meta property="article:published_time" content="2025-02-06T09:00:00Z"></head>'
        f"<body><nav>Markets | Tech</nav><article><h1>Halvern profit jumps</h1>{body}</article></body></html>"
    )
    r = run("explain", str(page), "--format", "markdown")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("# Halvern profit jumps") and "*2025-02-06*" in out and "Markets | Tech" not in out
