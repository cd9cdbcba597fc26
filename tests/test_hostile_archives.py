"""Hostile and broken archives (issue 13): each is refused or bounded with a clear reason, the other
inputs still come through, and nothing is ever extracted to disk."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import tarfile
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from eightk.api import open_store
from eightk.read import parse_paths
from eightk.sources import archives, local
from eightk.sources.local import Input, InputError, iter_inputs
from tests.conftest import SEED

FILING = SEED.read_bytes()


def _by_name(paths: list[Path]) -> dict[str, Input | InputError]:
    return {i.name.split("/")[-1]: i for i in iter_inputs(paths)}


def _reason(item: Input | InputError) -> str:
    assert isinstance(item, InputError), f"{item.name} was read"
    return item.reason


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes]], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as tar:  # type: ignore[call-overload]
        for info, data in members:
            info.size = len(data) if info.isfile() else 0
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def _info(name: str, kind: bytes = tarfile.REGTYPE, target: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


def test_a_corrupt_gzip_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    """An invalid deflate block used to raise zlib.error out of the reader and stop every ingest."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
    (tmp_path / "a-bad.txt.gz").write_bytes(header + b"\xff" * 200)
    (tmp_path / "b-bad.tar.gz").write_bytes(header + b"\xff" * 200)
    (tmp_path / "c-cut.txt.gz").write_bytes(b"\x1f\x8b\x08garbage")
    (tmp_path / "d-seed.txt").write_bytes(FILING)
    got = _by_name([tmp_path])
    assert all("broken archive" in _reason(got[n]) for n in ("a-bad.txt.gz", "b-bad.tar.gz", "c-cut.txt.gz"))
    assert "\n" not in _reason(got["b-bad.tar.gz"])  # one line, not tarfile's list of every method tried
    assert isinstance(got["d-seed.txt"], Input)
    runs = []
    for _ in range(2):  # a re-run is not stopped either
        with open_store(tmp_path / "s.db") as store:
            report = store.ingest([tmp_path], workers=1)
        runs.append((report.stored, report.skipped, report.quarantined))
    assert runs == [(1, 0, 3), (0, 1, 3)]


def test_zip_entries_whose_data_overlap_are_refused_before_any_is_read(tmp_path: Path) -> None:
    """Two central-directory entries pointing at one compressed block: the construction of the zip
    bombs that expand a few hundred KB to tens of GB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", FILING)
        zf.writestr("b.txt", FILING)
    data = bytearray(buf.getvalue())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    data[second + 42 : second + 46] = (0).to_bytes(4, "little")  # b.txt's data is a.txt's
    (tmp_path / "overlap.zip").write_bytes(bytes(data))
    assert "overlap" in _reason(_by_name([tmp_path])["overlap.zip"])


def test_expansion_is_bounded_by_a_ratio_and_a_floor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "RATIO_FLOOR", 1 << 20)
    zeros = b"\0" * (3 << 20)  # deflates over 500 times
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", FILING)
        zf.writestr("b.txt", zeros)
    _tar(tmp_path / "bomb.tar.gz", [(_info("a.txt"), FILING), (_info("b.txt"), zeros)], "w:gz")
    (tmp_path / "fine.zip").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "fine.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", FILING * 20)  # 20 copies deflate well, within the ratio
    got = list(iter_inputs([tmp_path / "bomb.zip", tmp_path / "bomb.tar.gz", tmp_path / "fine.zip"]))
    assert [type(i).__name__ for i in got] == ["Input", "InputError", "Input", "InputError", "Input"]
    assert all("expands past" in i.reason for i in got if isinstance(i, InputError))
    assert archives.expansion_limit(10) == 1 << 20 and archives.expansion_limit(1 << 40) == local.MAX_ARCHIVE_BYTES


def test_a_streamed_member_past_the_limit_is_a_failed_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "RATIO_FLOOR", 1 << 20)
    monkeypatch.setattr(local, "STREAM_MIN_BYTES", 1 << 16)
    with gzip.open(tmp_path / "bomb.txt.gz", "wb") as gz:
        gz.write(b"Item 8.01 Other Events\n" + b"\0" * (4 << 20))
    (item,) = iter_inputs([tmp_path / "bomb.txt.gz"])
    assert isinstance(item, Input) and item.streamed
    (record,) = parse_paths([tmp_path / "bomb.txt.gz"])
    assert [p.code for p in record.problems] == ["unreadable"] and "expands past" in record.problems[0].message


def test_links_devices_and_escaping_names_in_a_tar_are_refused(tmp_path: Path) -> None:
    members = [
        (_info("ok.txt"), FILING),
        (_info("../escape.txt"), FILING),
        (_info("/etc/absolute.txt"), FILING),
        (_info("sym.txt", tarfile.SYMTYPE, "/etc/passwd"), b""),
        (_info("hard.txt", tarfile.LNKTYPE, "ok.txt"), b""),
        (_info("dev.txt", tarfile.CHRTYPE), b""),
    ]
    got = [
        (i.name.split("!")[1], i.reason if isinstance(i, InputError) else "read")
        for i in iter_inputs([_tar(tmp_path / "t.tar", members)])
    ]
    assert got == [
        ("ok.txt", "read"),
        ("../escape.txt", "a path that climbs out of the archive ('..'); not read"),
        ("/etc/absolute.txt", "an absolute path in an archive; not read"),
        ("sym.txt", "a link inside an archive; links are never followed"),
        ("hard.txt", "a link inside an archive; links are never followed"),
        ("dev.txt", "not a regular file (a device or pipe); not read"),
    ]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_links_and_escaping_names_in_a_zip_are_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as zf:
        zf.writestr("ok.txt", FILING)
        zf.writestr("a/../../escape.txt", FILING)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16) | 0
        zf.writestr(link, "/etc/passwd")
    got = {i.name.split("!")[1]: i for i in iter_inputs([tmp_path / "z.zip"])}
    assert isinstance(got["ok.txt"], Input)
    assert "climbs out" in _reason(got["a/../../escape.txt"])
    assert "link" in _reason(got["link.txt"])


def test_an_archive_inside_an_archive_is_not_read_as_a_filing(tmp_path: Path) -> None:
    """An uncompressed tar member used to be parsed as if it were a filing."""
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w") as tar:
        info = tarfile.TarInfo("inner.txt")
        info.size = len(FILING)
        tar.addfile(info, io.BytesIO(FILING))
    members = [
        (_info("seed.txt"), FILING),
        (_info("inner.tar"), inner.getvalue()),
        (_info("disguised.txt"), inner.getvalue()),
        (_info("packed.txt"), gzip.compress(FILING)),
    ]
    got = list(iter_inputs([_tar(tmp_path / "outer.tar", members)]))
    assert isinstance(got[0], Input) and got[0].raw == FILING
    assert [_reason(i) for i in got[1:]] == [
        "an archive inside an archive; nested archives are not opened",
        "holds a tar archive, inside an archive; nested archives are not opened",
        "holds a gzip archive, inside an archive; nested archives are not opened",
    ]
    (tmp_path / "plain.txt").write_bytes(inner.getvalue())
    assert "without an archive's name" in _reason(_by_name([tmp_path / "plain.txt"])["plain.txt"])


def test_a_tar_of_many_tiny_members_is_read_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.tar"
    with tarfile.open(path, "w") as tar:
        for i in range(20_000):
            info = tarfile.TarInfo(f"m{i:05d}.txt")
            info.size = 5
            tar.addfile(info, io.BytesIO(b"x" * 5))
    tracemalloc.start()
    count = sum(1 for _ in iter_inputs([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 20_000
    assert peak < 2 << 20  # the tar's member list is not kept (20,000 headers held would take ~20 MB)


def test_nothing_is_written_next_to_the_archive(tmp_path: Path) -> None:
    path = _tar(tmp_path / "t.tar", [(_info("../../x.txt"), FILING), (_info("y.txt"), FILING)])
    before = sorted(os.listdir(tmp_path))
    list(iter_inputs([path]))
    assert sorted(os.listdir(tmp_path)) == before


def test_a_new_streamed_member_is_decompressed_once_by_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest used to hash a streamed input (reading it whole) before a worker read it again to parse."""
    monkeypatch.setattr(local, "STREAM_MIN_BYTES", 1 << 12)
    (tmp_path / "seed.txt.gz").write_bytes(gzip.compress(FILING))
    opened = []
    real = archives.open_member

    def counting(path: str, member: str, index: int | None = None):  # type: ignore[no-untyped-def]
        opened.append(member)
        return real(path, member, index)

    monkeypatch.setattr(archives, "open_member", counting)
    runs = []
    for _ in range(2):
        with open_store(tmp_path / "s.db") as store:
            report = store.ingest([tmp_path], workers=1)
        runs.append((report.stored, report.skipped, len(opened)))
    assert runs == [(1, 0, 1), (0, 1, 2)]  # a re-run reads it once, to see that its bytes are stored


def test_a_zip_stating_more_entries_than_the_limit_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as zf:
        for i in range(30):
            zf.writestr(f"m{i:02d}.txt", FILING[:100])
    monkeypatch.setattr(archives, "MAX_ZIP_ENTRIES", 29)
    assert "states more than 29 entries" in _reason(_by_name([tmp_path / "many.zip"])["many.zip"])
    monkeypatch.setattr(archives, "MAX_ZIP_ENTRIES", 30)
    assert len(list(iter_inputs([tmp_path / "many.zip"]))) == 30


# --- a large member of a compressed tar is decompressed once --------------------------------------


def _large_submission() -> bytes:
    """A full submission just over STREAM_MIN_BYTES: the seed 8-K, then a uuencoded graphic (which the
    streamed reader leaves out, so parsing it is quick and the test is about decompression)."""
    head = b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n" + FILING + b"\n</TEXT>\n</DOCUMENT>\n"
    line = b"M" + bytes(range(0x21, 0x5D)) + b"\n"
    body = line * ((local.STREAM_MIN_BYTES + (1 << 20)) // len(line))
    graphic = b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<TEXT>\nbegin 644 chart.jpg\n" + body
    graphic += b"end\n</TEXT>\n</DOCUMENT>\n"
    return head + graphic + b"</SEC-DOCUMENT>\n"


class _Decompressed:
    """Counts the bytes gzip's reader decompresses (reads and forward seeks both go through it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bytes = 0
        real = gzip._GzipReader.read  # type: ignore[attr-defined]

        def read(reader, size=-1):  # type: ignore[no-untyped-def]
            got = real(reader, size)
            self.bytes += len(got)
            return got

        monkeypatch.setattr(gzip._GzipReader, "read", read)  # type: ignore[attr-defined]


def test_a_large_member_of_a_tar_gz_is_decompressed_once_by_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk over a .tar.gz must decompress a member to reach the next header; the large member is
    copied to a spool file then, not decompressed again from the archive's start by its parser."""
    large = _large_submission()
    members = [(tarfile.TarInfo("a-small.txt"), FILING), (tarfile.TarInfo("b-large.txt"), large),
               (tarfile.TarInfo("c-small.txt"), FILING.replace(b"ImmunoGen", b"ImmunoGem"))]  # fmt: skip
    archive = _tar(tmp_path / "feed.tar.gz", members, "w:gz")
    whole = sum(len(m[1]) for m in members)
    spool_root = tmp_path / "tmp"
    spool_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_root))
    counted = _Decompressed(monkeypatch)
    with open_store(tmp_path / "s.db") as store:
        report = store.ingest([archive], workers=1)
        assert (report.stored, report.quarantined) == (3, 0), report.failures
        sha = store.conn.execute("SELECT sha256 FROM inputs WHERE name LIKE '%b-large.txt'").fetchone()[0]
    assert sha == hashlib.sha256(large).hexdigest()
    assert counted.bytes < whole + (4 << 20), f"{counted.bytes:,} bytes decompressed for a {whole:,}-byte tar"
    assert not list(spool_root.iterdir())  # the spool folder and its copy are gone


def test_parse_reads_a_spooled_member_like_the_file_itself(tmp_path: Path) -> None:
    large = _large_submission()
    archive = _tar(tmp_path / "feed.tgz", [(tarfile.TarInfo("large.txt"), large)], "w:gz")
    (tmp_path / "large.txt").write_bytes(large)
    spool = tmp_path / "spool"
    spool.mkdir()
    [item] = list(iter_inputs([archive], spool=spool))
    assert isinstance(item, Input) and item.spooled and item.streamed and len(list(spool.iterdir())) == 1
    local.discard(item)
    assert not list(spool.iterdir())
    from_tar, from_file = (f.to_dict() for f in parse_paths([archive, tmp_path / "large.txt"]))
    assert from_tar["source"]["sha256"] == from_file["source"]["sha256"] == hashlib.sha256(large).hexdigest()
    from_tar.pop("source"), from_file.pop("source")
    assert from_tar == from_file


def test_a_plain_tar_member_is_not_spooled(tmp_path: Path) -> None:
    """An uncompressed tar is read again by seeking to the member: nothing to save by copying it."""
    archive = _tar(tmp_path / "feed.tar", [(tarfile.TarInfo("large.txt"), _large_submission())])
    spool = tmp_path / "spool"
    spool.mkdir()
    [item] = list(iter_inputs([archive], spool=spool))
    assert isinstance(item, Input) and not item.spooled and item.member == "large.txt"
    assert not list(spool.iterdir())
