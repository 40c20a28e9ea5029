# Hidden check: appended after the learner's code, which must define score_alignment.
for _a, _b, _want, _why in [
    ("ACGT", "ACGT", 8, "four matches are 4 x 2"),
    ("ACGT", "AGGT", 5, "a mismatch scores -1, not 0"),
    ("ACGT", "AC-T", 4, "a gap position scores -2"),
    ("-ACGT", "AACGT", 6, "an end gap is charged like any other gap"),
    ("ACG--T", "ACGAAT", 4, "a gap of two positions costs 2 x -2 (a linear gap score)"),
    ("A", "-", -2, "one base against a gap"),
    ("TCTCTTCCTTCCACATCAGCAAAAAACGACAAACTGTGTCGT",
     "TCTCTTCCTTCCACATCAGC-AAAAACGACAAACTGTGTCGT", 80,
     "the homopolymer_indel row of expected/align.tsv scores 80"),
    ("-------------------------A", "ACATATCGTATCTAATATTAAAGTCA", -48,
     "the single_base row: 25 gap positions and one match"),
]:
    _got = score_alignment(_a, _b)
    assert _got == _want, f"score_alignment({_a!r}, {_b!r}) should be {_want}, got {_got!r}: {_why}"
