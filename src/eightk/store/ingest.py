"""Ingest: read inputs, parse them in worker processes, write them with one writer in batches.

Resumable: an input whose sha256 is already stored (or already quarantined under the same name) is
skipped, and every batch is one transaction, so a run killed at any point (kill -9, Ctrl-C, power
loss) leaves only whole batches behind; running the same ingest again finishes the job with nothing
lost and nothing twice. Inputs are written in input order, so a resumed run and a clean run give the
same rows. Workers exit on their own when the writer dies.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from eightk.errors import StoreError
from eightk.read import TIME_BUDGET, parse_input
from eightk.sources.local import Input, InputError, discard, iter_inputs
from eightk.store.write import FilingRows, prepare, put_quarantine, put_rows

__all__ = ["IngestReport", "Parsed", "ingest", "parse_one", "run_parsed", "write_batches", "write_parsed"]

# No usable record: the input goes to quarantine (time_budget: it ran out of time before the events;
# not_a_filing: a text that reads as no disclosure, a config or password file).
_QUARANTINE_CODES = {"unreadable", "empty", "not_text", "not_a_filing", "time_budget"}
_MAX_LISTED_FAILURES = 1000  # the report lists this many; the counts are always complete
INFLIGHT_BYTES = 48 * 1024 * 1024  # input bytes handed to workers and not yet written
CHUNK_ITEMS = 8  # inputs per worker task
CHUNK_BYTES = 4 * 1024 * 1024  # or fewer, when they are large


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the database (same bytes), or a lesser copy of a stored filing
    copies: int = 0  # of ``skipped``: a lesser copy of a submission stored (this run or before), kept out
    quarantined_before: int = 0  # of ``skipped``: the same bytes under the same name, quarantined by a run before
    quarantined: int = 0
    with_errors: int = 0  # stored, but with error-severity problems
    bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, reason), the first 1000

    @property
    def done(self) -> int:
        return self.stored + self.quarantined

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def fail(self, name: str, reason: str) -> None:
        if len(self.failures) < _MAX_LISTED_FAILURES:
            self.failures.append((name, reason))


Progress = Callable[[IngestReport], None]


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a worker sends back for one input: prepared rows, or why it goes to quarantine."""

    name: str
    sha256: str
    rows: FilingRows | None
    failure: str | None = None
    size: int = 0
    errors: tuple[str, ...] = ()  # error-severity problems of a stored record
    replace_id: int | None = None  # reparse: the stored row this record replaces


def parse_one(item: Input | InputError, keep_raw: bool = True, time_budget: float | None = TIME_BUDGET) -> Parsed:
    """Worker side: parse one input and prepare its rows. This is the batch boundary: a parser bug
    on one input quarantines that input, and so does running out of ``time_budget`` CPU seconds
    (None: no limit) before the events; the batch goes on."""
    if isinstance(item, InputError):
        return Parsed(item.name, "", None, item.reason)
    try:
        filing = parse_input(item, events=True, time_budget=time_budget)
        fatal = [p for p in filing.problems if p.severity == "error" and p.code in _QUARANTINE_CODES]
        if fatal:
            reason = "; ".join(f"{p.code}: {p.message}" for p in fatal)
            return Parsed(item.name, filing.source.sha256, None, reason)
        raw = None if item.streamed or not keep_raw else item.data
        errors = tuple(f"{p.code}: {p.message}" for p in filing.problems if p.severity == "error")
        return Parsed(item.name, filing.source.sha256, prepare(filing, raw), None, filing.source.bytes, errors)
    except Exception as exc:  # noqa: BLE001 - the batch boundary: one bad input never stops the batch
        return Parsed(item.name, _held_sha256(item), None, f"internal error: {type(exc).__name__}: {exc}")


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit when the writer process is gone (kill -9 leaves no orphans), and leave
    Ctrl-C to the writer, which stops cleanly after rolling back its open batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def parse_many(items: list[Input | InputError], time_budget: float | None = TIME_BUDGET) -> list[Parsed]:
    """Worker side: a chunk of inputs (one task per chunk keeps the pool's per-task cost small)."""
    return [parse_one(item, time_budget=time_budget) for item in items]


def run_parsed(
    items: Iterable[Input | InputError], workers: int, time_budget: float | None = TIME_BUDGET
) -> Iterator[Parsed]:
    """Parse in input order; with workers > 1 in a process pool, in chunks of up to ``CHUNK_ITEMS``
    inputs, with a bounded number of chunks (and bytes) in flight, so memory stays flat whatever the
    corpus size. A worker process that dies (a crash in compiled code, the kernel's OOM killer) breaks
    the pool: the inputs it held are then parsed one per process, the one that kills its process goes
    to the quarantine, and a new pool takes the rest. ``time_budget``: CPU seconds per input (see
    ``parse_one``)."""
    if workers <= 1:
        for item in items:
            yield parse_one(item, time_budget=time_budget)
        return
    pool = _pool(workers)
    pending: deque[tuple[Future[list[Parsed]], list[Input | InputError], int]] = deque()
    in_flight = 0

    def oldest() -> Iterator[Parsed]:
        nonlocal pool, in_flight
        future, chunk, size = pending.popleft()
        in_flight -= size
        try:
            yield from future.result()
        except BrokenProcessPool:
            held = chunk + [item for _, rest, _ in pending for item in rest]
            pending.clear()
            in_flight = 0
            pool.shutdown(wait=True, cancel_futures=True)
            yield from _one_by_one(held, time_budget)
            pool = _pool(workers)

    chunk: list[Input | InputError] = []
    chunk_bytes = 0
    try:
        for item in items:
            chunk.append(item)
            chunk_bytes += _held_bytes(item)
            if len(chunk) < CHUNK_ITEMS and chunk_bytes < CHUNK_BYTES:
                continue
            pending.append((pool.submit(parse_many, chunk, time_budget), chunk, chunk_bytes))
            in_flight += chunk_bytes
            chunk, chunk_bytes = [], 0
            while pending and (len(pending) >= workers * 3 or in_flight > INFLIGHT_BYTES):
                yield from oldest()
        if chunk:
            pending.append((pool.submit(parse_many, chunk, time_budget), chunk, chunk_bytes))
        while pending:
            yield from oldest()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _held_bytes(item: Input | InputError) -> int:
    """Bytes an input holds: in memory, or on disk in a spooled copy (both count as in flight)."""
    if not isinstance(item, Input):
        return 0
    if item.raw is not None:
        return len(item.raw)
    return os.path.getsize(item.path) if item.spooled and item.path and os.path.exists(item.path) else 0


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),))


def _one_by_one(items: list[Input | InputError], time_budget: float | None) -> Iterator[Parsed]:
    """Each input in a process of its own, after a worker died: the one that kills its process again
    is the cause, and is quarantined with that reason."""
    for item in items:
        with _pool(1) as solo:
            try:
                yield solo.submit(parse_one, item, True, time_budget).result()
            except BrokenProcessPool:
                reason = "the parsing process died on this input (a crash, or out of memory)"
                yield Parsed(item.name, _held_sha256(item), None, reason)


def _held_sha256(item: Input | InputError) -> str:
    """The sha256 of an input's bytes when they are held ("" otherwise: a stream is not read again)."""
    return "" if isinstance(item, InputError) or item.streamed else hashlib.sha256(item.data).hexdigest()


def _sha256(item: Input) -> str:
    if not item.streamed:
        return hashlib.sha256(item.data).hexdigest()
    h = hashlib.sha256()
    for block in item.chunks():
        h.update(block)
    return h.hexdigest()


def _known(conn: sqlite3.Connection, item: Input | InputError) -> str:
    """``"stored"`` when this input's bytes are stored already, the quarantine's reason when they were
    quarantined under the same name, else ``""``. A streamed input is hashed (read whole) only when its
    name was seen before: a new one is read once, by the worker that parses it."""
    if isinstance(item, InputError):
        return ""
    if item.streamed and not _name_seen(conn, item.name):
        return ""
    try:
        sha = _sha256(item)
    except OSError:
        return ""  # unreadable now: the worker records why, in the quarantine

    if conn.execute("SELECT 1 FROM inputs WHERE sha256 = ?", (sha,)).fetchone():
        return "stored"
    row = conn.execute("SELECT reason FROM quarantine WHERE sha256 = ? AND name = ?", (sha, item.name)).fetchone()
    return (row[0] or "quarantined") if row else ""


def _name_seen(conn: sqlite3.Connection, name: str) -> bool:
    """Inputs are kept by content; their names are looked up only for the rare streamed input."""
    if conn.execute("SELECT 1 FROM inputs WHERE name = ?", (name,)).fetchone():
        return True
    return bool(conn.execute("SELECT 1 FROM quarantine WHERE name = ?", (name,)).fetchone())


def write_parsed(conn: sqlite3.Connection, parsed: Parsed, report: IngestReport) -> None:
    """Writer side: one parsed input into the open transaction."""
    if parsed.rows is None:
        reason = parsed.failure or "unreadable"
        put_quarantine(conn, parsed.name, parsed.sha256, reason)
        report.quarantined += 1
        report.fail(parsed.name, reason)
        return
    rows = parsed.rows
    conn.execute(
        "INSERT INTO inputs(sha256, name, key) VALUES(?,?,?) ON CONFLICT(sha256) DO UPDATE SET name=excluded.name",
        (parsed.sha256, parsed.name, rows.key),
    )
    old = conn.execute("SELECT format FROM filings WHERE key = ?", (rows.key,)).fetchone()
    if parsed.replace_id is None and old is not None and old[0] == "sgml" and rows.format != "sgml":
        report.skipped += 1  # the full submission of this accession is stored: keep it
        report.copies += 1
        return
    put_rows(conn, rows, parsed.replace_id)
    report.stored += 1
    report.bytes += parsed.size
    if parsed.errors:
        report.with_errors += 1
        for reason in parsed.errors:
            report.fail(parsed.name, reason)


def ingest(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    workers: int = 1,
    batch: int = 200,
    progress: Progress | None = None,
    time_budget: float | None = TIME_BUDGET,
) -> IngestReport:
    """Ingest every filing under ``paths``; see the module docs for the guarantees. ``time_budget``:
    CPU seconds per input (None: no limit); an input that runs out is quarantined, naming the stage."""
    report = IngestReport()
    started = time.perf_counter()
    held: deque[Input | InputError] = deque()  # handed to the parsers, in order, and not yet written

    def fresh(spool: Path) -> Iterator[Input | InputError]:
        for item in iter_inputs(paths, spool=spool):
            if known := _known(conn, item):
                report.skipped += 1
                if known != "stored" and isinstance(item, Input):  # still no record: a failure of this run too
                    report.quarantined_before += 1
                    report.fail(item.name, f"quarantined before: {known}")
                discard(item)
            else:
                held.append(item)
                yield item

    def read(parsed: Iterator[Parsed]) -> Iterator[Parsed]:
        for one in parsed:  # one per input, in input order
            discard(held.popleft())  # its spooled copy, if any, is read
            yield one

    try:
        with tempfile.TemporaryDirectory(prefix="eightk-spool-") as spool:  # large members of compressed tars
            parsed = read(run_parsed(fresh(Path(spool)), workers, time_budget))
            write_batches(conn, parsed, report, batch=batch, progress=progress, started=started)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def write_batches(
    conn: sqlite3.Connection,
    parsed: Iterator[Parsed],
    report: IngestReport,
    *,
    batch: int,
    progress: Progress | None,
    started: float,
) -> None:
    """Write in transactions of ``batch`` inputs (or ~2 s of work); a partial batch is rolled back."""
    in_batch = 0
    last_commit = last_tick = time.perf_counter()
    try:
        for item in parsed:
            if in_batch == 0:
                conn.execute("BEGIN IMMEDIATE")
            write_parsed(conn, item, report)
            in_batch += 1
            now = time.perf_counter()
            if in_batch >= batch or now - last_commit > 2.0:
                conn.execute("COMMIT")
                in_batch, last_commit = 0, now
            if progress is not None and now - last_tick > 1.0:
                report.seconds = now - started
                progress(report)
                last_tick = now
        if in_batch:
            conn.execute("COMMIT")
            in_batch = 0
    except sqlite3.Error as exc:  # a full disk, a file-size limit, an I/O error: one clear message
        raise StoreError(
            f"cannot write to the database: {exc}. The batch being written was rolled back; everything "
            "committed before it is kept. Free some space and run the same command again to finish."
        ) from None
    finally:
        if in_batch and conn.in_transaction:  # SQLite has already rolled back after a full disk
            with contextlib.suppress(sqlite3.Error):  # nothing of it was committed either way
                conn.execute("ROLLBACK")  # a partial batch is redone by the next run
