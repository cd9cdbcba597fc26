"""``eightk ingest --engine dask`` and ``eightk load``: the parse on Dask, Parquet shards into the store."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from eightk.store import DEFAULT_DB, Store
from eightk.store.ingest import IngestReport

EXIT_OK, EXIT_ERRORS = 0, 1


def register(sub: Any) -> None:
    p = sub.add_parser("load", help="merge Parquet shards (from ingest --engine dask) into the database")
    p.add_argument("shards", metavar="PARQUET_DIR")
    p.add_argument("--batch", type=int, default=200, help="filings per transaction (default: 200)")
    p.add_argument("--db", default=None, help="database file (default: $EIGHTK_DB or ./eightk.db)")
    p.set_defaults(func=run_load)


def _db(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("EIGHTK_DB") or DEFAULT_DB)


def _summary(report: IngestReport, verb: str) -> int:
    for name, reason in report.failures:
        print(f"eightk: {name}: {reason}", file=sys.stderr)
    print(
        f"{verb} {report.stored} filings in {report.seconds:.1f} s; {report.skipped} already stored, "
        f"{report.quarantined} quarantined, {report.with_errors} stored with errors."
    )
    if report.interrupted:
        print("Run the same command again to finish: nothing is lost or stored twice.")
        return 130
    return EXIT_ERRORS if report.failures else EXIT_OK


def run_load(args: argparse.Namespace) -> int:
    from eightk.scale.dask_ingest import load

    with Store(_db(args)) as store:
        report = load(store.conn, Path(args.shards), batch=args.batch)
    return _summary(report, "Loaded")


def run_dask_ingest(args: argparse.Namespace) -> int:
    """Parse ``args.paths`` on Dask into shards (``--shards``, default DB.shards), then load them."""
    from eightk.scale.dask_ingest import load, run

    shards = Path(args.shards or _db(args) + ".shards")
    done = run(args.paths, shards, scheduler=args.scheduler, workers=args.workers)
    rate = done.inputs / max(done.seconds, 1e-9)
    print(
        f"Parsed {done.inputs} inputs ({done.bytes / 1e6:.1f} MB) in {done.parsed} of {done.partitions} partitions"
        f" in {done.seconds:.1f} s ({rate:.0f} inputs/s) into {shards}",
        file=sys.stderr,
    )
    with Store(_db(args)) as store:
        report = load(store.conn, shards, batch=args.batch)
    return _summary(report, "Ingested")
