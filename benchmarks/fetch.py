"""Fetch and distributed-parse figures, against the local EDGAR server (nothing leaves the machine).

    python benchmarks/fetch.py                       # fetch the corpus's submissions (x2) with 4 workers
    python benchmarks/fetch.py --fault-rate 0.1      # the same with 10% of submission requests failing
    python benchmarks/fetch.py --parse               # parse throughput: one process vs Dask, 2 workers

Fetch: the server (``python -m eightk.sources.edgar_testserver``) and ``eightk fetch`` run as separate
processes; the figures come from the server's request log: requests/s sustained over the submissions,
the most requests in any one-second window, MB/s, and whether every file arrived byte-identical, once.
Parse: ``parse_one`` (what ingest workers run) over the same inputs in one process, then
``eightk.scale.dask_ingest.run`` on a local cluster (wall with and without starting the cluster), then
the load of the shards into a fresh store. Ends with an estimate for the whole archive. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eightk.sources.edgar_testserver import EdgarTestServer
from eightk.sources.local import iter_inputs
from eightk.store import Store
from eightk.store.ingest import parse_one

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "filings"
UA = "eightk benchmark bench@example.org"
ARCHIVE_FILINGS = 2_200_000
RATE = 9.0


def _log(path: Path) -> list[tuple[float, str, int, str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [(float(r[0]), r[2], int(r[3]), r[4]) for r in rows]


def bench_fetch(folder: Path, copies: int, workers: int, fault_rate: float, work: Path) -> None:
    log = work / "requests.tsv"
    serve = [sys.executable, "-m", "eightk.sources.edgar_testserver", str(folder), "--port", "0"]
    serve += ["--copies", str(copies), "--fault-rate", str(fault_rate), "--log", str(log)]
    server = subprocess.Popen(serve, stdout=subprocess.PIPE, text=True)
    try:
        url = (server.stdout.readline() if server.stdout else "").split()[-1]
        cmd = [sys.executable, "-m", "eightk", "fetch", "--base-url", url, "--archive", str(work / "archive")]
        cmd += ["--user-agent", UA, "--quiet", "--workers", str(workers), "--since", "1993-01-01"]
        started = time.perf_counter()
        code = subprocess.run(cmd, check=False).returncode
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
        if server.stdout:
            server.stdout.close()
    requests = _log(log)
    times = sorted(t for t, *_ in requests)
    window = max(bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times))
    data = [r for r in requests if r[1].startswith("/Archives/edgar/data/")]
    span = data[-1][0] - data[0][0]
    whole = collections.Counter(p for _, p, status, fault in data if status == 200 and fault in ("", "slow"))
    expected = EdgarTestServer.from_folder(folder, copies=copies).filings
    archive = work / "archive"
    identical = sum(
        (archive / e.path).read_bytes() == raw for e, raw in expected.values() if (archive / e.path).is_file()
    )
    size = sum(len(raw) for _, raw in expected.values())
    print(
        f"fetch: exit {code}, {len(expected)} filings ({size / 1e6:.1f} MB), {workers} workers, fault rate {fault_rate}"
    )
    print(
        f"  {len(requests)} requests in {wall:.1f} s; submissions: {len(data)} requests"
        f" at {(len(data) - 1) / span:.2f}/s"
    )
    print(f"  most requests in any 1-s window: {window}; faults injected: {sum(1 for r in data if r[3])}")
    print(
        f"  byte-identical: {identical}/{len(expected)};"
        f" fetched whole more than once: {sum(n > 1 for n in whole.values())}"
    )
    print(f"  {size / 1e6 / span:.2f} MB/s, {span / len(expected) * 1000:.0f} ms per filing (rate-bound)")


def _cpu() -> float:
    """User + system CPU seconds of this process (run on each Dask worker)."""
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _warm() -> None:
    """Import what a task needs (once per worker process; a long run pays it once per worker)."""
    import pyarrow.parquet  # noqa: F401

    import eightk.scale.dask_ingest  # noqa: F401


def bench_parse(folder: Path, workers: int, work: Path) -> None:
    """Wall and CPU time of the parse in one process and on a local Dask cluster. CPU seconds are what
    the estimate uses: on a shared machine wall time also counts other jobs' turns on the cores."""
    from distributed import Client

    from eightk.scale.dask_ingest import load, local_cluster, parse_partition, partitions, run, units

    items = list(iter_inputs([folder]))
    size = sum(len(i.data) for i in items if hasattr(i, "data"))
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        parse_one(item)
    one, one_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"parse, one process: {len(items)} inputs ({size / 1e6:.1f} MB) in {one:.1f} s = {len(items) / one:.1f}/s")
    print(f"  CPU {one_cpu:.1f} s = {one_cpu / len(items) * 1000:.1f} ms per input")
    # The same work as the Dask tasks (read, parse, write a shard per partition), one after the other.
    found = list(units([folder]))
    wall, cpu = time.perf_counter(), time.process_time()
    for i, part in enumerate(partitions(found, workers * 4)):
        parse_partition(part, str(work / "serial"), i)
    serial, serial_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"parse + shards, one process: {serial:.1f} s = {len(items) / serial:.1f}/s; CPU {serial_cpu:.1f} s")

    started = time.perf_counter()
    with local_cluster(workers) as cluster:
        startup = time.perf_counter() - started
        with Client(cluster) as client:
            client.run(_warm)
            before = sum(client.run(_cpu).values())
            done = run([str(folder)], work / "shards", scheduler=cluster.scheduler_address, workers=workers)
            dask_cpu = sum(client.run(_cpu).values()) - before
    print(
        f"parse + shards, Dask local cluster of {workers} (started in {startup:.1f} s): {done.seconds:.1f} s"
        f" = {done.inputs / done.seconds:.1f}/s, {serial / done.seconds:.2f}x one process;"
        f" workers' CPU {dask_cpu:.1f} s = {dask_cpu / serial_cpu:.2f}x one process's"
    )
    print(
        f"  with {workers} cores to itself: about {workers * serial_cpu / dask_cpu:.2f}x (CPU ratio, not measured wall)"
    )
    with Store(work / "loaded.db") as store:
        loaded = load(store.conn, work / "shards")
    print(
        f"load shards into a fresh store: {loaded.stored} filings in {loaded.seconds:.1f} s"
        f" = {loaded.stored / loaded.seconds:.0f}/s"
    )
    _estimate(one_cpu / len(items), loaded.seconds / max(1, loaded.stored))


def _estimate(per_parse: float, per_load: float) -> None:
    print(
        f"estimate for {ARCHIVE_FILINGS:,} filings (parse {per_parse * 1000:.0f} CPU ms/filing,"
        f" load {per_load * 1000:.1f} ms/filing, one writer):"
    )
    fetch_h = ARCHIVE_FILINGS / RATE / 3600
    for n in (1, 8, 64):
        parse_h = ARCHIVE_FILINGS * per_parse / n / 3600
        load_h = ARCHIVE_FILINGS * per_load / 3600
        print(
            f"  {n:2d} workers: parse {parse_h:6.1f} h + load {load_h:.1f} h;"
            f" fetching at {RATE:g}/s takes {fetch_h:.0f} h whatever the workers"
        )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--folder", type=Path, default=CORPUS, help="full submissions to serve (default: the corpus)")
    p.add_argument("--copies", type=int, default=2, help="serve each submission this many times")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--parse", action="store_true", help="measure parse throughput (one process vs Dask) instead")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="eightk-bench-fetch-") as tmp:
        if args.parse:
            bench_parse(args.folder, min(args.workers, 2), Path(tmp))
        else:
            bench_fetch(args.folder, args.copies, args.workers, args.fault_rate, Path(tmp))


if __name__ == "__main__":
    main()
