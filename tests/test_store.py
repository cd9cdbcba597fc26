"""The store: real SQLite files, real CLI processes, real corpus filings (tests/data/store/SOURCES.tsv)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eightk.api import open_store
from eightk.errors import StoreError
from eightk.store.schema import SCHEMA_VERSION, migrate
from tests.conftest import store_data

STORE_DATA = store_data()
CLI = [sys.executable, "-m", "eightk"]
SEED_NAME = "immunogen-genentech-2000-05-04.txt"


def fixture_files() -> list[Path]:
    return sorted(p for p in STORE_DATA.iterdir() if p.suffix in (".txt", ".htm"))


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, check=False, env=env)


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "fixtures.db"
    with open_store(db) as store:
        report = store.ingest([STORE_DATA], workers=2)
    assert report.quarantined == 0 and report.stored == len(fixture_files()) - 1  # one is a lesser duplicate
    return db


def test_every_era_is_stored_once(store_db: Path) -> None:
    with open_store(store_db) as store:
        stats = store.stats()
        rows = list(store.filings())
        assert stats["filings"] == len(rows) == 16
        assert stats["first_date"] == "1995-09-29" and stats["last_date"] == "2024-11-07"
        assert stats["items"]["8.01"] >= 5 and stats["events"]["license"] == 1
        # The full submission of 0000084581-00-500009 wins over its bare primary document.
        rock = [r for r in rows if r.accession == "0000084581-00-500009"]
        assert len(rock) == 1 and rock[0].format == "sgml"
        assert [r.date_of_report for r in rows] == sorted((r.date_of_report for r in rows), reverse=True)


def test_get_returns_the_typed_record_with_texts(store_db: Path) -> None:
    with open_store(store_db) as store:
        filing = store.get("0000320193-96-000027")
        assert filing is not None and filing.registrant.name == "Apple Computer, Inc."
        assert filing.registrant.cik == "320193" and filing.filed_at is not None
        assert "NeXT" in filing.text(filing.documents[-1].sequence) or "NEXT" in filing.text(2)
        same = store.get(store.get_id("0000320193-96-000027"))
        assert same is not None and same.to_dict() == filing.to_dict()
        seed = store.get(next(r.id for r in store.filings(company="immunogen")))
        assert seed is not None and seed.accession is None and seed.events[0].type == "license"
        assert store.get(f"sha256:{seed.source.sha256}") is not None
        assert store.get("0000000000-00-000000") is None


def test_reingest_never_duplicates(store_db: Path) -> None:
    with open_store(store_db) as store:
        before = store.conn.execute("SELECT COUNT(*), SUM(bytes), MAX(id) FROM filings").fetchone()
        fts_before = store.conn.execute("SELECT COUNT(*) FROM search").fetchone()
        report = store.ingest([STORE_DATA])
        after = store.conn.execute("SELECT COUNT(*), SUM(bytes), MAX(id) FROM filings").fetchone()
        assert report.stored == 0 and report.skipped == len(fixture_files())
        assert before == after and fts_before == store.conn.execute("SELECT COUNT(*) FROM search").fetchone()


def test_a_changed_filing_replaces_the_old_one_in_place(tmp_path: Path) -> None:
    src = STORE_DATA / "ryankfrench__0000723533-04-000001.txt"
    first, second = tmp_path / "a" / src.name, tmp_path / "b" / src.name
    first.parent.mkdir(), second.parent.mkdir()
    shutil.copy(src, first)
    second.write_bytes(src.read_bytes().replace(b"SIGNATURES", b"Zanzibarian addendum.\n\nSIGNATURES", 1))
    with open_store(tmp_path / "r.db") as store:
        store.ingest([first])
        fid = store.get_id("0000723533-04-000001")
        assert store.search("zanzibarian") == []
        store.ingest([second])
        assert store.conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == 1
        assert store.get_id("0000723533-04-000001") == fid  # same id, new content
        hits = store.search("zanzibarian")
        assert [h.filing_id for h in hits] == [fid]
        orphans = store.conn.execute(
            "SELECT COUNT(*) FROM search_rows r WHERE NOT EXISTS (SELECT 1 FROM search s WHERE s.rowid = r.rowid)"
        ).fetchone()[0]
        assert (
            orphans == 0
            and store.conn.execute("SELECT COUNT(*) FROM search").fetchone()[0]
            == (store.conn.execute("SELECT COUNT(*) FROM search_rows").fetchone()[0])
        )


def test_plain_sql_answers_structured_questions(store_db: Path) -> None:
    """What Datasette or sqlite-utils users write: deals with an upfront payment of at least $1M."""
    conn = sqlite3.connect(store_db)
    try:
        rows = conn.execute(
            "SELECT f.company, v.num_value, v.currency FROM event_values v JOIN filings f ON f.id = v.filing_id"
            " WHERE v.type IN ('license', 'collaboration') AND v.field = 'upfront' AND v.num_value >= 1e6"
        ).fetchall()
        assert rows == [("ImmunoGen, Inc.", 2_000_000.0, "USD")]
        deal = conn.execute("SELECT company, upfront, milestones, currency FROM deal_terms").fetchall()
        assert deal == [("ImmunoGen, Inc.", 2_000_000.0, 40_000_000.0, "USD")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        assert {"filings", "filers", "items", "signatures", "exhibits", "documents", "events", "event_values",
                "problems", "quarantine", "raw", "deal_terms", "filing_items"} <= tables  # fmt: skip
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_migrations_upgrade_old_databases_and_refuse_newer_ones(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=1)
    conn.close()
    with open_store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION
        )
        store.ingest([STORE_DATA / SEED_NAME])
        assert store.conn.execute("SELECT upfront FROM deal_terms").fetchone()[0] == 2_000_000
        store.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this eightk"):
        open_store(db)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="not an eightk database"):
        open_store(other)
    assert cli("stats", "--db", str(other)).returncode == 1


def test_corrupt_inputs_go_to_quarantine_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-empty.txt").write_bytes(b"")
    (src / "b-noise.bin").write_bytes(bytes(range(256)) * 40)
    (src / "c-broken.tar.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not a gzip stream")
    shutil.copy(STORE_DATA / SEED_NAME, src / "d-seed.txt")
    with open_store(tmp_path / "q.db") as store:
        report = store.ingest([src], workers=2)
        reasons = dict(store.conn.execute("SELECT name, reason FROM quarantine").fetchall())
        assert report.stored == 1 and report.quarantined == 3
        assert "empty" in reasons[str(src / "a-empty.txt")]
        assert "not_text" in reasons[str(src / "b-noise.bin")]
        assert str(src / "c-broken.tar.gz") in reasons
        seed = store.get(1)
        assert seed is not None and seed.registrant.name == "ImmunoGen, Inc."
        again = store.ingest([src])  # quarantined inputs are remembered, not duplicated
        assert again.stored == 0 and store.conn.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0] == 3
    out = cli("ingest", str(src), "--db", str(tmp_path / "cli.db"), "--workers", "1")
    assert out.returncode == 1 and "3 quarantined" in out.stdout and "a-empty.txt" in out.stderr


def test_reparse_rebuilds_every_record_without_the_source(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(STORE_DATA, src)
    db = tmp_path / "r.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    before = _records(db)
    shutil.rmtree(src)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM items")  # as if an older parser had found nothing
    conn.commit()
    conn.close()
    out = cli("reparse", "--db", str(db), "--workers", "2")
    assert out.returncode == 0 and "Reparsed 16 filings" in out.stdout, out.stderr
    assert _records(db) == before


def _records(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        return {
            "filings": conn.execute("SELECT id, key, sha256, company, date FROM filings ORDER BY id").fetchall(),
            "items": conn.execute("SELECT * FROM items ORDER BY filing_id, position").fetchall(),
            "search": conn.execute("SELECT filing_id, kind, ref, label FROM search_rows ORDER BY rowid").fetchall(),
            "hits": conn.execute(
                "SELECT r.filing_id, r.ref FROM search JOIN search_rows r ON r.rowid = search.rowid"
                " WHERE search MATCH 'agreement' ORDER BY rank"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_show_stats_and_the_db_from_the_environment(store_db: Path) -> None:
    env = {**os.environ, "EIGHTK_DB": str(store_db)}
    show = cli("show", "0000320193-96-000027", env=env)
    assert show.returncode == 0 and "Apple Computer, Inc." in show.stdout and "Item 5" in show.stdout
    record = json.loads(cli("show", "1", "--json", env=env).stdout)
    assert record["registrant"]["name"] == "ImmunoGen, Inc." and record["schema"] == 1
    missing = cli("show", "0000000000-00-000000", env=env)
    assert missing.returncode == 2 and "no stored filing" in missing.stderr
    stats = json.loads(cli("stats", "--json", env=env).stdout)
    assert stats["filings"] == 16 and stats["schema"] == SCHEMA_VERSION
    assert "16 filings" in cli("stats", env=env).stdout


def test_export_per_filing_item_and_event(store_db: Path, tmp_path: Path) -> None:
    db = ["--db", str(store_db)]
    items = tmp_path / "items.csv"
    out = cli("export", "--level", "item", "--format", "csv", "-o", str(items), "--item", "5", *db)
    assert out.returncode == 0, out.stderr
    lines = items.read_text().splitlines()
    assert lines[0].startswith("filing_id,accession,cik,company") and len(lines) > 6
    code = lines[0].split(",").index("code")
    assert {row[code] for row in csv.reader(lines[1:])} == {"8.01"}  # that item's rows only, both eras
    exported = cli("export", "--level", "event", "--event", "license", *db).stdout.splitlines()
    licences = [json.loads(line) for line in exported]
    assert licences and {e["type"] for e in licences} == {"license"}
    events = [json.loads(line) for line in cli("export", "--level", "event", *db).stdout.splitlines()]
    deal = next(e for e in events if e["type"] == "license")
    assert deal["upfront"] == 2_000_000 and deal["upfront_currency"] == "USD" and "Genentech" in deal["parties"]
    assert {e["type"] for e in events} >= {"officer_change", "auditor_change", "acquisition"}
    pq = tmp_path / "filings.parquet"
    assert cli("export", "--format", "parquet", "-o", str(pq), "--from", "2010-01-01", *db).returncode == 0
    from pyarrow import parquet

    table = parquet.read_table(pq)
    assert table.num_rows == 6  # 2013, 2017, 2019 (2), 2021, 2024
    assert all(d >= dt.date(2010, 1, 1) for d in table.column("date_of_report").to_pylist())  # date32 column
    no_out = cli("export", "--format", "parquet", *db)
    assert no_out.returncode == 2 and "-o FILE" in no_out.stderr
