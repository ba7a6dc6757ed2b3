#!/usr/bin/env python3
"""Add the uptake column to catalogue/services.csv (run once, from the repo root).

Inserts `uptake` after `coverage_target` with the value 1 in every row and
appends to the row's source: "; uptake 1: hromada default: no source found
for uptake". The row's as_of is kept. Rows that already have an uptake
column are left alone, so running it twice changes nothing.
"""
import csv
import io
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else "catalogue/services.csv"
NOTE = "; uptake 1: hromada default: no source found for uptake"

with open(PATH, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header = rows[0]
if "uptake" in header:
    sys.exit(0)
at = header.index("coverage_target") + 1
src = header.index("source")
out = [header[:at] + ["uptake"] + header[at:]]
for r in rows[1:]:
    if not any(r):
        out.append(r)
        continue
    r = list(r)
    r[src] = r[src] + NOTE
    out.append(r[:at] + ["1"] + r[at:])
buf = io.StringIO()
csv.writer(buf, lineterminator="\n").writerows(out)
with open(PATH, "w", newline="", encoding="utf-8") as f:
    f.write(buf.getvalue())
