"""The cover page, read from the body's normalized text.

Cover pages are laid out around printed captions: "(Exact name of registrant as specified in its
charter)", "(State or other jurisdiction of incorporation)", "(Commission File Number)", "(IRS Employer
Identification No.)", "(Address of principal executive offices)", "Registrant's telephone number".
Values sit above their captions (or beside, or below in a few layouts). Each field has one small
reader; ``read_cover`` runs them all and returns ``{field: Found}`` with the text span of every value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eightk.parse.address import parse_address
from eightk.parse.cover_lines import COVER_LIMIT, RULE, Found, Page, clean, column, line_bounds, value_lines_before
from eightk.parse.cover_table import read_registrant_table
from eightk.parse.dates import find_date
from eightk.parse.places import JURISDICTION_PATTERN, STATE_CODES, STATE_NAMES, state_code
from eightk.parse.text import fold

__all__ = ["COVER_LIMIT", "Found", "locate_name", "parse_address", "read_cover", "read_securities"]

_I = re.IGNORECASE
_NAME_CAPTION = re.compile(r"exact\s+name\s+of\s+(?:the\s+)?(?:registrant|company|issuer)")
_STATE_CAPTION = re.compile(
    r"(?:state|jurisdiction)(?:\s+or\s+(?:other\s+)?jurisdiction)?\s+of\s+(?:incorporation|organization|formation)"
    r"|state\s+or\s+other\s*\n?\s*jurisdiction"
)
_FILE_CAPTION = re.compile(r"commission\s*\n?\s*file\s*\n?\s*(?:number|no)|file\s+number")
_IRS_CAPTION = re.compile(r"employer\s+identification|identification\s+no|i\.?\s*r\.?\s*s\.?\s+employer")
_ADDRESS_CAPTION = re.compile(r"address\s*(?:,?\s*including\s+zip\s+code,?\s*)?\s*of\s+principal")
_PHONE_LABEL = re.compile(r"telephone\s+number")
_FORMER_CAPTION = re.compile(r"former\s+name\s+or\s+former\s+address")
_DATE_LABEL = re.compile(r"date\s+of\s+(?:report|earliest\s+event)")
_IRS = re.compile(r"(?<![\d-])(\d{2})[ \t]?[-\u2013\u2010][ \t]?(\d{7})(?![\d-])|(?<![\d-])(\d{9})(?![\d-])")
_FILE = re.compile(r"(?<![\d(-])((?:\d{1,3}|33[3]?)[-\u2013](?:\d{3,6})(?:[-\u2013]\d{1,3})?)(?![\d-])")
# A phone never starts with a space (``(?=\S)``), and its runs of separators are possessive: a run of
# spaces is read once, not once from each of its spaces (issue 13: runs of spaces were quadratic).
_PHONE = re.compile(
    r"(?<!\d)(?=\S)(?:\+?1[\s.-]?)?\(?\s*+(\d{3})\s*+\)?[\s.\-\u2013]*+(\d{3})[\s.\-\u2013]*+(\d{4})(?!\d)"
    r"|\+\d[\d\s().-]{7,18}\d"
)
_NONE_VALUES = {
    "n/a", "na", "none", "not applicable", "inapplicable", "unchanged", "no change", "n.a.", "not changed",
    "no change since last report", "same", "-",
}  # fmt: skip


def _find_name(text: Page, end: int) -> Found | None:
    m = _NAME_CAPTION.search(text.low, 0, end)
    if not m:
        return None
    lines = value_lines_before(text, m.start(), limit=1)
    if not lines:
        return None
    cap_line = line_bounds(text, m.start())
    if text[cap_line[0] : m.start()].strip():  # the caption shares its line with others
        lines = [column(text, lines[0], m.start() - cap_line[0], 30)]
    s, e = lines[0]
    if _SUFFIX_ONLY.match(text[s:e]) and "\t" not in text[s:e]:  # "INTERNATIONAL BUSINESS MACHINES\nCORPORATION"
        above = line_bounds(text, max(0, s - 1))
        if s > 0 and text[above[0] : above[1]].strip() and not RULE.match(text[above[0] : above[1]]):
            s = above[0]
    value = clean(text[s:e])
    if not value or len(value) > 150:
        return None
    return Found(value, s + (len(text[s:e]) - len(text[s:e].lstrip())), e)


_SUFFIX_ONLY = re.compile(
    r"\s*(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.?l\.?c|l\.?p|plc|n\.?v|trust)\.?\s*$",
    re.IGNORECASE,
)


_APOSTROPHES = str.maketrans("", "", "'\u2019`")


def locate_name(text: str, wanted: str, norm: Callable[[str], str], end: int = COVER_LIMIT) -> Found | None:
    """The cover line (or table cell) that prints a known name, e.g. the header's conformed name.

    ``norm`` lower-cases, deletes apostrophes and turns "&" into "and" and other characters into spaces
    (as ``registrant.norm_name`` does), so a cell can match only if its lower-cased, apostrophe-free text
    holds the target's longest word: lines without it are skipped unread."""
    target = norm(wanted)
    if not target:
        return None
    key = max((w for w in target.split() if w != "and"), key=len, default="")
    pos = 0
    lines = text[:end].split("\n")
    keyed = text[:end].lower().translate(_APOSTROPHES).split("\n")  # line for line (no "\n" is added or lost)
    for line, low in zip(lines, keyed, strict=True):
        if key not in low:
            pos += len(line) + 1
            continue
        for cell in line.split("\t"):
            if norm(cell) == target:
                start = pos + line.find(cell) + (len(cell) - len(cell.lstrip()))
                value = clean(cell)
                return Found(value, start, start + len(cell.strip()))
        pos += len(line) + 1
    return None


def _values_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line carrying the IRS number: in the usual layout, state and file number share it."""
    m = _IRS.search(text, start, end)
    return line_bounds(text, m.start()) if m else None


def _find_irs(text: Page, start: int, end: int) -> Found | None:
    cap = _IRS_CAPTION.search(text.low, start, end)
    stop = min(end, cap.end() + 400) if cap else end
    m = _IRS.search(text, start, stop)
    if not m:
        return None
    digits = (m.group(1) + m.group(2)) if m.group(1) else m.group(3)
    return Found(f"{digits[:2]}-{digits[2:]}", m.start(), m.end())


def _is_phone_at(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 6) : m.start()]
    return bool(re.search(r"\)[ \t]*$|\d{3}[ .-]$", before))


def _find_file_number(text: Page, start: int, end: int, line: tuple[int, int] | None) -> Found | None:
    if line:
        for m in _FILE.finditer(text, *line):
            if not _is_phone_at(text, m) and not _IRS.fullmatch(m.group(1)):
                return Found(m.group(1).replace("\u2013", "-"), m.start(1), m.end(1))
    cap = _FILE_CAPTION.search(text.low, start, end)
    if not cap:
        return None
    best: re.Match[str] | None = None
    for m in _FILE.finditer(text, start, min(end, cap.end() + 300)):
        if _is_phone_at(text, m) or re.fullmatch(r"\d{2}-\d{6,7}", m.group(1)):
            continue  # a phone, or a (malformed) IRS number
        if m.start() < cap.start() or best is None:
            best = m
        if m.start() > cap.start():
            break
    return Found(best.group(1).replace("\u2013", "-"), best.start(1), best.end(1)) if best else None


_A_STATE_CORPORATION = re.compile(r"\(\s*an?\s+([a-z][a-z ]{2,30}?)\s+(?:corporation|company|limited)")


def _file_caption_first(text: Page, after_name: int) -> bool:
    """Whether the file-number caption comes before the name (multi-registrant tables, old covers)."""
    cap = _FILE_CAPTION.search(text.low, 0, after_name)
    return cap is not None


def _find_state(text: Page, start: int, end: int, line: tuple[int, int] | None) -> Found | None:
    a = _A_STATE_CORPORATION.search(text.low, start, end)
    if a and JURISDICTION_PATTERN.fullmatch(a.group(1)):
        return _state_found(text, a)
    if line:
        m = JURISDICTION_PATTERN.search(text.low, *line) or _STATE_CODE_CELL.search(text, *line)
        if m:
            return _state_found(text, m)
    cap = _STATE_CAPTION.search(text.low, start, end)
    if not cap:
        return None
    last = None
    for m in JURISDICTION_PATTERN.finditer(text.low, max(start, cap.start() - 300), cap.start()):
        last = m
    if last is None:
        above = value_lines_before(text, cap.start(), limit=1)
        last = _STATE_CODE_CELL.search(text, *above[0]) if above else None
    if last is None:  # below the caption: only a line (or cell) that is the place alone
        last = _STATE_BELOW.search(text.low, cap.end(), min(end, cap.end() + 200))
    if last is None:
        return None
    return _state_found(text, last)


# A US state's two-letter code alone in a cell ("CA" over "(State or other jurisdiction …)").
_STATE_CODE_CELL = re.compile(
    r"(?:^|(?<=[\t\n])|(?<=\s\s))(" + "|".join(sorted(STATE_CODES)) + r")(?=[ \t]*(?:\t|\n|$|\s\s))", re.MULTILINE
)
_STATE_BELOW = re.compile(
    r"(?:^|(?<=[\t\n]))[ \t]*" + JURISDICTION_PATTERN.pattern + r"[ \t.]*(?=[\t\n]|$)", re.MULTILINE
)


def _state_found(text: str, m: re.Match[str]) -> Found:
    printed = " ".join(text[m.start(1) : m.end(1)].split())
    return Found(state_code(printed) or printed, m.start(1), m.end(1))


_ZIP_CAPTION = re.compile(r"\(\s*(?:zip|postal)\s*code\s*\)", _I)
_ADDRESS_END = re.compile(
    r"(?:^|[\s,])(?:"
    + "|".join(sorted((re.escape(n) for n in STATE_NAMES), key=len, reverse=True))
    + r"|[A-Z]{2})\.?[ ,]*\d{5}(?:-\d{4})?$|^\s*\d{5}(?:-\d{4})?$",
    _I,
)
_STOP_LINE = re.compile(r"identification|file\s+number|incorporation|telephone|\bregistrant\b|\(exact", _I)


def _address_lines(text: str, pos: int, limit: int = 6) -> list[tuple[int, int]]:
    """Non-blank lines above an address caption, blank lines allowed between, up to a caption line."""
    out: list[tuple[int, int]] = []
    cursor = line_bounds(text, pos)[0] - 1
    while cursor > 0 and len(out) < limit:
        ls, le = line_bounds(text, cursor)
        cursor = ls - 1
        line = _ZIP_CAPTION.sub("", text[ls:le]).strip()
        if not line or RULE.match(line):
            continue
        if line.startswith("(") or line.endswith(")") or _STOP_LINE.search(line) or _IRS.search(line):
            break
        out.append((ls, le))
    return list(reversed(out))


def _find_address(text: Page, start: int, end: int) -> Found | None:
    cap = _ADDRESS_CAPTION.search(text.low, start, end)
    if not cap:
        return None
    lines = _address_lines(text, cap.start())
    first: list[tuple[int, int]] = []
    for s, e in lines:  # several addresses stacked (e.g. two head offices): keep the first
        first.append((s, e))
        if _ADDRESS_END.search(_ZIP_CAPTION.sub("", text[s:e]).rstrip()):
            break
    if not first:
        return None
    s, e = first[0][0], first[-1][1]
    s += len(text[s:e]) - len(text[s:e].lstrip())
    return Found(text[s:e], s, e)


def _find_phone(text: Page, start: int, end: int) -> Found | None:
    for label in _PHONE_LABEL.finditer(text.low, start, end):
        m = _PHONE.search(text, label.end(), min(end, label.end() + 160))
        if m is None:  # before the label: its line and the 160 characters above it (a long line: 480)
            ls, _ = line_bounds(text, label.start())
            m = _PHONE.search(text, max(start, ls - 160, label.start() - 480), label.start())
        if m:
            return Found(re.sub(r"\D", "", m.group(0)), m.start(), m.end())
    return None


def _find_former(text: Page, start: int, end: int) -> Found | None:
    cap = _FORMER_CAPTION.search(text.low, start, end)
    if not cap:
        return None
    lines = value_lines_before(text, cap.start(), limit=1)
    if not lines:
        return None
    s, e = lines[0]
    value = clean(text[s:e])
    low = value.lower()
    if (
        not value
        or low.strip(".") in _NONE_VALUES
        or low.strip(" .()[]") in _NONE_VALUES
        or not re.search(r"[A-Za-z]{2}", value)  # a fragment of a phone number, a stray mark
        or "telephone" in low
        or "area code" in low
        or _PHONE.search(value)
        or len(value) > 200
    ):
        return None
    return Found(value, s, e)


def _find_date(text: Page, start: int, end: int) -> Found | None:
    for label in _DATE_LABEL.finditer(text.low, start, end):
        got = find_date(text, label.end(), min(end, label.end() + 160))
        if got is None:
            got = find_date(text, max(start, label.start() - 120), label.start())
        if got:
            d, s, e = got
            return Found(d.isoformat(), s, e)
    return None


_FORM = re.compile(r"\bform\s+(8-k(?:12[bg]3)?(?:\s*/\s*a)?|\d{1,2}-[a-z]{1,3}\d?(?:/a)?)(?![\w-])")


def _find_form(text: Page, start: int, end: int) -> Found | None:
    m = _FORM.search(text.low, start, min(end, 4000))
    if not m:
        return None
    form = re.sub(r"\s+", "", m.group(1)).upper()  # matched in the folded text
    if form == "8-K" and re.search(r"\bamendment\s+no\.?\s*\d", text.low[m.end() : m.end() + 300]):
        form = "8-K/A"
    return Found(form, m.start(1), m.end(1))


_READERS: tuple[tuple[str, Callable[[Page, int, int], Found | None]], ...] = (
    ("form_type", _find_form),
    ("date_of_report", _find_date),
    ("address", _find_address),
    ("phone", _find_phone),
    ("former_name", _find_former),
)


_COMPANY = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|plc|n\.v|s\.a|"
    r"trust|bancorp|holdings?|group|partners)\b\.?",
    _I,
)
_NOT_NAME = re.compile(r"securities\s+and\s+exchange|exchange\s+act|pursuant|commission|^\(|\d{3}", _I)
_PHONE_ALONE = re.compile(r"\(\d{3}\)\s*\d{3}[-\u2013]\d{4}")


def _guess_name(text: Page, end: int) -> Found | None:
    """No "(Exact name …)" caption: the first short company-like line after the report date."""
    label = _DATE_LABEL.search(text.low, 0, end)
    pos = label.end() if label else 0
    for m in re.finditer(r"[^\n]+", text[pos:end]):
        line = m.group(0).strip()
        if 3 < len(line) <= 100 and _COMPANY.search(line) and not _NOT_NAME.search(line):
            s = pos + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return Found(clean(line), s, s + len(line))
    return None


def _guess_address(text: Page, start: int, end: int) -> Found | None:
    """No address caption: the first "City, State 12345" line, with the street line above it."""
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group(0).rstrip()
        if not _ADDRESS_END.search(line):
            continue
        s, e = start + m.start(), start + m.end()
        if not re.match(r"\s*(?:\d|one|two|three|p\.?\s*o\.?\s+box)", line, _I):
            above = value_lines_before(text, s, limit=1)
            if above and re.match(r"\s*(?:\d|one|two|three|p\.?\s*o\.?\s+box)", text[above[0][0] : above[0][1]], _I):
                s = above[0][0]
        s += len(text[s:e]) - len(text[s:e].lstrip())
        return Found(text[s:e], s, e)
    return None


def _guess_phone(text: Page, start: int, end: int) -> Found | None:
    m = _PHONE_ALONE.search(text, start, end)
    return Found(re.sub(r"\D", "", m.group(0)), m.start(), m.end()) if m else None


def read_cover(text: str, end: int | None = None) -> dict[str, Found]:
    """Every cover value found in ``text[:end]`` (end: where the first item begins)."""
    end = min(len(text), end if end is not None else COVER_LIMIT, COVER_LIMIT)
    text = Page(text)
    found: dict[str, Found] = {}
    name = _find_name(text, end) or _guess_name(text, end)
    if name:
        found["name"] = name
    after_name = name.end if name else 0
    for key, reader in _READERS:
        got = reader(text, 0 if key in ("form_type", "date_of_report") else after_name, end)
        if got:
            found[key] = got
    for key, guess in (("address", _guess_address), ("phone", _guess_phone)):
        if key not in found:
            got = guess(text, after_name, end)
            if got:
                found[key] = got
    line = _values_line(text, after_name, end)
    for key, got in (
        ("irs_number", _find_irs(text, after_name, end)),
        (
            "file_number",
            _find_file_number(text, 0 if _file_caption_first(text, after_name) else after_name, end, line),
        ),
        ("state_of_incorporation", _find_state(text, after_name, end, line)),
    ):
        if got:
            found[key] = got
    table = read_registrant_table(text, text.low, end)  # a combined cover: its first row is the registrant
    if table:
        found.update((key, Found(cell.value, cell.start, cell.end)) for key, cell in table.items())
    return found


# --- securities registered under Section 12(b) ---------------------------------------------------

_SEC_HEADER = re.compile(r"title\s+of\s+each\s+class[^\n]*\n")
_SEC_END = re.compile(r"indicate\s+by\s+check\s+mark|section\s+12\s*\(g\)|emerging\s+growth")
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9.\-/ ]{0,11}$")


def read_securities(text: str, end: int | None = None) -> list[tuple[str, str, str]]:
    """Rows of the 12(b) table: ``(title, symbol, exchange)``."""
    stop = min(len(text), end if end is not None else COVER_LIMIT, COVER_LIMIT)
    low = fold(text[:stop])
    m = _SEC_HEADER.search(low, 0, stop)
    if not m:
        return []
    e = _SEC_END.search(low, m.end(), stop)
    rows = []
    for line in text[m.end() : e.start() if e else min(stop, m.end() + 2000)].split("\n"):
        cells = [c.strip() for c in re.split(r"\t|\s{3,}", line) if c.strip()]
        if len(cells) >= 3 and _SYMBOL.match(cells[-2]) and cells[-2].upper() not in ("N/A", "NONE"):
            rows.append((" ".join(cells[:-2]), cells[-2], cells[-1]))
    return rows
