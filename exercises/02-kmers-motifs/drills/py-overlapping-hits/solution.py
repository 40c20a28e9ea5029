def match_starts(seq: str, pattern: str) -> list[int]:
    """0-based starts of every match of pattern in seq, overlapping ones included."""
    starts = []
    at = seq.find(pattern)
    while at != -1:
        starts.append(at)
        at = seq.find(pattern, at + 1)  # one base on: the next match may overlap this one
    return starts
