"""The summary stage with pandas: the table of totals and top 10 k-mers, and the SVG chart.

Usage: python3 pandas_summary.py table profile.tsv
       python3 pandas_summary.py plot profile.tsv
       python3 pandas_summary.py report profile.tsv plot.svg
pandas reads the TSV and sorts it; the rounding uses the decimal module, ROUND_HALF_UP
on the exact quotient — a different road to the core solutions' integer formula, which
is what makes this script a check of them. The SVG is written by string formatting: no
plotting library writes the same bytes in Python, R and Rust.
"""

import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext

import pandas as pd

getcontext().prec = 50  # far more digits than any quotient here needs: the division is exact enough


def rounded(numerator: int, denominator: int, decimals: int) -> str:
    if denominator == 0:
        return "NA"
    quantum = Decimal(1).scaleb(-decimals)
    return str((Decimal(int(numerator)) / Decimal(int(denominator))).quantize(quantum, rounding=ROUND_HALF_UP))


def load(path: str) -> pd.DataFrame:
    profile = pd.read_csv(path, sep="\t", dtype={"kmer": str, "count": "int64"}, keep_default_na=False)
    profile["gc"] = profile["kmer"].str.count("[GC]")
    # Most frequent first, ties in alphabetical order; a stable sort keeps it reproducible.
    return profile.sort_values(["count", "kmer"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def table(profile: pd.DataFrame) -> str:
    k = len(profile["kmer"].iloc[0])
    total = int(profile["count"].sum())
    gc = int((profile["count"] * profile["gc"]).sum())
    distinct = int((profile["count"] > 0).sum())
    top = profile[profile["count"] > 0].head(10)
    lines = ["k\tkmers\tdistinct\tgc", f"{k}\t{total}\t{distinct}\t{rounded(gc, k * total, 4)}", "", "rank\tkmer\tcount\tpercent"]
    for rank, row in enumerate(top.itertuples(index=False), start=1):
        lines.append(f"{rank}\t{row.kmer}\t{row.count}\t{rounded(100 * row.count, total, 2)}")
    return "".join(line + "\n" for line in lines)


def plot(profile: pd.DataFrame) -> str:
    k = len(profile["kmer"].iloc[0])
    n = len(profile)
    total = int(profile["count"].sum())
    distinct = int((profile["count"] > 0).sum())
    top = int(profile["count"].iloc[0])
    height_of = max(top, 1)
    colours = {"AT-rich": "#4e79a7", "balanced": "#bab0ac", "GC-rich": "#e15759"}
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360" '
        'font-family="sans-serif" font-size="12">',
        f"<title>Canonical {k}-mer profile</title>",
        '<rect width="720" height="360" fill="#ffffff"/>',
        f'<text x="360" y="28" text-anchor="middle" font-size="15">Canonical {k}-mer profile: '
        f"{total} k-mers, {distinct} distinct</text>",
    ]
    for i, (label, fill) in enumerate(colours.items()):
        lines.append(f'<rect x="{470 + 75 * i}" y="40" width="10" height="10" fill="{fill}"/>')
        lines.append(f'<text x="{484 + 75 * i}" y="49">{label}</text>')
    lines += [
        '<line x1="70" y1="300" x2="690" y2="300" stroke="#333333"/>',
        '<line x1="70" y1="60" x2="70" y2="300" stroke="#333333"/>',
        '<text x="64" y="304" text-anchor="end">0</text>',
        f'<text x="64" y="64" text-anchor="end">{top}</text>',
    ]
    for i, row in enumerate(profile.itertuples(index=False)):
        # Bar i of n: its slot starts at 70 + 620 i / n; the bar is 8/10 of the slot, centred.
        x = rounded(700 * n + 620 * (10 * i + 1), 10 * n, 2)
        y = rounded(300 * height_of - 240 * row.count, height_of, 2)
        width = rounded(496, n, 2)
        height = rounded(240 * row.count, height_of, 2)
        kind = "AT-rich" if 2 * row.gc < k else "balanced" if 2 * row.gc == k else "GC-rich"
        lines.append(
            f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colours[kind]}">'
            f"<title>{row.kmer} {row.count}</title></rect>"
        )
    lines += [
        f'<text x="380" y="330" text-anchor="middle">canonical {k}-mers, most to least frequent</text>',
        '<text x="24" y="180" text-anchor="middle" transform="rotate(-90 24 180)">count</text>',
        "</svg>",
    ]
    return "".join(line + "\n" for line in lines)


def main(argv: list[str]) -> None:
    command, path = argv[1], argv[2]
    profile = load(path)
    if command == "plot":
        sys.stdout.write(plot(profile))
        return
    if command == "report":
        with open(argv[3], "w", encoding="utf-8", newline="\n") as handle:
            handle.write(plot(profile))
    sys.stdout.write(table(profile))


if __name__ == "__main__":
    main(sys.argv)
