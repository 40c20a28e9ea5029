"""Canonical k-mer counts and motif hits on both strands, with Biopython doing the reading,
the reverse complements and the motif search.

Usage: python biopython_kmers_motifs.py kmers genome.fasta K N
       python biopython_kmers_motifs.py motif genome.fasta PATTERN
Needs Biopython (written against 1.80; Debian: apt-get install -y python3-biopython).
Prints exactly what ../../python/main.py prints, so it doubles as an independent check
of the expected/ files: parsing, reverse complements and matching here are Biopython's.
"""

import re
import sys
from collections import Counter

from Bio import SeqIO
from Bio.Seq import reverse_complement
from Bio.SeqUtils import nt_search

USAGE = "usage: python biopython_kmers_motifs.py kmers <fasta> <k> <n> | motif <fasta> <pattern>"
# Biopython has no k-mer counter; the windows come from runs of A/C/G/T only, so a
# k-mer with an N (or any other letter) in it is never formed.
ACGT_RUN = re.compile("[ACGT]+")


def read_records(path: str) -> list[tuple[str, str]]:
    """(id, upper-cased sequence) of every record; soft-masked bases count as bases."""
    try:
        return [(rec.id, str(rec.seq.upper())) for rec in SeqIO.parse(path, "fasta")]
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")


def whole_number(text: str, name: str, low: int, high: float) -> int:
    # int() alone would accept " 21", "+21" and "2_1"; the task wants digits only.
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        upper = "" if high == float("inf") else f" to {int(high)}"
        rule = f"from {low}{upper}" if upper else f"of at least {low}"
        sys.exit(f"error: {name} must be a whole number {rule}, got '{text}'")
    return int(text)


def kmers(path: str, k_text: str, n_text: str) -> None:
    k = whole_number(k_text, "k", 1, 32)
    n = whole_number(n_text, "n", 1, float("inf"))
    records = read_records(path)
    longest = max((len(seq) for _, seq in records), default=0)
    if k > longest:
        sys.exit(f"error: k = {k} is longer than every sequence in {path} (longest: {longest})")

    # Count every k-mer as read on the forward strand, then fold each distinct one onto
    # its canonical form: far fewer reverse complements than windows when k is small.
    forward = Counter()
    for _, seq in records:
        for run in ACGT_RUN.findall(seq):
            forward.update(run[i : i + k] for i in range(len(run) - k + 1))
    canonical = Counter()
    for kmer, count in forward.items():
        canonical[min(kmer, reverse_complement(kmer))] += count

    top = sorted(canonical.items(), key=lambda item: (-item[1], item[0]))[:n]
    sys.stdout.write("kmer\tcount\n" + "".join(f"{kmer}\t{count}\n" for kmer, count in top))


def motif(path: str, pattern: str) -> None:
    pattern = pattern.upper()
    if not pattern:
        sys.exit("error: pattern is empty: give a motif of A, C, G and T")
    bad = next((c for c in pattern if c not in "ACGT"), None)
    if bad is not None:
        sys.exit(f"error: pattern {pattern} contains '{bad}': use only A, C, G and T")
    minus = reverse_complement(pattern)
    rows = ["id\tstrand\tposition\n"]
    for record_id, seq in read_records(path):
        # nt_search returns [regex, start, start, ...] on the forward strand only, and
        # finds overlapping matches. A hit of the reverse complement on the forward
        # strand is a hit of the pattern on the reverse strand, at the same coordinates.
        hits = [(pos, "+") for pos in nt_search(seq, pattern)[1:]]
        hits += [(pos, "-") for pos in nt_search(seq, minus)[1:]]
        # "+" (0x2B) sorts before "-" (0x2D), so a palindrome lists + first.
        rows += [f"{record_id}\t{strand}\t{pos}\n" for pos, strand in sorted(hits)]
    sys.stdout.write("".join(rows))


def main(argv: list[str]) -> None:
    args = argv[1:]
    if len(args) == 4 and args[0] == "kmers":
        kmers(args[1], args[2], args[3])
    elif len(args) == 3 and args[0] == "motif":
        motif(args[1], args[2])
    else:
        sys.exit(USAGE)


if __name__ == "__main__":
    main(sys.argv)
