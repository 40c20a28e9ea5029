def fixed2(numerator: int, denominator: int) -> str:
    """numerator/denominator with 2 decimals, rounded half up on the exact fraction."""
    scaled = (2 * numerator * 100 + denominator) // (2 * denominator)
    return f"{scaled // 100}.{scaled % 100:02d}"


def svg_bar(i: int, n: int, kmer: str, count: int, top: int) -> str:
    """The <rect> of bar i of n, for a k-mer seen `count` times; `top` is the largest count."""
    # Your code here.
    return ""
