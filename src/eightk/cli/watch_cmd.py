"""``eightk watch``: poll EDGAR's latest-filings feed, fetch and ingest each new 8-K, and print the ones
that match a saved search (a query and filters), each once."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from eightk.cli.fetch_cmd import archive_of, client_args, open_client
from eightk.cli.store_cmd import _filter_args, _filters
from eightk.errors import FetchError, UsageError
from eightk.sources.edgar import EdgarClient
from eightk.sources.edgar_files import IndexEntry, parse_feed
from eightk.sources.fetch import DEFAULT_FORMS, fetch
from eightk.store import DEFAULT_DB, Store
from eightk.store.saved import matching

FEED = "/cgi-bin/browse-edgar?action=getcurrent&type=8-K&count=100&output=atom"


def register(sub: Any) -> None:
    p = sub.add_parser("watch", help="fetch and ingest new 8-Ks as EDGAR publishes them; print those that match")
    p.add_argument("query", nargs="?", help="FTS5 query the item or exhibit texts must match (optional)")
    p.add_argument("--every", type=float, default=60.0, help="seconds between polls of the feed (default: 60)")
    p.add_argument("--polls", type=int, default=0, help="stop after this many polls (default: never)")
    p.add_argument("--jsonl", help="append each match as a JSON line to this file (default: print a line)")
    p.add_argument("--db", default=None, help="database (default: $EIGHTK_DB or ./eightk.db)")
    _filter_args(p)
    client_args(p)
    p.set_defaults(func=run_watch)


def _new_entries(client: EdgarClient, store: Store) -> list[IndexEntry]:
    """The feed's 8-Ks (and amendments) not yet stored, oldest first, each once."""
    try:
        feed = parse_feed(client.get(FEED))
    except ValueError as exc:
        raise FetchError(str(exc), path=client.base_url + FEED) from None
    fresh = {e.accession: e for e in feed if e.form_type in DEFAULT_FORMS and store.get_id(e.accession) is None}
    return sorted(fresh.values(), key=lambda e: (e.filed, e.accession))


def _report(store: Store, accessions: list[str], out: TextIO | None) -> None:
    for acc in accessions:
        filing = store.get(acc)
        if filing is None:
            continue
        row: dict[str, Any] = {
            "accession": acc,
            "cik": filing.registrant.cik,
            "company": filing.registrant.name,
            "form_type": filing.form_type,
            "date": filing.date_of_report.isoformat() if filing.date_of_report else None,
            "items": list(filing.item_codes),
            "events": [e.type for e in filing.events],
        }
        if out is not None:
            out.write(json.dumps(row) + "\n")
            out.flush()
        else:
            print(f"{acc}  {row['date'] or '':10}  {row['company'] or '?'}  items {' '.join(row['items'])}", flush=True)


def poll_once(client: EdgarClient, store: Store, archive: Path, args: argparse.Namespace, out: TextIO | None) -> int:
    """One poll: fetch, ingest and match the feed's new filings; return how many matched."""
    new = _new_entries(client, store)
    if not new:
        return 0
    got = fetch(client, archive, new, workers=2)
    for path, reason in got.failed:
        print(f"eightk: {path}: {reason} (tried again at the next poll)", file=sys.stderr)
    if got.files:
        store.ingest([str(f) for f in got.files])
    found = matching(store.conn, [e.accession for e in new], args.query, _filters(args))
    _report(store, found, out)
    return len(found)


def run_watch(args: argparse.Namespace) -> int:
    if args.every < 1:
        raise UsageError("--every must be at least 1 second")
    archive = archive_of(args)
    out = open(args.jsonl, "a", encoding="utf-8") if args.jsonl else None  # noqa: SIM115 - open while watching
    polls = 0
    try:
        with open_client(args) as client, Store(args.db or os.environ.get("EIGHTK_DB") or DEFAULT_DB) as store:
            while True:
                started = time.monotonic()
                try:
                    poll_once(client, store, archive, args, out)
                except FetchError as exc:  # EDGAR down: say so, and try again at the next poll
                    print(f"eightk: {exc} (trying again in {args.every:g} s)", file=sys.stderr)
                polls += 1
                if args.polls and polls >= args.polls:
                    return 0
                time.sleep(max(0.0, args.every - (time.monotonic() - started)))
    finally:
        if out is not None:
            out.close()
