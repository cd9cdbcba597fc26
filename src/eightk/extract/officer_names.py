"""Name candidates in an officer sentence: capitalized runs of two to four words ("Jane A. Roe", "Erin
“Ellie” May", "Jean-Paul Roe", "Alan B. Graf, Jr.", "J. Michael Roe", "José Núñez", "Frans van Houten"),
with title words before a name skipped. A candidate
is a person only with evidence (``persons.PersonEvidence``); this module only finds the runs.
"""

from __future__ import annotations

import re

__all__ = ["NOT_NAME_WORDS", "name_matches"]

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals, Latin letters with accents included ("Núñez", "Søren")
_LOW = "a-zß-öø-ÿā-ž"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|le|la|ter|ten)"  # "Frans van Houten"
_NAME = re.compile(
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?\b(?P<n>(?:[A-Z]\.[ \t]+)?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
    rf"(?:[ \t]+(?:[“\"][{_UP}][{_LOW}]+[”\"]|\([{_UP}][{_LOW}]+\)))?"  # a nickname: “Ellie”, (Fred)
    rf"(?:[ \t]+(?:[A-Z]\.|\([{_UP}][{_LOW}]+\)|(?:{_PARTICLE}[ \t]+){{0,2}}[{_UP}][{_UP}{_LOW}’'\-]+)){{1,3}}"
    r"(?:,?[ \t]+(?:Jr|Sr)\.|\b))"
)
NOT_NAME_WORDS = set(
    """Board Directors Director Company Chief Executive Officer President Vice Senior Financial Operating Accounting
    Corporation Inc Committee Nominating Governance Audit Compensation Item Section Form Exhibit Securities Exchange
    Act Plan Agreement Annual Meeting Stockholders Shareholders General Counsel Secretary Treasurer Chair Chairman
    Lead Independent Technology Officers Worldwide Consumer Retail People Business Development Strategy Ventures
    January February March April May June July August September October November December United States The This
    On In As Effective Following Prior Under Pursuant Dear Equity Incentive Restricted Stock Units Award Amended
    Restated Current Report Commission Human Resources Global Group Operations Principal Interim Executive""".split()
)


def name_matches(sent: str) -> list[re.Match[str]]:
    """``_NAME`` matches, where a run that starts with a title word is tried again from its next word:
    "Chief Financial Officer Luca Roe" gives "Luca Roe"."""
    out, pos = [], 0
    while (m := _NAME.search(sent, pos)) is not None:
        first = m.group("n").split()[0].strip(".,")
        if first in NOT_NAME_WORDS and len(m.group("n").split()) > 2:
            pos = m.start("n") + len(first)
            continue
        out.append(m)
        pos = m.end()
    return out
