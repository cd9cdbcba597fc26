"""``eightk fetch`` against the local EDGAR server (a real HTTP server on 127.0.0.1; nothing leaves the
machine): the User-Agent rule, the rate as the server saw it, faults giving whole byte-identical files
fetched once, re-runs, kill -9 and resume, accession lists, ``--ingest`` into a real SQLite file."""

from __future__ import annotations

import bisect
import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eightk.cli import main
from eightk.sources.edgar import EdgarClient, RateLimiter, check_user_agent
from eightk.sources.edgar_files import parse_feed, parse_master_idx, read_header
from eightk.sources.edgar_testserver import EdgarTestServer, LoggedRequest
from eightk.store import Store
from tests.conftest import SAMPLES

UA = "eightk tests tests@example.org"
DATA = "/Archives/edgar/data/"
# Past quarters only: the current quarter would add a daily-index request per weekday.
WINDOW = ["--since", "1995-01-01", "--until", "2026-06-30"]


@pytest.fixture
def server():
    with EdgarTestServer.from_folder(SAMPLES) as srv:
        yield srv


def _fetch(server: EdgarTestServer, archive: Path, *extra: str) -> int:
    args = ["fetch", "--base-url", server.url, "--archive", str(archive), "--user-agent", UA, "--quiet", "--rate", "10"]
    return main([*args, *WINDOW, *extra])


def _max_in_window(log: list[LoggedRequest], seconds: float = 1.0) -> int:
    times = sorted(r.time for r in log)
    return max(bisect.bisect_left(times, t + seconds) - i for i, t in enumerate(times))


def _assert_identical(server: EdgarTestServer, archive: Path) -> None:
    """Every served filing is in the archive with the server's exact bytes, and nothing else is."""
    for entry, raw in server.filings.values():
        assert (archive / entry.path).read_bytes() == raw, entry.path
    on_disk = {p.relative_to(archive).as_posix() for p in (archive / "edgar" / "data").rglob("*") if p.is_file()}
    assert on_disk == {e.path for e in server.entries()}


def _clean_twice(server: EdgarTestServer) -> list[str]:
    whole = collections.Counter(r.path for r in server.requests_to(DATA) if r.status == 200 and r.fault in ("", "slow"))
    return [p for p, n in whole.items() if n > 1]


def test_refuses_without_user_agent(server, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("EIGHTK_USER_AGENT", raising=False)
    code = main(["fetch", "--base-url", server.url, "--archive", str(tmp_path), *WINDOW])
    assert code == 2
    assert "User-Agent" in capsys.readouterr().err
    assert server.log == []
    with pytest.raises(Exception, match="User-Agent"):
        check_user_agent("python-httpx/0.28")  # no contact address


def test_rate_over_ten_is_refused(server, tmp_path, capsys):
    assert _fetch(server, tmp_path, "--rate", "12") == 2
    assert "at most 10" in capsys.readouterr().err
    assert server.log == []


def _read_log(path: Path) -> list[LoggedRequest]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [LoggedRequest(float(t), m, p, int(s), f, ua) for t, m, p, s, f, ua in rows]


def test_rate_seen_by_the_server(tmp_path):
    """Server and client each in their own process, as in use: the server's clock is the judge."""
    log = tmp_path / "requests.tsv"
    serve = [sys.executable, "-m", "eightk.sources.edgar_testserver", str(SAMPLES), "--port", "0", "--copies", "3"]
    server = subprocess.Popen([*serve, "--log", str(log)], stdout=subprocess.PIPE, text=True)
    try:
        url = (server.stdout.readline() if server.stdout else "").split()[-1]
        cmd = [sys.executable, "-m", "eightk", "fetch", "--base-url", url, "--archive", str(tmp_path / "a")]
        done = subprocess.run([*cmd, "--user-agent", UA, "--quiet", "--workers", "4", *WINDOW], check=False)
    finally:
        server.terminate()
        server.wait()
        if server.stdout:
            server.stdout.close()
    assert done.returncode == 0
    requests = _read_log(log)
    assert all(r.user_agent == UA and r.status == 200 for r in requests)
    data = [r.time for r in requests if r.path.startswith(DATA)]
    assert len(data) == 72 == len(list((tmp_path / "a" / "edgar" / "data").rglob("*.txt")))
    rate = (len(data) - 1) / (data[-1] - data[0])
    print(f"{len(requests)} requests, {len(data)} submissions at {rate:.2f}/s, max {_max_in_window(requests)} in 1 s")
    assert _max_in_window(requests) <= 10
    assert 8.5 <= rate <= 10.0


def test_faults_give_whole_identical_files_once(server, tmp_path):
    server.faults.add("429", retry_after=1)
    for kind in ("503", "truncate", "short", "drop", "slow"):
        server.faults.add(kind)
    server.faults.rate, server.faults.seed, server.faults.slow_seconds = 0.3, 7, 0.3
    assert _fetch(server, tmp_path) == 0
    _assert_identical(server, tmp_path)
    assert _clean_twice(server) == []
    faults = collections.Counter(r.fault for r in server.log if r.fault)
    assert set(faults) == {"429", "503", "truncate", "short", "drop", "slow"}
    assert list(tmp_path.rglob("*.part")) == []
    # Retry-After: 1 holds back every worker: within a second of the 429 at most one request arrives (one
    # another worker may have sent before the 429 reached the client).
    first = next(r for r in server.log if r.fault == "429")
    after = [r.time - first.time for r in server.log if r.time > first.time]
    assert sum(1 for gap in after if gap < 1.0) <= 1


def test_rerun_fetches_nothing_again(server, tmp_path):
    assert _fetch(server, tmp_path) == 0
    before = len(server.log)
    assert _fetch(server, tmp_path) == 0
    assert server.log[before:] == []  # past quarters' indexes are kept; every file is complete


def test_since_last_starts_where_the_last_run_ended(server, tmp_path, capsys):
    base = ["fetch", "--base-url", server.url, "--archive", str(tmp_path), "--user-agent", UA, "--quiet"]
    assert main([*base, "--since", "last"]) == 2  # no run recorded yet
    assert "--since last" in capsys.readouterr().err
    assert _fetch(server, tmp_path) == 0
    assert '"until": "2026-06-30"' in (tmp_path / ".eightk-fetch.json").read_text(encoding="utf-8")
    before = len(server.log)
    assert main([*base, "--since", "last", "--until", "2026-06-30"]) == 0
    assert server.log[before:] == []  # that quarter's index is kept and its filings are here


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_stopped_then_resumed_loses_nothing(tmp_path, signum):
    archive = tmp_path / "archive"
    with EdgarTestServer.from_folder(SAMPLES, copies=2) as server:
        server.faults.slow_seconds = 2.0
        server.faults.add("slow", 8)  # some transfers are in flight when the signal comes
        cmd = [sys.executable, "-m", "eightk", "fetch", "--base-url", server.url, "--archive", str(archive)]
        env = {**os.environ, "EIGHTK_USER_AGENT": UA}
        proc = subprocess.Popen([*cmd, "--quiet", *WINDOW], env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while len(list(archive.rglob("*.txt"))) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=60)
        if signum == signal.SIGINT:  # Ctrl-C: in-flight transfers finish, no new one starts, exit 130
            assert proc.returncode == 130 and "a re-run fetches the rest" in err and "Traceback" not in err
        done_before = {p for p in archive.rglob("*.txt") if "/data/" in p.as_posix()}
        assert 10 <= len(done_before) < len(server.filings)
        for p in done_before:  # every file at its final name is whole
            assert p.read_bytes() == server.filings[p.stem][1]
        assert subprocess.run([*cmd, "--quiet", *WINDOW], env=env, check=False).returncode == 0
        _assert_identical(server, archive)
        fetched_again = _clean_twice(server)
        assert not any(archive / p.removeprefix("/Archives/") in done_before for p in fetched_again)
    assert list(archive.rglob("*.part")) == []


def test_accession_list_and_a_missing_filing(server, tmp_path, capsys):
    entries = server.entries()[:3]
    listing = tmp_path / "list.txt"
    lines = [f"{entries[0].cik} {entries[0].accession}", entries[1].path, "# a comment", ""]
    listing.write_text("\n".join([*lines, "320193 0000320193-99-999999"]), encoding="utf-8")
    code = _fetch(server, tmp_path / "a", "--accessions", str(listing))
    assert code == 1
    err = capsys.readouterr().err
    assert "0000320193-99-999999" in err and "404" in err
    assert sorted(p.name for p in (tmp_path / "a").rglob("*.txt")) == sorted(e.accession + ".txt" for e in entries[:2])
    listing.write_text("not an accession\n", encoding="utf-8")
    assert _fetch(server, tmp_path / "b", "--accessions", str(listing)) == 2
    assert "line 1" in capsys.readouterr().err


def test_by_cik_and_ticker_then_ingest(server, tmp_path):
    target = server.entries()[0]
    ticker = server.tickers[target.cik][0]
    db = tmp_path / "eightk.db"
    assert _fetch(server, tmp_path / "arch", "--ticker", ticker.lower(), "--ingest", "--db", str(db)) == 0
    wanted = sorted(e.accession for e in server.entries() if e.cik == target.cik)
    got = sorted(p.stem for p in (tmp_path / "arch").rglob("*.txt") if "/data/" in p.as_posix())
    assert got == wanted and wanted
    with Store(db) as store:
        stored = sorted(r.accession for r in store.filings(cik=target.cik))
        by_ticker = sorted(r.accession for r in store.filings(ticker=ticker))
        hits = store.search("the", ticker=ticker.lower(), limit=100)
    assert stored == wanted == by_ticker
    assert target.filed.year < 2000  # covers printed no tickers then: the match comes from EDGAR's ticker file
    assert hits and {h.accession for h in hits} <= set(wanted)


def test_formats_read_back(server):
    with EdgarClient(UA, base_url=server.url, limiter=RateLimiter(10)) as client:
        index = list(parse_master_idx(client.get("/Archives/edgar/full-index/2024/QTR1/master.idx")))
        feed = parse_feed(client.get("/cgi-bin/browse-edgar?action=getcurrent&type=8-K&count=5&output=atom"))
    assert index and all(e.filed.year == 2024 and e.filed.month <= 3 for e in index)
    assert len(feed) == 5 and feed[0].filed == max(e.filed for e in server.entries())
    for e in index + feed:
        sub = read_header(server.filings[e.accession][1])
        assert sub is not None and (sub.cik, sub.accession) == (e.cik, e.accession)
