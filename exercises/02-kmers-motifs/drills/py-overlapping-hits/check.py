# Hidden check: appended after the learner's code, which must define match_starts.
for _seq, _pattern, _want, _why in [
    ("GGTGACGTCAGG", "TGACGTCA", [2], "one CRE site"),
    ("TTAGGGTTAGGGTTAG", "TTAGGGTTAG", [0, 6], "telomere repeats overlap: the second hit starts inside the first"),
    ("AAAA", "AA", [0, 1, 2], "a run of A holds three overlapping AA"),
    ("ACACACA", "ACA", [0, 2, 4], "ACA repeats every 2 bases"),
    ("ACGT", "TTT", [], "no match gives an empty list"),
    ("", "A", [], "an empty sequence has no matches"),
]:
    _got = match_starts(_seq, _pattern)
    assert _got == _want, f"match_starts({_seq!r}, {_pattern!r}) should be {_want}, got {_got}: {_why}"
