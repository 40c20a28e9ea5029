# Hidden check: appended after the learner's code, which must define gc_fraction.
for _seq, _want, _why in [
    ("GGCC", (4, 4), "every base is G or C"),
    ("ATAT", (0, 4), "A and T belong in the second number"),
    ("acgt", (2, 4), "lowercase (soft-masked) bases still count"),
    ("ACGTNN", (2, 4), "N is an unknown base: it belongs in neither number"),
    ("GCSSWW", (2, 2), "S and W are IUPAC codes, not G, C, A or T"),
    ("NNNN", (0, 0), "a sequence of only N has nothing to count"),
    ("", (0, 0), "an empty sequence gives (0, 0)"),
    ("GgCcAaTtRYKM", (4, 8), "mixed case and IUPAC codes together"),
]:
    _got = gc_fraction(_seq)
    assert _got == _want, f"gc_fraction({_seq!r}) should be {_want}, got {_got!r}: {_why}"
