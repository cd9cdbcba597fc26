"""No traceback from any command (issue 10): each command is run as a real process with bad paths, bad
options and hostile inputs (those of tests/test_bad_input.py and a few more); each must end with an exit
code of 0, 1 or 2 and say what went wrong in plain words, never with a Python traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

EIGHTK = [sys.executable, "-m", "eightk"]
FULL = SAMPLES / "1990s" / "ryankfrench__0000891618-95-000727.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EIGHTK, *args], capture_output=True, text=True, timeout=300, check=False, cwd=cwd)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of hostile inputs, one per kind."""
    folder = tmp_path_factory.mktemp("hostile")
    rng = random.Random(10)
    full = FULL.read_bytes()
    files = {
        "empty.txt": b"",
        "binary.bin": bytes(rng.getrandbits(8) for _ in range(20_000)),
        "truncated.txt": full[: len(full) // 3],
        "cr-only.txt": full.replace(b"\r\n", b"\n").replace(b"\n", b"\r"),
        "long-reference.htm": b"<html><body><p>&#" + b"9" * 6000 + b";</p></body></html>",
        "unclosed.htm": b"<div style='display:inline'>" * 3000 + b"<td/>" * 3000,
        "utf16.txt": "\ufeffFORM 8-K\nItem 8.01 Other Events\n".encode("utf-16"),
        "nul-name \u00e9.txt": b"\x00" * 100,
        "broken.zip": b"PK\x03\x04" + b"\x00" * 50,
        "broken.tar.gz": b"\x1f\x8b" + b"\x00" * 50,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "unreadable.txt").write_bytes(b"FORM 8-K")
    (folder / "unreadable.txt").chmod(0)
    return folder


def _assert_clean(out: subprocess.CompletedProcess[str], what: str) -> None:
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout, f"{what}:\n{out.stderr[-2000:]}"
    assert out.returncode in (0, 1, 2), f"{what}: exit {out.returncode}\n{out.stderr[-2000:]}"
    if out.returncode:
        assert out.stderr.strip(), f"{what}: exit {out.returncode} with nothing on stderr"


def test_parse_and_text_on_hostile_inputs(hostile: Path) -> None:
    for path in sorted(hostile.iterdir()):
        for args in (["parse", str(path)], ["parse", "--jsonl", str(path)], ["text", str(path)]):
            _assert_clean(run(*args), " ".join(args))
    _assert_clean(run("parse", "--summary", str(hostile)), "parse --summary (folder)")


def test_ingest_then_every_store_command(hostile: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "h.db")
    _assert_clean(run("ingest", str(hostile), str(FULL), "--db", db, "--workers", "1"), "ingest")
    for args in (
        ["search", "cisco", "--db", db],
        ["search", '"unclosed phrase', "--db", db],
        ["search", "AND OR NOT", "--db", db],
        ["search", "*", "--db", db],
        ["show", "1", "--db", db],
        ["show", "no-such-filing", "--db", db],
        ["export", "--level", "event", "--db", db],
        ["export", "--format", "csv", "--level", "item", "--db", db],
        ["stats", "--db", db],
        ["reparse", "--db", db, "--workers", "1"],
    ):
        _assert_clean(run(*args), " ".join(args))


BAD_PATH = "/no/such/place/x.txt"


@pytest.mark.parametrize(
    "args",
    [
        ["parse", BAD_PATH],
        ["parse", "{tmp}/empty-folder"],
        ["text", BAD_PATH],
        ["text", str(SAMPLES)],
        ["text", str(FULL), "--doc", "99"],
        ["text", str(FULL), "--doc", "x"],
        ["ingest", BAD_PATH, "--db", "{tmp}/a.db"],
        ["ingest", str(FULL), "--db", "/no/such/folder/a.db"],
        ["ingest", str(FULL), "--workers", "0", "--db", "{tmp}/a.db"],
        ["search", "x", "--db", "{tmp}/not-a-db.txt"],
        ["search", "x", "--from", "yesterday", "--db", "{tmp}/a.db"],
        ["search", "x", "--min-amount", "lots", "--db", "{tmp}/a.db"],
        ["search", "x", "--limit", "0", "--db", "{tmp}/a.db"],
        ["show", "1", "--db", "{tmp}/not-a-db.txt"],
        ["export", "--format", "xml", "--db", "{tmp}/a.db"],
        ["export", "--format", "parquet", "--db", "{tmp}/a.db"],
        ["export", "--format", "csv", "-o", "/no/such/folder/x.csv", "--db", "{tmp}/a.db"],
        ["stats", "--db", "{tmp}/not-a-db.txt"],
        ["reparse", "--db", "{tmp}/not-a-db.txt"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_paths_and_options(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "not-a-db.txt").write_text("this is not a database\n" * 100)
    (tmp_path / "empty-folder").mkdir()
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    _assert_clean(run(*args, cwd=tmp_path), " ".join(args))
