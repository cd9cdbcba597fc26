"""The Form 8-K item table, as data.

Two numbering schemes: Items 1–12 before 23 August 2004, Items 1.01–9.01 since. Every item maps to a
modern code. Old Item 9 changed meaning in 2000 (Regulation S sales → Regulation FD).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = [
    "MODERN_SCHEME_START",
    "ITEMS",
    "OLD_ITEMS",
    "ItemDef",
    "code_for",
    "code_for_title",
    "modern_scheme",
    "title_for",
]

MODERN_SCHEME_START = _dt.date(2004, 8, 23)
REG_FD_START = _dt.date(2000, 10, 23)


@dataclass(frozen=True, slots=True)
class ItemDef:
    code: str
    title: str
    aliases: tuple[str, ...] = ()  # other titles seen in headers and bodies (normalized words)


ITEMS: tuple[ItemDef, ...] = (
    ItemDef("1.01", "Entry into a Material Definitive Agreement"),
    ItemDef("1.02", "Termination of a Material Definitive Agreement"),
    ItemDef("1.03", "Bankruptcy or Receivership"),
    ItemDef("1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations"),
    ItemDef("1.05", "Material Cybersecurity Incidents"),
    ItemDef(
        "2.01",
        "Completion of Acquisition or Disposition of Assets",
        ("acquisition or disposition of assets",),
    ),
    ItemDef("2.02", "Results of Operations and Financial Condition"),
    ItemDef(
        "2.03",
        "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement"
        " of a Registrant",
    ),
    ItemDef(
        "2.04",
        "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation"
        " under an Off-Balance Sheet Arrangement",
    ),
    ItemDef("2.05", "Costs Associated with Exit or Disposal Activities"),
    ItemDef("2.06", "Material Impairments"),
    ItemDef(
        "3.01",
        "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    ),
    ItemDef(
        "3.02",
        "Unregistered Sales of Equity Securities",
        ("sales of equity securities pursuant to regulation s",),
    ),
    ItemDef("3.03", "Material Modification to Rights of Security Holders"),
    ItemDef("4.01", "Changes in Registrant's Certifying Accountant"),
    ItemDef(
        "4.02",
        "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review",
    ),
    ItemDef("5.01", "Changes in Control of Registrant"),
    ItemDef(
        "5.02",
        "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain"
        " Officers; Compensatory Arrangements of Certain Officers",
        (
            "departure of directors or principal officers",
            "resignations of registrant s directors",
            "resignation of registrant s directors",
            "resignations of directors",
        ),
    ),
    ItemDef(
        "5.03",
        "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
        ("change in fiscal year",),
    ),
    ItemDef("5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"),
    ItemDef(
        "5.05",
        "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
        ("amendments to the registrant s code of ethics",),
    ),
    ItemDef("5.06", "Change in Shell Company Status"),
    ItemDef("5.07", "Submission of Matters to a Vote of Security Holders"),
    ItemDef("5.08", "Shareholder Director Nominations"),
    ItemDef("6.01", "ABS Informational and Computational Material"),
    ItemDef("6.02", "Change of Servicer or Trustee"),
    ItemDef("6.03", "Change in Credit Enhancement or Other External Support"),
    ItemDef("6.04", "Failure to Make a Required Distribution"),
    ItemDef("6.05", "Securities Act Updating Disclosure"),
    ItemDef("6.06", "Static Pool"),
    ItemDef("7.01", "Regulation FD Disclosure"),
    ItemDef("8.01", "Other Events", ("other events and regulation fd disclosure",)),
    ItemDef(
        "9.01",
        "Financial Statements and Exhibits",
        ("financial statements pro forma financial information and exhibits",),
    ),
)

# Old numbering (before 23 Aug 2004) → modern code. Item 9 depends on the date (see ``code_for``).
OLD_ITEMS: dict[str, str] = {
    "1": "5.01",
    "2": "2.01",
    "3": "1.03",
    "4": "4.01",
    "5": "8.01",
    "6": "5.02",
    "7": "9.01",
    "8": "5.03",
    "9": "7.01",
    "10": "5.05",
    "11": "5.04",
    "12": "2.02",
}

_BY_CODE = {d.code: d for d in ITEMS}


def modern_scheme(on: _dt.date | None) -> bool | None:
    """Whether the 1.01–9.01 scheme was in force on a date (None when the date is unknown)."""
    if on is None:
        return None
    return on >= MODERN_SCHEME_START


def code_for(number: str, on: _dt.date | None = None) -> str | None:
    """Modern code for an item number as printed ("5" → "8.01", "8.01" → "8.01")."""
    number = number.strip().rstrip(".")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", number)
    if m:
        code = f"{int(m.group(1))}.{int(m.group(2)):02d}"
        return code if code in _BY_CODE else None
    if number.isdigit():
        n = str(int(number))
        if n == "9" and on is not None and on < REG_FD_START:
            return "3.02"
        return OLD_ITEMS.get(n)
    return None


def title_for(code: str) -> str | None:
    d = _BY_CODE.get(code)
    return d.title if d else None


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# Titles and aliases as normalized word strings, longest first so the most specific wins.
_TITLE_KEYS: list[tuple[str, str]] = sorted(
    [(_words(d.title), d.code) for d in ITEMS] + [(_words(a), d.code) for d in ITEMS for a in d.aliases],
    key=lambda kc: -len(kc[0]),
)


def code_for_title(title: str, on: _dt.date | None = None) -> str | None:
    """Modern code for an item *title* (the SEC header's ``ITEM INFORMATION`` lines, or a heading).

    Matching is on words: an exact title, a title that starts with a known one (or the reverse, for
    headers that cut titles short), else the known title sharing the most words.
    """
    words = _words(title)
    if not words:
        return None
    if words.isdigit():  # tag-form headers give the number only (<ITEMS>5)
        return code_for(words, on)
    for key, code in _TITLE_KEYS:
        if words == key or words.startswith(key + " ") or (len(words) > 12 and key.startswith(words)):
            return code
    have = set(words.split())
    best, best_score = None, 0.0
    for key, code in _TITLE_KEYS:
        kw = set(key.split())
        score = len(have & kw) / len(have | kw)
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 0.5 else None
