"""Events from parsed text. ``extract_events(filing)`` returns the filing's events."""

from __future__ import annotations

from eightk.model import Event, Filing

__all__ = ["extract_events"]


def extract_events(filing: Filing) -> tuple[Event, ...]:
    """All structured events of a parsed filing (owned by the events work; empty until it lands)."""
    return ()
