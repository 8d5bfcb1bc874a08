"""Fetch an article page over HTTP(S), with the address guard a server needs.

:func:`fetch` follows redirects itself, up to a limit, and checks every hop: the scheme must be
http or https, and — unless ``allow_private`` — every address the host resolves to must be a public
one (:func:`address_refusal`). The connection then goes to the address that was checked (the host
name is kept in the ``Host`` header and for TLS), so a second, different DNS answer cannot slip a
private address in. Numeric disguises of an address (``2130706433``, ``0x7f000001``, ``127.1``,
``0177.0.0.1``) are read the way the C library reads them, before any check.

The resolver is a parameter: tests pass a table of names to addresses and touch no network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Callable, Optional, Union
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError, ForbiddenURLError, TooLargeError
from ..options import DEFAULT_MAX_BYTES

IP = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
Resolver = Callable[[str, int], list[str]]

USER_AGENT = "corefact/0.1 (+https://github.com/corefact; article explainer)"
DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system's resolver gives for ``host``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def numeric_host(host: str) -> Optional[IP]:
    """The address a numeric host stands for, read like ``inet_aton`` does (1 to 4 parts, each
    decimal, ``0x`` hex or ``0`` octal; the last part fills the remaining bytes) or as an IPv6
    literal; None for a host name."""
    h = host.strip("[]")
    if ":" in h:
        try:
            return ipaddress.IPv6Address(h.split("%", 1)[0])
        except ValueError:
            return None
    parts = h.split(".")
    if h.endswith("."):  # 'localhost.' style trailing dot on a numeric host
        parts = parts[:-1]
    if not 1 <= len(parts) <= 4:
        return None
    values = []
    for p in parts:
        try:
            if p.lower().startswith("0x"):
                values.append(int(p[2:] or "0", 16))
            elif len(p) > 1 and p.startswith("0"):
                values.append(int(p, 8))
            else:
                if not p.isdigit():
                    return None
                values.append(int(p, 10))
        except ValueError:
            return None
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    n = 0
    for v in head:
        n = n * 256 + v
    n = n * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(n)


def address_refusal(ip: IP) -> Optional[str]:
    """Why a server must not connect to ``ip`` (None when it is a public address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            reason = address_refusal(mapped)
            return f"{reason} (inside the IPv6 address {ip})" if reason else None
        if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 of an IPv4 address
            reason = address_refusal(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
            if reason:
                return f"{reason} (inside the IPv6 address {ip})"
    checks = (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    )
    for attr, name in checks:
        if getattr(ip, attr):
            if name == "link-local" and str(ip) == "169.254.169.254":
                return "a link-local address (the cloud metadata service)"
            return f"a {name} address"
    if isinstance(ip, ipaddress.IPv4Address) and (ip in _CGNAT or int(ip) >> 24 == 0):
        return "a private address"
    if not ip.is_global:
        return "not a public address"
    return None


@dataclass(frozen=True)
class Hop:
    url: str
    host: str
    port: int
    address: str
    addresses: tuple[str, ...] = ()  # every checked address, tried in order when a connection fails


def check_url(url: str, *, resolver: Resolver = system_resolver, allow_private: bool = False) -> Hop:
    """Check one URL: its scheme, and every address its host resolves to. Returns the hop to connect to.

    Raises:
        ForbiddenURLError: a scheme other than http(s), no host, or a refused address.
        FetchError: the host does not resolve.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {url!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ForbiddenURLError(f"only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}: {url!r}")
    host = (parts.hostname or "").rstrip(".") if parts.hostname != "." else ""
    if not host:
        raise ForbiddenURLError(f"URL has no host: {url!r}")
    port = port or (443 if scheme == "https" else 80)
    literal = numeric_host(host)
    addresses = [str(literal)] if literal is not None else resolver(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    if not allow_private:
        for a in addresses:
            try:
                ip = ipaddress.ip_address(a.split("%", 1)[0])
            except ValueError:
                raise ForbiddenURLError(f"host {host!r} resolved to {a!r}, not an address") from None
            reason = address_refusal(ip)
            if reason:
                where = f"{host} is {reason}" if str(ip) == host else f"{host} is {ip}, {reason}"
                raise ForbiddenURLError(f"refused to fetch {url!r}: {where}")
    clean = tuple(a.split("%", 1)[0] for a in addresses)
    return Hop(url=url, host=host, port=port, address=clean[0], addresses=clean)


@dataclass(frozen=True)
class Fetched:
    url: str = ""
    final_url: str = ""
    content_type: str = ""
    content: bytes = b""


def _pinned(hop: Hop, address: str) -> tuple[str, dict[str, str], dict]:
    """The URL with its host replaced by a checked address, the Host header, and the TLS name."""
    parts = urlsplit(hop.url)
    ip = ipaddress.ip_address(address)
    addr = f"[{ip}]" if ip.version == 6 else str(ip)
    default = 443 if parts.scheme.lower() == "https" else 80
    netloc = addr if hop.port == default else f"{addr}:{hop.port}"
    host_header = hop.host if hop.port == default else f"{hop.host}:{hop.port}"
    url = parts._replace(netloc=netloc).geturl()
    ext = {"sni_hostname": hop.host} if parts.scheme.lower() == "https" and numeric_host(hop.host) is None else {}
    return url, {"Host": host_header}, ext


def fetch(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
    transport=None,
) -> Fetched:
    """GET an HTML page, following redirects up to ``max_redirects`` and checking every hop.

    Raises:
        ForbiddenURLError: a hop's scheme or address is refused.
        FetchError: network error, timeout, HTTP error status, too many redirects, not HTML.
        TooLargeError: the body is over ``max_bytes``.
    """
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    current = url.strip()
    with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport, trust_env=False) as client:
        for _ in range(max_redirects + 1):
            hop = check_url(current, resolver=resolver, allow_private=allow_private)
            for i, address in enumerate(hop.addresses or (hop.address,)):
                try:
                    got = _get(client, hop, address, headers, max_bytes)
                    break
                except httpx.ConnectError as exc:
                    if i + 1 == len(hop.addresses or (hop.address,)):
                        raise FetchError(f"cannot connect to {current}: {exc}") from None
                except httpx.TimeoutException:
                    raise FetchError(f"{current} did not answer within {timeout:g} s") from None
                except httpx.HTTPError as exc:
                    raise FetchError(f"cannot fetch {current}: {type(exc).__name__}: {exc}") from None
            if isinstance(got, str):  # a redirect: check the next hop
                current = urljoin(current, got)
                continue
            return Fetched(url=url, final_url=current, content_type=got[0], content=got[1])
    raise FetchError(f"{url} redirects more than {max_redirects} times")


def _get(client, hop: Hop, address: str, headers: dict, max_bytes: int) -> Union[str, tuple[str, bytes]]:
    """One GET to one checked address: the Location of a redirect, or (content type, body)."""
    target, host_header, ext = _pinned(hop, address)
    with client.stream("GET", target, headers={**headers, **host_header}, extensions=ext) as resp:
        if resp.is_redirect:
            return resp.headers["location"]
        if resp.status_code >= 400:
            raise FetchError(f"{hop.url} answered HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
        ctype = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            raise FetchError(f"{hop.url} is {ctype}, not an HTML page")
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise TooLargeError(f"{hop.url} is {int(declared):,} bytes, over the limit of {max_bytes:,} bytes")
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise TooLargeError(f"{hop.url} is over the limit of {max_bytes:,} bytes")
        return ctype or "text/html", bytes(body)


def load_url(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, date=None, allow_private: bool = False, **kw):
    """Fetch ``url`` and read it as an article (the page's final address recorded as ``Article.url``)."""
    from ..ingest import load_article

    page = fetch(url, max_bytes=max_bytes, allow_private=allow_private, **kw)
    return load_article(page.content, date=date, origin=page.final_url, url=page.final_url, max_bytes=max_bytes)


def is_url(value: str) -> bool:
    """Does a CLI argument name a URL (rather than a file)?"""
    return value.lower().startswith(("http://", "https://"))
