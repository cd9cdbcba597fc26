"""The registrant, assembled from competing strategies: SGML header, inline-XBRL ``dei:`` facts and the
cover page text. The header is authoritative; when the body says the same thing in its own words
(e.g. "Cisco Systems, Inc." for the header's "CISCO SYSTEMS INC"), the printed form is kept; when they
disagree, the header wins and a warning says so, except for the address and phone, where the cover
as printed wins (the header's stay in ``filers``). A header placeholder (IRS number 000000000) counts
as no value. Every field records which strategy won.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eightk.model import Address, FieldSource, Problem, Registrant, Security, Span
from eightk.parse.cover import Found, locate_name, parse_address
from eightk.parse.ixbrl import Fact
from eightk.parse.places import state_code

__all__ = ["Candidates", "assemble_registrant", "filer_from_header", "norm_name"]

_SUFFIX = re.compile(
    r"\b(?:the|inc|incorporated|corp|corporation|co|company|ltd|limited|llc|lp|plc|nv|sa|ag|se|"
    r"holdings?|group)\b"
)


def norm_name(name: str) -> str:
    low = re.sub(r"['\u2019`]", "", name.lower()).replace("&", " and ")
    words = re.sub(r"[^a-z0-9 ]+", " ", low)
    return " ".join(_SUFFIX.sub(" ", words).split())


def _norm_file(v: str) -> str:
    return "-".join(p.lstrip("0") or "0" for p in re.split(r"[-\u2013]", v.strip()))


def _digits(v: str) -> str:
    return re.sub(r"\D", "", v)


def _norm_address(a: Address) -> tuple[str, str]:
    return ((a.zip or "")[:5], (a.city or "").lower())


_AGREE: dict[str, Callable[[str, str], bool]] = {
    "name": lambda a, b: norm_name(a) == norm_name(b),
    "file_number": lambda a, b: _norm_file(a) == _norm_file(b),
    "irs_number": lambda a, b: _digits(a) == _digits(b),
    "phone": lambda a, b: _digits(a)[-7:] == _digits(b)[-7:],
    "state_of_incorporation": lambda a, b: (state_code(a) or a).lower() == (state_code(b) or b).lower(),
    "cik": lambda a, b: a.lstrip("0") == b.lstrip("0"),
}


@dataclass(slots=True)
class Candidates:
    """What each strategy found, as strings (addresses as raw text, parsed later)."""

    header: dict[str, str] = field(default_factory=dict)
    ixbrl: dict[str, list[Fact]] = field(default_factory=dict)
    body: dict[str, Found] = field(default_factory=dict)
    doc: int = 1
    text: str = ""


def _irs(v: str | None) -> str | None:
    """``NN-NNNNNNN``, or None for anything but nine digits (and for EDGAR's 000000000 placeholder)."""
    d = _digits(v or "")
    return f"{d[:2]}-{d[2:]}" if len(d) == 9 and d.strip("0") else None


def _phone(v: str | None) -> str | None:
    d = _digits(v or "")
    return d if d.strip("0") else None


_EDGAR_TAG = re.compile(r"(?<!\s)\s*/[A-Z]{2,3}/\s*$")  # "ACME CORP /DE/": EDGAR's state tag, not the name


def _header_name(v: str | None) -> str | None:
    return _EDGAR_TAG.sub("", v).strip() or None if v else None


def filer_from_header(f: dict[str, str]) -> Registrant:
    street = ", ".join(x for x in (f.get("BUSINESS ADDRESS/STREET 1"), f.get("BUSINESS ADDRESS/STREET 2")) if x)
    return Registrant(
        name=_header_name(f.get("COMPANY DATA/COMPANY CONFORMED NAME")),
        cik=(f.get("COMPANY DATA/CENTRAL INDEX KEY") or "").lstrip("0") or None,
        state_of_incorporation=state_code(f.get("COMPANY DATA/STATE OF INCORPORATION")),
        file_number=f.get("FILING VALUES/SEC FILE NUMBER"),
        irs_number=_irs(f.get("COMPANY DATA/IRS NUMBER") or f.get("COMPANY DATA/EIN")),  # EIN: from 2025
        address=Address(
            street or None,
            f.get("BUSINESS ADDRESS/CITY"),
            state_code(f.get("BUSINESS ADDRESS/STATE")),
            f.get("BUSINESS ADDRESS/ZIP"),
        ),
        phone=_phone(f.get("BUSINESS ADDRESS/BUSINESS PHONE")),
        former_name=f.get("FORMER COMPANY/FORMER CONFORMED NAME"),
    )


_DEI = {
    "name": "EntityRegistrantName",
    "cik": "EntityCentralIndexKey",
    "state_of_incorporation": "EntityIncorporationStateCountryCode",
    "file_number": "EntityFileNumber",
    "irs_number": "EntityTaxIdentificationNumber",
    "phone": "_Phone",  # CityAreaCode + LocalPhoneNumber, joined in assemble_registrant
}


# Fields where the cover as printed beats a header that disagrees (EDGAR's business address and phone
# are often stale or another office's); the header's values stay in the record's ``filers``.
_PAGE_WINS = frozenset({"phone", "address"})


class _Picker:
    def __init__(self, c: Candidates, problems: list[Problem]) -> None:
        self.c, self.problems = c, problems
        self.sources: list[FieldSource] = []

    def span(self, start: int, end: int) -> Span:
        return Span(self.c.doc, start, end, self.c.text[start:end])

    def locate(self, value: str) -> Span | None:
        i = self.c.text.find(value, 0, 20000)
        return self.span(i, i + len(value)) if i >= 0 and value else None

    def body_value(self, key: str) -> tuple[str, str, Span | None] | None:
        """The body's value: a visible dei fact, else the cover text, else a hidden dei fact."""
        facts = self.c.ixbrl.get(_DEI.get(key, ""), [])
        visible = [f.value for f in facts if not f.hidden and f.value]
        found = self.c.body.get(key)
        if key == "name" and found and visible and norm_name(found.value) == norm_name(visible[0]):
            visible = []  # the name as printed on the cover, when the tag says the same
        if visible:
            return visible[0], "ixbrl", self.locate(visible[0])
        if found:
            return found.value, "text", self.span(found.start, found.end)
        hidden = [f.value for f in facts if f.value]
        if hidden:
            return hidden[0], "ixbrl", None
        return None

    def pick(self, key: str, norm: Callable[[str], str | None] = lambda v: v) -> str | None:
        head = self.c.header.get(key)
        body = self.body_value(key)
        if head and body:
            agree = _AGREE.get(key, lambda a, b: a == b)
            if agree(head, body[0]):
                self.sources.append(FieldSource(key, body[1], body[2]))
                return norm(body[0])
            self.problems.append(
                Problem("warning", "cover_mismatch", f"{key}: header says {head!r}, {body[1]} says {body[0]!r}")
            )
            if key in _PAGE_WINS:  # the header's value stays under ``filers``
                self.sources.append(FieldSource(key, body[1], body[2]))
                return norm(body[0])
        if head:
            self.sources.append(FieldSource(key, "header"))
            return norm(head)
        if body:
            self.sources.append(FieldSource(key, body[1], body[2]))
            return norm(body[0])
        return None


def _first(dei: dict[str, list[Fact]], name: str) -> str | None:
    """The first visible fact's value, else the first hidden one."""
    facts = dei.get(name, [])
    value = next((f.value for f in facts if not f.hidden), None) or next((f.value for f in facts), None)
    return value.strip(" ,;") or None if value else None  # "270 Park Avenue,": the comma is layout


def _address(p: _Picker, header_addr: Address | None) -> Address:
    dei = p.c.ixbrl
    line1 = _first(dei, "EntityAddressAddressLine1")
    if line1:
        street = ", ".join(x for x in (line1, _first(dei, "EntityAddressAddressLine2")) if x)
        city = _first(dei, "EntityAddressCityOrTown")
        st = _first(dei, "EntityAddressStateOrProvince")
        zp = _first(dei, "EntityAddressPostalZipCode")
        body: Address | None = Address(street, city, state_code(st), zp)
        source, span = "ixbrl", p.locate(line1)
    elif "address" in p.c.body:
        f = p.c.body["address"]
        body = Address(**parse_address(f.value))
        source, span = "text", p.span(f.start, f.end)
    else:
        body, source, span = None, "", None
    if header_addr and body:
        if _norm_address(header_addr)[0] == _norm_address(body)[0] and body.zip:
            p.sources.append(FieldSource("address", source, span))
            return body
        p.problems.append(Problem("warning", "cover_mismatch", f"address: header says {header_addr}, body says {body}"))
        if "address" in _PAGE_WINS and body.street and (body.zip or body.city):
            p.sources.append(FieldSource("address", source, span))
            return body
    if header_addr:
        p.sources.append(FieldSource("address", "header"))
        return header_addr
    if body:
        p.sources.append(FieldSource("address", source, span))
        return body
    return Address()


def _securities(p: _Picker, table: list[Security]) -> tuple[Security, ...]:
    dei = p.c.ixbrl
    titles = [f.value for f in dei.get("Security12bTitle", [])]
    symbols = [f.value for f in dei.get("TradingSymbol", [])]
    exchanges = [f.value for f in dei.get("SecurityExchangeName", [])]
    if symbols and len(symbols) == len(exchanges):
        titles += [""] * (len(symbols) - len(titles))
        p.sources.append(FieldSource("securities", "ixbrl"))
        return tuple(Security(t or None, s, e) for t, s, e in zip(titles, symbols, exchanges, strict=False))
    if table:
        p.sources.append(FieldSource("securities", "text"))
    return tuple(table)


_OWN_FIELDS = ("state_of_incorporation", "file_number", "irs_number", "address", "phone")


def assemble_registrant(
    c: Candidates,
    header_filer: Registrant | None,
    table: list[Security],
    problems: list[Problem],
    other_filers: Sequence[Registrant] = (),
) -> tuple[Registrant, list[FieldSource]]:
    p = _Picker(c, problems)
    if header_filer:
        c.header = {k: v for k, v in _header_strings(header_filer).items() if v}
        printed = c.body.get("name")
        others = [f for f in other_filers if f.cik != header_filer.cik]  # .nc headers may repeat a filer
        if printed and any(f.name and norm_name(f.name) == norm_name(printed.value) for f in others):
            # a combined filing whose cover prints another filer first: its values are not this filer's
            for key in _OWN_FIELDS:
                c.body.pop(key, None)
        if header_filer.name and not (printed and norm_name(printed.value) == norm_name(header_filer.name)):
            located = locate_name(c.text, header_filer.name, norm_name)
            if located:
                c.body["name"] = located
    if "LocalPhoneNumber" in c.ixbrl:
        area = next((f.value for f in c.ixbrl.get("CityAreaCode", [])), "")
        local = c.ixbrl["LocalPhoneNumber"][0].value
        c.ixbrl["_Phone"] = [Fact(area + " " + local if area else local, False)]
    reg = Registrant(
        name=p.pick("name"),
        cik=p.pick("cik", lambda v: v.lstrip("0") or None),
        state_of_incorporation=p.pick("state_of_incorporation", state_code),
        file_number=p.pick("file_number"),
        irs_number=p.pick("irs_number", _irs),
        address=_address(p, header_filer.address if header_filer and header_filer.address.zip else None),
        phone=p.pick("phone", lambda v: _digits(v) or None),
        former_name=p.pick("former_name"),
        securities=_securities(p, table),
    )
    return reg, p.sources


def _header_strings(r: Registrant) -> dict[str, str | None]:
    return {
        "name": r.name,
        "cik": r.cik,
        "state_of_incorporation": r.state_of_incorporation,
        "file_number": r.file_number,
        "irs_number": r.irs_number,
        "phone": r.phone,
    }
