"""A printed address → street, city, state (or province or country) and postcode.

"333 Providence Highway, Norwood, Massachusetts 02062" → ``{"street": "333 Providence Highway", "city":
"Norwood", "state": "MA", "zip": "02062"}``; a Canadian province or a country (as ``places.FOREIGN``
spells it) stays a name, per SCHEMA.md.
"""

from __future__ import annotations

import re

from eightk.parse.places import FOREIGN, STATE_CODES, STATE_NAMES, state_code

__all__ = ["ZIP", "parse_address"]

_I = re.IGNORECASE
ZIP = re.compile(r"(?<![\d-])(\d{5}(?:\s?-\s?\d{4})?)(?![\d-])")


def _clean(value: str) -> str:
    return " ".join(value.replace("\t", " ").split()).strip(" ,;:")


_CAPTION_BITS = re.compile(r"\((?:zip|postal)\s*code\)|\(address[^)]*\)?", _I)
_STATE_AT_END = re.compile(
    r"(?:^|[\s,])("
    + "|".join(sorted((re.escape(n) for n in STATE_NAMES), key=len, reverse=True))
    + r"|[A-Z]{2}|[A-Z][a-z]{1,4}\.)\s*$",
    _I,
)


# Runs of spaces are handled with str methods, which read each character once: the patterns they replace
# (``re.sub(r"\s*\n\s*", ", ")`` and ``re.split(r"\s*,\s*")``) read a run of spaces again from each of its
# spaces (issue 13), yet split the same way.


def _join_lines(text: str) -> str:
    """Each run of whitespace that holds a line break becomes ", " (the pattern's first replacement)."""
    if "\n" not in text:
        return text
    first, *middle, last = text.split("\n")
    inner = [line.strip() for line in middle]
    return ", ".join([first.rstrip(), *(line for line in inner if line), last.lstrip()])


def _split_commas(text: str) -> list[str]:
    """``text`` split at its commas, the whitespace on both sides of each comma dropped."""
    pieces = text.split(",")
    for i in range(1, len(pieces)):
        pieces[i] = pieces[i].lstrip()
    for i in range(len(pieces) - 1):
        pieces[i] = pieces[i].rstrip()
    return pieces


def parse_address(raw: str) -> dict[str, str | None]:
    """ "333 Providence Highway, Norwood, Massachusetts 02062" → street, city, state (code), zip."""
    text = _join_lines(_CAPTION_BITS.sub(" ", raw).replace("\t", ", "))
    zips = list(ZIP.finditer(text)) or list(_POSTAL_CA.finditer(text))
    zip_code = None
    if zips:
        z = zips[-1]
        zip_code = re.sub(r"\s", "", z.group(1)) if z.re is ZIP else z.group(1).upper()
        text = text[: z.start()] + " " + text[z.end() :]
    parts = [p.strip() for p in _split_commas(text) if p.strip(" ,.")]
    if not parts:
        return {"street": None, "city": None, "state": None, "zip": zip_code}
    state = city = None
    last = parts[-1]
    m = _STATE_AT_END.search(last)
    if m and (state_code(m.group(1)) in STATE_CODES):
        state = state_code(m.group(1))
        rest = last[: m.start(1)].strip(" ,")
        parts = parts[:-1]
        if rest:
            city = rest
        elif parts:
            city = parts.pop()
    elif (p := _PROVINCE_AT_END.search(last) or _COUNTRY_AT_END.search(last)) is not None:
        state = state_code(p.group(1)) or p.group(1)  # a province or country: its name, as SCHEMA.md says
        if p.re is _COUNTRY_AT_END and p.group(2) and not zip_code:
            zip_code = p.group(2).strip()
        rest = last[: p.start(1)].strip(" ,")
        parts = parts[:-1]
        city = rest or (parts.pop() if parts else None)
        post = _POSTCODE_AFTER_CITY.search(city) if city and p.re is _COUNTRY_AT_END and not zip_code else None
        if city and post:
            zip_code, city = post.group(1), city[: post.start()].strip()
    elif len(parts) >= 2:
        city = parts.pop() if len(parts) > 2 else None
    if city:
        unit = _UNIT.match(city)
        if unit and unit.end() < len(city):  # "Suite 326 Dana Point": the unit belongs to the street
            parts.append(city[: unit.end()].strip())
            city = city[unit.end() :].strip()
    street = ", ".join(parts) or None
    return {"street": _clean(street) if street else None, "city": city, "state": state, "zip": zip_code}


_POSTAL_CA = re.compile(r"\b([A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)\b")
_PROVINCE_AT_END = re.compile(
    r"(?:^|[\s,])(ontario|quebec|québec|british columbia|alberta|manitoba|saskatchewan|nova scotia|"
    r"new brunswick|newfoundland(?: and labrador)?|prince edward island|yukon|nunavut|"
    r"northwest territories)\s*$",
    _I,
)
_COUNTRY_AT_END = re.compile(
    r"(?:^|[\s,])(" + "|".join(re.escape(f) for f in sorted(FOREIGN, key=len, reverse=True)) + r")"
    r"(?:\s+([A-Z0-9]{2,4}[ -]?[A-Z0-9]{0,4}))?\s*$",
    _I,
)
_POSTCODE_AFTER_CITY = re.compile(r"(?<!\s)\s+(\d{4,6})$")  # from a run's first space only
_UNIT = re.compile(r"(?:suite|ste\.?|unit|floor|room|building|bldg\.?|#)\s*[\w-]+\s+", _I)
