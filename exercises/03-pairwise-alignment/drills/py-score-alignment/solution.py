def score_alignment(aligned_a: str, aligned_b: str) -> int:
    """The score of an alignment: +2 match, -1 mismatch, -2 per gap position."""
    total = 0
    for x, y in zip(aligned_a, aligned_b):
        if x == "-" or y == "-":
            total += -2
        elif x == y:
            total += 2
        else:
            total += -1
    return total
