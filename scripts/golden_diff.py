"""Show how current parser output differs from samples/**/*.expected.json (review aid for golden updates)."""
import json, sys
from pathlib import Path
sys.path.insert(0, "src")
from eightk import parse_filing

def walk(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            yield from walk(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            yield from walk(x, y, f"{path}[{i}]")
    elif a != b:
        yield path, a, b

root = Path("samples")
for exp in sorted(root.rglob("*.expected.json")):
    raw = exp.with_name(exp.name[: -len(".expected.json")])
    got = json.loads(json.dumps(parse_filing(raw.read_bytes(), name=raw.relative_to(root).as_posix()).to_dict()))
    for path, old, new in walk(json.loads(exp.read_text()), got):
        if path.endswith(".quote") and not ("--quotes" in sys.argv):
            continue
        print(f"{raw.name[:50]:50s} {path}: {str(old)[:70]!r} -> {str(new)[:70]!r}")
