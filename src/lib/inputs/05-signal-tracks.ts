// Seeded input for module 05 (genomic intervals and signal tracks).
//
// The same code writes the committed files (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Scale 1 is a small genome (data/chrom.sizes: chr1 ~198 kb, chr2 ~151 kb, chr3 ~101 kb
// and a chrM that has no signal at all), a bedGraph of a ChIP-seq-like signal over it
// (data/signal.bedGraph: a `track` line, then sorted, non-overlapping intervals with
// gaps where nothing is covered, values with 0 to 3 decimals) and ~200 peaks
// (data/peaks.bed: chrom, start, end, name; ranked like a peak caller's output, not
// sorted by position). Hand-made corners sit at fixed places in every replicate:
//   edge_start    chr1 from base 0, where the signal starts too;
//   gap_exact     exactly the gap between two intervals (touches both, overlaps neither);
//   desert        inside 6 kb with no signal;
//   edge_end      the last 400 bases of chr2, which the signal covers to the very end;
//   tie_half_up   20 bases, 1 covered with 0.003: mean 0.00015 exactly, a rounding tie;
//   one_base      a single base, on the highest interval of chr3;
//   chrM_only     a peak on a chromosome with no signal at all.
// chr3's signal stops ~1.5 kb before its end, so its last zoom bins are partly empty.
// Scale k is k replicates of that genome; replicate 0 is byte-identical to scale 1 and
// replicate i > 0 draws everything from its own seed and suffixes every chromosome and
// peak name with `_r<i>`. Only the chromosomes and peaks multiply, not their lengths:
// the work per peak stays the same and 100× stays feasible in webR.
import { mulberry32, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x05b16a1;

interface ChromSpec {
  name: string;
  size: number;
  /** How many enriched regions (each gets one ordinary peak). */
  regions: number;
}

const CHROMS: readonly ChromSpec[] = [
  { name: "chr1", size: 198_213, regions: 92 },
  { name: "chr2", size: 151_477, regions: 70 },
  { name: "chr3", size: 100_931, regions: 48 },
  { name: "chrM", size: 16_569, regions: 0 },
];

/** A stretch of the signal written by hand: intervals inside [start, end), gaps between. */
interface Zone {
  start: number;
  end: number;
  intervals: ReadonlyArray<readonly [number, number, string]>;
}

/** Hand-made stretches, per chromosome (coordinates relative to the chromosome). */
function zonesOf(name: string, size: number): Zone[] {
  switch (name) {
    case "chr1":
      return [
        { start: 0, end: 300, intervals: [[0, 120, "2.5"], [120, 300, "4.125"]] },
        { start: 120_000, end: 121_000, intervals: [[120_000, 120_180, "3.75"], [120_420, 120_600, "6.2"]] },
      ];
    case "chr2":
      return [
        { start: 70_000, end: 76_000, intervals: [] },
        { start: size - 600, end: size, intervals: [[size - 600, size - 350, "1.5"], [size - 350, size, "0.875"]] },
      ];
    case "chr3":
      return [{ start: 50_000, end: 50_100, intervals: [[50_000, 50_001, "0.003"]] }];
    default:
      return [];
  }
}

/** Where each chromosome's signal stops (chr3 leaves its last ~1.5 kb uncovered). */
function signalEnd(rng: () => number, spec: ChromSpec): number {
  return spec.name === "chr3" ? spec.size - randomInt(rng, 1200, 1800) : spec.size;
}

/** `milli` thousandths, written with `decimals` (0-3) decimals: 2500 → "2.5" with 1. */
function formatMilli(milli: number, decimals: number): string {
  const whole = Math.floor(milli / 1000);
  if (decimals === 0) return String(whole);
  const fraction = String(milli % 1000).padStart(3, "0").slice(0, decimals);
  return `${whole}.${fraction}`;
}

/** A signal value as bedGraph text, with 0 to 3 decimals (most often 3). */
function valueText(rng: () => number, value: number): string {
  const r = rng();
  const decimals = r < 0.55 ? 3 : r < 0.75 ? 2 : r < 0.9 ? 1 : 0;
  const unit = 10 ** (3 - decimals);
  const milli = Math.round((value * 1000) / unit) * unit;
  return formatMilli(milli, decimals);
}

interface Region {
  centre: number;
  halfWidth: number;
  height: number;
}

interface Peak {
  chrom: string;
  start: number;
  end: number;
  name: string;
}

/** Enriched regions spread over the chromosome, kept 3 kb away from hand-made zones. */
function placeRegions(rng: () => number, spec: ChromSpec, zones: readonly Zone[], end: number): Region[] {
  const regions: Region[] = [];
  const slot = end / Math.max(spec.regions, 1);
  for (let i = 0; i < spec.regions; i++) {
    const centre = randomInt(rng, Math.floor(i * slot) + 900, Math.floor((i + 1) * slot) - 900);
    const halfWidth = randomInt(rng, 150, 750);
    const height = 3 + rng() * 57;
    const nearZone = zones.some((z) => centre + halfWidth > z.start - 3000 && centre - halfWidth < z.end + 3000);
    if (!nearZone) regions.push({ centre, halfWidth, height });
  }
  return regions;
}

/** Background plus a triangular enrichment around each region's centre. */
function signalAt(rng: () => number, regions: readonly Region[], position: number): number {
  let value = rng() < 0.06 ? 0 : 0.05 + rng() * 1.45;
  for (const r of regions) {
    const distance = Math.abs(position - r.centre);
    if (distance < r.halfWidth) value += r.height * (1 - distance / r.halfWidth) * (0.8 + 0.4 * rng());
  }
  return value;
}

interface ChromOutput {
  lines: string[];
  peaks: Peak[];
}

function chromosome(rng: () => number, spec: ChromSpec, name: string, suffix: string): ChromOutput {
  const lines: string[] = [];
  const peaks: Peak[] = [];
  const zones = zonesOf(spec.name, spec.size);
  const end = signalEnd(rng, spec);
  const regions = placeRegions(rng, spec, zones, end);
  const inRegion = (p: number) => regions.some((r) => Math.abs(p - r.centre) <= r.halfWidth);

  // Highest interval on the chromosome, for the one-base peak.
  let best: [number, number, number] = [0, 0, -1];
  let pos = 0;
  let zoneIndex = 0;
  while (spec.regions > 0 && pos < end) {
    const zone = zones[zoneIndex];
    if (zone && pos >= zone.start) {
      for (const [s, e, v] of zone.intervals) lines.push(`${name}\t${s}\t${e}\t${v}\n`);
      pos = zone.end;
      zoneIndex++;
      continue;
    }
    let limit = Math.min(zone ? zone.start : end, end);
    const enriched = inRegion(pos);
    // Background never runs into a region: a long gap would swallow its signal.
    if (!enriched) {
      for (const r of regions) {
        const regionStart = r.centre - r.halfWidth;
        if (regionStart > pos && regionStart < limit) limit = regionStart;
      }
    }
    const gap = rng() < (enriched ? 0.04 : 0.2);
    const width = gap
      ? randomInt(rng, enriched ? 5 : 30, enriched ? 40 : 1500)
      : randomInt(rng, enriched ? 20 : 40, enriched ? 250 : 500);
    const next = Math.min(pos + width, limit);
    if (!gap) {
      const value = valueText(rng, signalAt(rng, regions, (pos + next) / 2));
      lines.push(`${name}\t${pos}\t${next}\t${value}\n`);
      if (Number(value) > best[2]) best = [pos, next, Number(value)];
    }
    pos = next;
  }

  for (const r of regions) {
    const start = Math.max(0, r.centre - Math.round(r.halfWidth * (0.5 + 0.6 * rng())));
    const stop = Math.min(end, r.centre + Math.round(r.halfWidth * (0.5 + 0.6 * rng())));
    peaks.push({ chrom: name, start, end: stop, name: "" });
  }
  const special = (start: number, stop: number, label: string) =>
    peaks.push({ chrom: name, start, end: stop, name: `${label}${suffix}` });
  switch (spec.name) {
    case "chr1":
      special(0, 250, "edge_start");
      special(120_180, 120_420, "gap_exact");
      break;
    case "chr2":
      special(72_000, 73_500, "desert");
      special(spec.size - 400, spec.size, "edge_end");
      break;
    case "chr3":
      special(50_000, 50_020, "tie_half_up");
      special(best[0], best[0] + 1, "one_base");
      break;
    case "chrM":
      special(1_000, 1_600, "chrM_only");
      break;
  }
  return { lines, peaks };
}

interface Replicate {
  sizes: string;
  signal: string;
  peaks: string;
}

function replicate(index: number): Replicate {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const suffix = index === 0 ? "" : `_r${index}`;
  const sizes: string[] = [];
  const signal: string[] = [];
  const peaks: Peak[] = [];
  for (const spec of CHROMS) {
    const name = `${spec.name}${suffix}`;
    sizes.push(`${name}\t${spec.size}\n`);
    const out = chromosome(rng, spec, name, suffix);
    signal.push(...out.lines);
    peaks.push(...out.peaks);
  }
  // Ordinary peaks are numbered in genome order, then everything is shuffled, the way
  // a peak caller ranks its output by score: the output must keep this BED order.
  let number = 0;
  for (const peak of peaks) {
    if (peak.name === "") peak.name = `peak_${String(++number).padStart(4, "0")}${suffix}`;
  }
  for (let i = peaks.length - 1; i > 0; i--) {
    const j = randomInt(rng, 0, i);
    [peaks[i], peaks[j]] = [peaks[j] as Peak, peaks[i] as Peak];
  }
  return {
    sizes: sizes.join(""),
    signal: signal.join(""),
    peaks: peaks.map((p) => `${p.chrom}\t${p.start}\t${p.end}\t${p.name}\n`).join(""),
  };
}

const TRACK_LINE = 'track type=bedGraph name="H3K4me3" description="synthetic fold enrichment, seeded"\n';

/** The input files for module 05 at `scale` (1 = the committed data/ files). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`05-signal-tracks generate: scale must be a positive integer, got ${scale}`);
  }
  const sizes: string[] = [];
  const signal: string[] = [TRACK_LINE];
  const peaks: string[] = [];
  for (let i = 0; i < scale; i++) {
    const r = replicate(i);
    sizes.push(r.sizes);
    signal.push(r.signal);
    peaks.push(r.peaks);
  }
  return {
    "data/chrom.sizes": sizes.join(""),
    "data/signal.bedGraph": signal.join(""),
    "data/peaks.bed": peaks.join(""),
  };
}

/** Fixed, hand-written inputs for the error cases in task.json (used with data/chrom.sizes). */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 4 starts at 50, before the previous interval ends (250): not sorted by position.
  "data/unsorted.bedGraph":
    "track type=bedGraph name=unsorted\nchr1\t0\t100\t1.5\nchr1\t100\t250\t2.25\nchr1\t50\t80\t0.5\nchr1\t300\t400\t1\n",
  // Line 3 starts at 180, inside the interval of line 2 (120-200): two values for the same bases.
  "data/overlapping.bedGraph": "chr1\t0\t100\t1.5\nchr1\t120\t200\t2\nchr1\t180\t260\t3.5\n",
  // Line 2 has four decimals: the task's values have at most three.
  "data/bad-value.bedGraph": "chr1\t0\t100\t1.5\nchr1\t100\t200\t1.2345\n",
  // Line 3 names a chromosome that data/chrom.sizes does not have.
  "data/unknown-chrom.bed": "chr1\t1000\t1500\tpeak_a\nchr2\t2000\t2600\tpeak_b\nchr7\t500\t900\tpeak_c\n",
};
