// The schema of exercises/<module>/task.json: what a task runs and what it must print.
import { z } from "astro/zod";

const relativePath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, "a path relative to the module folder, like data/records.fasta");

export const CompareSchema = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("exact").describe("Outputs must be byte-identical.") }),
    z.object({
      mode: z.literal("numeric").describe("Same text, but numbers may differ by up to `tolerance`."),
      tolerance: z.number().positive().describe("Largest allowed absolute difference of any number."),
    }),
    z.object({ mode: z.literal("lines").describe("The same lines in any order (a set of lines).") }),
  ])
  .describe("How an output is compared with the expected output and with the other languages.");

export const TaskCaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).describe("Stable identifier, used in file names and tests."),
  title: z.string().describe("What this case shows, as a reader would say it."),
  args: z.array(z.string()).describe("Command-line arguments given to all three programs."),
  expected: relativePath.describe("File under expected/ holding the output all three must print."),
});

export const ErrorCaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().describe("The bad input this case feeds the programs."),
  args: z.array(z.string()),
  stderrIncludes: z.string().describe("Text every language's error message must contain."),
});

export const TaskSchema = z.object({
  id: z.string().regex(/^\d\d-[a-z0-9-]+$/).describe("Module folder name, e.g. 01-fasta-gc."),
  title: z.string(),
  summary: z.string().describe("One sentence for cards and the module index."),
  description: z.string().describe("The exact output contract, including rounding rules."),
  files: z.array(relativePath).min(1).describe("Input files mounted for every run."),
  cases: z.array(TaskCaseSchema).min(1),
  errorCases: z.array(ErrorCaseSchema).default([]),
  compare: CompareSchema,
  scaling: z
    .object({
      case: z.string().describe("The case timed at each size."),
      sizes: z.array(z.number().int().positive()).min(1).describe("Input multiples, e.g. [1, 10, 100]."),
    })
    .describe("The input-size selector and scaling chart of the triptych."),
  bridged: z
    .boolean()
    .default(false)
    .describe(
      "true when the Python and R solutions call a Rust kernel (kernel/*.rs, compiled to WASM) through Pyodide's and webR's JavaScript bridges: they then run only inside those runtimes (tests/equivalence), and the native tests run the Rust solution and the kernel's own #[test]s instead.",
    ),
});

export type Task = z.infer<typeof TaskSchema>;
export type TaskCase = z.infer<typeof TaskCaseSchema>;
export type CompareMode = z.infer<typeof CompareSchema>;
