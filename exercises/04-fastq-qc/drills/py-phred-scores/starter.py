def phred_summary(qual: str) -> tuple[int, int]:
    """(sum of the Phred+33 scores, number of scores >= 20) for one quality line."""
    # Your code here.
    return (0, 0)
