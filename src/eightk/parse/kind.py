"""What kind of document a primary text is, for inputs that are not whole 8-K filings.

``document_kind(text, has_header=..., has_items=...)`` returns one of:

- ``filing``: a report with an SGML header, item headings or an SEC cover page ("Current Report",
  "Commission File Number", "Exact name of registrant");
- ``agreement``: a contract ("This License Agreement is made … between", "WHEREAS", "by and between"), but
  not a release that names one after its release marks ("Exhibit 99.1 … the Agreement and Plan of Merger,
  dated as of April 10, 2002, between A and B");
- ``financial_note``: a note of 10-Q/10-K financial statements ("9 Months Ended", "Note 14. Subsequent
  Events", an XBRL "[Text Block]");
- ``press_release``: a news release ("today announced", a wire service's name, "Exhibit 99");
- ``text``: none of these.

Only the first few thousand characters are read. A document that merely *mentions* a form ("as
reported in our Form 10-K") is not that form: the form type of a bare document comes only from a cover.
"""

from __future__ import annotations

import re

__all__ = ["DOCUMENT_KINDS", "document_kind", "reads_as_business_text"]

DOCUMENT_KINDS = ("filing", "agreement", "financial_note", "press_release", "text")
_HEAD = 5000
_COVER = re.compile(
    r"current\s+report|commission\s+file\s+(?:number|no)|exact\s+name\s+of\s+(?:the\s+)?registrant|"
    r"securities\s+exchange\s+act\s+of\s+1934|form\s+8-k|date\s+of\s+(?:report|earliest\s+event)"
)
_AGREEMENT = re.compile(
    r"\b(?:this|the)\s+(?:[\w\-]+\s+){0,8}?(?:agreement|licen[cs]e|contract)\b[^.]{0,400}?\b(?:is\s+)?"
    r"(?:made|entered\s+into|dated|effective)\b[^.]{0,300}?\bbetween\b|\bwhereas\b[^.]{0,300}\bnow,?\s+therefore\b|"
    r"\bby\s+and\s+between\b|\bwitnesseth\b"
)
_NOTE = re.compile(
    r"\b\d{1,2}\s+months\s+ended\b(?!\s+on\b)|\[text\s+block\]|\bnotes?\s+to\s+(?:the\s+)?(?:condensed\s+)?(?:consolidated\s+)?"
    r"financial\s+statements\b|^\W*+note\s+(?:\d{1,2}\b|[a-z]\s*[-–—.:])|\bsubsequent\s+events?\b.{0,200}\b(?:evaluated|through\s+the\s+date)",
    re.M | re.S,
)
_RELEASE = re.compile(
    r"globe\s*newswire|pr\s*newswire|business\s+wire|accesswire|marketwired|\btoday\s+announced\b|"
    r"\bannounced\s+today\b|\bpress\s+release\b|\bexhibit\s+99\b|\bex-99\b|\bfor\s+immediate\s+release\b"
)
# ``\W*+``: a run of marks before the words is read once from each line start in it, not split every way
# (``^\W*(?:\|?\s*)?`` took 1 s on 600 blank lines); the words start with a word character, so no match is lost.
_NOTE_HEADER = re.compile(r"^\W*+(?:\d{1,2}\s+months\s+ended|xml\s+\d+\s+r\d+\.htm)", re.M)


# what only a contract says of itself: its recitals, "This Agreement is made …"
_CONTRACT = re.compile(
    r"\bwhereas\b|\bwitnesseth\b|\bthis\s+(?:[\w\-]+\s+){0,8}?(?:agreement|licen[cs]e|contract)\b[^.]{0,400}?"
    r"\b(?:is\s+)?(?:made|entered\s+into)\b"
)


def _release_first(head: str, agreement: int) -> bool:
    """A release that names an agreement ("the Agreement and Plan of Merger, dated as of April 10, 2002,
    between A and B"): its release marks come first, and nothing in it is a contract's own words."""
    release = _RELEASE.search(head, 0, agreement)
    return release is not None and not _CONTRACT.search(head)


def document_kind(text: str, *, has_header: bool, has_items: bool) -> str:
    """The kind of ``text`` (a document's normalized text); see the module docstring."""
    head = text[:_HEAD].lower()
    cover = {m.group(0).split()[0] for m in _COVER.finditer(head)}
    if has_header or has_items or "exact" in cover or "commission" in cover or len(cover) >= 3:
        return "filing"
    if _NOTE_HEADER.search(head[:600]) or _NOTE.search(head[:1500]):
        return "financial_note"
    if (agreement := _AGREEMENT.search(head)) and not _release_first(head, agreement.start()):
        return "agreement"
    if _RELEASE.search(head):
        return "press_release"
    return "text"


_CODE = re.compile(
    r"^[ \t]*(?:def\s+\w+\(|class\s+\w+|import\s+\w|from\s+[\w.]+\s+import\b|#include\b|function\s+\w+\(|"
    r"(?:public|private|static)\s+\w+|package\s+\w|fn\s+\w+\(|return\b[^\n]*;$|[{}]\s*$)",
    re.M,
)
_CONFIG = re.compile(r"^[ \t]*(?:\[[\w.\- ]+\]|[\w.\-]+\s*[=:]\s*\S[^\n]{0,80}|[\w\-]+(?::[^:\n]*){4,})$", re.M)
_BUSINESS = re.compile(
    r"\b(?:company|agreements?|licen[cs]es?|securities|shareholders?|stockholders?|revenues?|financial|"
    r"corporation|registrant|fiscal|million|board\s+of\s+directors|quarter|products?|merger|acquisition|"
    r"acquire[sd]?|subsidiary|transaction|per\s+share|nasdaq|nyse|"
    r"officers?|directors?|chairman|board|chief\s+executive)\b|\binc\.(?!\w)"  # "Inc." before a space
)


def reads_as_business_text(text: str) -> bool:
    """Whether a document of kind ``text`` still reads as a company's disclosure (an annual report's page,
    a risk factor): at least three different words of that vocabulary in its first pages. A config file,
    a password file or source code does not."""
    head = text[:_HEAD]
    if len(_CODE.findall(head)) >= 3 or len(_CONFIG.findall(head)) >= 5:  # source code, a config file
        return False
    return len({m.group(0) for m in _BUSINESS.finditer(head.lower())}) >= 3
