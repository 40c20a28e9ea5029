"""Canonical k-mer counts and motif hits on both strands of the records of a FASTA file.

Usage: python main.py kmers genome.fasta K N
       python main.py motif genome.fasta PATTERN
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import heapq
import re
import sys
from collections import Counter

USAGE = "usage: python main.py kmers <fasta> <k> <n> | python main.py motif <fasta> <pattern>"
COMPLEMENT = str.maketrans("ACGT", "TGCA")
# Stretches of A, C, G and T only: a window that would hold an N is never formed.
ACGT_RUN = re.compile("[ACGT]+")
# Everything up to the first whitespace; "" when the header starts with a space.
FIRST_WORD = re.compile(r"\S*")


# region: read
def read_fasta(path: str) -> list[tuple[str, str]]:
    """(id, sequence) of every record, sequence lines joined and the case kept.

    Raises OSError for an unreadable file and ValueError for text before the first header.
    """
    records: list[tuple[str, list[str]]] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip()
            if text.startswith(">"):
                records.append((FIRST_WORD.match(text, 1).group(), []))
            elif text:
                if not records:
                    raise ValueError(f"{path} line {line_no}: sequence before the first '>' header")
                records[-1][1].append(text)
    return [(record_id, "".join(lines)) for record_id, lines in records]
# endregion


def whole_number(text: str, name: str, low: int, high: float = float("inf")) -> int:
    """A whole number between low and high, from digits only (int() takes " +2_1")."""
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        rule = f"from {low} to {int(high)}" if high != float("inf") else f"of at least {low}"
        raise ValueError(f"{name} must be a whole number {rule}, got '{text}'")
    return int(text)


def revcomp(seq: str) -> str:
    return seq.translate(COMPLEMENT)[::-1]


# region: count
def count_canonical(seqs: list[str], k: int) -> Counter:
    """How often each canonical k-mer occurs, over every record."""
    counts: Counter = Counter()
    for seq in seqs:
        for run in ACGT_RUN.findall(seq.upper()):
            # Reverse-complement the whole run once: the window at i on the forward
            # strand pairs with the window that ends at len - i on the reverse strand.
            back = revcomp(run)
            end = len(run)
            counts.update(
                min(run[i : i + k], back[end - i - k : end - i]) for i in range(end - k + 1)
            )
    return counts


def top_kmers(counts: Counter, n: int) -> list[tuple[str, int]]:
    """The n most frequent k-mers, ties broken by the k-mer in alphabetical order."""
    # Sorting millions of (k-mer, count) pairs is the slow part; the n-th largest count
    # is a cheap cut-off, and only k-mers at or above it need sorting.
    cutoff = min(heapq.nlargest(n, counts.values()), default=0)
    best = [(kmer, count) for kmer, count in counts.items() if count >= cutoff]
    return sorted(best, key=lambda item: (-item[1], item[0]))[:n]
# endregion


def run_kmers(path: str, k_text: str, n_text: str) -> str:
    k = whole_number(k_text, "k", 1, 32)
    n = whole_number(n_text, "n", 1)
    seqs = [seq for _, seq in read_fasta(path)]
    longest = max((len(seq) for seq in seqs), default=0)
    if k > longest:
        raise ValueError(f"k = {k} is longer than every sequence in {path} (longest: {longest})")
    top = top_kmers(count_canonical(seqs, k), n)
    return "kmer\tcount\n" + "".join(f"{kmer}\t{count}\n" for kmer, count in top)


# region: motif
def match_starts(seq: str, pattern: str) -> list[int]:
    """0-based starts of every match, overlapping ones included."""
    starts = []
    at = seq.find(pattern)
    while at != -1:
        starts.append(at)
        at = seq.find(pattern, at + 1)  # +1, not + len(pattern): matches may overlap
    return starts


def run_motif(path: str, pattern: str) -> str:
    pattern = pattern.upper()
    if not pattern:
        raise ValueError("pattern is empty: give a motif of A, C, G and T")
    bad = next((c for c in pattern if c not in "ACGT"), None)
    if bad is not None:
        raise ValueError(f"pattern {pattern} contains '{bad}': use only A, C, G and T")
    rows = ["id\tstrand\tposition\n"]
    for record_id, seq in read_fasta(path):
        seq = seq.upper()
        # A match of the reverse complement on the forward strand is a match of the
        # pattern on the reverse strand, at the same forward-strand coordinates.
        hits = [(at, "+") for at in match_starts(seq, pattern)]
        hits += [(at, "-") for at in match_starts(seq, revcomp(pattern))]
        hits.sort()  # by position, then strand: "+" sorts before "-"
        rows += [f"{record_id}\t{strand}\t{at}\n" for at, strand in hits]
    return "".join(rows)
# endregion


def main(argv: list[str]) -> None:
    args = argv[1:]
    try:
        if len(args) == 4 and args[0] == "kmers":
            output = run_kmers(*args[1:])
        elif len(args) == 3 and args[0] == "motif":
            output = run_motif(*args[1:])
        else:
            sys.exit(USAGE)
    except OSError as err:
        sys.exit(f"error: cannot read {args[1]}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    sys.stdout.write(output)


if __name__ == "__main__":
    main(sys.argv)
