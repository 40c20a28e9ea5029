// The manifest that ties each committed .wasm to the exact Rust source it came from.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const WASM_DIR = join("public", "wasm");
export const MANIFEST = join(WASM_DIR, "manifest.json");

export interface WasmManifest {
  /** rustc version and target that produced the modules. */
  compiler?: string;
  modules: Record<string, { source: string; sha256: string; bytes: number }>;
}

export function sourceHash(path: string): string {
  // Line endings are normalised so a Windows checkout does not look stale.
  const text = readFileSync(path, "utf8").replace(/\r\n/g, "\n");
  return createHash("sha256").update(text).digest("hex");
}

export function readManifest(): WasmManifest {
  if (!existsSync(MANIFEST)) return { modules: {} };
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as WasmManifest;
}

export function rustModules(): string[] {
  return readdirSync("exercises")
    .filter((id) => existsSync(join("exercises", id, "rust", "main.rs")))
    .sort();
}

/** Modules whose main.rs changed since its .wasm was built (or that have none). */
export function staleModules(): string[] {
  const manifest = readManifest();
  return rustModules().filter((id) => {
    const entry = manifest.modules[id];
    return (
      !entry ||
      !existsSync(join(WASM_DIR, id, "main.wasm")) ||
      entry.sha256 !== sourceHash(join("exercises", id, "rust", "main.rs"))
    );
  });
}
