"""US states and territories (name ↔ two-letter code) and the countries and provinces that show up as
states of incorporation."""

from __future__ import annotations

import re

__all__ = ["STATE_CODES", "STATE_NAMES", "JURISDICTION_PATTERN", "state_code"]

STATE_NAMES: dict[str, str] = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "district of columbia": "DC",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "puerto rico": "PR",
    "guam": "GU",
    "virgin islands": "VI",
}
STATE_CODES: frozenset[str] = frozenset(STATE_NAMES.values())

# Places of incorporation outside the US states, as printed (kept as names, per SCHEMA.md).
FOREIGN = (
    "Bermuda",
    "Cayman Islands",
    "British Virgin Islands",
    "Bahamas",
    "Barbados",
    "Canada",
    "British Columbia",
    "Ontario",
    "Quebec",
    "Alberta",
    "Nova Scotia",
    "Manitoba",
    "Saskatchewan",
    "New Brunswick",
    "England and Wales",
    "England",
    "Scotland",
    "United Kingdom",
    "Ireland",
    "Jersey",
    "Guernsey",
    "Isle of Man",
    "Netherlands",
    "The Netherlands",
    "Luxembourg",
    "Switzerland",
    "Germany",
    "France",
    "Israel",
    "Japan",
    "Singapore",
    "Hong Kong",
    "Australia",
    "Marshall Islands",
    "Liberia",
    "Panama",
    "Curacao",
    "Netherlands Antilles",
    "Mexico",
    "Brazil",
    "India",
    "China",
    "Sweden",
    "Denmark",
    "Norway",
    "Finland",
    "Belgium",
    "Spain",
    "Italy",
    "Cyprus",
    "Greece",
    "Korea",
    "Taiwan",
    "South Africa",
    "Argentina",
    "Chile",
    "Colombia",
    "Peru",
    "Malta",
    "Gibraltar",
)

_ALL = sorted(list(STATE_NAMES) + [f.lower() for f in FOREIGN], key=len, reverse=True)
# Lower-case and case-sensitive: it is matched against folded text (see parse.text.fold).
JURISDICTION_PATTERN = re.compile(
    r"\b(?:state\s+of\s+)?(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _ALL) + r")\b"
)
_ABBREV = {
    "del": "DE",
    "calif": "CA",
    "cal": "CA",
    "mass": "MA",
    "penn": "PA",
    "penna": "PA",
    "wash": "WA",
    "mich": "MI",
    "minn": "MN",
    "conn": "CT",
    "fla": "FL",
    "ill": "IL",
    "ind": "IN",
    "tenn": "TN",
    "tex": "TX",
    "wis": "WI",
    "colo": "CO",
    "ariz": "AZ",
    "okla": "OK",
    "ore": "OR",
    "nev": "NV",
}


def state_code(value: str | None) -> str | None:
    """ "Massachusetts" → "MA", "ma" → "MA", "Del." → "DE"; a foreign jurisdiction stays as printed."""
    if not value:
        return None
    s = " ".join(value.replace(".", " ").split()).strip(" ,;:")
    if not s:
        return None
    low = s.lower()
    if low.startswith("state of "):
        low = low[9:]
        s = s[9:]
    if low in STATE_NAMES:
        return STATE_NAMES[low]
    if s.upper() in STATE_CODES and len(s) == 2:
        return s.upper()
    if low in _ABBREV:
        return _ABBREV[low]
    for f in FOREIGN:
        if f.lower() == low:
            return f
    return s
