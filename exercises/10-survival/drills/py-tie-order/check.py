# Hidden check: appended after the learner's code, which must define km_curve.
def _rounded(curve):
    return {day: round(s, 4) for day, s in curve.items()}


for _patients, _want, _why in [
    ([(2, 1), (2, 1), (4, 1), (4, 0), (6, 0), (9, 1)], {2: 0.6667, 4: 0.5, 9: 0.0},
     "day 4 has an event and a censoring: four patients are at risk that day, so S(4) = 2/3 * 3/4 = 0.5"),
    ([(4, 0), (4, 1), (9, 1), (2, 1), (6, 0), (2, 1)], {2: 0.6667, 4: 0.5, 9: 0.0},
     "the input order must not matter"),
    ([(5, 0), (5, 1)], {5: 0.5}, "one event and one censoring on day 5: S(5) = 1/2"),
    ([(3, 1), (3, 1), (3, 0), (7, 1)], {3: 0.5, 7: 0.0}, "two events and a censoring among four patients on day 3: S(3) = 2/4"),
    ([(1, 0), (2, 0)], {}, "no events, no rows"),
]:
    _got = _rounded(km_curve(_patients))
    assert _got == _want, f"km_curve({_patients}) should be {_want}, got {_got}: {_why}"
