"""Logistic regression with statsmodels and k-means with scikit-learn.

Usage: python statsmodels_sklearn.py logistic trial.csv
       python statsmodels_sklearn.py kmeans expression.tsv K
Needs pandas, NumPy, statsmodels and scikit-learn (not in the offline browser
runtime). statsmodels reports inference (standard errors, p-values) as R does;
scikit-learn is a prediction library and reports none.
"""

import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.cluster import KMeans

# R's term names and order, with the names patsy gives the same columns (patsy puts
# the categorical terms first, R keeps the formula's order).
TERMS = {
    "(Intercept)": "Intercept",
    "age": "age",
    "sexM": "sex[T.M]",
    "bmi": "bmi",
    "baseline": "baseline",
    "armlow": "arm[T.low]",
    "armhigh": "arm[T.high]",
}


def fixed6(x: float) -> str:
    text = f"{x:.6f}"
    return "0.000000" if text == "-0.000000" else text


# region: glm
def run_logistic(path: str) -> None:
    trial = pd.read_csv(path)
    # Categorical level order sets the reference level: placebo, and F.
    trial["arm"] = pd.Categorical(trial["arm"], categories=["placebo", "low", "high"])
    trial["sex"] = pd.Categorical(trial["sex"], categories=["F", "M"])
    model = smf.glm("response ~ age + sex + bmi + baseline + arm", data=trial, family=sm.families.Binomial())
    # IRLS from 0, stopping when |ΔD| <= 1e-10·|D|: the same steps as R and the core
    # solutions, so the standard errors use the same (last-iteration) weights.
    fit = model.fit(start_params=np.zeros(len(model.exog_names)), tol=0.0, rtol=1e-10, maxiter=25)
    if not fit.converged:
        sys.exit("error: IRLS did not converge")
    print("term\testimate\tstd_error\tz\tp_value")
    for term, name in TERMS.items():
        print(
            f"{term}\t{fixed6(fit.params[name])}\t{fixed6(fit.bse[name])}"
            f"\t{fixed6(fit.tvalues[name])}\t{fit.pvalues[name]:.3e}"
        )
# endregion


def farthest_point_seeds(x: np.ndarray, k: int) -> list[int]:
    """The sample nearest the overall mean, then repeatedly the sample farthest from
    its nearest seed (argmin/argmax return the first index on ties)."""
    seeds = [int(np.argmin(((x - x.mean(axis=0)) ** 2).sum(axis=1)))]
    nearest = ((x - x[seeds[0]]) ** 2).sum(axis=1)
    while len(seeds) < k:
        far = int(np.argmax(nearest))
        seeds.append(far)
        nearest = np.minimum(nearest, ((x - x[far]) ** 2).sum(axis=1))
    return seeds


# region: kmeans
def run_kmeans(path: str, k: int) -> None:
    expression = pd.read_csv(path, sep="\t", index_col=0)
    x = expression.to_numpy().T  # samples are the points: one row per sample
    seeds = farthest_point_seeds(x, k)
    # tol=0: stop only when no assignment changes, as R's Lloyd and the core solutions do.
    fit = KMeans(n_clusters=k, init=x[seeds], n_init=1, algorithm="lloyd", max_iter=100, tol=0.0).fit(x)
    labels = fit.labels_
    # Number clusters by their first member sample.
    order = sorted(range(k), key=lambda c: int(np.argmax(labels == c)))
    genes = list(expression.index[:5])
    print("\t".join(["cluster", "size", *genes]))
    for number, c in enumerate(order, start=1):
        coords = [fixed6(v) for v in fit.cluster_centers_[c, : len(genes)]]
        print("\t".join([str(number), str(int((labels == c).sum())), *coords]))
# endregion


def main(argv: list[str]) -> None:
    if len(argv) == 3 and argv[1] == "logistic":
        run_logistic(argv[2])
    elif len(argv) == 4 and argv[1] == "kmeans":
        run_kmeans(argv[2], int(argv[3]))
    else:
        sys.exit("usage: python statsmodels_sklearn.py logistic <trial.csv> | kmeans <expression.tsv> <K>")


if __name__ == "__main__":
    main(sys.argv)
