def gc_fraction(seq: str) -> tuple[int, int]:
    """(G + C, A + C + G + T) for one sequence, counted case-insensitively."""
    # Your code here.
    return (0, 0)
