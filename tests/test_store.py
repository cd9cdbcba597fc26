"""The store: real SQLite files, real CLI processes, real sample filings."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eightk.api import open_store
from eightk.errors import SearchError
from tests.conftest import SAMPLES, sample_files


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "samples.db"
    with open_store(db) as store:
        report = store.ingest([SAMPLES], workers=2)
    assert report.stored > 40 and report.quarantined == 0
    return db


def test_every_era_is_stored_and_counted(store_db: Path) -> None:
    with open_store(store_db) as store:
        stats = store.stats()
        assert stats["filings"] == len({f["accession"] or f["id"] for f in store.filings()})
        assert stats["first_date"] < "1996" and stats["last_date"] > "2025"
        assert stats["items"]["8.01"] >= 5


def test_reingest_never_duplicates(store_db: Path) -> None:
    with open_store(store_db) as store:
        before = store.conn.execute("SELECT COUNT(*), SUM(bytes) FROM filings").fetchone()
        report = store.ingest([SAMPLES])
        after = store.conn.execute("SELECT COUNT(*), SUM(bytes) FROM filings").fetchone()
    assert report.stored == 0 and report.skipped == len(sample_files())
    assert before == after


def test_search_finds_old_and_new_eras_with_item_filter(store_db: Path) -> None:
    with open_store(store_db) as store:
        hits = store.search("maytansinoid")
        assert hits and hits[0].company == "ImmunoGen, Inc." and hits[0].code == "8.01"
        assert "[maytansinoid]" in hits[0].snippet.lower()
        other_events = store.search("announced OR dividend OR agreement", item="5", limit=200)
        years = {h.date[:4] for h in other_events if h.date}
        assert min(years) < "2004" < max(years)  # Item 5 (old) and Item 8.01 (new) together
        assert all(h.code == "8.01" for h in other_events if h.kind == "item")
        phrase = store.search('"exclusive worldwide rights"')
        assert [h.company for h in phrase] == ["ImmunoGen, Inc."]
        dated = store.search("license", date_from=__import__("datetime").date(2020, 1, 1))
        assert dated and all(h.date >= "2020" for h in dated)


def test_bad_queries_are_clear_errors_not_sql(store_db: Path) -> None:
    with open_store(store_db) as store:
        with pytest.raises(SearchError, match="cannot read the query"):
            store.search('"unterminated phrase')
        with pytest.raises(SearchError):
            store.search("   ")
        with pytest.raises(SearchError):  # the text goes to FTS as a parameter, never into SQL
            store.search("x'); DROP TABLE filings; --")
        assert store.search('"x\'); DROP TABLE filings; --"') == []
        assert store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] > 40
        assert list(store.filings(company="%")) == []  # LIKE wildcards are literal


def test_show_and_export_from_the_cli(store_db: Path, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "eightk"]
    show = subprocess.run(
        [*run, "show", "0001193125-23-194715", "--db", str(store_db)], capture_output=True, text=True, check=False
    )
    assert show.returncode == 0 and "Alnylam" in show.stdout
    missing = subprocess.run(
        [*run, "show", "0000000000-00-000000", "--db", str(store_db)], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 2
    out = tmp_path / "items.csv"
    exp = subprocess.run(
        [*run, "export", "--level", "item", "--format", "csv", "-o", str(out), "--item", "9.01", "--db", str(store_db)],
        capture_output=True,
        text=True,
        check=False,
    )  # noqa: E501
    assert exp.returncode == 0, exp.stderr
    rows = out.read_text().splitlines()
    assert rows[0].startswith("filing_id,") and len(rows) > 10
    pq = tmp_path / "filings.parquet"
    subprocess.run([*run, "export", "--format", "parquet", "-o", str(pq), "--db", str(store_db)], check=True)
    from pyarrow import parquet

    assert parquet.read_table(pq).num_rows > 40


def test_corrupt_inputs_go_to_quarantine_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "noise.bin").write_bytes(os.urandom(4000))
    shutil.copy(SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt", src / "seed.txt")
    with open_store(tmp_path / "q.db") as store:
        report = store.ingest([src])
        reasons = dict(store.conn.execute("SELECT name, reason FROM quarantine").fetchall())
        assert report.stored == 1 and report.quarantined == 2
        assert "empty" in reasons[str(src / "empty.txt")]
        assert "not_text" in reasons[str(src / "noise.bin")]
        assert store.get(1) is not None and store.get(1).registrant.name == "ImmunoGen, Inc."  # type: ignore[union-attr]


def _corpus(tmp_path: Path, copies: int) -> Path:
    """Distinct filings: bare primary documents re-issued under fresh accession numbers."""
    base = [p for p in sample_files() if p.suffix in (".htm", ".html")]
    out = tmp_path / "corpus"
    out.mkdir()
    n = 0
    for c in range(copies):
        for p in base:
            n += 1
            data = p.read_bytes() + f"\n<!-- copy {c} -->\n".encode()
            (out / f"0009999999-26-{n:06d}__{p.name}").write_bytes(data)
    return out


def _dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = ["filings", "items", "documents", "events", "problems", "search_rows", "inputs", "quarantine"]
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        out["fts"] = conn.execute(
            "SELECT rowid, bm25(search) FROM search WHERE search MATCH 'results OR director' ORDER BY rowid"
        ).fetchall()
        return out
    finally:
        conn.close()


def test_kill_9_then_resume_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, copies=12)
    total = len(list(corpus.iterdir()))
    cmd = [sys.executable, "-m", "eightk", "ingest", str(corpus), "--workers", "2", "--batch", "10"]
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([*cmd, "--db", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    count = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if killed.exists():
            try:
                with sqlite3.connect(killed, timeout=1) as c:
                    count = c.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
            except sqlite3.Error:
                count = 0
            if count >= 20:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(killed) as c:
        partial = c.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    assert 0 < partial < total, "the ingest was not interrupted mid-way"
    subprocess.run([*cmd, "--db", str(killed)], check=True, capture_output=True)
    clean = tmp_path / "clean.db"
    subprocess.run([*cmd, "--db", str(clean)], check=True, capture_output=True)
    a, b = _dump(killed), _dump(clean)
    assert len(a["filings"]) == total
    for table in a:
        assert a[table] == b[table], table
