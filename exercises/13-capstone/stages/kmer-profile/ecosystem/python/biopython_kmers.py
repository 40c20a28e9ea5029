"""Pipeline stage 2 with Biopython: the canonical k-mer profile of a FASTQ file.

Usage: python3 biopython_kmers.py filtered.fastq profile.tsv K
Bio.SeqIO reads the records and Bio.Seq gives the reverse complement; the counting is a
plain collections.Counter, because Biopython has no k-mer counter of its own. Each window
is counted under its canonical form, the smaller of it and its reverse complement, and
windows with a letter other than A, C, G or T are skipped.
"""

import sys
from collections import Counter
from itertools import product

from Bio import SeqIO
from Bio.Seq import Seq


def main(argv: list[str]) -> None:
    if len(argv) != 4:
        sys.exit("usage: biopython_kmers.py READS.fastq PROFILE.tsv K")
    source, target, k = argv[1], argv[2], int(argv[3])
    canonical: Counter = Counter()
    windows = reads = 0
    for record in SeqIO.parse(source, "fastq"):
        reads += 1
        seq = record.seq.upper()
        for i in range(len(seq) - k + 1):
            window = seq[i : i + k]
            if set(str(window)) <= set("ACGT"):
                canonical[min(str(window), str(window.reverse_complement()))] += 1
                windows += 1
    kmers = ["".join(letters) for letters in product("ACGT", repeat=k)]
    rows = [kmer for kmer in kmers if kmer <= str(Seq(kmer).reverse_complement())]
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("kmer\tcount\n")
        for kmer in rows:
            handle.write(f"{kmer}\t{canonical[kmer]}\n")
    seen = sum(1 for kmer in rows if canonical[kmer] > 0)
    print(f"kmer-profile: {windows} {k}-mers in {reads} reads; {seen} of {len(rows)} canonical {k}-mers seen")


if __name__ == "__main__":
    main(sys.argv)
