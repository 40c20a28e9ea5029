// Finds a rustc that can emit WASI modules. Two kinds exist on our machines:
// rustup with the `wasm32-wasip1` target, or Debian's rustc 1.63 with
// `libstd-rust-dev-wasm32` (target `wasm32-wasi`). Both produce modules that run
// under @bjorn3/browser_wasi_shim, so callers never need to know which one they got.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter } from "node:path";

export interface WasmToolchain {
  /** Absolute path of the rustc binary. */
  rustc: string;
  /** The WASI target triple this rustc has a standard library for. */
  target: "wasm32-wasip1" | "wasm32-wasi";
  /** First line of `rustc --version`. */
  version: string;
}

export const INSTALL_HINT =
  "No Rust compiler with a WASI target and the rust-lld linker was found. Install one of:\n" +
  "  apt-get install -y rustc libstd-rust-dev-wasm32 lld-14  (Debian: rustc 1.63, target wasm32-wasi)\n" +
  "  rustup target add wasm32-wasip1                         (rustup, needs internet)";

function versionOf(rustc: string): string | null {
  try {
    return execFileSync(rustc, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

function sysrootOf(rustc: string): string | null {
  try {
    return execFileSync(rustc, ["--print", "sysroot"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

function hasTarget(rustc: string, target: string): boolean {
  const sysroot = sysrootOf(rustc);
  return sysroot !== null && existsSync(`${sysroot}/lib/rustlib/${target}/lib`);
}

/** WASI targets link with rust-lld: rustup ships it in the sysroot, Debian's comes
 * from the lld-14 package (only a Recommends, so easy to miss). */
function hasLinker(rustc: string): boolean {
  const sysroot = sysrootOf(rustc);
  if (sysroot === null) return false;
  let host = "";
  try {
    host = /^host: (.+)$/m.exec(execFileSync(rustc, ["-vV"], { encoding: "utf8" }))?.[1] ?? "";
  } catch {
    return false;
  }
  const dirs = (process.env.PATH ?? "")
    .split(delimiter)
    .concat(`${sysroot}/lib/rustlib/${host}/bin`);
  for (const dir of dirs) {
    if (dir && existsSync(`${dir}/rust-lld`)) return true;
  }
  return false;
}

/** The first wasm-capable rustc: $WASM_RUSTC, then rustup's, then Debian's. */
export function findWasmToolchain(): WasmToolchain | null {
  const candidates = [process.env.WASM_RUSTC, "rustc", "/usr/bin/rustc"].filter((c): c is string =>
    Boolean(c),
  );
  for (const rustc of candidates) {
    const version = versionOf(rustc);
    if (!version) continue;
    for (const target of ["wasm32-wasip1", "wasm32-wasi"] as const) {
      if (hasTarget(rustc, target) && hasLinker(rustc)) return { rustc, target, version };
    }
  }
  return null;
}

/**
 * "release": small and fast modules for the committed solutions (≈2.3 s per compile).
 * "interactive": for learners' edits, where waiting matters more than the last 20 %
 * of run speed: opt-level 1 without LTO compiles ≈4× faster (measured in npm run bench).
 */
export type WasmProfile = "release" | "interactive";

/**
 * A program is a WASI command (main, stdin/stdout, files). A kernel is a library of
 * `extern "C"` functions with no imports at all, instantiated by hand from Python or
 * R through their runtimes' JavaScript bridges: wasm32-unknown-unknown where the
 * toolchain has it (Debian's does), else a WASI cdylib that uses no WASI call.
 */
export type WasmKind = "program" | "kernel";

export function kernelTarget(toolchain: WasmToolchain): string {
  return hasTarget(toolchain.rustc, "wasm32-unknown-unknown") ? "wasm32-unknown-unknown" : toolchain.target;
}

export function wasmFlags(
  toolchain: WasmToolchain,
  source: string,
  output: string,
  profile: WasmProfile = "release",
  kind: WasmKind = "program",
): string[] {
  const optimise =
    profile === "release"
      ? ["-C", "opt-level=3", "-C", "lto", "-C", "codegen-units=1"]
      : ["-C", "opt-level=1"];
  return [
    "--edition",
    "2021",
    ...(kind === "kernel" ? ["--crate-type", "cdylib"] : []),
    "--target",
    kind === "kernel" ? kernelTarget(toolchain) : toolchain.target,
    ...optimise,
    "-C",
    "strip=symbols",
    "-C",
    "panic=abort",
    source,
    "-o",
    output,
  ];
}

export interface CompileOutcome {
  ok: boolean;
  /** rustc's stderr (JSON diagnostics when `json` was asked for). */
  stderr: string;
  timedOut: boolean;
}

export interface CompileOptions {
  timeoutMs?: number;
  /** JSON diagnostics on stderr, one object per line. */
  json?: boolean;
  /** With `json`: colour the `rendered` text with ANSI escapes (default true). */
  renderedAnsi?: boolean;
  cwd?: string;
  /** rustc's whole environment (default: inherit this process's). */
  env?: Record<string, string>;
  /** Kills rustc like a timeout does (outcome: timedOut false, ok false). */
  signal?: AbortSignal;
  /** Optimisation profile (default "release"). */
  profile?: WasmProfile;
  /** A WASI program (default) or an extern "C" kernel library. */
  kind?: WasmKind;
}

/** Compiles one file; kills rustc (and its process group) after timeoutMs. */
export function compileToWasm(
  toolchain: WasmToolchain,
  source: string,
  output: string,
  opts: CompileOptions = {},
): Promise<CompileOutcome> {
  const args = wasmFlags(toolchain, source, output, opts.profile, opts.kind);
  if (opts.json && opts.renderedAnsi !== false)
    args.unshift("--error-format=json", "--json=diagnostic-rendered-ansi");
  else if (opts.json) args.unshift("--error-format=json");
  return new Promise((resolve) => {
    const child = spawn(toolchain.rustc, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    // rustc runs in its own process group (detached), so the linker it starts dies too.
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs ?? 60_000);
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    };
    child.on("close", (code) => {
      done();
      resolve({ ok: code === 0 && !timedOut && !aborted, stderr, timedOut });
    });
    child.on("error", (err) => {
      done();
      resolve({ ok: false, stderr: String(err), timedOut });
    });
  });
}
