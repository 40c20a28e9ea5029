from bisect import bisect_left, bisect_right


def overlapping(starts: list[int], ends: list[int], start: int, end: int) -> list[int]:
    """Indices of the sorted, non-overlapping regions that share >= 1 bp with [start, end)."""
    first = bisect_right(ends, start)  # regions ending at or before `start` come first
    last = bisect_left(starts, end)  # regions starting before `end` come before `last`
    return list(range(first, last))
