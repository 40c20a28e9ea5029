// Seeded input for module 06 (Tokenizing genomic intervals).
//
// The same code writes the committed files (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Three files, all tab-separated BED with 0-based, half-open coordinates:
//   data/universe.bed  the vocabulary: ~1,000 "consensus peaks" (BED3, no header, the
//                      layout gtars reads), sorted, non-overlapping, some touching;
//   data/tiles.bed     a second vocabulary: the same toy genome cut into 5 kb tiles;
//   data/queries.bed   ~100 query regions (chrom start end name, one `#` comment line,
//                      unsorted). Each name says what the query tests: inside_07 lies
//                      inside one peak, gap_03 between two, ends_at_start_02 ends exactly
//                      where a peak starts (half-open: no overlap), wide_05 covers dozens
//                      of peaks, other_chrom_chrY_01 sits on a chromosome the universe
//                      lacks, ensembl_name_01 writes chr1 as "1", and so on.
// Scale k is k replicates of the toy genome laid end to end: replicate i shifts every
// coordinate by i chromosome lengths, draws new peaks and queries from its own seed, and
// suffixes query names with `_r<i>`. Both universes stay sorted by chromosome, then
// start, so token ids stay in genome order; replicate 0 is byte-identical to scale 1.
import { mulberry32, pick, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x06b3d7e1;
const TILE = 5_000;

interface Chrom {
  name: string;
  /** Length of the toy chromosome: every peak, tile and query of a replicate fits in it. */
  length: number;
  peaks: number;
}

// ~1,000 peaks over three chromosomes; their span (~1.2, 0.9, 0.6 Mb) leaves an empty
// tail on each chromosome, where the tiles still have tokens and the peaks have none.
const CHROMS: readonly Chrom[] = [
  { name: "chr1", length: 2_000_000, peaks: 450 },
  { name: "chr2", length: 1_500_000, peaks: 330 },
  { name: "chrX", length: 1_000_000, peaks: 220 },
];

interface Peak {
  start: number;
  end: number;
}

interface Query {
  chrom: string;
  start: number;
  end: number;
  name: string;
}

/** Peaks of one chromosome, ascending; ~15% touch the previous peak (gap 0). */
function peaksOf(rng: () => number, chrom: Chrom): Peak[] {
  const peaks: Peak[] = [];
  let pos = randomInt(rng, 5_000, 20_000);
  for (let k = 0; k < chrom.peaks; k++) {
    if (k > 0) pos += rng() < 0.15 ? 0 : randomInt(rng, 300, 4_000);
    const width = randomInt(rng, 150, 1_500);
    peaks.push({ start: pos, end: pos + width });
    pos += width;
  }
  if (pos >= chrom.length) throw new Error(`06-interval-tokens: ${chrom.name} peaks overflow the chromosome`);
  return peaks;
}

/** The queries of one replicate, in generation order (shuffled by the caller). */
function queriesOf(rng: () => number, genome: ReadonlyMap<string, Peak[]>): Query[] {
  const queries: Query[] = [];
  const counters = new Map<string, number>();
  const add = (kind: string, chrom: string, start: number, end: number) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    queries.push({ chrom, start, end, name: `${kind}_${String(n).padStart(2, "0")}` });
  };
  const chromOf = () => pick(rng, CHROMS);
  const peaksFor = (c: Chrom) => genome.get(c.name) as Peak[];
  /** A random peak of a random chromosome that has a successor, with its chromosome. */
  const anyPeak = () => {
    const c = chromOf();
    const peaks = peaksFor(c);
    const i = randomInt(rng, 1, peaks.length - 2);
    return { c, peaks, i, p: peaks[i] as Peak, prev: peaks[i - 1] as Peak, next: peaks[i + 1] as Peak };
  };

  for (let k = 0; k < 30; k++) {
    const { c, p } = anyPeak();
    const start = randomInt(rng, p.start, p.end - 2);
    add("inside", c.name, start, randomInt(rng, start + 1, p.end));
  }
  for (let k = 0; k < 12; k++) {
    let pk = anyPeak();
    while (pk.next.start - pk.p.end < 20) pk = anyPeak();
    const start = randomInt(rng, pk.p.end + 1, pk.next.start - 10);
    add("gap", pk.c.name, start, randomInt(rng, start + 1, pk.next.start - 1));
  }
  for (let k = 0; k < 4; k++) {
    // Exactly the gap between two peaks: it touches both and overlaps neither.
    let pk = anyPeak();
    while (pk.next.start === pk.p.end) pk = anyPeak();
    add("exact_gap", pk.c.name, pk.p.end, pk.next.start);
  }
  for (let k = 0; k < 4; k++) {
    // Ends exactly where a peak starts, so (half-open) it overlaps nothing.
    let pk = anyPeak();
    while (pk.prev.end === pk.p.start) pk = anyPeak();
    add("ends_at_start", pk.c.name, Math.max(pk.prev.end, pk.p.start - randomInt(rng, 50, 400)), pk.p.start);
  }
  for (let k = 0; k < 4; k++) {
    let pk = anyPeak();
    while (pk.next.start === pk.p.end) pk = anyPeak();
    add("starts_at_end", pk.c.name, pk.p.end, Math.min(pk.next.start, pk.p.end + randomInt(rng, 50, 400)));
  }
  for (let k = 0; k < 3; k++) {
    // One base pair of overlap is enough for a token.
    const { c, p, prev } = anyPeak();
    add("overlap_1bp_left", c.name, Math.max(prev.end, p.start - randomInt(rng, 20, 200)), p.start + 1);
  }
  for (let k = 0; k < 3; k++) {
    const { c, p, next } = anyPeak();
    add("overlap_1bp_right", c.name, p.end - 1, Math.min(next.start, p.end + randomInt(rng, 20, 200)));
  }
  for (let k = 0; k < 4; k++) {
    // Across the boundary of two touching peaks: both are tokens.
    let pk = anyPeak();
    while (pk.next.start !== pk.p.end) pk = anyPeak();
    add("spans_touching", pk.c.name, pk.p.end - randomInt(rng, 1, 100), pk.p.end + randomInt(rng, 1, 100));
  }
  for (let k = 0; k < 5; k++) {
    const { c, p } = anyPeak();
    add("same_as_region", c.name, p.start, p.end);
  }
  for (let k = 0; k < 14; k++) {
    const c = chromOf();
    const peaks = peaksFor(c);
    const last = peaks[peaks.length - 1] as Peak;
    const start = randomInt(rng, 0, last.end);
    add("wide", c.name, start, Math.min(c.length, start + randomInt(rng, 20_000, 120_000)));
  }
  const chrX = CHROMS[2] as Chrom;
  add("whole", chrX.name, 0, chrX.length);
  for (let k = 0; k < 2; k++) {
    const c = chromOf();
    const first = peaksFor(c)[0] as Peak;
    const start = randomInt(rng, 0, first.start - 1_000);
    add("before_first", c.name, start, randomInt(rng, start + 1, first.start - 1));
  }
  for (let k = 0; k < 3; k++) {
    const c = chromOf();
    const peaks = peaksFor(c);
    const last = peaks[peaks.length - 1] as Peak;
    const start = randomInt(rng, last.end + 1, c.length - 50_000);
    add("after_last", c.name, start, start + randomInt(rng, 100, 20_000));
  }
  for (const [kind, other] of [
    ["other_chrom_chrY", "chrY"],
    ["other_chrom_chrY", "chrY"],
    ["other_chrom_chrM", "chrM"],
    ["unplaced_contig", "chr1_KI270706v1_random"],
  ] as const) {
    const start = randomInt(rng, 0, 10_000);
    add(kind, other, start, start + randomInt(rng, 100, 2_000));
  }
  for (let k = 0; k < 2; k++) {
    // Ensembl names chromosome 1 "1": the same place as chr1, a different string.
    const { c, p } = anyPeak();
    add("ensembl_name", c.name.replace(/^chr/, ""), p.start, p.end);
  }
  for (let k = 0; k < 3; k++) {
    const c = chromOf();
    const tile = randomInt(rng, 1, c.length / TILE - 2);
    add("tile_exact", c.name, tile * TILE, (tile + 1) * TILE);
  }
  for (let k = 0; k < 2; k++) {
    const c = chromOf();
    const tile = randomInt(rng, 1, c.length / TILE - 2);
    add("tile_touch", c.name, tile * TILE - randomInt(rng, 100, 3_000), tile * TILE);
  }
  return queries;
}

/** Fisher–Yates, seeded: query files are not sorted. */
function shuffle<T>(rng: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const line = (chrom: string, start: number, end: number) => `${chrom}\t${start}\t${end}\n`;

/** The input files for module 06 at `scale` (1 = the committed data files). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`06-interval-tokens generate: scale must be a positive integer, got ${scale}`);
  }
  const universe = new Map<string, string[]>(CHROMS.map((c) => [c.name, []]));
  const queries: string[] = ["# query regions: chrom, start, end, name (0-based, half-open)\n"];
  for (let i = 0; i < scale; i++) {
    const rng = mulberry32(replicateSeed(BASE_SEED, i));
    const genome = new Map(CHROMS.map((c) => [c.name, peaksOf(rng, c)] as const));
    for (const c of CHROMS) {
      const shift = i * c.length;
      const lines = universe.get(c.name) as string[];
      for (const p of genome.get(c.name) as Peak[]) lines.push(line(c.name, p.start + shift, p.end + shift));
    }
    const suffix = i === 0 ? "" : `_r${i}`;
    for (const q of shuffle(rng, queriesOf(rng, genome))) {
      const known = CHROMS.find((c) => c.name === q.chrom || c.name === `chr${q.chrom}`);
      const shift = known ? i * known.length : 0;
      queries.push(`${q.chrom}\t${q.start + shift}\t${q.end + shift}\t${q.name}${suffix}\n`);
    }
  }
  const tiles: string[] = [];
  for (const c of CHROMS) {
    for (let start = 0; start < scale * c.length; start += TILE) tiles.push(line(c.name, start, start + TILE));
  }
  return {
    "data/universe.bed": CHROMS.map((c) => (universe.get(c.name) as string[]).join("")).join(""),
    "data/tiles.bed": tiles.join(""),
    "data/queries.bed": queries.join(""),
  };
}

/** Fixed, hand-written inputs for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 3 has three fields: the name column is missing.
  "data/short-line.bed":
    "# query regions\nchr1\t10000\t10500\tq1\nchr1\t20000\t20400\nchr2\t5000\t5600\tq3\n",
  // Line 2 starts after it ends (start and end swapped).
  "data/start-after-end.bed": "chr1\t10000\t10500\tq1\nchr1\t20400\t20000\tq2\n",
  // Line 4 (chr1:250-600) starts before the previous chr1 region (line 2) ends at 300;
  // the chr2 line between them is no excuse: order is checked per chromosome.
  "data/overlapping-universe.bed": "chr1\t100\t200\nchr1\t200\t300\nchr2\t50\t80\nchr1\t250\t600\n",
};
