"""Upkeep of the full-text index: how many segments it has, and merging them into one.

FTS5 writes the rows of each ingest transaction as a new segment and merges segments a few at a time
as more arrive (its automerge), so an index built by many batches keeps a dozen or more segments of
different sizes, some of them in half-done merges. A search reads each word's position list once per
segment and merges the pieces; after ``optimize`` it reads one. The indexed content is the same, so
every search answers the same hits in the same order with the same scores and snippets.

Measured on the 200,000-filing store of ``benchmarks/ingest.py`` (19 segments): the merge took 13 s,
and the CPU time of an uncached search over the serve benchmark's 600 requests went from 5.8-5.9 to
5.1 ms (median 2.5 -> 1.9 ms), with identical answers.
"""

from __future__ import annotations

import sqlite3

from eightk.errors import StoreError

__all__ = ["optimize", "search_segments"]


def search_segments(conn: sqlite3.Connection) -> int:
    """How many segments the full-text index has now (0 when it holds nothing)."""
    return int(conn.execute("SELECT count(DISTINCT segid) FROM search_idx").fetchone()[0])


def optimize(conn: sqlite3.Connection) -> tuple[int, int]:
    """Merge the full-text index into one segment, in one write transaction, then fold the write-ahead
    log back into the file when no reader holds it.

    Returns (segments before, segments after). Readers keep searching meanwhile (they see the old
    segments until the commit); other writers wait. Raises ``StoreError`` when the database cannot be
    written (read-only, or locked by another writer for longer than the connection's timeout)."""
    try:
        before = search_segments(conn)
        if before <= 1:
            return before, before
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("INSERT INTO search(search) VALUES('optimize')")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # busy when a reader holds the log: fine
        return before, search_segments(conn)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot optimize the full-text index: {exc}") from None
