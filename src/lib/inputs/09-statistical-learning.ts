// Seeded input for module 09 (Statistical learning: logistic regression and k-means).
//
// Both data files come from the shared synthetic data (./shared/clinical-trial.ts, whose
// header comment gives the generating model):
//   data/trial.csv       600 patients; `response` was drawn from the logistic model
//                        logit P = −2.2 + 1.1 [low] + 2.0 [high] + 0.015 (age − 55)
//                        − 0.3 [male] − 0.04 (bmi − 27) + 0.008 (baseline − 120),
//                        so a logistic regression should recover those slopes;
//   data/expression.tsv  200 genes × 40 samples of log2 expression; the samples fall
//                        into two hidden groups of 20 (expressionGroups()), and genes
//                        G001–G040 are shifted by ±1.5 in group B — what k-means with
//                        K = 2 should find.
// Scale k: k replicates of the trial (60,000 patients at 100×: the logistic regression
// is linear in the rows) and k × 200 genes on the same 40 samples (k-means distances
// are linear in the genes).
//
// Pure and deterministic, like every generator: the browser runs it too.
import { expressionTsv, trialCsv, trialPatients } from "./shared/clinical-trial.ts";

/** The input files for module 09 at `scale` (1 = the committed data/trial.csv and data/expression.tsv). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`09-statistical-learning generate: scale must be a positive integer, got ${scale}`);
  }
  return { "data/trial.csv": trialCsv(trialPatients(scale)), "data/expression.tsv": expressionTsv(scale) };
}

const TRIAL_HEADER = "patient_id,site,arm,sex,age,bmi,baseline,completed,week12,time,event,response";

/** Small hand-written inputs for the error cases in task.json (line 1 is the header). */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 3 has an age typed in words.
  "data/bad-age.csv": [
    TRIAL_HEADER,
    "P0001,S03,placebo,F,61,24.3,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,fifty,29.8,118.4,1,86.1,365,0,1",
    "P0003,S01,low,F,52,31.0,140.2,0,NA,211,0,0",
  ].join("\n") + "\n",
  // An export that lost the bmi column.
  "data/no-bmi.csv": [
    "patient_id,site,arm,sex,age,baseline,completed,week12,time,event,response",
    "P0001,S03,placebo,F,61,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,47,118.4,1,86.1,365,0,1",
  ].join("\n") + "\n",
  // Line 4 has no baseline value: the model needs complete rows.
  "data/missing-baseline.csv": [
    TRIAL_HEADER,
    "P0001,S03,placebo,F,61,24.3,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,47,29.8,118.4,1,86.1,365,0,1",
    "P0003,S01,low,F,52,31.0,NA,0,NA,211,0,0",
  ].join("\n") + "\n",
  // Perfect separation: response is 1 exactly when baseline > 130, so the likelihood
  // keeps rising as the baseline coefficient grows and IRLS cannot converge.
  "data/separated.csv": [
    TRIAL_HEADER,
    "P0001,S01,placebo,F,61,24.3,101.2,1,99.0,365,0,0",
    "P0002,S02,low,M,47,29.8,118.4,1,96.1,365,0,0",
    "P0003,S03,high,F,52,31.0,140.2,1,101.5,365,0,1",
    "P0004,S04,placebo,M,66,27.5,152.9,1,150.0,365,1,1",
    "P0005,S05,low,F,39,22.1,97.5,1,88.2,365,0,0",
    "P0006,S06,high,M,58,26.4,133.8,1,95.4,365,0,1",
    "P0007,S07,placebo,F,71,30.2,125.0,1,121.9,365,0,0",
    "P0008,S08,low,M,44,25.7,161.3,1,130.0,365,0,1",
    "P0009,S01,high,F,63,33.9,109.6,1,80.3,365,0,0",
    "P0010,S02,placebo,M,55,28.8,144.7,1,139.8,365,1,1",
    "P0011,S03,low,F,49,24.9,128.1,1,110.6,365,0,0",
    "P0012,S04,high,M,68,29.1,171.0,1,120.4,365,0,1",
  ].join("\n") + "\n",
  // A spreadsheet's "#N/A" where an expression value should be (line 3, sample S02).
  "data/bad-expression.tsv": [
    "gene\tS01\tS02\tS03",
    "G001\t5.120\t6.301\t4.877",
    "G002\t8.004\t#N/A\t8.350",
    "G003\t3.310\t2.954\t3.877",
  ].join("\n") + "\n",
};
