"""Distributed ingest: parse on a Dask cluster into Parquet shards, then load the shards into the store.

``run(paths, out, scheduler=None, workers=2)`` lists the inputs under ``paths`` in the order a direct
ingest reads them (files and archives; directories walked in sorted order), cuts them into contiguous
partitions of similar size, and has each Dask task parse one partition (``parse_one``, the same function
the process pool runs) and write it as one shard (``shards.write_shard``). A shard already complete is not
parsed again, so a run that was stopped resumes. Without ``scheduler`` a local cluster of ``workers``
single-threaded processes is started, so the same call works on a laptop and, with a scheduler address,
on a cluster (the workers must see the same paths).

``load(conn, out)`` writes the shards in partition order through the store's one writer, skipping
inputs already stored, in transactions: the database ends up as a direct ingest of the same inputs.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eightk.errors import UsageError
from eightk.scale.shards import read_shard, shard_names, write_shard
from eightk.sources import local
from eightk.sources.local import Input, InputError, is_archive, iter_inputs
from eightk.store.ingest import IngestReport, Parsed, Progress, parse_one, write_batches

__all__ = ["ShardReport", "load", "partitions", "run", "units"]

PARTITION_BYTES = 64 * 1024 * 1024
_wanted = local.wanted  # the readers' own rule for which files are filings


@dataclass
class ShardReport:
    """What ``run`` did: ``partitions`` in all, ``parsed`` now (the others were complete), ``inputs``
    parsed, ``bytes`` of input, wall ``seconds``."""

    partitions: int = 0
    parsed: int = 0
    inputs: int = 0
    bytes: int = 0
    seconds: float = 0.0


def units(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, int]]:
    """``(path, size)`` of each file or archive under ``paths``, in direct-ingest order (a missing path
    is kept: its task records the error as a direct ingest would). A URL (``s3://bucket/prefix``,
    ``file:///…``) is listed through fsspec, its files in sorted order."""
    for p in paths:
        if "://" in str(p):
            yield from _remote_units(str(p))
            continue
        path = Path(p)
        if not path.is_dir():
            yield str(path), path.stat().st_size if path.is_file() else 0
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for fn in sorted(filenames):
                full = Path(dirpath) / fn
                if _wanted(fn):
                    yield str(full), full.stat().st_size if full.is_file() else 0


def _fsspec() -> Any:
    try:
        import fsspec
    except ModuleNotFoundError:
        raise UsageError("reading URLs needs fsspec: pip install 'eightk[dask]'") from None
    return fsspec


def _remote_units(url: str) -> Iterator[tuple[str, int]]:
    fs, root = _fsspec().core.url_to_fs(url)
    if not fs.isdir(root):
        yield url, int(fs.size(root) or 0) if fs.exists(root) else 0
        return
    found = fs.find(root, detail=True)
    for path in sorted(found):
        rel = path[len(root) :].strip("/").split("/")
        if _wanted(rel[-1]) and not any(part.startswith(".") for part in rel[:-1]):
            yield fs.unstrip_protocol(path), int(found[path].get("size") or 0)


def _inputs(paths: list[str]) -> Iterator[Input | InputError]:
    """A partition's inputs: local paths through ``iter_inputs``, URLs read whole through fsspec."""
    for p in paths:
        if "://" not in p:
            yield from iter_inputs([p])
        elif is_archive(p):
            yield InputError(p, "archives are read from local paths only; copy it to a local folder first")
        else:
            try:
                with _fsspec().open(p, "rb") as f:
                    yield Input(p, f.read())
            except (OSError, ValueError) as exc:
                yield InputError(p, f"cannot read: {exc}")


def partitions(found: list[tuple[str, int]], count: int) -> list[list[str]]:
    """``found`` cut into at most ``count`` contiguous runs of similar total size (none empty)."""
    total = sum(size for _, size in found) or 1
    target = total / max(1, count)
    parts: list[list[str]] = [[]]
    filled = 0.0
    for path, size in found:
        if parts[-1] and filled + size / 2 > target and len(parts) < count:
            parts.append([])
            filled = 0.0
        parts[-1].append(path)
        filled += size
    return [p for p in parts if p]


def parse_partition(paths: list[str], out: str, part: int) -> tuple[int, int]:
    """Dask task: parse every input of ``paths`` and write shard ``part``; (inputs, bytes)."""
    parsed = [parse_one(item) for item in _inputs(paths)]
    write_shard(Path(out), part, parsed)
    return len(parsed), sum(p.size for p in parsed)


def _client(scheduler: str | None, workers: int) -> object:
    try:
        from distributed import Client
    except ModuleNotFoundError:
        raise UsageError("--engine dask needs Dask: pip install 'eightk[dask]'") from None
    if scheduler:
        return Client(scheduler)
    return Client(local_cluster(workers))


def local_cluster(workers: int) -> Any:
    """A Dask cluster on this machine: ``workers`` single-threaded processes, no dashboard, and no
    statistical profiler in the workers (it samples every task's stack and costs CPU the parse needs)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def run(paths: list[str], out: Path, *, scheduler: str | None = None, workers: int = 2) -> ShardReport:
    """Parse ``paths`` on Dask into shards under ``out``; see the module docs."""
    started = time.perf_counter()
    found = list(units(paths))
    total = sum(size for _, size in found)
    parts = partitions(found, max(workers * 4, -(-total // PARTITION_BYTES)))
    report = ShardReport(partitions=len(parts))
    todo = [(i, p) for i, p in enumerate(parts) if not shard_names(out, i)["inputs"].exists()]
    out.mkdir(parents=True, exist_ok=True)
    client = _client(scheduler, workers)
    try:
        futures = client.map(  # type: ignore[attr-defined]
            parse_partition, [p for _, p in todo], [str(out)] * len(todo), [i for i, _ in todo], pure=False
        )
        for inputs, size in client.gather(futures):  # type: ignore[attr-defined]
            report.parsed += 1
            report.inputs += inputs
            report.bytes += size
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()  # type: ignore[attr-defined]
        if cluster is not None and not scheduler:
            cluster.close()
    report.seconds = time.perf_counter() - started
    return report


def _known(conn: sqlite3.Connection, p: Parsed) -> bool:
    if p.sha256 and conn.execute("SELECT 1 FROM inputs WHERE sha256 = ?", (p.sha256,)).fetchone():
        return True
    return bool(conn.execute("SELECT 1 FROM quarantine WHERE sha256 = ? AND name = ?", (p.sha256, p.name)).fetchone())


def load(conn: sqlite3.Connection, out: Path, *, batch: int = 200, progress: Progress | None = None) -> IngestReport:
    """Write every complete shard under ``out`` into the store, in partition order; inputs already
    stored are skipped, so loading twice (or after a direct ingest) changes nothing. ``UsageError`` if
    ``out`` holds no shards."""
    parts = sorted(int(p.stem.split("-")[1]) for p in (out / "inputs").glob("part-*.parquet"))
    if not parts:
        raise UsageError(f"no Parquet shards under {out} (expected {out}/inputs/part-NNNNN.parquet)")
    report = IngestReport()
    started = time.perf_counter()

    def fresh() -> Iterator[Parsed]:
        for part in parts:
            for p in read_shard(out, part):
                if _known(conn, p):
                    report.skipped += 1
                else:
                    yield p

    try:
        write_batches(conn, fresh(), report, batch=batch, progress=progress, started=started)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report
