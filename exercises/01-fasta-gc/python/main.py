"""Length and GC content of every record in a FASTA file, printed as TSV.

Usage: python main.py records.fasta
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import re
import sys
from dataclasses import dataclass, field

# Everything up to the first whitespace; "" when the header starts with a space.
FIRST_WORD = re.compile(r"\S*")


@dataclass
class BaseCounts:
    """The only two numbers GC content needs; N, R, Y, S, W, ... are in neither."""

    gc: int = 0
    at: int = 0

    def add_line(self, line: str) -> None:
        # str.count runs in C: far faster than a Python loop over characters.
        upper = line.upper()
        self.gc += upper.count("G") + upper.count("C")
        self.at += upper.count("A") + upper.count("T")


@dataclass
class Record:
    id: str
    seq_len: int = 0
    counts: BaseCounts = field(default_factory=BaseCounts)


# region: parse
def parse_fasta(path: str) -> list[Record]:
    """Read `path` line by line, keeping counts, never the sequence itself.

    Raises OSError for an unreadable file and ValueError for malformed FASTA:
    the caller decides what to do, as a Rust caller would with a Result.
    """
    records: list[Record] = []
    # newline=None (the default) turns Windows "\r\n" into "\n" for us.
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip()
            if text.startswith(">"):
                record_id = FIRST_WORD.match(text, 1).group()
                if not record_id:
                    raise ValueError(f"{path} line {line_no}: header has an empty id")
                records.append(Record(record_id))
            elif text:  # blank lines are allowed anywhere
                if not records:
                    raise ValueError(
                        f"{path} line {line_no}: sequence text before the first '>' header"
                    )
                residues = "".join(text.split())  # drop any inner spaces or tabs
                records[-1].seq_len += len(residues)
                records[-1].counts.add_line(residues)
    return records
# endregion


def gc_fraction(counts: BaseCounts) -> tuple[int, int]:
    """GC content as an exact fraction (numerator, denominator): no float yet."""
    return counts.gc, counts.gc + counts.at


def format_ratio(numerator: int, denominator: int) -> str:
    """num/den with 4 decimals, rounded half up on the exact fraction; NA for 0/0.

    Integer arithmetic on purpose: f"{x:.4f}" rounds the nearest binary float half
    to even, so 1/32 = 0.03125 prints 0.0312, yet 0.00125 (a hair above in binary)
    prints 0.0013. On the exact fraction, one rule holds and can be checked by hand.
    """
    if denominator == 0:
        return "NA"
    scaled = (2 * numerator * 10_000 + denominator) // (2 * denominator)
    return f"{scaled // 10_000}.{scaled % 10_000:04d}"


def write_table(records: list[Record]) -> None:
    lines = ["id\tlength\tgc\n"]
    total_len = 0
    total = BaseCounts()
    for record in records:
        lines.append(f"{record.id}\t{record.seq_len}\t{format_ratio(*gc_fraction(record.counts))}\n")
        total_len += record.seq_len
        total.gc += record.counts.gc
        total.at += record.counts.at
    lines.append(f"TOTAL\t{total_len}\t{format_ratio(*gc_fraction(total))}\n")
    sys.stdout.write("".join(lines))


# region: main
def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python main.py <fasta-file>")
    path = argv[1]
    try:
        records = parse_fasta(path)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    write_table(records)
# endregion


if __name__ == "__main__":
    main(sys.argv)
