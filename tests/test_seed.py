"""The seed (ImmunoGen/Genentech, May 2000) must read perfectly: every field of its gold file.

The gold file is ../shared/corpus/seed's, copied to tests/data/seed.gold.json. Its ``events`` are
checked by the events tests; everything else here, field for field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eightk import parse_filing
from tests.conftest import SEED

GOLD = json.loads((Path(__file__).parent / "data" / "seed.gold.json").read_text(encoding="utf-8"))


def _subset(gold: Any, got: Any, where: str) -> list[str]:
    """Every gold value must equal the record's; lists element by element (same length)."""
    if isinstance(gold, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected an object, got {got!r}"]
        return [m for k, v in gold.items() for m in _subset(v, got.get(k, "<missing>"), f"{where}.{k}")]
    if isinstance(gold, list):
        if not isinstance(got, list) or len(got) != len(gold):
            return [f"{where}: expected {len(gold)} entries, got {got!r}"]
        return [m for i, (g, r) in enumerate(zip(gold, got, strict=True)) for m in _subset(g, r, f"{where}[{i}]")]
    return [] if gold == got else [f"{where}: expected {gold!r}, got {got!r}"]


def test_seed_matches_gold_field_for_field() -> None:
    record = parse_filing(SEED.read_bytes(), name=SEED.name).to_dict()
    gold = {k: v for k, v in GOLD.items() if k != "events"}
    assert _subset(gold, record, "seed") == []
    assert record["problems"] == []


def test_seed_spans_quote_the_normalized_text() -> None:
    filing = parse_filing(SEED.read_bytes(), name=SEED.name)
    text = filing.text(1)
    for it in filing.items:
        assert it.span.quote == text[it.span.start : it.span.end]
        assert it.span.quote.upper().startswith("ITEM")
    assert "Page 2 of 6" not in text
    assert "- ---" not in text
    item5 = filing.items[0].span.quote
    assert "up to $40 million" in " ".join(item5.split())
    assert "SIGNATURE" not in item5
