// exercises/<module>/pipeline.json: the schema, the loader's own checks (files, programs,
// what each stage may read) and the pure helpers the capstone page uses.
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  listPipelineIds,
  loadPipeline,
  pipelineChecklist,
  PipelineError,
  stageSolutionPath,
  stageWasmName,
} from "../../src/lib/pipeline.ts";
import { checklistKey, checklistLang, combinations, comboLabel, ticks } from "../../src/lib/pipeline-combos.ts";
import { canonicalKmers, generate as capstoneInputs, profileK, reverseComplement } from "../../src/lib/inputs/13-capstone.ts";
import { generate as fastqInputs } from "../../src/lib/inputs/04-fastq-qc.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const PROGRAMS = ["python/main.py", "r/main.R", "rust/main.rs"];

/** A module folder in a temporary exercises/ root with the given files ("" content). */
function fixture(pipeline: unknown, files: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), "ru-pipeline-"));
  roots.push(root);
  const dir = join(root, "99-demo");
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), "");
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "pipeline.json"), JSON.stringify(pipeline));
  return root;
}

const stage = (id: string, dir: string, reads: string[], writes: string[]) => ({ id, title: id, dir, args: [], reads, writes });

const valid = () => ({
  title: "demo",
  inputs: ["data/in.txt"],
  stages: [stage("first", "stages/first", ["data/in.txt"], ["mid.txt"]), stage("last", ".", ["mid.txt"], ["out.svg"])],
  expected: { stdout: "expected/out.tsv", files: { "out.svg": "expected/out.svg" } },
  checklist: [{ id: "pipeline-all-rust", title: "All Rust", when: { kind: "every", lang: "rust" } }],
});

const validFiles = [
  "data/in.txt",
  "expected/out.tsv",
  "expected/out.svg",
  ...PROGRAMS,
  ...PROGRAMS.map((p) => `stages/first/${p}`),
];

const loadError = (pipeline: unknown, files = validFiles): string => {
  const root = fixture(pipeline, files);
  try {
    loadPipeline("99-demo", root);
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineError);
    return (e as Error).message;
  }
  throw new Error("loadPipeline accepted it");
};

describe("loadPipeline", () => {
  it("loads a valid pipeline and fills in the defaults", () => {
    const p = loadPipeline("99-demo", fixture(valid(), validFiles));
    expect(p.stages.map((s) => s.id)).toEqual(["first", "last"]);
    expect(p.checklist[0]!.xp).toBe(10);
    expect(p.stages[0]!.ecosystem).toEqual({});
  });

  it("names the field when the schema is broken", () => {
    const broken = valid();
    (broken.stages[0] as { dir: string }).dir = "../elsewhere";
    expect(loadError(broken)).toMatch(/stages\.0\.dir: either "stages\/<name>"/);
    const noWhen = valid();
    delete (noWhen.checklist[0] as { when?: unknown }).when;
    expect(loadError(noWhen)).toMatch(/checklist\.0\.when/);
    const badLang = valid();
    (badLang.checklist[0]!.when as { lang: string }).lang = "julia";
    expect(loadError(badLang)).toMatch(/checklist\.0\.when\.lang/);
    expect(loadError({ ...valid(), stages: [valid().stages[0]] })).toMatch(/stages: .*2/);
  });

  it("refuses a stage that reads what nothing has written yet", () => {
    const p = valid();
    p.stages[0]!.reads = ["mid.txt"];
    expect(loadError(p)).toMatch(/stages\.0\.reads\.0: mid\.txt is neither a pipeline input nor written by an earlier stage/);
  });

  it("refuses a stage without its program in every language", () => {
    expect(loadError(valid(), validFiles.filter((f) => f !== "stages/first/r/main.R"))).toMatch(
      /stages\.0\.dir: stages\/first\/r\/main\.R does not exist/,
    );
  });

  it("refuses missing inputs and expected files, and expected files the last stage does not write", () => {
    expect(loadError(valid(), validFiles.filter((f) => f !== "data/in.txt"))).toMatch(/inputs\.0: data\/in\.txt does not exist/);
    expect(loadError(valid(), validFiles.filter((f) => f !== "expected/out.svg"))).toMatch(/expected\.files\.out\.svg: expected\/out\.svg does not exist/);
    const p = valid();
    p.expected.files = { "other.svg": "expected/out.svg" } as never;
    expect(loadError(p)).toMatch(/the last stage \("last"\) does not write other\.svg/);
  });

  it("refuses duplicate stage or checklist ids, and checklist ids that are drills", () => {
    const p = valid();
    p.stages[1]!.id = "first";
    expect(loadError(p)).toMatch(/stages\.1\.id: "first" is used by two stages/);
    const q = valid();
    q.checklist.push({ ...q.checklist[0]! });
    expect(loadError(q)).toMatch(/checklist\.1\.id: "pipeline-all-rust" is used by two items/);
    const drill = "drills/pipeline-all-rust";
    const files = [...validFiles, `${drill}/prompt.md`, `${drill}/starter.py`, `${drill}/solution.py`, `${drill}/check.py`];
    const root = fixture(valid(), files);
    writeFileSync(
      join(root, "99-demo", drill, "drill.json"),
      JSON.stringify({ title: "t", lang: "python", kind: "write-function", hints: ["h"], check: { type: "hidden" } }),
    );
    expect(() => loadPipeline("99-demo", root)).toThrow(/checklist\.0\.id: "pipeline-all-rust" is also a drill of 99-demo/);
  });

  it("finds the pipelines of a root, and none in a module without one", () => {
    const root = fixture(valid(), validFiles);
    mkdirSync(join(root, "98-plain"));
    expect(listPipelineIds(root)).toEqual(["99-demo"]);
    expect(pipelineChecklist("98-plain", root)).toEqual([]);
  });
});

describe("the capstone's pipeline.json", () => {
  it("loads, with a Rust program per stage and a checklist the catalog can count", () => {
    expect(listPipelineIds()).toContain("13-capstone");
    const p = loadPipeline("13-capstone");
    expect(p.stages.map(stageWasmName)).toEqual(["qc-filter", "kmer-profile", "main"]);
    expect(stageSolutionPath(p.stages[0]!, "rust")).toBe("stages/qc-filter/rust/main.rs");
    expect(stageSolutionPath(p.stages[2]!, "r")).toBe("r/main.R");
    const items = pipelineChecklist("13-capstone");
    expect(items.map((i) => i.key)).toContain("13-capstone/pipeline-mixed");
    for (const item of items) expect(item.kind).toBe("pipeline-run");
  });
});

describe("combinations and the checklist", () => {
  it("lists every choice of one language per stage, first stage slowest", () => {
    const all = combinations(3);
    expect(all).toHaveLength(27);
    expect(new Set(all.map((c) => c.join())).size).toBe(27);
    expect(all[0]).toEqual(["rust", "rust", "rust"]);
    expect(all[1]).toEqual(["rust", "rust", "python"]);
    expect(combinations(0)).toEqual([[]]);
  });

  it("ticks uniform items only for uniform runs, and mixed ones for a real mix", () => {
    expect(ticks({ kind: "every", lang: "r" }, ["r", "r", "r"])).toBe(true);
    expect(ticks({ kind: "every", lang: "r" }, ["r", "python", "r"])).toBe(false);
    expect(ticks({ kind: "mixed", includes: "rust" }, ["python", "rust", "r"])).toBe(true);
    expect(ticks({ kind: "mixed", includes: "rust" }, ["python", "r", "r"])).toBe(false);
    expect(ticks({ kind: "mixed", includes: "rust" }, ["rust", "rust", "rust"])).toBe(false);
    expect(ticks({ kind: "every", lang: "rust" }, [])).toBe(false);
  });

  it("names combinations and keys them like drills", () => {
    expect(comboLabel(["rust", "rust", "rust"])).toBe("all Rust");
    expect(comboLabel(["python", "rust", "r"])).toBe("Python → Rust → R");
    expect(checklistKey("13-capstone", "pipeline-mixed")).toBe("13-capstone/pipeline-mixed");
    expect(checklistLang({ kind: "mixed", includes: "rust" })).toBe("rust");
    expect(checklistLang({ kind: "every", lang: "python" })).toBe("python");
  });
});

describe("the capstone's inputs (src/lib/inputs/13-capstone.ts)", () => {
  const profile = (text: string) =>
    new Map(text.trimEnd().split("\n").slice(1).map((line) => [line.split("\t")[0]!, Number(line.split("\t")[1])] as const));

  it("lists the 136 canonical 4-mers in alphabetical order, palindromes included", () => {
    const kmers = canonicalKmers(4);
    expect(kmers).toHaveLength(136);
    expect([...kmers].sort()).toEqual(kmers);
    expect(kmers.filter((k) => k === reverseComplement(k))).toHaveLength(16);
    expect(kmers.every((k) => k <= reverseComplement(k))).toBe(true);
  });

  it("at 1×, the 136 canonical 4-mers with the planted tie, the telomeric 4-mers on top, palindromes halved", () => {
    const one = profile(capstoneInputs(1)["data/profile.tsv"]!);
    expect([...one.keys()]).toEqual(canonicalKmers(4));
    expect(one.get("AACC")).toBe(one.get("ACCC"));
    const top6 = [...one].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([kmer]) => kmer);
    expect(top6.sort()).toEqual(["AACC", "ACCC", "AGGG", "CCTA", "CTAA", "GTTA"]);
    // Palindromes have one orientation to be found in: about half the count of their neighbours.
    expect(one.get("ACGT")!).toBeLessThan(one.get("ACGA")! * 0.7);
  });

  it("grows in k with the scale (the summary's work follows the rows, not the counts), capped at k = 7", () => {
    expect([1, 2, 3, 4, 10, 15, 16, 100, 1000].map(profileK)).toEqual([4, 5, 5, 6, 6, 6, 7, 7, 7]);
    for (const [scale, k] of [[10, 6], [100, 7]] as const) {
      const p = profile(capstoneInputs(scale)["data/profile.tsv"]!);
      expect([...p.keys()]).toEqual(canonicalKmers(k));
      expect(canonicalKmers(k)).toHaveLength(k === 6 ? 2080 : 8192);
      // The tie is planted at every k: the windows of (TTAGGG)n from GGGT… and from GGTT….
      const [a, b] = k === 6 ? ["CTAACC", "GGGTTA"] : ["CCTAACC", "CTAACCC"];
      expect(p.get(a)).toBe(p.get(b));
      // And the six telomeric k-mers still top the table.
      const top6 = [...p].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([kmer]) => kmer);
      for (const kmer of top6) expect(`TTAGGGTTAGGGTTAGGG CCCTAACCCTAACCCTAA`).toContain(kmer);
    }
  });

  it("reuses module 04's reads and is deterministic", () => {
    expect(capstoneInputs(3)["data/reads.fastq"]).toBe(fastqInputs(3)["data/reads.fastq"]);
    expect(capstoneInputs(2)).toEqual(capstoneInputs(2));
  });

  it("rejects scales that are not positive integers", () => {
    for (const scale of [0, -1, 1.5, Number.NaN]) expect(() => capstoneInputs(scale)).toThrow(RangeError);
  });
});
