// The manifest that ties each committed .wasm to the exact Rust source it came from.
// Three kinds of Rust are compiled ahead of time:
//   exercises/<m>/rust/main.rs            → public/wasm/<m>/main.wasm     a WASI program (the core solution)
//   exercises/<m>/stages/<s>/rust/main.rs → public/wasm/<m>/<s>.wasm      a WASI program (one pipeline stage)
//   exercises/<m>/kernel/<k>.rs           → exercises/<m>/kernel/<k>.wasm a library with extern "C" exports,
//                                           loaded by Python and R code through their runtimes' JS bridges
//                                           (it sits beside its source because the task mounts it as a file)
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

export const WASM_DIR = join("public", "wasm");
export const MANIFEST = join(WASM_DIR, "manifest.json");

export interface WasmUnit {
  /** Rust source, relative to the repository root (forward slashes). */
  source: string;
  /** The .wasm it compiles to. */
  output: string;
  /** A WASI program with a main, or a library of extern "C" functions. */
  kind: "program" | "kernel";
}

export interface WasmManifest {
  /** rustc version and target that produced the modules. */
  compiler?: string;
  /** By source path. */
  units: Record<string, { output: string; sha256: string; bytes: number }>;
}

/**
 * The files a Rust source compiles from: itself and, recursively, the modules it
 * pulls in with `#[path = "…"]` (module 12 shares one k-mer core between its kernel
 * and its program), so editing the shared file makes both stale.
 */
export function sourceFiles(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const text = readFileSync(path, "utf8");
  const included = [...text.matchAll(/#\[path\s*=\s*"([^"]+)"\]/g)].map((m) => join(dirname(path), m[1]!).replaceAll("\\", "/"));
  return [path, ...included.flatMap((p) => sourceFiles(p, seen))];
}

export function sourceHash(path: string): string {
  // Line endings are normalised so a Windows checkout does not look stale.
  const text = (file: string) => readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  const [, ...included] = sourceFiles(path);
  const hash = createHash("sha256").update(text(path));
  for (const file of included) hash.update(`\n#[path] ${file}\n`).update(text(file));
  return hash.digest("hex");
}

export function readManifest(): WasmManifest {
  if (!existsSync(MANIFEST)) return { units: {} };
  const parsed = JSON.parse(readFileSync(MANIFEST, "utf8")) as Partial<WasmManifest>;
  return { compiler: parsed.compiler, units: parsed.units ?? {} };
}

const dirs = (path: string) =>
  existsSync(path) ? readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

/** Every Rust source that is compiled ahead of time, in a stable order. */
export function wasmUnits(): WasmUnit[] {
  const units: WasmUnit[] = [];
  for (const id of dirs("exercises")) {
    const main = `exercises/${id}/rust/main.rs`;
    if (existsSync(main)) units.push({ source: main, output: `${WASM_DIR}/${id}/main.wasm`, kind: "program" });
    for (const stage of dirs(`exercises/${id}/stages`)) {
      const source = `exercises/${id}/stages/${stage}/rust/main.rs`;
      if (existsSync(source)) units.push({ source, output: `${WASM_DIR}/${id}/${stage}.wasm`, kind: "program" });
    }
    const kernels = `exercises/${id}/kernel`;
    if (existsSync(kernels)) {
      for (const file of readdirSync(kernels).filter((f) => f.endsWith(".rs")).sort()) {
        units.push({ source: `${kernels}/${file}`, output: `${kernels}/${file.replace(/\.rs$/, ".wasm")}`, kind: "kernel" });
      }
    }
  }
  return units;
}

/** Units whose source changed since their .wasm was built (or that have none). */
export function staleUnits(): WasmUnit[] {
  const manifest = readManifest();
  return wasmUnits().filter((unit) => {
    const entry = manifest.units[unit.source];
    return !entry || entry.output !== unit.output || !existsSync(unit.output) || entry.sha256 !== sourceHash(unit.source);
  });
}
