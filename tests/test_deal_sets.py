"""The extra deal sets (tests/data/deals/extra*, real passages with hand-written gold that
``benchmarks/deals.py`` scores) keep the dev set's conventions: every quote, party name and alias is an
exact substring of its text, the gold has the dev set's shape, and SOURCES.tsv lists every text with its URL.
The checker is the sets' own ``check_gold.py``; this runs it on each set and on a broken copy."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

DEALS = Path(__file__).parent / "data" / "deals"


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_gold", DEALS / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "texts", "events"),
    [
        ("extra", 40, 30),
        ("extra2", 40, 30),
        ("extra3", 40, 30),
        ("extra4", 40, 35),
        ("extra6", 40, 30),
        ("extra5", 40, 30),
        ("extra7", 40, 30),
        ("extra8", 40, 35),
        ("extra9", 33, 26),
        ("extra10", 36, 27),
        ("extra11", 40, 33),
    ],  # fmt: skip
)
def test_each_extra_set_keeps_the_conventions(name: str, texts: int, events: int) -> None:
    problems, n_texts, n_events = _checker().check_dir(DEALS / name)
    assert problems == []
    assert n_texts >= texts and n_events >= events


def test_the_checker_finds_a_quote_that_is_not_in_the_text(tmp_path: Path) -> None:
    copy = tmp_path / "extra"
    shutil.copytree(DEALS / "extra", copy)
    gold_file = next(p for p in sorted((copy / "gold").glob("*.json")) if json.loads(p.read_text())["events"])
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["events"][0]["quotes"] = ["a sentence no passage holds"]
    gold["events"][0]["parties"][0]["role"] = "owner"
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    problems, _, _ = _checker().check_dir(copy)
    assert any("a sentence no passage holds" in p for p in problems)
    assert any("owner" in p for p in problems)
