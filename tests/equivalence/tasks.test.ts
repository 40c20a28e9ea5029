// Every task, every case, every language, through the real runtimes (Pyodide, webR,
// the WASI shim) — the same engines the browser runs — against expected/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareOutputs } from "../../src/lib/compare.ts";
import { listTaskIds, loadTask, readModuleFile, readSolution } from "../../src/lib/task.ts";
import { LANGS } from "../../src/runners/protocol.ts";
import { staleUnits } from "../../scripts/lib/wasm-manifest.ts";
import { readInputs, startRuntimes, type NodeRuntimes } from "../helpers/runtimes.ts";

let runtimes: NodeRuntimes;
beforeAll(async () => {
  runtimes = await startRuntimes();
});
afterAll(() => runtimes?.close());

describe("public/wasm", () => {
  it("was built from the current Rust sources", () => {
    expect(staleUnits().map((u) => u.source), "Run `npm run build:wasm` and commit public/wasm").toEqual([]);
  });
});

describe.each(listTaskIds())("task %s", (id) => {
  const task = loadTask(id);
  const files = readInputs(id, task.files);

  describe.each(task.cases)("case $id", (c) => {
    const expected = readModuleFile(id, c.expected);
    const printed = new Map<string, string>();
    it.each(LANGS)("%s prints the expected output", async (lang) => {
      const result = await runtimes.run(lang, id, { code: readSolution(id, lang), files, args: c.args });
      expect(result.stderr, "no error output").toBe("");
      expect(result.exitCode).toBe(0);
      printed.set(lang, result.stdout);
      const verdict = compareOutputs(expected, result.stdout, task.compare);
      expect(verdict.ok ? "match" : verdict.message).toBe("match");
    });
    // A numeric tolerance is for the ecosystem libraries; the three core solutions
    // follow one rounding rule and must print the same bytes.
    it("the three languages print byte-identical output", () => {
      expect([...printed.keys()], "every language ran").toEqual([...LANGS]);
      const [first, ...others] = LANGS.map((lang) => printed.get(lang)!);
      for (const [i, other] of others.entries()) {
        const verdict = compareOutputs(first!, other);
        expect(verdict.ok ? "identical" : `${LANGS[0]} vs ${LANGS[i + 1]}: ${verdict.message}`).toBe("identical");
      }
    });
  });

  describe.each(task.errorCases)("bad input: $id", (c) => {
    it.each(LANGS)("%s fails with a clear message", async (lang) => {
      const result = await runtimes.run(lang, id, { code: readSolution(id, lang), files, args: c.args });
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toContain(c.stderrIncludes);
      expect(result.stdout).toBe("");
    });
  });
});
