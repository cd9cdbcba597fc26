"""A cache of rendered API answers, valid for one state of the database.

An answer (the JSON bytes of a search, events, deals, company or stats request) is a function of the
request's validated parameters and of what the database holds. Entries are keyed on the endpoint and
those parameters; every lookup first asks SQLite whether the database changed (``PRAGMA data_version``
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
from collections.abc import Callable, Hashable

__all__ = ["AnswerCache"]


class AnswerCache:
    """Rendered answers (bytes) by key, dropped whenever the database at ``watch``'s file changes.

    ``watch``: a read-only connection to the database used only for ``PRAGMA data_version`` (callable
    from any thread: the cache serializes its use). ``max_bytes`` 0 turns the cache off: ``answer`` then
    always computes."""

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

    def answer(self, key: Hashable, compute: Callable[[], bytes]) -> tuple[bytes, bool]:
        """(the answer for ``key``, whether it came from the cache): the cached one, else ``compute()``'s
        (kept when it fits). An exception from ``compute`` is not cached and goes to the caller."""
        if self.max_bytes <= 0:
            return compute(), False
        with self.lock:
            self._check()
            version = self.version
            body = self.entries.get(key)
            if body is not None:
                self.entries.move_to_end(key)
                self.hits += 1
                return body, True
            self.misses += 1
        body = compute()  # outside the lock: other threads go on meanwhile
        if len(body) <= self.max_bytes // 8:
            with self.lock:
                if self.version == version and key not in self.entries:  # no commit since the lookup
                    self.entries[key] = body
                    self.size += len(body)
                    while self.size > self.max_bytes:
                        self.size -= len(self.entries.popitem(last=False)[1])
        return body, False
