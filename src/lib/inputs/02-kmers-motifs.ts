// Seeded input for module 02 (k-mers and motifs).
//
// The same code writes the committed file (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Scale 1 is a small synthetic genome of three records, about 50 kb, whose k-mer
// spectrum and motif hits have something to find:
//   - a 300 bp transposon-like repeat ("TE1"), 8 copies: 4 on each strand, most of
//     them soft-masked (lowercase) as RepeatMasker would write them, one unmasked,
//     two with point mutations and one 5'-truncated (only its last 180 bp);
//   - a (CA)n microsatellite, soft-masked;
//   - telomere-like tracts at both ends of chr1 and chr2: (CCCTAA)n at the start and
//     (TTAGGG)n at the end, i.e. TTAGGG on the reverse strand at the left end;
//   - planted copies of the cAMP response element TGACGTCA, a palindrome, one of
//     them inside a soft-masked stretch;
//   - runs of N (and one of lowercase n) that k-mers must skip.
// The background is random with 42 % GC, so short k-mers reflect composition and
// long k-mers reveal the repeats.
// Scale k is k replicates of that layout; replicate 0 is byte-identical to scale 1 and
// replicate i > 0 draws new background, positions and mutations from its own seed and
// suffixes ids with `_r<i>`. The transposon consensus is the same in every replicate:
// one family, copied all over the genome.
import { mulberry32, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x02c0ffee;
const TE_SEED = 0x7e1;
const TE_LENGTH = 300;
const BACKGROUND_GC = 0.42;
/** The cAMP response element (CRE): reads the same on both strands. */
const CRE = "TGACGTCA";

type Feature =
  | { kind: "bg"; length: readonly [number, number] }
  | { kind: "te"; strand: "+" | "-"; masked: boolean; mutations?: number; keepLast?: number }
  | { kind: "cre"; masked?: boolean }
  | { kind: "gap"; length: readonly [number, number]; lowercase?: boolean }
  | { kind: "microsatellite"; unit: string; copies: number; tail: string }
  | { kind: "telomere"; end: "left" | "right"; copies: number };

interface RecordTemplate {
  id: string;
  description: string;
  wrap: number;
  features: readonly Feature[];
}

const BG = { kind: "bg", length: [2400, 3400] } as const;
const BG_SHORT = { kind: "bg", length: [600, 900] } as const;

const TEMPLATES: readonly RecordTemplate[] = [
  {
    id: "chr1",
    description: "synthetic chromosome 1",
    wrap: 60,
    features: [
      { kind: "telomere", end: "left", copies: 5 },
      BG,
      { kind: "te", strand: "+", masked: true },
      BG,
      { kind: "cre" },
      BG,
      { kind: "gap", length: [80, 120] },
      BG,
      { kind: "te", strand: "-", masked: true },
      BG,
      { kind: "microsatellite", unit: "CA", copies: 25, tail: "C" },
      BG,
      { kind: "cre" },
      BG,
      { kind: "te", strand: "+", masked: false, mutations: 2 },
      BG,
      { kind: "te", strand: "-", masked: true, keepLast: 180 },
      BG,
      { kind: "telomere", end: "right", copies: 5 },
    ],
  },
  {
    id: "chr2",
    description: "synthetic chromosome 2",
    wrap: 60,
    features: [
      { kind: "telomere", end: "left", copies: 5 },
      BG,
      { kind: "te", strand: "+", masked: true },
      BG,
      { kind: "cre" },
      BG,
      { kind: "gap", length: [50, 70], lowercase: true },
      BG_SHORT,
      { kind: "te", strand: "-", masked: true, mutations: 1 },
      BG,
      { kind: "cre" },
      BG,
      { kind: "gap", length: [140, 160] },
      BG_SHORT,
      { kind: "te", strand: "+", masked: true },
      BG,
      { kind: "telomere", end: "right", copies: 5 },
    ],
  },
  {
    id: "plasmid_p1",
    description: "synthetic plasmid",
    wrap: 80,
    features: [
      BG_SHORT,
      { kind: "cre" },
      BG,
      { kind: "te", strand: "-", masked: true },
      BG_SHORT,
      { kind: "cre", masked: true },
      BG_SHORT,
    ],
  },
];

const BASES = "ACGT";
const COMPLEMENT: Readonly<Record<string, string>> = { A: "T", C: "G", G: "C", T: "A" };

function reverseComplement(seq: string): string {
  let out = "";
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT[seq[i] as string];
  return out;
}

function randomBases(rng: () => number, length: number, gc: number): string {
  const g = gc / 2, c = gc, a = (1 + gc) / 2;
  const chars = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const r = rng();
    chars[i] = r < g ? "G" : r < c ? "C" : r < a ? "A" : "T";
  }
  return chars.join("");
}

/** The transposon consensus: the same 300 bp in every replicate. */
const TE_CONSENSUS = randomBases(mulberry32(TE_SEED), TE_LENGTH, 0.4);

function transposon(rng: () => number, f: Extract<Feature, { kind: "te" }>): string {
  const copy = TE_CONSENSUS.split("");
  for (let m = 0; m < (f.mutations ?? 0); m++) {
    const at = randomInt(rng, 0, TE_LENGTH - 1);
    const others = BASES.replace(copy[at] as string, "");
    copy[at] = others[randomInt(rng, 0, 2)] as string;
  }
  // A 5'-truncated copy keeps the 3' end of the element, as truncated LINEs do.
  const kept = copy.slice(TE_LENGTH - (f.keepLast ?? TE_LENGTH)).join("");
  const oriented = f.strand === "+" ? kept : reverseComplement(kept);
  return f.masked ? oriented.toLowerCase() : oriented;
}

function feature(rng: () => number, f: Feature): string {
  switch (f.kind) {
    case "bg":
      return randomBases(rng, randomInt(rng, f.length[0], f.length[1]), BACKGROUND_GC);
    case "te":
      return transposon(rng, f);
    case "cre": {
      // Soft-masked: the site and 20 random bases either side, in lowercase.
      if (!f.masked) return CRE;
      const flank = () => randomBases(rng, 20, BACKGROUND_GC);
      return (flank() + CRE + flank()).toLowerCase();
    }
    case "gap": {
      const n = f.lowercase ? "n" : "N";
      return n.repeat(randomInt(rng, f.length[0], f.length[1]));
    }
    case "microsatellite":
      return (f.unit.repeat(f.copies) + f.tail).toLowerCase();
    case "telomere":
      return (f.end === "left" ? "CCCTAA" : "TTAGGG").repeat(f.copies).toLowerCase();
  }
}

/** The sequence as text, `width` residues per line, each line ending in "\n". */
function wrapLines(seq: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < seq.length; i += width) lines.push(seq.slice(i, i + width));
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

function replicate(index: number): string {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const suffix = index === 0 ? "" : `_r${index}`;
  const parts: string[] = [];
  for (const t of TEMPLATES) {
    const seq = t.features.map((f) => feature(rng, f)).join("");
    parts.push(`>${t.id}${suffix} ${t.description} len=${seq.length}\n`);
    parts.push(wrapLines(seq, t.wrap));
  }
  return parts.join("");
}

/** The input files for module 02 at `scale` (1 = the committed `data/genome.fasta`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`02-kmers-motifs generate: scale must be a positive integer, got ${scale}`);
  }
  const parts: string[] = [];
  for (let i = 0; i < scale; i++) parts.push(replicate(i));
  return { "data/genome.fasta": parts.join("") };
}

/** Fixed, hand-written inputs for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Two short reads: the longest is 16 bases, so k = 20 has no window anywhere.
  "data/short.fasta": ">read_1\nACGTACGTAC\n>read_2\nGGCCAATTGGCCAATT\n",
};
