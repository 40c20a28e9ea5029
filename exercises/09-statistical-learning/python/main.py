"""Logistic regression (IRLS) and k-means, written out with the standard library.

Usage: python main.py logistic trial.csv
       python main.py kmeans expression.tsv K
Standard library only, so it runs unchanged in Pyodide in the browser. The three
core solutions (Python, R, Rust) add, multiply and round in the same order, so they
print the same bytes; the comments say where that order is fixed.
"""

import math
import re
import sys

USAGE = "usage: python main.py logistic <trial.csv> | kmeans <expression.tsv> <K>"
# A finite decimal number: 5, -0.25, .5, 1e-3 (not NA, inf, nan or text).
DECIMAL = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


class InputError(Exception):
    """Bad input: the message says what is wrong and where."""


# region: tree-sum
def tree_sum(values: list[float]) -> float:
    """Pairwise sum in a fixed order: pad to a power of two with zeros, then add
    the second half onto the first until one number is left.

    Not sum(): Python 3.12+ compensates its float sum, and R's sum() adds in long
    double, so neither can be reproduced by the other two languages. The tree order
    can, and its rounding error grows like log2(n), not n.
    """
    m = 1
    while m < len(values):
        m *= 2
    v = values + [0.0] * (m - len(values))
    while m > 1:
        m //= 2
        v = [a + b for a, b in zip(v[:m], v[m : 2 * m])]
    return v[0] if v else 0.0
# endregion


def read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"cannot read {path}: not UTF-8 text") from None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start a new one
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def split_rows(lines: list[str], sep: str, path: str, width: int) -> list[tuple[int, list[str]]]:
    """(line number, fields) of every non-blank line after the header. All lines are
    checked for their number of fields before any value is looked at."""
    rows = []
    for line_no, line in enumerate(lines[1:], start=2):
        if line:
            fields = line.split(sep)
            if len(fields) != width:
                raise InputError(f"{path} line {line_no}: expected {width} fields, found {len(fields)}")
            rows.append((line_no, fields))
    return rows


def parse_number(text: str, path: str, line_no: int, column: str) -> float:
    """A finite decimal number (1e999 is decimal but not finite), or an InputError."""
    value = float(text) if DECIMAL.fullmatch(text) else math.inf
    if not math.isfinite(value):
        raise InputError(f'{path} line {line_no}: {column} is not a number: "{text}"')
    return value


# ---------------------------------------------------------------- logistic regression

TERMS = ["(Intercept)", "age", "sexM", "bmi", "baseline", "armlow", "armhigh"]
NEEDED = ["response", "age", "sex", "bmi", "baseline", "arm"]
ARM_DUMMIES = {"placebo": (0.0, 0.0), "low": (1.0, 0.0), "high": (0.0, 1.0)}


# region: design
def read_trial(path: str) -> tuple[list[list[float]], list[float]]:
    """The model matrix as columns (one list per term, R's order) and the 0/1 response."""
    lines = read_lines(path)
    if not lines:
        raise InputError(f"{path} is empty")
    header = lines[0].split(",")
    for name in NEEDED:
        if name not in header:
            raise InputError(f"{path}: missing column {name}")
    at = {name: header.index(name) for name in NEEDED}
    rows = split_rows(lines, ",", path, len(header))
    columns: list[list[float]] = [[] for _ in TERMS]
    y: list[float] = []
    for line_no, fields in rows:
        row = {name: fields[at[name]] for name in NEEDED}
        for name in NEEDED:
            if row[name] == "NA":
                raise InputError(f"{path} line {line_no}: {name} is NA (the model needs complete rows)")
        if row["response"] not in ("0", "1"):
            raise InputError(f'{path} line {line_no}: response must be 0 or 1, found "{row["response"]}"')
        if row["sex"] not in ("F", "M"):
            raise InputError(f'{path} line {line_no}: sex must be F or M, found "{row["sex"]}"')
        if row["arm"] not in ARM_DUMMIES:
            raise InputError(f'{path} line {line_no}: arm must be placebo, low or high, found "{row["arm"]}"')
        low, high = ARM_DUMMIES[row["arm"]]
        values = [
            1.0,
            parse_number(row["age"], path, line_no, "age"),
            1.0 if row["sex"] == "M" else 0.0,
            parse_number(row["bmi"], path, line_no, "bmi"),
            parse_number(row["baseline"], path, line_no, "baseline"),
            low,
            high,
        ]
        for column, value in zip(columns, values):
            column.append(value)
        y.append(float(row["response"]))
    if not y:
        raise InputError(f"{path} has no patients")
    return columns, y
# endregion


# region: cholesky
def cholesky(a: list[list[float]]) -> list[list[float]]:
    """Lower-triangular L with L Lᵀ = a, for a symmetric positive definite a."""
    p = len(a)
    low = [[0.0] * p for _ in range(p)]
    for j in range(p):
        s = a[j][j]
        for k in range(j):
            s -= low[j][k] * low[j][k]
        if not s > 0.0:
            raise InputError(f"XᵀWX is not positive definite (pivot {j + 1}): is a column constant or collinear?")
        low[j][j] = math.sqrt(s)
        for i in range(j + 1, p):
            s = a[i][j]
            for k in range(j):
                s -= low[i][k] * low[j][k]
            low[i][j] = s / low[j][j]
    return low


def cholesky_solve(low: list[list[float]], b: list[float]) -> list[float]:
    """x with (L Lᵀ) x = b: forward substitution, then back substitution."""
    p = len(b)
    z = [0.0] * p
    for i in range(p):
        s = b[i]
        for k in range(i):
            s -= low[i][k] * z[k]
        z[i] = s / low[i][i]
    x = [0.0] * p
    for i in reversed(range(p)):
        s = z[i]
        for k in range(i + 1, p):
            s -= low[k][i] * x[k]
        x[i] = s / low[i][i]
    return x
# endregion


# region: logistic-fn
def logistic_parts(eta: float) -> tuple[float, float]:
    """e = exp(−|η|) and μ = 1/(1 + exp(−η)), without overflow for any η.

    exp(−|η|) is at most 1, so it never overflows; e/(1+e) and 1/(1+e) are the two
    halves of the logistic curve written with it.
    """
    e = math.exp(-abs(eta))
    return e, (1.0 / (1.0 + e) if eta >= 0.0 else e / (1.0 + e))


def deviance(eta: list[float], y: list[float]) -> float:
    """−2 log-likelihood: −log μ = log1p(e) + max(−η, 0) when y = 1, −log(1 − μ) =
    log1p(e) + max(η, 0) when y = 0 — no log(0), no exp overflow."""
    terms = []
    for eta_i, y_i in zip(eta, y):
        e = math.exp(-abs(eta_i))
        tail = max(-eta_i, 0.0) if y_i == 1.0 else max(eta_i, 0.0)
        terms.append(2.0 * (math.log1p(e) + tail))
    return tree_sum(terms)
# endregion


# region: model
class LogisticRegression:
    """Maximum-likelihood logistic regression fitted by IRLS (Newton–Raphson)."""

    EPSILON = 1e-10  # R: glm.control(epsilon = 1e-10)
    MAX_ITER = 25  # R: glm.control(maxit = 25)

    def __init__(self) -> None:
        self.coef: list[float] = []
        self.std_err: list[float] = []

    def linear_predictor(self, x: list[list[float]]) -> list[float]:
        # η = x₀β₀ + x₁β₁ + …, added column by column in that order.
        eta = [v * self.coef[0] for v in x[0]]
        for column, b in zip(x[1:], self.coef[1:]):
            eta = [e + v * b for e, v in zip(eta, column)]
        return eta

    def predict(self, x: list[list[float]]) -> list[float]:
        """Fitted probabilities μ."""
        return [logistic_parts(e)[1] for e in self.linear_predictor(x)]

    # region: irls
    def fit(self, x: list[list[float]], y: list[float]) -> None:
        p = len(x)
        self.coef = [0.0] * p
        eta = self.linear_predictor(x)
        dev_old = deviance(eta, y)
        for _ in range(self.MAX_ITER):
            parts = [logistic_parts(e) for e in eta]
            mu = [m for _, m in parts]
            # Var(y) = μ(1 − μ), written as e/(1 + e)² so it is accurate on both tails.
            w = [e / ((1.0 + e) * (1.0 + e)) for e, _ in parts]
            resid = [y_i - m for y_i, m in zip(y, mu)]
            # XᵀWX (lower triangle, mirrored) and the score Xᵀ(y − μ).
            xtwx = [[0.0] * p for _ in range(p)]
            for j in range(p):
                for k in range(j + 1):
                    xtwx[j][k] = xtwx[k][j] = tree_sum([a * b * c for a, b, c in zip(w, x[j], x[k])])
            score = [tree_sum([r * v for r, v in zip(resid, x[j])]) for j in range(p)]
            low = cholesky(xtwx)
            step = cholesky_solve(low, score)
            self.coef = [b + s for b, s in zip(self.coef, step)]
            eta = self.linear_predictor(x)
            dev = deviance(eta, y)
            if abs(dev - dev_old) / (abs(dev) + 0.1) < self.EPSILON:
                # As R's summary.glm: the covariance is (XᵀWX)⁻¹ with the weights of
                # this last iteration, i.e. computed at the coefficients before the step.
                self.std_err = [math.sqrt(cholesky_solve(low, unit(j, p))[j]) for j in range(p)]
                return
            dev_old = dev
        raise InputError(
            f"IRLS did not converge in {self.MAX_ITER} iterations: "
            "does a covariate separate the responses perfectly?"
        )
    # endregion


def unit(j: int, p: int) -> list[float]:
    return [1.0 if i == j else 0.0 for i in range(p)]
# endregion


# region: pnorm
def upper_tail(y: float) -> float:
    """P(Z > y) for y ≥ 0: W. J. Cody's rational Chebyshev approximations (ANORM,
    ACM TOMS Algorithm 715, 1993), the algorithm of R's pnorm(), written out so that
    Python, R and Rust evaluate the same formula. About 1e-16 relative accuracy."""
    if y <= 0.66291:
        a = (2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113)
        b = (47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956)
        xsq = y * y
        num = a[4] * xsq
        den = xsq
        for i in range(3):
            num = (num + a[i]) * xsq
            den = (den + b[i]) * xsq
        return 0.5 - y * (num + a[3]) / (den + b[3])
    if y <= 5.656854249492380195:  # sqrt(32)
        c = (0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
             2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
             1.0765576773720192317e-8)
        d = (22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
             18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727)
        num = c[8] * y
        den = y
        for i in range(7):
            num = (num + c[i]) * y
            den = (den + d[i]) * y
        r = (num + c[7]) / (den + d[7])
    elif y < 50.0:
        p = (0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
             2.9112874951168792e-5, 0.02307344176494017303)
        q = (1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
             7.29751555083966205e-5)
        xsq = 1.0 / (y * y)
        num = p[5] * xsq
        den = xsq
        for i in range(4):
            num = (num + p[i]) * xsq
            den = (den + q[i]) * xsq
        r = xsq * (num + p[4]) / (den + q[4])
        r = (0.398942280401432677939946 - r) / y  # 1/sqrt(2π)
    else:
        return 0.0
    # exp(−y²/2) in two factors: y² = s² + (y − s)(y + s) with s = y rounded down to
    # 1/16, so the big part s² is exact and no digits are lost to rounding y².
    s = math.floor(y * 16.0) / 16.0
    tail = math.exp(-s * s * 0.5) * math.exp(-(y - s) * (y + s) * 0.5) * r
    return tail if tail >= 2.2250738585072014e-308 else 0.0
# endregion


# region: format
def fixed6(x: float) -> str:
    text = f"{x:.6f}"
    return "0.000000" if text == "-0.000000" else text


def sci3(x: float) -> str:
    """printf's %.3e: 4 significant digits, exponent with a sign and at least 2 digits."""
    return f"{x:.3e}"
# endregion


def run_logistic(path: str) -> str:
    x, y = read_trial(path)
    model = LogisticRegression()
    model.fit(x, y)
    lines = ["term\testimate\tstd_error\tz\tp_value"]
    for term, b, se in zip(TERMS, model.coef, model.std_err):
        z = b / se
        p_value = 2.0 * upper_tail(abs(z))
        lines.append(f"{term}\t{fixed6(b)}\t{fixed6(se)}\t{fixed6(z)}\t{sci3(p_value)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- k-means


def read_expression(path: str) -> tuple[list[str], list[str], list[list[float]]]:
    """Gene ids, sample names, and the samples as points: points[i][g] (sample i, gene g)."""
    lines = read_lines(path)
    if not lines:
        raise InputError(f"{path} is empty")
    header = lines[0].split("\t")
    samples = header[1:]
    if not samples:
        raise InputError(f"{path}: the header names no samples")
    genes: list[str] = []
    points: list[list[float]] = [[] for _ in samples]
    for line_no, fields in split_rows(lines, "\t", path, len(header)):
        genes.append(fields[0])
        for point, name, text in zip(points, samples, fields[1:]):
            point.append(parse_number(text, path, line_no, name))
    if not genes:
        raise InputError(f"{path} has no genes")
    return genes, samples, points


def squared_distance(a: list[float], b: list[float]) -> float:
    return tree_sum([(u - v) * (u - v) for u, v in zip(a, b)])


def column_mean(points: list[list[float]], members: list[int]) -> list[float]:
    """Mean of the member points, adding them in sample order (as R's kmeans does)."""
    total = [0.0] * len(points[0])
    for i in members:
        total = [t + v for t, v in zip(total, points[i])]
    return [t / len(members) for t in total]


# region: farthest-point
def farthest_point_init(points: list[list[float]], k: int) -> list[int]:
    """Deterministic seeds: the sample closest to the overall mean, then again and
    again the sample farthest from its nearest seed; ties go to the lower index."""
    centre = column_mean(points, list(range(len(points))))
    to_mean = [squared_distance(p, centre) for p in points]
    seeds = [to_mean.index(min(to_mean))]  # index() finds the first: lower index wins
    nearest = [squared_distance(p, points[seeds[0]]) for p in points]
    while len(seeds) < k:
        far = nearest.index(max(nearest))
        seeds.append(far)
        nearest = [min(d, squared_distance(p, points[far])) for d, p in zip(nearest, points)]
    return seeds
# endregion


# region: kmeans
class KMeans:
    """Lloyd's k-means from farthest-point seeds."""

    MAX_ITER = 100

    def __init__(self, k: int) -> None:
        self.k = k
        self.centres: list[list[float]] = []
        self.labels: list[int] = []

    def predict(self, x: list[list[float]]) -> list[int]:
        """The nearest centre of every point (ties: the lower-numbered centre)."""
        labels = []
        for point in x:
            dists = [squared_distance(point, c) for c in self.centres]
            labels.append(dists.index(min(dists)))
        return labels

    def fit(self, x: list[list[float]], y: list[float]) -> None:
        """y is ignored (unsupervised), as in scikit-learn's fit(X, y=None)."""
        self.centres = [list(x[i]) for i in farthest_point_init(x, self.k)]
        self.labels = []
        for _ in range(self.MAX_ITER):
            new = self.predict(x)
            if new == self.labels:
                return
            self.labels = new
            for c in range(self.k):
                members = [i for i, label in enumerate(new) if label == c]
                if not members:
                    raise InputError(f"cluster {c + 1} became empty: K is larger than the data supports")
                self.centres[c] = column_mean(x, members)
        print(f"warning: k-means did not converge in {self.MAX_ITER} iterations", file=sys.stderr)
# endregion


def run_kmeans(path: str, k_text: str) -> str:
    genes, samples, points = read_expression(path)
    n = len(samples)
    if not (k_text.isascii() and k_text.isdigit() and 1 <= int(k_text) <= n):
        raise InputError(f'K must be a whole number from 1 to {n} (the number of samples), got "{k_text}"')
    model = KMeans(int(k_text))
    model.fit(points, [])
    labels = model.labels
    # region: canonical
    # Number clusters by their first member sample, so that label order cannot
    # depend on which seed happened to be chosen first.
    order = sorted(range(model.k), key=lambda c: labels.index(c))
    # endregion
    shown = genes[:5]
    lines = ["\t".join(["cluster", "size", *shown])]
    for number, c in enumerate(order, start=1):
        size = labels.count(c)
        coords = [fixed6(v) for v in model.centres[c][: len(shown)]]
        lines.append("\t".join([str(number), str(size), *coords]))
    return "\n".join(lines) + "\n"


# region: main
def main(argv: list[str]) -> None:
    args = argv[1:]
    try:
        if len(args) == 2 and args[0] == "logistic":
            out = run_logistic(args[1])
        elif len(args) == 3 and args[0] == "kmeans":
            out = run_kmeans(args[1], args[2])
        elif args and args[0] not in ("logistic", "kmeans"):
            sys.exit(f"error: unknown command '{args[0]}'\n{USAGE}")
        else:
            sys.exit(USAGE)
    except InputError as err:
        sys.exit(f"error: {err}")
    sys.stdout.write(out)
# endregion


if __name__ == "__main__":
    main(sys.argv)
