// The schema of exercises/<module>/drills/<id>/drill.json. A drill is one small,
// checked exercise in one language; its prompt, starter, solution and hidden check
// live in files beside drill.json (see README, "Authoring a module").
import { z } from "astro/zod";
import { CompareSchema } from "./task-schema.ts";

export const DRILL_KINDS = ["write-function", "fix-bug", "translate", "make-it-compile"] as const;
/**
 * What progress records a pass of: a drill of one of the kinds above, or a capstone checklist
 * item ticked by running a pipeline. A pipeline run executes the curriculum's own solutions, so
 * it counts toward completion and XP but not as Rust the learner wrote (the "first Rust" badge).
 */
export const EXERCISE_KINDS = [...DRILL_KINDS, "pipeline-run"] as const;

export const DrillCheckSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("stdout").describe("Run the learner's program and compare what it prints."),
      args: z.array(z.string()).default([]).describe("Command-line arguments for the run."),
      files: z
        .array(z.string())
        .default([])
        .describe("Input files, as paths inside the module folder (e.g. data/records.fasta), mounted at the same paths."),
      expected: z.string().describe("File beside drill.json holding the expected output."),
      compare: CompareSchema.default({ mode: "exact" }),
    }),
    z.object({
      type: z
        .literal("hidden")
        .describe(
          "Append hidden check code (check.py / check.R / check.rs) to the learner's code and run both: Python asserts, R stop()/stopifnot, a Rust main() that calls the learner's function. Passing = exit code 0. Write full paths (std::collections::HashMap) in check code: a `use` that repeats the learner's is an error.",
        ),
      files: z.array(z.string()).default([]),
    }),
  ])
  .describe("How the learner's code is checked.");

export const DrillSchema = z
  .object({
  title: z.string().describe("Short imperative title, e.g. 'Count GC in one line'."),
  lang: z.enum(["python", "r", "rust"]).describe("The one language of the drill."),
  kind: z.enum(DRILL_KINDS).describe("write-function, fix-bug, translate or make-it-compile."),
  xp: z.number().int().positive().max(100).default(20).describe("XP for the first pass."),
  order: z.number().int().default(0).describe("Position among the module's drills."),
  hints: z.array(z.string()).min(1).max(3).describe("1–3 progressive hints, vaguest first (markdown, inline code only)."),
  check: DrillCheckSchema,
  })
  .refine((d) => d.kind !== "make-it-compile" || d.lang === "rust", {
    message: 'kind "make-it-compile" is for Rust drills: Python and R have no compile step',
    path: ["kind"],
  });

export type Drill = z.infer<typeof DrillSchema>;
export type DrillCheck = z.infer<typeof DrillCheckSchema>;
export type DrillKind = (typeof DRILL_KINDS)[number];
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
