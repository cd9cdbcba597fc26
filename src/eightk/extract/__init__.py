"""Events from parsed text. ``extract_events(filing)`` returns the filing's events.

Each family is one module with one function ``(filing, regions) -> list[Event]``; ``FAMILIES`` lists
them, so a new family is one new module and one line here. Families decide for themselves which
regions (items by code, exhibits, inline exhibits) and which textual cues they read.
"""

from __future__ import annotations

from collections.abc import Callable

from eightk.extract.acquisition_texts import bare_acquisitions
from eightk.extract.agreements import agreements
from eightk.extract.deals import deals
from eightk.extract.dividends import dividends
from eightk.extract.earnings import earnings
from eightk.extract.families import acquisitions, auditor_changes, bankruptcies, delistings
from eightk.extract.people import officer_changes
from eightk.extract.text import Region, regions
from eightk.extract.votes import shareholder_votes
from eightk.model import Event, Filing
from eightk.parse.registrant import norm_name

__all__ = ["FAMILIES", "extract_events"]

Family = Callable[[Filing, list[Region]], list]
FAMILIES: tuple[Family, ...] = (
    deals,
    acquisitions,
    bare_acquisitions,  # a bare release's or note's acquisition (none for a whole filing)
    officer_changes,
    auditor_changes,
    earnings,
    bankruptcies,
    delistings,
    shareholder_votes,
    dividends,
    agreements,  # last: a 1.01 agreement that no family above claimed
)


def extract_events(filing: Filing) -> tuple[Event, ...]:
    """All structured events of a parsed filing."""
    regs = regions(filing)
    events: list[Event] = []
    for family in FAMILIES:
        found = family(filing, regs)
        if family is agreements:
            found = _unclaimed(found, events)
        events.extend(found)
    # a bare document's acquisition (a release, a note) leaves its deal reading standing: both are told
    return tuple(_one_telling(events) if filing.items else events)


def _unclaimed(agreements_found: list[Event], events: list[Event]) -> list[Event]:
    """The material agreements no deal or acquisition of the filing already tells: none beside an
    acquisition; beside a deal, those with a counterparty that is none of the deal's parties (an agreement
    with a deal's party, or with no counterparty named, is that deal's agreement)."""
    if any(e.type == "acquisition" for e in events):
        return []  # its merger agreement, support and voting agreements belong to the acquisition
    deals = [e for e in events if e.type in ("license", "collaboration", "asset_purchase")]
    if not deals:
        return agreements_found
    named = {norm_name(p.name) for e in deals for p in getattr(e, "parties", ())} - {""}

    def claimed(name: str | None) -> bool:
        key = norm_name(name) if name else ""
        return not key or any(key.startswith(n) or n.startswith(key) for n in named)

    return [a for a in agreements_found if not claimed(getattr(a, "counterparty", None))]


def _one_telling(events: list[Event]) -> list[Event]:
    """An asset purchase whose party is a buyer, target or seller of the filing's acquisition event is that
    acquisition told by the deal reader too ("Uber completed the divestiture of its food delivery business
    in India … Zomato acquired all of Seller's right, title and interest"): the acquisition stays."""
    taken = {
        norm_name(name)
        for e in events
        if e.type == "acquisition"
        for name in (getattr(e, "buyer", None), getattr(e, "target", None), getattr(e, "seller", None))
        if isinstance(name, str) and name
    }
    return [
        e
        for e in events
        if not (e.type == "asset_purchase" and any(norm_name(p.name) in taken for p in getattr(e, "parties", ())))
    ]
