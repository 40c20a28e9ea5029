// Every module's drills and quiz, checked the way the page checks them: drill code goes
// through planCheck/judgeCheck and the real runtimes (Pyodide, webR, rustc → WASI), and
// every quiz answer that depends on a compiler or an interpreter is confirmed by one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { listDrills, type DrillEntry } from "../../src/lib/drills.ts";
import { judgeCheck, planCheck, type CheckOutcome } from "../../src/lib/drill-check.ts";
import { QuizSchema, type Question } from "../../src/lib/quiz-schema.ts";
import { gradeAnswer, normaliseOutput } from "../../src/lib/quiz-grade.ts";
import { listTaskIds } from "../../src/lib/task.ts";
import type { Lang, RunRequest, RunResult } from "../../src/runners/protocol.ts";
import { compileToWasm, findWasmToolchain, INSTALL_HINT } from "../../scripts/lib/wasm-toolchain.ts";
import { startRuntimes, type NodeRuntimes } from "../helpers/runtimes.ts";

const QUIZ_DIR = join(process.cwd(), "content", "quizzes");
const MODULES_DIR = join(process.cwd(), "content", "modules");
const FN_MAIN = /\bfn\s+main\s*\(/;

let runtimes: NodeRuntimes;
let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "ru-drills-"));
  runtimes = await startRuntimes();
});
afterAll(() => {
  runtimes?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const toolchain = findWasmToolchain();

interface Compiled {
  ok: boolean;
  stderr: string;
  wasm?: Uint8Array;
}

/** Compiles one Rust program to WASI with the same flags as the build and the compile service. */
async function compileRust(code: string): Promise<Compiled> {
  if (!toolchain) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(scratch, "rs-"));
  const source = join(dir, "main.rs");
  const output = join(dir, "main.wasm");
  writeFileSync(source, code);
  const outcome = await compileToWasm(toolchain, source, output, { cwd: dir, timeoutMs: 110_000, profile: "interactive" });
  if (outcome.timedOut) throw new Error(`rustc timed out compiling:\n${code}`);
  return { ok: outcome.ok, stderr: outcome.stderr, wasm: outcome.ok ? new Uint8Array(readFileSync(output)) : undefined };
}

/** Runs a program in its language: Python and R interpreted, Rust compiled first (null if it does not compile). */
async function runProgram(lang: Lang, moduleId: string, request: RunRequest): Promise<{ compiled: Compiled | null; result?: RunResult }> {
  if (lang !== "rust") return { compiled: null, result: await runtimes.run(lang, moduleId, request) };
  const compiled = await compileRust(request.code);
  if (!compiled.ok) return { compiled };
  return { compiled, result: await runtimes.runWasm(compiled.wasm!, request) };
}

interface Checked {
  /** rustc's stderr when the code did not compile; undefined otherwise. */
  compileError?: string;
  outcome?: CheckOutcome;
  result?: RunResult;
}

/** What the page does when the learner presses Check, with `code` in the editor. */
async function check(entry: DrillEntry, code: string): Promise<Checked> {
  const plan = planCheck(entry, code);
  const { compiled, result } = await runProgram(entry.drill.lang, entry.module, { code: plan.code, files: plan.files, args: plan.args });
  if (compiled && !compiled.ok) return { compileError: compiled.stderr };
  return { outcome: judgeCheck(entry, result!), result };
}

const modules = listTaskIds().map((id) => ({ id, drills: listDrills(id) }));

describe.each(modules.filter((m) => m.drills.length > 0))("drills of $id", ({ drills }) => {
  describe.each(drills)("$id ($drill.lang, $drill.kind)", (entry) => {
    const { lang, kind, check: how } = entry.drill;

    it("is a well-formed drill", () => {
      expect(entry.prompt.trim(), "prompt.md is empty").not.toBe("");
      expect(entry.starter, "the starter is the solution: there is nothing to do").not.toBe(entry.solution);
      if (kind === "make-it-compile") expect(lang, "make-it-compile drills are Rust drills").toBe("rust");
      if (lang === "rust" && how.type === "hidden") {
        // The hidden check brings its own main(); a second one would not compile.
        expect(entry.checkCode, "check.rs must define fn main() that calls the learner's code").toMatch(FN_MAIN);
        expect(entry.starter, "the starter must not define fn main(): check.rs has it").not.toMatch(FN_MAIN);
        expect(entry.solution, "the solution must not define fn main(): check.rs has it").not.toMatch(FN_MAIN);
      }
    });

    it("solution passes its check", async () => {
      const got = await check(entry, entry.solution);
      expect(got.compileError, "the solution must compile").toBeUndefined();
      expect(got.outcome!.passed, `${got.outcome!.feedback}\n${got.result!.stderr}`).toBe(true);
    });

    it("starter fails, with feedback the learner can act on", async () => {
      const got = await check(entry, entry.starter);
      if (kind === "make-it-compile") {
        expect(got.compileError, "a make-it-compile starter must not compile").toBeDefined();
        expect(got.compileError).toMatch(/error\[E\d{4}\]/);
        return;
      }
      expect(got.compileError, "the starter must compile, so the check can say what is wrong").toBeUndefined();
      const { passed, feedback } = got.outcome!;
      expect(passed, "the starter already passes: there is nothing to do").toBe(false);
      expect(feedback).toMatch(/^Not yet: /);
      if (how.type === "hidden") {
        // An assertion message, not the bare exit-code fallback or an empty string.
        expect(feedback).not.toMatch(/the check failed \(exit code/);
        expect(feedback.replace(/^Not yet: /, "").length, `uninformative feedback: "${feedback}"`).toBeGreaterThan(15);
      }
    });
  });
});

const quizFiles = existsSync(QUIZ_DIR) ? readdirSync(QUIZ_DIR).filter((f) => f.endsWith(".yaml")).sort() : [];

describe.each(quizFiles)("quiz %s", (file) => {
  const parsed = QuizSchema.safeParse(load(readFileSync(join(QUIZ_DIR, file), "utf8")));
  const questions: Question[] = parsed.success ? parsed.data.questions : [];

  it("matches the quiz schema and names a module", () => {
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems, `content/quizzes/${file} (schema: src/lib/quiz-schema.ts)`).toEqual([]);
    expect(existsSync(join(MODULES_DIR, file.replace(/\.yaml$/, ".mdx"))), "the file name must be a module's, e.g. 01-fasta-gc.yaml").toBe(true);
  });

  const compiles = questions.filter((q) => q.kind === "compiles");
  if (compiles.length > 0) it.each(compiles)("compiles: $id is answered right", async (q) => {
    expect(q.code.lang, "a compiles question shows Rust").toBe("rust");
    const got = await compileRust(q.code.source);
    const verdict = got.ok ? "rustc compiled it" : `rustc refused it:\n${got.stderr}`;
    expect(got.ok, `"${q.id}" says compiles: ${q.compiles}, but ${verdict}`).toBe(q.compiles);
    if (!q.compiles) {
      const code = /error\[(E\d{4})\]/.exec(q.compilerError ?? "")?.[1];
      expect(code, `compilerError should start like rustc's "error[E0502]: …"`).toBeDefined();
      // The reader is shown this line as rustc's own: it must be what rustc prints.
      expect(got.stderr).toContain(q.compilerError!.split("\n")[0]);
    }
  });

  const predicts = questions.filter((q) => q.kind === "predict");
  if (predicts.length > 0) it.each(predicts)("predict: $id prints the answer", async (q) => {
    const { compiled, result } = await runProgram(q.code.lang, file.replace(/\.yaml$/, ""), { code: q.code.source, files: {}, args: [] });
    expect(compiled?.ok ?? true, compiled?.stderr).toBe(true);
    expect(result!.stderr).toBe("");
    expect(result!.exitCode).toBe(0);
    // Graded exactly as the page grades a reader who typed what the program printed.
    expect(normaliseOutput(result!.stdout)).toBe(normaliseOutput(q.answer));
    expect(gradeAnswer(q, { kind: "predict", text: result!.stdout })).toBe(true);
  });
});
