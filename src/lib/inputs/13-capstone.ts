// Seeded input for module 13 (strategy and capstone: a pipeline in any language).
//
// The same code writes the committed files (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Two inputs:
//   - data/reads.fastq, the pipeline's input (exercises/13-capstone/pipeline.json): the
//     very reads of module 04, made by module 04's generator, so the capstone's quality
//     filter keeps the same reads as module 04's `filter 75 25` case. Scale k is module
//     04's scale k (k replicates of 2,000 reads, ids suffixed `_r<i>`).
//   - data/profile.tsv, the input of the summary stage's own task (task.json): a
//     canonical 4-mer profile, `kmer<TAB>count` for all 136 canonical 4-mers in
//     alphabetical order. It is drawn here directly as counts — it is input data, not
//     something computed by the pipeline — from a model of ~170,000 windows of reads
//     with 46 % GC, ±8 % noise per k-mer, and a telomeric repeat (TTAGGG)n that lifts
//     the six 4-mers of TTAGGG to the top of the table. Two of them are given exactly
//     the same count, so the summary's tie rule (count descending, then k-mer) shows.
//     Palindromic 4-mers (their own reverse complement, like ACGT) get about half the
//     count of the others: they have one orientation to be found in, not two.
//     Scale k is the pooled profile of k replicate runs: the sum of k independent draws.
import { mulberry32, replicateSeed } from "./prng.ts";
import { generate as fastqReads } from "./04-fastq-qc.ts";

const BASE_SEED = 0x13ca95e;
const K = 4;
/** Forward windows per replicate run. */
const WINDOWS = 170_000;
const GC = 0.46;
const NOISE = 0.08;
/** The canonical 4-mers of the telomeric repeat TTAGGG, and how much more often they occur. */
const TELOMERIC = ["AACC", "ACCC", "AGGG", "CCTA", "CTAA", "GTTA"] as const;
const TELOMERIC_LIFT = 2.5;
/** These two get the same count in every replicate (so also when pooled). */
const TIED = ["AACC", "ACCC"] as const;

const BASES = "ACGT";
const COMPLEMENT: Record<string, string> = { A: "T", C: "G", G: "C", T: "A" };

export function reverseComplement(kmer: string): string {
  let out = "";
  for (let i = kmer.length - 1; i >= 0; i--) out += COMPLEMENT[kmer[i]!];
  return out;
}

/** Every canonical k-mer (the smaller of it and its reverse complement), in alphabetical order. */
export function canonicalKmers(k: number): string[] {
  const all: string[] = [""];
  for (let i = 0; i < k; i++) {
    const next: string[] = [];
    for (const prefix of all) for (const base of BASES) next.push(prefix + base);
    all.splice(0, all.length, ...next);
  }
  return all.filter((kmer) => kmer <= reverseComplement(kmer));
}

const CANONICAL = canonicalKmers(K);

function probability(kmer: string): number {
  let p = 1;
  for (const base of kmer) p *= base === "G" || base === "C" ? GC / 2 : (1 - GC) / 2;
  return p;
}

/** One replicate run's counts, in CANONICAL order. */
function replicateCounts(index: number): number[] {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const counts = CANONICAL.map((kmer) => {
    const rc = reverseComplement(kmer);
    // A palindrome is one k-mer on both strands; any other canonical k-mer stands for two.
    const expected = WINDOWS * (rc === kmer ? probability(kmer) : probability(kmer) + probability(rc));
    const lift = (TELOMERIC as readonly string[]).includes(kmer) ? TELOMERIC_LIFT : 1;
    return Math.round(expected * lift * (1 + NOISE * (2 * rng() - 1)));
  });
  counts[CANONICAL.indexOf(TIED[1])] = counts[CANONICAL.indexOf(TIED[0])]!;
  return counts;
}

function profile(scale: number): string {
  const pooled = new Array<number>(CANONICAL.length).fill(0);
  for (let i = 0; i < scale; i++) replicateCounts(i).forEach((c, j) => (pooled[j]! += c));
  return "kmer\tcount\n" + CANONICAL.map((kmer, j) => `${kmer}\t${pooled[j]}\n`).join("");
}

/** The input files for module 13 at `scale` (1 = the committed data files). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`13-capstone generate: scale must be a positive integer, got ${scale}`);
  }
  return { "data/profile.tsv": profile(scale), "data/reads.fastq": fastqReads(scale)["data/reads.fastq"]! };
}

const HEADER = "kmer\tcount\n";

/** Fixed, hand-written inputs for the error cases in task.json: each breaks one rule. */
export const errorInputs: Readonly<Record<string, string>> = {
  // A CSV file where a TSV belongs: the header is not kmer<TAB>count.
  "data/bad-header.tsv": "kmer,count\nAAAA,5012\nAAAC,3987\n",
  // Line 4 holds a fractional count (a normalised profile, not counts).
  "data/bad-count.tsv": HEADER + "AAAA\t5012\nAAAC\t3987\nAAAG\t3950.5\n",
  // Line 3 holds a 3-mer among 4-mers.
  "data/wrong-length.tsv": HEADER + "AAAA\t5012\nAAC\t3987\n",
  // Line 5 holds an N.
  "data/not-acgt.tsv": HEADER + "AAAA\t5012\nAAAC\t3987\nAAAG\t3950\nAANT\t12\n",
  // Line 3 holds TTTT, whose reverse complement AAAA is the canonical form.
  "data/not-canonical.tsv": HEADER + "AAAC\t3987\nTTTT\t5012\n",
  // Line 5 repeats line 3's k-mer.
  "data/duplicate.tsv": HEADER + "AAAA\t5012\nAAAC\t3987\nAAAG\t3950\nAAAC\t12\n",
  // The header and nothing else.
  "data/empty.tsv": HEADER,
};
