"""The Python API beyond parsing: open a store, ingest, search, read, export. Mirrors the CLI.

    from eightk.api import open_store

    with open_store("eightk.db") as store:               # else $EIGHTK_DB, else ./eightk.db
        report = store.ingest(["filings/"], workers=2)   # files, folders, .tar.gz/.zip/.nc.tar.gz bundles
        for hit in store.search('"license agreement"', item="8.01", date_from="2000-01-01"):
            print(hit.date, hit.company, hit.label, hit.snippet)
        for row in store.filings(event="license", min_amount=10e6, amount_field="upfront"):
            print(row.accession, row.company)
        filing = store.get(row.accession)                # the typed Filing record

Filters (keyword arguments of ``search``, ``filings`` and ``rows``) are the fields of ``Filters``.
Errors are ``eightk.errors`` classes: ``SearchError`` for a query FTS5 cannot read, ``StoreError``
for a database that cannot be opened or is newer than this eightk.
"""

from __future__ import annotations

from eightk.search import Filters, SearchHit
from eightk.store import FilingRow, Store, open_store
from eightk.store.ingest import IngestReport

__all__ = ["FilingRow", "Filters", "IngestReport", "SearchHit", "Store", "open_store"]
