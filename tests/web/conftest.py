"""A real store built from the samples (plus one hostile filing) served by a real `eightk serve` process
on 127.0.0.1, shared by the web tests of one run."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES

HOSTILE = ROOT / "tests" / "data" / "web-hostile-filing.txt"  # markup and script in its name and text
HOSTILE_KEY = "0009999999-26-000001"
SEED_NAME = "ImmunoGen, Inc."


@dataclass
class Server:
    base: str
    db: Path
    proc: subprocess.Popen[bytes]

    def get(self, path: str, timeout: float = 30) -> tuple[int, dict[str, str], Any]:
        """(status, headers, JSON body or text) of a GET; never raises for an HTTP error status."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as resp:
                status, headers, raw = resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            status, headers, raw = exc.code, dict(exc.headers), exc.read()
        headers = {k.lower(): v for k, v in headers.items()}
        if headers.get("content-type", "").startswith("application/json"):
            return status, headers, json.loads(raw)
        return status, headers, raw.decode("utf-8", "replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(db: Path, folder: Path) -> None:
    """Ingest every sample filing and the hostile one into ``db`` with the real CLI."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HOSTILE, folder / "hostile.txt")
    cmd = [sys.executable, "-m", "eightk", "ingest", str(SAMPLES), str(folder), "--db", str(db), "--workers", "1"]
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)


def start_server(db: Path, *extra: str) -> Server:
    port = free_port()
    cmd = [sys.executable, "-m", "eightk", "serve", "--db", str(db), "--port", str(port), *extra]
    log = db.with_name(f"serve-{port}.log")
    with log.open("wb") as sink:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=sink)
    server = Server(f"http://127.0.0.1:{port}", db, proc)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"eightk serve exited: {log.read_text(errors='replace')}")
        try:
            if server.get("/api/stats", timeout=2)[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("eightk serve did not answer within 30 s")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    build_store(db, folder / "extra")
    srv = start_server(db, "--rate-limit", "0")  # the rate limit has its own test (test_security.py)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="session")
def seed_key(server: Server) -> str:
    status, _, body = server.get("/api/companies?name=" + urllib.request.quote(SEED_NAME))
    assert status == 200, body
    keys = [f["filing_key"] for f in body["filings"] if f["date"] == "2000-05-04"]
    assert len(keys) == 1
    return str(keys[0])


def chromium_paths() -> tuple[str, str]:
    """The Debian chromium and chromedriver (.ci/run installs them); a clear failure when missing."""
    browser = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    for path in (browser, driver):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: apt-get install chromium chromium-driver (as .ci/run does)")
    return browser, driver
