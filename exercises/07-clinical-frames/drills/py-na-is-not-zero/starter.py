# Biomarker responder rate per arm, among completers with a week-12 value.
import sys

ARMS = ["placebo", "low", "high"]

with open(sys.argv[1], encoding="utf-8") as handle:
    header = handle.readline().rstrip("\n").split(",")
    rows = [dict(zip(header, line.rstrip("\n").split(","))) for line in handle]

print("arm\tpct_n\tresponders\trate")
for arm in ARMS:
    used = 0
    responders = 0
    for row in rows:
        if row["arm"] != arm or row["completed"] != "1":
            continue
        baseline = float(row["baseline"])
        week12 = float(row["week12"]) if row["week12"] != "NA" else 0.0
        used += 1
        # At most 80% of baseline, compared in whole tenths (exact).
        if 10 * round(week12 * 10) <= 8 * round(baseline * 10):
            responders += 1
    print(f"{arm}\t{used}\t{responders}\t{responders / used:.4f}")
