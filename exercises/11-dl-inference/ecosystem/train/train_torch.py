"""The same training in PyTorch: what most people would write instead of train_mlp.py.

Usage (from exercises/11-dl-inference/, with PyTorch 2.x installed):
    python ecosystem/train/train_torch.py data/trial.csv model-torch.json model.pt

NOT run by the tests, and NOT what made data/model.json: PyTorch is not installed on the
machine this course is built and tested on, so the committed model comes from the NumPy
script beside this one, which does the same steps by hand. The recipe is identical:
standardise with the training data's mean and population sd, Linear(6, 16) -> ReLU ->
Linear(16, 1), mean binary cross-entropy on the logit, full-batch Adam with an L2 penalty
on the weights only, the same seed, learning rate and number of epochs. The weights will
still differ: torch.manual_seed drives a different random generator than NumPy's, so
training starts elsewhere and ends in a slightly different (equally good) network.

It writes two files: model-torch.json in the task's format (read by all the programs of
this module) and model.pt, PyTorch's own state_dict, whose keys (hidden.weight,
hidden.bias, output.weight, output.bias) are the field names of the Burn model in
../rust/burn_predict.rs: burn::store::PytorchStore can load it there directly.
"""

import sys

import numpy as np
import torch
from torch import nn

# The data reading, the evaluation and the file format are train_mlp.py's.
from train_mlp import (DECIMALS, EPOCHS, HIDDEN, INPUTS, LEARNING_RATE, SEED, WEIGHT_DECAY,
                       auc, read_trial, write_model)


# region: model
class RiskMlp(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.hidden = nn.Linear(len(INPUTS), HIDDEN)  # weight [16, 6]: [out, in]
        self.output = nn.Linear(HIDDEN, 1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        # The logit: BCEWithLogitsLoss applies the sigmoid itself, more stably.
        return self.output(torch.relu(self.hidden(z)))
# endregion


def main(argv: list[str]) -> None:
    if len(argv) != 4:
        sys.exit("usage: python train_torch.py <trial.csv> <model.json> <model.pt>")
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_default_dtype(torch.float64)  # before the layers are made: float64 weights

    x, y, p_true = read_trial(argv[1])
    mean = np.round(x.mean(axis=0), DECIMALS)
    sd = np.round(x.std(axis=0), DECIMALS)  # population sd (ddof=0), as in train_mlp.py
    z = torch.from_numpy((x - mean) / sd)
    target = torch.from_numpy(y)

    # region: loop
    model = RiskMlp()
    # Adam's weight_decay adds WEIGHT_DECAY * w to each gradient (an L2 penalty, not
    # AdamW's decoupled decay); biases go in a group without it.
    optimiser = torch.optim.Adam(
        [
            {"params": [model.hidden.weight, model.output.weight], "weight_decay": WEIGHT_DECAY},
            {"params": [model.hidden.bias, model.output.bias], "weight_decay": 0.0},
        ],
        lr=LEARNING_RATE,
    )
    loss_fn = nn.BCEWithLogitsLoss()  # mean over the patients
    model.train()
    for epoch in range(1, EPOCHS + 1):
        optimiser.zero_grad()
        loss = loss_fn(model(z)[:, 0], target)
        loss.backward()
        optimiser.step()
        if epoch == 1 or epoch % 250 == 0:
            print(f"epoch {epoch:4d}  training loss {loss.item():.4f}", file=sys.stderr)
    # endregion

    model.eval()
    torch.save(model.state_dict(), argv[3])
    params = {name: np.round(t.detach().numpy(), DECIMALS) + 0.0 for name, t in model.state_dict().items()}
    write_model(argv[2], params, mean, sd)
    # Evaluate the model as saved (rounded), with NumPy, as train_mlp.py does.
    hidden = np.maximum(((x - mean) / sd) @ params["hidden.weight"].T + params["hidden.bias"], 0.0)
    risk = 1 / (1 + np.exp(-(hidden @ params["output.weight"].T + params["output.bias"])[:, 0]))
    print(f"wrote {argv[2]} and {argv[3]}")
    print(f"training AUC {auc(risk, y):.4f}   (true model: {auc(p_true, y):.4f})")


if __name__ == "__main__":
    main(sys.argv)
