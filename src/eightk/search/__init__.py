"""Full-text search over item and exhibit texts of every era, with structured filters.

The query goes to SQLite FTS5 as a bound parameter (never spliced into SQL); FTS syntax errors come
back as ``SearchError`` with a readable message. Filters narrow by company, CIK, ticker, form type,
normalized item code (a 1999 "Item 5" and a 2010 "8.01" are both 8.01), event type, date range and
event amounts. Results are ranked by bm25 (a very common query lists its newest matches first) and
carry a highlighted snippet and the label of the item or exhibit they came from. How a query runs is
``eightk.search.plan``.
"""

from eightk.search.filters import Filters, SearchHit, filter_sql, normalize_item
from eightk.search.plan import search

__all__ = ["Filters", "SearchHit", "filter_sql", "normalize_item", "search"]
