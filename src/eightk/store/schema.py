"""The database layout, versioned. Plain tables that Datasette and sqlite-utils open as they are.

Each migration is a list of statements; ``migrate`` applies the missing ones in one transaction and
records the version in ``meta``. A database newer than this code is refused, never downgraded.
"""

from __future__ import annotations

import sqlite3

from eightk.errors import StoreError

__all__ = ["SCHEMA_VERSION", "migrate"]

_V1 = [
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE filings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,              -- accession, or sha256 when there is none
        accession TEXT,
        sha256 TEXT NOT NULL,
        path TEXT,
        form_type TEXT,
        filed_at TEXT,
        date_of_report TEXT,
        cik TEXT,
        company TEXT,
        format TEXT,
        bytes INTEGER,
        item_codes TEXT,                        -- applicable modern codes, comma separated
        ok INTEGER NOT NULL,                    -- 1 when the record has no error-severity problem
        record TEXT NOT NULL                    -- the whole JSON record (schema 1)
    )""",
    "CREATE INDEX filings_sha256 ON filings(sha256)",
    "CREATE INDEX filings_cik ON filings(cik)",
    "CREATE INDEX filings_date ON filings(date_of_report)",
    "CREATE INDEX filings_form ON filings(form_type)",
    """CREATE TABLE filers (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        name TEXT, cik TEXT, state_of_incorporation TEXT, file_number TEXT, irs_number TEXT,
        street TEXT, city TEXT, state TEXT, zip TEXT, phone TEXT, former_name TEXT)""",
    "CREATE INDEX filers_filing ON filers(filing_id)",
    "CREATE INDEX filers_cik ON filers(cik)",
    """CREATE TABLE securities (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
        title TEXT, symbol TEXT, exchange TEXT)""",
    "CREATE INDEX securities_filing ON securities(filing_id)",
    "CREATE INDEX securities_symbol ON securities(symbol)",
    """CREATE TABLE items (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        number TEXT, code TEXT, title TEXT, applicable INTEGER, doc INTEGER, start INTEGER, "end" INTEGER,
        text TEXT)""",
    "CREATE INDEX items_filing ON items(filing_id)",
    "CREATE INDEX items_code ON items(code)",
    """CREATE TABLE signatures (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        name TEXT, title TEXT, date TEXT, entity TEXT)""",
    "CREATE INDEX signatures_filing ON signatures(filing_id)",
    """CREATE TABLE exhibits (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        number TEXT, description TEXT, document INTEGER)""",
    "CREATE INDEX exhibits_filing ON exhibits(filing_id)",
    """CREATE TABLE documents (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, sequence INTEGER NOT NULL,
        type TEXT, filename TEXT, description TEXT, format TEXT, bytes INTEGER, text_chars INTEGER,
        text TEXT)""",
    "CREATE INDEX documents_filing ON documents(filing_id)",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        type TEXT NOT NULL, record TEXT NOT NULL)""",
    "CREATE INDEX events_filing ON events(filing_id)",
    "CREATE INDEX events_type ON events(type)",
    """CREATE TABLE event_values (           -- one row per typed value: field, text, number, currency
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        filing_id INTEGER NOT NULL, type TEXT NOT NULL, field TEXT NOT NULL,
        text_value TEXT, num_value REAL, currency TEXT)""",
    "CREATE INDEX event_values_event ON event_values(event_id)",
    "CREATE INDEX event_values_num ON event_values(type, field, num_value)",
    """CREATE TABLE problems (
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
        severity TEXT, code TEXT, message TEXT)""",
    "CREATE INDEX problems_filing ON problems(filing_id)",
    """CREATE TABLE raw (                     -- the original bytes, zlib-compressed, for `eightk reparse`
        filing_id INTEGER PRIMARY KEY REFERENCES filings(id) ON DELETE CASCADE,
        name TEXT, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, zlib BLOB)""",
    """CREATE TABLE quarantine (              -- inputs that gave no usable record, and why
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT, reason TEXT NOT NULL,
        UNIQUE(name, sha256))""",
    """CREATE TABLE inputs (                 -- every input ever ingested, by content: what makes re-runs skip it
        sha256 TEXT PRIMARY KEY, name TEXT, key TEXT)""",
    """CREATE TABLE search_rows (             -- what each full-text row is: an item or a document
        rowid INTEGER PRIMARY KEY,
        filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, ref TEXT, code TEXT)""",
    "CREATE INDEX search_rows_filing ON search_rows(filing_id)",
    "CREATE VIRTUAL TABLE search USING fts5(text, tokenize = 'porter unicode61')",
]

MIGRATIONS: list[list[str]] = [_V1]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; return the version it had."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"database schema {version} is newer than this eightk ({SCHEMA_VERSION}); upgrade eightk")
    if version == SCHEMA_VERSION:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statements in MIGRATIONS[version:]:
            for sql in statements:
                conn.execute(sql)
        conn.execute(
            "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (str(SCHEMA_VERSION),),
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return version
