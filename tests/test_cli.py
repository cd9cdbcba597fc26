"""The command line: parse over files, directories and archives; text; exit codes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from tests.conftest import SAMPLES, SEED

IXBRL = SAMPLES / "2020s" / "nasdaq-report__0001045810-22-000005__nvda-20220208.htm"


def eightk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eightk", *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_parse_jsonl_one_record_per_line() -> None:
    proc = eightk("parse", "--jsonl", str(SEED), str(IXBRL))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    names = [json.loads(line)["registrant"]["name"] for line in lines]
    assert names == ["ImmunoGen, Inc.", "NVIDIA CORPORATION"]


def test_parse_reads_archives(tmp_path: Path) -> None:
    tgz = tmp_path / "batch.tar.gz"
    with tarfile.open(tgz, "w:gz") as tar:
        tar.add(SEED, arcname="a/seed.txt")
        tar.add(IXBRL, arcname="a/nvda.htm")
    zpath = tmp_path / "batch.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(SEED, "seed.txt")
    gz = tmp_path / "seed.txt.gz"
    gz.write_bytes(gzip.compress(SEED.read_bytes()))
    proc = eightk("parse", "--jsonl", str(tgz), str(zpath), str(gz))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 4
    assert records[0]["source"]["path"].endswith("batch.tar.gz!a/seed.txt")
    assert {r["source"]["sha256"] for r in records if r["registrant"]["name"] == "ImmunoGen, Inc."} == {
        json.loads(eightk("parse", "--jsonl", str(SEED)).stdout)["source"]["sha256"]
    }


def test_broken_archive_is_an_error_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "broken.tar.gz"
    bad.write_bytes(gzip.compress(b"not a tar")[:20])
    proc = eightk("parse", "--jsonl", str(bad), str(SEED))
    assert proc.returncode == 1
    assert "broken.tar.gz" in proc.stderr
    assert "ImmunoGen, Inc." in proc.stdout


def test_summary_names_items_and_problems() -> None:
    proc = eightk("parse", "--summary", str(SAMPLES / "1990s"))
    assert proc.returncode == 0, proc.stderr
    assert "Read 4 filings" in proc.stdout
    assert "2.01" in proc.stdout


def test_text_prints_normalized_document() -> None:
    proc = eightk("text", str(SEED), "--doc", "1")
    assert proc.returncode == 0
    assert proc.stdout.startswith("=====")
    assert "Page 1 of 6" not in proc.stdout
    full = SAMPLES / "2010s" / "ryankfrench__0001193125-11-009392.txt"
    ex = eightk("text", str(full), "--doc", "2")
    assert ex.returncode == 0 and "<" not in ex.stdout[:2000]


def test_usage_errors_exit_2() -> None:
    assert eightk("parse").returncode == 2
    missing_doc = eightk("text", str(SEED), "--doc", "9")
    assert missing_doc.returncode == 2
    assert "no document 9" in missing_doc.stderr
    assert eightk("frobnicate").returncode == 2


def test_record_round_trips_through_json() -> None:
    from eightk import Filing, parse_filing

    filing = parse_filing(IXBRL.read_bytes(), name=IXBRL.name)
    again = Filing.from_dict(json.loads(json.dumps(filing.to_dict())))
    assert again.to_dict() == filing.to_dict()


def test_public_api_is_explicit() -> None:
    import types

    import eightk

    public = {n for n, v in vars(eightk).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    public.discard("annotations")
    assert public == set(eightk.__all__) - {"__version__"}
    for name in eightk.__all__:
        assert hasattr(eightk, name), name
