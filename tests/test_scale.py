"""Distributed ingest on a local Dask cluster: Parquet shards loaded into the store give the same database
as a direct ingest, table by table (ids, rows and the full-text index); loading again changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from eightk.cli import main
from tests.conftest import SAMPLES


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    # The FTS5 table is compared by its content; its shadow tables (search_data, …) follow from it.
    plain = [n for n in names if n != "search" and not (n.startswith("search_") and n != "search_rows")]
    out = {n: conn.execute(f"SELECT rowid, * FROM {n} ORDER BY rowid").fetchall() for n in plain}
    out["search"] = conn.execute("SELECT rowid, text, tags FROM search ORDER BY rowid").fetchall()
    conn.close()
    return out


def test_dask_shards_equal_a_direct_ingest(tmp_path, capsys):
    direct, dask = tmp_path / "direct.db", tmp_path / "dask.db"
    shards = tmp_path / "shards"
    assert main(["ingest", str(SAMPLES), "--workers", "1", "--db", str(direct)]) == 0
    args = ["ingest", str(SAMPLES), "--engine", "dask", "--workers", "2", "--db", str(dask), "--shards", str(shards)]
    assert main(args) == 0
    assert "Parsed" in capsys.readouterr().err
    want, got = _tables(direct), _tables(dask)
    assert set(want) == set(got)
    for table in want:
        assert got[table] == want[table], table
    assert len(want["filings"]) > 40 and len(want["search"]) > 100
    # The shards are a data set of their own: the filings' columns under the database's names.
    inputs = pq.read_table(shards / "inputs").to_pydict()
    assert {a for a in inputs["accession"] if a} == {r[3] for r in want["filings"] if r[3]}  # rowid, id, key, accession
    # Loading again (or into a database that already has them) stores nothing twice.
    assert main(["load", str(shards), "--db", str(dask)]) == 0
    assert _tables(dask) == want


def test_load_without_shards_is_a_usage_error(tmp_path, capsys):
    assert main(["load", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert "no Parquet shards" in capsys.readouterr().err


def test_inputs_by_url_through_fsspec(tmp_path):
    """A URL (here file://, as s3:// would be) is listed and read through fsspec on the workers."""
    direct, by_url = tmp_path / "direct.db", tmp_path / "url.db"
    assert main(["ingest", str(SAMPLES), "--workers", "1", "--db", str(direct)]) == 0
    args = ["ingest", SAMPLES.resolve().as_uri(), "--engine", "dask", "--workers", "1", "--db", str(by_url)]
    assert main(args) == 0
    want, got = _tables(direct), _tables(by_url)
    key = 2  # rowid, id, key (the accession, or the sha256 when there is none)
    assert sorted(r[key] for r in got["filings"]) == sorted(r[key] for r in want["filings"])
    assert len(got["items"]) == len(want["items"]) and len(got["events"]) == len(want["events"])
    assert all(r[2].startswith("file://") for r in got["raw"])  # rowid, filing_id, name: where each came from
