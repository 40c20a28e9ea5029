"""PCA of the samples of a genes × samples expression matrix, with pandas, NumPy and
scikit-learn doing the work.

Usage: python sklearn_pca.py variance expression.tsv
       python sklearn_pca.py scores expression.tsv
Written against pandas 1.5, NumPy 1.24 and scikit-learn 1.2 (Debian: apt-get install -y
python3-sklearn python3-pandas). It confirms expected/*.tsv, which R's prcomp() wrote:
another SVD (LAPACK's, through SciPy/NumPy), another language, the same numbers.
"""

import sys

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA


def read_expression(path: str) -> pd.DataFrame:
    """Genes × samples as floats, or SystemExit with a message naming the bad cell."""
    try:
        # header=None: every line is data, so pandas cannot mistake a first row one field
        # longer than the header for an index column (it would shift every column name).
        # dtype=str and keep_default_na=False: "NA" and "#N/A" stay text for the check
        # below instead of becoming NaN silently. pandas raises for a row that is too
        # long and pads one that is too short with "" (so that shows as an empty cell).
        raw = pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except (ValueError, pd.errors.ParserError) as err:
        sys.exit(f"error: {path}: {err}")
    table = raw.iloc[1:].set_index(0)
    table.columns = list(raw.iloc[0, 1:])
    numbers = table.apply(pd.to_numeric, errors="coerce")  # text that is no number -> NaN
    bad = ~np.isfinite(numbers.to_numpy(dtype=float))
    if bad.any():
        gene, sample = np.argwhere(bad)[0]
        sys.exit(
            f"error: {path} gene {table.index[gene]}, sample {table.columns[sample]}: "
            f"'{table.iat[gene, sample]}' is not a number"
        )
    return numbers.astype(float)


def main(argv: list[str]) -> None:
    if len(argv) != 3 or argv[1] not in ("variance", "scores"):
        sys.exit("usage: python sklearn_pca.py <variance|scores> <expression.tsv>")
    expression = read_expression(argv[2])

    # Samples are the observations: transpose so they are the rows (40 × genes).
    x = expression.T.to_numpy()
    sd = x.std(axis=0, ddof=1)
    if (sd == 0).any():
        gene = expression.index[np.argmax(sd == 0)]
        sys.exit(f"error: {argv[2]}: gene {gene} is constant (variance 0), so it cannot be scaled to unit variance")
    # Not StandardScaler(): it divides by the sd with ddof=0 (n, not n - 1), which would
    # multiply every score by sqrt(40/39) compared with prcomp(scale. = TRUE) — and it
    # leaves a constant gene unscaled (scale_ = 1) instead of refusing it.
    z = (x - x.mean(axis=0)) / sd

    # svd_solver="full": LAPACK's exact SVD. With the default "auto" and a small
    # n_components, scikit-learn 1.2 uses a randomized SVD as soon as the matrix has more
    # than 500 columns (the 10× input has 2,000 genes): close, but not to 6 decimals.
    pca = PCA(svd_solver="full").fit(z)
    if argv[1] == "variance":
        ratio = pca.explained_variance_ratio_  # λ / Σλ over all min(n, p) components
        lines = ["PC\tvariance_ratio"] + [f"PC{k + 1}\t{r:.6f}" for k, r in enumerate(ratio[:5])]
    else:
        scores = pca.transform(z)[:, :2]
        # scikit-learn's svd_flip makes the largest |entry| of each column of U positive;
        # this task wants the largest |loading| (a row of components_) positive instead.
        for k in range(2):
            loading = pca.components_[k]
            if loading[np.argmax(np.abs(loading))] < 0:
                scores[:, k] = -scores[:, k]
        fixed = lambda v: "0.000000" if f"{v:.6f}" == "-0.000000" else f"{v:.6f}"  # noqa: E731
        lines = ["sample\tPC1\tPC2"] + [
            f"{s}\t{fixed(a)}\t{fixed(b)}" for s, (a, b) in zip(expression.columns, scores)
        ]
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main(sys.argv)
