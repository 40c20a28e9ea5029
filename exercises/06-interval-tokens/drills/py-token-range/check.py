# Hidden check: appended after the learner's code, which must define overlapping().
_starts = [100, 200, 500, 900]
_ends = [200, 300, 800, 1000]
for _query, _want, _why in [
    ((150, 250), [0, 1], "1 bp or more of two touching regions"),
    ((300, 500), [], "exactly the gap: it touches regions 1 and 2 and overlaps neither"),
    ((50, 100), [], "half-open: a query ending at 100 stops before region 0 starts"),
    ((200, 201), [1], "a query starting at 200 is past region 0, which ends at 200"),
    ((199, 200), [0], "base 199 is the last base of region 0"),
    ((0, 2000), [0, 1, 2, 3], "a query covering everything"),
    ((1000, 1200), [], "after the last region"),
    ((600, 700), [2], "inside one region"),
    ((799, 901), [2, 3], "1 bp of each end"),
]:
    _got = overlapping(_starts, _ends, *_query)
    assert list(_got) == _want, f"overlapping(..., {_query[0]}, {_query[1]}) should be {_want}, got {_got!r}: {_why}"
assert overlapping([], [], 0, 10) == [], "an empty chromosome has no overlaps"
