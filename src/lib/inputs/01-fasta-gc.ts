// Seeded input for module 01 (FASTA records: length and GC content).
//
// The same code writes the committed file (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Scale 1 is ~20 records meant to exercise everything the three solutions must get
// right: line wrapping at 60, 70 and 80 columns, soft-masked (lowercase) stretches,
// runs of N, other IUPAC codes (R Y S W K M) that count toward length but not GC,
// an empty record, a record of only N (GC is NA), a 1-base record, a ~25 kb record,
// a tab between id and description, and a blank line between two records.
// Scale k is k replicates of that layout; replicate 0 is byte-identical to scale 1 and
// replicate i > 0 draws new sequence from its own seed and suffixes ids with `_r<i>`.
import { mulberry32, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x01fa57a;
const AMBIGUITY_CODES = "RYSWKM";

interface RecordTemplate {
  id: string;
  /** Header text after the id; `{len}` is replaced by the generated length. */
  description: string;
  /** Inclusive range the record's length is drawn from. */
  length: readonly [number, number];
  /** Probability that a generated A/C/G/T base is G or C. */
  gc: number;
  /** Residues per sequence line. */
  wrap: number;
  softMasked?: number;
  nRuns?: number;
  ambiguityCodes?: number;
  allN?: boolean;
  allLowercase?: boolean;
  /** Separate id and description with a tab instead of a space. */
  tab?: boolean;
  /** Put a blank line before the header (real files have them; parsers must skip them). */
  blankLineBefore?: boolean;
}

const TEMPLATES: readonly RecordTemplate[] = [
  { id: "contig_0001", description: "len={len} sample=liver", length: [1100, 1300], gc: 0.41, wrap: 60 },
  { id: "contig_0002", description: "len={len} sample=liver", length: [900, 1000], gc: 0.38, wrap: 60, softMasked: 2 },
  { id: "contig_0003", description: "len={len} sample=liver", length: [600, 700], gc: 0.55, wrap: 60, nRuns: 1 },
  { id: "contig_0004", description: "len={len} sample=kidney", length: [2000, 2200], gc: 0.47, wrap: 60, ambiguityCodes: 6 },
  { id: "contig_0005", description: "len={len} sample=kidney", length: [1400, 1600], gc: 0.44, wrap: 70, softMasked: 1, nRuns: 1 },
  { id: "contig_0006", description: "len={len} sample=kidney", length: [280, 320], gc: 0.62, wrap: 60, tab: true },
  { id: "contig_0007", description: "len=0 sample=kidney note=empty", length: [0, 0], gc: 0.5, wrap: 60 },
  { id: "scaffold_0001", description: "len={len} sample=liver", length: [24000, 28000], gc: 0.4, wrap: 60, softMasked: 3, nRuns: 2, ambiguityCodes: 12 },
  { id: "contig_0008", description: "len={len} sample=blood", length: [1700, 1900], gc: 0.52, wrap: 80, ambiguityCodes: 4 },
  { id: "contig_0009", description: "len={len} sample=blood", length: [40, 59], gc: 0.45, wrap: 60 },
  { id: "contig_0010", description: "len={len} sample=blood", length: [120, 120], gc: 0.5, wrap: 60 },
  { id: "gap_0001", description: "len={len} type=spacer", length: [100, 150], gc: 0.5, wrap: 60, allN: true },
  { id: "repeat_0001", description: "class=LINE/L1 len={len} sample=liver", length: [300, 400], gc: 0.36, wrap: 60, allLowercase: true },
  { id: "contig_0011", description: "len={len} sample=tumour", length: [2500, 2800], gc: 0.58, wrap: 60, softMasked: 2, ambiguityCodes: 3 },
  { id: "contig_0012", description: "len={len} sample=tumour", length: [750, 850], gc: 0.33, wrap: 60, nRuns: 1 },
  { id: "contig_0013", description: "len={len} sample=tumour", length: [1, 1], gc: 0.5, wrap: 60 },
  { id: "chrM_fragment_01", description: "len={len} sample=blood", length: [3000, 3400], gc: 0.44, wrap: 70 },
  { id: "contig_0014", description: "len={len} sample=tumour", length: [1950, 2050], gc: 0.49, wrap: 60, softMasked: 1, nRuns: 1, ambiguityCodes: 2 },
  { id: "contig_0015", description: "len={len} sample=blood", length: [500, 560], gc: 0.29, wrap: 60, blankLineBefore: true },
  { id: "contig_0016", description: "len={len} sample=liver", length: [1200, 1350], gc: 0.51, wrap: 60 },
];

const A = 65, C = 67, G = 71, N = 78, T = 84, LOWERCASE_BIT = 0x20;

function sequenceBytes(rng: () => number, t: RecordTemplate, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const g = t.gc / 2, c = t.gc, a = (1 + t.gc) / 2;
  for (let i = 0; i < length; i++) {
    const r = rng();
    bytes[i] = r < g ? G : r < c ? C : r < a ? A : T;
  }
  if (t.allN) bytes.fill(N);
  for (let k = 0; k < (t.nRuns ?? 0); k++) {
    const start = randomInt(rng, 0, length - 1);
    bytes.fill(N, start, Math.min(length, start + randomInt(rng, 20, 80)));
  }
  for (let k = 0; k < (t.ambiguityCodes ?? 0); k++) {
    bytes[randomInt(rng, 0, length - 1)] = AMBIGUITY_CODES.charCodeAt(randomInt(rng, 0, 5));
  }
  // Soft-masking last, so it also lowercases some of the N and IUPAC codes.
  const masked: Array<[number, number]> = t.allLowercase ? [[0, length]] : [];
  for (let k = 0; k < (t.softMasked ?? 0); k++) {
    const start = randomInt(rng, 0, length - 1);
    masked.push([start, Math.min(length, start + randomInt(rng, 50, 400))]);
  }
  for (const [start, end] of masked) {
    for (let i = start; i < end; i++) bytes[i] = (bytes[i] as number) | LOWERCASE_BIT;
  }
  return bytes;
}

const ascii = new TextDecoder("latin1");

/** The sequence as text, `width` residues per line, each line ending in "\n". */
function wrapLines(bytes: Uint8Array, width: number): string {
  const lines = Math.ceil(bytes.length / width);
  const out = new Uint8Array(bytes.length + lines);
  for (let line = 0; line < lines; line++) {
    const chunk = bytes.subarray(line * width, (line + 1) * width);
    out.set(chunk, line * (width + 1));
    out[line * (width + 1) + chunk.length] = 10;
  }
  // Decoding one buffer per record is ~10x faster than building strings line by line.
  return ascii.decode(out);
}

function replicate(index: number): string {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const suffix = index === 0 ? "" : `_r${index}`;
  const parts: string[] = [];
  for (const t of TEMPLATES) {
    const length = randomInt(rng, t.length[0], t.length[1]);
    const description = t.description.replace("{len}", String(length));
    if (t.blankLineBefore) parts.push("\n");
    parts.push(`>${t.id}${suffix}${t.tab ? "\t" : " "}${description}\n`);
    parts.push(wrapLines(sequenceBytes(rng, t, length), t.wrap));
  }
  return parts.join("");
}

/** The input files for module 01 at `scale` (1 = the committed `data/records.fasta`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`01-fasta-gc generate: scale must be a positive integer, got ${scale}`);
  }
  const parts: string[] = [];
  for (let i = 0; i < scale; i++) parts.push(replicate(i));
  return { "data/records.fasta": parts.join("") };
}

/** Fixed, hand-written inputs for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Sequence text on line 1, before any header: a truncated or mis-concatenated file.
  "data/malformed.fasta": "ACGTACGTNNACGT\n>contig_0001 len=8 sample=liver\nACGTACGT\n",
  // A header whose id is empty ("> " followed by a description).
  "data/empty-id.fasta": ">contig_0001 len=8 sample=liver\nACGTACGT\n> len=4 sample=liver\nGGCC\n",
};
