"""A local EDGAR for tests and benchmarks: a real HTTP server on 127.0.0.1 that serves a folder of full
submissions under EDGAR's URL layout, can be told to misbehave, and logs every request with its time.

    with EdgarTestServer.from_folder("samples") as server:     # a free port; server.url = http://127.0.0.1:N
        server.faults.add("429", count=2, retry_after=1)       # the next 2 submission requests get 429
        ...                                                    # eightk fetch --base-url server.url
        times = [r.time for r in server.log]                   # when each request arrived (time.time())

What it serves (``GET`` and ``HEAD``):

- ``/Archives/edgar/data/CIK/ACCESSION.txt``: the submission's bytes;
- ``/Archives/edgar/full-index/YYYY/QTRn/master.idx`` and ``form.idx``: every filing of that quarter;
- ``/Archives/edgar/daily-index/YYYY/QTRn/master.YYYYMMDD.idx`` and ``form.YYYYMMDD.idx``: a day's
  filings (404 on a day with none, as EDGAR does on weekends);
- ``/files/company_tickers.json``: the ticker file;
- ``/cgi-bin/browse-edgar?action=getcurrent&type=8-K&count=40&output=atom``: the latest-filings feed.

A request without a User-Agent gets 403, as EDGAR answers it. ``publish(raw)`` adds a filing dated today,
which then appears in the feed and the day's index. The server lives in ``sources/`` because it is network
code (the only place eightk has any) and because tests, ``benchmarks/fetch.py`` and a user trying
``eightk fetch`` offline all start it the same way (``python -m eightk.sources.edgar_testserver DIR``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qs, urlsplit

from eightk.sources.edgar_files import (
    IndexEntry,
    format_feed,
    format_form_idx,
    format_master_idx,
    read_header,
    submission_path,
)

__all__ = ["FAULT_KINDS", "EdgarTestServer", "Faults", "LoggedRequest"]

# 429 (with Retry-After), 503, a body trickled out slowly, a body cut short of its Content-Length, a body
# cut short with no Content-Length (only a content check can tell), a connection closed without an answer.
FAULT_KINDS = ("429", "503", "slow", "truncate", "short", "drop")


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request as the server saw it: arrival ``time`` (seconds since the epoch), method, path with
    query, the status sent (0 for a dropped connection), the fault injected ("" if none), User-Agent."""

    time: float
    method: str
    path: str
    status: int
    fault: str
    user_agent: str


@dataclass
class Faults:
    """What the server does wrong, and to which paths (those starting with ``prefix``; by default the
    submissions). Queued faults (``add``) are used first, in order; then each matching request gets a
    random fault from ``kinds`` with probability ``rate`` (seeded, so a run can be repeated)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = FAULT_KINDS
    seed: int = 0
    retry_after: int = 1
    slow_seconds: float = 1.0
    prefix: str = "/Archives/edgar/data/"
    queue: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _random: random.Random | None = None

    def add(self, kind: str, count: int = 1, *, retry_after: int | None = None) -> None:
        """Queue ``count`` faults of ``kind`` (one of ``FAULT_KINDS``) for the next matching requests."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULT_KINDS)}")
        if retry_after is not None:
            self.retry_after = retry_after
        with self._lock:
            self.queue.extend([kind] * count)

    def next(self, path: str) -> str:
        """The fault for a request of ``path`` ("" for none)."""
        if not path.startswith(self.prefix):
            return ""
        with self._lock:
            if self.queue:
                return self.queue.pop(0)
            if self._random is None:
                self._random = random.Random(self.seed)
            if self.rate and self._random.random() < self.rate:
                return self._random.choice(self.kinds)
        return ""


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _made_up_ticker(n: int) -> str:
    letters = ""
    n += 26 * 26  # at least three letters
    while n:
        n, r = divmod(n, 26)
        letters = chr(65 + r) + letters
    return "Z" + letters


class EdgarTestServer:
    """The server. ``filings`` maps accession → (index entry, bytes); ``tickers`` maps CIK → (ticker,
    title) (by default a made-up ticker per CIK, "Z" and three or more letters, stable for a folder).
    ``start()`` binds 127.0.0.1 on ``port`` (0: a free one) and serves on a daemon thread; ``stop()``
    ends it. Use as a context manager. ``log_file``, if given, gets one tab-separated line per request."""

    def __init__(
        self,
        filings: Iterable[tuple[IndexEntry, bytes]],
        *,
        tickers: Mapping[str, tuple[str, str]] | None = None,
        port: int = 0,
        log_file: TextIO | None = None,
    ) -> None:
        self.filings: dict[str, tuple[IndexEntry, bytes]] = {e.accession: (e, raw) for e, raw in filings}
        ciks = sorted({e.cik for e, _ in self.filings.values()}, key=int)
        names = {e.cik: e.company for e, _ in self.filings.values()}
        self.tickers = (
            dict(tickers) if tickers is not None else {c: (_made_up_ticker(i), names[c]) for i, c in enumerate(ciks)}
        )
        self.faults = Faults()
        self.log: list[LoggedRequest] = []
        self.log_file = log_file
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.edgar = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @classmethod
    def from_folder(cls, folder: str | Path, *, copies: int = 1, **kwargs: object) -> EdgarTestServer:
        """Serve every full submission (a file with an SGML header) under ``folder``. With ``copies`` > 1
        each is also served ``copies - 1`` more times under new accession numbers (the number replaced
        in its bytes too), for runs longer than the folder."""
        return cls(_load_folder(Path(folder), copies), **kwargs)  # type: ignore[arg-type]

    # -- running ------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``: the ``--base-url`` for the fetch client."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> EdgarTestServer:
        """Serve on a daemon thread; returns self (so ``with EdgarTestServer(...) as server`` works)."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="edgar-testserver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> EdgarTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- content ------------------------------------------------------------------------------------
    def publish(self, raw: bytes, *, filed: dt.date | None = None) -> IndexEntry:
        """Add a full submission, filed ``filed`` (default: today, UTC): it appears in the feed (first) and
        that day's index. ``ValueError`` if ``raw`` has no SGML header."""
        sub = read_header(raw)
        if sub is None:
            raise ValueError("not a full submission (no SGML header)")
        day = filed or dt.datetime.now(dt.UTC).date()
        entry = IndexEntry(sub.cik, sub.company, sub.form_type, day, submission_path(sub.cik, sub.accession))
        with self._lock:
            self.filings.pop(sub.accession, None)
            self.filings[sub.accession] = (entry, raw)
        return entry

    def entries(self) -> list[IndexEntry]:
        """Every filing, in publication order."""
        with self._lock:
            return [e for e, _ in self.filings.values()]

    def requests_to(self, prefix: str) -> list[LoggedRequest]:
        """The logged requests whose path starts with ``prefix``."""
        with self._lock:
            return [r for r in self.log if r.path.startswith(prefix)]

    def record(self, req: LoggedRequest) -> None:
        """Append ``req`` to ``log`` (and a line to ``log_file``)."""
        with self._lock:
            self.log.append(req)
            if self.log_file is not None:
                fields = (f"{req.time:.6f}", req.method, req.path, str(req.status), req.fault, req.user_agent)
                self.log_file.write("\t".join(fields) + "\n")
                self.log_file.flush()

    def resolve(self, path: str, query: str) -> tuple[int, bytes, str]:
        """(status, body, content type) for a GET of ``path?query``."""
        today = dt.datetime.now(dt.UTC).date()
        if m := re.fullmatch(r"/Archives/edgar/data/(\d+)/(\d{10}-\d{2}-\d{6})\.txt", path):
            with self._lock:
                found = self.filings.get(m.group(2))
            if found is None or int(m.group(1)) not in (int(found[0].cik), int(m.group(2)[:10])):
                return 404, b"Not Found", "text/plain"
            return 200, found[1], "text/plain"
        if m := re.fullmatch(r"/Archives/edgar/full-index/(\d{4})/QTR([1-4])/(master|form)\.idx", path):
            quarter = (int(m.group(1)), int(m.group(2)))
            if not (1993, 1) <= quarter <= _quarter(today):
                return 404, b"Not Found", "text/plain"
            rows = [e for e in self.entries() if _quarter(e.filed) == quarter]
            return 200, self._index(m.group(3), rows, today), "text/plain"
        if m := re.fullmatch(r"/Archives/edgar/daily-index/(\d{4})/QTR([1-4])/(master|form)\.(\d{8})\.idx", path):
            day = dt.datetime.strptime(m.group(4), "%Y%m%d").date()
            rows = [e for e in self.entries() if e.filed == day]
            if not rows or _quarter(day) != (int(m.group(1)), int(m.group(2))):
                return 404, b"Not Found", "text/plain"
            return 200, self._index(m.group(3), rows, day), "text/plain"
        if path == "/files/company_tickers.json":
            return 200, self._tickers_json(), "application/json"
        if path == "/cgi-bin/browse-edgar":
            return self._feed(parse_qs(query))
        return 404, b"Not Found", "text/plain"

    @staticmethod
    def _index(kind: str, rows: list[IndexEntry], last: dt.date) -> bytes:
        stamp = last.strftime("%B %d, %Y")
        return format_master_idx(rows, stamp) if kind == "master" else format_form_idx(rows, stamp)

    def _tickers_json(self) -> bytes:
        import json

        rows = {
            str(i): {"cik_str": int(cik), "ticker": t, "title": title}
            for i, (cik, (t, title)) in enumerate(sorted(self.tickers.items(), key=lambda kv: int(kv[0])))
        }
        return json.dumps(rows).encode()

    def _feed(self, q: dict[str, list[str]]) -> tuple[int, bytes, str]:
        if q.get("action") != ["getcurrent"]:
            return 400, b"unsupported browse-edgar request", "text/plain"
        form = (q.get("type") or [""])[0].upper()
        count = int((q.get("count") or ["40"])[0])
        rows = [e for e in reversed(self.entries()) if e.form_type.upper().startswith(form)]
        rows.sort(key=lambda e: e.filed, reverse=True)  # stable: the last published first within a day
        return 200, format_feed(rows[:count], self.url, dt.datetime.now(dt.UTC)), "application/atom+xml"


def _load_folder(folder: Path, copies: int) -> list[tuple[IndexEntry, bytes]]:
    found: list[tuple[IndexEntry, bytes]] = []
    seen: set[str] = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".json", ".tsv", ".md"):
            continue
        raw = path.read_bytes()
        sub = read_header(raw)
        if sub is None or sub.accession in seen:
            continue
        for k in range(max(1, copies)):
            acc = sub.accession if k == 0 else f"{sub.accession[:14]}{(int(sub.accession[14:]) + 7919 * k) % 10**6:06d}"
            if acc in seen:
                continue
            seen.add(acc)
            data = raw if k == 0 else raw.replace(sub.accession.encode(), acc.encode())
            entry = IndexEntry(sub.cik, sub.company, sub.form_type, sub.filed, submission_path(sub.cik, acc))
            found.append((entry, data))
    return found


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (as the fetch client does after a bad body) is not an error here."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "eightk-edgar-testserver"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # every request is logged by EdgarTestServer.record instead

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, *, head: bool) -> None:
        server: EdgarTestServer = self.server.edgar  # type: ignore[attr-defined]
        arrived = time.time()
        ua = self.headers.get("User-Agent", "")
        parts = urlsplit(self.path)
        fault = server.faults.next(parts.path) if ua else ""
        status = 0
        try:
            status = self._send(server, parts.path, parts.query, fault, ua, head=head)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            server.record(LoggedRequest(arrived, self.command, self.path, status, fault, ua))

    def _send(self, server: EdgarTestServer, path: str, query: str, fault: str, ua: str, *, head: bool) -> int:
        if not ua:
            return self._plain(403, b"Undeclared Automated Tool: declare your traffic with a User-Agent")
        if fault == "drop":
            self.close_connection = True
            return 0
        if fault in ("429", "503"):
            extra = {"Retry-After": str(server.faults.retry_after)} if fault == "429" else {}
            return self._plain(int(fault), b"Request Rate Threshold Exceeded", extra)
        status, body, ctype = server.resolve(path, query)
        if status != 200:
            return self._plain(status, body)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if fault == "short":
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if head:
            return 200
        if fault in ("truncate", "short"):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif fault == "slow":
            pieces = 10
            step = max(1, -(-len(body) // pieces))
            for i in range(0, len(body), step):
                self.wfile.write(body[i : i + step])
                self.wfile.flush()
                time.sleep(server.faults.slow_seconds / pieces)
        else:
            self.wfile.write(body)
        return 200

    def _plain(self, status: int, body: bytes, headers: Mapping[str, str] | None = None) -> int:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return status


def main(argv: list[str] | None = None) -> None:
    """``python -m eightk.sources.edgar_testserver DIR [--port N] [--copies N] [--fault-rate R] [--log FILE]``."""
    p = argparse.ArgumentParser(description="Serve a folder of full submissions under EDGAR's URL layout.")
    p.add_argument("folder")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--copies", type=int, default=1, help="serve each filing this many times (new accessions)")
    p.add_argument("--fault-rate", type=float, default=0.0, help="share of submission requests that fail")
    p.add_argument("--log", help="write one tab-separated line per request here")
    args = p.parse_args(argv)
    log = open(args.log, "a", encoding="utf-8") if args.log else None  # noqa: SIM115 - open while serving
    server = EdgarTestServer.from_folder(args.folder, copies=args.copies, port=args.port, log_file=log)
    server.faults.rate = args.fault_rate
    print(f"serving {len(server.filings)} filings at {server.url}", flush=True)
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
