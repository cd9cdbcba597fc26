"""Fetch 8-K submissions from EDGAR into a local archive laid out like EDGAR's.

``select(client, archive, selection)`` reads EDGAR's indexes (quarterly ``full-index`` for past
quarters, ``daily-index`` for the days of the current one; both kept under ``archive`` so a later run asks
again only for what can still change) and returns the filings that match. ``fetch(client, archive,
entries, workers=4)`` downloads the ones not yet complete at ``archive/edgar/data/CIK/ACCESSION.txt``
with ``workers`` threads sharing the client's rate limit. A file at its final name is always whole
(see ``EdgarClient.download``), so re-running after Ctrl-C, a crash or ``kill -9`` skips what is done and
fetches the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from eightk.errors import FetchError, UsageError
from eightk.sources.edgar import EdgarClient, NotFound
from eightk.sources.edgar_files import IndexEntry, accession_of, parse_master_idx, parse_tickers, submission_path

__all__ = [
    "DEFAULT_FORMS",
    "FetchReport",
    "Selection",
    "fetch",
    "read_accession_list",
    "select",
    "tickers",
    "write_json",
]

DEFAULT_FORMS = ("8-K", "8-K/A")
FIRST_DAY = dt.date(1993, 1, 1)  # EDGAR's indexes start in 1993
TICKERS_PATH = "/files/company_tickers.json"
TICKERS_MAX_AGE = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class Selection:
    """Which filings to fetch: by filer ``ciks`` (None: every filer), ``forms`` (exact form types), and
    filing dates ``since``..``until`` inclusive (None: from 1993 / up to today)."""

    ciks: frozenset[str] | None = None
    forms: tuple[str, ...] = DEFAULT_FORMS
    since: dt.date | None = None
    until: dt.date | None = None

    def matches(self, e: IndexEntry) -> bool:
        return (
            e.form_type in self.forms
            and (self.ciks is None or e.cik in self.ciks)
            and (self.since is None or e.filed >= self.since)
            and (self.until is None or e.filed <= self.until)
        )


@dataclass
class FetchReport:
    """What a fetch did: ``selected`` filings, ``skipped`` (already complete), ``fetched`` (now), their
    ``bytes``, ``retries`` made, ``failed`` as (path, reason), ``files`` (every selected filing now
    complete on disk), wall ``seconds``, and whether it was ``interrupted``."""

    selected: int = 0
    skipped: int = 0
    fetched: int = 0
    bytes: int = 0
    retries: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _quarters(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    year, q = _quarter(first)
    while (year, q) <= _quarter(last):
        yield year, q
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)


def _cached(client: EdgarClient, archive: Path, path: str, *, keep: bool) -> bytes | None:
    """The file at ``path`` (``/Archives/edgar/...``), from ``archive`` if kept there, else fetched (and
    kept when ``keep``: it can no longer change). None when EDGAR has no such file."""
    local = archive / path.removeprefix("/Archives/")
    if local.is_file():
        return local.read_bytes()
    try:
        data = client.get(path)
    except NotFound:
        return None
    if keep:
        local.parent.mkdir(parents=True, exist_ok=True)
        tmp = local.with_name(local.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, local)
    return data


def select(
    client: EdgarClient, archive: Path, selection: Selection, *, today: dt.date | None = None
) -> list[IndexEntry]:
    """The filings matching ``selection``, from EDGAR's indexes, oldest first, each once. Past quarters
    come from ``full-index/YYYY/QTRn/master.idx``; the current quarter from each weekday's
    ``daily-index`` (a day without one is skipped). Raises ``FetchError`` when an index cannot be had."""
    today = today or dt.datetime.now(dt.UTC).date()
    first = max(selection.since or FIRST_DAY, FIRST_DAY)
    last = min(selection.until or today, today)
    found: dict[str, IndexEntry] = {}
    for year, q in _quarters(first, last):
        if (year, q) < _quarter(today):
            data = _cached(client, archive, f"/Archives/edgar/full-index/{year}/QTR{q}/master.idx", keep=True)
            rows = list(parse_master_idx(data or b""))
        else:
            rows = list(_current_quarter(client, archive, max(first, dt.date(year, 3 * q - 2, 1)), last, today))
        for e in rows:
            if selection.matches(e):
                found.setdefault(e.accession, e)
    return sorted(found.values(), key=lambda e: (e.filed, e.accession))


def _current_quarter(
    client: EdgarClient, archive: Path, first: dt.date, last: dt.date, today: dt.date
) -> Iterator[IndexEntry]:
    day = first
    while day <= last:
        if day.weekday() < 5:
            q = (day.month - 1) // 3 + 1
            path = f"/Archives/edgar/daily-index/{day.year}/QTR{q}/master.{day:%Y%m%d}.idx"
            yield from parse_master_idx(_cached(client, archive, path, keep=day < today) or b"")
        day += dt.timedelta(days=1)


def tickers(client: EdgarClient, archive: Path, *, max_age: float = TICKERS_MAX_AGE) -> list[tuple[str, str, str]]:
    """EDGAR's ticker file as ``(ticker, cik, title)`` rows, kept at ``archive/company_tickers.json`` and
    fetched again when older than ``max_age`` seconds. ``FetchError`` if it cannot be had or read."""
    local = archive / "company_tickers.json"
    if not local.is_file() or time.time() - local.stat().st_mtime > max_age:
        data = client.get(TICKERS_PATH)
        try:
            parse_tickers(data)
        except ValueError as exc:
            raise FetchError(str(exc), path=client.base_url + TICKERS_PATH) from None
        local.parent.mkdir(parents=True, exist_ok=True)
        local.with_name(local.name + ".part").write_bytes(data)
        os.replace(local.with_name(local.name + ".part"), local)
    try:
        return parse_tickers(local.read_bytes())
    except ValueError as exc:
        raise FetchError(str(exc), path=str(local)) from None


def read_accession_list(text: str, *, name: str = "accession list") -> list[IndexEntry]:
    """Filings named one a line as ``CIK ACCESSION``, ``edgar/data/CIK/ACCESSION.txt`` or a bare
    ``ACCESSION`` (then the CIK is its first ten digits, the filer agent's, which EDGAR also serves it
    under when the agent is the filer). Blank lines and ``#`` comments are skipped; ``UsageError``
    names the first line that is none of these."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(?:(\d+)[\s,/]+|edgar/data/(\d+)/)?(\d{10}-\d{2}-\d{6})(?:\.txt)?", line)
        if m is None:
            raise UsageError(f"line {number} is not CIK ACCESSION, a path or an accession: {line!r}", path=name)
        acc = m.group(3)
        cik = str(int(m.group(1) or m.group(2) or acc[:10]))
        entries.append(IndexEntry(cik, "", "", dt.date.min, submission_path(cik, accession_of(acc))))
    return entries


def fetch(
    client: EdgarClient,
    archive: Path,
    entries: Iterable[IndexEntry],
    *,
    workers: int = 4,
    progress: Callable[[FetchReport, int], None] | None = None,
) -> FetchReport:
    """Download each entry's submission to ``archive/<entry.path>`` unless already there; ``workers``
    threads share ``client`` (and its rate limit). A filing that fails after the client's retries is
    listed in ``report.failed`` and the others go on. Ctrl-C stops the workers between requests and
    returns the report with ``interrupted`` set (what was renamed into place is complete).
    ``progress(report, total)`` is called after each filing."""
    report = FetchReport()
    started = time.perf_counter()
    todo: list[IndexEntry] = []
    for e in entries:
        report.selected += 1
        dest = archive / e.path
        if dest.is_file():
            report.skipped += 1
            report.files.append(dest)
        else:
            todo.append(e)
    lock = threading.Lock()

    def one(e: IndexEntry) -> None:
        dest = archive / e.path
        try:
            size = client.download("/Archives/" + e.path, dest)
        except FetchError as exc:
            if exc.reason == "stopped":
                return
            with lock:
                report.failed.append((e.path, exc.reason))
            return
        except OSError as exc:  # the archive's disk: full, read-only, …
            with lock:
                report.failed.append((e.path, f"cannot write {dest}: {exc.strerror or exc}"))
            return
        with lock:
            report.fetched += 1
            report.bytes += size
            report.files.append(dest)

    _run_pool(
        one, todo, workers, lambda: progress(report, len(todo)) if progress else None, client=client, report=report
    )
    report.seconds = time.perf_counter() - started
    report.files.sort()
    return report


def _run_pool(
    one: Callable[[IndexEntry], None],
    todo: list[IndexEntry],
    workers: int,
    tick: Callable[[], object],
    *,
    client: EdgarClient,
    report: FetchReport,
) -> None:
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="eightk-fetch")
    pending: set[Future[None]] = set()
    queue = iter(todo)
    try:
        for e in queue:  # keep at most 2 × workers filings in flight, so Ctrl-C has little to cancel
            pending.add(pool.submit(one, e))
            if len(pending) >= 2 * max(1, workers):
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for _ in done:
                    tick()
        for future in list(pending):
            future.result()
            tick()
    except KeyboardInterrupt:
        report.interrupted = True
        client.stop()
        print("eightk: stopping; completed files are kept, a re-run fetches the rest", file=sys.stderr)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_json(path: Path, doc: object) -> None:
    """Write ``doc`` as JSON at ``path`` through a temporary file (never half-written)."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    os.replace(tmp, path)
