import math


def cholesky(a: list[list[float]]) -> list[list[float]]:
    """Lower-triangular L with L Lᵀ = a; ValueError if a is not positive definite."""
    p = len(a)
    low = [[0.0] * p for _ in range(p)]
    # Your code here.
    return low
