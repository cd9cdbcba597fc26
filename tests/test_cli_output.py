"""The command line's outputs as issue 10 asks: parse prints JSON Lines or one JSON array, never objects
back to back; reading commands refuse a database that does not exist; search takes what people type;
show prints the filing as a person reads it. Real CLI processes, a real SQLite file of the samples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SEED


def _eightk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eightk", *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_parse_prints_json_lines_by_default_and_an_array_with_json() -> None:
    files = [str(p) for p in sorted((SAMPLES / "1990s").glob("*.txt"))[:3]]
    lines = _eightk("parse", *files).stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["schema"] == 1 for line in lines)
    array = json.loads(_eightk("parse", "--json", *files).stdout)
    assert [r["source"]["path"] for r in array] == [json.loads(line)["source"]["path"] for line in lines]
    assert json.loads(_eightk("parse", "--json", str(SEED)).stdout)[0]["registrant"]["name"] == "ImmunoGen, Inc."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "samples.db")
    proc = _eightk("ingest", str(SAMPLES), "--db", path, "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    return path


def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    for args in (["search", "license"], ["stats"], ["show", "1"], ["export", "--format", "jsonl", "--level", "filing"]):
        proc = _eightk(*args, "--db", str(missing))
        assert proc.returncode == 2 and "no such database" in proc.stderr and "Traceback" not in proc.stderr
    assert not missing.exists()  # nothing was created


@pytest.mark.parametrize(
    "query", ["spin-off", "Form 8-K", "8-K/A", "Apple's", "S&P 500", "$1 billion", "AT&T", "10.5%", "up-front payment"]
)
def test_search_takes_what_people_type(db: str, query: str) -> None:
    proc = _eightk("search", query, "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    assert all(json.loads(line)["filing_id"] for line in proc.stdout.splitlines())  # hits as JSON Lines


def test_search_keeps_operators_and_reads_tokens_as_phrases(db: str) -> None:
    from eightk.search.plan import user_query

    assert user_query('license AND "up to" OR royalt* NOT (a b)') == 'license AND "up to" OR royalt* NOT ( a b )'
    assert user_query("spin-off AT&T 10.5%") == '"spin-off" "AT&T" "10.5%"'
    hits = [
        json.loads(line) for line in _eightk("search", "up-front payment", "--db", db, "--json").stdout.splitlines()
    ]
    assert any("ImmunoGen" in (h.get("company") or "") for h in hits)


def test_show_prints_cover_items_signatures_exhibits_and_events(db: str) -> None:
    hits = [json.loads(line) for line in _eightk("search", "maytansinoid", "--db", db, "--json").stdout.splitlines()]
    proc = _eightk("show", str(hits[0]["filing_id"]), "--db", db)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "ImmunoGen, Inc." in out and "State of incorporation: MA" in out
    assert "Item 5 [8.01] OTHER EVENTS" in out and "exclusively licensed" in out
    assert "Signed: Kathleen A. Carroll" in out and "Exhibit 99.1" in out
    assert "Event: license" in out and "upfront: 2,000,000 USD" in out and "up to 40,000,000 USD" in out


def test_a_search_hit_in_a_bare_text_names_its_file(tmp_path: Path) -> None:
    # a new-user test: hits in ingested press releases printed "????-??-??  ?  #3  document 1", and --json had
    # no company and no path; the file's name now stands beside the hit (its name only, in the API too)
    release = tmp_path / "quidel-release.txt"  # a real release (tests/data/deals/extra7/037.txt)
    release.write_bytes((Path(__file__).parent / "data" / "deals" / "extra7" / "texts" / "037.txt").read_bytes())
    db = str(tmp_path / "bare.db")
    assert _eightk("ingest", str(release), "--db", db).returncode == 0
    proc = _eightk("search", "Quidel", "--db", db)
    assert proc.returncode == 0 and "quidel-release.txt" in proc.stdout.splitlines()[0], proc.stdout
    (hit,) = [json.loads(line) for line in _eightk("search", "Quidel", "--db", db, "--json").stdout.splitlines()]
    assert hit["source"] == "quidel-release.txt"
