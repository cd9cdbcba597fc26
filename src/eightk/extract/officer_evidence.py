"""Evidence that a name in an officer text is a person's, from what the text says of it: an officer title in
apposition ("Jane Roe, Acme’s Chief Operating Officer,"), a passive or active appointment to an officer title
or a board seat ("Jane Roe has been promoted to …", "appointed Jane Roe as Chief Financial Officer"), joining
as an officer, or leaving one ("Jane Roe resigned as …", "Jane Roe notified the Company of her decision").
A region or business unit ("Southwest Division") is not written so; a name after a title ("CEO Amazon Web
Services, will …") may be one, so that is no evidence. ``persons.PersonEvidence`` holds what is found.
"""

from __future__ import annotations

import re

from eightk.extract.officer_cues import HEAD as _HEAD
from eightk.extract.persons import PersonEvidence
from eightk.extract.text import near_words

__all__ = ["add_appositive_officers"]

# a name: two to four capitalized words, the first not inside a word. The look-behind stands after the first
# capital (it reads the character before it) so that the pattern opens with a character class: the engine then
# skips to capitals, where "(?<![\w’'\-])[A-Z]" made it try every position (the same matches, a fifth faster)
_RUN = r"(?P<n>[A-Z](?<![\w’'\-][A-Z])[\w’'\-]+(?:[^\S\n]+(?:[A-Z]\.|[A-Z][\w’'\-]+)){1,3})"

# "Jane Roe, previously Acme’s Chief Operating Officer and Executive Vice President," / "Jane Roe, Acme’s
# Vice President of Finance, will …": a name with an officer title in apposition is a person's
_APPOSITIVE_OFFICER = re.compile(
    _RUN + r",[^\S\n]+"
    r"(?:(?:previously|currently|formerly)[^\S\n]+)?"
    r"(?:the[^\S\n]+)?(?:[A-Z][\w.&\-]*[^\S\n]+){0,3}?[A-Z][\w.&\-]*['’]s[^\S\n]+"
    r"(?:[A-Z][\w\-&+]*,?[^\S\n]+|of[^\S\n]+|and[^\S\n]+){0,8}?" + _HEAD + r"\b"
)


# "Jane Roe, Senior Vice President, Knowledge and Information, will be …": a title in apposition and then
# the clause's verb
_TITLED_SUBJECT = re.compile(
    _RUN + r",[^\S\n]+"
    r"(?:(?:[A-Z][\w\-&+]*|of|and)[^\S\n]+){0,6}?"
    + _HEAD
    + r"(?:[^\S\n]+of[^\S\n]+[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})?"  # "Senior Vice President of Finance"
    + r"(?:,[^\S\n]+[A-Z][^,.;]{1,60})?,[^\S\n]+(?:will|is|was|has|had|would|who)\b"
)


# "Kwame Osei has been promoted to Executive Vice President": a name made an officer by a passive verb
_NAMED_OFFICER = re.compile(
    _RUN + r"[^\S\n]+(?:has|have|was|were|will)[^\S\n]+"
    r"(?:been[^\S\n]+|be[^\S\n]+)?(?:named|appointed|promoted|elected)[^\S\n]+(?:to[^\S\n]+|as[^\S\n]+)?(?:the[^\S\n]+)?"
    r"(?:(?:[A-Z][\w\-&+]*|of|and),?[^\S\n]+){0,6}?" + _HEAD + r"\b"
)


_OWNED = r"(?:the_|its_|our_)?(?:(?:[A-Z][\w.&\-]*|[Cc]ompany)['’]s_)?"  # "the Company’s", "Acme’s"
_WORDS = r"(?:(?:[A-Z][\w\-&+]*|of|and),?_){0,6}?"  # a title's words before its head noun
# "the Board appointed Xiaoming Zhao as Chief Financial Officer", "elected Oluwaseun Adeyemi to the Board of
# Directors": the one appointed to an officer title or a board seat is a person ("_" is a space or tab)
_APPOINTED_OFFICER = re.compile(
    (
        r"\b(?:appointed|elected|named|hired|promoted|(?:appointment|election|promotion|hiring)_of|succeed(?:s|ing)?"
        r"(?:_(?:Mr|Ms|Mrs|Dr)\.)?)_" + _RUN + r"(?:,_(?:age_)?\d{2},)?_"
        r"(?:(?:as|to_serve_as|to_the_(?:new_)?(?:position|role)_of)_"
        + _OWNED
        + r"(?:(?:interim|acting)_)?"
        + _WORDS
        + _HEAD
        + r"\b|to_(?:the|its|our)_(?:Company['’]s_)?Board_of_Directors\b)"
    ).replace("_", r"[^\S\n]+")
)
# "Xiaoming Zhao will join the company as CFO": one joining as an officer is a person (a name after a title,
# "CEO Amazon Web Services, will …", may be a business unit: no evidence)
_JOINS_AS_OFFICER = re.compile(
    (
        _RUN
        + r"_(?:will_join|has_joined|joined|joins)_(?:the_[Cc]ompany|us|[A-Z][\w.&\-]*)_as_"
        + _OWNED
        + r"(?:(?:interim|acting)_)?"
        + _WORDS
        + _HEAD
        + r"\b"
    ).replace("_", r"[^\S\n]+")
)
# "Tavish Ormerod resigned as Chief Operating Officer", "… notified the Company of his decision to retire":
# the one who leaves an officer title or tells of his or her own departure is a person
_LEAVING_OFFICER = re.compile(
    (
        _RUN + r"_(?:(?:(?:has|will)_)?(?:resigned|retired|stepped_down|resign|retire|step_down)_(?:as|from)_"
        r"(?:(?:his|her)_positions?_as_)?" + _OWNED + _WORDS + r"(?:" + _HEAD + r"|Board)\b|"
        r"(?:notified|informed|advised)_(?:the_)?[\w ,’'()“”]{1,60}?_(?:of_(?:his|her)|that_(?:he|she))\b)"
    ).replace("_", r"[^\S\n]+")
)


def add_appositive_officers(people: PersonEvidence, text: str) -> None:
    """Adds to ``people`` each name that ``text`` gives an officer title in apposition: an owner's ("Jane
    Roe, Acme’s Chief Operating Officer,"), or one followed by the clause's verb ("Jane Roe, Senior Vice
    President, Markets, will …"), or made an officer ("Jane Roe has been promoted to Executive Vice
    President", "appointed Jane Roe as Chief Financial Officer", "elected Jane Roe to the Board of
    Directors"), or leaving one ("Jane Roe resigned as Chief Operating Officer", "Jane Roe notified the
    Company of her decision to retire"). A region or business unit ("Southwest Division") is not written so."""
    for pattern, words in _TRIGGERED:
        for m in _near(pattern, words, text):
            people.add(m.group("n"))


# each pattern with words every match of it holds (a pattern tried at every capitalized word cost a fifth of
# the officer family's time; it is now tried only near its words, with the same matches)
_TRIGGERED = (
    (_APPOSITIVE_OFFICER, re.compile(r"['’]s\s")),
    (_TITLED_SUBJECT, re.compile(r",[^\S\n]+(?:will|is|was|has|had|would|who)\b")),
    (_NAMED_OFFICER, re.compile(r"named|appointed|promoted|elected")),
    (_APPOINTED_OFFICER, re.compile(r"appoint|elect|named|hir|promot|succeed")),
    (_LEAVING_OFFICER, re.compile(r"resign|retire|step|notified|informed|advised")),
    (_JOINS_AS_OFFICER, re.compile(r"join")),
)
_REACH = 400  # longer than any match of the patterns


def _near(pattern: re.Pattern[str], words: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)``'s matches, tried only within ``_REACH`` of ``words`` (every match holds one,
    and none is longer than ``_REACH``: the matches are the same)."""
    return near_words(pattern, words, text, _REACH)
