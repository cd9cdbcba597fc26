"""Load on `eightk serve`: requests/s and latency of search, filing and deals requests at 1, 10 and 50
concurrent clients, from this process to a server process on 127.0.0.1.

    .venv/bin/python benchmarks/serve.py --db /tmp/eightk-200k/generated.db
    .venv/bin/python benchmarks/serve.py --db demo.db --clients 1,10 --requests 300
    .venv/bin/python benchmarks/serve.py --db /tmp/eightk-200k/generated.db --store-only

The script starts `eightk serve --workers N --rate-limit 0 --cache-mb MB` on a free port, then for each
endpoint and each client count runs that many keep-alive HTTP clients (asyncio, one connection each)
until ``--requests`` requests were answered or ``--seconds`` passed, whichever comes first. Every load is
bounded and stops by itself; only 127.0.0.1 is contacted. It prints requests/s, p50/p95/p99 latency
(ms), 5xx and 4xx answers, failed connections and the share of answers the server took from its answer
cache (its ``x-eightk-cache`` header), the p95 of the others, and the server's CPU time per request
(its processes' user + system time over the cell, divided by the requests: a figure that other work on
the machine disturbs less than latency) and the load generator's own, per cell, and asserts nothing.

The requests are drawn from the database itself, so that a cache cannot live on a handful of repeats:
search: ``--pool`` distinct requests (words, two-word phrases and prefixes read from the texts of 300
random index rows, each with no filter, or an item code, a year or the form, as the store holds them),
picked with Zipf weights (the k-th most popular asked 1/k as often as the first), as search logs go;
deals: every combination of sort, order, deal type, first three pages and a year filter, Zipf-weighted
too; filing: 2,000 random stored keys, uniform. Every draw is seeded: two runs on one database send
the same requests (each client its own sequence). ``--cache-mb 0`` measures without the cache.
``--store-only`` starts no server: it times each distinct search request once through ``Store.search``
in this process (after a warm-up pass) and prints the CPU time of an uncached search.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
DEAL_SORTS = ["upfront", "milestones", "equity", "total_value", "date"]
DEAL_TYPES = [None, "license", "collaboration", "asset_purchase"]
# Words too common to be what anyone searches for alone.
STOP = set("that this with from have been were which their will shall such other than into under upon also".split())


@dataclass
class Cell:
    """One endpoint at one client count: latencies (s) of answered requests and the failures."""

    endpoint: str
    clients: int
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failed: int = 0
    seconds: float = 0.0
    cached: int = 0  # answers the server took from its cache
    miss_latencies: list[float] = field(default_factory=list)
    server_cpu: float = 0.0  # CPU seconds the server processes used during the cell
    client_cpu: float = 0.0  # CPU seconds this process (the load generator) used during the cell

    def line(self) -> str:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")

        err5 = sum(n for s, n in self.statuses.items() if s >= 500)
        err4 = sum(n for s, n in self.statuses.items() if 400 <= s < 500)
        rate = len(lat) / self.seconds if self.seconds else 0.0
        hits = 100 * self.cached / len(lat) if lat else 0.0
        misses = sorted(self.miss_latencies)
        miss95 = misses[min(len(misses) - 1, int(0.95 * len(misses)))] * 1000 if misses else float("nan")
        return (
            f"{self.endpoint:<8} {self.clients:>7} {len(lat):>8} {rate:>9.1f} {pct(0.5):>8.1f} {pct(0.95):>8.1f}"
            f" {pct(0.99):>8.1f} {err5:>5} {err4:>5} {self.failed:>6} {hits:>5.0f}% {miss95:>8.1f}"
            f" {1000 * self.server_cpu / max(1, len(lat)):>7.2f} {1000 * self.client_cpu / max(1, len(lat)):>7.2f}"
        )


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, bool]:
    """One GET on a kept-alive connection; returns the status and whether the answer came from the
    server's cache, after reading the whole body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked, hit = 0, False, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "x-eightk-cache":
            hit = value.strip() == "hit"
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while size := int((await reader.readline()).strip() or b"0", 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return status, hit


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
                status, hit = await asyncio.wait_for(_request(reader, writer, make_path(rng)), timeout=30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                cell.failed += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            cell.latencies.append(time.perf_counter() - started)
            cell.statuses[status] = cell.statuses.get(status, 0) + 1
            cell.cached += hit
            if not hit:
                cell.miss_latencies.append(cell.latencies[-1])
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


def search_pool(conn: sqlite3.Connection, rng: random.Random, size: int) -> list[dict[str, Any]]:
    """``size`` distinct search requests (query and filters) drawn from what the store holds."""
    top = conn.execute("SELECT MAX(rowid) FROM search_rows").fetchone()[0] or 0
    rows = sorted(rng.sample(range(1, top + 1), min(300, top)))
    marks = ",".join("?" * len(rows))
    texts = [r[0] or "" for r in conn.execute(f"SELECT text FROM search WHERE rowid IN ({marks})", rows)]
    words: dict[str, int] = {}
    pairs: dict[str, int] = {}
    for text in texts:
        tokens = re.findall(r"[a-z]{4,}", text.lower())
        for w in set(tokens) - STOP:
            words[w] = words.get(w, 0) + 1
        for a, b in set(itertools.pairwise(tokens)):
            if a not in STOP and b not in STOP:
                pairs[f'"{a} {b}"'] = pairs.get(f'"{a} {b}"', 0) + 1
    queries = [w for w, n in words.items() if n >= 2] + [p for p, n in pairs.items() if n >= 2]
    queries += [w[:5] + "*" for w in rng.sample(sorted(words), min(40, len(words)))]
    codes = [r[0] for r in conn.execute("SELECT DISTINCT code FROM items WHERE code IS NOT NULL")]
    lo, hi = (int(d[:4]) for d in conn.execute("SELECT MIN(date), MAX(date) FROM filings").fetchone())
    filters: list[dict[str, Any]] = [{}, {}, {}, {"form": "8-K"}]
    filters += [{"item": c} for c in codes]
    filters += [{"date_from": f"{y}-01-01", "date_to": f"{y}-12-31"} for y in range(lo, hi + 1)]
    pool: set[tuple[str, int]] = set()
    queries.sort()
    while len(pool) < size:
        pool.add((rng.choice(queries), rng.randrange(len(filters))))
    ordered = sorted(pool)
    rng.shuffle(ordered)
    return [{"q": q, **filters[i]} for q, i in ordered]


def deal_pool(conn: sqlite3.Connection, rng: random.Random) -> list[dict[str, Any]]:
    """Every combination of sort, order, type, first three pages and a year filter (or none), shuffled."""
    lo, hi = (int(d[:4]) for d in conn.execute("SELECT MIN(date), MAX(date) FROM filings").fetchone())
    years: list[dict[str, str]] = [{}] + [
        {"date_from": f"{y}-01-01", "date_to": f"{y}-12-31"} for y in range(lo, hi + 1)
    ]
    pool = [
        {"sort": s, "order": o, **({"type": t} if t else {}), "cursor": c, **y}
        for s in DEAL_SORTS for o in ("desc", "asc") for t in DEAL_TYPES for c in (0, 50, 100) for y in years
    ]  # fmt: skip
    rng.shuffle(pool)
    return pool


def zipf(pool: list[dict[str, Any]]) -> Callable[[random.Random], dict[str, Any]]:
    """A picker of pool entries, the k-th asked 1/k as often as the first."""
    weights = list(itertools.accumulate(1 / (k + 1) for k in range(len(pool))))
    return lambda rng: rng.choices(pool, cum_weights=weights)[0]


def paths(db: Path, search_size: int) -> tuple[dict[str, Callable[[random.Random], str]], str]:
    """Request makers per endpoint (see the module's doc), and a line describing the mix."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rng = random.Random(8)
    top = conn.execute("SELECT MAX(id) FROM filings").fetchone()[0] or 0
    ids = sorted(rng.sample(range(1, top + 1), min(2000, top)))
    keys = [r[0] for r in conn.execute(f"SELECT key FROM filings WHERE id IN ({','.join('?' * len(ids))})", ids)]
    searches = search_pool(conn, rng, search_size)
    deal_requests = deal_pool(conn, rng)
    conn.close()
    pick_search, pick_deal = zipf(searches), zipf(deal_requests)

    def search(rng: random.Random) -> str:
        return "/api/search?" + urllib.parse.urlencode({**pick_search(rng), "limit": 20})

    def filing(rng: random.Random) -> str:
        return "/api/filings/" + urllib.parse.quote(rng.choice(keys))

    def deals(rng: random.Random) -> str:
        return "/api/deals?" + urllib.parse.urlencode({**pick_deal(rng), "limit": 50})

    mix = f"mix: {len(searches)} distinct searches and {len(deal_requests)} deal pages (Zipf), {len(keys)} filings"
    return {"search": search, "filing": filing, "deals": deals}, mix


def store_only(db: Path, size: int) -> None:
    """Each distinct search request of the pool once through ``Store.search`` in this process (limit 21,
    as the API asks for a page of 20), after one pass that warms the page cache: CPU ms per search and
    the p50/p95 of their times. No server, no answer cache: what an uncached search costs."""
    from eightk.store import Store  # noqa: PLC0415 - the load generator itself needs no eightk

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rng = random.Random(8)
    top = conn.execute("SELECT MAX(id) FROM filings").fetchone()[0] or 0
    rng.sample(range(1, top + 1), min(2000, top))  # as ``paths`` draws, so that the pool is the same
    pool = search_pool(conn, rng, size)
    conn.close()
    with Store(db, readonly=True) as store:
        for label in ("warm-up", "measured"):
            times, hits = [], 0
            cpu = time.process_time()
            for request in pool:
                filters = dict(request)
                query = filters.pop("q")
                started = time.perf_counter()
                hits += len(store.search(query, limit=21, **filters))
                times.append(time.perf_counter() - started)
            cpu = time.process_time() - cpu
            times.sort()
            print(
                f"{label}: {len(pool)} searches ({hits:,} hits), CPU {1000 * cpu / len(pool):.2f} ms a search; "
                f"p50 {1000 * times[len(times) // 2]:.2f} ms, p95 {1000 * times[int(0.95 * len(times))]:.2f} ms"
            )


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the server process and its workers."""
    procs = [psutil.Process(pid)]
    procs += procs[0].children(recursive=True)
    total = 0.0
    for p in procs:
        try:
            times = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def start_server(db: Path, workers: int, cache_mb: float) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    cmd = [sys.executable, "-m", "eightk", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    cmd += ["--rate-limit", "0", "--cache-mb", str(cache_mb)]  # the load comes from one address
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
    ap.add_argument("--cache-mb", type=float, default=64, help="the server's answer cache (default: 64; 0: off)")
    ap.add_argument("--pool", type=int, default=600, help="distinct search requests (default: 600)")
    ap.add_argument("--store-only", action="store_true", help="no server: CPU per uncached Store.search of the pool")
    args = ap.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    filings = conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    segments = conn.execute("SELECT COUNT(DISTINCT segid) FROM search_idx").fetchone()[0]
    conn.close()
    print(f"database {args.db}: {filings:,} filings; full-text index in {segments} segment(s)")
    if args.store_only:
        store_only(args.db, args.pool)
        return
    makers, mix = paths(args.db, args.pool)
    proc, port = start_server(args.db, args.workers, args.cache_mb)
    print(f"server: {args.workers} worker process(es) on 127.0.0.1:{port}")
    print(f"{mix}; answer cache {args.cache_mb:g} MB")
    load = os.getloadavg()[0]
    print(f"load: {args.requests} requests or {args.seconds:g} s per cell; cpus {os.cpu_count()}; load avg {load:.1f}")
    heads = ("req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'endpoint':<8} {'clients':>7} {'requests':>8} {heads[0]:>9} " + " ".join(f"{h:>8}" for h in heads[1:])
          + f" {'5xx':>5} {'4xx':>5} {'failed':>6} {'cached':>6} {'miss p95':>8} {'cpu ms':>7}"
          + f" {'client':>7}")  # fmt: skip
    try:
        for name in args.endpoints.split(","):
            asyncio.run(run_cell(port, Cell(name, 1), makers[name], 20, 10))  # warm the page cache a little
            for clients in (int(c) for c in args.clients.split(",")):
                cell = Cell(name, clients)
                before, mine = server_cpu(proc.pid), time.process_time()
                asyncio.run(run_cell(port, cell, makers[name], args.requests, args.seconds))
                cell.server_cpu = server_cpu(proc.pid) - before
                cell.client_cpu = time.process_time() - mine
                print(cell.line(), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"load avg after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
