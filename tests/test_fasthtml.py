"""The C passes of eightk.parse._fasthtml give exactly the text of the Python passes in eightk.parse.html.

The Python passes are the reference: each C function reproduces one or more of them, regular
expressions included, so a difference anywhere (a word boundary after a tag name, a "<" no ">" closes,
an entity html.unescape reads its own way) is a bug in C. Compared here: every HTML and inline-XBRL
document of the sample filings, and thousands of seeded random snippets built from the pieces that
make those passes differ (unclosed tags, odd case spellings, Unicode word characters after tag names,
stand-in characters, odd spaces, entities, characters of 1, 2 and 4 bytes). The extension must be built
where these tests run: CI proves it compiles, so its absence fails rather than skips.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from eightk.parse import html
from eightk.parse.decode import decode
from eightk.parse.sgml import split_submission
from eightk.parse.text import fold
from tests.conftest import sample_files

NOT_BUILT = (
    "eightk.parse._fasthtml was not built: `pip install -e .` compiles it when a C compiler and the "
    "Python headers are available (the parser then falls back to its Python passes)"
)


def _c() -> html._Passes:
    if html._C_PASSES is None:
        pytest.fail(NOT_BUILT)
    return html._C_PASSES


def _fast():  # the module itself, for the passes html._Passes does not name
    _c()
    from eightk.parse import _fasthtml

    return _fasthtml


def test_extension_is_built_and_used() -> None:
    assert html._C_PASSES is not None, NOT_BUILT
    assert html._PASSES is html._C_PASSES


def _html_documents(path: Path) -> list[str]:
    """The decoded HTML and inline-XBRL documents of a sample filing (a bare .htm file is one)."""
    raw = path.read_bytes()
    if path.suffix.lower() in (".htm", ".html"):
        return [decode(raw)[0]]
    return [decode(d.body)[0] for d in split_submission(raw).documents if d.kind in ("html", "ixbrl")]


SAMPLE_DOCUMENTS = [(p.name, i, m) for p in sample_files() for i, m in enumerate(_html_documents(p))]


def test_samples_hold_enough_html() -> None:
    assert len(SAMPLE_DOCUMENTS) >= 40
    assert sum(len(m) for _, _, m in SAMPLE_DOCUMENTS) > 2_000_000


@pytest.mark.parametrize(
    ("name", "index", "markup"), SAMPLE_DOCUMENTS, ids=[f"{n}#{i}" for n, i, _ in SAMPLE_DOCUMENTS]
)
def test_sample_documents(name: str, index: int, markup: str) -> None:
    _assert_same(markup)


def _assert_same(markup: str) -> None:
    """Each C pass, then the whole conversion, against the Python passes."""
    c, fast = _c(), _fast()
    low = fold(markup)
    _check("drop_blocks", lambda m: html._drop_blocks(m, low), fast.drop_blocks, markup)
    _check("drop_hidden", html._drop_hidden, fast.drop_hidden, markup)
    _check("drop", html._drop, c.drop, markup)
    _check("flow (tags and whitespace)", html._flow_markup, fast.flow, markup)
    _check("flow", html._flow, c.flow, markup)
    _check("tidy", html._tidy, c.tidy, markup)
    _check("normalize", html._normalize, c.normalize, markup)
    if "&" in markup and fast.unescape(markup) is not None:
        _check("unescape", html._unescape, fast.unescape, markup)
    if "&" not in markup:
        _check("finish", lambda t: html._SPACES.sub(" ", html._decoded(t)), fast.finish, markup)
    _check("html_to_text", lambda m: html._to_text(m, html._PY_PASSES), lambda m: html._to_text(m, c), markup)


def _check(what: str, python: Callable[..., object], fast: Callable[..., object], *args: str) -> None:
    expected, got = python(*args), fast(*args)
    if got != expected:
        pytest.fail(f"{what} differs on {args[0][:300]!r}:\nPython {expected!r:.600}\nC      {got!r:.600}")


# Pieces of random markup: what the passes treat specially, and what sits next to it.
TAGS = [
    "<p>",
    "</p>",
    "<P>",
    "<p class=x>",
    "<Div>",
    "<dIv>",
    "<DIV>",
    "</div >",
    "<br/>",
    "<BR>",
    "<Br >",
    "<bR>",
    "<p\u00e9>",
    "<p_x>",
    "<p1>",
    "<p-x>",
    "<h1>",
    "<H6>",
    "<h7>",
    "<td>",
    "<TD>",
    "<Td>",
    "<tD>",
    "<th class=x>",
    "<TH>",
    "<tdx>",
    "<t\u00e9>",
    "<td\u00e9>",
    "<td\u0661>",
    "<tr>",
    "<TR>",
    "<Tr>",
    "<tR>",
    "<hr>",
    "<HR/>",
    "<Hr>",
    "<hR>",
    "<hr\u00e9>",
    "<hr_>",
    "<table>",
    "</TABLE>",
    "<Table>",
    "<TaBle>",
    "<blockquote>",
    "<BlockQuote>",
    "<Blockquote>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<a href='x'>",
    "<font size=2>",
    "<ix:nonNumeric>",
    "</ix:nonnumeric>",
    "<li>",
    "<UL>",
    "<Ol>",
    "<section>",
    "<BODY>",
    "<",
    ">",
    "<<",
    ">>",
    "< p>",
    "</>",
    "<>",
    "<p",
    "<td",
    "<TD ",
    "<b",
    "</",
    "<p <b>>",
    "<td <p>>",
    "<b <td> x>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "<![cdata[",
    "]]>",
    "<!DOCTYPE html>",
    "<!doctype",
    "<!x>",
    "<!1>",
    "<?xml version='1.0'?>",
    "<?",
    "<script>x<p>y</script>",
    "<SCRIPT type=x>",
    "</script>",
    "</SCRIPT >",
    "<style>",
    "</style>",
    "<head>",
    "</head>",
    "<HEAD>",
    "<headx>",
    "<header>",
    "<title>t</title>",
    "<ix:header>",
    "</ix:header>",
    "<IX:HEADER>",
    "<pre>",
    "</pre>",
    "<PRE>",
    "</PRE>",
    "<pre\u00e9>",
    "<pre ",
    "<\u212a>",
    "<!\u212a>",
    "<scr\u0130pt>",
    "<\u0170>",
    "<\u0174\u0172>",
    "<\u0174\u0164>",
    "<\u0168\u0172>",
    "<\u0173cript>",
    "<!\u0161>",
]
STYLES = [
    '<div style="page-break-before: always">',
    '<p style="PAGE-BREAK-AFTER:ALWAYS">',
    "page-break-after :\talways",
    "Page-Break-Before:always",
    "page-break-before:auto",
    "page-break-\u00e9",
    "PAGE-BREAK-before:always",
    "page-break-after\u2028:\u3000always",
    '<div style="display:none">',
    '<DIV STYLE="DISPLAY: NONE">',
    '<span style="display :none">',
    "display:none",
    "DISPLAY:none",
    "display:\x85none",
    "<dIv style=display:none>",
    '<div style="display:none"><div>x</div>',
    "<td style=display:none>",
    "<h1 style=display:none>",
    "<p\u00e9 style=display:none>",
    "<x1 style=display:none>",
    "<1p style=display:none>",
    "</1p>",
    "</div>",
    "</DIV>",
    "</Div>",
    "</dIV>",
    "<div>",
    '<td style="display:none"/>',
    "<TD STYLE=DISPLAY:NONE />",
    "<div style=display:none/>",
    "<td/>",
    "/>",
    '<div style="display:inline">',
    '<div style="display: inline-block">',
    '<P STYLE="DISPLAY:INLINE">',
    '<span style="display:block">',
    "</span>",
    '<table style="display:inline-table">',
    "</td>",
    "</H1>",
    "</x1>",
    "<DiV>",
]
ENTITIES = [
    "&amp;",
    "&nbsp;",
    "&#160;",
    "&#xa0;",
    "&#8217;",
    "&#x201c;",
    "&ldquo;",
    "&mdash;",
    "&#36;",
    "&quot;",
    "&#39;",
    "&#8203;",
    "&lt;",
    "&gt",
    "&amp",
    "&ampx;",
    "&#x2014;",
    "&#X41;",
    "&#65",
    "&#0;",
    "&#13;",
    "&#128;",
    "&#150;",
    "&#xD800;",
    "&#1114112;",
    "&#99999999999;",
    "&#x110000;",
    "&#x0000000000000041;",
    "&#1;",
    "&#65535;",
    "&#xfdd0;",
    "&notit;",
    "&notin;",
    "&NotEqualTilde;",
    "&Eacute;",
    "&eacute",
    "&copy",
    "&;",
    "&#;",
    "&#x;",
    "&#xg;",
    "&",
    "&&",
    "& ",
    "&AMP;",
    "&middot;",
    "&zwnj;",
    "&shy;",
    "&" + "a" * 40 + ";",
    "&amp;amp;",
    "&#38;#8217;",
    "&\u00e9;",
    "&lt\u00e9",
    "&#0000000000000000000065;",
    "&amp\f",
    "&lt\fx;",
    "&a\tb;",
    "&a<b;",
    "&a#b;",
    "&CounterClockwiseContourIntegral;",
    "&DoubleLongLeftRightArrow;",
]
SPACES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\f",
    "\v",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2002",
    "\u2003",
    "\u2009",
    "\u200a",
    "\u202f",
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\xad",
    "\u2028",
    "\u3000",
    "\u1680",
    " \t",
    "\t ",
    " \t\n",
    "\t\n",
    " \t \t",
    "\n\n\n",
]
TEXT = [
    "Item 2.02",
    "a",
    "word",
    "x_y",
    "\u00e9",
    "\u00fc",
    "\u03a9",
    "\u2019",
    "\u4e2d\u6587",
    "\U0001f600",
    "\u0130",
    "\u212a",
    "\u017f",
    "\u03a3",
    "_",
    "1",
    "\u0661",
    "- 2 -",
    "\n2\n",
    "\nPage 3 of 9\n",
    "<PAGE>",
    "\n- -x",
    ":",
    "\x01",
    "\x02",
    "\ud800",
    "\x00",
    "\x7f",
    ";",
    "#",
    "!",
    "?",
    "/",
    "=",
    '"',
    "'",
    "before",
    "always",
]
PIECES = TAGS + STYLES + ENTITIES + SPACES + TEXT


def _snippet(rng: random.Random) -> str:
    parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 30))]
    if rng.random() < 0.3:  # a mutation: a character dropped or doubled, tags cut in odd places
        s = "".join(parts)
        i = rng.randrange(len(s) + 1)
        return s[:i] + rng.choice(["", "<", ">", "&", s[i : i + 1] * 2, "\x01"]) + s[i + 1 :]
    return "".join(parts)


# Lines for normalize_text: page numbers and markers of every shape, and lines that only look like them.
LINES = [
    "",
    " ",
    "\t",
    "\xa0",
    "\x0b",
    "\u2028",
    "1",
    "12",
    "123",
    "1234",
    " 7 ",
    "\u0663",
    "\u00b2",
    "1a",
    "- 2 -",
    "-2-",
    "-  12\t-",
    "- 1234 -",
    "- 2",
    "-",
    "- -",
    "- - 2 -",
    "- -x",
    "Page 3",
    "page 3",
    "PAGE 3",
    "Page3",
    "Page 3 of 9",
    "Page 3 of",
    "Page 3 offset",
    "Page 3of 9",
    "Page 3 of 9)",
    "(Page 3)",
    "( Page 3 )",
    "(page 3 of 12)",
    "(Page 1234)",
    "\tPage\t3\tof\t9\t",
    "iv",
    "IV",
    "xviii",
    "vvvvvv",
    "Xi",
    "ix.",
    "<PAGE>",
    "</page>",
    "<Page> 12",
    "<PAGE>12 ",
    "<pAGE>",
    "<PAGE> 1 2",
    "\t</PAGE>\t\u0661",
    "<PAGE",
    "Item 2.02",
    "x",
    "\f",
    "\f3\f",
    "\n",
]


def test_random_lines() -> None:
    """normalize_text on text made of page-number-like lines, blank lines and text."""
    fast = _fast()
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(LINES) + rng.choice(["\n", "\n", "\n\n", "\f", "\n\n\n", " \n"]) for _ in range(12))
        text = text[rng.randrange(3) :]
        _check("normalize", html._normalize, fast.normalize, text)


@pytest.mark.parametrize("seed", range(8))
def test_random_snippets(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        _assert_same(_snippet(rng))


def test_random_documents() -> None:
    """Longer random markup, mostly text between tags, as real documents are."""
    rng = random.Random(2024)
    pieces = TAGS + STYLES + ENTITIES + SPACES + TEXT * 20
    for _ in range(40):
        _assert_same("".join(rng.choice(pieces) for _ in range(rng.randint(100, 3000))))


def test_hostile_input() -> None:
    """Tags that never close, many of them (one scan each in C, not one per tag), and binary junk."""
    rng = random.Random(5)
    for markup in (
        "<td" * 3000,
        "<b <p>" * 2000,
        "x<" * 3000 + ">",
        '<div style="display:none">' * 2000,
        "<p style='page-break-before:always'>" * 500 + "page-break-after:always" * 500,
        "&#" + "1" * 25 + ";" + "&amp;" * 10,
        "&" * 5000 + "&#x" + "0" * 5000 + "41;",
        bytes(rng.getrandbits(8) for _ in range(50_000)).decode("latin-1"),
        "".join(chr(rng.randrange(0x110000)) for _ in range(20_000)),
        "",
    ):
        _assert_same(markup)


def test_long_decimal_reference_is_left_to_python() -> None:
    """int() refuses a number of more than sys.get_int_max_str_digits() digits: the C unescape leaves long
    decimal references to Python, whose unescape reads them as html.unescape would if it could (U+FFFD
    above U+10FFFF, leading zeros ignored)."""
    fast = _fast()
    assert fast.unescape("&#" + "9" * 30 + ";") is None
    for markup, want in (("<p>&#" + "1" * 5000 + ";</p>", "\ufffd"), ("<p>&#" + "0" * 5000 + "65;</p>", "A")):
        assert html._to_text(markup, html._PY_PASSES) == html._to_text(markup, _c()) == want
