# Hidden check: appended after the learner's code, which must define svg_bar.
for _args, _want, _why in [
    ((0, 136, "GTTA", 4042, 4042), '<rect x="70.46" y="60.00" width="3.65" height="240.00" fill="#4e79a7"><title>GTTA 4042</title></rect>', "the tallest bar, first of 136"),
    ((2, 136, "AACC", 3221, 4042), '<rect x="79.57" y="108.75" width="3.65" height="191.25" fill="#bab0ac"><title>AACC 3221</title></rect>', "two G or C out of four: balanced"),
    ((3, 136, "ACCC", 3221, 4042), '<rect x="84.13" y="108.75" width="3.65" height="191.25" fill="#e15759"><title>ACCC 3221</title></rect>', "three G or C out of four: GC-rich"),
    ((135, 136, "CGCG", 464, 4042), '<rect x="685.90" y="272.45" width="3.65" height="27.55" fill="#e15759"><title>CGCG 464</title></rect>', "the last bar ends just before x = 690"),
    ((1, 8, "ACGTA", 1, 8), '<rect x="155.25" y="270.00" width="62.00" height="30.00" fill="#4e79a7"><title>ACGTA 1</title></rect>', "an odd k: 2 G/C of 5 is AT-rich; 62.00 has its trailing zeros"),
    ((0, 2, "AAAA", 0, 1), '<rect x="101.00" y="300.00" width="248.00" height="0.00" fill="#4e79a7"><title>AAAA 0</title></rect>', "a count of 0 is a flat bar on the axis"),
]:
    _got = svg_bar(*_args)
    assert _got == _want, f"svg_bar{_args} should be\n  {_want}\ngot\n  {_got}\n({_why})"
