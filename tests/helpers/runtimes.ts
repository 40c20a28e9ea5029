// Starts the real runtimes in Node with the same engines the browser workers use.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide, type PyodideAPI } from "pyodide";
import { WebR } from "webr";
import { REngine } from "../../src/runners/r-engine.ts";
import { runPython } from "../../src/runners/python-engine.ts";
import { runWasi } from "../../src/runners/rust-engine.ts";
import type { Lang, OutputSink, RunRequest, RunResult } from "../../src/runners/protocol.ts";
import { moduleDir } from "../../src/lib/task.ts";

const quiet: OutputSink = { stdout: () => {}, stderr: () => {} };

export interface NodeRuntimes {
  run(lang: Lang, moduleId: string, request: Omit<RunRequest, "wasm">): Promise<RunResult>;
  runWasm(wasm: Uint8Array, request: RunRequest): Promise<RunResult>;
  close(): void;
}

export async function startRuntimes(): Promise<NodeRuntimes> {
  const [pyodide, webR] = await Promise.all([
    loadPyodide() as Promise<PyodideAPI>,
    (async () => {
      const w = new WebR({ interactive: false });
      await w.init();
      return w;
    })(),
  ]);
  const r = new REngine(webR);
  await r.attach();
  const modules = new Map<string, WebAssembly.Module>();
  const wasmFor = async (id: string) => {
    let m = modules.get(id);
    if (!m) {
      m = await WebAssembly.compile(readFileSync(join("public", "wasm", id, "main.wasm")));
      modules.set(id, m);
    }
    return m;
  };
  return {
    async run(lang, moduleId, request) {
      if (lang === "python") return runPython(pyodide, request, quiet);
      if (lang === "r") return r.run(request, quiet);
      return runWasi(await wasmFor(moduleId), request, quiet);
    },
    async runWasm(wasm, request) {
      return runWasi(await WebAssembly.compile(wasm as BufferSource), request, quiet);
    },
    close() {
      webR.close();
    },
  };
}

/** A task's input files as bytes, exactly as committed. */
export function readInputs(moduleId: string, files: string[]): Record<string, Uint8Array> {
  return Object.fromEntries(files.map((f) => [f, new Uint8Array(readFileSync(join(moduleDir(moduleId), f)))]));
}
