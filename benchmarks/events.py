"""Events against the hand-written gold files: precision and recall per event type, accuracy per field,
and every miss.

    .venv/bin/python benchmarks/events.py [--corpus ../shared/corpus]

Gold files are ``gold/<file>.gold.json`` (and the seed's), matched to filings by file name. Events pair
up within a type by their identifying value (parties for deals, person and action for officer changes,
target for acquisitions, counterparty for agreements; one per filing for the rest). Values match after
SCHEMA.md normalization: names case-insensitively without punctuation and corporate suffixes, money by
amount and currency (earnings figures within 0.5%), strings case- and space-insensitively.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eightk import parse_filing  # noqa: E402
from eightk.parse.registrant import norm_name  # noqa: E402

DEALS = ("license", "collaboration", "asset_purchase")
NAME_FIELDS = {"buyer", "target", "former", "new", "counterparty", "person"}


def _key(ev: dict[str, Any]) -> str:
    t = ev["type"]
    if t in DEALS:
        return "|".join(sorted(norm_name(p["name"]) for p in ev.get("parties") or []))
    if t == "officer_change":
        return f"{norm_name(ev.get('person') or '')}|{ev.get('action')}"
    if t == "acquisition":
        return norm_name(ev.get("target") or "")
    if t == "agreement":
        return norm_name(ev.get("counterparty") or "")
    return t


def _same_value(field: str, gold: Any, got: Any, etype: str) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    if field == "parties":
        return {(norm_name(p["name"]), p.get("role")) for p in gold} == {
            (norm_name(p["name"]), p.get("role")) for p in got
        }
    if isinstance(gold, dict) and "amount" in gold:
        if gold.get("currency") != got.get("currency"):
            return False
        tol = 0.005 if etype == "earnings" else 0.0
        ok = abs(float(gold["amount"]) - float(got["amount"])) <= tol * abs(float(gold["amount"]))
        return ok and gold.get("qualifier") == got.get("qualifier") if "qualifier" in gold else ok
    if isinstance(gold, dict):
        return all(_same_value(k, v, got.get(k), etype) for k, v in gold.items())
    if isinstance(gold, float) or isinstance(got, float):
        return abs(float(gold) - float(got)) <= 0.005 * max(abs(float(gold)), 0.01)
    if field in NAME_FIELDS:
        return norm_name(str(gold)) == norm_name(str(got))
    if isinstance(gold, str):
        return " ".join(gold.lower().split()) == " ".join(str(got).lower().split())
    return gold == got


def _pair(gold: list[dict], got: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pairs, left = [], list(got)
    misses = []
    for g in gold:
        match = next((e for e in left if e["type"] == g["type"] and _key(e) == _key(g)), None)
        if match is None:
            match = next((e for e in left if e["type"] == g["type"] and g["type"] not in ("officer_change",)), None)
        if match is None:
            misses.append(g)
        else:
            left.remove(match)
            pairs.append((g, match))
    return pairs, misses, left


def _files(corpus: Path) -> list[tuple[Path, Path]]:
    out = []
    for gold in sorted((corpus / "gold").glob("*.gold.json")) + sorted((corpus / "seed").glob("*.gold.json")):
        base = gold.name[: -len(".gold.json")]
        for cand in (corpus / "filings" / base, corpus / "seed" / base, corpus / "seed" / f"{base}.txt"):
            if cand.exists():
                out.append((gold, cand))
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args(argv)
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    fields: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    lines: list[str] = []
    files = _files(args.corpus)
    for gold_path, filing_path in files:
        gold = json.loads(gold_path.read_text())
        got = parse_filing(filing_path.read_bytes(), name=filing_path.name).to_dict()["events"]
        pairs, misses, extra = _pair(gold.get("events", []), got)
        for g, e in pairs:
            counts[g["type"]]["tp"] += 1
            for name, value in g.items():
                if name in ("type", "quotes", "notes", "other_terms"):
                    continue
                ok = _same_value(name, value, e.get(name), g["type"])
                fields[f"{g['type']}.{name}"]["ok" if ok else "bad"] += 1
                if not ok:
                    lines.append(
                        f"  {filing_path.name[:60]}  {g['type']}.{name}: got {e.get(name)!r}, expected {value!r}"
                    )
        for g in misses:
            counts[g["type"]]["fn"] += 1
            lines.append(f"  {filing_path.name[:60]}  missed {g['type']} {_key(g)!r}")
        for e in extra:
            counts[e["type"]]["fp"] += 1
            lines.append(f"  {filing_path.name[:60]}  extra {e['type']} {_key(e)!r}")
    print(f"eightk events vs gold — {len(files)} gold files from {args.corpus}\n")
    print(f"{'type':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    for t in sorted(counts):
        c = counts[t]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:<16}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{p:>11.2f}{r:>8.2f}{f1:>7.2f}")
    deal = collections.Counter[str]()
    for t in DEALS:
        deal.update(counts.get(t, {}))
    if deal:
        p = deal["tp"] / (deal["tp"] + deal["fp"]) if deal["tp"] + deal["fp"] else 0.0
        r = deal["tp"] / (deal["tp"] + deal["fn"]) if deal["tp"] + deal["fn"] else 0.0
        print(f"{'deals (all)':<16}{deal['tp']:>5}{deal['fp']:>5}{deal['fn']:>5}{p:>11.2f}{r:>8.2f}")
    money = [
        (k, c)
        for k, c in fields.items()
        if k.split(".")[0] in DEALS and k.split(".")[1] in ("upfront", "milestones", "equity", "total_value")
    ]
    ok = sum(c["ok"] for _, c in money)
    total = sum(c["ok"] + c["bad"] for _, c in money)
    print(f"\ndeal money fields exact: {ok}/{total}")
    print("\nfield accuracy on matched events:")
    for k in sorted(fields):
        c = fields[k]
        print(f"  {k:<36}{c['ok']:>4}/{c['ok'] + c['bad']:<4}")
    print(f"\nmisses ({len(lines)}):")
    print("\n".join(lines))
    _provenance(args.corpus)
    return 0


def _provenance(corpus: Path) -> None:
    """Every value of every event over the whole corpus: a span whose quote is the text at its offsets."""
    files = [p for p in sorted((corpus / "filings").iterdir()) if p.is_file() and not p.name.endswith((".tsv", ".md"))]
    events = values = bad = 0
    for path in files:
        filing = parse_filing(path.read_bytes(), name=path.name)
        texts = {d.sequence: d.text for d in filing.documents}
        for ev in filing.events:
            events += 1
            covered = {v.field.split(".")[0] for v in ev.values}
            data = ev.__class__.__dataclass_fields__
            for name in data:
                value = getattr(ev, name)
                if name in ("type", "evidence", "values", "other_terms") or value in (None, (), []):
                    continue
                values += 1
                if name not in covered:
                    bad += 1
                    print(f"  no span: {path.name} {ev.type}.{name}")
            for v in ev.values:
                if v.span is None or texts[v.span.doc][v.span.start : v.span.end] != v.span.quote:
                    bad += 1
                    print(f"  bad span: {path.name} {ev.type}.{v.field}")
    print(
        f"\nprovenance over the whole corpus: {len(files)} filings, {events} events, {values} values,"
        f" {bad} without a true span"
    )


if __name__ == "__main__":
    sys.exit(main())
