"""Ingest through the real CLI: kill -9 and Ctrl-C then resume, daily-feed bundles, no orphan workers."""

from __future__ import annotations

import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from eightk.api import open_store
from tests.conftest import store_data

STORE_DATA = store_data()
CLI = [sys.executable, "-m", "eightk", "ingest"]
_ACC = re.compile(rb"(ACCESSION NUMBER:\s*)\d{10}-\d{2}-\d{6}")


def _copies(copies: int) -> list[tuple[str, bytes]]:
    """The fixtures re-issued under fresh accession numbers (header and file name), text marked per copy."""
    out = []
    n = 0
    for c in range(copies):
        for p in sorted(STORE_DATA.iterdir()):
            if p.suffix not in (".txt", ".htm") or "__formacqui" in p.name:
                continue
            n += 1
            acc = f"0009999999-26-{n:06d}"
            data = _ACC.sub(lambda m, a=acc: m.group(1) + a.encode(), p.read_bytes(), count=1)
            data = data.replace(b" the ", f" the copy{c} ".encode(), 1)
            out.append((f"{acc}__{p.name}", data))
    return out


def _corpus(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, data in _copies(copies):
        (folder / name).write_bytes(data)
    return folder


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        tables = ["filings", "filers", "items", "signatures", "exhibits", "documents", "events", "event_values",
                  "problems", "search_rows", "inputs", "quarantine", "raw"]  # fmt: skip
        out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
        for q in ("copy3 OR agreement", '"chief executive officer"', "results"):
            out[q] = conn.execute(
                "SELECT rowid, round(bm25(search), 6) FROM search WHERE search MATCH ? ORDER BY rank, rowid", (q,)
            ).fetchall()
        return out
    finally:
        conn.close()


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _session_alive(sid: int) -> list[int]:
    """Processes still in session ``sid`` (the ingest and its workers), from /proc."""
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


def _interrupt(cmd: list[str], db: Path, sig: signal.Signals, at_least: int) -> subprocess.Popen[bytes]:
    """Start an ingest in its own session and send ``sig`` once ``at_least`` filings are committed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and _count(db) < at_least:
        time.sleep(0.02)
    if sig == signal.SIGKILL:
        os.kill(proc.pid, sig)  # the writer only: its workers must notice and leave by themselves
    else:
        os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole foreground group
    return proc


def test_kill_9_then_resume_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, copies=14)
    total = len(list(corpus.iterdir()))
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    cmd = [*CLI, str(corpus), "--workers", "2", "--batch", "10"]
    proc = _interrupt([*cmd, "--db", str(killed)], killed, signal.SIGKILL, at_least=30)
    try:
        assert proc.wait(10) == -signal.SIGKILL
        deadline = time.time() + 10
        while _session_alive(proc.pid) and time.time() < deadline:
            time.sleep(0.1)
        assert _session_alive(proc.pid) == [], "worker processes outlived the killed writer"
    finally:
        for pid in _session_alive(proc.pid):
            os.kill(pid, signal.SIGKILL)
    partial = _count(killed)
    assert 0 < partial < total, "the ingest was not interrupted mid-way"
    resumed = subprocess.run([*cmd, "--db", str(killed)], capture_output=True, text=True, check=True)
    assert f"{partial} already stored" in resumed.stdout or f"{partial} already" in resumed.stdout
    subprocess.run([*CLI, str(corpus), "--workers", "1", "--db", str(clean)], check=True, capture_output=True)
    a, b = _dump(killed), _dump(clean)
    assert len(a["filings"]) == total and len(a["copy3 OR agreement"]) > 10
    for table in a:
        assert a[table] == b[table], table
    with open_store(killed) as one, open_store(clean) as two:
        assert one.search("copy5 agreement", limit=50) == two.search("copy5 agreement", limit=50)


def test_ctrl_c_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, copies=10)
    db, clean = tmp_path / "int.db", tmp_path / "clean.db"
    cmd = [*CLI, str(corpus), "--workers", "2", "--batch", "5"]
    proc = subprocess.Popen([*cmd, "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and _count(db) < 20:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    out, _err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and b"Run the same command again" in out
    subprocess.run([*cmd, "--db", str(db)], check=True, capture_output=True)
    subprocess.run([*cmd, "--db", str(clean)], check=True, capture_output=True)
    assert _dump(db) == _dump(clean)


def test_daily_feed_bundles_and_gzip_members(tmp_path: Path) -> None:
    bundle = tmp_path / "20260105.nc.tar.gz"
    files = _copies(1)
    with tarfile.open(bundle, "w:gz") as tar:
        for name, data in files:
            info = tarfile.TarInfo(name.replace(".txt", ".nc"))
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with open_store(tmp_path / "feed.db") as store:
        report = store.ingest([bundle], workers=2)
        assert report.stored == len(files) and report.quarantined == 0
        names = [r[0] for r in store.conn.execute("SELECT name FROM inputs ORDER BY rowid")]
        assert all(n.startswith(f"{bundle}!") for n in names)
        assert store.get("0009999999-26-000001") is not None
        assert store.ingest([bundle]).skipped == len(files)


@pytest.mark.parametrize("workers", ["0", "x"])
def test_bad_options_are_usage_errors(tmp_path: Path, workers: str) -> None:
    out = subprocess.run([*CLI, str(STORE_DATA), "--workers", workers, "--db", str(tmp_path / "u.db")],
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_an_input_that_kills_its_worker_is_quarantined_and_the_rest_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process can die (a crash in compiled code, the OOM killer): its chunk is parsed again one
    input per process, the input that kills its process is quarantined, and the batch goes on."""
    import importlib

    ingest_module = importlib.import_module("eightk.store.ingest")  # the package's `ingest` is the function
    real = ingest_module.parse_input

    def dies_on_poison(item, **options):  # type: ignore[no-untyped-def]
        if str(item.name).endswith("poison.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(item, **options)

    # Workers are forked from this process, so they parse with the patched function.
    monkeypatch.setattr(ingest_module, "parse_input", dies_on_poison)
    src = tmp_path / "src"
    src.mkdir()
    samples = sorted(p for p in store_data().iterdir() if p.suffix in (".txt", ".htm"))[:12]
    for i, path in enumerate(samples):
        (src / f"{i:02d}-{path.name}").write_bytes(path.read_bytes())
    (src / "05-poison.txt").write_bytes(samples[0].read_bytes() + b"\n")
    with open_store(tmp_path / "p.db") as store:
        report = store.ingest([src], workers=2)
        assert report.quarantined == 1 and report.stored >= len(samples) - 1, report
        assert report.failures == [(str(src / "05-poison.txt"), report.failures[0][1])]
        assert "process died" in report.failures[0][1]
        got = store.conn.execute("SELECT key, path, item_codes FROM filings ORDER BY id").fetchall()
    (src / "05-poison.txt").unlink()
    monkeypatch.undo()
    with open_store(tmp_path / "clean.db") as store:  # the same inputs without the poison, nothing patched
        store.ingest([src], workers=2)
        assert got == store.conn.execute("SELECT key, path, item_codes FROM filings ORDER BY id").fetchall()


def test_the_summary_tells_copies_and_earlier_quarantine_apart(tmp_path: Path) -> None:
    # a new-user test: on an empty database "8 already stored" was the samples' lesser copies of submissions
    # stored in the same run, and a re-run over quarantined inputs said "already stored" and exited 0
    db = tmp_path / "s.db"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    samples = str(Path(__file__).parent.parent / "samples")
    first = subprocess.run([*CLI, samples, str(bad), "--db", str(db)], check=False, capture_output=True, text=True)
    assert "0 already stored, 8 kept out as copies of a stored submission, 1 quarantined" in first.stdout, first.stdout
    again = subprocess.run([*CLI, samples, str(bad), "--db", str(db)], check=False, capture_output=True, text=True)
    assert "already stored, 0 kept out" in again.stdout and "(1 more quarantined before)" in again.stdout
    assert again.returncode == 1 and "quarantined before" in again.stderr + again.stdout
