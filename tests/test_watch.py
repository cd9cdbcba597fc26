"""``eightk watch`` against the local EDGAR server: a filing published while it runs is fetched,
ingested and reported within one polling interval, once; filings that do not match are not reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from eightk.sources.edgar_files import read_header
from eightk.sources.edgar_testserver import EdgarTestServer
from tests.conftest import SAMPLES

UA = "eightk tests tests@example.org"
FEED = "/cgi-bin/browse-edgar"


def _wait(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _new_filer(raw: bytes) -> bytes:
    """A sample submission under a new accession number and a new filer CIK (as a new filing would be)."""
    sub = read_header(raw)
    assert sub is not None
    old_cik = f"{int(sub.cik):010d}".encode()
    return raw.replace(sub.accession.encode(), b"0009999999-26-000001").replace(old_cik, b"0009999999")


def test_watch_reports_a_new_filing_once(tmp_path: Path) -> None:
    every = 2.0
    out = tmp_path / "matches.jsonl"
    sample = next(
        p for p in sorted(SAMPLES.rglob("*.txt")) if (s := read_header(p.read_bytes())) and s.form_type == "8-K"
    )
    with EdgarTestServer.from_folder(SAMPLES) as server:
        cmd = [sys.executable, "-m", "eightk", "watch", "the", "--cik", "9999999", "--every", str(every)]
        cmd += ["--base-url", server.url, "--archive", str(tmp_path / "a"), "--db", str(tmp_path / "w.db")]
        proc = subprocess.Popen([*cmd, "--jsonl", str(out)], env={**os.environ, "EIGHTK_USER_AGENT": UA})
        try:
            # The first poll catches up with the feed (the samples, none of them matching); then publish.
            assert _wait(lambda: len(server.requests_to(FEED)) >= 2, 120)
            published = time.time()
            entry = server.publish(_new_filer(sample.read_bytes()))
            assert _wait(lambda: out.exists() and out.read_text(encoding="utf-8").strip() != "", 60)
            polls = len(server.requests_to(FEED))
            assert _wait(lambda: len(server.requests_to(FEED)) >= polls + 2, 30)
        finally:
            proc.terminate()
            proc.wait()
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["accession"] for r in lines] == [entry.accession]
    assert lines[0]["cik"] == "9999999"
    downloads = [r for r in server.requests_to("/Archives/" + entry.path) if r.status == 200]
    assert len(downloads) == 1
    # Picked up by the first poll after it was published (polls start every 2 s; 0.5 s of slack for a
    # busy machine), not a later one.
    polls_after = [r.time for r in server.requests_to(FEED) if r.time > published]
    assert polls_after[0] - published <= every + 0.5
    assert polls_after[0] < downloads[0].time < polls_after[1]
