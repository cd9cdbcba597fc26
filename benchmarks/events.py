"""Events against the hand-written gold files: precision and recall per event type, accuracy per field,
and every miss.

    .venv/bin/python benchmarks/events.py [--corpus ../shared/corpus]

Gold files are ``gold/<file>.gold.json`` (and the seed's), matched to filings by file name. Events pair
up within a type by their identifying value (parties for deals, person and action for officer changes,
target for acquisitions, counterparty for agreements; one per filing for the rest). Values match after
SCHEMA.md normalization: names case-insensitively without punctuation and corporate suffixes, money by
amount and currency (earnings figures within 0.5%), strings case- and space-insensitively.

The gold is split by company into two fixed halves, as ``benchmarks/deals.py`` splits the deal set: a
file's company is its CIK (the manifest's ``cik``; for a file without one, the CIK of another gold file
of the same registrant name, else that name), and the file is in the *tune* half when crc32 of that key
is even, else in the *measure* half. Rules are written while reading tune-half files only; the measure
half is only scored. Every figure is printed for both halves and for all. Every miss of the tune half is
listed (``t``); a miss of the measure half is shown only as its kind (``m``: the field, or missed/extra and
the type), never with names or values, so that no rule is written from it. ``--half`` limits the list.

A third set, *extra* (``tests/data/events-extra/``, see its SOURCES.md), holds gold written for this
benchmark on corpus filings of tune-half companies that have no gold in the corpus. It is scored on its own
row for the four event families it was written for (officer_change, acquisition, earnings, agreement);
other types found in those filings are not counted. Its misses are listed (``x``).

More sets, *extra2* to *extra8* (``tests/data/events-extra2/`` to ``events-extra8/``, see their
READMEs; extra3 and extra4 hold officer changes only), hold bare texts of companies in
no other set, parsed as a user's file is (``parse_filing`` on the text's bytes). It is scored for the same
four families in two rows per set fixed by company in its README: ``extraN-A`` (rules may be written from them;
their misses are listed, ``aN``) and ``extraN-B`` (scored only: counts, no miss lines). A held-out set
(``HELD_OUT``: extra6, extra8) is scored only, both halves: no miss line of it is printed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eightk import parse_filing  # noqa: E402
from eightk.parse.registrant import norm_name  # noqa: E402

DEALS = ("license", "collaboration", "asset_purchase")
# families the gold files predate: counted, not scored (an event of these types is no false positive)
UNSCORED = ("shareholder_vote", "dividend")
NAME_FIELDS = {"buyer", "target", "former", "new", "counterparty", "person"}
# the families the extra set was written for; other types in its filings are not counted
EXTRA_TYPES = ("officer_change", "acquisition", "earnings", "agreement")


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


def _extra_files(corpus: Path, extra: Path) -> list[tuple[Path, Path]]:
    """The extra set's gold files, each with its corpus filing (same file name)."""
    out = []
    for gold in sorted(extra.glob("*.gold.json")) if extra.is_dir() else []:
        filing = corpus / "filings" / gold.name[: -len(".gold.json")]
        if filing.exists():
            out.append((gold, filing))
    return out


HELD_OUT = ("extra6", "extra8")  # sets never read while writing rules: counts only


def _extra2_files(extra2: Path) -> list[tuple[Path, Path, str]]:
    """The extra2 set's (gold, text, half) triples; the half is the README table's letter for the text's
    company (SOURCES.tsv), ``A`` or ``B``."""
    if not (extra2 / "SOURCES.tsv").exists():
        return []
    with (extra2 / "SOURCES.tsv").open(newline="", encoding="utf-8") as fh:
        company = {r["file"]: r["company"] for r in csv.DictReader(fh, delimiter="\t")}
    half: dict[str, str] = {}
    for line in (extra2 / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in ("A", "B"):
            half[cells[1]] = cells[0]
    out = []
    for text in sorted((extra2 / "texts").glob("*.txt")):
        gold = extra2 / "gold" / f"{text.stem}.gold.json"
        if gold.exists() and company.get(text.name) in half:
            out.append((gold, text, half[company[text.name]]))
    return out


def company_halves(corpus: Path, files: list[tuple[Path, Path]]) -> dict[Path, str]:
    """Gold file → ``tune`` or ``measure``, fixed by the filing's company (its CIK), never by the file."""
    ciks: dict[str, str] = {}
    manifest = corpus / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as fh:
            ciks = {row["file"]: row["cik"].lstrip("0") for row in csv.DictReader(fh, delimiter="\t")}
    names: dict[Path, str] = {}
    by_name: dict[str, str] = {}
    for gold, filing in files:
        name = norm_name((json.loads(gold.read_text()).get("registrant") or {}).get("name") or "")
        names[gold] = name
        if ciks.get(filing.name):
            by_name.setdefault(name, ciks[filing.name])
    out = {}
    for gold, filing in files:
        key = ciks.get(filing.name) or by_name.get(names[gold]) or names[gold]
        out[gold] = "tune" if zlib.crc32(key.encode()) % 2 == 0 else "measure"
    return out


class Tally:
    """Counts of one half: tp/fp/fn per event type, ok/bad per field."""

    def __init__(self) -> None:
        self.files = 0
        self.unscored: collections.Counter[str] = collections.Counter()
        self.counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.fields: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)

    def add(self, pairs: list[tuple[dict, dict]], misses: list[dict], extra: list[dict]) -> list[str]:
        """Count one file; returns its miss lines (field, missed event, extra event)."""
        self.files += 1
        lines = []
        for g, e in pairs:
            self.counts[g["type"]]["tp"] += 1
            for name, value in g.items():
                if name in ("type", "quotes", "notes", "other_terms"):
                    continue
                ok = _same_value(name, value, e.get(name), g["type"])
                self.fields[f"{g['type']}.{name}"]["ok" if ok else "bad"] += 1
                if not ok:
                    lines.append(f"{g['type']}.{name}: got {e.get(name)!r}, expected {value!r}")
        for g in misses:
            self.counts[g["type"]]["fn"] += 1
            lines.append(f"missed {g['type']} {_key(g)!r}")
        for e in extra:
            self.counts[e["type"]]["fp"] += 1
            lines.append(f"extra {e['type']} {_key(e)!r}")
        return lines

    def report(self, title: str) -> None:
        print(f"\n== {title}: {self.files} gold files")
        print(f"{'type':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
        deal = collections.Counter[str]()
        for t in sorted(self.counts):
            print(_row(t, self.counts[t]))
            if t in DEALS:
                deal.update(self.counts[t])
        if deal:
            print(_row("deals (all)", deal))
        if self.unscored:
            print(
                "not in the gold (found, not scored): "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.unscored.items()))
            )
        print("field accuracy on matched events:")
        for k in sorted(self.fields):
            c = self.fields[k]
            n = c["ok"] + c["bad"]
            print(f"  {k:<36}{c['ok']:>4}/{n:<4}{c['ok'] / n:>6.2f}")


def _row(name: str, c: collections.Counter[str]) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<16}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{p:>11.2f}{r:>8.2f}{f1:>7.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--extra", type=Path, default=ROOT / "tests" / "data" / "events-extra")
    ap.add_argument("--extra2", type=Path, default=ROOT / "tests" / "data" / "events-extra2")
    ap.add_argument("--extra3", type=Path, default=ROOT / "tests" / "data" / "events-extra3")
    ap.add_argument("--extra4", type=Path, default=ROOT / "tests" / "data" / "events-extra4")
    ap.add_argument("--extra5", type=Path, default=ROOT / "tests" / "data" / "events-extra5")
    ap.add_argument("--extra6", type=Path, default=ROOT / "tests" / "data" / "events-extra6")
    ap.add_argument("--extra7", type=Path, default=ROOT / "tests" / "data" / "events-extra7")
    ap.add_argument("--extra8", type=Path, default=ROOT / "tests" / "data" / "events-extra8")
    ap.add_argument(
        "--half",
        choices=("tune", "measure", "extra", *(f"extra{n}-A" for n in (2, 3, 4, 5, 7)), "all"),
        default="all",
        help="which misses to list",
    )
    ap.add_argument("--no-provenance", action="store_true", help="skip the span check over the whole corpus")
    args = ap.parse_args(argv)
    files = _files(args.corpus)
    half = company_halves(args.corpus, files)
    tallies = {"tune": Tally(), "measure": Tally(), "all": Tally(), "extra": Tally()}
    for n in ("extra2", "extra3", "extra4", "extra5", "extra6", "extra7", "extra8"):
        tallies.update({f"{n}-A": Tally(), f"{n}-B": Tally()})
    lines: list[str] = []
    for gold_path, filing_path in files:
        pairs, misses, extra = _score(gold_path, filing_path, (tallies["all"], tallies[half[gold_path]]))
        tallies["all"].add(pairs, misses, extra)
        found = tallies[half[gold_path]].add(pairs, misses, extra)
        if args.half in ("all", half[gold_path]):
            if half[gold_path] == "measure":
                found = [_kind_only(x) for x in found]
            lines += [f"  {half[gold_path][0]} {filing_path.name[:60]}  {x}" for x in found]
    for gold_path, filing_path in _extra_files(args.corpus, args.extra):
        pairs, misses, extra = _score(gold_path, filing_path, (tallies["extra"],), EXTRA_TYPES)
        found = tallies["extra"].add(pairs, misses, extra)
        if args.half in ("all", "extra"):
            lines += [f"  x {filing_path.name[:60]}  {x}" for x in found]
    for set_name, folder in (
        ("extra2", args.extra2),
        ("extra3", args.extra3),
        ("extra4", args.extra4),
        ("extra5", args.extra5),
        ("extra6", args.extra6),
        ("extra7", args.extra7),
        ("extra8", args.extra8),
    ):
        for gold_path, text_path, letter in _extra2_files(folder):
            row = f"{set_name}-{letter}"
            pairs, misses, extra = _score(gold_path, text_path, (tallies[row],), EXTRA_TYPES)
            found = tallies[row].add(pairs, misses, extra)
            if letter == "A" and set_name not in HELD_OUT and args.half in ("all", row):
                lines += [f"  {letter.lower()}{set_name[-1]} {text_path.name}  {x}" for x in found]
    print(f"eightk events vs gold — {len(files)} gold files from {args.corpus}")
    for name, tally in tallies.items():
        only = f" ({', '.join(EXTRA_TYPES)} only)" if name.startswith("extra") else ""
        tally.report(name + only)
    print(f"\nmisses ({len(lines)}):")
    print("\n".join(lines))
    if not args.no_provenance:
        _provenance(args.corpus)
    return 0


def _score(
    gold_path: Path, filing_path: Path, tallies: tuple[Tally, ...], only: tuple[str, ...] | None = None
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """One gold file against eightk's events of its filing: (pairs, missed gold events, extra events).
    Unscored types are counted into ``tallies``; with ``only``, every other type is left out."""
    gold = json.loads(gold_path.read_text())
    got = parse_filing(filing_path.read_bytes(), name=filing_path.name).to_dict()["events"]
    for e in got:
        if e["type"] in UNSCORED:
            for t in tallies:
                t.unscored[e["type"]] += 1
    got = [e for e in got if e["type"] not in UNSCORED and (only is None or e["type"] in only)]
    want = [e for e in gold.get("events", []) if only is None or e["type"] in only]
    return _pair(want, got)


def _kind_only(line: str) -> str:
    """A measure-half miss line cut to its kind: the field, or missed/extra and the type."""
    if line.startswith(("missed", "extra")):
        return " ".join(line.split()[:2])
    return line.split(":", maxsplit=1)[0]


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
