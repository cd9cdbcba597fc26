"""One error hierarchy for eightk. Batch code turns these into values (``Problem`` records,
quarantine rows); the CLI maps them to exit codes and the HTTP API to one JSON error shape."""

from __future__ import annotations


class EightkError(Exception):
    """Base of every error eightk raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
        self.reason = message


class SourceError(EightkError):
    """Bytes could not be read: a missing or unreadable file, a broken or hostile archive."""

    code = "source"


class FetchError(SourceError):
    """EDGAR (or a mirror) could not be reached or answered with an error."""

    code = "fetch"


class ParseError(EightkError):
    """Bytes were read but are not a filing eightk can read."""

    code = "parse"


class StoreError(EightkError):
    """The database could not be opened, migrated or written."""

    code = "store"


class SearchError(EightkError):
    """A search query is malformed (e.g. FTS syntax) or its filters are invalid."""

    code = "search"


class UsageError(EightkError):
    """The caller asked for something that makes no sense (bad option, bad value)."""

    code = "usage"


class OutputError(EightkError):
    """A result could not be written where the caller asked (a missing folder, no permission)."""

    code = "output"
