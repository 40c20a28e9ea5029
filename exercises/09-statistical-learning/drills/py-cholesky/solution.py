import math


def cholesky(a: list[list[float]]) -> list[list[float]]:
    """Lower-triangular L with L Lᵀ = a; ValueError if a is not positive definite."""
    p = len(a)
    low = [[0.0] * p for _ in range(p)]
    for j in range(p):
        s = a[j][j]
        for k in range(j):
            s -= low[j][k] * low[j][k]
        if not s > 0.0:
            raise ValueError(f"not positive definite (pivot {j + 1})")
        low[j][j] = math.sqrt(s)
        for i in range(j + 1, p):
            s = a[i][j]
            for k in range(j):
                s -= low[i][k] * low[j][k]
            low[i][j] = s / low[j][j]
    return low
