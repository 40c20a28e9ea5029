import math


def standardize(values: list[float]) -> list[float]:
    """(x - mean) / sd for every value, with the n - 1 standard deviation."""
    if all(v == values[0] for v in values):
        raise ValueError("a constant gene has variance 0 and cannot be scaled")
    n = len(values)
    total = 0.0
    for v in values:
        total += v
    mean = total / n
    squares = 0.0
    for v in values:
        squares += (v - mean) * (v - mean)
    sd = math.sqrt(squares / (n - 1))
    return [(v - mean) / sd for v in values]
