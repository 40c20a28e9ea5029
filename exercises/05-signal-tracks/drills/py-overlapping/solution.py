from bisect import bisect_left, bisect_right


def overlapping(track, start, end):
    """The intervals of `track` that share at least one base with start..end-1."""
    # First interval that ends after `start` (ending *at* `start` shares no base).
    first = bisect_right(track, start, key=lambda iv: iv[1])
    # First interval, from there on, that starts at or after `end`.
    last = bisect_left(track, end, lo=first, key=lambda iv: iv[0])
    return track[first:last]
