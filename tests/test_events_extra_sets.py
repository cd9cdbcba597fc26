"""The hand-labelled event sets (tests/data/events-extra2 to events-extra4: real texts of companies in no
other set, with gold written by hand, scored by ``benchmarks/events.py``) keep their conventions: every
quote is in its text, every event has its type's fields, every text has a source row and its company one
fixed half. The checker is the sets' shared ``events_check_gold.py``; this runs it on each set and on a
broken copy."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SET = DATA / "events-extra2"


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("events_check_gold", DATA / "events_check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "texts", "events", "per_half"),
    [
        ("events-extra2", 40, 60, 12),
        ("events-extra3", 25, 40, 10),
        ("events-extra4", 25, 40, 10),
        ("events-extra5", 18, 20, 8),
        ("events-extra6", 35, 60, 15),
        ("events-extra7", 35, 70, 16),
        ("events-extra8", 37, 65, 18),
    ],
)
def test_each_set_keeps_its_conventions_and_its_halves(name: str, texts: int, events: int, per_half: int) -> None:
    checker = _checker()
    problems, n_texts, n_events = checker.check_dir(DATA / name)
    assert problems == []
    assert n_texts >= texts and n_events >= events
    split = checker.halves((DATA / name / "README.md").read_text(encoding="utf-8"))
    assert set(split.values()) == {"A", "B"}
    assert min(sum(1 for h in split.values() if h == half) for half in "AB") >= per_half


def test_the_checker_finds_broken_gold(tmp_path: Path) -> None:
    copy = tmp_path / "set"
    shutil.copytree(SET, copy)
    gold_file = next(p for p in sorted((copy / "gold").glob("*.json")) if json.loads(p.read_text())["events"])
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["events"][0]["quotes"] = ["a sentence no text holds"]
    gold["events"][0].pop(next(k for k in gold["events"][0] if k not in ("type", "quotes")))
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    (copy / "texts" / "999.txt").write_text("An orphan text.", encoding="utf-8")
    problems, _, _ = _checker().check_dir(copy)
    assert any("a sentence no text holds" in p for p in problems)
    assert any("missing" in p for p in problems)
    assert any(p.startswith("999.txt") for p in problems)
