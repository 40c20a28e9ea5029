// Seeded input for module 07 (Clinical data frames).
//
// Both files come from the shared synthetic trial (./shared/clinical-trial.ts, whose
// header comment gives the generating model): 600 patients randomised 1:1:1 to
// placebo / low / high dose, a week-12 biomarker that is NA for every dropout and for
// 3% of completers, and safety labs at weeks 4 and 12 with 2% missing values and a
// liver signal (ALT/AST 3–8× ULN at week 12) in about 3% of high-dose patients.
// Scale k is k replicates of the trial (patient ids suffixed `_r<i>`), so the 10× and
// 100× inputs of the scaling runs are 6,000 and 60,000 patients with their labs.
//
// Pure and deterministic, like every generator: the browser runs it too.
import { labsCsv, trialCsv, trialPatients } from "./shared/clinical-trial.ts";

/** The input files for module 07 at `scale` (1 = the committed data/trial.csv and data/labs.csv). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`07-clinical-frames generate: scale must be a positive integer, got ${scale}`);
  }
  const patients = trialPatients(scale);
  return { "data/trial.csv": trialCsv(patients), "data/labs.csv": labsCsv(patients) };
}

const TRIAL_HEADER = "patient_id,site,arm,sex,age,bmi,baseline,completed,week12,time,event,response";

/** Fixed, hand-written inputs for the error cases in task.json (line numbers count the header as line 1). */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 4 lost its bmi field: 11 fields where the header has 12.
  "data/bad-fields.csv": [
    TRIAL_HEADER,
    "P0001,S03,placebo,F,61,24.3,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,47,29.8,118.4,1,86.1,365,0,1",
    "P0003,S01,low,F,52,140.2,1,118.7,365,0,0",
  ].join("\n") + "\n",
  // Line 3 has an age written in words.
  "data/bad-age.csv": [
    TRIAL_HEADER,
    "P0001,S03,placebo,F,61,24.3,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,fifty,29.8,118.4,1,86.1,365,0,1",
  ].join("\n") + "\n",
  // Line 5 has an arm that is not in the protocol.
  "data/bad-arm.csv": [
    TRIAL_HEADER,
    "P0001,S03,placebo,F,61,24.3,131.2,1,129.0,365,0,0",
    "P0002,S05,high,M,47,29.8,118.4,1,86.1,365,0,1",
    "P0003,S01,low,F,52,31.0,140.2,0,NA,211,0,0",
    "P0004,S02,medium,M,66,27.5,102.9,1,95.0,365,1,0",
  ].join("\n") + "\n",
  // A labs export without the upper-limit-of-normal column.
  "data/labs-no-uln.csv": ["patient_id,week,test,value", "P0001,4,ALT,22", "P0001,4,AST,19"].join("\n") + "\n",
  // Line 3 is a lab sample for a patient who is not in data/trial.csv.
  "data/labs-unknown-patient.csv": [
    "patient_id,week,test,value,uln",
    "P0001,4,ALT,22,40",
    "P9999,4,ALT,250,40",
  ].join("\n") + "\n",
};
