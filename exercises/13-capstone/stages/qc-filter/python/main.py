"""Pipeline stage 1: keep the reads of a FASTQ file that pass a length and mean-quality
filter, and write them to a new FASTQ file.

Usage: python main.py reads.fastq filtered.fastq MINLEN MINMEANQ
Standard library only, so it runs unchanged in Pyodide in the browser. The rules are
module 04's: 4 lines per record, Phred+33 qualities, and a read passes when its length
is at least MINLEN and its mean quality at least MINMEANQ, compared exactly.
"""

import re
import sys
from itertools import zip_longest

USAGE = "usage: main READS.fastq OUT.fastq MINLEN MINMEANQ"
PHRED_OFFSET = 33
VALID_QUALITY = bytes(range(ord("!"), ord("~") + 1))
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


class FastqError(ValueError):
    def __init__(self, record: int, line: int, problem: str):
        super().__init__(f"record {record} (line {line}): {problem}")


# region: records
def read_records(path: str):
    """Yields (header, seq, qual) as bytes, one record at a time, checked as in module 04."""
    with open(path, "rb") as handle:
        for number, lines in enumerate(zip_longest(handle, handle, handle, handle), start=1):
            first_line = 4 * number - 3
            if lines[3] is None:
                lines_read = sum(1 for line in lines if line is not None)
                raise FastqError(number, first_line, f"the file ends after {lines_read} of its 4 lines")
            header, seq, plus, qual = (line.rstrip(b"\r\n") for line in lines)
            if not header.startswith(b"@"):
                raise FastqError(number, first_line, "header does not start with '@'")
            if not plus.startswith(b"+"):
                raise FastqError(number, first_line + 2, "separator line does not start with '+'")
            if len(seq) != len(qual):
                raise FastqError(number, first_line + 3, f"{len(qual)} quality characters for {len(seq)} bases")
            invalid = qual.translate(None, VALID_QUALITY)
            if invalid:
                raise FastqError(number, first_line + 3, f"quality byte {invalid[0]:#04x} is not Phred+33 ('!' to '~')")
            yield header, seq, qual
# endregion


# region: filter
def passes(qual: bytes, min_len: int, min_mean_q: int) -> bool:
    # sum() of a bytes object adds whole numbers: exact, whatever the order.
    quality_sum = sum(qual) - PHRED_OFFSET * len(qual)
    return len(qual) >= min_len and len(qual) > 0 and quality_sum >= min_mean_q * len(qual)


def filter_fastq(path: str, min_len: int, min_mean_q: int) -> tuple[bytes, int, int]:
    """The passing records as FASTQ bytes (separator line reduced to '+'), and the counts."""
    kept: list[bytes] = []
    total = 0
    for header, seq, qual in read_records(path):
        total += 1
        if passes(qual, min_len, min_mean_q):
            kept.append(header + b"\n" + seq + b"\n+\n" + qual + b"\n")
    return b"".join(kept), len(kept), total
# endregion


def whole_number(name: str, text: str) -> int:
    if not WHOLE_NUMBER.fullmatch(text):
        raise ValueError(f"{name} must be a whole number (digits only), got '{text}'\n{USAGE}")
    return int(text)


# region: main
def main(argv: list[str]) -> None:
    args = argv[1:]
    if len(args) != 4:
        sys.exit(f"error: {USAGE}")
    source, target = args[0], args[1]
    try:
        min_len = whole_number("MINLEN", args[2])
        min_mean_q = whole_number("MINMEANQ", args[3])
        fastq, kept, total = filter_fastq(source, min_len, min_mean_q)
    except OSError as err:
        sys.exit(f"error: cannot read {source}: {err.strerror}")
    except FastqError as err:
        sys.exit(f"error: {source}: {err}")
    except ValueError as err:
        sys.exit(f"error: {err}")
    # Written only once the whole input has been read: a bad record leaves no half file.
    try:
        with open(target, "wb") as handle:
            handle.write(fastq)
    except OSError as err:
        sys.exit(f"error: cannot write {target}: {err.strerror}")
    print(f"qc-filter: kept {kept} of {total} reads (length >= {min_len}, mean quality >= {min_mean_q})")
# endregion


if __name__ == "__main__":
    main(sys.argv)
