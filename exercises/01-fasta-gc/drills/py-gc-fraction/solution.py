def gc_fraction(seq: str) -> tuple[int, int]:
    """(G + C, A + C + G + T) for one sequence, counted case-insensitively."""
    upper = seq.upper()
    gc = upper.count("G") + upper.count("C")
    at = upper.count("A") + upper.count("T")
    return (gc, gc + at)
