# Hidden check: appended after the learner's code, which must define phred_summary.
for _qual, _want, _why in [
    ("I#5", (62, 2), "the example in the prompt: 40 + 2 + 20"),
    ("IIII", (160, 4), "'I' is Q40: every base counts"),
    ("!!!!", (0, 0), "'!' is Q0, the lowest score"),
    ("5", (20, 1), "'5' is exactly Q20, and Q20 counts (>= 20)"),
    ("4", (19, 0), "'4' is Q19, just below the line"),
    ("###", (6, 0), "'#' is Q2, the score of an N or an untrusted tail"),
    ("@+", (41, 1), "'@' is Q31 and '+' is Q10: a quality line may start with either"),
    ("", (0, 0), "an empty line has nothing to add up"),
]:
    _got = phred_summary(_qual)
    assert _got == _want, f"phred_summary({_qual!r}) should be {_want}, got {_got!r}: {_why}"
