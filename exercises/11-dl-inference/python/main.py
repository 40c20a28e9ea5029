"""Risk scores from a small trained neural network, with the standard library only.

Usage: python main.py predict data/model.json data/trial.csv
       python main.py summary data/model.json data/trial.csv
No NumPy, so it runs unchanged in Pyodide in the browser. Every sum is a plain loop in a
fixed order: sum() and math.fsum() would round differently from Rust and R.
"""

import json
import math
import sys
from dataclasses import dataclass

INPUTS = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"]
N_IN, N_HIDDEN = 6, 16
ARMS = ["placebo", "low", "high"]


# region: dense
@dataclass
class Dense:
    """A fully connected layer: w has one row per output ([out][in], as PyTorch)."""

    w: list[list[float]]
    b: list[float]

    def forward(self, x: list[float]) -> list[float]:
        y = []
        for row, bias in zip(self.w, self.b):
            acc = bias  # start from the bias, then add w * x left to right
            for w_i, x_i in zip(row, x):
                acc += w_i * x_i
            y.append(acc)
        return y
# endregion


# region: mlp
@dataclass
class Mlp:
    mean: list[float]
    sd: list[float]
    hidden: Dense
    output: Dense

    def risk(self, x: list[float]) -> float:
        z = [(x_i - m) / s for x_i, m, s in zip(x, self.mean, self.sd)]
        h = [a if a > 0.0 else 0.0 for a in self.hidden.forward(z)]  # ReLU
        logit = self.output.forward(h)[0]
        return 1.0 / (1.0 + math.exp(-logit))
# endregion


def numbers(fields: dict, key: str) -> list[float]:
    if key not in fields:
        raise ValueError(f'model file has no "{key}"')
    values = fields[key]
    if not isinstance(values, list) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in values
    ):
        raise ValueError(f'"{key}" must be an array of numbers')
    return [float(v) for v in values]


def show_shape(shape: list[float]) -> str:
    return "[" + ", ".join(str(int(d)) if d == int(d) else str(d) for d in shape) + "]"


# region: layer
def dense(fields: dict, name: str, n_in: int, n_out: int) -> Dense:
    """Reads layer `name` and checks it against the sizes this program runs."""
    shape = numbers(fields, f"{name}.shape")
    if shape != [n_out, n_in]:
        raise ValueError(
            f"layer {name}: weight shape is {show_shape(shape)}, "
            f"this program needs [{n_out}, {n_in}] ([outputs, inputs])"
        )
    w = numbers(fields, f"{name}.weight")
    if len(w) != n_in * n_out:
        raise ValueError(f"layer {name}: weight has {len(w)} numbers, [{n_out}, {n_in}] needs {n_in * n_out}")
    b = numbers(fields, f"{name}.bias")
    if len(b) != n_out:
        raise ValueError(f"layer {name}: bias has {len(b)} numbers, needs {n_out}")
    # The file stores the matrix row by row: row o is w[o * n_in : (o + 1) * n_in].
    return Dense([w[o * n_in:(o + 1) * n_in] for o in range(n_out)], b)
# endregion


def scaling(fields: dict, key: str) -> list[float]:
    values = numbers(fields, key)
    if len(values) != N_IN:
        raise ValueError(f"{key} has {len(values)} numbers, needs {N_IN}")
    return values


def load_model(path: str) -> Mlp:
    with open(path, encoding="utf-8") as handle:
        try:
            fields = json.load(handle)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path} is not a valid model file: line {err.lineno}: {err.msg}") from None
    if not isinstance(fields, dict):
        raise ValueError(f"{path} is not a valid model file: expected '{{' at the start of the file")
    names = fields.get("inputs")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError('model file has no "inputs" list of names')
    if names != INPUTS:
        raise ValueError(f"model inputs are {', '.join(names)}; this program builds {', '.join(INPUTS)}")
    sd = scaling(fields, "input_sd")
    for name, s in zip(INPUTS, sd):
        if s <= 0.0:
            raise ValueError(f"input_sd of {name} must be positive")
    return Mlp(
        mean=scaling(fields, "input_mean"),
        sd=sd,
        hidden=dense(fields, "hidden", N_IN, N_HIDDEN),
        output=dense(fields, "output", N_HIDDEN, 1),
    )


@dataclass
class Patient:
    id: str
    arm: int
    x: list[float]
    response: int


# region: features
def number(field: str, name: str, at: str) -> float:
    """One input value. NA is an error, not a silent skip: a risk table that quietly
    leaves out patients is worse than no table."""
    if field == "NA":
        raise ValueError(f"{at}: {name} is NA")
    try:
        x = float(field)
    except ValueError:
        x = math.nan
    if not math.isfinite(x):
        raise ValueError(f'{at}: {name} "{field}" is not a number')
    return x


def read_trial(path: str, with_response: bool) -> list[Patient]:
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    if not lines:
        raise ValueError(f"{path} is empty")
    header = lines[0].rstrip("\r").split(",")
    wanted = ["patient_id", "arm", "sex", "age", "bmi", "baseline"] + (["response"] if with_response else [])
    col = []
    for name in wanted:
        if name not in header:
            raise ValueError(f'{path}: missing column "{name}"')
        col.append(header.index(name))
    patients = []
    for line_no, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r")
        if not line:
            continue
        f = line.split(",")
        if len(f) != len(header):
            raise ValueError(f"{path} line {line_no}: expected {len(header)} fields, found {len(f)}")
        pid = f[col[0]]
        at = f"{path} line {line_no} ({pid})"
        if f[col[1]] not in ARMS:
            raise ValueError(f'{at}: unknown arm "{f[col[1]]}"')
        arm = ARMS.index(f[col[1]])
        if f[col[2]] not in ("F", "M"):
            raise ValueError(f'{at}: sex must be F or M, found "{f[col[2]]}"')
        x = [
            number(f[col[3]], "age", at),
            1.0 if f[col[2]] == "M" else 0.0,
            number(f[col[4]], "bmi", at),
            number(f[col[5]], "baseline", at),
            1.0 if arm == 1 else 0.0,
            1.0 if arm == 2 else 0.0,
        ]
        response = 0
        if with_response:
            if f[col[6]] not in ("0", "1"):
                raise ValueError(f"{at}: response must be 0 or 1")
            response = int(f[col[6]])
        patients.append(Patient(pid, arm, x, response))
    return patients
# endregion


# region: auc
def auc(risk: list[float], response: list[int]) -> float | None:
    """Mann-Whitney U / (n1 n0): ties share their mid-rank. None if a group is empty."""
    n = len(risk)
    n1 = float(sum(response))  # a count of 0s and 1s: exact with any summation
    n0 = n - n1
    if n1 == 0.0 or n0 == 0.0:
        return None
    order = sorted(range(n), key=lambda k: risk[k])
    rank_sum = 0.0
    i = 0
    while i < n:
        j = i
        while j + 1 < n and risk[order[j + 1]] == risk[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1
        for k in order[i:j + 1]:
            if response[k] == 1:
                rank_sum += mid_rank
        i = j + 1
    return (rank_sum - n1 * (n1 + 1.0) / 2.0) / (n1 * n0)
# endregion


def fmt(x: float | None) -> str:
    return "NA" if x is None else f"{x:.6f}"


def summary(patients: list[Patient], risk: list[float]) -> str:
    rows = ["arm\tn\tmean_risk\tobserved\tauc"]
    for group, name in enumerate(ARMS + ["all"]):
        members = [(p, r) for p, r in zip(patients, risk) if group == len(ARMS) or p.arm == group]
        n = len(members)
        total = 0.0
        for _, r in members:
            total += r  # in file order, from 0.0: never sum(), which is compensated in 3.12+
        responders = sum(p.response for p, _ in members)
        mean = total / n if n else None
        observed = responders / n if n else None
        area = auc([r for _, r in members], [p.response for p, _ in members])
        rows.append(f"{name}\t{n}\t{fmt(mean)}\t{fmt(observed)}\t{fmt(area)}")
    return "\n".join(rows) + "\n"


# region: main
def main(argv: list[str]) -> None:
    if len(argv) != 4 or argv[1] not in ("predict", "summary"):
        sys.exit("usage: python main.py predict|summary <model.json> <trial.csv>")
    command, model_path, trial_path = argv[1:]
    try:
        model = load_model(model_path)
        patients = read_trial(trial_path, command == "summary")
    except OSError as err:
        sys.exit(f"error: cannot read {err.filename}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    risk = [model.risk(p.x) for p in patients]
    if command == "predict":
        lines = [f"{p.id}\t{r:.6f}\n" for p, r in zip(patients, risk)]
        sys.stdout.write("patient_id\trisk\n" + "".join(lines))
    else:
        sys.stdout.write(summary(patients, risk))
# endregion


if __name__ == "__main__":
    main(sys.argv)
