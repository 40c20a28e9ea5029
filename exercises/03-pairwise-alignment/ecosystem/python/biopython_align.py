"""Global alignment of sequence pairs, with Biopython's PairwiseAligner doing the scoring.

Usage: python biopython_align.py pairs.tsv
Needs Biopython (written against 1.80; Debian: apt-get install -y python3-biopython).
Prints exactly what ../../python/main.py prints; expected/align.tsv was made with it.

What Biopython decides here, and what it does not:
  - the score column is PairwiseAligner.score(a, b), with nothing of ours in it;
  - the alignment columns need one more thing. Several alignments often share the
    optimal score, and PairwiseAligner.align(a, b) yields every one of them, in an order
    it does not document. There can be millions (len() counts them without listing
    them: the primer_in_read pair has about 9.5 million), so sorting them all to pick
    the one this task's tie rule names is out of reach. Instead we walk back from the end, as
    the core solutions do, but every score we compare is Biopython's: the best score of
    the prefixes a[:i] and b[:j] is aligner.score(a[:i], b[:j]). The only thing of ours
    is the order in which the three moves are tried: the task's tie rule.
"""

import functools
import sys

from Bio.Align import PairwiseAligner

GAP = -2
HEADER = ["id", "seq_a", "seq_b"]


def make_aligner() -> PairwiseAligner:
    # Biopython charges open_gap_score for the first position of a gap and
    # extend_gap_score for each further one: a gap of k costs open + (k - 1) * extend.
    # Both -2 is therefore the linear -2 per gap position. mode="global" also charges
    # gaps at either end, as the task requires (the default end-gap scores follow
    # open_gap_score and extend_gap_score).
    return PairwiseAligner(
        mode="global", match_score=2, mismatch_score=-1, open_gap_score=GAP, extend_gap_score=GAP
    )


def read_pairs(path: str) -> list[tuple[str, str, str]]:
    """(id, seq_a, seq_b) for every line after the header, sequences upper-cased."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if line_no == 1:
                if fields != HEADER:
                    sys.exit(f"error: {path} line 1: the header must be id, seq_a, seq_b (tab-separated)")
                continue
            if fields == [""]:
                continue  # a blank line
            if len(fields) != 3:
                sys.exit(f"error: {path} line {line_no}: expected 3 tab-separated fields, found {len(fields)}")
            seq_a, seq_b = fields[1].upper(), fields[2].upper()
            for name, seq in (("seq_a", seq_a), ("seq_b", seq_b)):
                # Biopython would align N, or any letter, with the mismatch score: refuse it.
                if not seq or set(seq) - set("ACGT"):
                    sys.exit(f"error: {path} line {line_no}: {name} must be one or more of A, C, G, T")
            pairs.append((fields[0], seq_a, seq_b))
    return pairs


def preferred_alignment(aligner: PairwiseAligner, a: str, b: str) -> tuple[str, str]:
    """The optimal alignment the task's tie rule picks, with Biopython's scores."""

    @functools.lru_cache(maxsize=None)
    def best(i: int, j: int) -> float:
        # Biopython refuses to align an empty sequence; a prefix against nothing is
        # i + j gap columns, which is what a linear gap score means.
        if i == 0 or j == 0:
            return GAP * (i + j)
        return aligner.score(a[:i], b[:j])

    i, j = len(a), len(b)
    here = best(i, j)
    row_a, row_b = [], []
    while i > 0 or j > 0:
        # The task's tie rule: diagonal first, then a gap in b, then a gap in a. The
        # score of one base against one base is Biopython's too (match or mismatch).
        if i > 0 and j > 0 and best(i - 1, j - 1) + aligner.score(a[i - 1], b[j - 1]) == here:
            row_a.append(a[i - 1])
            row_b.append(b[j - 1])
            i, j = i - 1, j - 1
        elif i > 0 and best(i - 1, j) + GAP == here:
            row_a.append(a[i - 1])
            row_b.append("-")
            i -= 1
        else:
            row_a.append("-")
            row_b.append(b[j - 1])
            j -= 1
        here = best(i, j)
    return "".join(reversed(row_a)), "".join(reversed(row_b))


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python biopython_align.py <pairs.tsv>")
    path = argv[1]
    try:
        pairs = read_pairs(path)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    aligner = make_aligner()
    rows = ["id\tscore\taligned_a\taligned_b\n"]
    for pair_id, a, b in pairs:
        score = int(aligner.score(a, b))  # a float in Biopython, 118.0; exact here
        aligned_a, aligned_b = preferred_alignment(aligner, a, b)
        rows.append(f"{pair_id}\t{score}\t{aligned_a}\t{aligned_b}\n")
    sys.stdout.write("".join(rows))


if __name__ == "__main__":
    main(sys.argv)
