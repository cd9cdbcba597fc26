"""Large submissions are streamed in bounded memory and give the same record as in-memory parsing."""

from __future__ import annotations

import binascii
import os
from pathlib import Path

from eightk import parse_filing
from eightk.parse.pipeline import parse_filing_stream
from eightk.read import parse_paths
from eightk.sources.local import STREAM_MIN_BYTES, iter_inputs
from tests.conftest import SAMPLES, sample_files


def test_streamed_records_equal_in_memory_records_for_every_sample() -> None:
    for path in sample_files():
        raw = path.read_bytes()
        whole = parse_filing(raw, name=path.name).to_dict()
        for step in (4093, 1 << 20):
            pieces = (raw[i : i + step] for i in range(0, len(raw), step))
            assert parse_filing_stream(pieces, name=path.name).to_dict() == whole, (path.name, step)


def test_a_file_above_the_stream_threshold_is_streamed(tmp_path: Path) -> None:
    src = (SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt").read_bytes()
    data = os.urandom(STREAM_MIN_BYTES // 4 * 3 + 45 * 1000)
    lines = [binascii.b2a_uu(data[i : i + 45]) for i in range(0, len(data), 45)]
    doc = b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>9\n<FILENAME>big.jpg\n<TEXT>\nbegin 644 big.jpg\n"
    doc += b"".join(lines) + b"`\nend\n</TEXT>\n</DOCUMENT>\n"
    cut = src.rfind(b"</SEC-DOCUMENT>")
    big = tmp_path / "big.txt"
    big.write_bytes(src[:cut] + doc + src[cut:])
    assert big.stat().st_size > STREAM_MIN_BYTES
    (item,) = list(iter_inputs([big]))
    assert item.streamed
    (filing,) = list(parse_paths([big]))
    assert filing.source.bytes == big.stat().st_size
    attachment = filing.document(9)
    assert attachment is not None and attachment.format == "uuencoded" and attachment.bytes > STREAM_MIN_BYTES
    assert filing.to_dict() == parse_filing(big.read_bytes(), name=str(big)).to_dict()


def test_large_archive_members_are_streamed_from_the_archive(tmp_path: Path) -> None:
    import io
    import tarfile
    import zipfile

    src = (SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt").read_bytes()
    line = b"M" + b"A" * 60 + b"\n"
    doc = b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>9\n<FILENAME>big.jpg\n<TEXT>\nbegin 644 big.jpg\n"
    doc += line * (STREAM_MIN_BYTES // len(line) + 1000) + b"`\nend\n</TEXT>\n</DOCUMENT>\n"
    cut = src.rfind(b"</SEC-DOCUMENT>")
    big = src[:cut] + doc + src[cut:]
    with tarfile.open(tmp_path / "batch.tar", "w") as tar:
        for name, data in (("big.txt", big), ("small.txt", src)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with zipfile.ZipFile(tmp_path / "batch.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", big)
    items = list(iter_inputs([tmp_path / "batch.tar", tmp_path / "batch.zip"]))
    assert [(Path(i.name).name, i.streamed) for i in items] == [
        ("batch.tar!big.txt", True),
        ("batch.tar!small.txt", False),
        ("batch.zip!big.txt", True),
    ]
    whole = parse_filing(big, name="big.txt").to_dict()
    for filing in parse_paths([tmp_path / "batch.tar", tmp_path / "batch.zip"]):
        if filing.source.path.endswith("big.txt"):
            assert filing.source.bytes == len(big)
            assert {**filing.to_dict(), "source": whole["source"]} == whole


def test_a_huge_bare_text_is_clipped_not_held() -> None:
    from eightk.parse.stream import TEXT_CAP

    block = b"Item 8.01 Other Events.\n" + b"word " * 200_000 + b"\n"
    pieces = (block for _ in range(TEXT_CAP // len(block) + 20))
    filing = parse_filing_stream(pieces, name="huge.txt")
    assert filing.source.bytes > TEXT_CAP
    assert "clipped" in {p.code for p in filing.problems}
    assert sum(d.text_chars for d in filing.documents) <= TEXT_CAP + (1 << 20)  # one chunk past the cap at most


def test_a_truncated_large_archive_member_is_a_failed_record_not_a_crash(tmp_path: Path) -> None:
    import gzip

    from eightk.api import open_store

    line = b"M" + b"A" * 60 + b"\n"
    body = b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n" + line * ((STREAM_MIN_BYTES + (8 << 20)) // len(line))
    packed = gzip.compress(body, 1)
    (tmp_path / "cut.txt.gz").write_bytes(packed[: len(packed) * 9 // 10])  # past 32 MB, short of the end
    (tmp_path / "seed.txt").write_bytes((SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt").read_bytes())
    (cut, seed) = list(parse_paths([tmp_path / "cut.txt.gz", tmp_path / "seed.txt"]))
    assert [p.code for p in cut.problems] == ["unreadable"] and "broken archive" in cut.problems[0].message
    assert seed.registrant.name == "ImmunoGen, Inc."
    with open_store(tmp_path / "s.db") as store:
        report = store.ingest([tmp_path], workers=1)
    assert (report.stored, report.quarantined) == (1, 1)


def test_reparse_rebuilds_a_streamed_filing_from_its_source_and_keeps_it_when_the_source_changed(
    tmp_path: Path,
) -> None:
    import sqlite3

    from eightk.api import open_store

    src = (SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt").read_bytes()
    line = b"M" + b"A" * 60 + b"\n"
    doc = b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>9\n<FILENAME>big.jpg\n<TEXT>\nbegin 644 big.jpg\n"
    doc += line * (STREAM_MIN_BYTES // len(line) + 1000) + b"`\nend\n</TEXT>\n</DOCUMENT>\n"
    cut = src.rfind(b"</SEC-DOCUMENT>")
    big = tmp_path / "big.txt"
    big.write_bytes(src[:cut] + doc + src[cut:])
    (tmp_path / "seed.txt").write_bytes((SAMPLES / "2000s" / "immunogen-genentech-2000-05-04.txt").read_bytes())
    db = tmp_path / "s.db"

    def items() -> list[tuple[object, ...]]:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT filing_id, number, code, text FROM items ORDER BY 1, 2").fetchall()

    with open_store(db) as store:
        assert store.ingest([big, tmp_path / "seed.txt"]).stored == 2
    with sqlite3.connect(db) as conn:  # the big one is kept by path and sha256 only
        assert conn.execute("SELECT COUNT(*) FROM raw").fetchone()[0] == 1
    before = items()
    assert {row[2] for row in before} >= {"8.01", "9.01"}
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM items")  # as if an older parser had found nothing

    with open_store(db) as store:
        report = store.reparse()
    assert (report.stored, report.skipped, report.failures) == (2, 0, [])
    assert items() == before

    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM items")
    with big.open("ab") as fh:
        fh.write(b"\n")  # other bytes now: this source no longer holds the stored filing
    with open_store(db) as store:
        report = store.reparse()
    assert (report.stored, report.skipped) == (1, 1)
    assert report.failures == [(str(big), "source changed since it was ingested (sha256 differs); record kept")]
    big.unlink()
    with open_store(db) as store:
        report = store.reparse()
    assert report.failures == [(str(big), "not stored and its source is gone; record kept")]
    with sqlite3.connect(db) as conn:  # the big filing's record is still there, untouched
        assert conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == 2


def test_streamed_archive_members_with_the_same_name_are_each_read(tmp_path: Path, monkeypatch) -> None:
    """A hostile or careless archive may hold two members of one name: each streamed member is its own."""
    import hashlib
    import io
    import tarfile
    import warnings
    import zipfile

    from eightk.sources import local

    first = (SAMPLES / "2020s" / "ryankfrench__0001140361-25-017716.txt").read_bytes()
    second = (SAMPLES / "2000s" / "ryankfrench__0000092122-07-000008.txt").read_bytes()
    monkeypatch.setattr(local, "STREAM_MIN_BYTES", 50_000)  # both members are streamed
    assert min(len(first), len(second)) > 50_000
    with tarfile.open(tmp_path / "dup.tar", "w") as tar:
        for data in (first, second):
            info = tarfile.TarInfo("filing.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with warnings.catch_warnings(), zipfile.ZipFile(tmp_path / "dup.zip", "w") as zf:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name, as it should
        zf.writestr("filing.txt", first)
        zf.writestr("filing.txt", second)
    items = list(iter_inputs([tmp_path / "dup.tar", tmp_path / "dup.zip"]))
    assert [i.streamed for i in items] == [True] * 4
    want = [hashlib.sha256(d).hexdigest() for d in (first, second)]
    assert [hashlib.sha256(i.data).hexdigest() for i in items] == want + want
    records = list(parse_paths([tmp_path / "dup.tar", tmp_path / "dup.zip"]))
    assert [r.source.sha256 for r in records] == want + want
    assert records[0].registrant.name != records[1].registrant.name
