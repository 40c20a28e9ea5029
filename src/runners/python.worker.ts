/// <reference lib="webworker" />
// Python's Web Worker: Pyodide runs here so a runaway program never blocks the page.
import type { PyodideAPI } from "pyodide";
import { prefetch } from "./fetch-progress.ts";
import { runtimeFile } from "./runtime-paths.ts";
import type { FromWorker, RunRequest, ToWorker } from "./protocol.ts";
import { runPython } from "./python-engine.ts";

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => self.postMessage(msg);
let pyodide: PyodideAPI | null = null;

self.onmessage = async (event: MessageEvent<ToWorker & { interruptBuffer?: Int32Array }>) => {
  const msg = event.data;
  if (msg.type === "run") return run(msg.id, msg.request);
  try {
    {
      const url = msg.runtimeUrl;
      post({ type: "progress", phase: "Downloading Python", fraction: 0 });
      await prefetch([runtimeFile("pyodide", "pyodide.asm.wasm"), runtimeFile("pyodide", "python_stdlib.zip")], (fraction) =>
        post({ type: "progress", phase: "Downloading Python", fraction: fraction * 0.9 }),
      );
      post({ type: "progress", phase: "Starting Python", fraction: 0.95 });
      const { loadPyodide } = (await import(/* @vite-ignore */ `${url}pyodide.mjs`)) as typeof import("pyodide");
      pyodide = await loadPyodide({ indexURL: url, packages: [] });
      if (msg.interruptBuffer) pyodide.setInterruptBuffer(msg.interruptBuffer);
      const python = pyodide.runPython("import sys; '.'.join(map(str, sys.version_info[:3]))") as string;
      post({ type: "ready", version: `Python ${python} (Pyodide ${pyodide.version})` });
    }
  } catch (e) {
    post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
  }
};

async function run(id: number, request: RunRequest) {
  try {
    if (!pyodide) throw new Error("Python is not loaded yet.");
    const result = await runPython(pyodide, request, {
      stdout: (text) => post({ type: "stdout", id, text }),
      stderr: (text) => post({ type: "stderr", id, text }),
    });
    post({ type: "result", id, result });
  } catch (e) {
    // Python's own errors are caught inside the run and end as a traceback; an error
    // reaching here came from the runtime itself (e.g. WebAssembly memory exhausted),
    // after which Pyodide is unusable: the page replaces this worker.
    post({ type: "fatal", message: `Python stopped working: ${e instanceof Error ? e.message : String(e)}.` });
  }
}
