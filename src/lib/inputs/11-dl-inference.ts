// Seeded input for module 11 (Deep-learning inference: train in Python, deploy in Rust).
//
// data/trial.csv is the shared synthetic trial (./shared/clinical-trial.ts, whose header
// comment gives the generating model). The model of this module predicts `response`
// (the week-12 biomarker fell by at least 20%) from six baseline columns: age, sex, bmi,
// baseline, and the arm as two indicators (low, high). The truth it should approach is
// the generator's logistic model:
//   logit P(response) = −2.2 + 1.1 [low] + 2.0 [high] + 0.015 (age − 55) − 0.3 [male]
//                       − 0.04 (bmi − 27) + 0.008 (baseline − 120)
// Scale k is k replicates of the trial (new seeds, ids suffixed `_r<i>`). Replicate 0 is
// the committed file, the one the model was trained on; replicates 1…k−1 are new
// patients from the same model, so the 10× and 100× runs score patients the network
// has never seen.
//
// data/model.json is NOT made here: it is the trained network, written by
// exercises/11-dl-inference/ecosystem/train/train_mlp.py and committed. The files below
// are the small, hand-made bad inputs of the error cases.
import { trialCsv, trialPatients } from "./shared/clinical-trial.ts";

/** The input files for module 11 at `scale` (1 = the committed data/trial.csv). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`11-dl-inference generate: scale must be a positive integer, got ${scale}`);
  }
  return { "data/trial.csv": trialCsv(trialPatients(scale)) };
}

const INPUTS = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"];

/** A syntactically valid model file laid out like train_mlp.py writes it, with made-up weights. */
function modelJson(inputs: readonly string[], hiddenShape: readonly [number, number]): string {
  const numbers = (n: number, start: number) =>
    Array.from({ length: n }, (_, i) => Number((((start + 7 * i) % 19) - 9) / 10));
  const entries: Array<[string, unknown]> = [
    ["model", "6-16-1 MLP: Linear, ReLU, Linear, sigmoid"],
    ["target", "response"],
    ["inputs", inputs],
    ["input_mean", [55, 0.5, 27, 120, 0.333333, 0.333333]],
    ["input_sd", [12, 0.5, 4.5, 25, 0.471405, 0.471405]],
    ["hidden.shape", hiddenShape],
    ["hidden.weight", numbers(hiddenShape[0] * hiddenShape[1], 1)],
    ["hidden.bias", numbers(16, 2)],
    ["output.shape", [1, 16]],
    ["output.weight", numbers(16, 3)],
    ["output.bias", [-0.5]],
  ];
  const json = (value: unknown) =>
    Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : JSON.stringify(value);
  const lines = entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${json(value)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

const TRIAL_HEADER = "patient_id,site,arm,sex,age,bmi,baseline,completed,week12,time,event,response";

/** Fixed, hand-written inputs for the error cases in task.json (line numbers count the header as line 1). */
export const errorInputs: Readonly<Record<string, string>> = {
  // The hidden layer stored as [inputs, outputs] (Burn's layout) instead of
  // [outputs, inputs] (PyTorch's, and this task's): 96 numbers either way, so only the
  // shape gives it away.
  "data/transposed.json": modelJson(INPUTS, [6, 16]),
  // The right shapes, but trained with bmi before sex: every prediction would be
  // silently wrong if the program did not compare the names.
  "data/swapped-inputs.json": modelJson(["age", "bmi", "male", "baseline", "arm_low", "arm_high"], [16, 6]),
  // Line 3 (patient P0002) has no bmi.
  "data/na-input.csv": [
    TRIAL_HEADER,
    "P0001,S05,low,M,72,27.0,117.0,1,NA,365,0,0",
    "P0002,S06,high,F,48,NA,129.6,1,136.2,365,0,1",
    "P0003,S06,high,M,46,31.6,84.0,1,66.0,365,0,0",
  ].join("\n") + "\n",
};
