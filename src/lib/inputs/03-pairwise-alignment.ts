// Seeded input for module 03 (pairwise alignment).
//
// The same code writes the committed file (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Scale 1 is ten sequence pairs, one per line of a TSV with the header
// `id\tseq_a\tseq_b`, each pair chosen to exercise one thing a global aligner must get
// right:
//   - an identical pair (the whole diagonal, nothing else scores as well);
//   - point substitutions only (mismatches beat gaps at +2 / -1 / -2);
//   - a 3 bp deletion and a 4 bp insertion (gaps in b, gaps in a);
//   - a 1 bp deletion in a run of six A's and a (CA)n microsatellite that gained two
//     units: the gap can sit in several places with the same score, so the traceback's
//     tie rule decides where it goes (for the run of A's: at its left end);
//   - a 1-base sequence against ~30 bases (the "almost empty" pair);
//   - a ~22 bp primer inside a ~90 bp read (very different lengths);
//   - soft-masked (lowercase) input, which is aligned and printed in uppercase;
//   - two unrelated random sequences (a low score, many near-ties).
// Lengths stay at 95 bases or fewer: alignment costs O(n·m) per pair, and the 100×
// input (1,000 pairs) must still run in a few seconds in the browser, R included.
// Scale k is k replicates of that layout; replicate 0 is byte-identical to scale 1 and
// replicate i > 0 draws new sequences from its own seed and suffixes ids with `_r<i>`.
import { mulberry32, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x03a119;
const BASES = "ACGT";

type Rng = () => number;

/** A random sequence of uppercase A, C, G, T. */
function randomSeq(rng: Rng, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += BASES[Math.floor(rng() * 4)];
  return s;
}

/** A random base other than `base`. */
function otherBase(rng: Rng, base: string): string {
  const others = BASES.replace(base.toUpperCase(), "");
  return others[Math.floor(rng() * others.length)] as string;
}

/** A random sequence that does not start (or end) with `avoid`, so a run next to it keeps its length. */
function flank(rng: Rng, length: number, avoid: string, side: "start" | "end"): string {
  const s = randomSeq(rng, length);
  const at = side === "start" ? 0 : length - 1;
  if (s[at] !== avoid) return s;
  return s.slice(0, at) + otherBase(rng, avoid) + s.slice(at + 1);
}

/** `seq` with `count` substitutions at distinct positions in [from, to). */
function substitute(rng: Rng, seq: string, count: number, from = 0, to = seq.length): string {
  const chars = [...seq];
  const used = new Set<number>();
  while (used.size < count) {
    const p = randomInt(rng, from, to - 1);
    if (used.has(p)) continue;
    used.add(p);
    chars[p] = otherBase(rng, chars[p] as string);
  }
  return chars.join("");
}

interface PairTemplate {
  id: string;
  make: (rng: Rng) => readonly [string, string];
}

const TEMPLATES: readonly PairTemplate[] = [
  {
    id: "identical",
    make: (rng) => {
      const a = randomSeq(rng, randomInt(rng, 40, 55));
      return [a, a];
    },
  },
  {
    id: "snps",
    make: (rng) => {
      const a = randomSeq(rng, randomInt(rng, 50, 65));
      return [a, substitute(rng, a, 4, 5, a.length - 5)];
    },
  },
  {
    id: "deletion_3bp",
    make: (rng) => {
      const a = randomSeq(rng, randomInt(rng, 55, 70));
      const at = randomInt(rng, 20, a.length - 20);
      return [a, a.slice(0, at) + a.slice(at + 3)];
    },
  },
  {
    id: "homopolymer_indel",
    make: (rng) => {
      const left = flank(rng, randomInt(rng, 15, 20), "A", "end");
      const right = flank(rng, randomInt(rng, 15, 20), "A", "start");
      return [`${left}AAAAAA${right}`, `${left}AAAAA${right}`];
    },
  },
  {
    id: "single_base",
    make: (rng) => [randomSeq(rng, 1), randomSeq(rng, randomInt(rng, 25, 35))],
  },
  {
    id: "primer_in_read",
    make: (rng) => {
      const read = randomSeq(rng, randomInt(rng, 80, 95));
      const start = randomInt(rng, 20, 45);
      const primer = read.slice(start, start + randomInt(rng, 20, 25));
      return [read, substitute(rng, primer, 1, 3, primer.length - 3)];
    },
  },
  {
    id: "soft_masked",
    make: (rng) => {
      // All of a is soft-masked; b is masked at both ends only, with two
      // substitutions and a 2 bp insertion in its uppercase middle.
      const a = randomSeq(rng, randomInt(rng, 50, 60));
      const mutated = substitute(rng, a, 2, 15, a.length - 15);
      const at = randomInt(rng, 20, a.length - 20);
      const b = mutated.slice(0, at) + randomSeq(rng, 2) + mutated.slice(at);
      const edge = randomInt(rng, 8, 12);
      return [a.toLowerCase(), b.slice(0, edge).toLowerCase() + b.slice(edge, -edge) + b.slice(-edge).toLowerCase()];
    },
  },
  {
    id: "insertion_4bp",
    make: (rng) => {
      const a = randomSeq(rng, randomInt(rng, 60, 75));
      const mutated = substitute(rng, a, 2, 5, a.length - 5);
      const at = randomInt(rng, 20, a.length - 20);
      return [a, mutated.slice(0, at) + randomSeq(rng, 4) + mutated.slice(at)];
    },
  },
  {
    id: "microsatellite",
    make: (rng) => {
      // A (CA)n repeat, soft-masked as RepeatMasker writes it; b has two more units.
      const units = randomInt(rng, 6, 8);
      const left = flank(rng, randomInt(rng, 12, 16), "A", "end");
      const right = flank(rng, randomInt(rng, 12, 16), "C", "start");
      return [left + "ca".repeat(units) + right, left + "ca".repeat(units + 2) + right];
    },
  },
  {
    id: "unrelated",
    make: (rng) => [randomSeq(rng, randomInt(rng, 30, 40)), randomSeq(rng, randomInt(rng, 35, 45))],
  },
];

function replicate(index: number): string {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const suffix = index === 0 ? "" : `_r${index}`;
  return TEMPLATES.map((t) => {
    const [a, b] = t.make(rng);
    return `${t.id}${suffix}\t${a}\t${b}\n`;
  }).join("");
}

/** The input files for module 03 at `scale` (1 = the committed `data/pairs.tsv`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`03-pairwise-alignment generate: scale must be a positive integer, got ${scale}`);
  }
  const parts = ["id\tseq_a\tseq_b\n"];
  for (let i = 0; i < scale; i++) parts.push(replicate(i));
  return { "data/pairs.tsv": parts.join("") };
}

const HEADER = "id\tseq_a\tseq_b\n";

/** Fixed, hand-written inputs for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 4 lost its third field (a truncated or hand-edited file).
  "data/wrong-fields.tsv": `${HEADER}pair_1\tACGTACGT\tACGTTCGT\npair_2\tGGCCAATT\tGGCAATT\npair_3\tACGTACGT\n`,
  // An N (unknown base) in seq_b of line 3: this task's scoring knows only A, C, G, T.
  "data/bad-letters.tsv": `${HEADER}pair_1\tACGTACGT\tACGTTCGT\npair_2\tACGTACGT\tACGTNCGT\n`,
  // An empty seq_a on line 2: neither library aligns an empty sequence.
  "data/empty-seq.tsv": `${HEADER}pair_1\t\tACGTACGT\n`,
  // Pairs without the header line.
  "data/no-header.tsv": "pair_1\tACGTACGT\tACGTTCGT\npair_2\tGGCCAATT\tGGCAATT\n",
};
