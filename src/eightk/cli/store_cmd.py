"""``eightk ingest | search | show | export | stats | reparse``: the store from the command line."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

from eightk.catalog import code_for
from eightk.cli.parse_cmd import time_budget_arg
from eightk.cli.progress import Bar
from eightk.errors import OutputError, UsageError
from eightk.model import EVENT_TYPES, Filing, record_to_dict
from eightk.store import DEFAULT_DB, Store
from eightk.store.export import COLUMNS
from eightk.store.ingest import IngestReport

EXIT_OK, EXIT_ERRORS = 0, 1


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, help=f"database file (default: $EIGHTK_DB or ./{DEFAULT_DB})")


def _positive_int(value: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _event_type(value: str) -> str:
    """argparse type: one of the event types records carry (model.EVENT_TYPES)."""
    if value not in EVENT_TYPES:
        raise argparse.ArgumentTypeError(f"unknown event {value!r}: use one of {', '.join(EVENT_TYPES)}")
    return value


MONEY_FIELDS = ("upfront", "milestones", "equity", "total_value", "amount", "consideration", "revenue", "net_income",
                "per_share")  # fmt: skip


def _money_field(value: str) -> str:
    """argparse type: a money field events carry (upfront, milestones, … per_share)."""
    if value not in MONEY_FIELDS:
        raise argparse.ArgumentTypeError(f"unknown money field {value!r}: use one of {', '.join(MONEY_FIELDS)}")
    return value


def _currency(value: str) -> str:
    """argparse type: a three-letter currency code (USD, EUR, JPY …), in any case."""
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is no currency code: use three letters such as USD or EUR")
    return value.upper()


def _item(value: str) -> str:
    """argparse type: an item code or old item number the catalog knows ("8.01", "5", "Item 5")."""
    text = value.strip()
    if code_for(text[4:].strip() if text[:4].lower() == "item" else text) is None:
        raise argparse.ArgumentTypeError(f"unknown item {value!r}: use a code like 8.01 or an old item number like 5")
    return value


def _filter_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--company", help="registrant name contains this (case-insensitive)")
    g.add_argument("--cik")
    g.add_argument("--ticker")
    g.add_argument("--form", help="form type, e.g. 8-K or 8-K/A")
    g.add_argument("--item", type=_item, help="item code (8.01) or old item number (5); both eras match")
    g.add_argument("--event", type=_event_type, help=f"event type: {', '.join(EVENT_TYPES)}")
    g.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, help="on or after YYYY-MM-DD")
    g.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, help="on or before YYYY-MM-DD")
    g.add_argument("--min-amount", type=float, help="an event amount (e.g. upfront) at least this many units")
    g.add_argument("--max-amount", type=float, help="an event amount at most this many units")
    g.add_argument(
        "--amount-field", type=_money_field, help=f"the money field the amounts apply to: {', '.join(MONEY_FIELDS)}"
    )
    g.add_argument("--currency", type=_currency, help="the currency the amounts are in (USD)")


_FILTER_KEYS = (
    "company",
    "cik",
    "ticker",
    "form",
    "item",
    "event",
    "date_from",
    "date_to",
    "min_amount",
    "max_amount",
    "amount_field",
    "currency",
)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    """The filter arguments given; a UsageError when an amount qualifier has no amount to qualify."""
    out = {k: getattr(args, k) for k in _FILTER_KEYS if getattr(args, k, None) is not None}
    qualifiers = [f"--{k.replace('_', '-')}" for k in ("amount_field", "currency") if k in out]
    if qualifiers and "min_amount" not in out and "max_amount" not in out:
        given = " and ".join(qualifiers)
        verb = "narrow" if len(qualifiers) > 1 else "narrows"
        raise UsageError(f"{given} only {verb} an amount filter: give --min-amount or --max-amount too")
    return out


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The database of ``--db``, ``EIGHTK_DB`` or ./eightk.db. Only ``ingest`` (``create``) may start a new
    one: reading commands given a path that holds no database say so instead of searching an empty one."""
    path = args.db or os.environ.get("EIGHTK_DB") or DEFAULT_DB
    if not create and not os.path.exists(path):
        raise UsageError(f"{path}: no such database (create one with: eightk ingest PATH... --db {path})")
    return Store(path)


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="parse filings into the database (resumable; re-running is safe)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)), help="parsing processes")
    p.add_argument("--batch", type=int, default=200, help="filings per transaction (default: 200)")
    time_budget_arg(p)
    p.add_argument("--engine", choices=("process", "dask"), default="process", help="dask: parse on a Dask cluster")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster of --workers processes)")
    p.add_argument("--shards", help="Parquet shard folder for --engine dask (default: DB.shards)")
    _db_arg(p)
    p.set_defaults(func=run_ingest)

    s = sub.add_parser("search", help="full-text search over item and exhibit texts")
    s.add_argument("query", help='FTS5 query: words, "a phrase", AND/OR/NOT, prefix*')
    s.add_argument("--limit", type=_positive_int, default=20, help="at most this many hits (default: 20)")
    s.add_argument("--json", action="store_true")
    _filter_args(s)
    _db_arg(s)
    s.set_defaults(func=run_search)

    sh = sub.add_parser("show", help="print one stored filing")
    sh.add_argument("key", metavar="ACCESSION|ID")
    sh.add_argument("--json", action="store_true")
    _db_arg(sh)
    sh.set_defaults(func=run_show)

    e = sub.add_parser("export", help="export rows per filing, item or event (jsonl, csv, parquet)")
    e.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    e.add_argument("--level", choices=("filing", "item", "event"), default="filing")
    e.add_argument("-o", "--output", help="file to write (default: standard output; required for parquet)")
    _filter_args(e)
    _db_arg(e)
    e.set_defaults(func=run_export)

    st = sub.add_parser("stats", help="what the database holds")
    st.add_argument("--json", action="store_true")
    _db_arg(st)
    st.set_defaults(func=run_stats)

    o = sub.add_parser(
        "optimize",
        help="merge the full-text index into one segment after large ingests (faster searches, same results)",
    )
    _db_arg(o)
    o.set_defaults(func=run_optimize)

    r = sub.add_parser("reparse", help="rebuild every record from the stored raw bytes (after an upgrade)")
    r.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)), help="parsing processes")
    _db_arg(r)
    r.set_defaults(func=run_reparse)


def _print_failures(report: IngestReport) -> None:
    for name, reason in report.failures[:50]:
        print(f"eightk: {name}: {reason}", file=sys.stderr)
    if len(report.failures) > 50:
        print("eightk: … and more: see the quarantine and problems tables", file=sys.stderr)


def run_ingest(args: argparse.Namespace) -> int:
    if args.workers < 1 or args.batch < 1:
        raise UsageError("--workers and --batch must be at least 1")
    if args.engine == "dask":
        from eightk.cli.scale_cmd import run_dask_ingest

        return run_dask_ingest(args)
    with _open(args, create=True) as store, Bar(args.paths) as bar:
        report = store.ingest(
            args.paths,
            workers=args.workers,
            batch=args.batch,
            progress=lambda r: bar.update_to(r.done + r.skipped),
            time_budget=args.time_budget,
        )
        bar.update_to(report.done + report.skipped)  # the store reports at most once a second
        total = store.stats()["filings"]
    _print_failures(report)
    verb = "Interrupted after" if report.interrupted else "Ingested"
    print(
        f"{verb} {report.stored} filings ({report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s "
        f"({report.rate:.0f} filings/s, {report.bytes / 1e6 / max(report.seconds, 1e-9):.1f} MB/s); "
        f"{report.skipped - report.copies - report.quarantined_before} already stored, "
        f"{report.copies} kept out as copies of a stored submission, {report.quarantined} quarantined"
        + (f" ({report.quarantined_before} more quarantined before)" if report.quarantined_before else "")
        + ", "
        f"{report.with_errors} stored with errors. The database holds {total} filings."
    )
    if report.interrupted:
        print("Run the same command again to finish: nothing is lost or stored twice.")
        return 130
    return EXIT_ERRORS if report.failures else EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        hits = store.search(args.query, limit=args.limit, **_filters(args))
    if args.json:
        for h in hits:
            print(json.dumps({k: getattr(h, k) for k in h.__slots__}, ensure_ascii=False))
        return EXIT_OK
    if not hits:
        print("No matches.")
    for h in hits:
        where = h.label or (f"Item {h.ref}" if h.kind == "item" else f"document {h.ref}")
        named = h.accession or f"#{h.filing_id}" + (f" {h.source}" if h.source else "")  # a bare text: its file
        print(f"{h.date or '????-??-??'}  {h.company or '?'}  {named}  {where}")
        print(f"    {' '.join(h.snippet.split())}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    with _open(args) as store:
        filing = store.get(args.key)
    if filing is None:
        raise UsageError(f"no stored filing {args.key!r}")
    if args.json:
        print(json.dumps(filing.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in show_lines(filing):
        print(line)
    return EXIT_OK


def show_lines(filing: Filing) -> Iterator[str]:
    """A filing as a person reads it: the cover, each item with its text, signatures, exhibits, and each
    event with its fields (a value per line, money as amount and currency)."""
    r = filing.registrant
    yield f"{r.name}  (CIK {r.cik or '?'})  {filing.form_type}  accession {filing.accession or '-'}"
    yield f"Date of report {filing.date_of_report or '?'}; filed {filing.filed_at or '?'}; {filing.source.path}"
    a = r.address
    cover = [("State of incorporation", r.state_of_incorporation), ("File number", r.file_number),
             ("IRS number", r.irs_number), ("Phone", r.phone),
             ("Address", ", ".join(x for x in (a.street, a.city, a.state, a.zip) if x))]  # fmt: skip
    for label, value in cover:
        if value:
            yield f"  {label}: {value}"
    for it in filing.items:
        mark = "" if it.applicable else "  (not applicable)"
        yield ""
        yield f"Item {it.number} [{it.code}] {it.title or ''}{mark}"
        text = " ".join(it.span.quote.split())
        yield "  " + (text[:2000] + " …" if len(text) > 2000 else text)
    if filing.signatures:
        yield ""
    for s in filing.signatures:
        yield f"Signed: {s.name or '?'}, {s.title or ''} for {s.entity or '?'} ({s.date or '?'})"
    for e in filing.exhibits:
        yield f"Exhibit {e.number}: {e.description or ''}"
    for ev in filing.events:
        yield ""
        yield f"Event: {ev.type}"
        for name, value in record_to_dict(ev).items():
            if name in ("type", "evidence", "values") or value in (None, [], {}):
                continue
            yield f"  {name}: {_plain(value)}"
    for p in filing.problems:
        yield f"{p.severity}: {p.code}: {p.message}"


def _plain(value: Any) -> str:
    if isinstance(value, dict) and "amount" in value and "currency" in value:
        q = f"{value['qualifier']} " if value.get("qualifier") else ""
        return f"{q}{value['amount']:,} {value['currency']}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    return str(value)


def run_export(args: argparse.Namespace) -> int:
    if args.format == "parquet":
        return _parquet(args)
    out = _open_output(args.output, "w") if args.output else sys.stdout  # a bad path fails before the store opens
    try:
        with _open(args) as store:
            rows = store.rows(args.level, **_filters(args))
            try:
                if args.format == "jsonl":
                    for row in rows:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS[args.level]])
                    writer.writeheader()
                    writer.writerows(rows)
            finally:
                if close := getattr(rows, "close", None):
                    close()  # the rows' cursor ends while its connection is still open
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_OK


def _open_output(path: str, mode: str) -> IO[str]:
    """``path`` opened for writing; an OutputError naming it and the reason when it cannot be."""
    try:
        return open(path, mode, newline="", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from None


def _parquet(args: argparse.Namespace) -> int:
    if not args.output:
        raise UsageError("--format parquet needs -o FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise UsageError("Parquet export needs pyarrow: pip install 'eightk[export]'") from None
    kinds = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(), "str": pa.string()}
    columns = COLUMNS[args.level]
    schema = pa.schema([pa.field(name, kinds[kind]) for name, kind in columns])
    dates = [name for name, kind in columns if kind == "date"]
    _open_output(args.output, "w").close()  # a bad path is a clear error before any work
    with _open(args) as store, pq.ParquetWriter(args.output, schema) as writer:
        rows = store.rows(args.level, **_filters(args))
        while chunk := list(itertools.islice(rows, 5000)):
            for row in chunk:
                for name in dates:
                    row[name] = _iso_date(row[name])
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    return EXIT_OK


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def run_stats(args: argparse.Namespace) -> int:
    with _open(args) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, indent=2))
        return EXIT_OK
    print(f"{stats['database']}: {stats['filings']} filings of {stats['companies']} companies, "
          f"{stats['first_date']} to {stats['last_date']}; {stats['with_errors']} with errors, "
          f"{stats['quarantined']} inputs quarantined; {stats['bytes_on_disk'] / 1e6:.1f} MB on disk")  # fmt: skip
    for title in ("items", "events", "problems"):
        print(f"{title.capitalize()}:")
        for key, n in stats[title].items():
            print(f"  {key:<28} {n:>8}")
    return EXIT_OK


def run_reparse(args: argparse.Namespace) -> int:
    with _open(args) as store, Bar(total=store.stats()["filings"]) as bar:
        report = store.reparse(workers=args.workers, progress=lambda r: bar.update_to(r.done + r.skipped))
        bar.update_to(report.done + report.skipped)
    print(f"Reparsed {report.stored} filings in {report.seconds:.1f} s; {report.quarantined} could not be read; "
          f"{report.skipped} kept as they were.")  # fmt: skip
    _print_failures(report)
    if report.interrupted:
        return 130
    return EXIT_ERRORS if report.failures else EXIT_OK


def run_optimize(args: argparse.Namespace) -> int:
    with _open(args) as store:
        started = time.monotonic()
        before, after = store.optimize()
    print(f"full-text index: {before} segment(s) -> {after} ({time.monotonic() - started:.1f} s)")
    return 0
