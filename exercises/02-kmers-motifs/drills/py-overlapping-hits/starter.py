def match_starts(seq: str, pattern: str) -> list[int]:
    """0-based starts of every match of pattern in seq."""
    starts = []
    at = seq.find(pattern)
    while at != -1:
        starts.append(at)
        at = seq.find(pattern, at + len(pattern))
    return starts
