"""Titles said without "as": right after the appointee's name ("elected Craig Roe President and Chief
Executive Officer", "the appointment of Jane Roe to Chief Executive Officer"), and the tails that are no
part of a title ("Chief Financial Officer and the principal financial and accounting officer", "Vice
President and Chief Financial Officer of Acme Corporation").

Offsets are relative to the sentence, as the officer family's roles are: (title, start, end).
"""

from __future__ import annotations

import re

from eightk.extract.given_names import GIVEN_NAMES

__all__ = [
    "before_next_name",
    "lower_title_after_name",
    "served_next",
    "served_title",
    "title_after_appointee",
    "title_after_name",
    "title_after_to",
    "trim_title",
]

# a title's head word: what makes capitalized words a title and not a place or a unit
_HEAD = re.compile(
    r"\b(?:President|Chief|Chair(?:man|woman|person)?|Officer|Director|Treasurer|Secretary|Counsel|Controller|"
    r"CEO|CFO|COO|CTO|CAO)\b"
)
# an age ("named Jane Roe, 59, Interim Co-Chief Executive Officer"), "to" (after "appointment of"),
# "interim"/"acting" and capitalized words, "and", "of", "&", commas
_RIGHT_AFTER = re.compile(
    r"(?:,[ \t]*(?:age[ \t]+)?\d{2},)?[ \t]+(?:to[ \t]+)?(?:the[ \t]+(?:new[ \t]+)?)?"
    r"(?P<t>(?:(?:interim|acting|temporary)[ \t]+)?"
    r"(?:[A-Z][\w\-]*|CEO|CFO|COO)(?:(?:[ \t]+|,[ \t]*)(?:(?:[A-Z]\.){2,}|[A-Z][\w\-]*|and|of|the|&)){0,10})"
)
_TAIL = re.compile(r"(?:[ \t,]+(?:and|of|the|&))+$")
# words that end a title: a verb or a clause after the name ("Jane Roe Will", "Jane Roe Succeeds")
_NOT_TITLE = re.compile(r"^(?:Will|Succeeds?|Joins?|Named|To|As|Has|Is|Was|Effective)\b")


def title_after_name(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """The title printed right after the appointee's name, when its words hold a title's head word:
    "elected Craig A. Rogerson President and Chief Executive Officer, effective immediately", "named Jane
    Roe acting President and Chief Operating Officer", "the appointment of Jane Roe to Chief Executive
    Officer", "named A, 47, and Jane Roe, 59, Interim Co-Chief Executive Officers" (an age between). None
    when the name is followed by anything else (another apposition, "as", a verb)."""
    m = _RIGHT_AFTER.match(sent, name_end)
    return None if m is None or _NOT_TITLE.match(m.group("t")) else _titled(m)


def _titled(m: re.Match[str]) -> tuple[str, int, int] | None:
    """A matched title (group ``t``) without its designation tail, with its span; None without an office."""
    raw = _TAIL.sub("", before_next_name(m.group("t")))
    if not _HEAD.search(raw):
        return None
    return " ".join(raw.split()), m.start("t"), m.start("t") + len(raw)


# after the name and its apposition: "promoted Ian Roe, currently Senior Vice President of Sales, to Executive
# Vice President", "appointed Jane Roe, 52, to the position of Chief Financial Officer"
_TO_AFTER_APPOSITION = re.compile(
    r",[^,;]{1,120}(?:,[^,;]{1,80}){0,2},\s+to\s+(?:the\s+(?:new(?:ly\s+created)?\s+)?(?:role|position|office)\s+of\s+)?"
    r"(?:the\s+)?(?P<t>(?:(?:interim|acting|temporary)\s+)?[A-Z][\w\-]*(?:(?:\s+|,\s*)(?:[A-Z][\w\-]*|and|of|the|&)){0,10})"
)


# "promoted Jane Roe from Senior Vice President to Executive Vice President and Chief Operating Officer"
_FROM_TO = re.compile(
    r"\s+from\s+[^,;.]{2,80}?\s+to\s+(?:the\s+(?:new\s+)?(?:role|position)\s+of\s+)?(?:the\s+)?"
    r"(?P<t>(?:(?:interim|acting|temporary)\s+)?[A-Z][\w\-]*(?:(?:\s+|,\s*)(?:[A-Z][\w\-]*|and|of|the|&)){0,10})"
)


def title_after_to(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """The title after "to" that follows the appointee's name and its apposition, or its old title ("from
    Senior Vice President to …"; see above)."""
    m = _TO_AFTER_APPOSITION.match(sent, name_end) or _FROM_TO.match(sent, name_end)
    return None if m is None else _titled(m)


# a lower-case officer title after the name: "designated Jane Roe, the Company’s Vice President, Finance, as
# the Company’s principal accounting officer"
_LOWER_AS = re.compile(
    r"(?:,[^,;]{1,120}(?:,[^,;]{1,80}){0,2},)?\s+as\s+(?:the\s+|its\s+|our\s+)?"
    # an owner ("the company’s", "the cooperative wholesale power supplier’s") and "next" before the title
    r"(?:(?:[\w\-]+\s+){0,4}?[\w\-]+['’]s\s+)?(?:next\s+|new\s+)?"
    r"(?P<t>(?:(?:interim|acting|temporary)\s+)?(?:principal\s+(?:executive|financial|accounting|operating)\s+officer"
    r"(?:\s+and\s+principal\s+(?:executive|financial|accounting|operating)\s+officer)?|"
    r"chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|general\s+counsel|corporate\s+controller|controller|treasurer|"
    # "as chief executive", "as president and CEO"
    r"chief\s+executive|president(?:\s+and\s+(?:chief\s+executive\s+officer|CEO))?))\b"
)
# the post a departing officer holds, said after the name: "Jane Roe, who has served as the Company’s Chief
# Financial Officer since 2019, will step down from that position"
_WHO_SERVED = re.compile(
    r",\s+who\s+(?:has|had)\s+(?:served|been\s+serving)\s+as\s+(?:the\s+|its\s+|our\s+)?"
    r"(?:(?:[A-Z][\w.&\-]*|[Cc]ompany)['’]s\s+)?(?P<t>(?:(?:interim|acting|temporary)\s+)?[A-Z][\w\-]*"
    r"(?:(?:\s+|,\s*)(?:[A-Z][\w\-]*|and|of|&)){0,10})"
)

# or the post as an apposition: "terminated the employment agreement of Jane Roe, the Chief Executive Officer of
# the Company, “for cause”"
_THE_TITLE = re.compile(
    r",\s+(?:the|its|our)\s+(?:(?:[A-Z][\w.&\-]*|[Cc]ompany)['’]s\s+)?(?P<t>[A-Z][\w\-]*"
    r"(?:(?:\s+|,\s*)(?:[A-Z][\w\-]*|and|of|&)){0,10})(?=\s*(?:of\s+the\s+Company\s*)?[,.;])"
)

_WHO_SERVED_LOWER = re.compile(
    r",\s+who\s+(?:has|had)\s+(?:served|been\s+serving)\s+as\s+(?:the\s+|its\s+|our\s+)?"
    r"(?:(?:[A-Z][\w.&\-]*|[Cc]ompany)['’]s\s+)?(?P<t>(?:(?:senior|executive)\s+)*(?:vice\s+president(?:\s+and\s+)?)?"
    r"(?:general\s+counsel|chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|controller|treasurer|corporate\s+secretary))\b"
)


# "named director Robert Switz the new chairman of the board": the new post right after the name
_THE_NEW_LOWER = re.compile(
    r"\s+the\s+new\s+(?P<t>chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?|chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|"
    r"president|chief\s+executive)\b"
)


def lower_title_after_name(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """A lower-case officer title after the appointee's name and apposition (see above), or right after
    the name as "the new …"."""
    m = _LOWER_AS.match(sent, name_end) or _THE_NEW_LOWER.match(sent, name_end)
    return (" ".join(m.group("t").split()), m.start("t"), m.end("t")) if m else None


# the next sentence tells the post held: "He has served as Chairman and Chief Executive Officer since mid-2001."
_SERVED_NEXT = re.compile(
    r"\s*(?:He|She|They|(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z][\w\-]+)\s+(?:has|had)\s+(?:served|been\s+serving)\s+as\s+(?:the\s+|its\s+|our\s+)?"
    r"(?:(?:[A-Z][\w.&\-]*|[Cc]ompany)['’]s\s+)?(?P<t>[A-Z][\w\-]*(?:(?:\s+|,\s*)(?:[A-Z][\w\-]*|and|of|&)){0,10})"
)


def served_next(following: str) -> tuple[str, int, int] | None:
    """The post a departing officer held, told by the next sentence ("He has served as Chairman and Chief
    Executive Officer since mid-2001"), when the departure itself names none; offsets into ``following``."""
    m = _SERVED_NEXT.match(following)
    if m is None:
        return None
    raw = _TAIL.sub("", m.group("t"))
    return (" ".join(raw.split()), m.start("t"), m.start("t") + len(raw)) if _HEAD.search(raw) else None


def title_after_appointee(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """The title said after an appointee's name without "as …" before it: right after the name, after
    "to", or a lower-case officer title after "as" (``title_after_name``, ``title_after_to``,
    ``lower_title_after_name``)."""
    return title_after_name(sent, name_end) or title_after_to(sent, name_end) or lower_title_after_name(sent, name_end)


def served_title(sent: str, name_end: int) -> tuple[str, int, int] | None:
    """The post a departing officer "has served as", or holds in an apposition ("Jane Roe, the Chief Executive
    Officer of the Company,"), said right after the name, when it holds a title's head word; or a lower-case
    officer title ("who has served as Acme’s general counsel since 2017")."""
    m = _WHO_SERVED.match(sent, name_end) or _THE_TITLE.match(sent, name_end)
    raw = _TAIL.sub("", m.group("t")) if m else ""
    if m and _HEAD.search(raw):
        return " ".join(raw.split()), m.start("t"), m.start("t") + len(raw)
    low = _WHO_SERVED_LOWER.match(sent, name_end)  # "who has served as Acme’s general counsel since 2017"
    return (" ".join(low.group("t").split()), low.start("t"), low.end("t")) if low else None


# a designation after the title: "and the principal financial and accounting officer", "and as principal
# executive officer"; a company after it: "of Universal Corporation", "of Acme, Inc."
_DESIGNATION = re.compile(
    r",?\s+and\s+(?:the\s+|as\s+(?:the\s+)?|its\s+)(?:Company['’]s\s+)?principal\s+\w+.*$", re.I | re.S
)
_OF_COMPANY = re.compile(
    r",?\s+of\s+(?:the\s+)?[A-Z][\w&.\-’']*(?:\s+[A-Z][\w&.\-’']*){0,5},?\s+"
    r"(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|LLC|plc|N\.A\.)$"
)

_OF_THE_COMPANY = re.compile(r",?\s+of\s+the\s+(?:Company|Corporation|Registrant)$")
# the issuer's short name after a title: its first words
_OF_SHORT = re.compile(r",?\s+of\s+(?:the\s+)?[A-Z][\w&.\-’']*(?:\s+[A-Z][\w&.\-’']*){0,2}$")


def trim_title(sent: str, title: tuple[str, int, int], issuer: str = "") -> tuple[str, int, int]:
    """``title`` (offsets into ``sent``) without a designation after it, nor the issuer's name ("of
    Universal Corporation" when Universal Corporation is the registrant or the release's own company, and
    its short name, "of Universal"; "Chief Technologist of Google LLC" keeps another company's name)."""
    text, start, end = title
    raw = sent[start:end]
    if " ".join(raw.split()) != text:
        return title  # a title put together from several places ("director"; a spelled-out abbreviation)
    m = _DESIGNATION.search(raw)
    if m and m.start() > 0:
        raw = raw[: m.start()]
    m = _OF_COMPANY.search(raw)
    if m and m.start() > 0 and issuer and _key(m.group(0)) == _key(issuer):
        raw = raw[: m.start()]
    m = _OF_THE_COMPANY.search(raw)  # "Chief Financial Officer of the Company"
    if m and m.start() > 0:
        raw = raw[: m.start()]
    m = _OF_SHORT.search(raw)  # "President and Chief Executive Officer of Tower" (Tower Group International, Ltd.)
    if m and m.start() > 0 and issuer and f"{_key(issuer)} ".startswith(f"{_key(m.group(0))} "):
        raw = raw[: m.start()]
    return " ".join(raw.split()), start, start + len(raw)


def _key(name: str) -> str:
    return re.sub(r"^of\s+(?:the\s+)?|[^a-z0-9 ]", "", " ".join(name.lower().strip(" ,").split()))


# ", and John A. Roe", " and Paul Andersen": a census given name and a capitalized word after "and"
_AND_NEXT = re.compile(r",?\s+and\s+(?P<w>[A-Z][a-z]+)\s+(?:[A-Z]\.\s*)?[A-Z]")


def before_next_name(words: str) -> str:
    """Title words up to "and <a person's name>" ("as Chief Operating Officer, and John A. Roe, currently …",
    "named Jane Roe Chief Financial Officer and Paul Doe Chief Operating Officer"): a given name after "and"
    starts the next person's words ("Dean of …" is a title)."""
    for m in _AND_NEXT.finditer(words):
        if m.group("w") in GIVEN_NAMES and m.group("w") != "Dean":
            return words[: m.start()]
    return words
