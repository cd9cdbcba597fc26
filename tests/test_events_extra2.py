"""The events-extra2 set (tests/data/events-extra2: real texts of companies in no other set, with gold
written by hand, scored by ``benchmarks/events.py``) keeps its conventions: every quote is in its text,
every event has its type's fields, every text has a source row and its company one fixed half. The
checker is the set's own ``check_gold.py``; this runs it on the set and on a broken copy."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

SET = Path(__file__).parent / "data" / "events-extra2"


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_gold_events2", SET / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_set_keeps_its_conventions() -> None:
    problems, n_texts, n_events = _checker().check_dir(SET)
    assert problems == []
    assert n_texts >= 40 and n_events >= 60


def test_both_halves_hold_companies_and_officer_changes() -> None:
    checker = _checker()
    split = checker.halves((SET / "README.md").read_text(encoding="utf-8"))
    assert set(split.values()) == {"A", "B"}
    assert sum(1 for h in split.values() if h == "A") >= 12 and sum(1 for h in split.values() if h == "B") >= 12


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


def test_the_officer_set_extra3_keeps_its_conventions() -> None:
    # tests/data/events-extra3: 28 officer-change texts of other companies, same layout and checker
    folder = SET.parent / "events-extra3"
    spec = importlib.util.spec_from_file_location("check_gold_events3", folder / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems, n_texts, n_events = module.check_dir(folder)
    assert problems == [] and n_texts >= 25 and n_events >= 40


def test_the_officer_set_extra4_keeps_its_conventions() -> None:
    # tests/data/events-extra4: 27 officer-change texts of other companies, same layout and checker
    folder = SET.parent / "events-extra4"
    spec = importlib.util.spec_from_file_location("check_gold_events4", folder / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems, n_texts, n_events = module.check_dir(folder)
    assert problems == [] and n_texts >= 25 and n_events >= 40
