"""The database layout, versioned. Plain tables that Datasette and sqlite-utils open as they are.

Each migration is a list of statements; ``migrate`` applies the missing ones in one transaction and
records the version in ``meta``. A database newer than this code is refused, never downgraded.
Every child table carries ``filing_id`` (a foreign key to ``filings.id``) and a ``position``.
"""

from __future__ import annotations

import sqlite3

from eightk.errors import StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "current_version", "migrate"]

_FK = "filing_id INTEGER NOT NULL REFERENCES filings(id)"

_V1 = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE filings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,              -- accession, or 'sha256:…' when there is none
        accession TEXT, sha256 TEXT NOT NULL, path TEXT, form_type TEXT,
        filed_at TEXT, date_of_report TEXT,
        date TEXT,                              -- date_of_report, else filed_at: what date filters use
        cik TEXT, company TEXT, format TEXT, bytes INTEGER,
        item_codes TEXT,                        -- applicable modern codes, comma separated
        ok INTEGER NOT NULL,                    -- 1 when the record has no error-severity problem
        record BLOB NOT NULL                    -- the whole JSON record (SCHEMA.md), zlib-compressed
    )""",
    "CREATE INDEX filings_sha256 ON filings(sha256)",
    "CREATE INDEX filings_accession ON filings(accession)",
    "CREATE INDEX filings_cik ON filings(cik)",
    "CREATE INDEX filings_date ON filings(date)",
    "CREATE INDEX filings_form ON filings(form_type)",
    f"""CREATE TABLE filers ({_FK}, position INTEGER NOT NULL,
        name TEXT, cik TEXT, state_of_incorporation TEXT, file_number TEXT, irs_number TEXT,
        street TEXT, city TEXT, state TEXT, zip TEXT, phone TEXT, former_name TEXT)""",
    "CREATE INDEX filers_filing ON filers(filing_id)",
    "CREATE INDEX filers_cik ON filers(cik)",
    f"CREATE TABLE securities ({_FK}, position INTEGER NOT NULL, title TEXT, symbol TEXT, exchange TEXT)",
    "CREATE INDEX securities_filing ON securities(filing_id)",
    "CREATE INDEX securities_symbol ON securities(symbol COLLATE NOCASE)",
    f"""CREATE TABLE items ({_FK}, position INTEGER NOT NULL,
        number TEXT, code TEXT, title TEXT, applicable INTEGER, doc INTEGER, start INTEGER, "end" INTEGER,
        text TEXT)""",
    "CREATE INDEX items_filing ON items(filing_id)",
    "CREATE INDEX items_code ON items(code, filing_id)",
    f"CREATE TABLE signatures ({_FK}, position INTEGER NOT NULL, name TEXT, title TEXT, date TEXT, entity TEXT)",
    "CREATE INDEX signatures_filing ON signatures(filing_id)",
    f"CREATE TABLE exhibits ({_FK}, position INTEGER NOT NULL, number TEXT, description TEXT, document INTEGER)",
    "CREATE INDEX exhibits_filing ON exhibits(filing_id)",
    f"""CREATE TABLE documents ({_FK}, sequence INTEGER NOT NULL,
        type TEXT, filename TEXT, description TEXT, format TEXT, bytes INTEGER, text_chars INTEGER, text TEXT)""",
    "CREATE INDEX documents_filing ON documents(filing_id)",
    f"CREATE TABLE events ({_FK}, position INTEGER NOT NULL, type TEXT NOT NULL, record TEXT NOT NULL)",
    "CREATE INDEX events_filing ON events(filing_id)",
    "CREATE INDEX events_type ON events(type, filing_id)",
    # One row per typed value of an event: "deals with upfront >= $10M" is
    #   SELECT filing_id FROM event_values WHERE field = 'upfront' AND num_value >= 10e6 AND currency = 'USD'
    f"""CREATE TABLE event_values ({_FK}, event INTEGER NOT NULL,  -- events.position
        type TEXT NOT NULL, field TEXT NOT NULL, text_value TEXT, num_value REAL, currency TEXT)""",
    "CREATE INDEX event_values_filing ON event_values(filing_id)",
    "CREATE INDEX event_values_num ON event_values(field, num_value)",
    f"CREATE TABLE problems ({_FK}, severity TEXT, code TEXT, message TEXT)",
    "CREATE INDEX problems_filing ON problems(filing_id)",
    f"""CREATE TABLE raw (                     -- the original bytes, zlib-compressed, for `eightk reparse`
        {_FK} PRIMARY KEY, name TEXT, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, zlib BLOB)""",
    """CREATE TABLE quarantine (              -- inputs that gave no usable record, and why
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL,
        UNIQUE(name, sha256))""",
    """CREATE TABLE inputs (                 -- every input stored, by content: what makes re-runs skip it
        sha256 TEXT PRIMARY KEY, name TEXT, key TEXT)""",
    f"""CREATE TABLE search_rows (             -- what each full-text row is: an item or a document
        rowid INTEGER PRIMARY KEY, {_FK},
        kind TEXT NOT NULL,                     -- 'item' or 'document'
        ref TEXT,                               -- the item number as printed, or the document sequence
        code TEXT,                              -- modern item code (items only)
        part INTEGER NOT NULL,                  -- long texts are indexed in parts of ~32,000 characters
        label TEXT)                             -- 'Item 8.01 Other Events', 'Exhibit 99.1 (press release)'""",
    "CREATE INDEX search_rows_filing ON search_rows(filing_id)",
    # text: the item or document text; tags: filter words (eightk.search.tags), never ranked
    "CREATE VIRTUAL TABLE search USING fts5(text, tags, tokenize = 'porter unicode61')",
    """CREATE TABLE companies (               -- every registrant name seen, for the company filter
        name TEXT NOT NULL, cik TEXT NOT NULL DEFAULT '', UNIQUE(name, cik))""",
]

# Version 2: views for analysts (Datasette shows them next to the tables).
_V2 = [
    """CREATE VIEW deal_terms AS
    SELECT e.filing_id, e.position AS event, e.type, f.accession, f.company, f.date,
        MAX(CASE WHEN v.field = 'upfront' THEN v.num_value END) AS upfront,
        MAX(CASE WHEN v.field = 'milestones' THEN v.num_value END) AS milestones,
        MAX(CASE WHEN v.field = 'equity' THEN v.num_value END) AS equity,
        MAX(CASE WHEN v.field = 'total_value' THEN v.num_value END) AS total_value,
        MAX(CASE WHEN v.field IN ('upfront', 'milestones', 'equity', 'total_value') THEN v.currency END) AS currency,
        MAX(CASE WHEN v.field = 'territory' THEN v.text_value END) AS territory,
        MAX(CASE WHEN v.field = 'subject' THEN v.text_value END) AS subject
    FROM events e JOIN filings f ON f.id = e.filing_id
    LEFT JOIN event_values v ON v.filing_id = e.filing_id AND v.event = e.position
    WHERE e.type IN ('license', 'collaboration', 'asset_purchase')
    GROUP BY e.filing_id, e.position""",
    """CREATE VIEW filing_items AS
    SELECT f.id AS filing_id, f.accession, f.company, f.cik, f.form_type, f.date, i.position, i.number, i.code,
        i.title, i.applicable, i.text
    FROM items i JOIN filings f ON f.id = i.filing_id""",
]

# Version 3: tickers ↔ CIKs (eightk.store.tickers): EDGAR's ticker file, and the symbols covers printed.
_V3 = [
    """CREATE TABLE tickers (                  -- from EDGAR's company_tickers.json (eightk fetch)
        ticker TEXT NOT NULL, cik TEXT NOT NULL, title TEXT, source TEXT NOT NULL, updated TEXT,
        PRIMARY KEY (ticker, cik))""",
    "CREATE INDEX tickers_cik ON tickers(cik)",
    """CREATE VIEW ticker_history AS
    SELECT s.symbol, f.cik, MIN(f.date) AS first_date, MAX(f.date) AS last_date, COUNT(*) AS filings
    FROM securities s JOIN filings f ON f.id = s.filing_id
    WHERE s.symbol IS NOT NULL AND f.cik IS NOT NULL
    GROUP BY s.symbol COLLATE NOCASE, f.cik""",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone():
            raise StoreError("this SQLite file is not an eightk database (it has tables but no eightk meta)")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database to ``target`` (default: the newest schema); return the version it had."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"database schema {version} is newer than this eightk ({SCHEMA_VERSION}); upgrade eightk")
    if version >= target:
        return version  # nothing to do: no write lock taken, so readers open during an ingest
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)  # again, under the lock: another process may have migrated
        for statements in MIGRATIONS[version:target]:
            for sql in statements:
                conn.execute(sql)
        if target > version:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (str(target),),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return version
