"""The fetcher's refusal rules over addresses (no network), its hop-by-hop redirect checks and
limits over httpx's mock transport, and one live fetch from a server on 127.0.0.1."""

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from typer.testing import CliRunner

from corefact.cli import app
from corefact.errors import FetchError, ForbiddenURLError, TooLargeError
from corefact.service.fetch import USER_AGENT, address_refusal, check_url, fetch, numeric_host

from ..conftest import EXAMPLES

PUBLIC = "93.184.215.14"
DNS = {"news.example": [PUBLIC], "evil.example": ["10.0.0.5"], "mixed.example": [PUBLIC, "127.0.0.1"],
       "meta.example": ["169.254.169.254"], "six.example": ["2606:4700::1111"], "six-local.example": ["fd12::1"]}


def resolver(host, port):
    if host not in DNS:
        raise AssertionError(f"resolver asked for {host}")
    return DNS[host]


@pytest.mark.parametrize("addr", [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
    "169.254.0.1", "224.0.0.1", "239.255.255.250", "0.0.0.0", "0.1.2.3", "100.64.0.1", "240.0.0.1",
    "255.255.255.255", "198.18.0.1", "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1", "2002:7f00:1::",
])
def test_refused_addresses(addr):
    assert address_refusal(ipaddress.ip_address(addr)) is not None


@pytest.mark.parametrize("addr", ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "172.32.0.1", "100.128.0.1"])
def test_public_addresses_pass(addr):
    assert address_refusal(ipaddress.ip_address(addr)) is None


def test_metadata_address_is_named():
    assert "metadata" in address_refusal(ipaddress.ip_address("169.254.169.254"))


@pytest.mark.parametrize("host,addr", [
    ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("127.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("3232235777", "192.168.1.1"),
    ("[::1]", "::1"), ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("8.8.8.8", "8.8.8.8"),
])
def test_numeric_disguises_are_read_as_addresses(host, addr):
    assert str(numeric_host(host)) == addr


@pytest.mark.parametrize("host", ["news.example", "127.0.0.1.example", "1.2.3.4.5", "256.1.1.1.1", "4294967296", "09.1.1.1"])
def test_host_names_are_not_numeric(host):
    assert numeric_host(host) is None


@pytest.mark.parametrize("url", [
    "http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://0177.0.0.1/", "http://0x/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data/",
    "http://evil.example/", "http://meta.example/", "http://mixed.example/", "https://six-local.example/", "http://0/",
    "http://[fe80::1%25eth0]/",
])
def test_check_url_refuses_without_resolving_externally(url):
    with pytest.raises(ForbiddenURLError):
        check_url(url, resolver=resolver)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://news.example/", "javascript:alert(1)", "news.example/a", "http:///nohost"])
def test_check_url_refuses_other_schemes_and_no_host(url):
    with pytest.raises(ForbiddenURLError):
        check_url(url, resolver=resolver)


def test_check_url_passes_public_hosts_and_pins_the_checked_address():
    assert check_url("https://news.example/a?b=1", resolver=resolver).address == PUBLIC
    assert check_url("http://six.example:8080/", resolver=resolver).port == 8080
    assert check_url("http://127.0.0.1:9/", resolver=resolver, allow_private=True).address == "127.0.0.1"


PAGE = (EXAMPLES / "flood.txt").read_text().split("\n", 1)[1]
HTML = "<html><head><title>Flood</title></head><body><article>" + "".join(f"<p>{p}</p>" for p in PAGE.split("\n\n")) + "</article></body></html>"


def mock(routes):
    """A transport answering by the Host header (the fetcher connects to the checked address)."""
    seen = []

    def handler(request: httpx.Request):
        seen.append((request.headers["host"], request.url.host, request.url.path, request.headers["user-agent"]))
        return routes[(request.headers["host"], request.url.path)]()

    return httpx.MockTransport(handler), seen


def html_response(body=HTML, ctype="text/html; charset=utf-8", **kw):
    return lambda: httpx.Response(200, headers={"content-type": ctype, **kw.pop("headers", {})}, content=body.encode(), **kw)


def redirect(to, code=302):
    return lambda: httpx.Response(code, headers={"location": to})


def test_fetch_follows_redirects_checking_each_hop_and_sends_user_agent():
    transport, seen = mock({("news.example", "/old"): redirect("/new", 301), ("news.example", "/new"): html_response()})
    page = fetch("http://news.example/old", resolver=resolver, transport=transport)
    assert page.final_url == "http://news.example/new" and b"Flood" in page.content
    assert [s[1] for s in seen] == [PUBLIC, PUBLIC]  # connected to the checked address
    assert all(s[3] == USER_AGENT for s in seen)


@pytest.mark.parametrize("target", ["http://evil.example/", "http://127.0.0.1/admin", "http://2130706433/", "file:///etc/passwd", "http://[::ffff:169.254.169.254]/"])
def test_redirect_to_a_refused_hop_is_refused_before_connecting(target):
    transport, seen = mock({("news.example", "/a"): redirect(target)})
    with pytest.raises(ForbiddenURLError):
        fetch("http://news.example/a", resolver=resolver, transport=transport)
    assert len(seen) == 1


def test_redirect_limit():
    transport, _ = mock({("news.example", "/loop"): redirect("/loop")})
    with pytest.raises(FetchError, match="redirects more than 3 times"):
        fetch("http://news.example/loop", resolver=resolver, transport=transport, max_redirects=3)


def test_non_html_error_status_and_size_limits():
    transport, _ = mock({
        ("news.example", "/pdf"): html_response(ctype="application/pdf"),
        ("news.example", "/gone"): lambda: httpx.Response(404),
        ("news.example", "/big"): html_response(body="x" * 5000),
        ("news.example", "/declared"): html_response(headers={"content-length": "99999999"}),
    })
    with pytest.raises(FetchError, match="application/pdf, not an HTML page"):
        fetch("http://news.example/pdf", resolver=resolver, transport=transport)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch("http://news.example/gone", resolver=resolver, transport=transport)
    with pytest.raises(TooLargeError):
        fetch("http://news.example/big", resolver=resolver, transport=transport, max_bytes=1000)
    with pytest.raises(TooLargeError):
        fetch("http://news.example/declared", resolver=resolver, transport=transport, max_bytes=1000)


def test_timeout_is_a_fetch_error():
    def handler(request):
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match="did not answer"):
        fetch("http://news.example/", resolver=resolver, transport=httpx.MockTransport(handler), timeout=0.5)


@pytest.fixture
def local_server():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/article.html")
                self.end_headers()
                return
            body, ctype = (HTML.encode(), "text/html; charset=utf-8") if self.path == "/article.html" else (b"%PDF-1.4", "application/pdf")
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_cli_explains_a_url_from_a_loopback_server(local_server):
    res = CliRunner().invoke(app, ["explain", f"{local_server}/moved", "--format", "json"])
    assert res.exit_code == 0, res.output
    import json

    doc = json.loads(res.output)
    assert doc["article"]["url"] == f"{local_server}/article.html"
    assert doc["article"]["text"].startswith(PAGE.split(",")[0])


def test_cli_url_errors_exit_2(local_server):
    res = CliRunner().invoke(app, ["explain", f"{local_server}/report.pdf"])
    assert res.exit_code == 2 and "not an HTML page" in res.output
    res = CliRunner().invoke(app, ["explain", f"{local_server}/article.html", "--max-bytes", "100"])
    assert res.exit_code == 2 and "over the limit" in res.output


def test_guarded_fetch_refuses_the_same_loopback_server(local_server):
    with pytest.raises(ForbiddenURLError, match="loopback"):
        fetch(f"{local_server}/article.html")


def test_cli_ask_reads_a_url(local_server):
    res = CliRunner().invoke(app, ["ask", f"{local_server}/article.html", "How many people have died?"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("At least 17")


def test_each_checked_address_is_tried_when_a_connection_fails():
    tried = []

    def handler(request):
        tried.append(request.url.host)
        if request.url.host == "2606:4700::1111":
            raise httpx.ConnectError("unreachable", request=request)
        return httpx.Response(200, headers={"content-type": "text/html"}, content=HTML.encode())

    dual = {"dual.example": ["2606:4700::1111", PUBLIC]}
    page = fetch("http://dual.example/", resolver=lambda h, p: dual[h], transport=httpx.MockTransport(handler))
    assert tried == ["2606:4700::1111", PUBLIC] and page.content == HTML.encode()
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://dual.example/", resolver=lambda h, p: {"dual.example": ["2606:4700::1111"]}[h], transport=httpx.MockTransport(handler))


def test_localhost_name_from_the_cli_reaches_the_ipv4_server(local_server):
    port = local_server.rsplit(":", 1)[1]
    page = fetch(f"http://localhost:{port}/article.html", allow_private=True)
    assert page.content == HTML.encode()
