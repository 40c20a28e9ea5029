# Hidden check: appended after the learner's code, which must define overlapping.
_track = [(0, 100, 1.5), (100, 250, 2.0), (400, 500, 0.5), (500, 501, 9.0), (800, 1000, 3.0)]
for _start, _end, _want, _why in [
    (0, 50, [(0, 100, 1.5)], "a window inside the first interval"),
    (100, 150, [(100, 250, 2.0)], "half-open: (0, 100, 1.5) ends where the window starts, so it shares no base"),
    (250, 400, [], "the window is exactly the gap between two intervals: nothing is covered"),
    (99, 101, [(0, 100, 1.5), (100, 250, 2.0)], "base 99 is in the first interval, base 100 in the second"),
    (450, 801, [(400, 500, 0.5), (500, 501, 9.0), (800, 1000, 3.0)], "three intervals, one of them a single base"),
    (500, 501, [(500, 501, 9.0)], "a one-base window on a one-base interval"),
    (1000, 1200, [], "after the last interval"),
    (0, 2000, _track, "a window over the whole track"),
]:
    _got = overlapping(_track, _start, _end)
    assert list(_got) == _want, f"overlapping(track, {_start}, {_end}) should be {_want}, got {_got!r}: {_why}"
_got = overlapping([], 0, 10)
assert list(_got) == [], f"an empty track has no overlapping intervals, got {_got!r}"
