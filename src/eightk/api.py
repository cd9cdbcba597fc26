"""The Python API beyond parsing: open a store, ingest, search, read. Mirrors the CLI.

from eightk.api import open_store
with open_store("eightk.db") as store:
    store.ingest(["samples"])
    for hit in store.search('"license agreement"', item="8.01"):
        print(hit.company, hit.snippet)
"""

from __future__ import annotations

from eightk.search import Filters, SearchHit
from eightk.store import Store, open_store
from eightk.store.ingest import IngestReport

__all__ = ["Filters", "IngestReport", "SearchHit", "Store", "open_store"]
