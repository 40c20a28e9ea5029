// The curriculum's content collections. Each schema documents its fields; a bad
// field fails the build with the field's path and what it should be.
import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { QuizSchema } from "./lib/quiz-schema.ts";
import { makeCrateSchema } from "./lib/crate-schema.ts";

const modules = defineCollection({
  loader: glob({ base: "./content/modules", pattern: "*.mdx" }),
  schema: z.object({
    title: z.string().describe("The module's title as shown in the index and the page header."),
    number: z.number().int().min(1).max(99).describe("Position in the curriculum (01 → 1)."),
    summary: z.string().max(240, "Keep the summary to one or two sentences (≤ 240 characters).").describe(
      "One or two sentences for the module index.",
    ),
    task: z
      .string()
      .regex(/^\d\d-[a-z0-9-]+$/, "Use the exercises/ folder name, e.g. 01-fasta-gc.")
      .describe("The exercises/ folder whose task the lesson's triptych runs."),
    part: z
      .enum(["bioinformatics", "data-science", "bridges"])
      .describe("Which half of the curriculum the module belongs to."),
    minutes: z.number().int().positive().describe("Estimated teaching/learning time in minutes."),
    objectives: z.array(z.string()).min(2).describe("What a reader can do after the module (3–6 items)."),
    crates: z.array(z.string()).default([]).describe("Crates the lesson discusses, by crates.io name."),
    references: z.array(reference("references")).default([]).describe("Keys of content/references entries the lesson cites."),
    writtenAgainst: z
      .string()
      .describe("Toolchain and crate versions the text was checked against, e.g. 'Rust 1.95; needletail 0.6'."),
  }),
});

const references = defineCollection({
  loader: glob({ base: "./content/references", pattern: "*.yaml" }),
  schema: z.object({
    kind: z.enum(["article", "book", "software", "website"]).describe("What sort of work this is."),
    authors: z.array(z.string()).min(1).describe("Family name then initials, e.g. 'Köster J'."),
    title: z.string(),
    year: z.number().int(),
    venue: z.string().optional().describe("Journal, publisher or site."),
    volume: z.string().optional(),
    issue: z.string().optional(),
    pages: z.string().optional(),
    doi: z.string().regex(/^10\.\d+\//, "A bare DOI like 10.1093/bioinformatics/btv573").optional(),
    url: z.url().optional(),
  }),
});

// One file per module, named like the module (content/quizzes/01-fasta-gc.yaml).
const quizzes = defineCollection({
  loader: glob({ base: "./content/quizzes", pattern: "*.yaml" }),
  schema: QuizSchema,
});

// Drill prompts live beside their drills (exercises/<module>/drills/<id>/prompt.md);
// a collection lets Astro render their markdown with the lessons' Shiki setup.
const drillPrompts = defineCollection({
  loader: glob({ base: "./exercises", pattern: "*/drills/*/prompt.md" }),
});

// The crate atlas: one file per crate (content/crates/polars.yaml), schema in
// src/lib/crate-schema.ts; `cite` keys must exist in content/references.
const crates = defineCollection({
  loader: glob({ base: "./content/crates", pattern: "*.yaml" }),
  schema: makeCrateSchema(reference("references")),
});

export const collections = { modules, references, quizzes, drillPrompts, crates };
