"""``eightk parse`` and ``eightk text``: read filings and print records, a summary, or normalized text."""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from typing import Any, TextIO

from eightk.cli.progress import Bar
from eightk.errors import UsageError
from eightk.model import Filing
from eightk.read import TIME_BUDGET, parse_input, parse_paths
from eightk.sources.local import Input, InputError, is_archive, iter_inputs

EXIT_OK, EXIT_ERRORS = 0, 1


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse filings (files, directories, archives) into JSON records")
    p.add_argument("paths", nargs="+", metavar="PATH")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--jsonl", action="store_true", help="one compact JSON record per line (the default)")
    out.add_argument("--json", action="store_true", help="one JSON array of the records, indented")
    out.add_argument("--summary", action="store_true", help="print a summary instead of the records")
    p.add_argument("--no-events", action="store_true", help="skip event extraction")
    time_budget_arg(p)
    p.set_defaults(func=run_parse)

    t = sub.add_parser("text", help="print the normalized text of one document of a filing")
    t.add_argument("path", metavar="PATH")
    t.add_argument("--doc", type=int, default=None, help="document sequence (default: the primary document)")
    t.set_defaults(func=run_text)


def time_budget_arg(p: argparse.ArgumentParser) -> None:
    """``--time-budget SECONDS``: CPU seconds one input may take (0: no limit)."""
    p.add_argument(
        "--time-budget",
        type=_budget,
        default=TIME_BUDGET,
        metavar="SECONDS",
        help=f"CPU seconds one input may take; past them it is recorded as a failure naming the stage that "
        f"ran out, and the batch goes on (default: {TIME_BUDGET:g}; 0: no limit)",
    )


def _budget(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value[:40]!r}") from None
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"a time budget is 0 (no limit) or a number of seconds, not {value[:40]!r}")
    return seconds or None


def _errors(filing: Filing) -> list[str]:
    return [f"{p.code}: {p.message}" for p in filing.problems if p.severity == "error"]


def run_parse(args: argparse.Namespace) -> int:
    """Records as JSON Lines (one compact record a line, the default), as one JSON array (``--json``, written
    as the records come, so memory stays flat), or a summary; never JSON objects back to back."""
    summary = Summary() if args.summary else None
    status = EXIT_OK
    out = sys.stdout
    first = True
    if args.json:
        out.write("[")
    with Bar(args.paths) as bar:
        for filing in parse_paths(args.paths, events=not args.no_events, time_budget=args.time_budget):
            for reason in _errors(filing):
                bar.note(f"eightk: {filing.source.path}: {reason}")
                status = EXIT_ERRORS
            if summary is not None:
                summary.add(filing)
            elif args.json:
                out.write(("\n" if first else ",\n") + json.dumps(filing.to_dict(), ensure_ascii=False, indent=2))
            else:
                out.write(json.dumps(filing.to_dict(), ensure_ascii=False) + "\n")
            first = False
            bar.update()
    if args.json:
        out.write("\n]\n")
    if summary is not None:
        summary.print(out)
    return status


def run_text(args: argparse.Namespace) -> int:
    if is_archive(args.path):
        raise UsageError("`eightk text` reads one filing, not an archive")
    items = list(iter_inputs([args.path]))
    if len(items) != 1:
        raise UsageError(f"{args.path}: expected one filing, found {len(items)}")
    item = items[0]
    if isinstance(item, InputError):
        print(f"eightk: {item.name}: {item.reason}", file=sys.stderr)
        return EXIT_ERRORS
    assert isinstance(item, Input)
    filing = parse_input(item, events=False)
    seq = args.doc if args.doc is not None else _primary_sequence(filing)
    doc = filing.document(seq) if seq is not None else None
    if doc is None:
        have = ", ".join(f"{d.sequence} ({d.type or d.format})" for d in filing.documents) or "none"
        raise UsageError(f"{args.path}: no document {seq}; documents: {have}")
    if not doc.text:
        raise UsageError(f"{args.path}: document {seq} is {doc.format}; it has no text")
    sys.stdout.write(doc.text + "\n")
    return EXIT_OK


def _primary_sequence(filing: Filing) -> int | None:
    if filing.items:
        return filing.items[0].span.doc
    return next((d.sequence for d in filing.documents if d.text), None)


class Summary:
    """What a person wants to know after a run: how many, what items, what events, what went wrong."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.filings = 0
        self.bytes = 0
        self.failed = 0
        self.formats: collections.Counter[str] = collections.Counter()
        self.items: collections.Counter[str] = collections.Counter()
        self.events: collections.Counter[str] = collections.Counter()
        self.problems: collections.Counter[str] = collections.Counter()
        self.years: collections.Counter[str] = collections.Counter()

    def add(self, f: Filing) -> None:
        self.filings += 1
        self.bytes += f.source.bytes
        self.failed += not f.ok
        self.formats[f.source.format] += 1
        self.items.update(f.item_codes)
        self.events.update(e.type for e in f.events)
        self.problems.update(f"{p.severity} {p.code}" for p in f.problems)
        day = f.filed_at or f.date_of_report
        self.years[str(day.year) if day else "unknown"] += 1

    def print(self, out: TextIO) -> None:
        secs = time.perf_counter() - self.started
        rate = self.filings / secs if secs > 0 else 0.0
        out.write(
            f"Read {self.filings} filings ({self.bytes / 1e6:.1f} MB) in {secs:.2f} s "
            f"({rate:.0f} filings/s); {self.filings - self.failed} clean, {self.failed} with errors.\n"
        )
        _table(out, "Formats", self.formats)
        _table(out, "Years", dict(sorted(self.years.items())))
        _table(out, "Items found (by modern code)", dict(sorted(self.items.items())))
        _table(out, "Events", self.events)
        _table(out, "Problems", self.problems)


def _table(out: TextIO, title: str, counts: collections.Counter[str] | dict[str, int]) -> None:
    out.write(f"\n{title}:\n")
    if not counts:
        out.write("  (none)\n")
        return
    items = counts.most_common() if isinstance(counts, collections.Counter) else list(counts.items())
    width = max(len(k) for k, _ in items)
    for key, n in items:
        out.write(f"  {key:<{width}}  {n:>6}\n")
