#!/usr/bin/env python3
"""Check the hand-labelled event sets (events-extra2, events-extra3, events-extra4): in each, texts, gold,
SOURCES.tsv and the README's halves agree.

  python3 tests/data/events_check_gold.py [DIR ...]      (default: every events-extra2+ set beside this file)

For every texts/NNN.txt: UTF-8, at most 8,000 bytes, and gold/NNN.gold.json names it; each event has the
fields of its type (SCHEMA.md), well-formed values (actions, ISO dates, money, a number for EPS); every
quote is a substring of the text once runs of whitespace are collapsed. SOURCES.tsv has one row per text
(file, url, company, year, query); the README's half table puts every company in exactly one half.
Prints one line per problem and exits 1 if there is any; prints a summary otherwise.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

FIELDS = {
    "officer_change": ("person", "role", "action", "effective"),
    "acquisition": ("buyer", "target", "consideration", "status", "completed"),
    "agreement": ("counterparty", "agreement_type"),
    "earnings": ("period_end", "revenue", "net_income", "eps"),
}
ACTIONS = {"appointed", "departed", "elected", "retired"}
STATUSES = {"agreed", "completed", "terminated"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
MONEY = ("consideration", "revenue", "net_income")
DATES = ("effective", "completed", "period_end")


def _flat(text: str) -> str:
    return " ".join(text.split())


def check_event(where: str, ev: dict, text: str) -> list[str]:
    """Problems with one gold event: its fields, their forms, and its quotes against the text."""
    kind = ev.get("type")
    if kind not in FIELDS:
        return [f"{where}: unknown type {kind!r}"]
    problems = [f"{where}: missing {f}" for f in (*FIELDS[kind], "quotes") if f not in ev]
    if kind == "officer_change" and ev.get("action") not in ACTIONS:
        problems.append(f"{where}: action {ev.get('action')!r}")
    if kind == "acquisition" and ev.get("status") not in STATUSES:
        problems.append(f"{where}: status {ev.get('status')!r}")
    for f in DATES:
        if ev.get(f) is not None and not DATE.match(str(ev[f])):
            problems.append(f"{where}: {f} {ev[f]!r} is not an ISO date")
    for f in MONEY:
        v = ev.get(f)
        if v is not None and not (
            isinstance(v, dict) and isinstance(v.get("amount"), (int, float)) and v.get("currency") == "USD"
        ):
            problems.append(f"{where}: {f} {v!r} is not money")
    if ev.get("eps") is not None and not isinstance(ev["eps"], (int, float)):
        problems.append(f"{where}: eps {ev['eps']!r} is not a number")
    if not ev.get("quotes"):
        problems.append(f"{where}: no quotes")
    flat = _flat(text)
    problems += [f"{where}: quote not in text: {q!r}" for q in ev.get("quotes", []) if _flat(q) not in flat]
    return problems


def halves(readme: str) -> dict[str, str]:
    """Company -> half, from the README's table rows ``| A | company | files |``."""
    out: dict[str, str] = {}
    for line in readme.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in ("A", "B"):
            out[cells[1]] = cells[0]
    return out


def check_dir(root: Path) -> tuple[list[str], int, int]:
    """(problems, number of texts, number of gold events) for one set directory."""
    problems: list[str] = []
    texts = sorted((root / "texts").glob("*.txt"))
    with (root / "SOURCES.tsv").open(newline="", encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    split = halves((root / "README.md").read_text(encoding="utf-8"))
    n_events = 0
    for path in texts:
        raw = path.read_bytes()
        if len(raw) > 8000:
            problems.append(f"{path.name}: {len(raw)} bytes, over 8,000")
        text = raw.decode("utf-8")
        gold_path = root / "gold" / f"{path.stem}.gold.json"
        if not gold_path.exists():
            problems.append(f"{path.name}: no gold file")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("file") != path.name:
            problems.append(f"{gold_path.name}: names {gold.get('file')!r}")
        for i, ev in enumerate(gold.get("events", [])):
            problems += check_event(f"{gold_path.name} event {i}", ev, text)
            n_events += 1
        row = rows.get(path.name)
        if row is None or not row.get("url", "").startswith("http"):
            problems.append(f"{path.name}: no SOURCES.tsv row with a URL")
        elif row["company"] not in split:
            problems.append(f"{path.name}: company {row['company']!r} is in no half of the README")
    problems += [f"SOURCES.tsv: {f} has no text" for f in rows if not (root / "texts" / f).exists()]
    return problems, len(texts), n_events


SETS = tuple(f"events-extra{n}" for n in range(2, 9))


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv[1:]] or [Path(__file__).parent / s for s in SETS]
    failed = False
    for root in roots:
        problems, n_texts, n_events = check_dir(root)
        print("\n".join(f"{root.name}: {p}" for p in problems) if problems else
              f"{root.name} ok: {n_texts} texts, {n_events} gold events")  # fmt: skip
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
