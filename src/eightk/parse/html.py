"""HTML (including inline XBRL) → normalized text.

A regular-expression converter, not a DOM: it is fast, never fails on broken markup, and does what a
reader sees: block elements and table rows start new lines, table cells are separated by a tab, page
breaks become blank lines, hidden inline-XBRL headers, scripts and styles disappear, entities are
decoded and runs of spaces collapse. ``<pre>`` blocks keep their lines.

The passes below are the reference. Where the optional C extension ``eightk.parse._fasthtml`` was
built at install, html_to_text runs its versions of them instead (several times faster on large
exhibits); they return the same text, character for character, which tests/test_fasthtml.py checks.
So a change to a pass here needs the same change in _fasthtml.c: those tests fail until it is made.
"""

from __future__ import annotations

import functools
import html as _html
import re
from collections.abc import Callable
from typing import NamedTuple

from eightk.parse.text import find_all, fold, normalize_text

__all__ = ["html_to_text", "unescape"]

# Blocks whose content no reader sees, found in folded text: opener → what closes it. The closer is
# looked up with str.find, so an unclosed opener costs one scan, never a scan per opener.
_DROP_OPEN = re.compile(r"<!--|<!\[cdata\[|<(?:script|style|head|title|ix:header)\b|<![a-z]|<\?")
_DROP_CLOSE = {"<!--": "-->", "<![cdata[": "]]>", "<!": ">", "<?": ">"}
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")
_PRE_OPEN = re.compile(r"<pre\b[^>]*>")
# Case-sensitive spellings: IGNORECASE would disable the fast literal scan on these hot paths.
_PAGE_BREAK_TAIL = re.compile(r"(?:before|after|BEFORE|AFTER)\s*:\s*(?:always|ALWAYS)")
_PAGE_BREAK_HEADS = ("page-break-", "PAGE-BREAK-", "Page-Break-")
_HR = re.compile(r"<(?:hr|HR|Hr)\b")
# "display" / "DISPLAY" (found with str.find) → the rest of "display:none", matched after it.
_DISPLAY_NONE = {"display": re.compile(r"\s*:\s*none"), "DISPLAY": re.compile(r"\s*:\s*NONE")}
_BLOCK_NAMES = (
    "p div br tr li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot center blockquote dl dt dd section "
    "article header footer caption body html form"
).split()


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` factored by common prefixes ("d(?:iv|l|t|d)"): the regex engine
    then tries one branch per character instead of every word at every tag."""
    heads = sorted({w[0] for w in words})
    alts = []
    for h in heads:
        tails = {w[1:] for w in words if w[0] == h}
        rest = _trie(tails - {""}) if tails - {""} else ""
        alts.append(re.escape(h) + (f"(?:{rest})?" if rest and "" in tails else rest))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# Case-sensitive alternatives (lower, UPPER, Title) run much faster than IGNORECASE here.
_BLOCK = re.compile(r"</?" + _trie({v for n in _BLOCK_NAMES for v in (n, n.upper(), n.capitalize())}) + r"\b[^>]*>")
_CELL = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Patterns here start with a literal character where they can: the regex engine scans for one quickly,
# whereas a leading class or optional part makes it try a match at every space.
_TABS = re.compile(r"\t[ \t]*")
_SPACES = re.compile(r"  +")
_NL, _TAB = "\x01", "\x02"  # stand-ins (control characters no decoded filing holds); see _flow
_ENTITY = re.compile(r"&#?\w+;")
_ODD_SPACES = {
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\xad": "",
}


def html_to_text(markup: str) -> str:
    return _to_text(markup, _PASSES)


def _to_text(markup: str, passes: _Passes) -> str:
    markup, pre = passes.drop(markup)
    markup = _restyle_display(markup)
    parts: list[str] = []
    pos = 0
    low = fold(markup) if pre else ""
    for m in _PRE_OPEN.finditer(low):
        if m.start() < pos:
            continue
        close = low.find("</pre", m.end())
        end = len(markup) if close < 0 else close
        parts.append(passes.flow(markup[pos : m.start()]))
        parts.append("\n" + _inline(markup[m.end() : end]) + "\n")
        pos = len(markup) if close < 0 else low.find(">", close) + 1 or len(markup)
    parts.append(passes.flow(markup[pos:]))
    return passes.normalize(passes.tidy("".join(parts)))


def _normalize(text: str) -> str:
    return normalize_text(text, strip_lines=False)  # lines were stripped by _tidy


def _tidy(text: str) -> str:
    if "\t" in text:  # a tab, the blanks after it and one space before it → one tab
        text = _TABS.sub("\t", text.replace(" \t", "\t"))
    return _strip_lines(text)


def _strip_lines(text: str) -> str:
    """Spaces and tabs after each line break and before each line break removed."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    first, last = lines[0].rstrip(" \t"), lines[-1].lstrip(" \t")
    lines = [line.strip(" \t") for line in lines]
    lines[0], lines[-1] = first, last
    return "\n".join(lines)


def _drop(markup: str) -> tuple[str, bool]:
    """What no reader sees removed, and whether a ``<pre>`` may be left in what remains."""
    low = fold(markup)
    maybe_pre = "<pre" in low  # what is dropped below leaves a space, so it cannot make a "<pre"
    markup = _drop_hidden(_drop_blocks(markup, low))
    return markup, maybe_pre and ("<pre" in markup or "<PRE" in markup)


def _drop_blocks(markup: str, low: str) -> str:
    """Remove comments, scripts, styles, the head, inline-XBRL headers and processing instructions
    (``low`` is ``fold(markup)``)."""
    parts, pos = [], 0
    for m in _DROP_OPEN.finditer(low):
        if m.start() < pos:
            continue
        opener = m.group(0)
        if opener.startswith("<!") and opener not in _DROP_CLOSE and not opener.startswith("<!--"):
            closer = ">"
        else:
            closer = _DROP_CLOSE.get(opener) or "</" + opener[1:]
        close = low.find(closer, m.end())
        end = len(markup) if close < 0 else close + len(closer)
        if closer.startswith("</"):
            end = len(markup) if close < 0 else (low.find(">", close) + 1 or len(markup))
        parts.append(markup[pos : m.start()])
        parts.append(" ")
        pos = end
    if not parts:
        return markup
    parts.append(markup[pos:])
    return "".join(parts)


def _drop_hidden(markup: str) -> str:
    """Remove elements styled ``display:none`` (with their nested elements of the same name)."""
    hits = [i for w, tail in _DISPLAY_NONE.items() for i in find_all(markup, w) if tail.match(markup, i + len(w))]
    hits.sort()
    if not hits:
        return markup
    parts, pos = [], 0
    for hit in hits:
        start = markup.rfind("<", 0, hit)
        name = _TAG_NAME.match(markup, start) if start >= pos else None
        if name is None:
            continue
        end = _element_end(markup, start, name.group(1))
        parts.append(markup[pos:start])
        parts.append(" ")
        pos = end
    parts.append(markup[pos:])
    return "".join(parts)


def _element_end(markup: str, start: int, name: str) -> int:
    """End of the element opened at ``start``, counting nested elements of the same name; a
    self-closed tag (``<td style="display:none"/>``) is an element on its own."""
    depth = 0
    for m in _opener(name.lower()).finditer(markup, start):
        if not m.group(1) and m.group(0).endswith("/>"):
            if depth == 0:
                return m.end()
            continue
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(markup)


@functools.lru_cache(maxsize=64)
def _opener(name: str) -> re.Pattern[str]:
    """Opening or closing tags named ``name`` (lower case, UPPER or Title), with the slash as group 1."""
    return re.compile(rf"<(/?)(?:{name}|{name.upper()}|{name.capitalize()})\b[^>]*>")


# Elements whose style changes how they break lines: "display:inline" / "inline-block" on a block
# element (a <div> around an amount inside a sentence) and "display:block" on an inline one (a <span> or
# <font> set as a paragraph). Tables styled "inline-table" still lay out rows and cells, so they keep theirs.
# "display" in the usual spellings, found with str.find (IGNORECASE regex scans are several times slower);
# one scan for the tails of "display" and "Display", one for "DISPLAY".
_DISPLAY_HEADS = ("isplay", "ISPLAY")
_DISPLAY_TAIL = re.compile(r"\s*:\s*(inline-block|inline|block|list-item)\b", re.IGNORECASE)
_FLOWING_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 center blockquote dt dd section article header footer".split())
_SPAN = "span"
_INLINE_NAMES = frozenset("span font a b i u em strong small big sup sub".split())


def _restyle_display(markup: str) -> str:
    """Block elements styled inline renamed ``<span>`` (no line break), inline elements (``<span>``,
    ``<font>``, ``<b>`` …) styled as blocks renamed ``<div>`` (a line break), each with its matching
    closing tag. Runs ahead of the flow pass in both
    the Python and the C passes, so they see the same markup."""
    edits: list[tuple[int, int, str]] = []  # start, end, replacement
    for at in sorted(i - 1 for head in _DISPLAY_HEADS for i in find_all(markup, head)):
        m = _DISPLAY_TAIL.match(markup, at + 7) if markup[at : at + 1] in ("d", "D") else None
        if m is None:
            continue
        start = markup.rfind("<", 0, at)
        name_m = _TAG_NAME.match(markup, start) if start >= 0 else None
        if name_m is None or ">" in markup[start:at]:
            continue
        name = name_m.group(1).lower()
        inline = m.group(1).lower().startswith("inline")
        if inline and name in _FLOWING_BLOCKS:
            new = _SPAN
        elif not inline and name in _INLINE_NAMES:
            new = "div"
        else:
            continue
        edits.append((start + 1, name_m.end(), new))
        close = _closing_tag(markup, start, name)
        if close is not None:
            edits.append((close + 2, close + 2 + len(name), new))
    if not edits:
        return markup
    edits.sort()
    parts, pos = [], 0
    for a, z, new in edits:
        if a >= pos:
            parts.append(markup[pos:a])
            parts.append(new)
            pos = z
    parts.append(markup[pos:])
    return "".join(parts)


def _closing_tag(markup: str, start: int, name: str) -> int | None:
    """Offset of the ``</name`` that closes the element opened at ``start``, or None if unclosed."""
    end = _element_end(markup, start, name)
    close = markup.rfind("</", start, end)
    if end >= len(markup) and not _opener(name).fullmatch(markup, close if close >= 0 else 0, end):
        return None
    return close if close > start else None


def _mark_page_breaks(markup: str, blank: str = "\n\n") -> str:
    """A blank line (``blank``) before every element that breaks the page (``<hr>``, page-break styles)."""
    found = {m.start() for m in _HR.finditer(markup)}
    for head in _PAGE_BREAK_HEADS:
        i = markup.find(head)
        while i >= 0:
            if _PAGE_BREAK_TAIL.match(markup, i + len(head)):
                found.add(markup.rfind("<", 0, i))
            i = markup.find(head, i + 1)
    cuts = sorted(found)
    if not cuts:
        return markup
    parts, pos = [], 0
    for c in cuts:
        if c >= pos:
            parts.append(markup[pos:c])
            parts.append(blank)
            pos = c
    parts.append(markup[pos:])
    return "".join(parts)


def _flow(markup: str) -> str:
    """Markup whose whitespace is insignificant: each run of it reads as one space."""
    return _SPACES.sub(" ", _decoded(_flow_markup(markup)))


def _flow_markup(markup: str) -> str:
    """_flow's tags and whitespace. The runs are collapsed once the tags are gone (far less text), so
    the line breaks and tabs that tags become are stand-ins until then; when the markup holds a
    stand-in character, whitespace is collapsed first."""
    early = _NL in markup or _TAB in markup
    nl, tab = ("\n", "\t") if early else (_NL, _TAB)
    markup = " ".join(markup.split()) if early else markup.strip()
    markup = _mark_page_breaks(markup, nl + nl)
    cut = markup.rfind(">") + 1  # no tag ends past the last ">" (see strip_tags)
    text = _TAG.sub("", _CELL.sub(tab, _BLOCK.sub(nl, markup[:cut]))) + markup[cut:]
    if not early:
        # Only where runs are matters, not how long they are: _SPACES shortens them below.
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        text = (lead + " ".join(text.split()) + trail).replace(_NL, "\n").replace(_TAB, "\t")
    return text


# The entities nearly every filing uses, replaced with str.replace before html.unescape (which calls
# Python once per entity): "&amp;" is not among them, so nothing is unescaped twice.
_COMMON_ENTITIES = (
    ("&nbsp;", "\xa0"), ("&#160;", "\xa0"), ("&#xa0;", "\xa0"), ("&#xA0;", "\xa0"),
    ("&#8217;", "\u2019"), ("&#8220;", "\u201c"), ("&#8221;", "\u201d"), ("&#8212;", "\u2014"),
    ("&#8211;", "\u2013"), ("&#x2019;", "\u2019"), ("&#x201c;", "\u201c"), ("&#x201d;", "\u201d"),
    ("&#x2014;", "\u2014"), ("&#x2013;", "\u2013"), ("&#8226;", "\u2022"), ("&#x2022;", "\u2022"),
    ("&#9679;", "\u25cf"), ("&rsquo;", "\u2019"), ("&ldquo;", "\u201c"), ("&rdquo;", "\u201d"),
    ("&mdash;", "\u2014"), ("&ndash;", "\u2013"), ("&#36;", "$"), ("&#37;", "%"), ("&#40;", "("),
    ("&#41;", ")"), ("&#44;", ","), ("&#46;", "."), ("&quot;", '"'), ("&#39;", "'"), ("&#8203;", "\u200b"),
)  # fmt: skip


def _unescape(text: str) -> str:
    found = set(_ENTITY.findall(text))  # one scan, not one per common entity
    for entity, char in _COMMON_ENTITIES:
        if entity in found:
            text = text.replace(entity, char)
    if "&" not in text:
        return text
    if text.count("&") == text.count("&amp;"):
        return text.replace("&amp;", "&")
    return unescape(text)


# html.unescape reads a decimal reference with int(), which refuses a string of more than 4,300 digits
# (ValueError). A reference of 8 or more digits after its leading zeros is above U+10FFFF, which
# html.unescape gives as U+FFFD; leading zeros change nothing. So long ones are settled here first.
_LONG_DECIMAL = re.compile(r"&#([0-9]{8,})(;?)")


def _long_decimal(m: re.Match[str]) -> str:
    digits = m.group(1).lstrip("0") or "0"
    return "\ufffd" if len(digits) > 7 else f"&#{digits}{m.group(2)}"


def unescape(text: str) -> str:
    """``html.unescape``, which never raises: hostile markup may hold a decimal reference thousands of
    digits long."""
    if "&#" in text:
        text = _LONG_DECIMAL.sub(_long_decimal, text)
    return _html.unescape(text)


def _inline(markup: str) -> str:
    return _decoded(strip_tags(markup))


def strip_tags(markup: str, repl: str = "") -> str:
    """``markup`` with each tag (``<`` to the next ``>``) replaced by ``repl``, in time linear in its
    length. The tag pattern reads from a ``<`` up to the next ``>``; a ``<`` with no ``>`` after it is not
    a tag, yet the pattern would read to the end from each one (quadratic in a run of them), so only the
    markup up to the last ``>`` is searched."""
    cut = markup.rfind(">") + 1
    return _TAG.sub(repl, markup[:cut]) + markup[cut:]


def _decoded(text: str) -> str:
    """Text between tags with its entities decoded and odd spaces made plain."""
    if "&" in text:
        text = _unescape(text)
    for odd, repl in _ODD_SPACES.items():
        if odd in text:
            text = text.replace(odd, repl)
    return text.replace("\t\n", "\n")


class _Passes(NamedTuple):
    """The passes html_to_text runs, all in Python or all in C."""

    drop: Callable[[str], tuple[str, bool]]
    flow: Callable[[str], str]
    tidy: Callable[[str], str]
    normalize: Callable[[str], str]


def _c_passes() -> _Passes | None:
    """The C extension's passes, or None where it was not built (no compiler at install)."""
    try:
        from eightk.parse import _fasthtml as c
    except ImportError:
        return None

    def flow(markup: str) -> str:
        text = c.flow(markup)  # _flow_markup
        if "&" in text:
            unescaped = c.unescape(text)  # None where only Python can say (see _fasthtml.c)
            text = _unescape(text) if unescaped is None else unescaped
        return c.finish(text)  # the rest of _decoded, then _SPACES

    return _Passes(c.drop, flow, c.tidy, c.normalize)


_PY_PASSES = _Passes(_drop, _flow, _tidy, _normalize)
_C_PASSES = _c_passes()
_PASSES = _C_PASSES or _PY_PASSES
