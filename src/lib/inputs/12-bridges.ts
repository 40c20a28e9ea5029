// Seeded input for module 12 (bridges): module 02's genome, unchanged.
//
// Module 12 runs module 02's `kmers` case again, this time with Python and R handing the
// counting to a Rust kernel, so its input must be byte-identical to module 02's at every
// scale: same seeds, same records, same 10× and 100× replicates. Re-exporting the
// generator (rather than copying it) keeps it that way. Only the FASTA is taken:
// module 02's motif inputs do not belong to this task.
import { errorInputs as kmerErrorInputs, generate as kmerGenome } from "./02-kmers-motifs.ts";

const GENOME = "data/genome.fasta";
const SHORT = "data/short.fasta";

/** The input files for module 12 at `scale` (1 = the committed `data/genome.fasta`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`12-bridges generate: scale must be a positive integer, got ${scale}`);
  }
  const genome = kmerGenome(scale)[GENOME];
  if (genome === undefined) throw new Error(`02-kmers-motifs generate() no longer returns ${GENOME}`);
  return { [GENOME]: genome };
}

/** The error case "k longer than every sequence" reads module 02's two short reads. */
export const errorInputs: Readonly<Record<string, string>> = {
  [SHORT]: kmerErrorInputs[SHORT] as string,
};
