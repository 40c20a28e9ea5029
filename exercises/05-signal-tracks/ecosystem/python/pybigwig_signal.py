"""Mean and max of a bedGraph signal over peaks, or over fixed-width bins, with pyBigWig.

Usage: python pybigwig_signal.py peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>
       python pybigwig_signal.py zoom <BIN> <chrom.sizes> <signal.bedGraph>
Needs pyBigWig built with numpy (written against pyBigWig 0.3.18, numpy 1.24, pandas 1.5;
Debian: apt-get install -y python3-pybigwig python3-pandas). It converts the bedGraph to a
real bigWig file, as bedGraphToBigWig would, and asks the bigWig for the answers; it
prints exactly what ../../python/main.py prints. expected/*.tsv were made by this script.
"""

import io
import os
import sys
import tempfile

import numpy as np
import pandas as pd
import pyBigWig


def read_table(path: str, names: list[str]) -> pd.DataFrame:
    """A headerless tab-separated file, without bedGraph's `track`/`browser` lines."""
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith(("track", "browser", "#"))]
    return pd.read_csv(io.StringIO("".join(lines)), sep="\t", header=None, names=names, dtype={"chrom": str})


def write_bigwig(path: str, sizes: pd.DataFrame, signal: pd.DataFrame) -> None:
    """bedGraph -> bigWig. The header lists every chromosome (chrM too, with no data),
    and entries must arrive chromosome by chromosome, in header order."""
    bw = pyBigWig.open(path, "w")
    bw.addHeader(list(zip(sizes.chrom, sizes["size"].astype(int))), maxZooms=10)
    for chrom in sizes.chrom:
        rows = signal[signal.chrom == chrom]
        if len(rows) > 0:
            bw.addEntries(
                [chrom] * len(rows),
                rows.start.tolist(),
                ends=rows.end.tolist(),
                values=rows.value.astype(float).tolist(),
            )
    bw.close()


def milli(values: np.ndarray) -> np.ndarray:
    """bigWig stores float32: 1.234 comes back as 1.2339999675750732. Our values have at
    most 3 decimals and float32 keeps ~7 significant digits, so rounding to thousandths
    recovers them exactly (for values below 8388.608). Uncovered bases (NaN) become 0."""
    return np.nan_to_num(np.rint(values.astype(np.float64) * 1000), nan=0.0)


def fixed4(e4: int) -> str:
    return f"{e4 // 10_000}.{e4 % 10_000:04d}"


def mean_e4(total: int, bases: int) -> int:
    """Mean in units of 0.0001, uncovered bases as 0, rounded half up on the exact fraction."""
    return (20 * total + bases) // (2 * bases)


def peaks(bw: "pyBigWig.bigWigFile", peaks_path: str) -> list[str]:
    table = read_table(peaks_path, ["chrom", "start", "end", "name"])
    rows = ["name\tmean\tmax\n"]
    for peak in table.itertuples(index=False):
        # values(): one float per base, NaN where the bigWig has no data.
        per_base = milli(bw.values(peak.chrom, int(peak.start), int(peak.end), numpy=True))
        total = int(per_base.sum())
        # stats(type="mean") would divide by the *covered* bases only — bigWig's own
        # definition — so it is not our mean. stats(type="max") is our max: over covered
        # bases, None when there are none. exact=True reads the data, not a zoom level.
        (largest,) = bw.stats(peak.chrom, int(peak.start), int(peak.end), type="max", exact=True)
        largest_milli = 0 if largest is None else int(round(largest * 1000))
        mean = fixed4(mean_e4(total, int(peak.end - peak.start)))
        rows.append(f"{peak.name}\t{mean}\t{fixed4(10 * largest_milli)}\n")
    return rows


def zoom(bw: "pyBigWig.bigWigFile", sizes: pd.DataFrame, bin_width: int) -> list[str]:
    rows = ["chrom\tstart\tend\tmean\n"]
    for chrom, size in zip(sizes.chrom, sizes["size"].astype(int)):
        per_base = milli(bw.values(chrom, 0, size, numpy=True))
        starts = np.arange(0, size, bin_width)
        ends = np.minimum(starts + bin_width, size)
        # One sum per bin: reduceat adds per_base[starts[i]:starts[i+1]] (the last to the end).
        totals = np.add.reduceat(per_base, starts)
        for start, end, total in zip(starts, ends, totals):
            rows.append(f"{chrom}\t{start}\t{end}\t{fixed4(mean_e4(int(total), int(end - start)))}\n")
    return rows


def main(argv: list[str]) -> None:
    args = argv[1:]
    if len(args) != 4 or args[0] not in ("peaks", "zoom"):
        sys.exit("usage: python pybigwig_signal.py peaks|zoom ... (see the docstring)")
    if args[0] == "peaks":
        sizes_path, signal_path = args[1], args[2]
    else:
        sizes_path, signal_path = args[2], args[3]
        if not args[1].isdigit() or int(args[1]) == 0:
            sys.exit(f"error: BIN must be a positive integer (a bin width in bases), got '{args[1]}'")
    sizes = read_table(sizes_path, ["chrom", "size"])
    signal = read_table(signal_path, ["chrom", "start", "end", "value"])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "signal.bw")
        write_bigwig(path, sizes, signal)
        bw = pyBigWig.open(path)
        rows = peaks(bw, args[3]) if args[0] == "peaks" else zoom(bw, sizes, int(args[1]))
        bw.close()
    sys.stdout.write("".join(rows))


if __name__ == "__main__":
    main(sys.argv)
