// Seeded input for module 04 (FASTQ quality control).
//
// The same code writes the committed file (scripts/generate-data.ts, scale 1) and
// builds the larger inputs in the reader's browser for the scaling runs, so it must
// stay pure: no Node built-ins, no randomness that is not seeded.
//
// Scale 1 is 2,000 single-end reads in Phred+33 FASTQ, 4 lines per record, shaped like
// a short-read run after adapter trimming:
//   - lengths 50–150 bp: 30% untrimmed at 150, the rest trimmed to 50–149;
//   - quality falls with the sequencing cycle (position in the read), as it does on
//     Illumina instruments, from a per-read start to a per-read end value, with noise;
//   - three kinds of read: good (80%), mediocre (15%) and very poor (5%);
//   - about 1 read in 12 ends in a run of Q2 ('#'), the "do not trust this tail" marker;
//   - a few Ns, always with quality '#' (Q2), more of them where quality is already low;
//   - quality lines that begin with '@' (Q31) and with '+' (Q10), so that a parser that
//     looks for headers by their first character instead of counting lines goes wrong;
//   - a read of only N (a failed cluster) and a read of exactly 75 bases at exactly Q25,
//     on the boundary of the `filter 75 25` case.
// Headers are Illumina-like: `@SIM:1:FCX04:1:<tile>:<x>:<y> 1:N:0:<index>`; the read id
// is the first word. Scale k is k replicates of 2,000 reads: replicate 0 is byte-identical
// to scale 1, replicate i > 0 draws new reads from its own seed and suffixes each id
// with `_r<i>`, so ids stay unique.
import { mulberry32, pick, randomInt, replicateSeed } from "./prng.ts";

const BASE_SEED = 0x04fa57c;
const READS_PER_REPLICATE = 2000;
const MAX_LENGTH = 150;
const INDEXES = ["ATCACG", "CGATGT", "TTAGGC", "TGACCA"] as const;

interface QualityProfile {
  /** Inclusive range of the Phred score at cycle 1. */
  start: readonly [number, number];
  /** Inclusive range of the Phred score reached at cycle 150. */
  end: readonly [number, number];
  /** Largest noise added to or taken from each base's score. */
  noise: number;
}

const GOOD: QualityProfile = { start: [35, 39], end: [24, 31], noise: 3 };
const MEDIOCRE: QualityProfile = { start: [29, 34], end: [9, 16], noise: 4 };
const VERY_POOR: QualityProfile = { start: [12, 19], end: [2, 6], noise: 3 };

const Q_MIN = 2;
const Q_MAX = 41;
const PHRED_OFFSET = 33;
const N_QUALITY = 2;

// How far along its fall from start to end a read's quality is at each cycle: it drops
// slowly at first and faster towards the end of the read.
const FALL = Float64Array.from({ length: MAX_LENGTH }, (_, i) => ((i + 1) / MAX_LENGTH) ** 1.6);

/** Bytes of one replicate, written end to end and decoded to a string once. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 20);
  length = 0;
  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
  /** ASCII text. */
  text(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buffer[this.length++] = s.charCodeAt(i);
  }
  /** Room for `n` bytes, returned as a view to fill in. */
  take(n: number): Uint8Array {
    this.reserve(n);
    const view = this.buffer.subarray(this.length, this.length + n);
    this.length += n;
    return view;
  }
  decode(): string {
    return new TextDecoder("latin1").decode(this.buffer.subarray(0, this.length));
  }
}

/** Writes one read's sequence and quality bytes into `seq` and `qual`. */
function fillRead(rng: () => number, seq: Uint8Array, qual: Uint8Array, profile: QualityProfile, gc: number): void {
  const length = seq.length;
  const start = randomInt(rng, profile.start[0], profile.start[1]);
  const end = randomInt(rng, profile.end[0], profile.end[1]);
  const span = 2 * profile.noise + 1;
  // About 1 read in 12 ends in a run of Q2, as Illumina's pipeline marks an untrusted tail.
  const tail = rng() < 0.08 ? randomInt(rng, 3, Math.min(20, length - 1)) : 0;
  for (let i = 0; i < length; i++) {
    // One draw per base, split in two: the top 12 bits pick the noise, the rest the base.
    const u = rng() * 4096;
    const noiseDraw = Math.floor(u);
    const r = u - noiseDraw;
    let q = Math.round(start - (start - end) * FALL[i]!) + (noiseDraw % span) - profile.noise;
    if (i >= length - tail) q = N_QUALITY;
    q = Math.max(Q_MIN, Math.min(Q_MAX, q));
    // An N is a base the instrument could not call; it always gets the lowest quality.
    const nChance = q < 10 ? 0.04 : 0.0015;
    let base = 78;
    if (r >= nChance) {
      const x = (r - nChance) / (1 - nChance);
      base = x < gc / 2 ? 71 : x < gc ? 67 : x < (1 + gc) / 2 ? 65 : 84; // G C A T
    } else {
      q = N_QUALITY;
    }
    seq[i] = base;
    qual[i] = q + PHRED_OFFSET;
  }
}

function replicate(index: number): string {
  const rng = mulberry32(replicateSeed(BASE_SEED, index));
  const suffix = index === 0 ? "" : `_r${index}`;
  const out = new ByteWriter();
  for (let k = 0; k < READS_PER_REPLICATE; k++) {
    const kind = rng();
    let profile = kind < 0.8 ? GOOD : kind < 0.95 ? MEDIOCRE : VERY_POOR;
    let length = rng() < 0.3 ? MAX_LENGTH : randomInt(rng, 50, MAX_LENGTH - 1);
    // Fixed reads in every replicate, so each trap is there whatever the seed draws:
    // a quality line that starts with '@' (Q31) and one that starts with '+' (Q10).
    if (k === 3) profile = { start: [31, 31], end: [20, 20], noise: 0 };
    if (k === 7) profile = { start: [10, 10], end: [3, 3], noise: 0 };
    // A read that is nothing but N (a failed cluster), and one of exactly 75 bases, all
    // Q25: mean exactly 25, the `>=` case of `filter 75 25`.
    if (k === 11) length = 50;
    if (k === 19) length = 75;
    const gc = 0.42 + 0.1 * rng();
    const tile = 1101 + Math.floor(k / 500);
    const x = randomInt(rng, 1000, 29000);
    const y = 1000 + 13 * k + randomInt(rng, 0, 12);
    out.text(`@SIM:1:FCX04:1:${tile}:${x}:${y}${suffix} 1:N:0:${pick(rng, INDEXES)}\n`);
    const seq = out.take(length);
    out.text("\n+\n");
    const qual = out.take(length);
    out.text("\n");
    fillRead(rng, seq, qual, profile, gc);
    if (k === 11) {
      seq.fill(78);
      qual.fill(N_QUALITY + PHRED_OFFSET);
    }
    if (k === 19) {
      seq.forEach((base, i) => (seq[i] = base === 78 ? 65 : base));
      qual.fill(25 + PHRED_OFFSET);
    }
  }
  return out.decode();
}

/** The input files for module 04 at `scale` (1 = the committed `data/reads.fastq`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`04-fastq-qc generate: scale must be a positive integer, got ${scale}`);
  }
  const parts: string[] = [];
  for (let i = 0; i < scale; i++) parts.push(replicate(i));
  return { "data/reads.fastq": parts.join("") };
}

const GOOD_READ = (id: string, seq: string, qual: string) => `@${id} 1:N:0:ATCACG\n${seq}\n+\n${qual}\n`;

/** Fixed, hand-written inputs for the error cases in task.json: each breaks one rule. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Record 2 lost its '+' line, so its quality line sits where the separator belongs
  // (line 7) and every later line is shifted by one.
  "data/no-plus.fastq":
    GOOD_READ("SIM:1:FCX04:1:1101:1200:1001", "GATTACAGATTACA", "IIIIIHHHGGFF@@") +
    "@SIM:1:FCX04:1:1101:1300:1014 1:N:0:ATCACG\nACGTACGTACGTAC\nIIIIHHHGGFFEEE\n" +
    GOOD_READ("SIM:1:FCX04:1:1101:1400:1027", "TTGACCATTGACCA", "IIIIHHHGGFFEE#"),
  // Record 3's quality line is one character shorter than its sequence.
  "data/length-mismatch.fastq":
    GOOD_READ("SIM:1:FCX04:1:1101:1200:1001", "GATTACAGATTACA", "IIIIIHHHGGFF@@") +
    GOOD_READ("SIM:1:FCX04:1:1101:1300:1014", "ACGTACGTACGTAC", "IIIIHHHGGFFEEE") +
    GOOD_READ("SIM:1:FCX04:1:1101:1400:1027", "TTGACCATTGACCA", "IIIIHHHGGFFEE") +
    GOOD_READ("SIM:1:FCX04:1:1101:1500:1040", "CCGGAATTCCGGAA", "IIIIHHHGGFF###"),
  // Record 4 is a FASTA record pasted into the file: its header starts with '>'.
  "data/bad-header.fastq":
    GOOD_READ("SIM:1:FCX04:1:1101:1200:1001", "GATTACAGATTACA", "IIIIIHHHGGFF@@") +
    GOOD_READ("SIM:1:FCX04:1:1101:1300:1014", "ACGTACGTACGTAC", "IIIIHHHGGFFEEE") +
    GOOD_READ("SIM:1:FCX04:1:1101:1400:1027", "TTGACCATTGACCA", "IIIIHHHGGFFEE#") +
    ">SIM:1:FCX04:1:1101:1500:1040 1:N:0:ATCACG\nCCGGAATTCCGGAA\n+\nIIIIHHHGGFF###\n",
  // The download stopped in the middle of record 5: only its header and sequence arrived.
  "data/truncated.fastq":
    GOOD_READ("SIM:1:FCX04:1:1101:1200:1001", "GATTACAGATTACA", "IIIIIHHHGGFF@@") +
    GOOD_READ("SIM:1:FCX04:1:1101:1300:1014", "ACGTACGTACGTAC", "IIIIHHHGGFFEEE") +
    GOOD_READ("SIM:1:FCX04:1:1101:1400:1027", "TTGACCATTGACCA", "IIIIHHHGGFFEE#") +
    GOOD_READ("SIM:1:FCX04:1:1101:1500:1040", "CCGGAATTCCGGAA", "IIIIHHHGGFF###") +
    "@SIM:1:FCX04:1:1101:1600:1053 1:N:0:ATCACG\nGGGCCCAAATTTGG\n",
  // Record 2's quality line has a space in it: not a Phred+33 character.
  "data/bad-quality.fastq":
    GOOD_READ("SIM:1:FCX04:1:1101:1200:1001", "GATTACAGATTACA", "IIIIIHHHGGFF@@") +
    GOOD_READ("SIM:1:FCX04:1:1101:1300:1014", "ACGTACGTACGTAC", "IIIIHHH GFFEEE") +
    GOOD_READ("SIM:1:FCX04:1:1101:1400:1027", "TTGACCATTGACCA", "IIIIHHHGGFFEE#"),
};
