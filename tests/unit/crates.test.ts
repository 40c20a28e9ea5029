import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { CrateSchema } from "../../src/lib/crate-schema.ts";
import {
  buildCrateIndex,
  computeUsage,
  CrateAtlasError,
  crateHref,
  scanCrateMentions,
  type LessonForUsage,
} from "../../src/lib/crates.ts";
import { compareRows, filterFromQuery, filterToQuery, matches, type AtlasRow } from "../../src/lib/atlas-table.ts";

const CRATES = "content/crates";
const REFERENCES = "content/references";

function issues(raw: unknown): string[] {
  const r = CrateSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const minimal = {
  name: "demo",
  category: "sequences",
  domains: ["bioinformatics"],
  purpose: "A demo crate that reads sequences.",
  maturity: { level: "maturing", note: "0.x" },
  goodAt: ["reading"],
  limits: ["only reading"],
  version: { version: "1.0.0", asOf: "as of demo 1.0.0", source: "https://example.org/changelog" },
  equivalents: { python: [{ package: "Biopython", api: ["SeqIO.parse(path, 'fasta')"] }] },
  links: { repository: "https://example.org/demo" },
};

describe("crate schema", () => {
  it("accepts a minimal entry and fills defaults", () => {
    const r = CrateSchema.parse(minimal);
    expect(r.breakingChanges).toEqual([]);
    expect(r.equivalents.r).toEqual([]);
    expect(r.cite).toEqual([]);
  });

  it("explains how to fix a bad category, listing the allowed ones", () => {
    const [msg] = issues({ ...minimal, category: "genomics" });
    expect(msg).toMatch(/^category: category must be one of: data-frames, numerics/);
    expect(msg).toContain("formats-intervals");
  });

  it("asks for dated wording and a full URL", () => {
    const msgs = issues({ ...minimal, version: { version: "1.0", asOf: "1.0 (2024)", source: "changelog" } });
    expect(msgs).toContain("version.asOf: Start asOf with 'as of', e.g. 'as of polars 0.55 (2026-08)'");
    expect(msgs).toContain("version.source: Write a full URL starting with https://");
  });

  it("rejects a date it cannot sort and says to leave it out instead", () => {
    const msgs = issues({ ...minimal, version: { ...minimal.version, date: "summer 2025" } });
    expect(msgs[0]).toMatch(/YYYY-MM or YYYY-MM-DD; leave it out \(and fill notConfirmed\)/);
  });

  it("requires honest limits and at least one equivalent", () => {
    expect(issues({ ...minimal, limits: [] })).toContain("limits: Every crate has limits: name at least one honestly");
    expect(issues({ ...minimal, equivalents: { python: [], r: [] } })).toContain(
      "equivalents: Give at least one Python or R equivalent (the atlas is a translation aid)",
    );
  });

  it("keeps the purpose to one line", () => {
    expect(issues({ ...minimal, purpose: "x".repeat(141) })[0]).toMatch(/one line \(≤ 140 characters\)/);
  });

  it("checks related crate names", () => {
    const msgs = issues({ ...minimal, related: [{ name: "Not A Crate", kind: "crate", purpose: "p" }] });
    expect(msgs.some((m) => m.includes("must be a crates.io name"))).toBe(true);
  });
});

describe("every content/crates entry", () => {
  const files = readdirSync(CRATES).filter((f) => f.endsWith(".yaml"));
  const refs = new Set(readdirSync(REFERENCES).map((f) => f.replace(/\.yaml$/, "")));

  it("covers the crates the curriculum names", () => {
    const names = files.map((f) => f.replace(/\.yaml$/, ""));
    for (const required of [
      "polars", "ndarray", "nalgebra", "linfa", "smartcore", "burn", "microflow", "bio", "rust-bio-tools", "needletail",
      "noodles", "bigtools", "gtars", "extendr-api", "pyo3", "maturin", "rayon", "serde", "csv", "statrs", "arrow",
    ]) {
      expect(names).toContain(required);
    }
  });

  it.each(files)("%s matches the schema and cites existing references", (file) => {
    const raw = load(readFileSync(join(CRATES, file), "utf8"));
    expect(issues(raw)).toEqual([]);
    const data = CrateSchema.parse(raw);
    expect(data.name).toBe(file.replace(/\.yaml$/, ""));
    for (const key of data.cite) expect(refs, `${file} cites ${key}`).toContain(key);
  });

  it("builds an index without name clashes", () => {
    const entries = files.map((f) => ({ file: `${CRATES}/${f}`, crate: CrateSchema.parse(load(readFileSync(join(CRATES, f), "utf8"))) }));
    const index = buildCrateIndex(entries);
    expect(index.get("linfa-logistic")?.crate.name).toBe("linfa");
    expect(index.get("linfa-logistic")?.alias).toBe("linfa-logistic");
  });
});

const crate = (name: string, related: string[] = []) => ({ name, related: related.map((r) => ({ name: r, kind: "crate" })) });
const index = buildCrateIndex([
  { file: "content/crates/bio.yaml", crate: crate("bio") },
  { file: "content/crates/needletail.yaml", crate: crate("needletail") },
  { file: "content/crates/linfa.yaml", crate: crate("linfa", ["linfa-logistic", "linfa-clustering"]) },
]);
const lesson = (over: Partial<LessonForUsage>): LessonForUsage => ({ id: "01-x", number: 1, title: "One", crates: [], body: "", ...over });

describe("modules that use a crate", () => {
  it("are computed from frontmatter crates and <Crate/> usages, in module order, once each", () => {
    const usage = computeUsage(
      [
        lesson({ id: "07-y", number: 7, title: "Seven", body: 'Use <Crate name="linfa-logistic" /> and <Crate name="linfa"/>.' }),
        lesson({ crates: ["needletail", "bio"], body: '<Crate name="needletail" /> then <Crate name=\'bio\'>rust-bio</Crate>' }),
      ],
      index,
    );
    expect(usage.get("needletail")).toEqual([{ id: "01-x", number: 1, title: "One", via: ["needletail"] }]);
    expect(usage.get("bio")?.map((u) => u.id)).toEqual(["01-x"]);
    expect(usage.get("linfa")).toEqual([{ id: "07-y", number: 7, title: "Seven", via: ["linfa-logistic", "linfa"] }]);
    expect(usage.has("linfa-logistic")).toBe(false);
  });

  it("fail the build for an unknown crate, naming the file, the place, a suggestion and the fix", () => {
    const run = () =>
      computeUsage([lesson({ crates: ["needletial"], body: 'line one\n<Crate name="polarz" />', lineOffset: 10 })], index);
    expect(run).toThrow(CrateAtlasError);
    try {
      run();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('content/modules/01-x.mdx, frontmatter crates: no atlas entry "needletial". Did you mean "needletail"?');
      expect(msg).toContain('<Crate name="polarz"/> on line 12: no atlas entry "polarz"');
      expect(msg).toContain("Add content/crates/polarz.yaml");
    }
  });
});

describe("crate index", () => {
  it("insists that the file is named after the crate", () => {
    expect(() => buildCrateIndex([{ file: "content/crates/rust-bio.yaml", crate: crate("bio") }])).toThrow(
      /rename the file to content\/crates\/bio.yaml/,
    );
  });
  it("refuses a sub-crate claimed by two entries", () => {
    expect(() =>
      buildCrateIndex([
        { file: "content/crates/a.yaml", crate: crate("a", ["shared"]) },
        { file: "content/crates/b.yaml", crate: crate("b", ["shared"]) },
      ]),
    ).toThrow(/"shared" is claimed by both content\/crates\/a.yaml and content\/crates\/b.yaml/);
  });
  it("links sub-crates to their parent's page", () => {
    expect(crateHref("/", index.get("linfa-logistic")!)).toBe("/crates/linfa/#related-linfa-logistic");
    expect(crateHref("/ru", index.get("bio")!)).toBe("/ru/crates/bio/");
  });
  it("finds every <Crate/> form an author writes", () => {
    expect(scanCrateMentions('a <Crate name="x"/> b <Crate label="y" name={"z"} />\n<Crate\n name="w"/>')).toEqual([
      { name: "x", line: 1 },
      { name: "z", line: 1 },
    ]);
  });
});

describe("atlas table", () => {
  const rows: AtlasRow[] = [
    { name: "polars", category: "data-frames", domains: "data-science biostatistics", equivalents: "pandas dplyr group_by", purpose: "DataFrames", maturity: "maturing", firstModule: 7 },
    { name: "bio", category: "sequences", domains: "bioinformatics", equivalents: "biopython biostrings", purpose: "Rust-Bio", maturity: "stable", firstModule: 1 },
    { name: "needletail", category: "sequences", domains: "bioinformatics", equivalents: "biopython shortread", purpose: "FASTX", maturity: "maturing", firstModule: 1 },
    { name: "arrow", category: "infrastructure", domains: "general", equivalents: "pyarrow", purpose: "Arrow", maturity: "maturing", firstModule: 0 },
  ];
  it("filters by category, domain and equivalent", () => {
    expect(rows.filter((r) => matches(r, { category: "sequences" })).map((r) => r.name)).toEqual(["bio", "needletail"]);
    expect(rows.filter((r) => matches(r, { domain: "biostatistics" })).map((r) => r.name)).toEqual(["polars"]);
    expect(rows.filter((r) => matches(r, { text: "DPLYR" })).map((r) => r.name)).toEqual(["polars"]);
    expect(rows.filter((r) => matches(r, { text: "biopython short" })).map((r) => r.name)).toEqual(["needletail"]);
  });
  it("sorts, keeping unused crates last when sorting by module", () => {
    const by = (key: Parameters<typeof compareRows>[2], dir: "ascending" | "descending") =>
      [...rows].sort((a, b) => compareRows(a, b, key, dir)).map((r) => r.name);
    expect(by("name", "ascending")).toEqual(["arrow", "bio", "needletail", "polars"]);
    expect(by("firstModule", "ascending")).toEqual(["bio", "needletail", "polars", "arrow"]);
    expect(by("firstModule", "descending")).toEqual(["polars", "needletail", "bio", "arrow"]);
    expect(by("maturity", "ascending")[0]).toBe("bio");
  });
  it("round-trips the filter through the URL and drops unknown values", () => {
    const known = { categories: ["sequences"], domains: ["bioinformatics"] };
    expect(filterToQuery({ category: "sequences", text: " fastq " })).toBe("?category=sequences&q=fastq");
    expect(filterFromQuery("?category=sequences&q=fastq", known)).toEqual({ category: "sequences", domain: undefined, text: "fastq" });
    expect(filterFromQuery("?category=genomics&domain=bioinformatics", known)).toEqual({ category: undefined, domain: "bioinformatics", text: undefined });
  });
});
