def fixed2(numerator: int, denominator: int) -> str:
    """numerator/denominator with 2 decimals, rounded half up on the exact fraction."""
    scaled = (2 * numerator * 100 + denominator) // (2 * denominator)
    return f"{scaled // 100}.{scaled % 100:02d}"


def svg_bar(i: int, n: int, kmer: str, count: int, top: int) -> str:
    """The <rect> of bar i of n, for a k-mer seen `count` times; `top` is the largest count."""
    # x = 70 + 620 * (i + 1/10) / n, written as one fraction over 10 n.
    x = fixed2(700 * n + 620 * (10 * i + 1), 10 * n)
    y = fixed2(300 * top - 240 * count, top)
    width = fixed2(496, n)
    height = fixed2(240 * count, top)
    twice_gc = 2 * (kmer.count("G") + kmer.count("C"))
    if twice_gc < len(kmer):
        fill = "#4e79a7"
    elif twice_gc == len(kmer):
        fill = "#bab0ac"
    else:
        fill = "#e15759"
    return f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{fill}"><title>{kmer} {count}</title></rect>'
