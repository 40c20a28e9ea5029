"""Clinical data frames: a per-arm summary of a trial, and a lab-safety listing.

Usage: python main.py summary trial.csv
       python main.py join trial.csv labs.csv
Standard library only, so it runs unchanged in Pyodide in the browser.
"""

import math
import re
import sys
from dataclasses import dataclass
from typing import Optional

# Dose order, not alphabetical: a clinical table reads placebo, low, high.
ARMS = ("placebo", "low", "high")
SEXES = ("F", "M")
# What the Rust solution's str::parse::<f64>() accepts once infinities and NaN are
# refused. float() alone would also take " 61", "6_1" and "nan".
NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
WHOLE = re.compile(r"[0-9]+")


class InputError(Exception):
    """Bad input, with a message that names the file, the line and the value."""


@dataclass
class At:
    """Where a value came from; turned into text only when there is an error."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path} line {self.line}"


# region: patient
@dataclass
class Patient:
    patient_id: str
    arm: str
    sex: str
    age: float
    completed: bool
    baseline: float
    week12: Optional[float]  # None is "NA": no value, not a number
# endregion


# region: parse-number
def parse_number(text: str, column: str, at: At) -> float:
    """A finite number, or an InputError naming the column and the line."""
    value = float(text) if NUMBER.fullmatch(text) else math.nan
    if not math.isfinite(value):  # also 1e999, which overflows to inf
        raise InputError(f'{at}: {column} "{text}" is not a number')
    return value


def parse_optional(text: str, column: str, at: At) -> Optional[float]:
    """`NA` is missing (None); anything else must be a number."""
    return None if text == "NA" else parse_number(text, column, at)
# endregion


def read_table(path: str, required: list[str]):
    """The rows of a comma-separated file as (line number, fields), plus the index of
    every required column. Every row must have as many fields as the header."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from err
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    if not lines:
        raise InputError(f"{path} is empty: expected a header line")
    header = lines[0].split(",")
    index = {}
    for name in required:
        if name not in header:
            raise InputError(f'{path}: missing column "{name}"')
        index[name] = header.index(name)
    rows = []
    for line_no, line in enumerate(lines[1:], start=2):
        fields = line.split(",")
        if len(fields) != len(header):
            raise InputError(f"{path} line {line_no}: expected {len(header)} fields, found {len(fields)}")
        rows.append((line_no, fields))
    return index, rows


# region: read-trial
def read_trial(path: str) -> list[Patient]:
    columns = ["patient_id", "arm", "sex", "age", "completed", "baseline", "week12"]
    index, rows = read_table(path, columns)
    patients = []
    seen = set()
    for line_no, fields in rows:
        get = lambda name: fields[index[name]]  # noqa: E731
        at = At(path, line_no)
        if get("arm") not in ARMS:
            raise InputError(f'{at}: unknown arm "{get("arm")}"')
        if get("sex") not in SEXES:
            raise InputError(f'{at}: unknown sex "{get("sex")}"')
        if get("completed") not in ("0", "1"):
            raise InputError(f'{at}: completed "{get("completed")}" is not 0 or 1')
        if get("patient_id") in seen:
            raise InputError(f'{at}: patient {get("patient_id")} appears twice')
        seen.add(get("patient_id"))
        patients.append(Patient(
            patient_id=get("patient_id"),
            arm=get("arm"),
            sex=get("sex"),
            age=parse_number(get("age"), "age", at),
            completed=get("completed") == "1",
            baseline=parse_number(get("baseline"), "baseline", at),
            week12=parse_optional(get("week12"), "week12", at),
        ))
    return patients
# endregion


def tenths(x: float) -> int:
    """A value written with one decimal, as a whole number of tenths (exact)."""
    return round(x * 10)


def hundredths(x: float) -> int:
    return round(x * 100)


# region: mean-sd
def mean_sd(values: list[float]) -> tuple[Optional[float], Optional[float]]:
    """Mean and sample SD (n - 1), None when undefined. Plain loops on purpose:
    Python 3.12+ sum() compensates rounding errors, R's sum() accumulates in long
    double, Rust's iter().sum() does neither; one loop gives all three the same bits."""
    n = len(values)
    if n == 0:
        return None, None
    total = 0.0
    for x in values:
        total += x
    mean = total / n
    if n < 2:
        return mean, None
    squares = 0.0
    for x in values:
        squares += (x - mean) * (x - mean)
    return mean, math.sqrt(squares / (n - 1))
# endregion


def fixed(x: Optional[float], decimals: int) -> str:
    """Fixed decimals, NA for None, and never "-0.00"."""
    if x is None:
        return "NA"
    text = f"{x:.{decimals}f}"
    return text[1:] if text.startswith("-") and text.strip("-0.") == "" else text


# region: summary
def summary(patients: list[Patient]) -> str:
    # One bucket per (arm, stratum); every patient goes into its sex and into "All".
    # Keys are ranks, so sorting them gives dose order and F, M, All.
    groups: dict[tuple[int, int], list[Patient]] = {}
    for p in patients:
        arm = ARMS.index(p.arm)
        groups.setdefault((arm, SEXES.index(p.sex)), []).append(p)
        groups.setdefault((arm, len(SEXES)), []).append(p)
    lines = ["arm\tsex\tn\tcompleters\tage_mean\tage_sd\tpct_n\tpct_mean\tpct_sd"
             "\tbiomarker_responders\tresponder_rate"]
    for (arm, stratum), members in sorted(groups.items()):
        age_mean, age_sd = mean_sd([p.age for p in members])
        # Completers with a week-12 value: dropouts and lost samples are left out.
        measured = [p for p in members if p.completed and p.week12 is not None]
        pct = [100 * (p.week12 - p.baseline) / p.baseline for p in measured]
        pct_mean, pct_sd = mean_sd(pct)
        # A responder's week-12 value is at most 80% of baseline, decided in whole
        # tenths: the float pct of an exact 20% fall can be -19.999999999999996.
        responders = sum(1 for p in measured if 10 * tenths(p.week12) <= 8 * tenths(p.baseline))
        rate = responders / len(measured) if measured else None
        sex = SEXES[stratum] if stratum < len(SEXES) else "All"
        lines.append("\t".join([
            ARMS[arm], sex, str(len(members)), str(sum(p.completed for p in members)),
            fixed(age_mean, 2), fixed(age_sd, 2), str(len(measured)), fixed(pct_mean, 2),
            fixed(pct_sd, 2), str(responders), fixed(rate, 4),
        ]))
    return "\n".join(lines) + "\n"
# endregion


# region: join
def join(patients: list[Patient], labs_path: str) -> str:
    arm_of = {p.patient_id: p.arm for p in patients}
    index, rows = read_table(labs_path, ["patient_id", "week", "test", "value", "uln"])
    flagged = []  # (patient_id, week, test, value, uln)
    for line_no, fields in rows:
        at = At(labs_path, line_no)
        patient_id = fields[index["patient_id"]]
        if patient_id not in arm_of:  # an inner join would silently drop this row
            raise InputError(f"{at}: patient {patient_id} is not in the trial")
        week_text = fields[index["week"]]
        if not WHOLE.fullmatch(week_text):
            raise InputError(f'{at}: week "{week_text}" is not a whole number')
        value = parse_optional(fields[index["value"]], "value", at)
        uln = parse_number(fields[index["uln"]], "uln", at)
        # Above 3x the upper limit of normal, in whole hundredths; NA never flags.
        if value is not None and hundredths(value) > 3 * hundredths(uln):
            flagged.append((patient_id, int(week_text), fields[index["test"]], value, uln))
    flagged.sort(key=lambda row: (row[0], row[1], row[2]))

    lines = ["patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln"]
    for patient_id, week, test, value, uln in flagged:
        lines.append(f"{patient_id}\t{arm_of[patient_id]}\t{week}\t{test}"
                     f"\t{fixed(value, 2)}\t{fixed(uln, 2)}\t{fixed(value / uln, 2)}")
    # Every arm gets a row, also one with no flagged patient.
    lines.append("")
    lines.append("arm\tpatients\tflagged_patients")
    for arm in ARMS:
        n = sum(1 for p in patients if p.arm == arm)
        hit = {row[0] for row in flagged if arm_of[row[0]] == arm}
        lines.append(f"{arm}\t{n}\t{len(hit)}")
    return "\n".join(lines) + "\n"
# endregion


# region: main
USAGE = "usage: python main.py summary <trial.csv> | python main.py join <trial.csv> <labs.csv>"


def main(argv: list[str]) -> None:
    args = argv[1:]
    if not ((len(args) == 2 and args[0] == "summary") or (len(args) == 3 and args[0] == "join")):
        sys.exit(USAGE)
    try:
        patients = read_trial(args[1])
        out = summary(patients) if args[0] == "summary" else join(patients, args[2])
    except InputError as err:
        sys.exit(f"error: {err}")
    sys.stdout.write(out)
# endregion


if __name__ == "__main__":
    main(sys.argv)
