// Runs a compiled WASI module (a Rust program) with @bjorn3/browser_wasi_shim.
// The same function serves the browser worker and the Node tests.
import {
  ConsoleStdout,
  Directory,
  File,
  OpenFile,
  PreopenDirectory,
  WASI,
  type Inode,
} from "@bjorn3/browser_wasi_shim";
import { CappedStream, type OutputSink, type RunRequest, type RunResult } from "./protocol.ts";

const encoder = new TextEncoder();

/** Builds the directory tree for the preopened "." from flat relative paths. */
export function mountFiles(files: RunRequest["files"]): Map<string, Inode> {
  const root = new Map<string, Inode>();
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split("/").filter((p) => p && p !== ".");
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.get(part);
      if (!(next instanceof Directory)) {
        next = new Directory(new Map());
        dir.set(part, next);
      }
      dir = (next as Directory).contents;
    }
    const bytes = typeof content === "string" ? encoder.encode(content) : content;
    dir.set(parts[parts.length - 1]!, new File(bytes, { readonly: true }));
  }
  return root;
}

export async function runWasi(
  module: WebAssembly.Module,
  request: RunRequest,
  sink: OutputSink,
): Promise<RunResult> {
  const out = new CappedStream((t) => sink.stdout(t));
  const err = new CappedStream((t) => sink.stderr(t));
  const decOut = new TextDecoder();
  const decErr = new TextDecoder();
  const root = new PreopenDirectory(".", mountFiles(request.files));
  const fds = [
    new OpenFile(new File(encoder.encode(request.stdin ?? ""))),
    new ConsoleStdout((b) => out.write(decOut.decode(b, { stream: true }))),
    new ConsoleStdout((b) => err.write(decErr.decode(b, { stream: true }))),
    root,
  ];
  const wasi = new WASI(["main", ...request.args], [], fds, { debug: false });
  const start = performance.now();
  let exitCode: number;
  try {
    const instance = await WebAssembly.instantiate(module, {
      wasi_snapshot_preview1: wasi.wasiImport,
    });
    exitCode = wasi.start(instance as unknown as Parameters<WASI["start"]>[0]);
  } catch (e) {
    // A Rust panic under panic=abort ends in a wasm trap after the panic message has
    // been written to stderr; a stack overflow traps without a message.
    const message = e instanceof Error ? e.message : String(e);
    err.write(`\n[the program aborted: ${message}]\n`);
    exitCode = 101;
  }
  const elapsedMs = performance.now() - start;
  out.write(decOut.decode());
  err.write(decErr.decode());
  return {
    stdout: out.text,
    stderr: err.text,
    exitCode,
    files: collectWritten(root, request.files),
    images: [],
    elapsedMs,
    truncated: out.truncated || err.truncated || undefined,
  };
}

function collectWritten(root: PreopenDirectory, inputs: RunRequest["files"]): Record<string, Uint8Array> {
  const written: Record<string, Uint8Array> = {};
  const walk = (dir: Directory, prefix: string) => {
    for (const [name, node] of dir.contents) {
      const path = prefix + name;
      if (node instanceof Directory) walk(node, path + "/");
      else if (node instanceof File && !(path in inputs)) written[path] = node.data;
    }
  };
  walk(root.dir, "");
  return written;
}
