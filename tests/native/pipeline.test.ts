// Native checks of every exercises/<module>/pipeline.json, outside the browser: each chain
// of programs — the ecosystem versions (Biopython, pandas; ShortRead, Biostrings, dplyr)
// and the core solutions (python3, Rscript, rustc) — runs stage after stage in a scratch
// folder and must end with the expected stdout and files. The Python ecosystem chain is
// what produced expected/; the others are independent checks of it. The stages' Rust
// ecosystem files (their crates cannot be fetched here) must be rustfmt-clean.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { listPipelineIds, loadPipeline, stageSolutionPath } from "../../src/lib/pipeline.ts";
import type { Stage } from "../../src/lib/pipeline-schema.ts";

const SYSTEM_PYTHON = "/usr/bin/python3";
const SYSTEM_RSCRIPT = "/usr/bin/Rscript";
const scratch = mkdtempSync(join(tmpdir(), "rust-underneath-pipeline-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: "utf8", timeout: 110_000, maxBuffer: 64 * 1024 * 1024 });
}

describe.each(listPipelineIds())("pipeline %s", (id) => {
  const moduleDir = resolve("exercises", id);
  const pipeline = loadPipeline(id);
  const last = pipeline.stages[pipeline.stages.length - 1]!;

  /** The command that runs `stage` in one chain; null when the chain has no such program. */
  type Chain = { name: string; command: (stage: Stage) => [string, ...string[]] | null };
  const binaries = new Map<string, string>();
  const rustBinary = (stage: Stage) => {
    const source = join(moduleDir, stageSolutionPath(stage, "rust"));
    let binary = binaries.get(source);
    if (!binary) {
      binary = join(scratch, `${id}-${stage.id}`);
      const built = run("rustc", ["--edition", "2021", "-C", "opt-level=3", source, "-o", binary], moduleDir);
      expect(built.status, built.stderr).toBe(0);
      expect(built.stderr, `${source} compiles without warnings`).toBe("");
      binaries.set(source, binary);
    }
    return binary;
  };
  const chains: Chain[] = [
    { name: "ecosystem Python", command: (s) => (s.ecosystem.python ? [SYSTEM_PYTHON, join(moduleDir, s.ecosystem.python)] : null) },
    { name: "ecosystem R", command: (s) => (s.ecosystem.r ? [SYSTEM_RSCRIPT, join(moduleDir, s.ecosystem.r)] : null) },
    { name: "core Python", command: (s) => ["python3", join(moduleDir, stageSolutionPath(s, "python"))] },
    { name: "core R", command: (s) => [SYSTEM_RSCRIPT, join(moduleDir, stageSolutionPath(s, "r"))] },
    { name: "core Rust", command: (s) => [rustBinary(s)] },
  ];

  it.each(chains)("$name, stage after stage, ends with the expected result", ({ name, command }) => {
    const commands = pipeline.stages.map((stage) => command(stage));
    if (commands.some((c) => c === null)) {
      expect(name, "every stage has an ecosystem version in this chain").toMatch(/^core/);
    }
    const work = mkdtempSync(join(scratch, "chain-"));
    for (const input of pipeline.inputs) {
      mkdirSync(dirname(join(work, input)), { recursive: true });
      copyFileSync(join(moduleDir, input), join(work, input));
    }
    let stdout = "";
    pipeline.stages.forEach((stage, i) => {
      const [program, ...args] = commands[i]!;
      const result = run(program, [...args, ...stage.args], work);
      expect(result.status, `${name}: stage ${stage.id}\n${result.stderr}`).toBe(0);
      for (const path of stage.writes) expect(existsSync(join(work, path)), `${stage.id} writes ${path}`).toBe(true);
      stdout = result.stdout;
    });
    expect(stdout, `${last.id}'s stdout`).toBe(readFileSync(join(moduleDir, pipeline.expected.stdout), "utf8"));
    for (const [written, expected] of Object.entries(pipeline.expected.files)) {
      const same = readFileSync(join(work, written)).equals(readFileSync(join(moduleDir, expected)));
      expect(same, `${written} equals ${expected}`).toBe(true);
    }
  });

  const stageRustFiles = pipeline.stages
    .filter((stage) => stage.dir !== "." && existsSync(join(moduleDir, stage.dir, "ecosystem", "rust")))
    .flatMap((stage) => {
      const dir = join(stage.dir, "ecosystem", "rust");
      return readdirSync(join(moduleDir, dir))
        .filter((f) => f.endsWith(".rs"))
        .map((f) => join(dir, f));
    });
  if (stageRustFiles.length > 0) {
    it.each(stageRustFiles)("%s is rustfmt-clean", (file) => {
      const result = run("rustfmt", ["--edition", "2021", "--check", file], moduleDir);
      expect(result.status, result.stdout + result.stderr).toBe(0);
    });
  }
});
