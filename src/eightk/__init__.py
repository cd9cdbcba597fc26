"""eightk: SEC Form 8-K filings of every era as structured, searchable records.

The public API is exactly what ``__all__`` lists (a test keeps it honest).
"""

from __future__ import annotations

from eightk.errors import (
    EightkError,
    FetchError,
    ParseError,
    SearchError,
    SourceError,
    StoreError,
    UsageError,
)
from eightk.model import SCHEMA_VERSION, Filing
from eightk.parse.pipeline import parse_filing

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "EightkError",
    "FetchError",
    "Filing",
    "ParseError",
    "SearchError",
    "SourceError",
    "StoreError",
    "UsageError",
    "__version__",
    "parse_filing",
]
