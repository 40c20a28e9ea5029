"""Kaplan–Meier curves, median survival and the log-rank test per arm, with statsmodels.

Usage: python statsmodels_km.py km|median|logrank trial.csv
Needs pandas and statsmodels (written against statsmodels 0.13.5; Debian:
apt-get install -y python3-statsmodels). lifelines (KaplanMeierFitter,
multivariate_logrank_test) is the other common choice; it is not installed here.
Prints what ../../python/main.py prints, to within the task's tolerance.
"""

import sys

import numpy as np
import pandas as pd
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

ARMS = ["placebo", "low", "high"]
# R's tolerance for "the curve is exactly 0.5" (sqrt(.Machine$double.eps)).
HALF_TOLERANCE = 2.0**-26


def fmt(x: float, decimals: int) -> str:
    return "NA" if np.isnan(x) else f"{x:.{decimals}f}"


def km_rows(trial: pd.DataFrame) -> list[str]:
    rows = ["arm\ttime\tn_risk\tn_event\tsurvival\tse"]
    for arm in ARMS:
        group = trial[trial["arm"] == arm]
        # One row per time with at least one event (the censoring times are left out).
        # surv_prob_se is Greenwood's SE of S(t) itself, NaN where the risk set empties.
        fit = SurvfuncRight(group["time"], group["event"])
        for t, n, d, s, se in zip(fit.surv_times, fit.n_risk, fit.n_events, fit.surv_prob, fit.surv_prob_se):
            rows.append(f"{arm}\t{t}\t{n:.0f}\t{d:.0f}\t{fmt(s, 4)}\t{fmt(se, 4)}")
    return rows


def r_median(times: np.ndarray, surv: np.ndarray) -> float:
    """The median as R's print.survfit() defines it (survival:::survmean).

    fit.quantile(0.5) is not that: it returns the first time with S(t) < 0.5 (strictly,
    SAS's general formula without the midpoint SAS takes on a stretch exactly at 0.5), so
    where the curve lies at exactly 0.5 until a later drop it gives the time of that drop,
    where R (and SAS) give the midpoint of the flat stretch. And statsmodels
    computes S(t) as exp(cumsum(log(1 - d/n))), so "exactly 0.5" comes out as
    0.5000000000000001 or 0.49999999999999994: compare with a tolerance.
    """
    below = np.flatnonzero(surv < 0.5 + HALF_TOLERANCE)
    if len(below) == 0:
        return float("nan")
    first = below[0]
    if abs(surv[first] - 0.5) < HALF_TOLERANCE and first + 1 < len(times):
        return (times[first] + times[first + 1]) / 2
    return float(times[first])


def median_rows(trial: pd.DataFrame) -> list[str]:
    rows = ["arm\tn\tevents\tmedian"]
    for arm in ARMS:
        group = trial[trial["arm"] == arm]
        fit = SurvfuncRight(group["time"], group["event"])
        median = r_median(fit.surv_times, fit.surv_prob)
        rows.append(f"{arm}\t{len(group)}\t{group['event'].sum()}\t{fmt(median, 1)}")
    return rows


def logrank_rows(trial: pd.DataFrame) -> list[str]:
    # statsmodels returns only the statistic and its p-value (chi-square, k - 1 df).
    chisq, pvalue = survdiff(trial["time"], trial["event"], trial["arm"])
    # It does not report the expected counts, so they are computed here with pandas:
    # at each time, E_j += d * n_j / n, with n_j the patients of arm j still at risk.
    counts = pd.crosstab(trial["time"], [trial["arm"], trial["event"]]).reindex(
        columns=pd.MultiIndex.from_product([ARMS, [0, 1]]), fill_value=0
    )
    leaving = counts.T.groupby(level=0).sum().T[ARMS]  # events + censorings per time
    at_risk = leaving[::-1].cumsum()[::-1]  # still followed at the start of each time
    deaths = counts.xs(1, axis=1, level=1)[ARMS].sum(axis=1)
    expected = at_risk.mul(deaths / at_risk.sum(axis=1), axis=0).sum()
    rows = ["arm\tn\tobserved\texpected"]
    for arm in ARMS:
        group = trial[trial["arm"] == arm]
        rows.append(f"{arm}\t{len(group)}\t{group['event'].sum()}\t{expected[arm]:.4f}")
    rows += [f"chisq\t{chisq:.6f}", f"df\t{len(ARMS) - 1}", f"p\t{pvalue:.6f}"]
    return rows


def main(argv: list[str]) -> None:
    commands = {"km": km_rows, "median": median_rows, "logrank": logrank_rows}
    if len(argv) != 3 or argv[1] not in commands:
        sys.exit("usage: python statsmodels_km.py km|median|logrank <trial.csv>")
    trial = pd.read_csv(argv[2])
    sys.stdout.write("".join(row + "\n" for row in commands[argv[1]](trial)))


if __name__ == "__main__":
    main(sys.argv)
