# Hidden check: appended after the learner's code, which must define auc.
for _risk, _resp, _want, _why in [
    ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75, "the example of the prompt: 3 of the 4 pairs are ordered right"),
    ([0.1, 0.2, 0.3, 0.9], [0, 0, 1, 1], 1.0, "every responder above every non-responder is a perfect 1"),
    ([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0.0, "every responder below every non-responder is 0"),
    ([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5, "all risks tied: every pair counts one half"),
    ([0.2, 0.5, 0.5, 0.7, 0.1], [0, 1, 0, 1, 0], 5.5 / 6, "a responder tied with a non-responder counts one half for that pair: 5.5 of 6 pairs"),
    ([0.3, 0.6, 0.1], [1, 0, 1], 0.0, "the responders need not come first in the list"),
    ([0.3, 0.6, 0.1], [1, 1, 1], None, "no non-responders: no pair to compare, so None"),
    ([0.3, 0.6, 0.1], [0, 0, 0], None, "no responders: None"),
]:
    _got = auc(_risk, _resp)
    if _want is None:
        assert _got is None, f"auc({_risk}, {_resp}) should be None, got {_got!r}: {_why}"
    else:
        assert _got is not None and abs(_got - _want) < 1e-12, f"auc({_risk}, {_resp}) should be {_want:.6f}, got {_got!r}: {_why}"
