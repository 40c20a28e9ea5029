import math


def standardize(values: list[float]) -> list[float]:
    """(x - mean) / sd for every value, with the n - 1 standard deviation."""
    # Your code here.
    return list(values)
