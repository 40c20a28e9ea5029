"""PCA of the samples of a genes × samples expression matrix, printed as TSV.

Usage: python main.py variance expression.tsv
       python main.py scores expression.tsv
Standard library only, so it runs unchanged in Pyodide in the browser. Every sum is an
explicit left-to-right loop, in the same order as ../r/main.R and ../rust/main.rs, so the
three print the same bytes (see `running_sum` for why not the built-in sum()).
"""

import math
import re
import sys

# A plain decimal number, as Rust's str::parse::<f64> accepts it: float() alone would
# also take " 5", "1_000", "nan" and "infinity".
NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")

# Stop the Jacobi sweeps once every off-diagonal entry is this small relative to the
# largest diagonal entry of the Gram matrix; MAX_SWEEPS is only a safety net.
TOLERANCE = 1e-15
MAX_SWEEPS = 100
COMPONENTS = 5


class InputError(Exception):
    """Bad input: the message says which line, sample or gene is wrong."""


# region: running-sum
def running_sum(values) -> float:
    """Left-to-right sum, one rounding per addition, like R's and Rust's loops here.

    Not the built-in: from Python 3.12 on, sum() of floats is compensated (Neumaier),
    which is more accurate and therefore not the same double as a plain loop.
    """
    total = 0.0
    for value in values:
        total += value
    return total
# endregion


# region: parse
def read_matrix(path: str) -> tuple[list[str], list[str], list[list[float]]]:
    """Sample names, gene ids and one row of floats per gene, in file order."""
    samples: list[str] = []
    genes: list[str] = []
    rows: list[list[float]] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip("\r\n")
            if not text:
                continue  # blank lines are allowed anywhere
            fields = text.split("\t")
            if not samples:
                samples = fields[1:]
                if len(samples) < 2:
                    raise InputError(f"{path} line {line_no}: the header needs at least 2 sample columns")
                continue
            if len(fields) != len(samples) + 1:
                raise InputError(
                    f"{path} line {line_no}: expected {len(samples) + 1} fields "
                    f"(a gene id and {len(samples)} samples), found {len(fields)}"
                )
            # Fast path: check and convert the whole line with map(), which loops in C.
            row = list(map(float, fields[1:])) if all(map(NUMBER.fullmatch, fields[1:])) else []
            if not row or not all(map(math.isfinite, row)):
                # Slow path, for a bad line only: find the first field that is wrong.
                for sample, field in zip(samples, fields[1:]):
                    if not (NUMBER.fullmatch(field) and math.isfinite(float(field))):
                        raise InputError(f"{path} line {line_no}, sample {sample}: '{field}' is not a number")
            genes.append(fields[0])
            rows.append(row)
    if not samples:
        raise InputError(f"{path}: no header line")
    if not rows:
        raise InputError(f"{path}: no genes")
    return samples, genes, rows
# endregion


# region: standardize
def standardize(path: str, genes: list[str], rows: list[list[float]]) -> None:
    """Centre each gene on its mean and divide by its sd (n − 1), in place."""
    n = len(rows[0])
    for gene, row in zip(genes, rows):
        if all(value == row[0] for value in row):
            raise InputError(f"{path}: gene {gene} is constant (variance 0), so it cannot be scaled to unit variance")
        mean = running_sum(row) / n
        for j in range(n):
            row[j] -= mean
        sd = math.sqrt(running_sum(d * d for d in row) / (n - 1))
        for j in range(n):
            row[j] /= sd
# endregion


# region: gram
def gram(rows: list[list[float]]) -> list[list[float]]:
    """G = Z Zᵀ for samples × samples: G[i][j] sums z_gi·z_gj over genes, in file order."""
    n = len(rows[0])
    g = [[0.0] * n for _ in range(n)]
    for z in rows:  # one gene at a time: its outer product z·zᵀ is added to G
        for i, (zi, gi) in enumerate(zip(z, g)):
            # Lower triangle only (j <= i), updated in place; the comprehension runs
            # the inner loop at C speed.
            gi[: i + 1] = [acc + zi * zj for acc, zj in zip(gi, z[: i + 1])]
    for i in range(n):
        for j in range(i):
            g[j][i] = g[i][j]
    return g
# endregion


# region: jacobi
def jacobi(a: list[list[float]]) -> tuple[list[float], list[list[float]]]:
    """Eigenvalues and eigenvectors (columns of v) of the symmetric matrix a, in place.

    Cyclic Jacobi: sweep over the pairs (p, q), p < q, in row order; each rotation
    zeroes a[p][q]. Stop after the first sweep that finds nothing above the tolerance.
    """
    n = len(a)
    v = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    threshold = TOLERANCE * max(abs(a[i][i]) for i in range(n))
    for _sweep in range(MAX_SWEEPS):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                apq = a[p][q]
                if abs(apq) <= threshold:
                    continue
                rotated = True
                app, aqq = a[p][p], a[q][q]
                theta = (aqq - app) / (2.0 * apq)
                t = 1.0 / (abs(theta) + math.sqrt(theta * theta + 1.0))
                if theta < 0.0:
                    t = -t
                c = 1.0 / math.sqrt(t * t + 1.0)
                s = t * c
                for k in range(n):
                    if k != p and k != q:
                        akp, akq = a[k][p], a[k][q]
                        a[k][p] = a[p][k] = c * akp - s * akq
                        a[k][q] = a[q][k] = s * akp + c * akq
                a[p][p] = app - t * apq
                a[q][q] = aqq + t * apq
                a[p][q] = a[q][p] = 0.0
                for row in v:
                    vkp, vkq = row[p], row[q]
                    row[p] = c * vkp - s * vkq
                    row[q] = s * vkp + c * vkq
        if not rotated:
            break
    return [a[i][i] for i in range(n)], v
# endregion


def fixed(x: float) -> str:
    """6 decimals; a value that rounds to zero prints 0.000000, never -0.000000."""
    text = f"{x:.6f}"
    return "0.000000" if text == "-0.000000" else text


# region: scores
def scores(rows: list[list[float]], values: list[float], vectors: list[list[float]], k: int) -> list[float]:
    """Scores of component k, u·sqrt(λ), signed so the gene with the largest |loading| is positive.

    The loadings are Zᵀu / sqrt(λ); dividing by sqrt(λ) > 0 changes neither their signs
    nor which one is largest, so Zᵀu is enough to choose the sign.
    """
    u = [row[k] for row in vectors]
    best, best_abs = 0.0, -1.0
    for z in rows:
        w = running_sum(zi * ui for zi, ui in zip(z, u))
        if abs(w) > best_abs:  # strictly larger: the first gene wins a tie
            best, best_abs = w, abs(w)
    root = math.sqrt(max(values[k], 0.0))
    sign = -1.0 if best < 0.0 else 1.0
    return [sign * (ui * root) for ui in u]
# endregion


def main(argv: list[str]) -> None:
    if len(argv) != 3 or argv[1] not in ("variance", "scores"):
        sys.exit("usage: python main.py <variance|scores> <expression.tsv>")
    analysis, path = argv[1], argv[2]
    try:
        samples, genes, rows = read_matrix(path)
        standardize(path, genes, rows)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except (InputError, ValueError) as err:  # ValueError includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    values, vectors = jacobi(gram(rows))
    # Largest eigenvalue first; sorted() is stable, so equal values keep their index order.
    order = sorted(range(len(values)), key=lambda k: -values[k])
    values = [values[k] for k in order]
    vectors = [[row[k] for k in order] for row in vectors]
    if analysis == "variance":
        total = running_sum(values)
        lines = ["PC\tvariance_ratio\n"]
        # As many components as prcomp() reports, min(samples, genes), but at most 5.
        for k in range(min(COMPONENTS, len(samples), len(genes))):
            lines.append(f"PC{k + 1}\t{fixed(values[k] / total)}\n")
    else:
        pc1, pc2 = scores(rows, values, vectors, 0), scores(rows, values, vectors, 1)
        lines = ["sample\tPC1\tPC2\n"]
        for sample, a, b in zip(samples, pc1, pc2):
            lines.append(f"{sample}\t{fixed(a)}\t{fixed(b)}\n")
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv)
