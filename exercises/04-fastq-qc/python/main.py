"""Quality control of a FASTQ file: a summary, the mean quality at every position, or
the ids of the reads that pass a length and mean-quality filter.

Usage: python main.py summary reads.fastq
       python main.py per-position reads.fastq
       python main.py filter reads.fastq MINLEN MINMEANQ
Standard library only, so it runs unchanged in Pyodide in the browser. The file is read
one record at a time, as bytes: a quality character *is* its byte value.
"""

import re
import sys
from itertools import zip_longest

USAGE = "usage: python main.py summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ"
PHRED_OFFSET = 33
# Every Phred+33 character, '!' (Q0) to '~' (Q93), and the ones below Q20.
VALID_QUALITY = bytes(range(ord("!"), ord("~") + 1))
BELOW_Q20 = bytes(range(PHRED_OFFSET, PHRED_OFFSET + 20))
FIRST_WORD = re.compile(rb"[^ \t]*")  # the read id: up to the first space or tab
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
BATCH = 10_000  # reads per batch of the per-position sums


# region: error
class FastqError(ValueError):
    """A malformed record. Python's counterpart of the Rust enum: one class, and the
    message says which rule was broken, in which record (1-based) and on which line."""

    def __init__(self, record: int, line: int, problem: str):
        super().__init__(f"record {record} (line {line}): {problem}")
        self.record = record
        self.line = line
# endregion


# region: records
def read_records(path: str):
    """Yields (header, seq, qual) as bytes, one record at a time, in file order.

    A generator: the caller's `for` loop pulls one record, uses it, and asks for the
    next, so the file is never in memory at once. Raises OSError for an unreadable
    file and FastqError at the first malformed record.
    """
    with open(path, "rb") as handle:
        # The same line iterator four times over: each tuple holds the next 4 lines,
        # and zip_longest pads the last one with None if the file ends inside it.
        four_lines = zip_longest(handle, handle, handle, handle)
        for number, lines in enumerate(four_lines, start=1):
            first_line = 4 * number - 3
            if lines[3] is None:
                lines_read = sum(1 for line in lines if line is not None)
                raise FastqError(number, first_line, f"the file ends after {lines_read} of its 4 lines")
            # Without the final "\n" and any "\r" before it (Windows line endings).
            header, seq, plus, qual = (line.rstrip(b"\r\n") for line in lines)
            check_record(number, first_line, header, seq, plus, qual)
            yield header, seq, qual
# endregion


def check_record(number: int, first_line: int, header: bytes, seq: bytes, plus: bytes, qual: bytes) -> None:
    """The rules, in the order they are checked; the first one broken is the error."""
    if not header.startswith(b"@"):
        raise FastqError(number, first_line, "header does not start with '@'")
    if not plus.startswith(b"+"):
        raise FastqError(number, first_line + 2, "separator line does not start with '+'")
    if len(seq) != len(qual):
        raise FastqError(number, first_line + 3, f"{len(qual)} quality characters for {len(seq)} bases")
    # translate(None, chars) deletes those bytes, in C: whatever is left is invalid.
    invalid = qual.translate(None, VALID_QUALITY)
    if invalid:
        raise FastqError(number, first_line + 3, f"quality byte {invalid[0]:#04x} is not Phred+33 ('!' to '~')")


def format_ratio(numerator: int, denominator: int, decimals: int) -> str:
    """num/den rounded half up on the exact fraction; "NA" when den is 0.

    Integers on purpose: f"{x:.4f}" rounds the nearest binary float half to even,
    and R and Rust must be able to follow the same rule exactly.
    """
    if denominator == 0:
        return "NA"
    scale = 10**decimals
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    return f"{scaled // scale}.{scaled % scale:0{decimals}d}"


# region: summary
def summary(path: str) -> list[str]:
    reads = bases = gc = acgt = q20 = 0
    for _header, seq, qual in read_records(path):
        reads += 1
        bases += len(seq)
        upper = seq.upper()
        gc_here = upper.count(b"G") + upper.count(b"C")
        gc += gc_here
        acgt += gc_here + upper.count(b"A") + upper.count(b"T")
        # Delete the characters below Q20; the ones left are Q20 or better.
        q20 += len(qual.translate(None, BELOW_Q20))
    return [
        "reads\tbases\tmean_length\tgc\tq20_fraction",
        f"{reads}\t{bases}\t{format_ratio(bases, reads, 2)}\t{format_ratio(gc, acgt, 4)}"
        f"\t{format_ratio(q20, bases, 4)}",
    ]
# endregion


# region: per-position
def per_position(path: str) -> list[str]:
    # Index i holds position i + 1; both lists grow when a longer read turns up.
    sums: list[int] = []
    counts: list[int] = []
    batch: list[bytes] = []

    def add_batch() -> None:
        # zip_longest(*batch) turns the batch on its side, in C: one tuple per position,
        # holding that position's byte from every read, and 0 where a read is too short.
        # A Python loop over every character took about 4 times as long on the 10x input.
        for i, column in enumerate(zip_longest(*batch, fillvalue=0)):
            if i == len(sums):
                sums.append(0)
                counts.append(0)
            n = len(column) - column.count(0)
            sums[i] += sum(column) - PHRED_OFFSET * n
            counts[i] += n
        batch.clear()

    for _header, _seq, qual in read_records(path):
        batch.append(qual)
        if len(batch) == BATCH:
            add_batch()
    add_batch()
    rows = ["position\tmean_quality"]
    for i, (total, n) in enumerate(zip(sums, counts), start=1):
        rows.append(f"{i}\t{format_ratio(total, n, 2)}")
    return rows
# endregion


# region: filter
def filter_reads(path: str, min_len: int, min_mean_q: int) -> list[str]:
    rows = ["id"]
    total = 0
    for header, _seq, qual in read_records(path):
        total += 1
        # sum() of a bytes object adds the byte values, in C.
        quality_sum = sum(qual) - PHRED_OFFSET * len(qual)
        # mean >= MINMEANQ, compared exactly as sum >= MINMEANQ * length: no division.
        if len(qual) >= min_len and qual and quality_sum >= min_mean_q * len(qual):
            rows.append(FIRST_WORD.match(header, 1).group().decode("utf-8", "replace"))
    rows.append(f"# {len(rows) - 1} of {total} reads passed")
    return rows
# endregion


def whole_number(name: str, text: str) -> int:
    """MINLEN or MINMEANQ: digits only, at most 9 of them."""
    if not WHOLE_NUMBER.fullmatch(text):
        raise ValueError(f"{name} must be a whole number (digits only), got '{text}'\n{USAGE}")
    return int(text)


# region: main
def run(args: list[str]) -> list[str]:
    if len(args) == 2 and args[0] == "summary":
        return summary(args[1])
    if len(args) == 2 and args[0] == "per-position":
        return per_position(args[1])
    if len(args) == 4 and args[0] == "filter":
        min_len = whole_number("MINLEN", args[2])
        min_mean_q = whole_number("MINMEANQ", args[3])
        return filter_reads(args[1], min_len, min_mean_q)
    raise ValueError(USAGE)


def main(argv: list[str]) -> None:
    args = argv[1:]
    try:
        rows = run(args)
    except OSError as err:
        sys.exit(f"error: {args[1]}: {err.strerror}")
    except FastqError as err:
        sys.exit(f"error: {args[1]}: {err}")
    except ValueError as err:  # a usage error
        sys.exit(f"error: {err}")
    # Nothing is printed until the whole file has been read: a malformed record
    # leaves stdout empty instead of half a table.
    sys.stdout.write("".join(row + "\n" for row in rows))
# endregion


if __name__ == "__main__":
    main(sys.argv)
