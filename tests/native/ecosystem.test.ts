// Native checks of every exercises/<module>/task.json, outside the browser:
//   - the ecosystem versions (ecosystem/python/*.py with Biopython, pandas, scikit-learn &
//     co., ecosystem/r/*.R with Bioconductor, dplyr, survival & co.) print every case's
//     expected output (within the task's compare mode: numeric tasks state a tolerance),
//     an independent check of the expected files;
//   - the ecosystem Rust files are rustfmt-clean (their crates cannot be fetched here);
//   - the three core solutions, run natively, print every expected output and reject
//     every error case with the promised words on stderr.
// A missing tool fails the tests with the command that installs it: a skipped check
// would pass silently.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TaskSchema, type Task } from "../../src/lib/task-schema.ts";
import { compareOutputs } from "../../src/lib/compare.ts";
import { inlinePathModules, pathModules } from "../../src/lib/rust-path-modules.ts";
import { screenRustSource } from "../../src/lib/rust-screening.ts";
import { readRustPathModules, readSolution } from "../../src/lib/task.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const exercises = join(root, "exercises");

// Debian's interpreters carry the Debian-packaged libraries; the core solutions need
// none, so they run with whatever python3 is first on PATH.
const SYSTEM_PYTHON = "/usr/bin/python3";
const SYSTEM_RSCRIPT = "/usr/bin/Rscript";
// scripts/ensure-system.mjs lists (and on CI installs) the packages they import.
const APT_INSTALL = "node scripts/ensure-system.mjs (as root)";

interface Tool {
  what: string;
  command: string;
  args: string[];
  install: string;
}

const TOOLS = {
  systemPython: { what: "Debian's Python", command: SYSTEM_PYTHON, args: ["--version"], install: APT_INSTALL },
  rustfmt: { what: "rustfmt", command: "rustfmt", args: ["--version"], install: "rustup component add rustfmt" },
  python: { what: "python3", command: "python3", args: ["--version"], install: "apt-get install -y python3" },
  rscript: { what: "Rscript", command: SYSTEM_RSCRIPT, args: ["--version"], install: APT_INSTALL },
  rustc: {
    what: "rustc",
    command: "rustc",
    args: ["--version"],
    install: "curl --proto '=https' -sSf https://sh.rustup.rs | sh -s -- -y",
  },
} satisfies Record<string, Tool>;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", timeout: 100_000, maxBuffer: 512 * 1024 * 1024 });
}

const toolErrors = new Map<Tool, string | null>();

/** Throws, naming the install command, unless `tool` runs; checked once per run. */
function requireTool(tool: Tool): void {
  if (!toolErrors.has(tool)) {
    const result = run(tool.command, tool.args, root);
    const ok = !result.error && result.status === 0;
    const why = result.error ? result.error.message : result.stderr.trim().split("\n").at(-1);
    toolErrors.set(tool, ok ? null : `${tool.what} is missing (${tool.command}: ${why}). Install it with: ${tool.install}`);
  }
  const error = toolErrors.get(tool);
  if (error) throw new Error(error);
}

/** Relative paths of the files in `moduleDir/sub` ending in `extension`, sorted. */
function filesIn(moduleDir: string, sub: string, extension: string): string[] {
  const dir = join(moduleDir, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${sub}/${name}`);
}

const modules: Array<{ id: string; dir: string; task: Task }> = readdirSync(exercises, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(exercises, entry.name, "task.json")))
  .map((entry) => entry.name)
  .sort()
  .map((id) => {
    const dir = join(exercises, id);
    return { id, dir, task: TaskSchema.parse(JSON.parse(readFileSync(join(dir, "task.json"), "utf8"))) };
  });

const buildDir = mkdtempSync(join(tmpdir(), "rust-underneath-native-"));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

it("finds at least one module", () => {
  expect(modules.length).toBeGreaterThan(0);
});

describe.each(modules)("$id", ({ id, dir, task }) => {
  const expectedOf = (relative: string) => readFileSync(join(dir, relative), "utf8");

  it("task.json names its own folder, and every file it mentions exists", () => {
    expect(task.id).toBe(id);
    for (const file of [...task.files, ...task.cases.map((c) => c.expected)]) {
      expect(existsSync(join(dir, file)), `${id}/${file}`).toBe(true);
    }
    expect(task.cases.map((c) => c.id)).toContain(task.scaling.case);
  });

  describe("ecosystem versions", () => {
    for (const script of filesIn(dir, "ecosystem/python", ".py")) {
      it.each(task.cases)(`${script} prints $expected for $id`, ({ args, expected }) => {
        requireTool(TOOLS.systemPython);
        const result = run(SYSTEM_PYTHON, [script, ...args], dir);
        expect(result.status, result.stderr).toBe(0);
        expect(compareOutputs(expectedOf(expected), result.stdout, task.compare)).toEqual({ ok: true });
      });
    }
    for (const script of filesIn(dir, "ecosystem/r", ".R")) {
      it.each(task.cases)(`${script} prints $expected for $id`, ({ args, expected }) => {
        requireTool(TOOLS.rscript);
        const result = run(SYSTEM_RSCRIPT, [script, ...args], dir);
        expect(result.status, result.stderr).toBe(0);
        expect(compareOutputs(expectedOf(expected), result.stdout, task.compare)).toEqual({ ok: true });
      });
    }
    for (const file of filesIn(dir, "ecosystem/rust", ".rs")) {
      it(`${file} is rustfmt-clean`, () => {
        requireTool(TOOLS.rustfmt);
        const result = run("rustfmt", ["--edition", "2021", "--check", file], dir);
        expect(result.status, result.stdout + result.stderr).toBe(0);
      });
    }
  });

  describe("core solutions, run natively", () => {
    let rustBuild: { binary: string; warnings: string } | undefined;
    /** Compiles rust/main.rs once per module, on first use (so a failure is a test failure). */
    const buildRust = () => {
      if (!rustBuild) {
        requireTool(TOOLS.rustc);
        const binary = join(buildDir, id);
        const result = run("rustc", ["--edition", "2021", "-C", "opt-level=3", "rust/main.rs", "-o", binary], dir);
        if (result.status !== 0) throw new Error(`rustc failed on ${id}/rust/main.rs:\n${result.stderr}`);
        rustBuild = { binary, warnings: result.stderr };
      }
      return rustBuild;
    };

    const languages = [
      { name: "Python", file: "python/main.py", tool: TOOLS.python, command: () => ["python3", "python/main.py"] },
      { name: "R", file: "r/main.R", tool: TOOLS.rscript, command: () => [SYSTEM_RSCRIPT, "r/main.R"] },
      { name: "Rust", file: "rust/main.rs", tool: TOOLS.rustc, command: () => [buildRust().binary] },
    ];

    it("rust/main.rs compiles without warnings", () => {
      expect(buildRust().warnings).toBe("");
    });

    const modules = readRustPathModules(id);
    if (Object.keys(modules).length > 0) {
      it("rust/main.rs with its #[path] modules inlined, as the page sends an edit, passes screening and prints the same", () => {
        requireTool(TOOLS.rustc);
        const inlined = inlinePathModules(readSolution(id, "rust"), modules).code;
        for (const name of pathModules(readSolution(id, "rust")).map((m) => m.name)) expect(inlined).toContain(`\nmod ${name} {\n`);
        // The screening refuses any #[path] attribute left: this is what the service accepts.
        expect(screenRustSource(inlined)).toEqual({ ok: true });
        const source = join(buildDir, `${id}-inlined.rs`);
        writeFileSync(source, inlined);
        const binary = join(buildDir, `${id}-inlined`);
        const build = run("rustc", ["--edition", "2021", source, "-o", binary], dir);
        expect(build.status, build.stderr).toBe(0);
        expect(build.stderr, "no warnings").toBe("");
        for (const c of task.cases) {
          const inlinedRun = run(binary, c.args, dir);
          expect(inlinedRun.status, inlinedRun.stderr).toBe(0);
          expect(inlinedRun.stdout, c.id).toBe(run(buildRust().binary, c.args, dir).stdout);
        }
      });
    }

    // Bridged tasks: Python and R reach the Rust kernel through Pyodide's and webR's
    // JS bridges, which exist only in those runtimes (tests/equivalence runs them).
    const native = task.bridged ? languages.filter((l) => l.name === "Rust") : languages;

    if (task.bridged) {
      it("kernel/*.rs passes its own #[test]s, natively", () => {
        requireTool(TOOLS.rustc);
        const kernels = filesIn(dir, "kernel", ".rs");
        expect(kernels.length, "a bridged task has at least one kernel/*.rs").toBeGreaterThan(0);
        for (const kernel of kernels) {
          const binary = join(buildDir, `${id}-${kernel.replace(/\W/g, "_")}-tests`);
          const build = run("rustc", ["--edition", "2021", "--test", kernel, "-o", binary], dir);
          expect(build.status, build.stderr).toBe(0);
          expect(build.stderr, "no warnings").toBe("");
          const result = run(binary, [], dir);
          expect(result.status, result.stdout + result.stderr).toBe(0);
          expect(result.stdout).toMatch(/test result: ok\. [1-9]\d* passed/);
        }
      });
    }

    describe.each(native)("$name", ({ file, tool, command }) => {
      const runCore = (args: string[]) => {
        expect(existsSync(join(dir, file)), `${id}/${file}`).toBe(true);
        requireTool(tool);
        const [program, ...programArgs] = command() as [string, ...string[]];
        return run(program, [...programArgs, ...args], dir);
      };

      // Within the task's compare mode: the expected file comes from a library. The three
      // core solutions' byte-identity is checked in the browser runtimes (tests/equivalence).
      it.each(task.cases)("prints $expected for $id", ({ args, expected }) => {
        const result = runCore(args);
        expect(result.status, result.stderr).toBe(0);
        expect(compareOutputs(expectedOf(expected), result.stdout, task.compare)).toEqual({ ok: true });
      });

      if (task.errorCases.length > 0) {
        it.each(task.errorCases)("rejects $id: stderr includes '$stderrIncludes'", ({ args, stderrIncludes }) => {
          const result = runCore(args);
          expect(result.status, `exit status; stdout: ${result.stdout}`).not.toBe(0);
          expect(result.stderr).toContain(stderrIncludes);
        });
      }
    });
  });
});
