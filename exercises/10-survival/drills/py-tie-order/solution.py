def km_curve(patients: list[tuple[int, int]]) -> dict[int, float]:
    """Kaplan–Meier S(t) at each event day, from (time, event) pairs; event 1 = observed."""
    at_risk = len(patients)
    survival = 1.0
    curve = {}
    # Events first among patients of the same day: a patient censored on day t was
    # still followed on day t, so still at risk for that day's events.
    for time, event in sorted(patients, key=lambda p: (p[0], not p[1])):
        if event:
            survival *= (at_risk - 1) / at_risk
            curve[time] = survival
        at_risk -= 1
    return curve
