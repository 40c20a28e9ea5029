def auc(risk: list[float], response: list[int]) -> float | None:
    """Mann-Whitney U / (n1 n0), tied risks sharing their mid-rank; None if a group is empty."""
    # Your code here.
    return 0.5
