# Hidden check: appended after the learner's code, which must define standardize.
def _close(a, b):
    return len(a) == len(b) and all(abs(x - y) <= 1e-12 for x, y in zip(a, b))


for _values, _want, _why in [
    ([1.0, 2.0, 3.0], [-1.0, 0.0, 1.0], "mean 2, sd sqrt(2 / (3 - 1)) = 1: divide by n - 1, not n"),
    ([2.0, 4.0], [-0.7071067811865475, 0.7071067811865475], "two samples: sd = sqrt(2 / 1)"),
    ([5.12, 6.301, 4.877, 5.954, 6.21], [-0.8782134039943149, 0.933753804456569, -1.2510398490862416, 0.4013637779261224, 0.7941356706978638], "gene G001 of data/constant-gene.tsv"),
    ([10.0, 10.0, 10.0, 13.0], [-0.5, -0.5, -0.5, 1.5], "mean 10.75, sd 1.5"),
]:
    _data = list(_values)
    _got = standardize(_data)
    assert _data == _values, "standardize() changed its argument: return a new list"
    assert isinstance(_got, list) and _close(_got, _want), (
        f"standardize({_values}) should be {_want}, got {_got!r}: {_why}"
    )

try:
    _got = standardize([2.5, 2.5, 2.5])
except ValueError:
    pass
else:
    raise AssertionError(f"standardize([2.5, 2.5, 2.5]) should raise ValueError (a constant gene), but returned {_got!r}")
