"""Pipeline stage 1 with Biopython: keep the reads of 75+ bases with mean quality >= 25.

Usage: python3 biopython_filter.py reads.fastq filtered.fastq MINLEN MINMEANQ
Bio.SeqIO parses the FASTQ (and refuses a malformed record), each record carries its
Phred scores in letter_annotations["phred_quality"], and SeqIO.write writes the kept
records back as FASTQ: the same bytes as the core solutions, header lines included.
"""

import sys

from Bio import SeqIO


def passes(record, min_len: int, min_mean_q: int) -> bool:
    scores = record.letter_annotations["phred_quality"]
    # Whole numbers, compared without division: mean >= MINMEANQ  <=>  sum >= MINMEANQ * length.
    return len(scores) >= min_len and len(scores) > 0 and sum(scores) >= min_mean_q * len(scores)


def main(argv: list[str]) -> None:
    if len(argv) != 5:
        sys.exit("usage: biopython_filter.py READS.fastq OUT.fastq MINLEN MINMEANQ")
    source, target, min_len, min_mean_q = argv[1], argv[2], int(argv[3]), int(argv[4])
    records = list(SeqIO.parse(source, "fastq"))
    kept = [record for record in records if passes(record, min_len, min_mean_q)]
    SeqIO.write(kept, target, "fastq")
    print(f"qc-filter: kept {len(kept)} of {len(records)} reads (length >= {min_len}, mean quality >= {min_mean_q})")


if __name__ == "__main__":
    main(sys.argv)
