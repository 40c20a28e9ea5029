"""Token ids of the universe regions that each query region overlaps, printed as TSV.

Usage: python main.py universe.bed queries.bed
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Protocol

SKIPPED = ("#", "track", "browser")  # comment and header lines


# region: region
@dataclass(frozen=True)
class Region:
    """A genomic interval, 0-based and half-open like BED and like range(start, end)."""

    chrom: str
    start: int
    end: int
# endregion


@dataclass(frozen=True)
class Record:
    line_no: int
    region: Region
    name: str  # "" for universe lines, which have no name


# region: trait
class Tokenizer(Protocol):
    """Python's nearest thing to a Rust trait: any class with this method fits.

    Unlike a trait, nothing checks it at run time; a type checker (mypy) checks it
    before, and only if you run one.
    """

    def tokenize(self, query: Region) -> list[int]: ...
# endregion


# region: index
class SortedIndex:
    """Per chromosome: starts, ends and token ids of the universe regions, in order."""

    def __init__(self, universe: list[Region]) -> None:
        self.chroms: dict[str, tuple[list[int], list[int], list[int]]] = {}
        for token_id, region in enumerate(universe):
            starts, ends, ids = self.chroms.setdefault(region.chrom, ([], [], []))
            starts.append(region.start)
            ends.append(region.end)
            ids.append(token_id)

    def tokenize(self, query: Region) -> list[int]:
        chrom = self.chroms.get(query.chrom)
        if chrom is None:
            return []  # a chromosome the universe does not have
        starts, ends, ids = chrom
        # Skip the regions that end at or before the query's start ...
        first = bisect_right(ends, query.start)
        # ... and stop before the first one that starts at or after its end.
        last = bisect_left(starts, query.end)
        return ids[first:last]
# endregion


def tokenize_all(tokenizer: Tokenizer, queries: list[Record]) -> list[list[int]]:
    return [tokenizer.tokenize(query.region) for query in queries]


def whole_number(text: str, what: str, where: str) -> int:
    # isascii() too: "²".isdigit() is True, and int() would accept " 5" and "5_000".
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{where}: {what} '{text}' is not a whole number")
    return int(text)


# region: parse
def read_bed(path: str, with_name: bool) -> list[Record]:
    """Every data line of a BED file. Raises OSError or ValueError, naming file and line."""
    needed, names = (4, "chrom, start, end, name") if with_name else (3, "chrom, start, end")
    records: list[Record] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip("\r\n")
            if not text.strip() or text.startswith(SKIPPED):
                continue
            fields = text.split("\t")
            where = f"{path} line {line_no}"
            if len(fields) < needed:
                raise ValueError(
                    f"{where}: expected at least {needed} tab-separated fields ({names}), found {len(fields)}"
                )
            start = whole_number(fields[1], "start", where)
            end = whole_number(fields[2], "end", where)
            if start >= end:
                raise ValueError(f"{where}: start ({start}) must be less than end ({end})")
            name = fields[3] if with_name else ""
            records.append(Record(line_no, Region(fields[0], start, end), name))
    return records
# endregion


def check_universe(records: list[Record], path: str) -> list[Region]:
    """On each chromosome every region must start at or after the previous one's end."""
    previous_end: dict[str, int] = {}
    for record in records:
        region = record.region
        end = previous_end.get(region.chrom)
        if end is not None and region.start < end:
            raise ValueError(
                f"{path} line {record.line_no}: {region.chrom}:{region.start}-{region.end} starts "
                f"before the previous {region.chrom} region ends ({end}); "
                "the universe must be sorted and non-overlapping"
            )
        previous_end[region.chrom] = region.end
    return [record.region for record in records]


def format_tokens(ids: list[int]) -> str:
    return ",".join(map(str, ids)) if ids else "UNK"


# region: main
def main(argv: list[str]) -> None:
    if len(argv) != 3:
        sys.exit("usage: python main.py <universe.bed> <queries.bed>")
    universe_path, queries_path = argv[1], argv[2]
    try:
        universe = check_universe(read_bed(universe_path, False), universe_path)
        queries = read_bed(queries_path, True)
    except OSError as err:
        sys.exit(f"error: cannot read {err.filename}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    tokens = tokenize_all(SortedIndex(universe), queries)
    lines = ["query\ttokens\n"]
    lines.extend(f"{query.name}\t{format_tokens(ids)}\n" for query, ids in zip(queries, tokens))
    sys.stdout.write("".join(lines))
# endregion


if __name__ == "__main__":
    main(sys.argv)
