import csv

with open("/app/invoices.csv", newline="") as handle:
    rows = list(csv.DictReader(handle))
print(f"{sum(float(row['amount']) for row in rows):.2f}")
