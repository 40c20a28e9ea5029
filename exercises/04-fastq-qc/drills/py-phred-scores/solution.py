def phred_summary(qual: str) -> tuple[int, int]:
    """(sum of the Phred+33 scores, number of scores >= 20) for one quality line."""
    scores = [ord(c) - 33 for c in qual]
    return (sum(scores), sum(1 for q in scores if q >= 20))
