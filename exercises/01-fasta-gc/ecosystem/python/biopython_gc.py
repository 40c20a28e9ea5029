"""Length and GC content of every record in a FASTA file, with Biopython doing the work.

Usage: python biopython_gc.py records.fasta
Needs Biopython (written against 1.80; Debian: apt-get install -y python3-biopython).
Prints exactly what ../../python/main.py prints, so it doubles as an independent check
of expected/gc.tsv: the parsing and the counting here are Biopython's, not ours.
"""

import sys

from Bio import SeqIO

# Why not Bio.SeqUtils.gc_fraction? None of its three modes is this task's definition,
# GC / (A + C + G + T) with every other IUPAC code left out (Biopython 1.80 source):
#   "remove"   (default) counts S as G/C and puts S and W in the denominator;
#   "ignore"   divides by len(seq), so N, R, Y, ... count against GC;
#   "weighted" gives partial credit (N counts as 0.5 G/C, D as 0.33, ...).
# It also returns 0, not NA, when there is nothing to count, and a float, which we would
# have to round (see format_ratio). On data/records.fasta, which has S and W in it,
# "remove" already disagrees at the 4th decimal for 5 records. So we count the four
# letters ourselves, with the Seq object's own upper() and count().


def format_ratio(numerator: int, denominator: int) -> str:
    """num/den with 4 decimals, rounded half up on the exact fraction; NA for 0/0.

    The same integer rule as the core solutions: f"{x:.4f}" would round the nearest
    binary float half to even (1/32 = 0.03125 would print 0.0312).
    """
    if denominator == 0:
        return "NA"
    scaled = (2 * numerator * 10_000 + denominator) // (2 * denominator)
    return f"{scaled // 10_000}.{scaled % 10_000:04d}"


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python biopython_gc.py <fasta-file>")
    path = argv[1]
    rows = ["id\tlength\tgc\n"]
    total_len = total_gc = total_acgt = 0
    try:
        # Biopython 1.80 silently skips any text before the first ">" header, so unlike
        # main.py this version cannot reject data/malformed.fasta.
        for number, record in enumerate(SeqIO.parse(path, "fasta"), start=1):
            # record.id is the first *word* of the header, so for "> len=4" Biopython
            # reports "len=4". The id of this task is the text right after ">", which is
            # empty when the description (the whole header line) starts with a space.
            if not record.description or record.description[0].isspace():
                sys.exit(f"error: {path} record {number}: header has an empty id")
            seq = record.seq.upper()  # a Seq, not a str: soft-masked acgt count too
            gc = seq.count("G") + seq.count("C")
            acgt = gc + seq.count("A") + seq.count("T")
            rows.append(f"{record.id}\t{len(record.seq)}\t{format_ratio(gc, acgt)}\n")
            total_len += len(record.seq)
            total_gc += gc
            total_acgt += acgt
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:  # what newer Biopython raises for malformed FASTA
        sys.exit(f"error: {path}: {err}")
    rows.append(f"TOTAL\t{total_len}\t{format_ratio(total_gc, total_acgt)}\n")
    sys.stdout.write("".join(rows))


if __name__ == "__main__":
    main(sys.argv)
