"""Web and search security against the running server (issue 13, part 5): XSS payloads, SQL and FTS
injection strings, NUL bytes and oversized parameters on every endpoint and filter. Nothing answers 5xx,
every refusal has the one JSON error shape, the database is unchanged, the full-text query cannot reach
the filter tags, and schemathesis finds no 5xx and no response outside the OpenAPI spec."""

from __future__ import annotations

import hashlib
import http.client
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from tests.web.conftest import HOSTILE_KEY, Server, start_server, stop_server

XSS = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
    "'-alert(1)-'", "</textarea><script>alert(1)</script>", "<iframe src=javascript:alert(1)>",
    "{{constructor.constructor('alert(1)')()}}", "<a href=\"javascript:alert(1)\">x</a>", "\u003cscript\u003e",
]  # fmt: skip
SQL = [
    "'; DROP TABLE filings; --", "' OR '1'='1", "1 OR 1=1", "\" OR \"\"=\"", "1; SELECT * FROM raw", "%' --",
    "' UNION SELECT sql FROM sqlite_master --", "x') OR ('a'='a", "\\", "%", "_", "1e400", "-1", "NaN", "inf",
]  # fmt: skip
FTS = [
    "tags : xform8k", "{text tags}: xcik320193", "xform8k", "a) OR (tags : xform8k", "NEAR(a b, 999999999)",
    "\"unterminated", "*", "^", "a AND", "OR OR OR", "(((((((((", ")", "NOT", "a NOT NOT b", "text:", "col:x",
    " ".join(["a AND"] * 80) + " a", "NEAR(" + " ".join(f"w{i}" for i in range(90)) + ")",
]  # fmt: skip
NUL = ["\x00", "a\x00b", "\x00' OR 1=1 --", "license\x00<script>"]
OVERSIZED = ["x" * 501, "y" * 5_000, "z " * 20_000]
PAYLOADS = XSS + SQL + FTS + NUL + OVERSIZED
# Endpoint and the parameters a payload goes into (each in turn, the others left valid).
TARGETS = {
    "/api/search": ["q", "company", "cik", "ticker", "form", "item", "event", "date_from", "min_amount",
                    "amount_field", "currency", "limit", "cursor"],
    "/api/events": ["type", "company", "date_to", "max_amount", "sort", "order", "cursor"],
    "/api/deals": ["type", "company", "sort", "order", "limit", "min_amount"],
    "/api/companies": ["name"],
}  # fmt: skip
PATHS = ["/api/filings/{}", "/api/filings/{}/documents/1", "/api/companies/{}", "/api/filings/1/documents/{}"]


def _check(server: Server, path: str) -> int:
    status, headers, body = server.get(path)
    assert status < 500, (path, body)
    assert headers.get("content-type", "").startswith("application/json"), path
    if status >= 400:
        assert set(body) == {"error"} and body["error"]["status"] == status, (path, body)
        message = body["error"]["message"]
        assert "Traceback" not in message and "OperationalError" not in message and 'File "' not in message
    return status


def test_hostile_parameters_get_no_5xx_and_change_nothing(server: Server) -> None:
    before = hashlib.sha256(server.db.read_bytes()).hexdigest()
    stats = server.get("/api/stats")[2]
    sent = 0
    for endpoint, params in TARGETS.items():
        for param in params:
            for payload in PAYLOADS:
                base = {"q": "license"} if endpoint == "/api/search" else {}
                _check(server, endpoint + "?" + urllib.parse.urlencode({**base, param: payload}))
                sent += 1
    for template in PATHS:
        for payload in PAYLOADS:
            _check(server, template.format(urllib.parse.quote(payload, safe="")))
            sent += 1
    assert sent > 1500
    assert hashlib.sha256(server.db.read_bytes()).hexdigest() == before
    assert server.get("/api/stats")[2] == stats


def test_full_text_queries_cannot_reach_the_filter_tags(server: Server) -> None:
    # Every filing has xform8k and xy/xm tags in the index's tags column; the user's text must not match them.
    for q in ("xform8k", "tags : xform8k", "{tags}: xform8k", "{text tags}: xform8k", "- tags : xform8k", "xform8k*"):
        status, _, body = server.get("/api/search?" + urllib.parse.urlencode({"q": q}))
        assert (status, body.get("hits")) in ((200, []), (400, None)), (q, body)


def test_a_url_too_long_for_the_server_is_refused_not_crashed(server: Server) -> None:
    host, port = server.base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", "/api/search?q=" + "a" * 200_000)
        status = conn.getresponse().status
    finally:
        conn.close()
    assert 400 <= status < 500
    assert server.get("/api/stats")[0] == 200  # and it still serves


def test_the_hostile_filing_comes_back_as_data(server: Server) -> None:
    status, headers, record = server.get(f"/api/filings/{HOSTILE_KEY}")
    assert status == 200 and headers["x-content-type-options"] == "nosniff"
    assert record["registrant"]["name"] == "Hostile <img src=x onerror=window.__xss=1> Corp"


def test_schemathesis_finds_no_5xx_and_nothing_outside_the_spec(server: Server, tmp_path: Path) -> None:
    """Property-based run over /openapi.json: every check except positive_data_acceptance, which would call
    a malformed full-text query (FTS grammar cannot be written as a JSON schema) a valid request; the spec
    documents that 400."""
    cmd = [
        str(Path(sys.executable).with_name("st")), "run", server.base + "/openapi.json", "--checks", "all",
        "--exclude-checks", "positive_data_acceptance", "--max-examples", "25", "--seed", "8001",
        "--generation-database", "none", "--workers", "2", "--no-color", "--request-timeout", "30",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and "failures" not in proc.stdout.split("SUMMARY")[-1]


def test_requests_past_the_rate_limit_get_429_then_service_resumes(server: Server) -> None:
    limited = start_server(server.db, "--rate-limit", "5")  # bursts of 10, then 5 per second
    try:
        statuses = [_check(limited, "/api/stats") for _ in range(40)]
        assert statuses.count(200) >= 5 and 429 in statuses
        status, headers, body = limited.get("/api/stats")
        assert status == 429 and headers["retry-after"] == "1" and body["error"]["code"] == "too_many_requests"
        assert limited.get("/")[0] == 200  # the page and its files are not API requests
        time.sleep(1.5)
        assert limited.get("/api/stats")[0] == 200
    finally:
        stop_server(limited)
