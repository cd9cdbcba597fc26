"""A cache of rendered API answers, valid for one state of the database.

An answer (the JSON bytes of a search, events, deals or company request) is a function of the request
(its path and query string) and of what the database holds. Answers are keyed on the request; every
lookup first asks SQLite whether the database changed (``PRAGMA data_version`` on a connection kept
for that, which starts a read transaction and so sees any commit by another connection or process).
When it did, every answer is dropped before the lookup. A request that starts after a commit therefore
never gets an answer computed before it.

The cache holds about ``max_bytes`` of answers (the oldest kept go first); an answer over an eighth of
that is never kept. The server processes of ``eightk serve --workers N`` share one cache, a SQLite file
in a temporary folder that ``serve`` removes at exit. The API says whether each answer came from the
cache in its ``x-eightk-cache`` header (``hit`` or ``miss``), which ``benchmarks/serve.py`` counts.
"""

from __future__ import annotations

import sqlite3
import threading

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AnswerCache", "CachedAnswers"]


class AnswerCache:
    """Rendered answers (bytes) by request key, dropped whenever the database at ``watch``'s file changes.

    ``watch``: a read-only connection to the database used only for ``PRAGMA data_version``. The
    answers live in the SQLite database ``file`` (":memory:": this process only; a file: shared by the
    server processes that open it, so an answer computed by one serves the others). ``max_bytes`` 0
    turns the cache off: ``lookup`` then always finds nothing. Callable from any thread.

    Versions: ``data_version`` is per connection, so each process watches its own and, when it sees a
    change (or starts: it cannot know what changed before), raises the generation ``gen`` stored with
    the answers and drops them all. A process looks first when it starts, not at its first request, so
    that a worker that takes its first request late does not drop the answers the others made meanwhile.
    An answer is kept with the generation of its lookup and only while that is still the current one;
    a lookup finds answers of the current generation only."""

    def __init__(self, watch: sqlite3.Connection, max_bytes: int, file: str = ":memory:") -> None:
        self.watch = watch
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.version: int | None = None
        self.kept = 0
        self.lock = threading.Lock()
        self.db = sqlite3.connect(file, isolation_level=None, check_same_thread=False, timeout=10)
        if max_bytes > 0:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=OFF")
            self._write(
                "CREATE TABLE IF NOT EXISTS meta (gen INTEGER NOT NULL)",
                "INSERT INTO meta SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM meta)",
                "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, gen INTEGER NOT NULL, body BLOB NOT NULL)",
            )
            with self.lock:  # this process's first look, when it starts rather than on its first request
                self._check()

    def _write(self, *statements: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                self.db.execute(sql)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _check(self) -> None:
        """Raise the generation and drop every answer if this process saw the database change since
        its last look, or never looked (call under the lock)."""
        version = int(self.watch.execute("PRAGMA data_version").fetchone()[0])
        if version != self.version:
            self._write("UPDATE meta SET gen = gen + 1", "DELETE FROM answers")
            self.version = version

    def lookup(self, key: str) -> tuple[bytes | None, int | None]:
        """(the cached answer for ``key`` or None, the generation it was looked up at): pass the
        generation to ``keep`` with the answer computed on a miss."""
        if self.max_bytes <= 0:
            return None, None
        with self.lock:
            self._check()
            sql = "SELECT m.gen, a.body FROM meta m LEFT JOIN answers a ON a.key = ? AND a.gen = m.gen"
            gen, body = self.db.execute(sql, (key,)).fetchone()
            if body is None:
                self.misses += 1
            else:
                self.hits += 1
            return body, gen

    def keep(self, key: str, gen: int | None, body: bytes) -> None:
        """Keep ``body``, the answer for ``key`` computed after a ``lookup`` at generation ``gen``, unless
        the generation changed since (the answer may be older than a change) or it is too large. Past
        ``max_bytes`` the oldest answers go."""
        if self.max_bytes <= 0 or gen is None or len(body) > self.max_bytes // 8:
            return
        with self.lock:
            sql = "INSERT OR REPLACE INTO answers SELECT ?, ?, ? WHERE ? = (SELECT gen FROM meta)"
            self.db.execute(sql, (key, gen, body, gen))
            self.kept += 1
            if self.kept % 32 == 0:  # the newest answers that fit, by rowid; the older ones go
                self.db.execute(
                    "DELETE FROM answers WHERE rowid < (SELECT rowid FROM (SELECT rowid, SUM(length(body))"
                    " OVER (ORDER BY rowid DESC) AS total FROM answers) WHERE total > ? LIMIT 1)",
                    (self.max_bytes,),
                )


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
        key = scope["path"] + "?" + scope["query_string"].decode("latin-1")
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
