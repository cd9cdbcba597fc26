"""``eightk fetch``: 8-K submissions from EDGAR into a local archive (and, with ``--ingest``, the store)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from eightk.errors import FetchError, UsageError
from eightk.sources.edgar import SEC_BASE_URL, EdgarClient, RateLimiter
from eightk.sources.edgar_files import IndexEntry
from eightk.sources.fetch import (
    DEFAULT_FORMS,
    FetchReport,
    Selection,
    fetch,
    read_accession_list,
    select,
    tickers,
    write_json,
)

EXIT_OK, EXIT_ERRORS = 0, 1
STATE = ".eightk-fetch.json"  # in the archive: the last complete run's end, for --since last
DEFAULT_ARCHIVE = "edgar-archive"


def client_args(p: argparse.ArgumentParser) -> None:
    """The options every command that talks to EDGAR takes."""
    g = p.add_argument_group("EDGAR")
    g.add_argument("--user-agent", help='"Your Name you@example.org" (required; else $EIGHTK_USER_AGENT)')
    g.add_argument("--base-url", default=SEC_BASE_URL, help=f"EDGAR or a mirror (default: {SEC_BASE_URL})")
    g.add_argument("--rate", type=float, default=9.0, help="requests per second, all workers together (max 10)")
    g.add_argument(
        "--archive", default=None, help=f"local archive folder (default: $EIGHTK_ARCHIVE or ./{DEFAULT_ARCHIVE})"
    )


def open_client(args: argparse.Namespace, **kwargs: Any) -> EdgarClient:
    """The client the options describe; ``UsageError`` without a User-Agent or with a rate over 10/s."""
    try:
        limiter = RateLimiter(args.rate)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    ua = args.user_agent or os.environ.get("EIGHTK_USER_AGENT")
    return EdgarClient(ua or "", base_url=args.base_url, limiter=limiter, **kwargs)


def archive_of(args: argparse.Namespace) -> Path:
    return Path(args.archive or os.environ.get("EIGHTK_ARCHIVE") or DEFAULT_ARCHIVE)


def register(sub: Any) -> None:
    p = sub.add_parser("fetch", help="download 8-K submissions from EDGAR (politely; resumable)")
    p.add_argument("--cik", action="append", default=[], help="a filer's CIK (repeatable)")
    p.add_argument("--ticker", action="append", default=[], help="a filer's ticker (repeatable)")
    p.add_argument(
        "--form", action="append", default=[], help=f"form type (repeatable; default: {' '.join(DEFAULT_FORMS)})"
    )
    p.add_argument("--since", type=_since, help="filed on or after YYYY-MM-DD, or 'last': the last run's end")
    p.add_argument("--until", type=dt.date.fromisoformat, help="filed on or before YYYY-MM-DD (default: today)")
    p.add_argument(
        "--accessions", help="a file of filings to fetch, one a line (CIK ACCESSION), instead of the indexes"
    )
    p.add_argument("--workers", type=int, default=4, help="download threads (they share the rate; default 4)")
    p.add_argument("--ingest", action="store_true", help="also parse the fetched filings into the database")
    p.add_argument("--db", default=None, help="database for --ingest (default: $EIGHTK_DB or ./eightk.db)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    client_args(p)
    p.set_defaults(func=run_fetch)


def _since(text: str) -> dt.date | str:
    return "last" if text == "last" else dt.date.fromisoformat(text)


def _last_run(archive: Path) -> dt.date:
    """The ``until`` day of the last complete index run in ``archive`` (its day is fetched again: its
    index may have grown since). ``UsageError`` when no run has completed there."""
    try:
        return dt.date.fromisoformat(json.loads((archive / STATE).read_text(encoding="utf-8"))["until"])
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"--since last: no completed fetch recorded in {archive} yet; give a date") from None


def _entries(args: argparse.Namespace, client: EdgarClient, archive: Path) -> list[IndexEntry]:
    if args.accessions:
        try:
            text = Path(args.accessions).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read: {exc.strerror}", path=args.accessions) from None
        return read_accession_list(text, name=args.accessions)
    if not all(c.strip().isdigit() for c in args.cik):
        raise UsageError("--cik takes digits only")
    ciks = {str(int(c)) for c in args.cik}
    if args.ticker:
        known = {t: cik for t, cik, _ in tickers(client, archive)}
        missing = [t for t in args.ticker if t.upper() not in known]
        if missing:
            raise UsageError(f"not in EDGAR's ticker file: {', '.join(missing)}")
        ciks |= {known[t.upper()] for t in args.ticker}
    if args.since == "last":
        args.since = _last_run(archive)
    selection = Selection(
        frozenset(ciks) or None, tuple(f.upper() for f in args.form) or DEFAULT_FORMS, args.since, args.until
    )
    return select(client, archive, selection)


class _Bar:
    """A tqdm bar on stderr: filings done, rate, ETA, retries and failures."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.retries = 0

    def retry(self, reason: str) -> None:
        self.retries += 1

    def __call__(self, report: FetchReport, total: int) -> None:
        if self.quiet:
            return
        if self.bar is None:
            try:
                from tqdm import tqdm
            except ModuleNotFoundError:
                print("eightk: no progress bar without tqdm (pip install 'eightk[fetch]')", file=sys.stderr)
                self.quiet = True
                return
            interval = 0.5 if sys.stderr.isatty() else 10.0
            self.bar = tqdm(total=total, unit="filing", file=sys.stderr, mininterval=interval, desc="fetch")
        self.bar.set_postfix(retries=self.retries, failed=len(report.failed), refresh=False)
        self.bar.update(report.fetched + len(report.failed) - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_fetch(args: argparse.Namespace) -> int:
    archive = archive_of(args)
    bar = _Bar(args.quiet)
    with open_client(args, on_retry=bar.retry) as client:
        entries = _entries(args, client, archive)
        result = fetch(client, archive, entries, workers=args.workers, progress=bar)
        ticker_rows = _ticker_rows(client, archive) if args.ingest and not result.interrupted else []
    bar.close()
    result.retries = bar.retries
    print(
        f"{result.selected} filings selected: {result.fetched} fetched ({result.bytes / 1e6:.1f} MB, "
        f"{result.seconds:.1f} s), {result.skipped} already here, {len(result.failed)} failed, "
        f"{result.retries} retries; archive {archive}",
        file=sys.stderr,
    )
    for path, reason in result.failed:
        print(f"eightk: {path}: {reason}", file=sys.stderr)
    if result.interrupted:
        return 130
    if not args.accessions and not result.failed:  # what --since last starts from next time
        until = min(args.until or dt.datetime.now(dt.UTC).date(), dt.datetime.now(dt.UTC).date())
        write_json(archive / STATE, {"until": until.isoformat()})
    status = EXIT_ERRORS if result.failed else EXIT_OK
    if args.ingest and result.files:
        status = max(status, _ingest(args, result.files, ticker_rows))
    return status


def _ticker_rows(client: EdgarClient, archive: Path) -> list[tuple[str, str, str]]:
    try:
        return tickers(client, archive)
    except FetchError as exc:
        print(f"eightk: warning: tickers not updated: {exc}", file=sys.stderr)
        return []


def _ingest(args: argparse.Namespace, files: list[Path], ticker_rows: list[tuple[str, str, str]]) -> int:
    from eightk.store import DEFAULT_DB, Store

    with Store(args.db or os.environ.get("EIGHTK_DB") or DEFAULT_DB) as store:
        if ticker_rows:
            store.set_tickers(ticker_rows)
        done = store.ingest([str(f) for f in files], workers=max(1, min(4, os.cpu_count() or 1)))
    print(
        f"ingest: {done.stored} stored, {done.skipped} already stored, {done.quarantined} quarantined", file=sys.stderr
    )
    return EXIT_ERRORS if done.quarantined else EXIT_OK


__all__ = ["FetchError", "archive_of", "client_args", "open_client", "register", "run_fetch"]
