"""``eightk serve``: the HTTP API and web page over a database (read-only)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from eightk.errors import UsageError
from eightk.store import DEFAULT_DB


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the database: HTTP API (/api, /openapi.json, /docs) and a web page")
    p.add_argument("--db", default=None, help=f"database file (default: $EIGHTK_DB or ./{DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="server processes (default: 1)")
    p.add_argument("--rate-limit", type=float, default=100.0, metavar="N",
                   help="API requests per second allowed per client address (default: 100; 0: no limit)")  # fmt: skip
    p.add_argument("--cache-mb", type=float, default=64.0, metavar="MB",
                   help="answer cache per server process, dropped on any change (default: 64; 0: off)")  # fmt: skip
    p.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from eightk.web import require_extra, serve

    require_extra()
    db = args.db or os.environ.get("EIGHTK_DB") or DEFAULT_DB
    if not os.path.isfile(db):
        raise UsageError(f"{db}: no such database; build one with: eightk ingest PATH --db {db}")
    limits = (args.rate_limit, args.cache_mb)
    if not 0 < args.port < 65536 or args.workers < 1 or not all(0 <= n < float("inf") for n in limits):
        raise UsageError("--port must be 1-65535, --workers at least 1, --rate-limit and --cache-mb numbers >= 0")
    shown = f"[{args.host}]" if ":" in args.host else args.host
    where = "this machine only" if args.host in ("127.0.0.1", "localhost", "::1") else "reachable from other machines"
    print(f"eightk: serving {db} (read-only) on http://{shown}:{args.port}/ ({where}); Ctrl-C stops", file=sys.stderr)
    serve(db, host=args.host, port=args.port, workers=args.workers, rate_limit=args.rate_limit, cache_mb=args.cache_mb)
    return 0
