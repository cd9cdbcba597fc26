"""The answer cache of `eightk serve` against a real server process: a repeated request is answered from
the cache with the same bytes, and a filing ingested while the server runs is found at once (a commit by
another process drops every cached answer)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.web.conftest import HOSTILE, Server, start_server, stop_server

WORD = "quetzalcoatlus"  # in no sample filing


def _raw(server: Server, path: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(server.base + path, timeout=30) as resp:
        return resp.headers["x-eightk-cache"], resp.read()


def _new_filing(folder: Path) -> Path:
    """A filing of another accession whose texts contain ``WORD``."""
    text = HOSTILE.read_text(encoding="utf-8").replace("0009999999-26-000001", "0009999999-26-000002")
    path = folder / "new-filing.txt"
    path.write_text(text.replace("zanzibar", WORD), encoding="utf-8")
    return path


def test_cached_answers_repeat_and_a_commit_drops_them(server: Server, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copyfile(server.db, db)
    copy = start_server(db, "--rate-limit", "0")
    try:
        search = "/api/search?" + urllib.parse.urlencode({"q": WORD})
        deals = "/api/deals?sort=upfront&limit=5"
        assert _raw(copy, search)[0] == "miss"
        state, body = _raw(copy, search)
        assert state == "hit" and copy.get(search)[2]["hits"] == []
        first = _raw(copy, deals)
        assert _raw(copy, deals) == ("hit", first[1])
        assert first[0] == "miss" and first[1] == _raw(server, deals)[1]  # same bytes as the shared server's

        cmd = [sys.executable, "-m", "eightk", "ingest", str(_new_filing(tmp_path)), "--db", str(db)]
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, timeout=120)

        state, body = _raw(copy, search)
        assert state == "miss" and json.loads(body)["hits"]
        hits = copy.get(search)[2]["hits"]
        assert {h["filing_key"] for h in hits} == {"0009999999-26-000002"}
        assert _raw(copy, deals)[0] == "miss"  # every answer was dropped, not only the search's
    finally:
        stop_server(copy)


def test_cache_off_computes_every_answer(server: Server, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copyfile(server.db, db)
    off = start_server(db, "--rate-limit", "0", "--cache-mb", "0")
    try:
        for _ in range(3):
            state, body = _raw(off, "/api/deals?sort=upfront&limit=5")
            assert state == "miss" and body == _raw(server, "/api/deals?sort=upfront&limit=5")[1]
    finally:
        stop_server(off)


def test_an_answer_computed_before_a_commit_is_never_served_after_it(tmp_path: Path) -> None:
    """The race the version check closes: a miss looked up, the database changed by another connection,
    then the (old) answer kept. The next lookup must not return it; an answer kept at the current
    version is returned until the next change."""
    import sqlite3

    from eightk.web.cache import AnswerCache

    db = tmp_path / "x.db"
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (x)")
    cache = AnswerCache(sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False), 1_000_000)
    body, version = cache.lookup("k")
    assert body is None
    writer.execute("INSERT INTO t VALUES (1)")  # committed by another connection meanwhile
    cache.keep("k", version, b"old")
    assert cache.lookup("k")[0] is None
    body, version = cache.lookup("k")
    cache.keep("k", version, b"new")
    assert cache.lookup("k")[0] == b"new" and cache.lookup("k")[0] == b"new"
    writer.execute("INSERT INTO t VALUES (2)")
    assert cache.lookup("k")[0] is None
    assert (cache.hits, cache.misses) == (2, 4)


def test_worker_processes_share_one_cache_and_all_see_a_commit(server: Server, tmp_path: Path) -> None:
    """`--workers 2`: each request opens a new connection, which either process may take. One answer
    serves both, and after an ingest no process answers from before it."""
    db = tmp_path / "copy.db"
    shutil.copyfile(server.db, db)
    two = start_server(db, "--rate-limit", "0", "--workers", "2")
    try:
        search = "/api/search?" + urllib.parse.urlencode({"q": WORD})
        states = [_raw(two, search)[0] for _ in range(12)]
        assert states.count("miss") <= 2 and states[-1] == "hit", states
        cmd = [sys.executable, "-m", "eightk", "ingest", str(_new_filing(tmp_path)), "--db", str(db)]
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, timeout=120)
        after = [_raw(two, search) for _ in range(12)]
        assert all(json.loads(body)["hits"] for _, body in after)  # never the empty answer from before
        assert [s for s, _ in after].count("miss") <= 3 and after[-1][0] == "hit", [s for s, _ in after]
    finally:
        stop_server(two)
