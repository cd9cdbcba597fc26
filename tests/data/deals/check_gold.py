#!/usr/bin/env python3
"""Check the extra deal sets: texts, gold and SOURCES.tsv agree with the conventions of the dev set.

  python3 tests/data/deals/check_gold.py [DIR ...]     (default: the extra sets beside this file)

For every texts/NNN.txt: the text is UTF-8 and at most 2,000 bytes; gold/NNN.txt.gold.json exists, names its
file, and each event has every field of the gold shape; types, roles and money are well formed; every quote,
party name and alias is an exact substring of the text. SOURCES.tsv has one row per text and no other.
Prints one line per problem and exits 1 if there is any; prints a summary otherwise.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

TYPES = {"license", "collaboration", "asset_purchase"}
ROLES = {"licensor", "licensee", "partner", "buyer", "seller"}
FIELDS = (
    "type",
    "parties",
    "exclusive",
    "territory",
    "subject",
    "field",
    "upfront",
    "milestones",
    "royalties",
    "equity",
    "total_value",
    "other_terms",
    "quotes",
)
MONEY = ("upfront", "milestones", "equity", "total_value")


def check_money(where: str, value: object) -> list[str]:
    """Problems with one money field: null or {amount: number > 0, currency: 3 letters, qualifier?}."""
    if value is None:
        return []
    if not isinstance(value, dict) or set(value) - {"amount", "currency", "qualifier"}:
        return [f"{where}: money must be an object with amount, currency, qualifier?"]
    amount, currency = value.get("amount"), value.get("currency")
    problems = []
    if not isinstance(amount, (int, float)) or amount <= 0:
        problems.append(f"{where}: amount {amount!r} is not a positive number")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isupper()):
        problems.append(f"{where}: currency {currency!r} is not an ISO code")
    return problems


def check_parties(where: str, parties: list[dict], text: str) -> list[str]:
    """Problems with an event's parties: roles known, every name and alias an exact substring of the text."""
    problems = []
    for party in parties:
        if party.get("role") not in ROLES:
            problems.append(f"{where}: role {party.get('role')!r} of {party.get('name')!r}")
        problems += [f"{where}: alt role {alt!r}" for alt in party.get("alt_roles", []) if alt not in ROLES]
        for name in [party.get("name")] + party.get("aliases", []):
            if not isinstance(name, str) or name not in text:
                problems.append(f"{where}: party name {name!r} is not in the text")
    return problems


def check_royalties(where: str, royalties: dict | None) -> list[str]:
    """Problems with a royalties field: null or {mentioned, rate_low, rate_high} with rates as fractions."""
    if royalties is None:
        return []
    if set(royalties) != {"mentioned", "rate_low", "rate_high"}:
        return [f"{where}: royalties must have mentioned, rate_low, rate_high"]
    rates = (royalties["rate_low"], royalties["rate_high"])
    return [
        f"{where}: royalty rate {rate} is not a fraction" for rate in rates if rate is not None and not 0 < rate < 1
    ]


def check_event(where: str, event: dict, text: str) -> list[str]:
    """Problems with one gold event against its passage text."""
    problems = [f"{where}: missing field {f}" for f in FIELDS if f not in event]
    if event.get("type") not in TYPES:
        problems.append(f"{where}: type {event.get('type')!r}")
    if event.get("exclusive") not in (True, False, None):
        problems.append(f"{where}: exclusive must be true, false or null")
    problems += check_parties(where, event.get("parties", []), text)
    problems += [f"{where}: quote not in the text: {q[:60]!r}" for q in event.get("quotes", []) if q not in text]
    if not event.get("quotes"):
        problems.append(f"{where}: no quotes")
    for field in MONEY:
        problems += check_money(f"{where} {field}", event.get(field))
    problems += check_royalties(where, event.get("royalties"))
    return problems


def check_dir(base: Path) -> tuple[list[str], int, int]:
    """All problems of a set directory, with the count of passages and of events."""
    problems: list[str] = []
    texts = sorted((base / "texts").glob("*.txt"))
    n_events = 0
    for path in texts:
        raw = path.read_bytes()
        if len(raw) > 2000:
            problems.append(f"{path.name}: {len(raw)} bytes, more than 2,000")
        text = raw.decode("utf-8")
        gold_path = base / "gold" / f"{path.name}.gold.json"
        if not gold_path.exists():
            problems.append(f"{path.name}: no gold file")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("file") != path.name:
            problems.append(f"{gold_path.name}: file field {gold.get('file')!r}")
        for i, event in enumerate(gold.get("events", [])):
            problems += check_event(f"{path.name} event {i}", event, text)
            n_events += 1
    with open(base / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    listed = [row["file"] for row in rows]
    names = [p.name for p in texts]
    if sorted(listed) != names:
        problems.append(f"SOURCES.tsv lists {sorted(set(listed) ^ set(names))} differently from texts/")
    for row in rows:
        if not row.get("url", "").startswith("http"):
            problems.append(f"SOURCES.tsv {row['file']}: no url")
    return problems, len(texts), n_events


SETS = ("extra", "extra2", "extra3", "extra4", "extra5", "extra6", "extra7", "extra8", "extra9", "extra10", "extra11")


def main() -> int:
    here = Path(__file__).resolve().parent
    bases = [Path(a) for a in sys.argv[1:]] or [here / name for name in SETS]
    failed = False
    for base in bases:
        problems, n_texts, n_events = check_dir(base)
        for problem in problems:
            print(f"{base.name}: {problem}")
        failed = failed or bool(problems)
        if not problems:
            print(f"{base.name} ok: {n_texts} passages, {n_events} events")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
