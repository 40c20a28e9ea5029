# Hidden check: appended after the learner's code, which must define cholesky.
for _a, _want, _why in [
    ([[4.0]], [[2.0]], "a 1 × 1 matrix: the square root"),
    ([[4.0, 2.0], [2.0, 10.0]], [[2.0, 0.0], [1.0, 3.0]], "the example in the task"),
    (
        [[4.0, 2.0, -2.0], [2.0, 10.0, 2.0], [-2.0, 2.0, 6.0]],
        [[2.0, 0.0, 0.0], [1.0, 3.0, 0.0], [-1.0, 1.0, 2.0]],
        "3 × 3: every entry uses the columns before it",
    ),
]:
    _got = cholesky(_a)
    assert _got == _want, f"cholesky({_a}) should be {_want}, got {_got}: {_why}"
for _bad, _why in [
    ([[1.0, 2.0], [2.0, 1.0]], "a negative pivot (1 − 2²/1 = −3)"),
    ([[1.0, 1.0], [1.0, 1.0]], "two identical columns: the pivot is exactly 0"),
]:
    try:
        cholesky(_bad)
    except ValueError:
        pass
    else:
        raise AssertionError(f"cholesky({_bad}) should raise ValueError: {_why}")
