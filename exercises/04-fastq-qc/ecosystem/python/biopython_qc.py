"""FASTQ quality control with Biopython doing the parsing and the Phred decoding.

Usage: python biopython_qc.py summary reads.fastq
       python biopython_qc.py per-position reads.fastq
       python biopython_qc.py filter reads.fastq MINLEN MINMEANQ
Needs Biopython (written against 1.80; Debian: apt-get install -y python3-biopython).
Prints exactly what ../../python/main.py prints, so it doubles as an independent check
of expected/: parsing, record validation and Phred+33 decoding here are Biopython's.
"""

import re
import sys

from Bio import SeqIO

USAGE = "usage: python biopython_qc.py summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ"
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def format_ratio(numerator: int, denominator: int, decimals: int) -> str:
    """num/den rounded half up on the exact fraction; "NA" when den is 0.

    Integers, as in the core solutions: f"{x:.4f}" would round the nearest binary
    float half to even, and the three languages must agree to the last digit.
    """
    if denominator == 0:
        return "NA"
    scale = 10**decimals
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    return f"{scaled // scale}.{scaled % scale:0{decimals}d}"


def records(path: str):
    """Biopython's records, numbered from 1; an error names the record it stopped at.

    SeqIO checks the '@' header, the '+' line, that sequence and quality have the
    same length and that every quality character is Phred+33, and raises ValueError
    (with its own wording, and no record number) when one of them fails.
    """
    number = 0
    try:
        for number, record in enumerate(SeqIO.parse(path, "fastq"), start=1):
            yield number, record
    except OSError as err:
        sys.exit(f"error: {path}: {err.strerror}")
    except ValueError as err:
        sys.exit(f"error: {path}: record {number + 1}: {err}")


def summary(path: str) -> list[str]:
    reads = bases = gc = acgt = q20 = 0
    for _, record in records(path):
        seq = record.seq.upper()
        reads += 1
        bases += len(seq)
        gc += seq.count("G") + seq.count("C")
        acgt += seq.count("A") + seq.count("C") + seq.count("G") + seq.count("T")
        # phred_quality: one int per base, already decoded from Phred+33.
        q20 += sum(1 for q in record.letter_annotations["phred_quality"] if q >= 20)
    return [
        "reads\tbases\tmean_length\tgc\tq20_fraction",
        f"{reads}\t{bases}\t{format_ratio(bases, reads, 2)}\t{format_ratio(gc, acgt, 4)}"
        f"\t{format_ratio(q20, bases, 4)}",
    ]


def per_position(path: str) -> list[str]:
    sums: list[int] = []
    counts: list[int] = []
    for _, record in records(path):
        quals = record.letter_annotations["phred_quality"]
        if len(quals) > len(sums):
            grow = len(quals) - len(sums)
            sums.extend([0] * grow)
            counts.extend([0] * grow)
        for i, q in enumerate(quals):
            sums[i] += q
            counts[i] += 1
    rows = ["position\tmean_quality"]
    for i, (total, n) in enumerate(zip(sums, counts), start=1):
        rows.append(f"{i}\t{format_ratio(total, n, 2)}")
    return rows


def filter_reads(path: str, min_len: int, min_mean_q: int) -> list[str]:
    rows = ["id"]
    total = 0
    for _, record in records(path):
        total += 1
        quals = record.letter_annotations["phred_quality"]
        # mean >= MINMEANQ, compared exactly as sum >= MINMEANQ * length.
        if len(quals) >= min_len and quals and sum(quals) >= min_mean_q * len(quals):
            rows.append(record.id)  # the header up to the first whitespace
    rows.append(f"# {len(rows) - 1} of {total} reads passed")
    return rows


def whole_number(name: str, text: str) -> int:
    if not WHOLE_NUMBER.fullmatch(text):
        sys.exit(f"error: {name} must be a whole number (digits only), got '{text}'\n{USAGE}")
    return int(text)


def main(argv: list[str]) -> None:
    args = argv[1:]
    if len(args) == 2 and args[0] == "summary":
        rows = summary(args[1])
    elif len(args) == 2 and args[0] == "per-position":
        rows = per_position(args[1])
    elif len(args) == 4 and args[0] == "filter":
        rows = filter_reads(args[1], whole_number("MINLEN", args[2]), whole_number("MINMEANQ", args[3]))
    else:
        sys.exit(USAGE)
    sys.stdout.write("".join(row + "\n" for row in rows))


if __name__ == "__main__":
    main(sys.argv)
