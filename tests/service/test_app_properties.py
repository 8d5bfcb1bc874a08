"""Property test against the OpenAPI document: request bodies built from each endpoint's schema
(its property names, with values of any JSON type, plus unknown keys) never get a 5xx."""

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st

from corefact.service.app import create_app

from ..conftest import EXAMPLES

FLOOD = (EXAMPLES / "flood.txt").read_text()


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(timeout=20), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def bodies(client):
    doc = client.get("/openapi.json").json()
    comps = doc["components"]["schemas"]
    out = {}
    for path, item in doc["paths"].items():
        op = item.get("post")
        if not op or path == "/v1/render":
            continue
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        out[path] = sorted(comps[ref]["properties"])
    assert {"/v1/explain", "/v1/ask", "/v1/verify"} <= set(out)
    return out


scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),  # JSON has no inf
                   st.text(max_size=40), st.sampled_from([FLOOD, "2024-02-30", "2024-03-14", "http://127.0.0.1/", "", "\x00\x01", "\ud7ff" * 3]))
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_5xx_for_any_body(client, bodies, data):
    path = data.draw(st.sampled_from(sorted(bodies)))
    keys = data.draw(st.lists(st.sampled_from(bodies[path] + ["extra"]), unique=True, max_size=4))
    body = {k: data.draw(value) for k in keys}
    resp = client.post(path, json=body)
    assert resp.status_code < 500, (path, body, resp.text[:300])
    if resp.status_code >= 400:
        assert set(resp.json()["error"]) == {"type", "message"}
