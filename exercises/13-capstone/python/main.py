"""The capstone pipeline's last stage: summarise a canonical k-mer profile as a table of
totals and the ten most frequent k-mers, and draw it as a bar chart in SVG.

Usage: python main.py table profile.tsv            the table, on stdout
       python main.py plot profile.tsv             the SVG, on stdout
       python main.py report profile.tsv plot.svg  the table on stdout, the SVG in a file
Standard library only, so it runs unchanged in Pyodide in the browser. The SVG is text
built by string formatting, with every coordinate computed on whole numbers, so the R
and Rust versions write the very same bytes.
"""

import re
import sys

USAGE = "usage: main table PROFILE | plot PROFILE | report PROFILE PLOT.svg"
HEADER = "kmer\tcount"
ACGT_ONLY = re.compile(r"[ACGT]+")
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
COMPLEMENT = str.maketrans("ACGT", "TGCA")
TOP = 10


class ProfileError(ValueError):
    """A profile that breaks a rule; the message names the file and the line."""


def reverse_complement(kmer: str) -> str:
    return kmer.translate(COMPLEMENT)[::-1]


# region: parse
def read_profile(path: str) -> list[tuple[str, int]]:
    """The (k-mer, count) rows of a profile, in file order, checked line by line."""
    # newline=None (the default) turns "\r\n" into "\n".
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start a new one
    if not lines or lines[0] != HEADER:
        raise ProfileError(f"{path} line 1: expected the header kmer<TAB>count")
    rows: list[tuple[str, int]] = []
    seen: dict[str, int] = {}  # k-mer -> the line it was on
    for line_no, line in enumerate(lines[1:], start=2):
        where = f"{path} line {line_no}"
        fields = line.split("\t")
        if len(fields) != 2:
            raise ProfileError(f"{where}: expected 2 tab-separated fields, got {len(fields)}")
        kmer, count = fields
        if not ACGT_ONLY.fullmatch(kmer):
            raise ProfileError(f"{where}: k-mer '{kmer}' has a letter other than A, C, G or T")
        if rows and len(kmer) != len(rows[0][0]):
            raise ProfileError(
                f"{where}: k-mer '{kmer}' has {len(kmer)} letters, but the first k-mer has {len(rows[0][0])}"
            )
        rc = reverse_complement(kmer)
        if rc < kmer:
            raise ProfileError(f"{where}: k-mer '{kmer}' is not canonical: its reverse complement '{rc}' comes first")
        if not WHOLE_NUMBER.fullmatch(count):
            raise ProfileError(f"{where}: count '{count}' is not a whole number of at most 9 digits")
        if kmer in seen:
            raise ProfileError(f"{where}: k-mer '{kmer}' appears twice (first on line {seen[kmer]})")
        seen[kmer] = line_no
        rows.append((kmer, int(count)))
    if not rows:
        raise ProfileError(f"{path} has no k-mers")
    return rows
# endregion


def format_ratio(numerator: int, denominator: int, decimals: int) -> str:
    """num/den rounded half up on the exact fraction; "NA" when den is 0. Integers only:
    f"{x:.2f}" would round the nearest binary float, half to even."""
    if denominator == 0:
        return "NA"
    scale = 10**decimals
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    return f"{scaled // scale}.{scaled % scale:0{decimals}d}"


def gc_bases(kmer: str) -> int:
    return kmer.count("G") + kmer.count("C")


# region: summary
def by_count(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Most frequent first; equal counts in alphabetical order of the k-mer."""
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def summary_table(rows: list[tuple[str, int]]) -> list[str]:
    k = len(rows[0][0])
    # Explicit loops, not sum(): the totals are whole numbers either way, and the same
    # loop is what the R and Rust versions write.
    total = 0
    gc = 0
    distinct = 0
    for kmer, count in rows:
        total += count
        gc += count * gc_bases(kmer)
        if count > 0:
            distinct += 1
    lines = ["k\tkmers\tdistinct\tgc", f"{k}\t{total}\t{distinct}\t{format_ratio(gc, k * total, 4)}", ""]
    lines.append("rank\tkmer\tcount\tpercent")
    top = [row for row in by_count(rows) if row[1] > 0][:TOP]
    for rank, (kmer, count) in enumerate(top, start=1):
        lines.append(f"{rank}\t{kmer}\t{count}\t{format_ratio(100 * count, total, 2)}")
    return lines
# endregion


# region: svg
# The chart: 720 x 360 pixels; bars stand on y = 300 and reach up to y = 60 (240 px)
# between x = 70 and x = 690 (620 px), one slot of 620/n px per k-mer, the bar 8/10
# of the slot wide and centred in it.
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP_Y, BASE_Y = 70, 690, 60, 300
COLOURS = (("AT-rich", "#4e79a7"), ("balanced", "#bab0ac"), ("GC-rich", "#e15759"))


def fixed2(numerator: int, denominator: int) -> str:
    """A coordinate: the exact fraction with 2 decimals, rounded half up."""
    return format_ratio(numerator, denominator, 2)


def colour(kmer: str) -> str:
    twice_gc = 2 * gc_bases(kmer)
    return COLOURS[0 if twice_gc < len(kmer) else 1 if twice_gc == len(kmer) else 2][1]


def svg_chart(rows: list[tuple[str, int]]) -> list[str]:
    k = len(rows[0][0])
    ordered = by_count(rows)
    n = len(ordered)
    top_count = ordered[0][1]
    total = 0
    for _kmer, count in rows:
        total += count
    distinct = len([row for row in rows if row[1] > 0])
    height_of = max(top_count, 1)  # a profile of zeros draws flat bars, not a division by 0
    span = RIGHT - LEFT
    span_y = BASE_Y - TOP_Y
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f"<title>Canonical {k}-mer profile</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{WIDTH // 2}" y="28" text-anchor="middle" font-size="15">'
        f"Canonical {k}-mer profile: {total} k-mers, {distinct} distinct</text>",
    ]
    for i, (label, fill) in enumerate(COLOURS):
        x = 470 + 75 * i
        out.append(f'<rect x="{x}" y="40" width="10" height="10" fill="{fill}"/>')
        out.append(f'<text x="{x + 14}" y="49">{label}</text>')
    out.append(f'<line x1="{LEFT}" y1="{BASE_Y}" x2="{RIGHT}" y2="{BASE_Y}" stroke="#333333"/>')
    out.append(f'<line x1="{LEFT}" y1="{TOP_Y}" x2="{LEFT}" y2="{BASE_Y}" stroke="#333333"/>')
    out.append(f'<text x="{LEFT - 6}" y="{BASE_Y + 4}" text-anchor="end">0</text>')
    out.append(f'<text x="{LEFT - 6}" y="{TOP_Y + 4}" text-anchor="end">{top_count}</text>')
    for i, (kmer, count) in enumerate(ordered):
        # x = LEFT + span * (i + 1/10) / n, as one fraction over 10 n.
        x = fixed2(10 * n * LEFT + span * (10 * i + 1), 10 * n)
        width = fixed2(8 * span, 10 * n)
        y = fixed2(BASE_Y * height_of - span_y * count, height_of)
        height = fixed2(span_y * count, height_of)
        out.append(
            f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colour(kmer)}">'
            f"<title>{kmer} {count}</title></rect>"
        )
    out.append(
        f'<text x="{(LEFT + RIGHT) // 2}" y="{BASE_Y + 30}" text-anchor="middle">'
        f"canonical {k}-mers, most to least frequent</text>"
    )
    middle = (TOP_Y + BASE_Y) // 2
    out.append(f'<text x="24" y="{middle}" text-anchor="middle" transform="rotate(-90 24 {middle})">count</text>')
    out.append("</svg>")
    return out
# endregion


def text_of(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


# region: main
def main(argv: list[str]) -> None:
    args = argv[1:]
    command = args[0] if args else ""
    if not ((command in ("table", "plot") and len(args) == 2) or (command == "report" and len(args) == 3)):
        sys.exit(f"error: {USAGE}")
    path = args[1]
    try:
        rows = read_profile(path)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:  # ProfileError, and UnicodeDecodeError
        sys.exit(f"error: {err}")
    if command == "plot":
        sys.stdout.write(text_of(svg_chart(rows)))
        return
    if command == "report":
        # The file first: if it cannot be written, nothing has been printed yet.
        try:
            with open(args[2], "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text_of(svg_chart(rows)))
        except OSError as err:
            sys.exit(f"error: cannot write {args[2]}: {err.strerror}")
    sys.stdout.write(text_of(summary_table(rows)))
# endregion


if __name__ == "__main__":
    main(sys.argv)
