"""Risk scores from the trained network, the NumPy way: the forward pass as matrix products.

Usage: python numpy_predict.py predict data/model.json data/trial.csv
       python numpy_predict.py summary data/model.json data/trial.csv
Needs NumPy, pandas and scikit-learn (written against NumPy 1.24, pandas 1.5, scikit-learn
1.2; Debian: apt-get install -y python3-sklearn python3-pandas). This version made
expected/predict.tsv and expected/summary.tsv. It is how you would run the model in
production Python short of PyTorch itself: one `@` per layer for all patients at once.
BLAS adds up a matrix product in its own order (blocked, vectorised, sometimes fused
multiply-add), so its last bits may differ from the core solutions' left-to-right loop:
the task compares numbers within 1.5e-6.
"""

import json
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

INPUTS = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"]
ARMS = ["placebo", "low", "high"]


def load_model(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        model = json.load(handle)
    if model["inputs"] != INPUTS:
        sys.exit(f"error: model inputs are {', '.join(model['inputs'])}; this program builds {', '.join(INPUTS)}")
    # The saved matrices are flat, row by row: reshape them to [out, in] as PyTorch stores them.
    for layer in ("hidden", "output"):
        model[f"{layer}.weight"] = np.array(model[f"{layer}.weight"]).reshape(model[f"{layer}.shape"])
        model[f"{layer}.bias"] = np.array(model[f"{layer}.bias"])
    if model["hidden.weight"].shape != (16, 6) or model["output.weight"].shape != (1, 16):
        sys.exit("error: the model is not the 6-16-1 network this program runs")
    return model


def features(trial: pd.DataFrame) -> np.ndarray:
    """The patients x 6 input matrix, columns in the order of INPUTS."""
    x = pd.DataFrame({
        "age": trial["age"],
        "male": (trial["sex"] == "M").astype(float),
        "bmi": trial["bmi"],
        "baseline": trial["baseline"],
        "arm_low": (trial["arm"] == "low").astype(float),
        "arm_high": (trial["arm"] == "high").astype(float),
    })
    missing = x.isna().any(axis=1)
    if missing.any():
        sys.exit(f"error: patient {trial['patient_id'][missing].iloc[0]} has a missing input")
    return x.to_numpy(dtype=float)


def risk(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["input_mean"])) / np.array(model["input_sd"])
    h = np.maximum(z @ model["hidden.weight"].T + model["hidden.bias"], 0.0)  # Linear + ReLU
    logit = h @ model["output.weight"].T + model["output.bias"]  # Linear
    return 1 / (1 + np.exp(-logit[:, 0]))  # sigmoid


def fmt(x: float) -> str:
    return "NA" if np.isnan(x) else f"{x:.6f}"


def summary(trial: pd.DataFrame) -> str:
    rows = ["arm\tn\tmean_risk\tobserved\tauc"]
    groups = [(arm, trial[trial["arm"] == arm]) for arm in ARMS] + [("all", trial)]
    for name, g in groups:
        # roc_auc_score is the Mann-Whitney statistic / (n1 n0), ties counting 1/2.
        auc = roc_auc_score(g["response"], g["risk"]) if g["response"].nunique() == 2 else np.nan
        rows.append(f"{name}\t{len(g)}\t{fmt(g['risk'].mean())}\t{fmt(g['response'].mean())}\t{fmt(auc)}")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) != 4 or argv[1] not in ("predict", "summary"):
        sys.exit("usage: python numpy_predict.py predict|summary <model.json> <trial.csv>")
    model = load_model(argv[2])
    trial = pd.read_csv(argv[3], dtype={"patient_id": str})
    trial["risk"] = risk(model, features(trial))
    if argv[1] == "predict":
        lines = [f"{pid}\t{r:.6f}\n" for pid, r in zip(trial["patient_id"], trial["risk"])]
        sys.stdout.write("patient_id\trisk\n" + "".join(lines))
    else:
        sys.stdout.write(summary(trial))


if __name__ == "__main__":
    main(sys.argv)
