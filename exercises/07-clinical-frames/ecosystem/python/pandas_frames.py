"""Clinical data frames with pandas: the per-arm summary and the lab-safety listing.

Usage: python pandas_frames.py summary trial.csv
       python pandas_frames.py join trial.csv labs.csv
Written against pandas 1.5.3 (Debian: apt-get install -y python3-pandas); the calls used
here are unchanged in pandas 2.x. It prints exactly what ../../python/main.py prints and
produced expected/summary.tsv and expected/join.tsv: the grouping, the joining and the
statistics are pandas', not ours.
"""

import sys

import pandas as pd

ARMS = ["placebo", "low", "high"]
STRATA = ["F", "M", "All"]


def fail(message: str) -> None:
    sys.exit(f"error: {message}")


def read(path: str, required: list[str]) -> pd.DataFrame:
    try:
        # Say exactly what "missing" is. pandas' default list also turns "", "N/A",
        # "null", "NaN" and a dozen more into NaN, which can hide a broken export.
        frame = pd.read_csv(path, na_values=["NA"], keep_default_na=False,
                            dtype={"patient_id": str, "arm": str, "sex": str, "test": str})
    except OSError as err:
        fail(f"cannot read {path}: {err.strerror}")
    except pd.errors.ParserError as err:  # e.g. a row with too many fields
        fail(f"{path}: {err}")
    for name in required:
        if name not in frame.columns:
            fail(f'{path}: missing column "{name}"')
    return frame


def read_trial(path: str) -> pd.DataFrame:
    trial = read(path, ["patient_id", "arm", "sex", "age", "completed", "baseline", "week12"])
    # An ordered categorical: groupby sorts by dose, not alphabetically, and any arm
    # outside the protocol becomes NaN, which we refuse.
    trial["arm"] = pd.Categorical(trial["arm"], categories=ARMS, ordered=True)
    unknown = trial["arm"].isna()
    if unknown.any():
        fail(f"{path} line {unknown.idxmax() + 2}: unknown arm")
    for column in ["age", "baseline", "week12"]:
        if not pd.api.types.is_numeric_dtype(trial[column]):
            fail(f"{path}: column {column} is not numeric")
    # read_csv() pads a short row with NaN and says nothing; in data/bad-fields.csv
    # the fields slide left and 118.7 lands in `completed`. This is where it shows.
    odd = ~trial["completed"].isin([0, 1])
    if odd.any():
        fail(f"{path} line {odd.idxmax() + 2}: completed is not 0 or 1 (a short row?)")
    return trial


def fmt(x: float, decimals: int) -> str:
    """Fixed decimals, NA for NaN, and never "-0.00" (the core solutions' rule)."""
    if pd.isna(x):
        return "NA"
    text = f"{x:.{decimals}f}"
    return text[1:] if text.startswith("-") and text.strip("-0.") == "" else text


def summary(trial: pd.DataFrame) -> str:
    measured = trial["completed"].eq(1) & trial["week12"].notna()
    # pct stays NaN outside `measured`; mean(), std() and count() skip NaN (skipna=True).
    trial["pct"] = (100 * (trial["week12"] - trial["baseline"]) / trial["baseline"]).where(measured)
    # Responder: week 12 at most 80% of baseline, compared in whole tenths (exact).
    tenths_w = (trial["week12"] * 10).round()
    tenths_b = (trial["baseline"] * 10).round()
    trial["responder"] = measured & (10 * tenths_w <= 8 * tenths_b)
    # Each patient counts in its sex and in "All": stack a copy with sex = "All".
    both = pd.concat([trial, trial.assign(sex="All")], ignore_index=True)
    both["sex"] = pd.Categorical(both["sex"], categories=STRATA, ordered=True)
    table = (
        both.groupby(["arm", "sex"], observed=True, sort=True)
        .agg(
            n=("patient_id", "size"),
            completers=("completed", "sum"),
            age_mean=("age", "mean"),
            age_sd=("age", "std"),  # ddof=1 is pandas' default (numpy's is 0)
            pct_n=("pct", "count"),  # non-missing values; "size" would count rows
            pct_mean=("pct", "mean"),
            pct_sd=("pct", "std"),
            biomarker_responders=("responder", "sum"),
        )
        .reset_index()
    )
    table["responder_rate"] = table["biomarker_responders"] / table["pct_n"]  # NaN for 0/0

    lines = ["\t".join(table.columns)]
    for row in table.itertuples(index=False):
        lines.append("\t".join([
            row.arm, row.sex, str(row.n), str(row.completers), fmt(row.age_mean, 2),
            fmt(row.age_sd, 2), str(row.pct_n), fmt(row.pct_mean, 2), fmt(row.pct_sd, 2),
            str(row.biomarker_responders), fmt(row.responder_rate, 4),
        ]))
    return "\n".join(lines) + "\n"


def join(trial: pd.DataFrame, labs_path: str) -> str:
    labs = read(labs_path, ["patient_id", "week", "test", "value", "uln"])
    # A left join with an indicator, not an inner join: a lab row whose patient is not
    # in the trial must stop us, not vanish. validate= catches duplicated patients.
    merged = labs.merge(trial[["patient_id", "arm"]], on="patient_id", how="left",
                        validate="many_to_one", indicator=True)
    orphans = merged["_merge"].eq("left_only")
    if orphans.any():
        first = orphans.idxmax()
        fail(f"{labs_path} line {first + 2}: patient {merged.at[first, 'patient_id']} is not in the trial")
    # NaN > x is False, so a missing value never flags. Compared in whole hundredths.
    above = (merged["value"] * 100).round() > 3 * (merged["uln"] * 100).round()
    flagged = merged[above].sort_values(["patient_id", "week", "test"], kind="stable")

    lines = ["patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln"]
    for row in flagged.itertuples(index=False):
        lines.append(f"{row.patient_id}\t{row.arm}\t{row.week}\t{row.test}"
                     f"\t{fmt(row.value, 2)}\t{fmt(row.uln, 2)}\t{fmt(row.value / row.uln, 2)}")
    # observed=False keeps every category of the arm, so placebo shows 0 instead of
    # disappearing from the count.
    patients = trial.groupby("arm", observed=False).size()
    hit = flagged.groupby("arm", observed=False)["patient_id"].nunique()
    lines += ["", "arm\tpatients\tflagged_patients"]
    lines += [f"{arm}\t{patients[arm]}\t{hit[arm]}" for arm in ARMS]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    args = argv[1:]
    if not ((len(args) == 2 and args[0] == "summary") or (len(args) == 3 and args[0] == "join")):
        sys.exit("usage: python pandas_frames.py summary <trial.csv> | "
                 "python pandas_frames.py join <trial.csv> <labs.csv>")
    trial = read_trial(args[1])
    sys.stdout.write(summary(trial) if args[0] == "summary" else join(trial, args[2]))


if __name__ == "__main__":
    main(sys.argv)
