def score_alignment(aligned_a: str, aligned_b: str) -> int:
    """The score of an alignment: +2 match, -1 mismatch, -2 per gap position."""
    # Your code here.
    return 0
