// Seeded input for module 08 (Numerical arrays and PCA).
//
// The expression matrix is the shared synthetic one (src/lib/inputs/shared/clinical-trial.ts):
// 200 genes × 40 samples of log2 expression, 3 decimals, genes as rows. Samples fall into
// two hidden groups of 20 (interleaved in a seeded order); genes G001–G040 are shifted by
// ±1.5 in group B, the other 160 are noise around a gene-specific mean. So PC1 should
// separate the two groups and explain far more variance than any later component.
// Scale k is k × 200 genes on the same 40 samples (`_r<i>` suffixes): the PCA of samples
// stays a 40 × 40 eigenproblem, and only the Gram matrix X·Xᵀ grows (linearly) with k.
//
// Pure like every generator: no Node built-ins, the browser runs it for 10× and 100×.
import { expressionTsv } from "./shared/clinical-trial.ts";

/** The input files for module 08 at `scale` (1 = the committed `data/expression.tsv`). */
export function generate(scale: number): Record<string, string> {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`08-pca-arrays generate: scale must be a positive integer, got ${scale}`);
  }
  return { "data/expression.tsv": expressionTsv(scale) };
}

const HEADER = "gene\tS01\tS02\tS03\tS04\tS05";

/** Small hand-written matrices (5 samples) for the error cases in task.json. */
export const errorInputs: Readonly<Record<string, string>> = {
  // Line 4 has one value too few: a cell lost when a spreadsheet was exported.
  "data/ragged.tsv": `${HEADER}\nG001\t5.120\t6.301\t4.877\t5.954\t6.210\nG002\t8.004\t7.912\t8.350\t7.660\t8.101\nG003\t3.310\t2.954\t3.877\t3.102\nG004\t10.220\t9.870\t10.415\t10.007\t9.954\n`,
  // A spreadsheet's "#N/A" where a number should be (line 3, sample S04).
  "data/non-numeric.tsv": `${HEADER}\nG001\t5.120\t6.301\t4.877\t5.954\t6.210\nG002\t8.004\t7.912\t8.350\t#N/A\t8.101\nG003\t3.310\t2.954\t3.877\t3.102\t3.456\n`,
  // G003 has the same value in every sample: its variance is 0, so it cannot be scaled.
  "data/constant-gene.tsv": `${HEADER}\nG001\t5.120\t6.301\t4.877\t5.954\t6.210\nG002\t8.004\t7.912\t8.350\t7.660\t8.101\nG003\t2.500\t2.500\t2.500\t2.500\t2.500\nG004\t10.220\t9.870\t10.415\t10.007\t9.954\n`,
};
