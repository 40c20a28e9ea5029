// The one protocol every language runner speaks (DESIGN.md, "The runner layer").
// Engines implement `run` for one runtime; workers and the page-side client only
// move these messages around, so Node tests and the browser execute the same code.

export type Lang = "python" | "r" | "rust";

export const LANGS: readonly Lang[] = ["rust", "python", "r"];

export const LANG_LABEL: Record<Lang, string> = { rust: "Rust", python: "Python", r: "R" };

export interface RunRequest {
  /** Source code of the program (Python or R text; for Rust the source it was built from). */
  code: string;
  /** Input files mounted in the working directory, by relative path ("data/x.fasta"). */
  files: Record<string, string | Uint8Array>;
  /** Command-line arguments after the program name. */
  args: string[];
  stdin?: string;
  /** The run is stopped (and the worker restarted) after this many milliseconds. */
  timeoutMs?: number;
  /** Rust only: the compiled WASI module, as bytes or as a URL to fetch. */
  wasm?: Uint8Array | string;
  /**
   * Rust only: the text of the files `code` reads with `#[path = "…"] mod name;`, keyed by
   * the path as written, so that an edit of `code` can be compiled as one file.
   */
  pathModules?: Record<string, string>;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** 0 on success; 1 for an uncaught error; the program's own code otherwise. */
  exitCode: number;
  /** Files the program wrote in its working directory (inputs excluded). */
  files: Record<string, Uint8Array>;
  /** Plots the program drew (R), as PNG data URLs. */
  images: string[];
  /** Execution time of the program itself, without runtime start-up. */
  elapsedMs: number;
  /** Set when the run was ended by the timeout or the Stop button. */
  stopped?: "timeout" | "interrupt";
  /** Set when a file the run needs (runtime, compiled program) could not be downloaded or was damaged: Retry may fix it. */
  loadFailed?: boolean;
  /** Set when stdout or stderr passed the output cap and was cut. */
  truncated?: boolean;
}

export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Page → worker. */
export type ToWorker =
  | { type: "init"; runtimeUrl: string }
  | { type: "run"; id: number; request: RunRequest };

/** Worker → page. */
export type FromWorker =
  | { type: "progress"; phase: string; fraction: number }
  | { type: "ready"; version: string }
  | { type: "stdout"; id: number; text: string }
  | { type: "stderr"; id: number; text: string }
  | { type: "result"; id: number; result: RunResult }
  | { type: "fatal"; message: string };

/** Output beyond this many characters per stream is dropped with a notice. */
export const OUTPUT_CAP = 1_000_000;

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Caps a stream so a program printing 50 MB cannot exhaust the page. Returns the
 * accepted part of each chunk; once the cap is hit it reports truncation once.
 */
export class CappedStream {
  length = 0;
  truncated = false;
  text = "";
  private readonly forward: (text: string) => void;
  private readonly cap: number;
  constructor(forward: (text: string) => void, cap = OUTPUT_CAP) {
    this.forward = forward;
    this.cap = cap;
  }
  write(chunk: string): void {
    if (this.truncated) return;
    const room = this.cap - this.length;
    const part = chunk.length > room ? chunk.slice(0, room) : chunk;
    this.length += part.length;
    this.text += part;
    if (part) this.forward(part);
    if (part.length < chunk.length) {
      this.truncated = true;
      const notice = `\n[output truncated after ${this.cap.toLocaleString("en")} characters]\n`;
      this.text += notice;
      this.forward(notice);
    }
  }
}
