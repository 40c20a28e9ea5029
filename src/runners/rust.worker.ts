/// <reference lib="webworker" />
// Rust's Web Worker: runs compiled WASI modules. Terminating this worker is the only
// way to stop a busy WebAssembly loop, which is why it is a worker at all.
import { RuntimeLoadError } from "./fetch-progress.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import { runWasi } from "./rust-engine.ts";

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => self.postMessage(msg);
const compiled = new Map<string, Promise<WebAssembly.Module>>();

function moduleFor(wasm: Uint8Array | string): Promise<WebAssembly.Module> {
  if (typeof wasm !== "string") return WebAssembly.compile(wasm as BufferSource);
  let cached = compiled.get(wasm);
  if (!cached) {
    cached = fetch(wasm).then(async (response) => {
      if (!response.ok) {
        throw new RuntimeLoadError(
          `Could not load the compiled Rust program ${wasm}: HTTP ${response.status}. Rebuild the site (\`npm run build\`); authors run \`npm run build:wasm\` after editing Rust.`,
        );
      }
      return WebAssembly.compileStreaming(response);
    });
    cached.catch(() => compiled.delete(wasm));
    compiled.set(wasm, cached);
  }
  return cached;
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === "init") {
    post({ type: "ready", version: "WASI (wasm32)" });
    return;
  }
  let module: WebAssembly.Module;
  try {
    if (!msg.request.wasm) throw new Error("No compiled Rust module was given to run.");
    module = await moduleFor(msg.request.wasm);
  } catch (e) {
    // A missing or cut-off download: compiling a truncated module fails here too.
    const message = e instanceof RuntimeLoadError ? e.message : `The compiled Rust program could not be loaded (${e instanceof Error ? e.message : String(e)}); it may be damaged or incomplete.`;
    post({
      type: "result",
      id: msg.id,
      result: { stdout: "", stderr: message + "\n", exitCode: 1, files: {}, images: [], elapsedMs: 0, loadFailed: true },
    });
    return;
  }
  try {
    const result = await runWasi(module, msg.request, {
      stdout: (text) => post({ type: "stdout", id: msg.id, text }),
      stderr: (text) => post({ type: "stderr", id: msg.id, text }),
    });
    post({ type: "result", id: msg.id, result });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    post({
      type: "result",
      id: msg.id,
      result: { stdout: "", stderr: message + "\n", exitCode: 1, files: {}, images: [], elapsedMs: 0 },
    });
  }
};
