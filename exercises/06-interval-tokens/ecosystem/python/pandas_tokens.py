"""Tokenize query regions against a universe of regions with pandas and numpy.

Usage: python pandas_tokens.py universe.bed queries.bed
Needs pandas and numpy (written against pandas 1.5 and numpy 1.24; Debian:
apt-get install -y python3-pandas). Prints exactly what ../../python/main.py prints.

This is a vectorised reference, not a tokenizer library. The library for this job is
gtars (`pip install gtars`; `from gtars.tokenizers import Tokenizer`), the Python face of
the Rust crate in ../rust/ — but it is not packaged for Debian or Pyodide, so it cannot
run here. pyranges (`gr.join(other)`) would be the data-frame way, and is not installed
either. What numpy does give us is the same algorithm as the Rust core, run for a whole
chromosome of queries at once: two binary searches (np.searchsorted) per query.
"""

import sys

import numpy as np
import pandas as pd

COLUMNS = {"chrom": str, "start": np.int64, "end": np.int64}


def read_bed(path: str, names: list[str]) -> pd.DataFrame:
    """The first len(names) tab-separated columns of a BED file, in file order.

    comment="#" drops the comment line, but note that it cuts a line at *any* "#".
    usecols keeps only the columns we name, so extra BED columns are ignored.
    """
    dtypes = {name: COLUMNS.get(name, str) for name in names}
    try:
        bed = pd.read_csv(path, sep="\t", header=None, comment="#", usecols=range(len(names)),
                          names=names, dtype=dtypes)
    except FileNotFoundError:
        sys.exit(f"error: cannot read {path}: no such file")
    except (ValueError, pd.errors.ParserError) as err:
        sys.exit(f"error: {path}: {err}")
    if bed.isna().any().any():
        sys.exit(f"error: {path}: a line has fewer than {len(names)} fields")
    bad = bed.index[bed["start"] >= bed["end"]]
    if len(bad) > 0:
        sys.exit(f"error: {path} region {bad[0] + 1}: start must be less than end")
    return bed


def check_sorted(universe: pd.DataFrame, path: str) -> None:
    """Within each chromosome, each region must start at or after the previous one ends."""
    previous_end = universe.groupby("chrom", sort=False)["end"].shift()
    bad = universe.index[universe["start"] < previous_end]
    if len(bad) > 0:
        row = universe.loc[bad[0]]
        sys.exit(f"error: {path} region {bad[0] + 1} ({row.chrom}:{row.start}-{row.end}) starts "
                 f"before the previous {row.chrom} region ends; the universe must be sorted and non-overlapping")


def tokenize(universe: pd.DataFrame, queries: pd.DataFrame) -> list[str]:
    tokens = ["UNK"] * len(queries)
    # The universe's row number is the token id; keep it through the grouping.
    universe = universe.assign(token=np.arange(len(universe)))
    by_chrom = {chrom: group for chrom, group in universe.groupby("chrom", sort=False)}
    for chrom, group in queries.groupby("chrom", sort=False):
        regions = by_chrom.get(chrom)
        if regions is None:
            continue  # a chromosome the universe does not have: every query is UNK
        ids = regions["token"].to_numpy()
        # Regions ending at or before the query start cannot overlap it: skip them ...
        first = np.searchsorted(regions["end"].to_numpy(), group["start"].to_numpy(), side="right")
        # ... and stop before the first region starting at or after the query end.
        last = np.searchsorted(regions["start"].to_numpy(), group["end"].to_numpy(), side="left")
        for row, lo, hi in zip(group.index, first, last):
            if lo < hi:
                tokens[row] = ",".join(map(str, ids[lo:hi]))
    return tokens


def main(argv: list[str]) -> None:
    if len(argv) != 3:
        sys.exit("usage: python pandas_tokens.py <universe.bed> <queries.bed>")
    universe = read_bed(argv[1], ["chrom", "start", "end"])
    check_sorted(universe, argv[1])
    queries = read_bed(argv[2], ["chrom", "start", "end", "name"])
    out = pd.DataFrame({"query": queries["name"], "tokens": tokenize(universe, queries)})
    sys.stdout.write(out.to_csv(sep="\t", index=False, lineterminator="\n"))


if __name__ == "__main__":
    main(sys.argv)
