"""Full-text search with filters, on a real SQLite file of real corpus filings (tests/data/store)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eightk.api import open_store
from eightk.errors import SearchError, StoreError
from eightk.search import Filters, filter_sql, normalize_item
from eightk.search import plan as search_plan
from eightk.search.filters import residual_sql
from eightk.store import Store, maintain
from tests.conftest import sample_named, store_data

STORE_DATA = store_data()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "search.db"
    with open_store(path) as store:
        store.ingest([STORE_DATA], workers=1)
    return path


def test_ranked_hits_with_snippets_and_where_they_came_from(db: Path) -> None:
    with open_store(db) as store:
        hits = store.search("maytansinoid")
        assert hits and {h.company for h in hits} == {"ImmunoGen, Inc."}
        top = hits[0]
        assert top.kind == "item" and top.code == "8.01" and top.label == "Item 5 OTHER EVENTS"
        assert "[maytansinoid]" in top.snippet and top.score < 0
        exhibit = store.search("NEXTSTEP", limit=50)
        assert any(h.kind == "document" and (h.label or "").startswith("Exhibit 99") for h in exhibit)
        assert [h.score for h in exhibit] == sorted(h.score for h in exhibit)
        phrase = store.search('"exclusively licensed"')
        assert [h.company for h in phrase] == ["ImmunoGen, Inc."]
        assert store.search("license", limit=1) and len(store.search("the", limit=3)) == 3


def test_item_filter_finds_both_eras_under_one_code(db: Path) -> None:
    with open_store(db) as store:
        old_and_new = store.search("result OR results OR announced", item="5", limit=100)
        years = {h.date[:4] for h in old_and_new if h.date}
        assert min(years) < "2004" < max(years)  # a 1990s Item 5 and a post-2004 Item 8.01 together
        assert all(h.code == "8.01" for h in old_and_new if h.kind == "item")
        assert {h.filing_id for h in old_and_new} == {
            h.filing_id for h in store.search("result OR results OR announced", item="8.01", limit=100)
        }


def test_every_filter_narrows(db: Path) -> None:
    with open_store(db) as store:
        every = store.search("company", limit=200)
        by_cik = store.search("company", cik="0000723533", limit=200)
        assert by_cik and {h.company for h in by_cik} == {"ExperTelligence, Inc."} and len(by_cik) < len(every)
        assert {h.company for h in store.search("company", company="expertell", limit=200)} == {"ExperTelligence, Inc."}
        amzn = store.search("amazon", ticker="amzn")
        assert amzn and {h.company for h in amzn} == {"AMAZON.COM, INC."}
        dated = store.search("company", date_from=dt.date(2010, 1, 1), date_to="2019-12-31", limit=200)
        assert dated and all("2010" <= (h.date or "") <= "2019-12-31" for h in dated)
        auditors = store.search("accountant OR accountants OR auditor", event="auditor_change", limit=50)
        assert auditors and all(store.get(h.filing_id).events for h in auditors)  # type: ignore[union-attr]
        deals = store.search("license", min_amount=1_000_000, amount_field="upfront", currency="usd")
        assert {h.company for h in deals} == {"ImmunoGen, Inc."}
        assert store.search("license", min_amount=5_000_000, amount_field="upfront") == []
        assert store.search("company", form="8-K/A") == []
        assert store.search("nonexistentwordzz") == []


def _brute(conn: sqlite3.Connection, query: str, filters: Filters) -> list[int]:
    """Every match passing the filters, in plain SQL over the tables (no tags), ranked the same way."""
    where, args = filter_sql(filters)
    scope, scope_args = "1", []
    if filters.item:
        scope, scope_args = "(r.kind = 'document' OR r.code = ?)", [normalize_item(filters.item)]
    sql = (
        "SELECT search.rowid FROM search JOIN search_rows r ON r.rowid = search.rowid JOIN filings f"
        f" ON f.id = r.filing_id WHERE search MATCH ? AND {where} AND {scope}"
        " ORDER BY bm25(search, 1.0, 0.0), search.rowid"
    )
    return [r[0] for r in conn.execute(sql, [f"text : ({query})", *args, *scope_args])]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(cik="723533"),
        Filters(company="apple"),
        Filters(ticker="NVDA"),
        Filters(form="8-K"),
        Filters(item="8.01"),
        Filters(item="5.02", date_from="2000-01-01"),
        Filters(event="officer_change"),
        Filters(date_from=dt.date(1996, 3, 2), date_to=dt.date(2013, 12, 17)),
        Filters(min_amount=1_500_000, max_amount=2_000_000),
        Filters(min_amount=3, amount_field="milestones", event="license"),
    ],
)
def test_tagged_index_queries_equal_plain_sql(db: Path, filters: Filters) -> None:
    with open_store(db) as store:
        for query in ("company OR agreement OR license", "the"):
            expected = _brute(store.conn, query, filters)
            got = [rowid for rowid, _ in search_plan.ranked(store.conn, query, search_plan.fts_query(
                store.conn, query, filters), residual_sql(filters), limit=1000, window=100_000)]  # fmt: skip
            assert got == expected
            assert expected or query == "the"


def test_a_very_common_query_lists_its_newest_matches_first(db: Path) -> None:
    with open_store(db) as store:
        fts = search_plan.fts_query(store.conn, "the", Filters())
        full = search_plan.ranked(store.conn, "the", fts, ("1", []), limit=1000, window=100_000)
        windowed = search_plan.ranked(store.conn, "the", fts, ("1", []), limit=1000, window=20)
        assert len(full) > 20 and len(windowed) == 20
        assert sorted(r for r, _ in windowed) == sorted(r for r, _ in full)[-20:]
        assert [r for r, _ in windowed] == sorted((r for r, _ in windowed), reverse=True)  # newest first


def test_bad_queries_are_clear_errors_and_never_sql(db: Path) -> None:
    with open_store(db) as store:
        with pytest.raises(SearchError, match="cannot read the search query"):
            store.search('"unterminated phrase')
        with pytest.raises(SearchError, match="empty query"):
            store.search("   ")
        with pytest.raises(SearchError):
            store.search("x'); DROP TABLE filings; --")
        with pytest.raises(SearchError, match="closes nothing"):
            store.search("license) OR (the")  # cannot escape the text column or the filters
        assert store.search("tags : xform8k") == []  # the filter words are out of the query's reach
        assert store.search("nosuchcolumn : word") == []  # a column filter is read as words, never as a column
        assert store.search('"x\'); DROP TABLE filings; --"') == []
        with pytest.raises(SearchError, match="unknown item"):
            store.search("company", item="99.99")
        with pytest.raises(SearchError, match="must be a date"):
            store.search("company", date_from="last tuesday")
        assert store.search("company", company="%") == []  # LIKE wildcards are literal
        assert store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == 16


def test_search_from_the_cli(db: Path) -> None:
    run = [sys.executable, "-m", "eightk", "search"]
    out = subprocess.run([*run, "maytansinoid", "--db", str(db)], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and "ImmunoGen, Inc." in out.stdout and "[maytansinoid]" in out.stdout
    js = subprocess.run(
        [*run, "license", "--json", "--item", "8.01", "--db", str(db)], capture_output=True, text=True, check=False
    )
    hits = [json.loads(line) for line in js.stdout.splitlines()]
    assert hits and {"filing_id", "label", "snippet", "score"} <= set(hits[0])
    bad = subprocess.run([*run, '"oops', "--db", str(db)], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "cannot read the search query" in bad.stderr and "Traceback" not in bad.stderr
    none = subprocess.run([*run, "zzzqqq", "--db", str(db)], capture_output=True, text=True, check=False)
    assert none.returncode == 0 and "No matches." in none.stdout


def test_optimize_merges_the_index_into_one_segment_and_changes_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "segments.db"
    with open_store(path) as store:
        store.ingest([STORE_DATA], workers=1, batch=3)  # one FTS5 segment per small transaction
    queries = [("license", {}), ('"exclusively licensed"', {}), ("result OR results", {"item": "8.01"}), ("the", {})]
    with open_store(path) as store:
        before = [store.search(q, limit=50, **f) for q, f in queries]
        segments = maintain.search_segments(store.conn)
        assert segments > 1
        assert store.optimize() == (segments, 1)
        assert store.optimize() == (1, 1)  # nothing left to merge
        assert [store.search(q, limit=50, **f) for q, f in queries] == before
        assert all(before) and store.stats()["filings"] > 3
    with Store(path, readonly=True) as reader, pytest.raises(StoreError, match="read-only"):
        reader.optimize()
    with open_store(path) as store:
        store.ingest(
            [sample_named("ryankfrench__0000891020-98-001352.txt")], workers=1
        )  # new filings land in a new segment again
        assert maintain.search_segments(store.conn) == 2
    done = subprocess.run(
        [sys.executable, "-m", "eightk", "optimize", "--db", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("full-text index: 2 segment(s) -> 1 (")
    missing = subprocess.run(
        [sys.executable, "-m", "eightk", "optimize", "--db", str(tmp_path / "none.db")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode == 2 and "no such database" in missing.stderr and "Traceback" not in missing.stderr
