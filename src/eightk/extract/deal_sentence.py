"""The sentence a deal's roles are read from: its mentions, the votes they collect, and the grammar
shared by every role cue (the organization before or after a position, a clause's subject, an infinitive's
subject, a possessive, a defined term). Used by ``deal_roles`` and ``deal_role_hints``."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eightk.extract.entities import Mention

__all__ = ["COMPLEMENT", "LICENSED_THING", "Votes"]

COMPLEMENT = {"licensor": "licensee", "licensee": "licensor", "buyer": "seller", "seller": "buyer"}
_MONEYISH = re.compile(
    r"[$€£¥]|\b(?:payments?|fees?|royalt\w*|milestones?|consideration|cash|USD|EUR|million|yen)\b", re.I
)
_RIGHTSISH = re.compile(
    r"\b(?:licen[cs](?:e[sd]?|ing)|sublicen[cs]e[sd]?|rights?|option)\b(?!\s+(?:fees?|payments?|revenues?|income|issue))",
    re.I,
)

# an organization that is the subject of its own clause before the verb: its modal or verb follows it
_CLAUSE_SUBJECT = re.compile(
    r"(?:['’]s?)?\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:also\s+)?(?:will|shall|has|have|had|agreed|agrees|is|are|was|were|may|would|"
    r"can|could)\b[^.;,]{0,80}$"
)
# "licensed products", "licensed technology": "licensed" as an adjective, not the grant
LICENSED_THING = re.compile(
    r"\s+(?:products?|technolog\w+|patents?|compounds?|territory|field|intellectual|know-how|materials?|programs?|"
    r"IP|marks?|trademarks?|software|molecules?|antibod\w+|assets?|distributors?|manufacturers?|partners?)\b",
    re.I,
)


@dataclass
class Votes:
    """Role votes per organization index (``REGISTRANT`` included). A vote for an organization named by a
    group term ("Roche" for two companies) goes to every member mentioned at the same place."""

    counts: dict[int, Counter[str]]
    groups: dict[int, list[int]] = field(default_factory=dict)
    parties: set[int] = field(default_factory=set)  # the deal's named parties: weak cues vote only for them

    def add(self, org: int, role: str, weight: int = 1) -> None:
        for o in self.groups.get(org, [org]):
            self.counts.setdefault(o, Counter())[role] += weight

    def role(self, org: int) -> str | None:
        c = self.counts.get(org)
        return c.most_common(1)[0][0] if c else None


def _before(ms: list[Mention], pos: int, not_org: int | None = None) -> Mention | None:
    for m in reversed(ms):
        if m.end <= pos and m.org != not_org:
            return m
    return None


def _after(ms: list[Mention], pos: int, reach: int = 120, not_org: int | None = None) -> Mention | None:
    for m in ms:
        if m.start >= pos and m.start - pos <= reach and m.org != not_org:
            return m
    return None


@dataclass
class _Sentence:
    """One sentence being read: its text, where it starts, the mentions in it, the votes, the subject of
    the deal sentence (for infinitives and participles)."""

    text: str
    offset: int
    ms: list[Mention]
    votes: Votes
    main: int | None

    def after(self, pos: int, reach: int, not_org: int | None = None) -> Mention | None:
        """The first mention within ``reach`` characters after sentence position ``pos``."""
        return _after(self.ms, self.offset + pos, reach, not_org)

    def subject(self, cue_start: int, obj: int | None) -> int | None:
        """The subject of the verb at ``cue_start``: the nearest other organization before it, or the
        deal sentence's subject for "… with X to sell" and ", granting X …"."""
        lead = self.text[max(0, cue_start - 12) : cue_start]
        m = _before(self.ms, self.offset + cue_start, obj)
        if m is not None and _CLAUSE_SUBJECT.match(self.text, m.end - self.offset, cue_start):
            return m.org  # "ASKA will have an exclusive option to obtain …", "the Company agreed to acquire …"
        if re.search(r"\bto\s+$", lead) and (opener := self._opener(cue_start, obj)) is not None:
            return opener  # "A. Centocor wishes to have access … and to have an option to obtain an exclusive license"
        if re.search(r"\bto\s+$|\bwhich\s+(?:the\s+\w+\s+)?$|,\s*$", lead) and self.main is not None:
            return self.main if self.main != obj else None
        participle = re.match(r"\w+ing\b", self.text[cue_start : cue_start + 20])
        if participle and m is not None and self.main is not None and self.main != m.org and _after_with(self, m):
            return self.main if self.main != obj else None  # "an agreement with X granting Y …": the sentence's
        return m.org if m else (self.main if self.main != obj else None)

    def opener_mention(self, before: int) -> Mention | None:
        """The mention that opens the sentence (after a heading such as "WHEREAS" or a list marker), when it
        stands before sentence position ``before``."""
        opens = [m.end() for m in _WHEREAS.finditer(self.text, 0, before)]
        at = opens[-1] if opens else 0  # a recital run into the sentence before it opens its own clause
        first = next((m for m in self.ms if m.start - self.offset >= at), None)
        if first is None or first.start - self.offset >= before:
            return None
        lead = self.text[at : first.start - self.offset]
        return first if re.fullmatch(r"\s*(?:[A-Z]{3,}:?,?\s+)*(?:\(?[A-Z1-9][.)]\s*)?(?:[Tt]he\s+)?", lead) else None

    def _opener(self, cue_start: int, obj: int | None) -> int | None:
        """The organization that opens the sentence as its subject ("Centocor wishes …", "A. X will …"), when
        it stands before ``cue_start`` and is not ``obj``."""
        first = self.ms[0] if self.ms else None
        if first is None or first.org == obj or first.start - self.offset >= cue_start:
            return None
        if not re.fullmatch(r"\s*(?:[A-Z]{3,}:?\s+)*(?:\(?[A-Z1-9][.)]\s*)?", self.text[: first.start - self.offset]):
            return None  # only a heading ("RECITALS") or a list marker ("A.") may stand before it
        if not _OPENER_VERB.match(self.text, first.end - self.offset):
            return None
        return first.org

    def vote(self, org: int | None, role: str, weight: int = 1) -> None:
        if org is not None:
            self.votes.add(org, role, weight)


_WHEREAS = re.compile(r"\bWHEREAS\b|\bWhereas\b")
_OPENER_VERB = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:wishes|desires|wants|intends|seeks|agrees|has\s+agreed|will|shall|is\s+willing)\b",
    re.I,
)


def _after_with(s: _Sentence, m: Mention) -> bool:
    """Whether a mention is the object of "with" ("an agreement with X", "with privately held X"), not a
    subject."""
    lead = s.text[max(0, m.start - s.offset - 40) : m.start - s.offset]
    return bool(re.search(r"\bwith\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}$", lead))


def _possessive(sent: str, at: int) -> bool:
    """ "X's" or, after a name ending in s, "X'" (Pieris’ PRS-080)."""
    two = sent[at : at + 2]
    return two in ("'s", "’s") or (sent[at - 1 : at] == "s" and sent[at : at + 1] in ("'", "’") and two[1:] == " ")


def _defined_term(sent: str, cue: re.Match[str]) -> bool:
    """'Licensed Products', 'License Agreement': a capitalized defined term, not a verb."""
    return cue.group(0)[:1].isupper() and bool(re.match(r"\s+[A-Z]", sent[cue.end() : cue.end() + 3]))
