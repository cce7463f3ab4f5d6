#!/bin/bash
cat > /app/totals.py <<'PY'
import csv
from collections import defaultdict

totals = defaultdict(float)
with open("/app/invoices.csv", newline="") as handle:
    for row in csv.DictReader(handle):
        totals[row["tenant"] or "unknown"] += float(row["amount"])
for tenant in sorted(totals):
    print(f"{tenant},{totals[tenant]:.2f}")
PY
