// Seeded input for module 10 (Survival analysis: Rust as the engine).
//
// data/trial.csv is the shared synthetic trial (src/lib/inputs/shared/clinical-trial.ts):
// 600 patients randomised 1:1:1 to placebo / low / high, with `time` (whole days to the
// first clinical event or to censoring) and `event` (1 = event, 0 = censored). The true
// hazard ratios against placebo are 0.8 (low) and 0.6 (high); censoring comes from
// dropout (uniform over the year) and from the end of follow-up at day 365. Integer
// days mean ties: several events on one day, and events and censorings on the same day.
// Averaged over the trial's ages and sexes, the true median survival is about 202 days on
// placebo, 252 on low and 336 on high (S(365) = 0.29, 0.37, 0.47). In the 600-patient
// sample the high arm's curve ends at 0.53 on day 357, so its median is "not reached":
// a fact about this sample and its follow-up, not about the drug. At 100x it is reached.
// Scale k is k replicates of the trial (new seeds, ids suffixed `_r<i>`), as in the
// shared generator; replicate 0 is the committed file.
//
// data/edge.csv is small and hand-made, the same at every scale: every rule of the task
// on a page you can check with a pencil (see the lesson). Its columns come in another
// order than trial.csv's, so programs must find them by name:
//   placebo  ties of two events, an event and a censoring on day 4, the curve exactly at
//            one half from day 4 to day 9 (R's median is the midpoint, 6.5), and a last
//            patient whose event empties the risk set (S = 0, Greenwood's SE is NaN)
//   low      two events and a censoring on day 5; median 8 (the first day below one half)
//   high     an event and a censoring on day 11; survival never reaches one half
import { trialCsv, trialPatients } from "./shared/clinical-trial.ts";

const EDGE_CSV = [
  "patient_id,arm,event,time",
  "E01,high,0,2",
  "E02,placebo,1,4",
  "E03,low,0,1",
  "E04,placebo,1,2",
  "E05,low,1,5",
  "E06,high,1,6",
  "E07,placebo,0,6",
  "E08,low,1,3",
  "E09,placebo,0,4",
  "E10,high,0,7",
  "E11,low,0,5",
  "E12,placebo,1,9",
  "E13,high,1,11",
  "E14,low,1,8",
  "E15,high,0,11",
  "E16,placebo,1,2",
  "E17,low,0,10",
  "E18,high,0,14",
  "E19,low,1,5",
  "E20,high,0,15",
  "E21,low,0,12",
].join("\n") + "\n";

/** The input files for module 10 at `scale` (1 = the committed data files). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`10-survival generate: scale must be a positive integer, got ${scale}`);
  }
  return { "data/trial.csv": trialCsv(trialPatients(scale)), "data/edge.csv": EDGE_CSV };
}

/** Fixed, hand-written inputs for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // A negative follow-up time on line 3 (a data-entry error: dates swapped).
  "data/negative-time.csv": "patient_id,arm,time,event\nP1,placebo,120,1\nP2,low,-3,0\nP3,high,200,1\n",
  // An event code that is neither 0 nor 1 on line 4 (a competing-risk code, 2 = death).
  "data/bad-event.csv": "patient_id,arm,time,event\nP1,placebo,120,1\nP2,low,80,0\nP3,high,200,2\n",
  // No `event` column at all: the status was exported under another name.
  "data/missing-column.csv": "patient_id,arm,time,status\nP1,placebo,120,1\nP2,low,80,0\nP3,high,200,1\n",
  // An arm the task does not know on line 3 (a typo for "low").
  "data/unknown-arm.csv": "patient_id,arm,time,event\nP1,placebo,120,1\nP2,lwo,80,0\nP3,high,200,1\n",
  // No patient in the high arm: a filtered export, or a trial that is still recruiting.
  "data/empty-arm.csv": "patient_id,arm,time,event\nP1,placebo,120,1\nP2,low,80,0\nP3,placebo,200,1\n",
};
