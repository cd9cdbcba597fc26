"""Load on `eightk serve`: requests/s and latency of search, filing and deals requests at 1, 10 and 50
concurrent clients, from this process to a server process on 127.0.0.1.

    .venv/bin/python benchmarks/serve.py --db /tmp/eightk-200k/generated.db
    .venv/bin/python benchmarks/serve.py --db demo.db --clients 1,10 --requests 300

The script starts `eightk serve --workers N --rate-limit 0` on a free port, reads a sample of real filing keys and
words from the database, then for each endpoint and each client count runs that many keep-alive HTTP
clients (asyncio, one connection each) until ``--requests`` requests were answered or ``--seconds``
passed, whichever comes first. Every load is bounded and stops by itself; only 127.0.0.1 is contacted.
It prints requests/s, p50/p95/p99 latency (ms), 5xx answers and failed connections per cell, and
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEARCH_WORDS = [
    "license", "agreement", "officer", "merger", "director", "earnings", "resigned", "acquisition", "royalties",
    '"press release"', '"chief executive officer"', "milestone*", "auditor", "bankruptcy", "dividend", "appointed",
]  # fmt: skip
SEARCH_FILTERS = [
    {},
    {"item": "5.02"},
    {"item": "8.01"},
    {"date_from": "2010-01-01", "date_to": "2015-12-31"},
    {"form": "8-K"},
]
DEAL_SORTS = ["upfront", "milestones", "date"]


@dataclass
class Cell:
    """One endpoint at one client count: latencies (s) of answered requests and the failures."""

    endpoint: str
    clients: int
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")

        err5 = sum(n for s, n in self.statuses.items() if s >= 500)
        err4 = sum(n for s, n in self.statuses.items() if 400 <= s < 500)
        rate = len(lat) / self.seconds if self.seconds else 0.0
        return (
            f"{self.endpoint:<8} {self.clients:>7} {len(lat):>8} {rate:>9.1f} {pct(0.5):>8.1f} {pct(0.95):>8.1f}"
            f" {pct(0.99):>8.1f} {err5:>5} {err4:>5} {self.failed:>6}"
        )


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a kept-alive connection; returns the status after reading the whole body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while size := int((await reader.readline()).strip() or b"0", 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return status


async def _client(  # noqa: PLR0917
    port: int, make_path: Callable[[random.Random], str], cell: Cell, budget: list[int], stop: float, seed: int
) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while budget[0] > 0 and time.monotonic() < stop:
            budget[0] -= 1
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(_request(reader, writer, make_path(rng)), timeout=30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                cell.failed += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            cell.latencies.append(time.perf_counter() - started)
            cell.statuses[status] = cell.statuses.get(status, 0) + 1
    finally:
        writer.close()


async def run_cell(
    port: int, cell: Cell, make_path: Callable[[random.Random], str], requests: int, seconds: float
) -> None:
    budget = [requests]
    started = time.monotonic()
    stop = started + seconds
    await asyncio.gather(*(_client(port, make_path, cell, budget, stop, i) for i in range(cell.clients)))
    cell.seconds = time.monotonic() - started


def paths(db: Path) -> dict[str, Callable[[random.Random], str]]:
    """Request makers per endpoint, from a sample of the database's filing keys."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    keys = [
        r[0]
        for r in conn.execute(
            "SELECT key FROM filings WHERE id IN (SELECT id FROM filings ORDER BY random() LIMIT 2000)"
        )
    ]
    conn.close()

    def search(rng: random.Random) -> str:
        params = {"q": rng.choice(SEARCH_WORDS), **rng.choice(SEARCH_FILTERS), "limit": 20}
        return "/api/search?" + urllib.parse.urlencode(params)

    def filing(rng: random.Random) -> str:
        return "/api/filings/" + urllib.parse.quote(rng.choice(keys))

    def deals(rng: random.Random) -> str:
        params = {"sort": rng.choice(DEAL_SORTS), "limit": 50, "cursor": rng.choice([0, 0, 0, 50, 100, 500])}
        return "/api/deals?" + urllib.parse.urlencode(params)

    return {"search": search, "filing": filing, "deals": deals}


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    cmd = [sys.executable, "-m", "eightk", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    cmd += ["--rate-limit", "0"]  # the load comes from one address
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("eightk serve did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="an eightk database (e.g. from benchmarks/ingest.py --keep)")
    ap.add_argument("--clients", default="1,10,50", help="concurrent client counts (default: 1,10,50)")
    ap.add_argument("--requests", type=int, default=1000, help="requests per endpoint and client count")
    ap.add_argument("--seconds", type=float, default=30, help="time cap per endpoint and client count")
    ap.add_argument("--workers", type=int, default=2, help="server processes (default: 2, one per core here)")
    ap.add_argument("--endpoints", default="search,filing,deals")
    args = ap.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    filings = conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    conn.close()
    makers = paths(args.db)
    proc, port = start_server(args.db, args.workers)
    print(f"database {args.db}: {filings:,} filings; server: {args.workers} worker process(es) on 127.0.0.1:{port}")
    load = os.getloadavg()[0]
    print(f"load: {args.requests} requests or {args.seconds:g} s per cell; cpus {os.cpu_count()}; load avg {load:.1f}")
    heads = ("req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'endpoint':<8} {'clients':>7} {'requests':>8} {heads[0]:>9} " + " ".join(f"{h:>8}" for h in heads[1:])
          + f" {'5xx':>5} {'4xx':>5} {'failed':>6}")  # fmt: skip
    try:
        for name in args.endpoints.split(","):
            asyncio.run(run_cell(port, Cell(name, 1), makers[name], 20, 10))  # warm the page cache a little
            for clients in (int(c) for c in args.clients.split(",")):
                cell = Cell(name, clients)
                asyncio.run(run_cell(port, cell, makers[name], args.requests, args.seconds))
                print(cell.line(), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"load avg after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
