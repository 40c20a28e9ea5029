// The schema of exercises/<module>/pipeline.json: a chain of programs, each stage solved in
// Rust, Python and R, whose files pass from one stage to the next. The capstone page runs
// any combination of languages (one per stage) and checks the final outputs against
// expected/; tests/equivalence/pipeline.test.ts runs every combination.
import { z } from "astro/zod";
import { LANG_CHOICES } from "./pipeline-combos.ts";

const relativePath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, "a path relative to the module folder, like data/reads.fastq");

const Lang = z.enum(LANG_CHOICES).describe("rust, python or r.");

export const StageSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes, like qc-filter")
    .describe("Stable identifier of the stage, shown on the page and used in test names."),
  title: z.string().min(1).describe("What the stage does, as a reader would say it (\"Quality filter\")."),
  dir: z
    .string()
    .regex(
      /^(\.|stages\/[a-z0-9-]+)$/,
      'either "stages/<name>" (a stage of its own, compiled to public/wasm/<module>/<name>.wasm) or "." (the module\'s own task)',
    )
    .describe(
      "Where the stage's three programs live inside the module folder: python/main.py, r/main.R and rust/main.rs under `stages/<name>`, or the module's own core solutions for `.`.",
    ),
  args: z.array(z.string()).describe("Command-line arguments given to the stage's program, in every language."),
  reads: z
    .array(relativePath)
    .min(1)
    .describe("Files the stage reads: pipeline inputs or files an earlier stage writes. Only these are mounted for it."),
  writes: z
    .array(relativePath)
    .min(1)
    .describe("Files the stage must write. They are handed, as bytes, to the later stages that read them."),
  ecosystem: z
    .object({
      python: relativePath.optional().describe("A Python script using real libraries (Biopython, pandas …), same arguments."),
      r: relativePath.optional().describe("An R script using real libraries (ShortRead, Biostrings, dplyr …), same arguments."),
    })
    .default({})
    .describe(
      "Idiomatic library versions of the stage, run natively in a chain by tests/native/pipeline.test.ts: the Python chain produced expected/, and the R chain must agree with it.",
    ),
});

export const ChecklistWhenSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("every").describe("Every stage ran in the same language."),
      lang: Lang,
    }),
    z.object({
      kind: z.literal("mixed").describe("The stages ran in at least two different languages."),
      includes: Lang.describe("A language at least one stage must have run in."),
    }),
  ])
  .describe("Which combinations of stage languages tick the item.");

export const ChecklistItemSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes, like pipeline-all-rust")
    .describe("Stable identifier: progress is stored under \"<module>/<id>\", like a drill's, so it must differ from every drill folder name."),
  title: z.string().min(1).describe("The item as the reader sees it in the checklist."),
  xp: z.number().int().positive().max(100).default(10).describe("XP for ticking it, paid once."),
  when: ChecklistWhenSchema,
});

export const PipelineSchema = z.object({
  title: z.string().min(1).describe("The pipeline's name, shown above its stages."),
  inputs: z
    .array(relativePath)
    .min(1)
    .describe("Committed files of the module (written by its generator) that the first stages read."),
  stages: z.array(StageSchema).min(2).describe("The stages, in the order they run."),
  expected: z
    .object({
      stdout: relativePath.describe("File under expected/ holding exactly what the last stage prints."),
      files: z
        .record(z.string(), relativePath)
        .describe("Each file the last stage writes, mapped to the file under expected/ it must equal byte for byte."),
    })
    .describe("The final result every combination of languages must produce."),
  checklist: z
    .array(ChecklistItemSchema)
    .min(1)
    .describe("What the reader has to run on the page; each item ticks when a matching run reproduces the expected result."),
});

export type Pipeline = z.infer<typeof PipelineSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
