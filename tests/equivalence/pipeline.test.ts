// Every exercises/*/pipeline.json, in every combination of languages (one per stage),
// through the real runtimes (Pyodide, webR, the WASI shim) in Node — the engines the
// capstone page runs — with each stage's input files being the bytes the earlier stages
// of that same combination wrote (RunResult.files), as the page hands them over. The
// final stdout and files must equal expected/ byte for byte, whatever the combination.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listPipelineIds, loadPipeline, stageSolutionPath, stageWasmName } from "../../src/lib/pipeline.ts";
import { combinations, comboLabel } from "../../src/lib/pipeline-combos.ts";
import type { Stage } from "../../src/lib/pipeline-schema.ts";
import { readModuleFile } from "../../src/lib/task.ts";
import { LANGS, type Lang, type RunRequest, type RunResult } from "../../src/runners/protocol.ts";
import { readInputs, startRuntimes, type NodeRuntimes } from "../helpers/runtimes.ts";

let runtimes: NodeRuntimes;
beforeAll(async () => {
  runtimes = await startRuntimes();
});
afterAll(() => runtimes?.close());

type Files = Record<string, Uint8Array>;

/** One stage's run, and every file a later stage may read once it is done. */
interface StageRun {
  result: RunResult;
  available: Files;
}

const decoder = new TextDecoder();
const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));

describe.each(listPipelineIds())("pipeline %s", (id) => {
  const pipeline = loadPipeline(id);
  const inputs: Files = readInputs(id, pipeline.inputs);
  const wasmFile = (stage: Stage) => join("public", "wasm", id, `${stageWasmName(stage)}.wasm`);

  const runStage = (stage: Stage, lang: Lang, files: Files, args = stage.args): Promise<RunResult> => {
    const request: RunRequest = { code: readModuleFile(id, stageSolutionPath(stage, lang)), files, args };
    return lang === "rust" ? runtimes.runWasm(readFileSync(wasmFile(stage)), request) : runtimes.run(lang, id, request);
  };

  // Runs are kept by the languages of the stages so far: stage i of a combination gets
  // exactly what its own stages 0..i-1 wrote, and the combinations share the runs their
  // prefixes have in common (3 + 9 + 27 runs for three stages instead of 81).
  const runs = new Map<string, Promise<StageRun>>();
  const runPrefix = (langs: Lang[]): Promise<StageRun> => {
    const key = langs.join(">");
    let run = runs.get(key);
    if (!run) {
      run = (async () => {
        const i = langs.length - 1;
        const stage = pipeline.stages[i]!;
        const before = i === 0 ? inputs : (await runPrefix(langs.slice(0, i))).available;
        const files = Object.fromEntries(stage.reads.map((path) => [path, before[path]!]));
        const result = await runStage(stage, langs[i]!, files);
        const where = `stage ${stage.id} in ${langs[i]} (after ${comboLabel(langs.slice(0, i)) || "nothing"})`;
        expect(result.stderr, `${where}: stderr`).toBe("");
        expect(result.exitCode, `${where}: exit code`).toBe(0);
        for (const path of stage.writes) expect(Object.keys(result.files), `${where} writes ${path}`).toContain(path);
        return { result, available: { ...before, ...result.files } };
      })();
      runs.set(key, run);
    }
    return run;
  };

  describe("every stage", () => {
    it.each(pipeline.stages)("$id has a compiled Rust program", (stage) => {
      expect(existsSync(wasmFile(stage)), `${wasmFile(stage)}: run npm run build:wasm`).toBe(true);
    });

    // Given the same input, the three languages must print and write the same bytes: the
    // all-Rust prefix feeds each stage, and the three runs of the stage are compared.
    it.each(pipeline.stages.map((stage, i) => ({ stage, i })))("$stage.id: the three languages agree byte for byte", async ({ i }) => {
      const prefix: Lang[] = Array(i).fill("rust");
      const outs = await Promise.all(LANGS.map((lang) => runPrefix([...prefix, lang])));
      const [first, ...others] = outs.map((o) => o.result);
      for (const [j, other] of others.entries()) {
        const who = `${LANGS[0]} vs ${LANGS[j + 1]}`;
        expect(other.stdout, `${who}: stdout`).toBe(first!.stdout);
        expect(Object.keys(other.files).sort(), `${who}: files written`).toEqual(Object.keys(first!.files).sort());
        for (const [path, bytes] of Object.entries(first!.files)) {
          expect(same(other.files[path], bytes), `${who}: ${path} differs`).toBe(true);
        }
      }
    });

    it.each(pipeline.stages.flatMap((stage) => LANGS.map((lang) => ({ stage, lang }))))(
      "$stage.id in $lang refuses to run without arguments, with a usage message",
      async ({ stage, lang }) => {
        const result = await runStage(stage, lang, {}, []);
        expect(result.exitCode).not.toBe(0);
        expect(result.stderr).toContain("usage");
        expect(result.stdout).toBe("");
      },
    );
  });

  const expectedStdout = readModuleFile(id, pipeline.expected.stdout);
  const expectedFiles = Object.entries(pipeline.expected.files).map(
    ([written, path]) => [written, path, new Uint8Array(readFileSync(join("exercises", id, path)))] as const,
  );

  it.each(combinations(pipeline.stages.length).map((langs) => ({ langs, label: comboLabel(langs) })))(
    "$label reproduces the expected result",
    async ({ langs }) => {
      const last = await runPrefix(langs);
      expect(last.result.stdout, `stdout vs ${pipeline.expected.stdout}`).toBe(expectedStdout);
      for (const [written, path, bytes] of expectedFiles) {
        const got = last.result.files[written];
        expect(got, `${written} was written`).toBeDefined();
        expect(same(got, bytes) ? "identical" : `${written} differs from ${path}:\n${decoder.decode(got).slice(0, 400)}`).toBe("identical");
      }
    },
  );
});
