"""A cache of rendered API answers, valid for one state of the database.

An answer (the JSON bytes of a search, events, deals or company request) is a function of the request
(its path and query string) and of what the database holds. Entries are keyed on the request; every
lookup first asks SQLite whether the database changed (``PRAGMA data_version``
on one connection kept for that, which starts a read transaction and so sees any commit by another
connection or process). When it did, every entry is dropped before the lookup. A request that starts
after a commit therefore never gets an answer computed before it.

The cache holds at most ``max_bytes`` of answers (least recently used go first); an answer over an
eighth of that is never kept. It counts its hits and misses, and the API says which each answer was in
its ``x-eightk-cache`` header (``hit`` or ``miss``), which ``benchmarks/serve.py`` counts.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AnswerCache", "CachedAnswers"]


class AnswerCache:
    """Rendered answers (bytes) by key, dropped whenever the database at ``watch``'s file changes.

    ``watch``: a read-only connection to the database used only for ``PRAGMA data_version`` (callable
    from any thread: the cache serializes its use). ``max_bytes`` 0 turns the cache off: ``answer`` then
    ``lookup`` always finds nothing."""

    def __init__(self, watch: sqlite3.Connection, max_bytes: int) -> None:
        self.watch = watch
        self.max_bytes = max_bytes
        self.entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0
        self.version: int | None = None
        self.lock = threading.Lock()

    def _check(self) -> None:
        """Drop every entry if the database changed since the last look (call under the lock)."""
        version = int(self.watch.execute("PRAGMA data_version").fetchone()[0])
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version

    def lookup(self, key: Hashable) -> tuple[bytes | None, int | None]:
        """(the cached answer for ``key`` or None, the database version it was looked up at): pass the
        version to ``keep`` with the answer computed on a miss."""
        if self.max_bytes <= 0:
            return None, None
        with self.lock:
            self._check()
            body = self.entries.get(key)
            if body is None:
                self.misses += 1
            else:
                self.entries.move_to_end(key)
                self.hits += 1
            return body, self.version

    def keep(self, key: Hashable, version: int | None, body: bytes) -> None:
        """Keep ``body``, the answer for ``key`` computed after a ``lookup`` at ``version``, unless the
        database changed since (the answer may be older than the change) or it is too large."""
        if self.max_bytes <= 0 or len(body) > self.max_bytes // 8:
            return
        with self.lock:
            if self.version == version and key not in self.entries:
                self.entries[key] = body
                self.size += len(body)
                while self.size > self.max_bytes:
                    self.size -= len(self.entries.popitem(last=False)[1])


class CachedAnswers:
    """Pure ASGI middleware answering a GET under ``PATHS`` from ``cache`` when it holds the answer for
    that path and query string (byte for byte: the same request validates to the same parameters, so
    gets the same answer from the same database), before FastAPI parses or validates anything; else it
    passes the request on and keeps a 200 answer. Every answer it sees gets ``x-eightk-cache: hit`` or
    ``miss``. Errors (any status but 200) are never kept."""

    PATHS = ("/api/search", "/api/events", "/api/deals", "/api/companies")

    def __init__(self, app: ASGIApp, cache: AnswerCache, turns: int) -> None:
        self.app = app
        self.cache = cache
        self.turns = turns
        self.gate: anyio.CapacityLimiter | None = None  # made in the server's event loop, on first use

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.PATHS):
            await self.app(scope, receive, send)
            return
        if self.gate is None:
            self.gate = anyio.CapacityLimiter(self.turns)
        async with self.gate:
            await self._answer(scope, receive, send)

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = (scope["path"], scope["query_string"])
        body, version = self.cache.lookup(key)
        if body is not None:
            head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": [*head, _HIT]})
            await send({"type": "http.response.body", "body": body})
            return
        status = 0
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), _MISS]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if status == 200:
            self.cache.keep(key, version, b"".join(chunks))


_HIT = (b"x-eightk-cache", b"hit")
_MISS = (b"x-eightk-cache", b"miss")
