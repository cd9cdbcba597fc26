"""Hostile option values and a full disk (issue 13): a clear error, never a traceback, nothing lost."""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eightk.api import open_store
from eightk.errors import SearchError, StoreError
from eightk.search import plan as search_plan
from tests.conftest import SAMPLES, sample_files, store_data

STORE_DATA = store_data()
EIGHTK = [sys.executable, "-m", "eightk"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-search") / "s.db"
    with open_store(path) as store:
        store.ingest([STORE_DATA], workers=1)
    return path


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        ({"company": "ACME " * 10_000}, "company must be under 200 characters"),
        ({"ticker": "X" * 5_000}, "ticker must be under 200 characters"),
        ({"company": "Immuno\0Gen"}, "company must be under"),
        ({"min_amount": float("inf")}, "min_amount must be a finite number"),
        ({"min_amount": float("nan")}, "min_amount must be a finite number"),
        ({"max_amount": "1e400"}, "max_amount must be a finite number"),
        ({"min_amount": "lots"}, "min_amount must be a number"),
        ({"item": "9" * 150}, "unknown item"),
    ],
)
def test_filter_values_no_filing_can_match_are_a_clear_error(db: Path, filters: dict, says: str) -> None:
    with open_store(db) as store:
        with pytest.raises(SearchError, match=says) as got:
            store.search("agreement", **filters)
        assert len(str(got.value)) < 400  # the value is quoted shortened, not echoed whole
        with pytest.raises(SearchError, match=says):
            list(store.rows("filing", **filters))


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("a AND " * 16_000 + "a", "under 1,000 characters"),
        ("NEAR(" + "company " * 200 + ", 10)", "under 1,000 characters"),
        (" AND ".join(["a"] * 17), "has 17 terms; at most 16"),
        (" OR ".join(["com*"] * 40), "has 40 terms"),
        ("NEAR(" + '"the company" ' * 20 + ")", "has 20 terms"),
        ("agreement\0", "must be text"),
    ],
)
def test_queries_past_the_length_and_term_limits_are_refused_at_once(db: Path, query: str, says: str) -> None:
    """Such queries used to run for minutes: FTS5's cost grows with the square of the terms."""
    with open_store(db) as store, pytest.raises(SearchError, match=says):
        store.search(query)


def test_queries_within_the_limits_still_run(db: Path) -> None:
    with open_store(db) as store:
        assert store.search(" OR ".join(["maytansinoid"] * 16))
        assert store.search('NEAR("maytansinoid" conjugate, 20) OR immunogen')
        assert store.search("immunogen", date_from="0001-01-01", date_to="9999-12-31")
        with pytest.raises(SearchError, match="limit must be a whole number"):
            store.search("immunogen", limit=float("inf"))


def test_a_query_still_running_at_the_deadline_is_stopped_with_a_clear_error(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_plan, "SEARCH_SECONDS", -1.0)  # every query is past its deadline
    monkeypatch.setattr(search_plan, "_PROGRESS_OPS", 1)
    with open_store(db) as store:
        with pytest.raises(SearchError, match="was stopped"):
            store.search("agreement")
        monkeypatch.setattr(search_plan, "SEARCH_SECONDS", 30.0)
        assert store.search("maytansinoid")  # the connection is left as it was


def test_the_cli_answers_hostile_options_with_one_line_and_no_traceback(db: Path) -> None:
    for extra in (
        ["--min-amount", "inf"],
        ["--min-amount", "1e400"],
        ["--max-amount", "nan"],
        ["--company", "x" * 50_000],
    ):
        run = subprocess.run(
            [*EIGHTK, "search", "agreement", "--db", str(db), *extra],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert run.stderr.startswith("eightk: error: ") and run.stderr.count("\n") == 1


def test_a_full_database_rolls_back_its_batch_and_keeps_what_was_committed(tmp_path: Path) -> None:
    """SQLite rolls a transaction back itself when the disk is full; the ROLLBACK that followed used to
    fail too, and the user saw two chained tracebacks."""
    files = sample_files()
    path = tmp_path / "full.db"
    with open_store(path) as store:
        store.ingest(files[:3], workers=1)
        before = store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # a disk with 32 KB left
        with pytest.raises(StoreError, match="database or disk is full.*run the same command again") as got:
            store.ingest(files, workers=1, batch=1000)
        assert got.value.__cause__ is None and got.value.__suppress_context__
        assert store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == before
        assert not store.conn.in_transaction
    with open_store(path) as store:  # space again: the same command finishes, nothing twice
        store.ingest(files, workers=1)
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM filings").fetchone()
        assert stored[0] == stored[1] > before


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_the_cli_on_a_disk_that_fills_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    with open_store(path) as store:
        store.ingest([SAMPLES / "2000s"], workers=1)
        before = store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    limit = 128 << 10  # no file (the write-ahead log included) may grow past 128 KB
    run = subprocess.run(
        [*EIGHTK, "ingest", str(SAMPLES), "--db", str(path), "--workers", "1"],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: _limit_file_size(limit),  # noqa: PLW1509 - only sets limits, then exec
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "cannot write to the database" in run.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] >= before


_VALUES = ["inf", "-inf", "nan", "1e400", "-1", "0", "", "x" * 60_000, "\u202e", "'; DROP TABLE filings;--", '"', "(",
           "NEAR(", "a" * 2000, "9" * 400, "\u00b2", "2020-13-45", "0001-01-01", "9999-12-31"]  # fmt: skip
_COMMANDS = [
    ["search", "{}"], ["search", "x", "--company", "{}"], ["search", "x", "--min-amount", "{}"],
    ["search", "x", "--limit", "{}"], ["search", "x", "--from", "{}"], ["search", "x", "--item", "{}"],
    ["search", "x", "--cik", "{}"], ["search", "x", "--ticker", "{}"], ["show", "{}"],
    ["export", "--format", "jsonl", "--level", "filing", "--max-amount", "{}"], ["export", "--level", "{}"],
]  # fmt: skip


def test_no_option_value_gets_a_traceback_from_any_command(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI in-process over hostile values: every call ends with an exit code, never an exception."""
    from eightk.cli import main

    codes = []
    for command in _COMMANDS:
        for value in _VALUES:
            argv = [part.replace("{}", value) for part in command] + ["--db", str(db)]
            try:
                codes.append(main(argv))
            except SystemExit as exc:  # argparse's usage error
                codes.append(exc.code)
            capsys.readouterr()
    assert set(codes) <= {0, 1, 2} and codes.count(0) > 10
