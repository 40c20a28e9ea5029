"""Summarise a bedGraph signal track over peaks or over fixed-width bins, printed as TSV.

Usage: python main.py peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>
       python main.py zoom <BIN> <chrom.sizes> <signal.bedGraph>
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, Optional

USAGE = (
    "usage: python main.py peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>\n"
    "       python main.py zoom <BIN> <chrom.sizes> <signal.bedGraph>"
)
# A non-negative value with at most 3 decimals: "7", "0.5", "12.125".
VALUE = re.compile(r"([0-9]+)(?:\.([0-9]{1,3}))?")


class InputError(Exception):
    """Bad input: the message names the file and the line."""


# region: structs
@dataclass(slots=True)  # slots: smaller and faster to create, one per bedGraph line
class Interval:
    """One bedGraph line: bases start..end-1 (0-based) carry `milli` thousandths."""

    start: int
    end: int
    milli: int


@dataclass
class Chrom:
    name: str
    size: int
    intervals: list[Interval] = field(default_factory=list)
# endregion


@dataclass
class Peak:
    chrom: Chrom
    start: int
    end: int
    name: str


def data_lines(path: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every data line: blank, '#', track and browser lines skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                text = line.rstrip()
                if not text or text.startswith("#") or is_header(text):
                    continue
                yield line_no, text
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise InputError(f"cannot read {path}: not UTF-8 text ({err.reason})") from err


def is_header(text: str) -> bool:
    """A `track` or `browser` line: that word, then a space, a tab or nothing."""
    headers = ("track", "browser")
    return text.startswith(headers) and re.split(r"[ \t]", text, maxsplit=1)[0] in headers


def parse_whole(text: str) -> Optional[int]:
    # isdigit() alone would accept "²" and other Unicode digits.
    return int(text) if text.isascii() and text.isdigit() else None


# region: milli
def parse_milli(text: str) -> Optional[int]:
    """ "12.5" -> 12500: the value in thousandths, or None if it is not one of ours."""
    match = VALUE.fullmatch(text)
    if not match:
        return None
    whole, fraction = match.group(1), match.group(2) or ""
    return int(whole) * 1000 + int(fraction.ljust(3, "0"))
# endregion


def read_chrom_sizes(path: str) -> dict[str, Chrom]:
    """Chromosomes by name; a dict keeps chrom.sizes order, which zoom prints in."""
    chroms: list[Chrom] = []
    for line_no, text in data_lines(path):
        fields = text.split("\t")
        if len(fields) != 2:
            raise InputError(
                f"{path} line {line_no}: expected 2 tab-separated fields (chrom, size), found {len(fields)}"
            )
        size = parse_whole(fields[1])
        if size is None or size == 0:
            raise InputError(
                f"{path} line {line_no}: chromosome size must be a positive whole number, got '{fields[1]}'"
            )
        chroms.append(Chrom(fields[0], size))
    counts = Counter(chrom.name for chrom in chroms)
    repeated = [name for name, count in counts.items() if count > 1]
    if repeated:
        # The smallest name, as the Rust version finds it after sorting.
        raise InputError(f"{path}: chromosome {min(repeated)} is listed more than once")
    return {chrom.name: chrom for chrom in chroms}


def parse_coordinates(at: str, start: str, end: str) -> tuple[int, int]:
    s, e = parse_whole(start), parse_whole(end)
    if s is None or e is None:
        raise InputError(f"{at}: start and end must be whole numbers, got '{start}' and '{end}'")
    return s, e


# region: bedgraph
def read_bedgraph(path: str, genome: dict[str, Chrom], sizes_path: str) -> None:
    """Adds every interval to its chromosome; the input must be sorted, as for bigWig."""
    current: Optional[Chrom] = None
    for line_no, text in data_lines(path):
        at = f"{path} line {line_no}"
        fields = text.split("\t")
        if len(fields) != 4:
            raise InputError(
                f"{at}: expected 4 tab-separated fields (chrom, start, end, value), found {len(fields)}"
            )
        name = fields[0]
        start, end = parse_coordinates(at, fields[1], fields[2])
        milli = parse_milli(fields[3])
        if milli is None:
            raise InputError(f"{at}: value '{fields[3]}' is not a non-negative number with at most 3 decimals")
        if end <= start:
            raise InputError(f"{at}: empty interval: end {end} must be greater than start {start}")
        chrom = genome.get(name)
        if chrom is None:
            raise InputError(f"{at}: unknown chromosome {name} (not in {sizes_path})")
        if end > chrom.size:
            raise InputError(f"{at}: interval ends at {end}, past the end of {name} ({chrom.size})")
        if chrom is not current and chrom.intervals:
            raise InputError(
                f"{at}: {name} appears again after another chromosome: "
                "the bedGraph must be sorted by chromosome, then position"
            )
        current = chrom
        if chrom.intervals and start < chrom.intervals[-1].end:
            raise InputError(
                f"{at}: {name}:{start}-{end} starts before the previous interval ends "
                f"({chrom.intervals[-1].end}): the bedGraph must be sorted, without overlaps"
            )
        chrom.intervals.append(Interval(start, end, milli))
# endregion


def read_peaks(path: str, genome: dict[str, Chrom], sizes_path: str) -> list[Peak]:
    peaks: list[Peak] = []
    for line_no, text in data_lines(path):
        at = f"{path} line {line_no}"
        fields = text.split("\t")
        if len(fields) < 4:
            raise InputError(
                f"{at}: expected at least 4 tab-separated fields (chrom, start, end, name), found {len(fields)}"
            )
        name = fields[0]
        start, end = parse_coordinates(at, fields[1], fields[2])
        if end <= start:
            raise InputError(f"{at}: empty peak: end {end} must be greater than start {start}")
        chrom = genome.get(name)
        if chrom is None:
            raise InputError(f"{at}: peak on unknown chromosome {name} (not in {sizes_path})")
        if end > chrom.size:
            raise InputError(f"{at}: peak ends at {end}, past the end of {name} ({chrom.size})")
        peaks.append(Peak(chrom, start, end, fields[3]))
    return peaks


# region: overlapping
def overlapping(track: list[Interval], start: int, end: int) -> list[Interval]:
    """The intervals of a sorted, non-overlapping track that share a base with start..end-1.

    bisect's key= (Python 3.10+) searches on one attribute, like Rust's partition_point.
    Slicing copies the references into a new list; Rust's slice is a view.
    """
    first = bisect_right(track, start, key=lambda iv: iv.end)  # first with end > start
    last = bisect_left(track, end, lo=first, key=lambda iv: iv.start)  # first with start >= end
    return track[first:last]
# endregion


def summarise(track: list[Interval], start: int, end: int) -> tuple[int, Optional[int]]:
    """(sum over covered bases in thousandths x bases, max covered value or None)."""
    total = 0
    largest: Optional[int] = None
    for iv in overlapping(track, start, end):
        total += (min(iv.end, end) - max(iv.start, start)) * iv.milli
        largest = iv.milli if largest is None else max(largest, iv.milli)
    return total, largest


# region: format
def mean_e4(total: int, bases: int) -> int:
    """The mean in units of 0.0001, uncovered bases as 0, rounded half up on the exact fraction."""
    return (20 * total + bases) // (2 * bases)


def fixed4(e4: int) -> str:
    return f"{e4 // 10_000}.{e4 % 10_000:04d}"
# endregion


def write_peaks(peaks: list[Peak]) -> None:
    rows = ["name\tmean\tmax\n"]
    for peak in peaks:
        total, largest = summarise(peak.chrom.intervals, peak.start, peak.end)
        mean = fixed4(mean_e4(total, peak.end - peak.start))
        rows.append(f"{peak.name}\t{mean}\t{fixed4(10 * (largest or 0))}\n")
    sys.stdout.write("".join(rows))


def write_zoom(genome: dict[str, Chrom], bin_width: int) -> None:
    rows = ["chrom\tstart\tend\tmean\n"]
    for chrom in genome.values():
        for start in range(0, chrom.size, bin_width):
            end = min(start + bin_width, chrom.size)  # the last bin stops at the chromosome end
            total, _ = summarise(chrom.intervals, start, end)
            rows.append(f"{chrom.name}\t{start}\t{end}\t{fixed4(mean_e4(total, end - start))}\n")
    sys.stdout.write("".join(rows))


# region: main
def run(args: list[str]) -> None:
    if len(args) == 4 and args[0] == "peaks":
        _, sizes, signal, peaks_path = args
        genome = read_chrom_sizes(sizes)
        read_bedgraph(signal, genome, sizes)
        write_peaks(read_peaks(peaks_path, genome, sizes))
    elif len(args) == 4 and args[0] == "zoom":
        _, bin_text, sizes, signal = args
        bin_width = parse_whole(bin_text)
        if not bin_width:  # None or 0
            raise InputError(f"BIN must be a positive integer (a bin width in bases), got '{bin_text}'")
        genome = read_chrom_sizes(sizes)
        read_bedgraph(signal, genome, sizes)
        write_zoom(genome, bin_width)
    else:
        raise InputError(USAGE)


def main(argv: list[str]) -> None:
    try:
        run(argv[1:])
    except InputError as err:
        sys.exit(f"error: {err}")
# endregion


if __name__ == "__main__":
    main(sys.argv)
