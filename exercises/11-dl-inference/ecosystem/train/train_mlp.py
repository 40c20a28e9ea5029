"""Train the module's small neural network with plain NumPy and save it as data/model.json.

Usage (from exercises/11-dl-inference/):
    /usr/bin/python3 ecosystem/train/train_mlp.py data/trial.csv data/model.json

This is the "train in Python" half of the module. It is run by hand, not by the tests:
data/model.json is committed, like a trained model checked into a repository, and the
three core solutions and the ecosystem versions only ever *read* it. Run the command
above to regenerate it (NumPy 1.24 here; train_torch.py is the same recipe in PyTorch).

The network: 6 standardised inputs -> Linear(6, 16) -> ReLU -> Linear(16, 1) -> sigmoid,
predicting `response` (the week-12 biomarker fell by at least 20%) from age, sex, bmi,
baseline biomarker and dose arm. Deterministic: one fixed seed, full-batch Adam for a
fixed number of epochs, no shuffling, float64 throughout. On the same machine and library
versions it writes the same file byte for byte; a different BLAS may change the last
bits of a matrix product, which the 6-decimal rounding of the saved weights almost
always absorbs.
"""

import csv
import json
import sys

import numpy as np

# The order of the columns of the input matrix: the deployed programs must build the
# same vector in the same order, so the names are saved with the weights.
INPUTS = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"]
HIDDEN = 16
SEED = 11
EPOCHS = 1000
LEARNING_RATE = 0.01
# L2 penalty on the weights (not the biases), as torch.optim.Adam(weight_decay=...)
# applies it. Without it this network memorises the 600 training patients: training
# AUC 0.84, but only about 0.64 on new patients from the same trial.
WEIGHT_DECAY = 0.01
DECIMALS = 6  # the saved weights: readable, diffable, and plenty for 1-decimal inputs


def read_trial(path: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The input matrix (one row per patient, columns as INPUTS), the 0/1 response, and
    the true response probability of the generating model (for comparison only)."""
    rows, response, true_logit = [], [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            age, bmi, baseline = float(row["age"]), float(row["bmi"]), float(row["baseline"])
            male = 1.0 if row["sex"] == "M" else 0.0
            low = 1.0 if row["arm"] == "low" else 0.0
            high = 1.0 if row["arm"] == "high" else 0.0
            rows.append([age, male, bmi, baseline, low, high])
            response.append(float(row["response"]))
            # src/lib/inputs/shared/clinical-trial.ts draws `response` from this model.
            true_logit.append(-2.2 + 1.1 * low + 2.0 * high + 0.015 * (age - 55) - 0.3 * male
                              - 0.04 * (bmi - 27) + 0.008 * (baseline - 120))
    return np.array(rows), np.array(response), 1 / (1 + np.exp(-np.array(true_logit)))


def forward(params: dict, z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pre-activations of the hidden layer, its ReLU output, and the output logit."""
    a1 = z @ params["hidden.weight"].T + params["hidden.bias"]
    h = np.maximum(a1, 0.0)
    logit = (h @ params["output.weight"].T + params["output.bias"])[:, 0]
    return a1, h, logit


def bce(logit: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy, computed from the logit without overflow."""
    return float(np.mean(np.logaddexp(0.0, logit) - y * logit))


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve as the Mann-Whitney statistic, ties counting 1/2."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    sorted_score = score[order]
    i = 0
    while i < len(score):
        j = i
        while j + 1 < len(score) and sorted_score[j + 1] == sorted_score[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1  # mid-rank of a run of ties
        i = j + 1
    positives = y.sum()
    negatives = len(y) - positives
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def train(z: np.ndarray, y: np.ndarray) -> dict:
    rng = np.random.default_rng(SEED)
    # PyTorch's default for nn.Linear(fan_in, ...): weights and biases U(-k, k), k = 1/sqrt(fan_in).
    k1, k2 = 1 / np.sqrt(len(INPUTS)), 1 / np.sqrt(HIDDEN)
    params = {
        "hidden.weight": rng.uniform(-k1, k1, (HIDDEN, len(INPUTS))),  # [out, in], as PyTorch
        "hidden.bias": rng.uniform(-k1, k1, HIDDEN),
        "output.weight": rng.uniform(-k2, k2, (1, HIDDEN)),
        "output.bias": rng.uniform(-k2, k2, 1),
    }
    # region: adam
    # Adam (Kingma and Ba 2015), written out: one step per epoch on the whole data set.
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    m = {name: np.zeros_like(p) for name, p in params.items()}
    v = {name: np.zeros_like(p) for name, p in params.items()}
    n = len(y)
    for epoch in range(1, EPOCHS + 1):
        a1, h, logit = forward(params, z)
        # Backpropagation by hand: d(loss)/d(logit) of the mean BCE is (p - y) / n.
        d_logit = ((1 / (1 + np.exp(-logit)) - y) / n)[:, None]
        d_a1 = (d_logit @ params["output.weight"]) * (a1 > 0)
        grads = {
            "hidden.weight": d_a1.T @ z + WEIGHT_DECAY * params["hidden.weight"],
            "hidden.bias": d_a1.sum(axis=0),
            "output.weight": d_logit.T @ h + WEIGHT_DECAY * params["output.weight"],
            "output.bias": d_logit.sum(axis=0),
        }
        for name, g in grads.items():
            m[name] = beta1 * m[name] + (1 - beta1) * g
            v[name] = beta2 * v[name] + (1 - beta2) * g * g
            m_hat = m[name] / (1 - beta1**epoch)
            v_hat = v[name] / (1 - beta2**epoch)
            params[name] = params[name] - LEARNING_RATE * m_hat / (np.sqrt(v_hat) + eps)
        if epoch == 1 or epoch % 250 == 0:
            print(f"epoch {epoch:4d}  training loss {bce(logit, y):.4f}", file=sys.stderr)
    # endregion
    return params


def write_model(path: str, params: dict, mean: np.ndarray, sd: np.ndarray) -> None:
    """One key per line, flat arrays of numbers: easy to read by eye and by a tiny parser.
    Weight matrices are flattened row by row, [out, in] as PyTorch's state_dict."""
    entries = [
        ("model", "6-16-1 MLP: Linear, ReLU, Linear, sigmoid"),
        ("target", "response"),
        ("inputs", INPUTS),
        ("input_mean", mean.tolist()),
        ("input_sd", sd.tolist()),
        ("hidden.shape", list(params["hidden.weight"].shape)),
        ("hidden.weight", params["hidden.weight"].ravel().tolist()),
        ("hidden.bias", params["hidden.bias"].tolist()),
        ("output.shape", list(params["output.weight"].shape)),
        ("output.weight", params["output.weight"].ravel().tolist()),
        ("output.bias", params["output.bias"].tolist()),
    ]
    lines = [f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in entries]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("{\n" + ",\n".join(lines) + "\n}\n")


def main(argv: list[str]) -> None:
    if len(argv) != 3:
        sys.exit("usage: python train_mlp.py <trial.csv> <model.json>")
    x, y, p_true = read_trial(argv[1])
    # Standardise with the training data's mean and (population) sd, rounded as saved,
    # so training sees exactly the numbers the deployed programs will compute.
    mean = np.round(x.mean(axis=0), DECIMALS)
    sd = np.round(x.std(axis=0), DECIMALS)
    z = (x - mean) / sd
    params = train(z, y)
    # Round before saving, and report the model *as saved*.
    params = {name: np.round(p, DECIMALS) + 0.0 for name, p in params.items()}  # + 0.0: no -0.0
    write_model(argv[2], params, mean, sd)

    logit = forward(params, z)[2]
    risk = 1 / (1 + np.exp(-logit))
    print(f"wrote {argv[2]}: {len(y)} patients, {int(y.sum())} responders")
    print(f"final training loss {bce(logit, y):.4f}   (true model: {bce(np.log(p_true / (1 - p_true)), y):.4f})")
    print(f"training AUC        {auc(risk, y):.4f}   (true model: {auc(p_true, y):.4f})")
    arms = {"placebo": (x[:, 4] == 0) & (x[:, 5] == 0), "low": x[:, 4] == 1, "high": x[:, 5] == 1}
    for arm, rows in arms.items():
        print(f"mean risk {arm:8s}  {risk[rows].mean():.3f}   (true {p_true[rows].mean():.3f}, observed {y[rows].mean():.3f})")


if __name__ == "__main__":
    main(sys.argv)
