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
//     canonical k-mer profile, `kmer<TAB>count` for every canonical k-mer in
//     alphabetical order (136 of them at k = 4). It is drawn here directly as counts —
//     it is input data, not something computed by the pipeline — from a model of
//     ~170,000 windows of reads with 46 % GC, ±8 % noise per k-mer, and a telomeric
//     repeat (TTAGGG)n that lifts the six k-mers of TTAGGG to the top of the table. Two
//     of them are given exactly the same count, so the summary's tie rule (count
//     descending, then k-mer) shows. Palindromic k-mers (their own reverse complement,
//     like ACGT) get about half the count of the others: they have one orientation to
//     be found in, not two.
//     Scale s: the summary's work follows the profile's length, not its counts, so a
//     larger input is a profile of longer k-mers — the shortest k with at least 136 × s
//     canonical k-mers (k = 4 at 1×, 6 at 10×), capped at k = 7 (8,192 lines; k = 8's
//     32,896 bars would pass the runners' 1 MB output cap in the plot case) — pooled
//     over s replicate runs (the sum of s independent draws).
import { mulberry32, replicateSeed } from "./prng.ts";
import { generate as fastqReads } from "./04-fastq-qc.ts";

const BASE_SEED = 0x13ca95e;
/** The k of the committed profile, and the largest k a scaled one uses. */
const K = 4;
const MAX_K = 7;
/** Forward windows per replicate run. */
const WINDOWS = 170_000;
const GC = 0.46;
const NOISE = 0.08;
/** The telomeric repeat, and how much more often its k-mers occur. */
const REPEAT = "TTAGGG";
const TELOMERIC_LIFT = 2.5;

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

const canonical = (kmer: string) => {
  const rc = reverseComplement(kmer);
  return rc < kmer ? rc : kmer;
};

/** How many canonical k-mers there are: half of 4^k, plus half the palindromes (4^(k/2), even k only). */
const canonicalCount = (k: number) => (4 ** k + (k % 2 === 0 ? 4 ** (k / 2) : 0)) / 2;

/** The k-mer length of the profile at `scale` (see the top of this file). */
export function profileK(scale: number): number {
  let k = K;
  while (k < MAX_K && canonicalCount(k) < canonicalCount(K) * scale) k++;
  return k;
}

/** The canonical k-mer of the window of (TTAGGG)n that starts `offset` letters in. */
function repeatKmer(k: number, offset: number): string {
  return canonical(REPEAT.repeat(Math.ceil((offset + k) / REPEAT.length)).slice(offset, offset + k));
}

function probability(kmer: string): number {
  let p = 1;
  for (const base of kmer) p *= base === "G" || base === "C" ? GC / 2 : (1 - GC) / 2;
  return p;
}

/** One replicate run's counts of `kmers` (canonical k-mers, in order). */
function replicateCounts(kmers: readonly string[], index: number): number[] {
  const k = kmers[0]!.length;
  const telomeric = new Set(Array.from(REPEAT, (_, offset) => repeatKmer(k, offset)));
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const counts = kmers.map((kmer) => {
    const rc = reverseComplement(kmer);
    // A palindrome is one k-mer on both strands; any other canonical k-mer stands for two.
    const expected = WINDOWS * (rc === kmer ? probability(kmer) : probability(kmer) + probability(rc));
    const lift = telomeric.has(kmer) ? TELOMERIC_LIFT : 1;
    return Math.round(expected * lift * (1 + NOISE * (2 * rng() - 1)));
  });
  // The windows from GGGT… and from GGTT… (ACCC and AACC at k = 4) get the same count in
  // every replicate, so also when pooled.
  counts[kmers.indexOf(repeatKmer(k, 3))] = counts[kmers.indexOf(repeatKmer(k, 4))]!;
  return counts;
}

function profile(scale: number): string {
  const kmers = canonicalKmers(profileK(scale));
  const pooled = new Array<number>(kmers.length).fill(0);
  for (let i = 0; i < scale; i++) replicateCounts(kmers, i).forEach((c, j) => (pooled[j]! += c));
  return "kmer\tcount\n" + kmers.map((kmer, j) => `${kmer}\t${pooled[j]}\n`).join("");
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
