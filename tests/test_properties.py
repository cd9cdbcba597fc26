"""Property-based tests (hypothesis) of the parser's and the archive reader's boundaries (issue 13):
whatever the bytes, ``parse_filing`` returns a record whose item quotes are slices of their text,
and ``iter_inputs`` on an archive yields inputs or refusals, never an exception."""

from __future__ import annotations

import gzip
import io
import tarfile
import tempfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eightk import parse_filing
from eightk.read import parse_input
from eightk.sources.local import iter_inputs

_PIECES = [
    "<DOCUMENT>\n", "</DOCUMENT>\n", "<TYPE>8-K\n", "<TYPE>EX-99.1\n", "<TYPE>EX-101.INS\n", "<SEQUENCE>1\n",
    "<SEQUENCE>2\n", "<TEXT>\n", "</TEXT>\n", "<SEC-HEADER>\n", "</SEC-HEADER>\n", "<SUBMISSION>\n", "<ITEMS>5\n",
    "ITEM INFORMATION:\tOther Events\n", "CONFORMED PERIOD OF REPORT:\t20040823\n", "FILED AS OF DATE:\t19990101\n",
    '<html xmlns:ix="x">', "<p>", "</p>", "<td>", "<br>", '<div style="display:none">', "</div>", "<ix:header>",
    '<ix:nonNumeric name="dei:EntityRegistrantName">', '<ix:nonNumeric name="dei:DocumentPeriodEndDate">',
    "</ix:nonNumeric>", "&#160;", "&amp;", "&#99999999;", "\n", "\n\n", "\t", "Item 8.01", "ITEM 5.", "Items 1 and 2.",
    "Item 9.01 Financial Statements and Exhibits", "Other Events", "None.", "SIGNATURES\n", "(Registrant)",
    "By: /s/ Jane Doe\n", "Date: May 4, 2000\n", "Exhibit 99.1 Press release", "$2.5 million", "- 2 -\n", "<PAGE>\n",
]  # fmt: skip

_filings = st.one_of(
    st.binary(max_size=4096),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=120).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    ),
)
# derandomize: CI runs the same examples every time (a random run that finds a bug fails one CI run and not
# the next); the benchmark and developers' runs with other seeds explore further
_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@_SETTINGS
@given(_filings)
def test_any_bytes_give_a_record_whose_quotes_are_slices_of_its_text(raw: bytes) -> None:
    filing = parse_filing(raw, name="property")
    texts = {d.sequence: d.text for d in filing.documents}
    assert len(texts) == len(filing.documents)  # one document per sequence
    for item in filing.items:
        assert texts[item.span.doc][item.span.start : item.span.end] == item.span.quote
    assert filing.to_dict()["source"]["bytes"] == len(raw)


def _archive(kind: str, members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            warnings.simplefilter("ignore")  # a duplicate name: hostile archives have them
            for name, data in members:
                zf.writestr(name.split("\0")[0] or "x", data)  # zipfile cuts a name at NUL: never empty
    elif kind == "tar.gz":
        with tarfile.open(fileobj=buf, mode="w:gz") as tar:
            for name, data in members:
                info = tarfile.TarInfo(name.split("\0")[0] or "x")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    else:
        return gzip.compress(members[0][1] if members else b"")
    return buf.getvalue()


@_SETTINGS
@given(
    st.sampled_from(["zip", "tar.gz", "gz"]),
    st.lists(st.tuples(st.text(min_size=1, max_size=30), st.binary(max_size=600)), max_size=5),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=6),
    st.integers(min_value=0),
)
def test_any_archive_damage_gives_inputs_or_refusals(
    kind: str, members: list[tuple[str, bytes]], flips: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(_archive(kind, members))
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    if data and cut % 3 == 0:
        del data[cut % len(data) :]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a.{kind}"
        path.write_bytes(bytes(data))
        for item in iter_inputs([path]):
            assert parse_input(item, events=False).source.path == item.name
        assert sorted(p.name for p in Path(tmp).iterdir()) == [f"a.{kind}"]  # nothing extracted
