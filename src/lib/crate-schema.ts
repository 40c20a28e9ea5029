// The schema of content/crates/<name>.yaml: one entry of the crate atlas.
// Every message says what to write instead, because the people who hit them are
// authors editing YAML, not programmers reading a stack trace.
import { z } from "astro/zod";

export const CRATE_CATEGORIES = [
  "data-frames",
  "numerics",
  "machine-learning",
  "deep-learning",
  "sequences",
  "formats-intervals",
  "bridges",
  "infrastructure",
] as const;
export type CrateCategory = (typeof CRATE_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<CrateCategory, string> = {
  "data-frames": "Data frames",
  numerics: "Numerics",
  "machine-learning": "Machine learning",
  "deep-learning": "Deep learning",
  sequences: "Sequences",
  "formats-intervals": "File formats and intervals",
  bridges: "Bridges",
  infrastructure: "Infrastructure",
};

export const DOMAINS = ["bioinformatics", "data-science", "biostatistics", "general"] as const;
export type Domain = (typeof DOMAINS)[number];
export const DOMAIN_LABEL: Record<Domain, string> = {
  bioinformatics: "Bioinformatics",
  "data-science": "Data science",
  biostatistics: "Biostatistics",
  general: "General purpose",
};

export const MATURITY = ["stable", "maturing", "experimental", "research"] as const;
export const MATURITY_LABEL: Record<(typeof MATURITY)[number], string> = {
  stable: "Stable (1.x, semver-stable API)",
  maturing: "Maturing (0.x, breaking releases)",
  experimental: "Experimental (API in flux)",
  research: "Research prototype",
};

const CRATE_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const crateName = (what: string) =>
  z
    .string()
    .regex(CRATE_NAME, `${what} must be a crates.io name: lowercase letters, digits, - and _ (e.g. "rust-bio-tools")`);

const url = z.url("Write a full URL starting with https://");
const ISO_DATE = /^\d{4}-\d\d(-\d\d)?$/;

const Equivalent = z.object({
  package: z.string().min(1).describe("The Python or R package, as readers install it: 'pandas', 'Biostrings'."),
  api: z
    .array(z.string().min(1))
    .min(1, "Name at least one exact function or method, e.g. 'DataFrame.groupby(...).agg(...)'")
    .describe("The exact functions or methods that do what the crate does, written as readers call them."),
  note: z.string().optional().describe("Where the equivalence stops: a difference in defaults, semantics or scope."),
});

const BreakingChange = z.object({
  since: z.string().min(1).describe("The release that made the change, e.g. '0.33' or '4.0.0'."),
  date: z.string().regex(ISO_DATE, "Write the date as YYYY-MM or YYYY-MM-DD").optional().describe("When that release (or the change) landed."),
  change: z.string().min(1).describe("What changed, in one or two sentences; `code` in backticks."),
  before: z.string().optional().describe("What an older tutorial writes (code)."),
  after: z.string().optional().describe("What to write now (code)."),
  source: url.describe("The changelog entry, pull request or migration guide that documents it."),
});

const Translation = z.object({
  task: z.string().min(1).describe("The job, in words a data scientist uses: 'Group and summarise'."),
  rust: z.string().min(1).describe("How this crate does it (code)."),
  python: z.string().min(1).describe("The Python way (code); write '—' when there is none."),
  r: z.string().min(1).describe("The R way (code); write '—' when there is none."),
});

const Related = z.object({
  name: z.string().min(1).describe("Crate or package name, e.g. 'linfa-logistic' or 'rextendr'."),
  kind: z
    .enum(["crate", "r-package", "python-package", "cli"])
    .describe("'crate' names become valid <Crate name=…/> targets that link to this entry."),
  purpose: z.string().min(1).describe("One line: what it adds."),
  url: url.optional().describe("Its own page (docs.rs, CRAN, PyPI)."),
});

/**
 * `cite` is passed in so the content collection can use Astro's reference("references")
 * (a missing key then fails the build) while unit tests use plain strings.
 */
export function makeCrateSchema<C extends z.ZodType>(cite: C) {
  return z
    .object({
      name: crateName("name").describe("The crates.io name; must equal the file name (content/crates/<name>.yaml)."),
      displayName: z.string().optional().describe("What people call it when that differs from the crate name: 'rust-bio' for bio."),
      category: z
        .enum(CRATE_CATEGORIES, { error: `category must be one of: ${CRATE_CATEGORIES.join(", ")}` })
        .describe("The atlas section; drives the category filter and search facet."),
      domains: z
        .array(z.enum(DOMAINS, { error: `each domain must be one of: ${DOMAINS.join(", ")}` }))
        .min(1, `List at least one domain (${DOMAINS.join(", ")})`)
        .describe("Whose work it serves; drives the domain filter."),
      purpose: z
        .string()
        .min(10)
        .max(140, "Keep purpose to one line (≤ 140 characters); put the detail in goodAt/limits")
        .describe("One line, shown in the table, the tooltip of <Crate/> links and search results."),
      maturity: z
        .object({
          level: z.enum(MATURITY, { error: `maturity.level must be one of: ${MATURITY.join(", ")}` }),
          note: z.string().min(1).describe("Why: release cadence, 1.0 or not, maintainers, known gaps."),
        })
        .describe("How much a reader can lean on it."),
      goodAt: z.array(z.string().min(1)).min(1, "Say at least one thing it is good at").describe("Strengths, from its documentation."),
      limits: z
        .array(z.string().min(1))
        .min(1, "Every crate has limits: name at least one honestly")
        .describe("Honest limits: what it does not do, or does worse than the Python/R tools."),
      version: z
        .object({
          version: z.string().min(1).describe("The latest release we found evidence for, e.g. '0.55.2'."),
          date: z
            .string()
            .regex(ISO_DATE, "Write the date as YYYY-MM or YYYY-MM-DD; leave it out (and fill notConfirmed) if unknown")
            .optional()
            .describe("Its release date, when a changelog, docs.rs or a release PR confirms it."),
          asOf: z
            .string()
            .regex(/^as of /, "Start asOf with 'as of', e.g. 'as of polars 0.55 (2026-08)'")
            .describe("The sentence shown in the atlas, so every fact reads as dated."),
          source: url.describe("Where the version (and date) was confirmed."),
          notConfirmed: z
            .string()
            .optional()
            .describe("What could not be confirmed (e.g. the exact release date) — said, not guessed."),
        })
        .describe("The version the entry was written against."),
      breakingChanges: z
        .array(BreakingChange)
        .default([])
        .describe("Changes a reader of older tutorials will hit, newest first."),
      equivalents: z
        .object({
          python: z.array(Equivalent).default([]),
          r: z.array(Equivalent).default([]),
        })
        .refine((e) => e.python.length + e.r.length > 0, "Give at least one Python or R equivalent (the atlas is a translation aid)")
        .describe("The Python and R tools a reader already knows for the same job."),
      translations: z
        .array(Translation)
        .default([])
        .describe("Rows of the Python ↔ R ↔ Rust table (/crates/translation/)."),
      bridgesTo: z
        .array(z.enum(["python", "r"]))
        .default([])
        .describe("For bridges: the language the crate connects Rust to (adds a search language facet)."),
      related: z.array(Related).default([]).describe("Sub-crates and companion packages, e.g. linfa-logistic or rextendr."),
      links: z
        .object({
          repository: url.describe("Source repository."),
          homepage: url.optional().describe("Guide or book, when it is not docs.rs."),
        })
        .describe("crates.io and docs.rs links are derived from the name."),
      cite: z.array(cite).default([]).describe("Keys of content/references entries: the paper or project to cite."),
    })
    .superRefine((entry, ctx) => {
      const seen = new Set<string>();
      entry.related.forEach((r, i) => {
        if (r.kind === "crate" && !CRATE_NAME.test(r.name)) {
          ctx.addIssue({ code: "custom", path: ["related", i, "name"], message: `"${r.name}" is kind: crate, so it must be a crates.io name` });
        }
        if (seen.has(r.name) || r.name === entry.name) {
          ctx.addIssue({ code: "custom", path: ["related", i, "name"], message: `"${r.name}" is listed twice; keep one` });
        }
        seen.add(r.name);
      });
    });
}

// For tests and scripts: the same schema with cite keys as plain strings.
export const CrateSchema = makeCrateSchema(z.string().regex(/^[a-z0-9-]+$/, "A cite key is a file name in content/references/ without .yaml"));
export type CrateData = z.infer<typeof CrateSchema>;
