"""Bad input never crashes or hangs: each gets a record whose problems say what is wrong, the other
inputs are still parsed, and the CLI exits 1."""

from __future__ import annotations

import binascii
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from eightk import parse_filing
from tests.conftest import SAMPLES, SEED

FULL = SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt"  # Cisco, 1995, full submission


def _codes(raw: bytes) -> set[str]:
    return {p.code for p in parse_filing(raw, name="x").problems if p.severity == "error"}


def test_empty_file() -> None:
    assert _codes(b"") == {"empty"}
    assert _codes(b"  \n\n ") == {"empty"}


def test_random_binary() -> None:
    rng = random.Random(7)
    raw = bytes(rng.getrandbits(8) for _ in range(20000))
    filing = parse_filing(raw, name="noise.bin")
    assert "not_text" in {p.code for p in filing.problems}
    assert filing.items == ()


def test_truncated_submission_keeps_what_it_read() -> None:
    raw = (SAMPLES / "2010s" / "ryankfrench__0001193125-11-009392.txt").read_bytes()
    filing = parse_filing(raw[:30000], name="cut.txt")
    assert "truncated" in {p.code for p in filing.problems}
    assert filing.registrant.name  # the header and cover were read before the cut
    assert filing.items


def test_ten_k_is_not_an_eight_k() -> None:
    raw = FULL.read_bytes().replace(b"CONFORMED SUBMISSION TYPE:\t8-K", b"CONFORMED SUBMISSION TYPE:\t10-K")
    assert "not_8k" in _codes(raw)


def _with_uuencoded_attachment(size: int) -> bytes:
    data = os.urandom(size)
    lines = [b"begin 644 big.pdf"]
    lines += [binascii.b2a_uu(data[i : i + 45]).rstrip(b"\n") for i in range(0, len(data), 45)]
    lines += [b"`", b"end"]
    doc = (
        b"<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<FILENAME>big.pdf\n<TEXT>\n"
        + b"\n".join(lines)
        + b"\n</TEXT>\n</DOCUMENT>\n"
    )
    src = FULL.read_bytes()
    cut = src.rfind(b"</SEC-DOCUMENT>")
    return src[:cut] + doc + src[cut:]


def test_huge_uuencoded_attachment_is_listed_not_decoded() -> None:
    raw = _with_uuencoded_attachment(37 * 1024 * 1024)  # about 50 MB once uuencoded
    assert len(raw) > 50_000_000
    filing = parse_filing(raw, name="big.txt")
    big = filing.document(3)
    assert big is not None and big.format == "uuencoded" and big.text_chars == 0 and big.bytes > 50_000_000
    assert filing.ok
    assert filing.item_codes == ("2.01", "9.01")


def test_cli_batch_goes_on_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.bin").write_bytes(os.urandom(5000))
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "does-not-exist")
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"x")
    locked.chmod(0)
    proc = subprocess.run(
        [sys.executable, "-m", "eightk", "parse", "--jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    assert by_name["seed.txt"]["registrant"]["name"] == "ImmunoGen, Inc."
    assert by_name["empty.txt"]["problems"][0]["code"] == "empty"
    assert by_name["dangling.txt"]["problems"][0]["code"] == "unreadable"
    for name in ("empty.txt", "noise.bin", "dangling.txt"):
        assert name in proc.stderr
    if os.geteuid() != 0:  # root reads mode-000 files anyway
        assert by_name["locked.txt"]["problems"][0]["code"] == "unreadable"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_bytes_are_read(encoding: str) -> None:
    raw = SEED.read_bytes().replace(b"such as Herceptin", "such as Herceptin\u00ae".encode(encoding))
    raw = raw.replace(b"ITEM 5.", b"ITEM 5.\x00\x07")
    filing = parse_filing(raw, name="seed-cp1252.txt")
    assert filing.ok
    assert "encoding" in {p.code for p in filing.problems}
    assert "such as Herceptin\u00ae" in filing.text(1)
    assert filing.item_codes == ("8.01", "9.01")


def test_archives_that_hold_nothing_are_reported(tmp_path: Path) -> None:
    import gzip
    import tarfile
    import zipfile

    from eightk.sources.local import InputError, iter_inputs

    with tarfile.open(tmp_path / "empty.tar", "w"):
        pass
    zipfile.ZipFile(tmp_path / "empty.zip", "w").close()
    # a gzip of zero bytes reads as a valid tar with no members: it must not vanish from the batch
    with gzip.open(tmp_path / "zeros.txt.gz", "wb") as gz:
        gz.write(b"\0" * (1 << 20))
    got = {Path(i.name).name: i for i in iter_inputs([tmp_path])}
    assert set(got) == {"empty.tar", "empty.zip", "zeros.txt.gz"}
    assert all(isinstance(i, InputError) and "holds no files" in i.reason for i in got.values())


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    text = SEED.read_bytes().decode("latin-1")
    for raw in (text.encode("utf-16"), text.encode("utf-16-be").join([b"\xfe\xff", b""])):
        filing = parse_filing(raw, name="seed-utf16.txt")
        assert filing.registrant.name == "ImmunoGen, Inc."
        assert filing.item_codes == ("8.01", "9.01")


def test_documents_that_repeat_a_sequence_are_renumbered() -> None:
    raw = (SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt").read_bytes()
    start = raw.find(b"<DOCUMENT>")
    end = raw.find(b"</DOCUMENT>", start) + len(b"</DOCUMENT>")
    cut = raw.rfind(b"</SEC-DOCUMENT>")
    twice = raw[:cut] + raw[start:end] + b"\n" + raw[cut:]  # the first document again, same <SEQUENCE>
    filing = parse_filing(twice, name="twice.txt")
    sequences = [d.sequence for d in filing.documents]
    assert len(sequences) == len(set(sequences)) == len(parse_filing(raw).documents) + 1
    assert "sequence" in {p.code for p in filing.problems}
    texts = {d.sequence: d.text for d in filing.documents}
    assert all(texts[s.doc][s.start : s.end] == s.quote for e in filing.events for s in e.evidence)


def test_a_decimal_reference_thousands_of_digits_long_is_read_not_raised() -> None:
    """html.unescape raises ValueError past 4,300 digits (int()'s limit); the parser must not."""
    huge = b"&#" + b"1" * 5000 + b";"
    page = b'<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body><p>Item 8.01 Other Events</p><p>Notice '
    page += huge + b"</p>"
    page += b'<ix:nonNumeric name="dei:EntityRegistrantName">Acme ' + huge + b"</ix:nonNumeric></body></html>"
    filing = parse_filing(page, name="huge-reference.htm")
    assert [it.code for it in filing.items] == ["8.01"]
    assert filing.source.format == "ixbrl" and filing.registrant.name == "Acme \ufffd"
    assert filing.documents[0].text.endswith("Notice \ufffd\nAcme \ufffd")
