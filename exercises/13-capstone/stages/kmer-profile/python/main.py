"""Pipeline stage 2: count the canonical k-mers of the reads in a FASTQ file and write the
profile as a table: every canonical k-mer of length K with its count, zeros included.

Usage: python main.py filtered.fastq profile.tsv K
Standard library only, so it runs unchanged in Pyodide in the browser. A k-mer and its
reverse complement are the same double-stranded sequence, so each is counted under its
canonical form, the alphabetically smaller of the two (module 02). Windows that hold a
letter other than A, C, G or T (an N) are skipped; lowercase counts as uppercase.
"""

import re
import sys
from collections import Counter
from itertools import product, zip_longest

USAGE = "usage: main READS.fastq PROFILE.tsv K"
MAX_K = 8
COMPLEMENT = bytes.maketrans(b"ACGT", b"TGCA")
NOT_ACGT = re.compile(rb"[^ACGT]+")
K_PATTERN = re.compile(r"[1-9]")


def reverse_complement(kmer: bytes) -> bytes:
    return kmer.translate(COMPLEMENT)[::-1]


# region: reads
def read_sequences(path: str):
    """Yields each record's sequence (bytes), checking the 4-line layout as it goes."""
    with open(path, "rb") as handle:
        for number, lines in enumerate(zip_longest(handle, handle, handle, handle), start=1):
            first_line = 4 * number - 3
            if lines[3] is None:
                lines_read = sum(1 for line in lines if line is not None)
                raise ValueError(f"record {number} (line {first_line}): the file ends after {lines_read} of its 4 lines")
            if not lines[0].startswith(b"@"):
                raise ValueError(f"record {number} (line {first_line}): header does not start with '@'")
            yield lines[1].rstrip(b"\r\n")
# endregion


# region: count
def count_kmers(path: str, k: int) -> tuple[Counter, int, int]:
    """Forward k-mer counts over every read, the number of windows counted, and of reads."""
    counts: Counter = Counter()
    windows = reads = 0
    for seq in read_sequences(path):
        reads += 1
        # Cut the read at every run of non-ACGT letters: each window inside a piece is valid.
        for piece in NOT_ACGT.split(seq.upper()):
            n = len(piece) - k + 1
            if n > 0:
                counts.update(piece[i : i + k] for i in range(n))
                windows += n
    return counts, windows, reads


def canonical_profile(counts: Counter, k: int) -> list[tuple[str, int]]:
    """Every canonical k-mer in alphabetical order with its count on both strands."""
    rows = []
    # product() yields the k-mers in alphabetical order, because "ACGT" is sorted.
    for letters in product(b"ACGT", repeat=k):
        kmer = bytes(letters)
        rc = reverse_complement(kmer)
        if kmer < rc:
            rows.append((kmer.decode(), counts[kmer] + counts[rc]))
        elif kmer == rc:  # a palindrome: one k-mer, found on both strands at once
            rows.append((kmer.decode(), counts[kmer]))
    return rows
# endregion


# region: main
def main(argv: list[str]) -> None:
    args = argv[1:]
    if len(args) != 3:
        sys.exit(f"error: {USAGE}")
    source, target, k_text = args
    if not (K_PATTERN.fullmatch(k_text) and int(k_text) <= MAX_K):
        sys.exit(f"error: K must be a whole number from 1 to {MAX_K}, got '{k_text}'")
    k = int(k_text)
    try:
        counts, windows, reads = count_kmers(source, k)
    except OSError as err:
        sys.exit(f"error: cannot read {source}: {err.strerror}")
    except ValueError as err:
        sys.exit(f"error: {source}: {err}")
    rows = canonical_profile(counts, k)
    seen = len([row for row in rows if row[1] > 0])
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("kmer\tcount\n" + "".join(f"{kmer}\t{count}\n" for kmer, count in rows))
    except OSError as err:
        sys.exit(f"error: cannot write {target}: {err.strerror}")
    print(f"kmer-profile: {windows} {k}-mers in {reads} reads; {seen} of {len(rows)} canonical {k}-mers seen")
# endregion


if __name__ == "__main__":
    main(sys.argv)
