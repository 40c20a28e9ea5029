def auc(risk: list[float], response: list[int]) -> float | None:
    """Mann-Whitney U / (n1 n0), tied risks sharing their mid-rank; None if a group is empty."""
    n = len(risk)
    n1 = sum(response)
    n0 = n - n1
    if n1 == 0 or n0 == 0:
        return None
    order = sorted(range(n), key=lambda k: risk[k])
    rank_sum = 0.0
    i = 0
    while i < n:
        j = i
        while j + 1 < n and risk[order[j + 1]] == risk[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1  # positions i..j hold ranks i+1..j+1
        for k in order[i:j + 1]:
            if response[k] == 1:
                rank_sum += mid_rank
        i = j + 1
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)
