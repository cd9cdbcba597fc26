"""Deal extraction on real deal passages, as the texts stand, split by company into two fixed halves.

    python benchmarks/deals.py [--deals DIR] [--extra DIR] [-v] [--half tune|measure|extra|all]

Reads ``../shared/corpus/deals`` (texts/NNN.txt, gold/NNN.txt.gold.json, SOURCES.tsv), parses every
passage in-process with ``parse_filing`` exactly as ``eightk parse`` would, and scores the deal events
(license, collaboration, asset_purchase) with the matching and field rules of the set's own ``score.py``
(imported from the data folder, so the yardstick is the set's, not ours).

The split is by company and fixed: a passage's company is the first name of its SOURCES.tsv ``company``
column (before " / " or "("), and the passage is in the *tune* half when crc32 of that name's first word
is even, else in the *measure* half. Two passages of one company always fall in the same half. Rules
are written while reading the tune half only; the measure half is only scored. A large gap between the
halves means rules tuned to the texts read.

Prints, per half and for all: passages, precision, recall, parties with roles right, upfront,
milestones, royalties, exclusive, territory, equity, total value (rates among matched deals), and the
number of no-new-deal passages that yield a deal; with ``-v`` every miss. Asserts nothing.

``--extra`` (default ``tests/data/deals/extra`` to ``extra11``, when present) are further sets of
real deal passages with gold written the same way, from companies of neither half nor of each other; each is
scored on its own row (its folder's name), not in ``all``, so the dev set's figures stay comparable across
versions. ``extra``, ``extra2``, ``extra4``, ``extra6``, ``extra7``, ``extra8`` and ``extra10`` were read while
writing rules (the last five from their first runs on, which their READMEs give); ``extra3``, ``extra5``,
``extra9`` and ``extra11`` are held out (only scored; extra11 was merged unread and first scored at the end of
the session that built it).
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import json
import re
import sys
import zlib
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eightk import parse_filing  # noqa: E402
from eightk.model import Filing  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "deals"
EXTRA = [
    Path(__file__).resolve().parent.parent / "tests" / "data" / "deals" / d
    for d in ("extra", *(f"extra{n}" for n in range(2, 12)))
]
FIELDS = ("parties", "upfront", "milestones", "royalties", "exclusive", "territory", "equity", "total_value")


def load_scorer(deals: Path) -> ModuleType:
    """The data set's own ``score.py`` as a module (its matching rules are the yardstick)."""
    spec = importlib.util.spec_from_file_location("deals_score", deals / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{deals / 'score.py'}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def company_key(company: str) -> str:
    """First word of the first company named ("Agenus / Gilead Sciences" → "agenus")."""
    first = re.split(r"\s+/\s+|\(", company, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9]+", first.lower())
    return words[0] if words else ""


def half_of(company: str) -> str:
    """``tune`` or ``measure``: fixed by the company's name, never by the passage."""
    return "tune" if zlib.crc32(company_key(company).encode()) % 2 == 0 else "measure"


def halves(deals: Path) -> dict[str, str]:
    with (deals / "SOURCES.tsv").open(newline="", encoding="utf-8") as fh:
        return {row["file"]: half_of(row["company"]) for row in csv.DictReader(fh, delimiter="\t")}


def match(sc: ModuleType, got: list[dict], gold: list[dict]) -> dict[int, int]:
    """Gold index → extracted index, as score.py pairs them (same type first, most agreeing fields)."""
    free = list(range(len(got)))
    pairs: dict[int, int] = {}
    for same_type in (True, False):
        for gi, gev in enumerate(gold):
            if gi in pairs:
                continue
            cands = [
                j
                for j in free
                if (not same_type or got[j].get("type") == gev.get("type"))
                and any(
                    sc.party_matches(gp, p.get("name"))
                    for gp in gev.get("parties", [])
                    for p in got[j].get("parties") or []
                )
            ]
            if cands:
                j = max(cands, key=lambda j: sum(sc.field_ok(f, got[j], gev) for f in FIELDS))
                free.remove(j)
                pairs[gi] = j
    return pairs


class Tally:
    def __init__(self) -> None:
        self.passages = self.gold = self.got = self.matched = self.negatives = self.neg_fp = 0
        self.ok = dict.fromkeys(FIELDS, 0)
        self.causes: collections.Counter[str] = collections.Counter()

    def party_causes(self, sc: ModuleType, got: dict, gold: dict) -> None:
        """Why a matched deal's parties are wrong, counted (no text shown): a gold party not named, a named
        party not in the gold, ``partner`` where the gold gives a direction, the opposite role."""
        named = [p for p in got.get("parties") or [] if (p.get("name") or "").strip()]
        for gp in gold.get("parties", []):
            if gp.get("optional"):
                continue
            hits = [p for p in named if sc.party_matches(gp, p.get("name"))]
            roles = {gp["role"], *gp.get("alt_roles", [])}
            if not hits:
                self.causes["gold party not named"] += 1
            elif not any(p.get("role") in roles for p in hits):
                role = hits[0].get("role")
                self.causes["partner, gold has a role" if role == "partner" else f"{role} for {gp['role']}"] += 1
        for p in named:
            if not any(sc.party_matches(gp, p.get("name")) for gp in gold.get("parties", [])):
                self.causes["named party not in gold"] += 1

    def line(self, name: str) -> str:
        def r(x: int, d: int) -> str:
            return f"{x / d:.2f}" if d else "n/a"

        m = self.matched
        # the fields a target is set for also give their counts ("parties=0.86(57/66)"): a ratio rounds
        fields = " ".join(
            f"{f}={r(self.ok[f], m)}" + (f"({self.ok[f]}/{m})" if f in ("parties", "upfront", "milestones") else "")
            for f in FIELDS
        )
        return (
            f"{name:8} passages={self.passages:3} gold={self.gold:3} extracted={self.got:3} matched={m:3} "
            f"precision={r(m, self.got)} recall={r(m, self.gold)} {fields} "
            f"negatives_with_deal={self.neg_fp}/{self.negatives}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--deals", type=Path, default=DEFAULT)
    ap.add_argument(
        "--extra", type=Path, nargs="*", default=EXTRA, help="further sets, each on its own row (default: %(default)s)"
    )
    ap.add_argument("-v", action="store_true", help="list every miss")
    ap.add_argument("--causes", action="store_true", help="count why matched deals' parties are wrong")
    ap.add_argument("--half", default="all", help="whose misses -v lists: tune, measure, all, or an extra set's folder")
    a = ap.parse_args()
    sc = load_scorer(a.deals)
    tallies = {"tune": Tally(), "measure": Tally(), "all": Tally()}
    show = a.half if a.v else None
    score_set(sc, a.deals, halves(a.deals), tallies, show)
    for extra in a.extra:
        if (extra / "texts").is_dir():
            tallies[extra.name] = Tally()
            score_set(sc, extra, {p.name: extra.name for p in (extra / "texts").glob("*.txt")}, tallies, show)
    for name, t in tallies.items():
        if t.passages:
            print(t.line(name))
    if a.causes:
        for name, t in tallies.items():
            if t.passages:
                print(f"{name:8} parties wrong because: " + ", ".join(f"{k} {v}" for k, v in t.causes.most_common()))


def score_set(sc: ModuleType, folder: Path, which: dict[str, str], tallies: dict[str, Tally], show: str | None) -> None:
    """Parse and score every passage of ``folder`` into the tallies of its half (and ``all`` for the dev
    set's halves); print the misses of the half ``show`` names (``all``: every half)."""
    for path in sorted((folder / "texts").glob("*.txt")):
        gold_file = folder / "gold" / (path.name + ".gold.json")
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8")).get("events", [])
        filing = parse_filing(path.read_bytes(), name=str(path))
        rec = filing.to_dict()
        got = [e for e in rec.get("events") or [] if e.get("type") in sc.DEAL_TYPES]
        half = which.get(path.name, "measure")
        pairs = match(sc, got, gold)
        for t in (tallies[half], *((tallies["all"],) if half in ("tune", "measure") else ())):
            t.passages += 1
            t.gold += len(gold)
            t.got += len(got)
            t.matched += len(pairs)
            t.negatives += not gold
            t.neg_fp += bool(not gold and got)
            for gi, j in pairs.items():
                for f in FIELDS:
                    t.ok[f] += sc.field_ok(f, got[j], gold[gi])
                if not sc.field_ok("parties", got[j], gold[gi]):
                    t.party_causes(sc, got[j], gold[gi])
            missed = len(gold) - len(pairs)
            if missed:
                unpaired = len(got) - len(pairs)
                kinds = sorted({e.get("type") for e in rec.get("events") or []} - set(sc.DEAL_TYPES))
                none = "no deal event" + (f" (other events: {'/'.join(kinds)})" if kinds else "")
                if not got and any(p.get("code") == "not_a_filing" for p in rec.get("problems") or []):
                    none = "no deal event (not_a_filing)"
                elif not got:
                    none += f" [{gate(filing)}]"
                why = (
                    none
                    if not got
                    else ("an event that names no gold party" if unpaired else "fewer events than gold deals")
                )
                t.causes[f"missed deal: {why}"] += missed
        if show in (half, "all"):
            _misses(sc, half, path.name, got, gold, pairs=pairs)


def gate(filing: Filing) -> str:
    """Where the deal reader stopped on a filing that yields no deal event (a count for ``--causes``; no
    text shown): no region passed the quick test, no sentence opened a deal or an update, the deals opened
    were updates or old deals, or the deals drafted named no counterparty."""
    reader = importlib.import_module("eightk.extract.deals")  # the reader's own gates, not a copy of them
    from eightk.extract.text import regions

    regs = [r for r in regions(filing) if not (r.kind == "item" and r.code not in reader._ITEM_CODES)]
    quick = [r for r in regs if reader.quick_test(reader.fold(r.body[: reader._WINDOW]))]
    if not quick:
        return "quick test"
    drafted = updates = anchors = 0

    class Counting(reader._Reader):  # type: ignore[name-defined,misc]
        def anchor(self, *args: object, **kw: object) -> None:
            nonlocal anchors
            anchors += 1
            super().anchor(*args, **kw)

    for r in quick:
        found, ups = Counting(r, filing.registrant.name).read()
        drafted += len(found)
        updates += len(ups)
    if drafted:
        return "drafted, no counterparty or dropped"
    if updates:
        return "read as update"
    if anchors:
        return "anchor read as an old deal"
    entry = kind = both = 0
    for r in quick:
        body = r.body[: reader._WINDOW]
        for a, b in reader.sentences(r):
            sent = body[a:b] if b <= len(body) else ""
            e, k = bool(reader._entry(sent)), bool(reader._kinds(sent, None))
            entry, kind, both = entry + (e and not k), kind + (k and not e), both + (e and k)
    said = [("entry+kind sentence", both), ("entry verb only", entry), ("kind word only", kind)]
    return "no anchor: " + ", ".join(name for name, n in said if n)


def _misses(sc: ModuleType, half: str, name: str, got: list[dict], gold: list[dict], *, pairs: dict[int, int]) -> None:
    for gi, gev in enumerate(gold):
        if gi not in pairs:
            print(f"FN   {half} {name} #{gi} gold={sc.short(sc.brief(gev))}")
            continue
        j = pairs[gi]
        if got[j].get("type") != gev.get("type"):
            print(f"TYPE {half} {name} #{gi} gold={gev.get('type')} got={got[j].get('type')}")
        for f in FIELDS:
            if not sc.field_ok(f, got[j], gev):
                print(f"MISS {half} {name} #{gi} {f:11} gold={sc.short(gev.get(f))} got={sc.short(got[j].get(f))}")
    for j in set(range(len(got))) - set(pairs.values()):
        print(f"FP   {half} {name} got={sc.short(sc.brief(got[j]))}")


if __name__ == "__main__":
    main()
