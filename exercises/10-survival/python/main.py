"""Kaplan–Meier curves, median survival and the log-rank test for a three-arm trial.

Usage: python main.py km|median|logrank trial.csv
Standard library only, so it runs unchanged in Pyodide in the browser. Same functions,
same order of arithmetic as ../rust/main.rs, so the two print the same bytes.
"""

import math
import re
import sys
from dataclasses import dataclass

ARMS = ("placebo", "low", "high")
# R's tolerance for "the curve is exactly at 0.5": sqrt(.Machine$double.eps) = 2**-26.
HALF_TOLERANCE = 2.0**-26
DAYS = re.compile(r"-?[0-9]{1,9}")


@dataclass(frozen=True)
class Patient:
    time: int  # whole days to the event or to censoring
    event: bool  # True: event observed at `time`; False: censored
    arm: int  # index into ARMS


# region: parse
def parse_days(field: str) -> int:
    """An optional minus sign and 1 to 9 digits; negative times are refused.

    int() alone would also accept " 12", "+12" and "1_2": the regex keeps Python as
    strict as the Rust and R versions.
    """
    if not DAYS.fullmatch(field):
        raise ValueError(f'time "{field}" is not a whole number of days')
    days = int(field)
    if days < 0:
        raise ValueError(f"time {field} is negative")
    return days


def parse_trial(path: str, text: str) -> list[Patient]:
    if text == "":
        raise ValueError(f"{path}: the file is empty (no header line)")
    # Like Rust's str::lines(): split on "\n" and drop the "\r" of Windows line ends.
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    header = lines[0].split(",")
    columns = {}
    for name in ("time", "event", "arm"):
        if name not in header:
            raise ValueError(f'{path}: missing column "{name}" (need time, event and arm)')
        columns[name] = header.index(name)

    patients = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        fields = line.split(",")
        try:
            if len(fields) != len(header):
                raise ValueError(f"expected {len(header)} fields, got {len(fields)}")
            time = parse_days(fields[columns["time"]])
            event = fields[columns["event"]]
            if event not in ("0", "1"):
                raise ValueError(f'event must be 0 or 1, got "{event}"')
            label = fields[columns["arm"]]
            if label not in ARMS:
                raise ValueError(f'unknown arm "{label}" (expected placebo, low or high)')
        except ValueError as err:
            raise ValueError(f"{path} line {line_no}: {err}") from None
        patients.append(Patient(time, event == "1", ARMS.index(label)))
    for arm, name in enumerate(ARMS):
        if not any(p.arm == arm for p in patients):
            raise ValueError(f"{path}: no patients in arm {name}")
    return patients
# endregion


# region: sort
def sort_for_survival(patients: list[Patient]) -> list[Patient]:
    """By time; at equal times events first (censored patients were still at risk).

    sorted() is stable (Timsort), so two passes would also work:
    sorted(sorted(ps, key=lambda p: not p.event), key=lambda p: p.time).
    """
    return sorted(patients, key=lambda p: (p.time, not p.event))
# endregion


@dataclass
class KmRow:
    time: int
    n_risk: int
    n_event: int
    survival: float
    se: float  # Greenwood's SE of survival; nan where the risk set empties


# region: km
def kaplan_meier(patients: list[Patient]) -> list[KmRow]:
    """The Kaplan–Meier estimate for one arm, from patients sorted by sort_for_survival."""
    rows = []
    at_risk = len(patients)
    survival = 1.0
    greenwood = 0.0  # the running sum of d / (n (n - d))
    i = 0
    while i < len(patients):
        time = patients[i].time
        n_risk = at_risk
        n_event = 0
        while i < len(patients) and patients[i].time == time and patients[i].event:
            n_event += 1
            i += 1
        n_censored = 0
        while i < len(patients) and patients[i].time == time:
            n_censored += 1
            i += 1
        at_risk -= n_event + n_censored
        if n_event > 0:
            n, d = n_risk, n_event
            survival *= (n - d) / n
            # Python raises ZeroDivisionError where Rust gives inf: say inf ourselves.
            greenwood += d / (n * (n - d)) if n > d else math.inf
            rows.append(KmRow(time, n_risk, n_event, survival, survival * math.sqrt(greenwood)))
    return rows
# endregion


# region: median
def median_survival(rows: list[KmRow]) -> float:
    """R's print.survfit() median; nan when the curve never reaches 0.5."""
    below = [i for i, r in enumerate(rows) if r.survival < 0.5 + HALF_TOLERANCE]
    if not below:
        return math.nan
    first = below[0]
    time = float(rows[first].time)
    if abs(rows[first].survival - 0.5) < HALF_TOLERANCE and first + 1 < len(rows):
        return (time + rows[first + 1].time) / 2
    return time
# endregion


# region: logrank
@dataclass
class LogRank:
    observed: list[int]
    expected: list[float]
    chisq: float
    p_value: float


def log_rank(patients: list[Patient]) -> LogRank:
    """The log-rank test of the three arms, from all patients sorted by sort_for_survival."""
    at_risk = [0, 0, 0]
    for p in patients:
        at_risk[p.arm] += 1
    observed = [0, 0, 0]
    expected = [0.0, 0.0, 0.0]
    var = [[0.0] * 3 for _ in range(3)]
    i = 0
    while i < len(patients):
        time = patients[i].time
        deaths = [0, 0, 0]
        leaving = [0, 0, 0]
        while i < len(patients) and patients[i].time == time:
            deaths[patients[i].arm] += patients[i].event
            leaving[patients[i].arm] += 1
            i += 1
        n = sum(at_risk)
        d = sum(deaths)
        if d > 0:
            for j in range(3):
                observed[j] += deaths[j]
                expected[j] += d * at_risk[j] / n
            if n > 1:
                w = d * (n - d) / (n * n * (n - 1))
                for j in range(3):
                    for k in range(3):
                        cross = n - at_risk[k] if j == k else -at_risk[k]
                        var[j][k] += w * (at_risk[j] * cross)
        for j in range(3):
            at_risk[j] -= leaving[j]
    # Drop the last arm (V is singular) and solve the 2 x 2 system by Cramer's rule.
    u = [observed[0] - expected[0], observed[1] - expected[1]]
    v00, v01, v11 = var[0][0], var[0][1], var[1][1]
    det = v00 * v11 - v01 * v01
    # An arm with V_jj = 0 carries no information (V has rank < 2): NA, as in Rust.
    if any(var[j][j] == 0.0 for j in range(3)) or det <= 0.0:
        return LogRank(observed, expected, math.nan, math.nan)
    x = [(v11 * u[0] - v01 * u[1]) / det, (v00 * u[1] - v01 * u[0]) / det]
    chisq = u[0] * x[0] + u[1] * x[1]
    # With 2 degrees of freedom the chi-square upper tail is exactly exp(-x / 2).
    return LogRank(observed, expected, chisq, math.exp(-chisq / 2))
# endregion


def fmt(x: float, decimals: int) -> str:
    return "NA" if math.isnan(x) else f"{x:.{decimals}f}"


def km_lines(patients: list[Patient]) -> list[str]:
    lines = ["arm\ttime\tn_risk\tn_event\tsurvival\tse"]
    for arm, name in enumerate(ARMS):
        group = sort_for_survival([p for p in patients if p.arm == arm])
        for r in kaplan_meier(group):
            lines.append(f"{name}\t{r.time}\t{r.n_risk}\t{r.n_event}\t{fmt(r.survival, 4)}\t{fmt(r.se, 4)}")
    return lines


def median_lines(patients: list[Patient]) -> list[str]:
    lines = ["arm\tn\tevents\tmedian"]
    for arm, name in enumerate(ARMS):
        group = sort_for_survival([p for p in patients if p.arm == arm])
        events = sum(p.event for p in group)
        median = median_survival(kaplan_meier(group))
        lines.append(f"{name}\t{len(group)}\t{events}\t{fmt(median, 1)}")
    return lines


def log_rank_lines(patients: list[Patient]) -> list[str]:
    test = log_rank(sort_for_survival(patients))
    lines = ["arm\tn\tobserved\texpected"]
    for arm, name in enumerate(ARMS):
        n = sum(1 for p in patients if p.arm == arm)
        lines.append(f"{name}\t{n}\t{test.observed[arm]}\t{fmt(test.expected[arm], 4)}")
    lines += [f"chisq\t{fmt(test.chisq, 6)}", "df\t2", f"p\t{fmt(test.p_value, 6)}"]
    return lines


# region: main
def main(argv: list[str]) -> None:
    commands = {"km": km_lines, "median": median_lines, "logrank": log_rank_lines}
    if len(argv) != 3 or argv[1] not in commands:
        sys.exit("usage: python main.py km|median|logrank <trial.csv>")
    path = argv[2]
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        patients = parse_trial(path, text)
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:
        sys.exit(f"error: {err}")
    sys.stdout.write("".join(line + "\n" for line in commands[argv[1]](patients)))
# endregion


if __name__ == "__main__":
    main(sys.argv)
