"""The HTTP API against a real `eightk serve` process on 127.0.0.1 over a store built from the samples."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from eightk.store import Store
from eightk.web.app import SECURITY_HEADERS
from tests.conftest import ROOT, sample_named
from tests.web.conftest import HOSTILE_KEY, Server


def _q(**params: object) -> str:
    return urllib.parse.urlencode(params)


def test_search_returns_labelled_highlighted_hits(server: Server) -> None:
    status, headers, body = server.get("/api/search?" + _q(q="license", item="8.01"))
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert body["hits"], body
    seed = [h for h in body["hits"] if h["company"] == "ImmunoGen, Inc."]
    assert seed and seed[0]["label"].startswith("Item 5") and "[license" in seed[0]["snippet"].lower()
    assert seed[0]["source"] and "/" not in seed[0]["source"]  # the file's name, never a server path
    assert all(h["code"] in (None, "8.01") or h["kind"] == "document" for h in body["hits"])


def test_search_cursor_pages_do_not_overlap(server: Server) -> None:
    first = server.get("/api/search?" + _q(q="the", limit=3))[2]
    assert len(first["hits"]) == 3 and first["next_cursor"]
    second = server.get("/api/search?" + _q(q="the", limit=3, cursor=first["next_cursor"]))[2]
    assert len(second["hits"]) == 3
    whole = server.get("/api/search?" + _q(q="the", limit=6))[2]
    assert first["hits"] + second["hits"] == whole["hits"]  # the two pages are the first six hits, in order
    assert server.get("/api/search?" + _q(q="the", cursor="999999"))[2] == {
        "query": "the",
        "hits": [],
        "next_cursor": None,
    }
    status, _, body = server.get("/api/search?" + _q(q="the", cursor="bm90LWEtY3Vyc29y"))
    assert status == 422 and body["error"]["code"] == "invalid_parameter"


def test_filing_record_and_document_text_agree_on_spans(server: Server, seed_key: str) -> None:
    status, _, record = server.get("/api/filings/" + urllib.parse.quote(seed_key))
    assert status == 200 and record["key"] == seed_key
    assert record["registrant"]["name"] == "ImmunoGen, Inc." and record["date_of_report"] == "2000-05-04"
    (license_event,) = [e for e in record["events"] if e["type"] == "license"]
    assert license_event["upfront"]["amount"] == 2_000_000 and license_event["milestones"]["amount"] == 40_000_000
    text = server.get(f"/api/filings/{urllib.parse.quote(seed_key)}/documents/1")[2]["text"]
    for value in license_event["values"]:
        span = value["span"]
        assert text[span["start"] : span["end"]] == span["quote"]
    assert any(v["field"] == "upfront" and v["span"]["quote"] == "$2 million" for v in license_event["values"])


def test_deals_sort_by_upfront_and_carry_terms(server: Server) -> None:
    status, _, body = server.get("/api/deals?" + _q(sort="upfront", order="desc"))
    assert status == 200
    amounts = [d["upfront"] for d in body["deals"] if d["upfront"] is not None]
    assert len(amounts) >= 2 and amounts == sorted(amounts, reverse=True)
    seed = next(d for d in body["deals"] if d["company"] == "ImmunoGen, Inc.")
    assert seed["milestones"] == 40_000_000 and seed["royalties"] is True and seed["territory"] == "worldwide"
    assert {p["role"] for p in seed["parties"]} == {"licensor", "licensee"}
    ascending = server.get("/api/deals?" + _q(sort="upfront", order="asc"))[2]
    assert [d["upfront"] for d in ascending["deals"] if d["upfront"] is not None] == sorted(amounts)


def test_events_filter_by_type_date_and_amount(server: Server) -> None:
    body = server.get("/api/events?" + _q(type="license", date_from="2000-01-01", date_to="2000-12-31"))[2]
    assert [e["company"] for e in body["events"]] == ["ImmunoGen, Inc."]
    big = server.get("/api/events?" + _q(min_amount=1e9, sort="amount"))[2]["events"]
    assert big and all(e["amount"] >= 1e9 for e in big)
    assert [e["amount"] for e in big] == sorted((e["amount"] for e in big), reverse=True)
    pages = server.get("/api/events?" + _q(limit=2))[2]
    assert len(pages["events"]) == 2 and pages["next_cursor"]


def test_company_history_is_in_date_order(server: Server) -> None:
    status, _, body = server.get("/api/companies/320193")
    assert status == 200 and any("Apple" in n for n in body["names"])
    dates = [f["date"] for f in body["filings"]]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert server.get("/api/companies/1")[0] == 404
    assert server.get("/api/companies")[2]["error"]["status"] == 422
    assert server.get("/api/companies?" + _q(name="ImmunoGen, Inc."))[2]["filings"][0]["date"] == "2000-05-04"
    by_name = server.get("/api/companies?" + _q(name="immunogen, inc."))[2]  # a name in any case
    assert by_name["filings"][0]["date"] == "2000-05-04" and by_name["names"] == ["ImmunoGen, Inc."]
    assert server.get("/api/companies?" + _q(name="APPLE COMPUTER, INC."))[2]["cik"] == "320193"  # the CIK they share


def test_every_error_has_one_shape_and_no_trace(server: Server) -> None:
    cases = {
        "/api/filings/0000000000-00-000000": 404,
        "/api/filings/1/documents/999": 404,
        "/api/search?q=%28": 400,
        "/api/search?q=": 422,
        "/api/search?" + _q(q="x" * 501): 422,
        "/api/search?" + _q(q="x", limit=101): 422,
        "/api/search?" + _q(q="x", min_amount="nan"): 422,
        "/api/search?" + _q(q="x", date_from="yesterday"): 422,
        "/api/deals?sort=name": 422,
        "/api/events?type=bogus": 422,  # an unknown event type, as the CLI rejects it
        "/no/such/page": 404,
    }
    for path, expected in cases.items():
        status, headers, body = server.get(path)
        assert status == expected, (path, body)
        assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}, path
        assert body["error"]["status"] == status and "Traceback" not in body["error"]["message"]
        assert headers["content-type"] == "application/json"


def test_security_headers_on_page_api_and_static(server: Server) -> None:
    for path in ("/", "/api/stats", "/static/app.js", "/docs", "/api/filings/nope"):
        _, headers, _ = server.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (path, name)
    page = server.get("/")[2]
    assert '<script src="/static/app.js"' in page and "<script>" not in page and "http" not in page.split("<body>")[1]


def test_openapi_spec_lists_the_endpoints(server: Server) -> None:
    status, _, spec = server.get("/openapi.json")
    assert status == 200
    for path in ("/api/search", "/api/filings/{key}", "/api/filings/{key}/documents/{sequence}", "/api/events",
                 "/api/deals", "/api/companies", "/api/companies/{cik}", "/api/stats"):  # fmt: skip
        assert path in spec["paths"]
        assert "ErrorBody" in str(spec["paths"][path]["get"]["responses"]["404"])
    docs = server.get("/docs")[2]
    assert "/static/docs.js" in docs and "cdn" not in docs.lower()


def test_the_server_never_writes_the_database(server: Server) -> None:
    before = hashlib.sha256(server.db.read_bytes()).hexdigest()
    for path in ("/api/search?q=license", f"/api/filings/{HOSTILE_KEY}", "/api/deals", "/api/stats"):
        assert server.get(path)[0] == 200
    assert hashlib.sha256(server.db.read_bytes()).hexdigest() == before


def test_serve_names_a_missing_database_and_a_missing_extra(tmp_path: object) -> None:
    run = [sys.executable, "-m", "eightk", "serve", "--db", "/nonexistent/x.db"]
    proc = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert proc.returncode == 2 and "/nonexistent/x.db: no such database" in proc.stderr
    blocked = (
        "import sys; sys.modules['fastapi'] = None; from eightk.cli import main;"
        " sys.exit(main(['serve', '--db', 'README.md']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
    )
    assert proc.returncode == 2 and "pip install 'eightk[serve]'" in proc.stderr and "Traceback" not in proc.stderr
    assert "serving" not in proc.stderr


def test_concurrent_clients_all_get_answers(server: Server, seed_key: str) -> None:
    """32 clients at once on search, filing and deals: every request answered 200 (a connection used by two
    server threads at once, or a lock held across the GIL, would hang or fail some)."""
    paths = ["/api/search?q=license", "/api/search?q=officer&item=5.02", f"/api/filings/{urllib.parse.quote(seed_key)}",
             "/api/deals?sort=upfront", "/api/events?sort=amount", "/api/stats"]  # fmt: skip

    def client(n: int) -> list[int]:
        return [server.get(paths[(n + i) % len(paths)], timeout=60)[0] for i in range(12)]

    with ThreadPoolExecutor(32) as pool:
        statuses = [s for batch in pool.map(client, range(32)) for s in batch]
    assert statuses == [200] * (32 * 12)


def test_filing_endpoint_serves_the_same_record_as_store_get(server: Server) -> None:
    """The endpoint reads the stored JSON without building a Filing; it must equal Store.get().to_dict()."""
    with Store(server.db, readonly=True) as store:
        keys = [row[0] for row in store.conn.execute("SELECT key FROM filings ORDER BY id")]
        assert len(keys) > 40
        for key in keys:
            record = server.get("/api/filings/" + urllib.parse.quote(key))[2]
            assert record.pop("key") == key
            filing = store.get(key)
            assert filing is not None and record == filing.to_dict()


def test_the_query_time_limit_holds_after_a_search_on_the_same_thread(tmp_path: Path, monkeypatch: Any) -> None:
    """``Store.search`` sets and then clears a progress handler of its own on the connection; the
    server's limit (``QUERY_SECONDS``) must still stop the thread's next query."""
    import sqlite3

    from eightk.api import open_store
    from eightk.web import app as web_app

    db = tmp_path / "limit.db"
    with open_store(db) as store:
        store.ingest([sample_named("ryankfrench__0000891020-98-001352.txt")], workers=1)
    stores = web_app.Stores(str(db), cache_mb=0)
    stores.get().search("the")
    monkeypatch.setattr(web_app, "QUERY_SECONDS", -1.0)  # every query is already overdue
    slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT count(*) FROM c"
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        stores.get().conn.execute(slow).fetchone()
