"""Ingest: read inputs, parse them in worker processes, write them with one writer in batches.

Resumable: a filing whose sha256 is already stored (or already quarantined) is skipped, and every
batch is one transaction, so a run killed at any point leaves only whole batches behind; running the
same ingest again finishes the job with nothing lost and nothing twice. Inputs are written in input
order, so a resumed run and a clean run give the same rows.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from eightk.model import Filing
from eightk.read import parse_input
from eightk.sources.local import Input, InputError, iter_inputs
from eightk.store.write import filing_key, put_filing, put_quarantine

__all__ = ["IngestReport", "ingest"]

_QUARANTINE_CODES = {"unreadable", "empty", "not_text"}  # no usable record: the input goes to quarantine


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the database (same bytes)
    quarantined: int = 0
    with_errors: int = 0  # stored, but with error-severity problems
    bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)

    @property
    def rate(self) -> float:
        return (self.stored + self.quarantined) / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[IngestReport], None]
_Parsed = tuple[str, str | None, Filing | None, bytes | None, str | None]  # name, sha, filing, raw, failure


def _work(item: Input | InputError) -> _Parsed:
    """Worker side: parse one input. Runs in a child process."""
    if isinstance(item, InputError):
        return item.name, None, None, None, item.reason
    filing = parse_input(item, events=True)
    raw = None if item.streamed else item.data
    return item.name, filing.source.sha256, filing, raw, None


def _known(conn: sqlite3.Connection, item: Input | InputError) -> bool:
    if isinstance(item, InputError) or item.streamed:
        return False
    sha = hashlib.sha256(item.data).hexdigest()
    if conn.execute("SELECT 1 FROM inputs WHERE sha256 = ?", (sha,)).fetchone():
        return True
    return bool(conn.execute("SELECT 1 FROM quarantine WHERE sha256 = ? AND name = ?", (sha, item.name)).fetchone())


def _parsed(items: Iterable[Input | InputError], workers: int) -> Iterator[_Parsed]:
    """Parse in order; with workers > 1 in a process pool with a bounded number in flight."""
    if workers <= 1:
        for item in items:
            yield _work(item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[_Parsed]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(_work, item))
                if len(pending) >= workers * 4:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _write(conn: sqlite3.Connection, parsed: _Parsed, report: IngestReport) -> None:
    name, sha, filing, raw, failure = parsed
    if filing is None:
        put_quarantine(conn, name, sha, failure or "unreadable")
        report.quarantined += 1
        report.failures.append((name, failure or "unreadable"))
        return
    fatal = [p for p in filing.problems if p.severity == "error" and p.code in _QUARANTINE_CODES]
    if fatal:
        reason = "; ".join(f"{p.code}: {p.message}" for p in fatal)
        put_quarantine(conn, name, sha, reason)
        report.quarantined += 1
        report.failures.append((name, reason))
        return
    key = filing_key(filing)
    conn.execute(
        "INSERT INTO inputs(sha256, name, key) VALUES(?,?,?) ON CONFLICT(sha256) DO UPDATE SET name=excluded.name",
        (filing.source.sha256, name, key),
    )
    old = conn.execute("SELECT format FROM filings WHERE key = ?", (key,)).fetchone()
    if old is not None and old[0] == "sgml" and filing.source.format != "sgml":
        report.skipped += 1  # the full submission of this accession is stored: keep it
        return
    put_filing(conn, filing, raw)
    report.stored += 1
    report.bytes += filing.source.bytes
    if not filing.ok:
        report.with_errors += 1
        report.failures.extend((name, f"{p.code}: {p.message}") for p in filing.problems if p.severity == "error")


def ingest(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    workers: int = 1,
    batch: int = 200,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every filing under ``paths``; see the module docs for the guarantees."""
    report = IngestReport()
    started = time.perf_counter()
    last_tick = started

    def fresh() -> Iterator[Input | InputError]:
        for item in iter_inputs(paths):
            if _known(conn, item):
                report.skipped += 1
            else:
                yield item

    in_batch = 0
    try:
        for parsed in _parsed(fresh(), workers):
            if in_batch == 0:
                conn.execute("BEGIN IMMEDIATE")
            _write(conn, parsed, report)
            in_batch += 1
            now = time.perf_counter()
            if in_batch >= batch or now - last_tick > 2.0:
                conn.execute("COMMIT")
                in_batch = 0
            if progress is not None and now - last_tick > 0.5:
                report.seconds = now - started
                progress(report)
                last_tick = now
        if in_batch:
            conn.execute("COMMIT")
            in_batch = 0
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if in_batch:
            conn.execute("ROLLBACK")  # a partial batch is redone by the next run
    report.seconds = time.perf_counter() - started
    return report
