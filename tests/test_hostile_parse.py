"""Hostile input to the parser (issue 13): each fault found is a kind, tested here on a small input.

The quadratic kinds are checked without a clock: the work a pass does is counted (characters copied
or scanned, passes over the document list) and must stay within a constant times the input's size.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eightk import parse_filing
from eightk.parse import ixbrl
from eightk.parse.items import find_items
from eightk.parse.sgml import RawDocument, _unique_sequences
from tests.conftest import SEED


def test_a_primary_document_left_unread_is_not_looked_up() -> None:
    """An inline XBRL document typed EX-101.INS is text-kind but never read (EDGAR's XBRL parts are
    not prose): it used to be chosen as primary and its markup looked up, raising KeyError."""
    raw = b'<DOCUMENT>\n<TYPE>EX-101.INS\n<TEXT>\n<html xmlns:ix="x"><p>Item 8.01</p></html>\n</TEXT>\n</DOCUMENT>\n'
    filing = parse_filing(raw, name="instance-only.txt")
    assert "not_text" in {p.code for p in filing.problems}
    beside = raw.replace(
        b"</DOCUMENT>\n",
        b"</DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Events\n\nDone.\n</TEXT>\n</DOCUMENT>\n",
        1,
    )
    filing = parse_filing(beside, name="instance-then-8k.txt")
    assert filing.item_codes == ("8.01",) and filing.items[0].span.doc == 2


class _CountingText(str):
    """A str that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key: Any) -> str:
        got = str.__getitem__(self, key)
        _CountingText.copied += len(got)
        return got


def test_a_heading_repeated_thousands_of_times_costs_linear_copying() -> None:
    """Each heading's end used to be found by copying the text before it (quadratic in headings)."""
    text = _CountingText("Item 8.01 Other Events\n\nThe Company announced a thing.\n\n" * 3000)
    _CountingText.copied = 0
    headings = find_items(text)
    assert [h.number for h in headings] == ["8.01"]
    assert text[headings[0].start : headings[0].end] == "Item 8.01 Other Events\n\nThe Company announced a thing."
    assert _CountingText.copied < 20 * len(text)


class _CountingStrip:
    """Wraps ``strip_tags``; counts the characters given to it."""

    def __init__(self, strip: Callable[[str, str], str]) -> None:
        self.strip = strip
        self.scanned = 0

    def __call__(self, markup: str, repl: str = "") -> str:
        self.scanned += len(markup)
        return self.strip(markup, repl)


def test_unclosed_dei_facts_sharing_one_far_closer_are_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    opener = '<ix:nonNumeric name="dei:EntityRegistrantName">'
    markup = "<html><body>" + opener * 3000 + "<b>x</b> " * 20000 + "</ix:nonNumeric></body></html>"
    tag = _CountingStrip(ixbrl.strip_tags)
    monkeypatch.setattr(ixbrl, "strip_tags", tag)
    facts = ixbrl.dei_facts(markup)
    assert 0 < len(facts["EntityRegistrantName"]) <= ixbrl.MAX_FACTS
    assert tag.scanned <= (ixbrl.MAX_FACTS + 1) * ixbrl.MAX_FACT_MARKUP


def test_ordinary_dei_facts_are_read_whole_and_hidden_ones_marked() -> None:
    markup = (
        '<html><body><ix:header><ix:nonNumeric name="dei:EntityRegistrantName">ACME CORP</ix:nonNumeric>'
        '</ix:header><p><ix:nonNumeric name="dei:EntityRegistrantName">Acme <b>Corp</b>.</ix:nonNumeric></p>'
        '<ix:nonNumeric name="dei:TradingSymbol">ACM</ix:nonNumeric></body></html>'
    )
    facts = ixbrl.dei_facts(markup)
    assert facts["EntityRegistrantName"] == [ixbrl.Fact("ACME CORP", True), ixbrl.Fact("Acme Corp .", False)]
    assert facts["TradingSymbol"] == [ixbrl.Fact("ACM", False)]


class _CountingList(list):  # type: ignore[type-arg]
    passes = 0

    def __iter__(self) -> Iterator[Any]:
        _CountingList.passes += 1
        return super().__iter__()


def test_a_repeated_sequence_is_renumbered_in_a_fixed_number_of_passes() -> None:
    """Each repeat used to rebuild the set of all sequences (quadratic in documents)."""
    docs = _CountingList(RawDocument(1, "EX-99", None, None, b"x", "text") for _ in range(5000))
    _CountingList.passes = 0
    moved = _unique_sequences(docs)
    assert _CountingList.passes <= 3
    assert sorted(d.sequence for d in docs) == list(range(1, 5001))
    assert len(moved) == 21 and moved[-1] == "4979 more documents repeat a sequence; numbered up to 5000"


def test_thousands_of_documents_with_one_sequence_parse_to_one_record() -> None:
    block = b"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>1\n<TEXT>\nhello\n</TEXT>\n</DOCUMENT>\n"
    raw = b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nItem 8.01 Other Events\n\nDone.\n</TEXT>\n</DOCUMENT>\n"
    filing = parse_filing(raw + block * 2000, name="many.txt", events=False)
    assert len({d.sequence for d in filing.documents}) == 2001
    assert filing.item_codes == ("8.01",)
    assert sum(p.code == "sequence" for p in filing.problems) == 21


def test_thousands_of_unclosed_documents_make_one_counted_problem() -> None:
    filing = parse_filing(
        b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Events\n\n" + b"<DOCUMENT>\n" * 5000, name="x"
    )
    cut = [p.message for p in filing.problems if p.code == "truncated"]
    assert len(filing.documents) == 5001 and len(cut) == 21
    assert cut[0] == "document 1 (8-K) is cut short" and cut[-1] == "4981 more documents are cut short"


def test_a_superscript_digit_where_an_item_number_goes_is_no_number() -> None:
    """str.isdigit() accepts "²", which int() cannot read (the search filter --item ² used to raise)."""
    raw = b"<SUBMISSION>\n<TYPE>8-K\n<ITEMS>\xb2\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Events\n\nx\n</TEXT>\n"
    filing = parse_filing(raw, name="superscript.txt")
    assert filing.item_codes == ("8.01",)


def test_a_parser_bug_on_one_input_fails_that_input_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`eightk parse` used to print a traceback and skip the remaining inputs when one raised."""
    from eightk import read
    from eightk.cli import main

    real = read.parse_filing

    def buggy(raw: bytes, **kw: Any) -> Any:
        if b"POISON" in raw:
            raise KeyError(1)
        return real(raw, **kw)

    monkeypatch.setattr(read, "parse_filing", buggy)
    (tmp_path / "a.txt").write_bytes(b"POISON\nItem 8.01 Other Events\n")
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    assert main(["parse", str(tmp_path), "--jsonl", "--no-events"]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["registrant"].get("name") for r in records] == [None, "ImmunoGen, Inc."]
    assert "internal error (a bug in eightk): KeyError: 1" in err and "Traceback" not in err


_RUNS_SCRIPT = """
from eightk import parse_filing
run = " " * 200_000
raw = ("\\n<PAGE>" + run + "x\\nPage 3" + run + "x\\nItem 8.01 Other" + run + "x\\n\\nThe Company did a thing.\\n\\n"
       "SIGNATURES" + run + "x\\n").encode()
print(",".join(parse_filing(raw, name="runs.txt").item_codes))
"""


def test_long_runs_of_spaces_after_a_page_marker_heading_or_signature_do_not_hang() -> None:
    """Four patterns tried a run of spaces once per space (a page marker, a page number, an item title's
    end, the signature heading): 8,000 spaces took 0.3-0.5 s, 200,000 would take minutes. Now each run
    is read once. The timeout is a hang guard, not a speed target (the run takes well under a second)."""
    done = subprocess.run(
        [sys.executable, "-c", _RUNS_SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "8.01"
