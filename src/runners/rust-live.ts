// Runs edited Rust: build it on a backend (rust-backend.ts), then run the module in
// this browser's Rust worker — or take the Playground's output when it ran there.
// Every outcome becomes an ordinary RunResult plus the compiler's messages, so the
// panels that show it do not care which backend was used.
import type { Runner } from "./client.ts";
import type { OutputSink, RunRequest, RunResult } from "./protocol.ts";
import { buildRust, type CompilerMessage, type RustBuild } from "./rust-backend.ts";
import { inlinePathModules } from "../lib/rust-path-modules.ts";

export interface LiveRustRun {
  result: RunResult;
  messages: CompilerMessage[];
  build: RustBuild["kind"];
  backend?: "workshop" | "playground";
}

const failed = (stderr: string): RunResult => ({ stdout: "", stderr, exitCode: 1, files: {}, images: [], elapsedMs: 0 });

export async function runEditedRust(runner: Runner, edited: RunRequest, sink: OutputSink): Promise<LiveRustRun> {
  const { pathModules = {}, ...request } = edited;
  const source = inlinePathModules(request.code, pathModules);
  // Messages about an inlined module point at its `mod` line in the learner's editor.
  const inEditor = (m: CompilerMessage): CompilerMessage => ({
    ...m,
    line: source.originalLine(m.line),
    endLine: source.originalLine(m.endLine),
  });
  const build = await buildRust(source.code);
  switch (build.kind) {
    case "wasm": {
      const result = await runner.run({ ...request, wasm: build.wasm }, sink);
      return { result, messages: build.warnings.map(inEditor), build: build.kind, backend: build.backend };
    }
    case "ran": {
      if (Object.keys(request.files).length > 0 || request.args.length > 0) {
        sink.stderr("[The Rust Playground ran this without the task's input files or arguments.]\n");
      }
      sink.stdout(build.stdout);
      sink.stderr(build.stderr);
      const result = { stdout: build.stdout, stderr: build.stderr, exitCode: build.exitCode, files: {}, images: [], elapsedMs: 0 };
      return { result, messages: [], build: build.kind, backend: build.backend };
    }
    case "compile-error":
      sink.stderr(build.rendered + "\n");
      return { result: failed(build.rendered + "\n"), messages: build.messages.map(inEditor), build: build.kind, backend: build.backend };
    case "refused": {
      const message = `Not sent to the compiler: ${build.message}\n`;
      sink.stderr(message);
      const marker: CompilerMessage = {
        level: "error",
        message: build.message,
        code: null,
        line: source.originalLine(build.line),
        column: build.column,
        endLine: source.originalLine(build.line),
        endColumn: build.column + 1,
        rendered: build.message,
      };
      return { result: failed(message), messages: [marker], build: build.kind };
    }
    case "unavailable":
      sink.stderr(build.message + "\n");
      return { result: failed(build.message + "\n"), messages: [], build: build.kind };
  }
}
