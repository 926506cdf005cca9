"""One-off helper used during initial curation: append per-document draft CSVs to seeds/ (entities de-duplicated)."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, "src")
from militancy.seed_schema import SEEDS  # noqa: E402

drafts = [Path(p) for p in sys.argv[1:]]
for name, seed in SEEDS.items():
    path = Path("seeds") / f"{name}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    keys = {r[seed.key] for r in rows}
    for d in drafts:
        f = d / f"{name}.csv"
        if not f.exists():
            continue
        for r in csv.DictReader(f.open(encoding="utf-8")):
            if r[seed.key] in keys:
                if name != "entities":
                    print(f"duplicate {name} key {r[seed.key]} in {d}")
                continue
            keys.add(r[seed.key])
            rows.append(r)
    with path.open("w", encoding="utf-8", newline="") as out:
        w = csv.DictWriter(out, fieldnames=list(seed.column_names), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in seed.column_names})
