"""The command line's edges (issue 10): --version, option validation, stats by CIK, typed export schemas,
bad output paths, and progress bars on a terminal only. Every command runs as a real process on a real
SQLite file; the terminal is a real pseudo-terminal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from eightk import Filing, __version__, parse_filing
from eightk.store import open_store
from eightk.store.export import COLUMNS
from eightk.store.write import prepare, put_rows
from tests.conftest import SAMPLES, SEED

EIGHTK = [sys.executable, "-m", "eightk"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EIGHTK, *args], capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli_edges")
    for p in sorted((SAMPLES / "2000s").glob("*"))[:6] + [SEED]:
        if not p.name.endswith(".json"):
            shutil.copy(p, folder / p.name)
    db = folder / "small.db"
    done = cli("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    return db


def test_version() -> None:
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"eightk {__version__}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--limit", "0"], "--limit: must be at least 1"),
        (["--limit", "-3"], "--limit: must be at least 1"),
        (["--limit", "ten"], "is not a whole number"),
        (["--event", "merger_of_equals"], "unknown event 'merger_of_equals': use one of license"),
        (["--item", "77"], "unknown item '77'"),
        (["--amount-field", "foo", "--min-amount", "1"], "unknown money field 'foo': use one of upfront"),
        (["--currency", "dollars", "--min-amount", "1"], "'dollars' is no currency code"),
        (["--currency", "USD"], "--currency only narrows an amount filter: give --min-amount or --max-amount too"),
    ],
)
def test_bad_search_options_are_usage_errors(small_db: Path, args: list[str], says: str) -> None:
    out = cli("search", "agreement", "--db", str(small_db), *args)
    assert out.returncode == 2 and says in out.stderr and "Traceback" not in out.stderr


def test_known_event_is_accepted(small_db: Path) -> None:
    assert cli("search", "license", "--event", "license", "--db", str(small_db)).returncode == 0


def test_stats_counts_companies_by_cik(tmp_path: Path) -> None:
    """One CIK under two spellings is one company; a filing without a CIK whose name is known under one
    adds none; a filing without a CIK under an unknown name is one more."""
    base = parse_filing(SEED.read_bytes(), name="seed.txt")

    def variant(name: str, cik: str | None, accession: str) -> Filing:
        reg = dataclasses.replace(base.registrant, name=name, cik=cik)
        return dataclasses.replace(base, registrant=reg, accession=accession)

    with open_store(tmp_path / "s.db") as store:
        for filing in (
            variant("ImmunoGen, Inc.", "855654", "0000000001-00-000001"),
            variant("IMMUNOGEN INC", "855654", "0000000001-00-000002"),
            variant("ImmunoGen, Inc.", None, "0000000001-00-000003"),
            variant("Other Co", None, "0000000001-00-000004"),
        ):
            put_rows(store.conn, prepare(filing, None))
        store.conn.commit()
        stats = store.stats()
    assert stats["filings"] == 4 and stats["companies"] == 2


@pytest.mark.parametrize("level", ["filing", "item", "event"])
def test_export_schema_is_fixed_and_typed(small_db: Path, tmp_path: Path, level: str) -> None:
    from pyarrow import parquet

    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    db = ["--db", str(small_db), "--level", level, "--format", "parquet"]
    assert cli("export", *db, "-o", str(full)).returncode == 0
    assert cli("export", *db, "-o", str(empty), "--cik", "1").returncode == 0
    a, b = parquet.read_table(full), parquet.read_table(empty)
    assert a.num_rows > 0 and b.num_rows == 0
    assert a.schema.equals(b.schema) and a.schema.names == [name for name, _ in COLUMNS[level]]
    types = {f.name: str(f.type) for f in a.schema}
    assert types["date_of_report"] == "date32[day]" and types["filing_id"] == "int64"
    if level == "event":
        assert types["upfront"] == "double" and types["upfront_currency"] == "string"
        assert types["consideration"] == "double" and types["completed"] == "date32[day]"
    assert all(isinstance(d, dt.date) for d in a.column("date_of_report").to_pylist() if d is not None)
    csv_out = cli("export", "--db", str(small_db), "--level", level, "--format", "csv", "--cik", "1")
    assert csv_out.stdout.splitlines() == [",".join(name for name, _ in COLUMNS[level])]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_bad_output_path_is_a_clear_error(small_db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "no" / "such" / "folder" / f"out.{fmt}"
    out = cli("export", "--db", str(small_db), "--format", fmt, "-o", str(target))
    assert out.returncode == 1 and "Traceback" not in out.stderr and "Exception ignored" not in out.stderr
    assert f"{target}: cannot write: No such file or directory" in out.stderr


def _on_a_terminal(*args: str) -> tuple[str, str]:
    """Run eightk with standard error on a pseudo-terminal: (stdout, what the terminal showed)."""
    main, term = pty.openpty()
    fcntl.ioctl(term, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 40 rows, 120 columns
    env = dict(os.environ)
    proc = subprocess.Popen([*EIGHTK, *args], stdout=subprocess.PIPE, stderr=term, env=env)
    os.close(term)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    stdout = proc.communicate(timeout=300)[0]
    os.close(main)
    return stdout.decode(), shown.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    folder = SAMPLES / "2000s"
    n = sum(1 for p in folder.iterdir() if not p.name.endswith(".json"))
    stdout, shown = _on_a_terminal("parse", str(folder), "--summary")
    assert f"Read {n} filings" in stdout
    assert f"{n}/{n}" in shown and "100%" in shown and "filing/s" in shown
    db = tmp_path / "p.db"
    _, shown = _on_a_terminal("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert f"{n}/{n}" in shown and "100%" in shown
    piped = cli("parse", str(folder), "--summary")
    assert piped.returncode == 0 and "%" not in piped.stderr and "filing/s" not in piped.stderr
