from bisect import bisect_left, bisect_right


def overlapping(track, start, end):
    """The intervals of `track` that share at least one base with start..end-1."""
    # Your code here.
    return []
