"""Global alignment (Needleman-Wunsch) of every sequence pair in a TSV file.

Usage: python main.py pairs.tsv
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import sys

# region: scoring
MATCH = 2
MISMATCH = -1
GAP = -2  # per gap position: a gap of k positions costs k * GAP (a linear gap score)
HEADER = "id\tseq_a\tseq_b"


def substitution(x: str, y: str) -> int:
    return MATCH if x == y else MISMATCH
# endregion


def check_sequence(path: str, line_no: int, name: str, seq: str) -> str:
    """The sequence in uppercase, or ValueError naming the line and what is wrong."""
    if not seq:
        raise ValueError(f"{path} line {line_no}: {name} is empty")
    for position, letter in enumerate(seq, start=1):
        if letter not in "ACGTacgt":
            raise ValueError(
                f"{path} line {line_no}: {name} has '{letter}' at position {position}"
                " (only A, C, G and T are allowed)"
            )
    return seq.upper()  # soft-masked (lowercase) bases are still bases


# region: parse
def parse_pairs(path: str) -> list[tuple[str, str, str]]:
    """(id, seq_a, seq_b) for every line after the header; blank lines are skipped."""
    pairs = []
    # newline=None (the default) turns Windows "\r\n" into "\n" for us.
    with open(path, encoding="utf-8") as handle:
        if handle.readline().rstrip("\n") != HEADER:  # "" for an empty file
            raise ValueError(f"{path} line 1: the header must be id, seq_a, seq_b (tab-separated)")
        for line_no, line in enumerate(handle, start=2):
            fields = line.rstrip("\n").split("\t")
            if fields == [""]:
                continue
            if len(fields) != 3:
                raise ValueError(
                    f"{path} line {line_no}: expected 3 tab-separated fields (id, seq_a, seq_b),"
                    f" found {len(fields)}"
                )
            seq_a = check_sequence(path, line_no, "seq_a", fields[1])
            seq_b = check_sequence(path, line_no, "seq_b", fields[2])
            pairs.append((fields[0], seq_a, seq_b))
    return pairs
# endregion


# region: fill
def fill_scores(a: str, b: str) -> list[list[int]]:
    """h[i][j] = best score of a[:i] against b[:j]: a list of n + 1 rows of m + 1 ints."""
    n, m = len(a), len(b)
    h = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        h[0][j] = j * GAP  # b[:j] against nothing: j gap positions
    for i in range(1, n + 1):
        above, row = h[i - 1], h[i]  # two names for two rows: no h[i][j] lookups below
        row[0] = i * GAP
        a_i = a[i - 1]
        for j in range(1, m + 1):
            # substitution(), written out: one Python function call fewer per cell.
            diagonal = above[j - 1] + (MATCH if a_i == b[j - 1] else MISMATCH)
            up = above[j] + GAP  # a[i-1] against a gap in b
            left = row[j - 1] + GAP  # b[j-1] against a gap in a
            row[j] = max(diagonal, up, left)
    return h
# endregion


# region: traceback
def traceback(h: list[list[int]], a: str, b: str) -> tuple[str, str]:
    """Walk back from the bottom-right corner; on ties: diagonal, then up, then left."""
    i, j = len(a), len(b)
    row_a, row_b = [], []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and h[i][j] == h[i - 1][j - 1] + substitution(a[i - 1], b[j - 1]):
            row_a.append(a[i - 1])
            row_b.append(b[j - 1])
            i, j = i - 1, j - 1
        elif i > 0 and h[i][j] == h[i - 1][j] + GAP:
            row_a.append(a[i - 1])
            row_b.append("-")
            i -= 1
        else:  # only left is left, and then j > 0 (see the lesson)
            row_a.append("-")
            row_b.append(b[j - 1])
            j -= 1
    # Built from the end backwards: reverse once at the end.
    return "".join(reversed(row_a)), "".join(reversed(row_b))
# endregion


def write_table(pairs: list[tuple[str, str, str]]) -> None:
    lines = ["id\tscore\taligned_a\taligned_b\n"]
    for pair_id, a, b in pairs:
        h = fill_scores(a, b)
        aligned_a, aligned_b = traceback(h, a, b)
        lines.append(f"{pair_id}\t{h[len(a)][len(b)]}\t{aligned_a}\t{aligned_b}\n")
    sys.stdout.write("".join(lines))


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python main.py <pairs.tsv>")
    path = argv[1]
    try:
        pairs = parse_pairs(path)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    write_table(pairs)


if __name__ == "__main__":
    main(sys.argv)
