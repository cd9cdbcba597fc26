"""Compare parse_filing against the corpus gold files on the non-event fields (dev aid)."""
import json, sys, glob, os
sys.path.insert(0, "src")
from eightk import parse_filing
root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
bad = 0; n = 0
for g in sorted(glob.glob(f"{root}/gold/*.gold.json")) + glob.glob(f"{root}/seed/*.gold.json"):
    gold = json.load(open(g))
    base = os.path.basename(g)[: -len(".gold.json")]
    path = f"{root}/filings/{base}" if os.path.exists(f"{root}/filings/{base}") else f"{root}/seed/{base}.txt" if not os.path.exists(f"{root}/seed/{base}") else f"{root}/seed/{base}"
    f = parse_filing(open(path, "rb").read(), name=base, events=False).to_dict()
    n += 1
    diffs = []
    if gold.get("form_type") != f["form_type"]: diffs.append(("form", f["form_type"], gold.get("form_type")))
    if gold.get("date_of_report") != f["date_of_report"]: diffs.append(("date", f["date_of_report"], gold.get("date_of_report")))
    if gold["registrant"]["name"] != f["registrant"]["name"]: diffs.append(("name", f["registrant"]["name"], gold["registrant"]["name"]))
    gi = [(i["number"], i["code"], i.get("applicable", True)) for i in gold["items"]]
    fi = [(i["number"], i["code"], i["applicable"]) for i in f["items"]]
    if gi != fi: diffs.append(("items", fi, gi))
    if diffs:
        bad += 1
        print(base[:70]); [print("   ", *d) for d in diffs]
print(f"{n - bad}/{n} gold files fully right")
