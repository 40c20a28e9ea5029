// The synthetic clinical trial and expression matrix shared by modules 07–11.
//
// Pure and seeded like every input generator: the same code writes the committed
// files and builds the 10×/100× inputs in the reader's browser. The generating model
// is written out here (and in the lessons) so a reader knows what the right answers
// should look like:
//
// Trial — a 12-week, 3-arm, randomised study of a drug that lowers a blood biomarker.
//   patient_id  P0001…; replicate r > 0 of a larger input suffixes `_r<r>`
//   site        S01–S08, uniform
//   arm         placebo / low / high, randomised 1:1:1 in blocks of 6 per replicate
//   sex         F / M with probability 1/2
//   age         integer years, Normal(55, 12) clamped to 18–85
//   bmi         kg/m², 1 decimal, Normal(27, 4.5) clamped to 16–48
//   baseline    biomarker at week 0, 1 decimal, Normal(120, 25) clamped to 40–250
//   completed   1 if the patient attended the week-12 visit, else 0 (dropout: 10%
//               on placebo, 12% on low, 16% on high dose — side effects)
//   week12      biomarker at week 12: baseline × (1 + change); NA for every dropout
//               and for 3% of completers (a lost sample), so "completers" and
//               "completers with a week-12 value" differ
//               change = effect(arm) + 0.004 × (age − 55) + Normal(0, 0.12),
//               effect: placebo −0.02, low −0.12, high −0.25
//   time, event days to the first clinical event (event = 1) or to censoring
//               (event = 0); integer days, so ties occur. Exponential hazard
//               0.003/day × HR(arm) × exp(0.02 (age − 55) + 0.25 [male]), HR: placebo 1,
//               low 0.8, high 0.6; censored at dropout (uniform over the year) or at
//               day 365 (administrative)
//   response    1 if the week-12 biomarker fell by at least 20% — drawn for everyone
//               from logit P = −2.2 + 1.1 [low] + 2.0 [high] + 0.015 (age − 55)
//               − 0.3 [male] − 0.04 (bmi − 27) + 0.008 (baseline − 120), so the
//               coefficients a logistic regression should recover are these
//
// Labs — safety labs at weeks 4 and 12 for each patient (week 12 only for completers):
//   patient_id, week, test (ALT, AST, BILI, CREAT), value (NA for 2% of samples), uln
//   (upper limit of normal: ALT 40, AST 35, BILI 1.2, CREAT 1.1). About 3% of patients
//   on the high dose get a liver signal (ALT/AST 3–8× ULN), 0.5% elsewhere.
//
// Expression — 200 genes × 40 samples of log2 expression (3 decimals). Samples
//   belong to two hidden groups of 20, interleaved in a seeded order; genes G001–G040
//   are shifted by ±1.5 (sign per gene) in group B, the other 160 are noise around a
//   gene-specific mean. Replicate r > 0 adds 200 more genes (ids suffixed `_r<r>`),
//   so a larger input is a wider gene panel on the same 40 samples.
import { mulberry32, randomInt, replicateSeed } from "../prng.ts";

export const TRIAL_SEED = 0x7a1a1;
const LABS_SEED = 0x1ab5;
export const EXPRESSION_SEED = 0xe4e55;

export const ARMS = ["placebo", "low", "high"] as const;
export type Arm = (typeof ARMS)[number];

export interface Patient {
  patient_id: string;
  site: string;
  arm: Arm;
  sex: "F" | "M";
  age: number;
  bmi: number;
  baseline: number;
  completed: 0 | 1;
  week12: number | null;
  time: number;
  event: 0 | 1;
  response: 0 | 1;
}

/** Standard normal by Box–Muller (one draw per call; the second value is discarded to keep it simple). */
function normal(rng: () => number): number {
  const u = 1 - rng(); // (0, 1], so log() is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Rounds to `d` decimals and returns the number that prints back exactly as that text. */
const round = (x: number, d: number) => Number(x.toFixed(d));

const DROPOUT: Record<Arm, number> = { placebo: 0.1, low: 0.12, high: 0.16 };
const EFFECT: Record<Arm, number> = { placebo: -0.02, low: -0.12, high: -0.25 };
const HAZARD_RATIO: Record<Arm, number> = { placebo: 1, low: 0.8, high: 0.6 };
const RESPONSE_ARM: Record<Arm, number> = { placebo: 0, low: 1.1, high: 2.0 };

export const TRIAL_SIZE = 600;

function trialReplicate(replicate: number): Patient[] {
  const rng = mulberry32(replicateSeed(TRIAL_SEED, replicate));
  const suffix = replicate === 0 ? "" : `_r${replicate}`;
  const patients: Patient[] = [];
  let block: Arm[] = [];
  for (let i = 1; i <= TRIAL_SIZE; i++) {
    if (block.length === 0) {
      // Permuted blocks of 6 keep the arms balanced, as real randomisation lists do.
      block = [...ARMS, ...ARMS];
      for (let j = block.length - 1; j > 0; j--) {
        const k = Math.floor(rng() * (j + 1));
        [block[j], block[k]] = [block[k]!, block[j]!];
      }
    }
    const arm = block.pop()!;
    const site = `S0${randomInt(rng, 1, 8)}`;
    const sex = rng() < 0.5 ? "F" : "M";
    const age = Math.round(clamp(55 + 12 * normal(rng), 18, 85));
    const bmi = round(clamp(27 + 4.5 * normal(rng), 16, 48), 1);
    const baseline = round(clamp(120 + 25 * normal(rng), 40, 250), 1);
    const completed = rng() < DROPOUT[arm] ? 0 : 1;
    const change = EFFECT[arm] + 0.004 * (age - 55) + 0.12 * normal(rng);
    const lostSample = rng() < 0.03;
    const week12 = completed === 1 && !lostSample ? round(baseline * (1 + change), 1) : null;
    const hazard = 0.003 * HAZARD_RATIO[arm] * Math.exp(0.02 * (age - 55) + (sex === "M" ? 0.25 : 0));
    const eventDay = Math.max(1, Math.ceil(-Math.log(1 - rng()) / hazard));
    const censorDay = completed === 1 ? 365 : randomInt(rng, 14, 364);
    const time = Math.min(eventDay, censorDay);
    const event = eventDay <= censorDay ? 1 : 0;
    const logit =
      -2.2 + RESPONSE_ARM[arm] + 0.015 * (age - 55) - (sex === "M" ? 0.3 : 0) - 0.04 * (bmi - 27) + 0.008 * (baseline - 120);
    const response = rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    patients.push({
      patient_id: `P${String(i).padStart(4, "0")}${suffix}`,
      site,
      arm,
      sex,
      age,
      bmi,
      baseline,
      completed,
      week12,
      time,
      event,
      response,
    });
  }
  return patients;
}

function checkScale(scale: number, who: string): void {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`${who}: scale must be a positive integer, got ${scale}`);
}

/** `scale` replicates of the 600-patient trial; replicate 0 is the committed file. */
export function trialPatients(scale: number): Patient[] {
  checkScale(scale, "trialPatients");
  return Array.from({ length: scale }, (_, r) => trialReplicate(r)).flat();
}

const TRIAL_COLUMNS = ["patient_id", "site", "arm", "sex", "age", "bmi", "baseline", "completed", "week12", "time", "event", "response"] as const;

/** The trial as CSV: header, one row per patient, `NA` for a missing value, `\n` line ends. */
export function trialCsv(patients: readonly Patient[]): string {
  const cell = (v: string | number | null) => (v === null ? "NA" : typeof v === "number" ? String(v) : v);
  const format = (p: Patient) =>
    TRIAL_COLUMNS.map((c) => (c === "bmi" || c === "baseline" || c === "week12" ? (p[c] === null ? "NA" : p[c]!.toFixed(1)) : cell(p[c]))).join(",");
  return [TRIAL_COLUMNS.join(","), ...patients.map(format)].join("\n") + "\n";
}

export const LAB_ULN = { ALT: 40, AST: 35, BILI: 1.2, CREAT: 1.1 } as const;
type LabTest = keyof typeof LAB_ULN;
const LAB_TESTS = Object.keys(LAB_ULN) as LabTest[];
/** Typical value as a fraction of the ULN, and its spread. */
const LAB_NORMAL: Record<LabTest, [number, number]> = { ALT: [0.55, 0.2], AST: [0.6, 0.2], BILI: [0.5, 0.15], CREAT: [0.75, 0.12] };
const LAB_DECIMALS: Record<LabTest, number> = { ALT: 0, AST: 0, BILI: 2, CREAT: 2 };

/** Safety labs for `patients` as CSV (`patient_id,week,test,value,uln`), deterministic per replicate. */
export function labsCsv(patients: readonly Patient[]): string {
  const rows = ["patient_id,week,test,value,uln"];
  let replicate = -1;
  let rng = mulberry32(LABS_SEED);
  for (const p of patients) {
    const r = Number(/_r(\d+)$/.exec(p.patient_id)?.[1] ?? 0);
    if (r !== replicate) {
      replicate = r;
      rng = mulberry32(replicateSeed(LABS_SEED, r));
    }
    const liverSignal = rng() < (p.arm === "high" ? 0.03 : 0.005);
    const weeks = p.completed === 1 ? [4, 12] : [4];
    for (const week of weeks) {
      for (const test of LAB_TESTS) {
        const [mean, sd] = LAB_NORMAL[test];
        let ratio = Math.max(0.05, mean + sd * normal(rng));
        if (liverSignal && week === 12 && (test === "ALT" || test === "AST")) ratio = 3 + 5 * rng();
        const missing = rng() < 0.02;
        const value = missing ? "NA" : (ratio * LAB_ULN[test]).toFixed(LAB_DECIMALS[test]);
        rows.push(`${p.patient_id},${week},${test},${value},${LAB_ULN[test]}`);
      }
    }
  }
  return rows.join("\n") + "\n";
}

export const EXPRESSION_GENES = 200;
export const EXPRESSION_SAMPLES = 40;
const MARKER_GENES = 40;

/** The hidden group of each sample (A or B), in column order; fixed for every scale. */
export function expressionGroups(): Array<"A" | "B"> {
  const rng = mulberry32(EXPRESSION_SEED);
  const groups: Array<"A" | "B"> = [...Array(EXPRESSION_SAMPLES / 2).fill("A"), ...Array(EXPRESSION_SAMPLES / 2).fill("B")];
  for (let j = groups.length - 1; j > 0; j--) {
    const k = Math.floor(rng() * (j + 1));
    [groups[j], groups[k]] = [groups[k]!, groups[j]!];
  }
  return groups;
}

/** Genes × samples log2 expression as TSV (`gene` then S01…S40), `scale` × 200 genes. */
export function expressionTsv(scale: number): string {
  checkScale(scale, "expressionTsv");
  const groups = expressionGroups();
  const samples = groups.map((_, j) => `S${String(j + 1).padStart(2, "0")}`);
  const rows = [["gene", ...samples].join("\t")];
  for (let r = 0; r < scale; r++) {
    // Offset by one so the group order above and replicate 0 never share a stream.
    const rng = mulberry32(replicateSeed(EXPRESSION_SEED + 1, r));
    const suffix = r === 0 ? "" : `_r${r}`;
    for (let g = 1; g <= EXPRESSION_GENES; g++) {
      const mean = 4 + 8 * rng();
      const sd = 0.3 + 0.5 * rng();
      const shift = g <= MARKER_GENES ? (rng() < 0.5 ? -1.5 : 1.5) : 0;
      const values = groups.map((group) => (mean + (group === "B" ? shift : 0) + sd * normal(rng)).toFixed(3));
      rows.push([`G${String(g).padStart(3, "0")}${suffix}`, ...values].join("\t"));
    }
  }
  return rows.join("\n") + "\n";
}
