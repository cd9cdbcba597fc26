"""Golden files per era: every sample filing has its expected record next to it.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and read the diff before committing.
A missing expected file fails; it is never skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eightk import parse_filing
from tests.conftest import SAMPLES, sample_files

FILES = sample_files()


def _record(path: Path) -> dict:
    rec = parse_filing(path.read_bytes(), name=path.relative_to(SAMPLES).as_posix()).to_dict()
    return json.loads(json.dumps(rec, ensure_ascii=False))


def test_enough_golden_filings_across_eras_and_formats() -> None:
    formats = {parse_filing(p.read_bytes(), events=False).source.format for p in FILES}
    eras = {p.parent.name for p in FILES}
    assert len(FILES) >= 40
    assert formats >= {"text", "sgml", "html", "ixbrl"}
    assert eras >= {"1990s", "2000s", "2010s", "2020s"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_golden(path: Path, update_golden: bool) -> None:
    expected_path = path.with_name(path.name + ".expected.json")
    got = _record(path)
    if update_golden:
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"missing {expected_path.name}: run pytest --update-golden and review it"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    for key in expected:
        assert got.get(key) == expected[key], f"{path.name}: field {key!r} differs from {expected_path.name}"
    assert set(got) == set(expected)
