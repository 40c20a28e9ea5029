// The stale check of the precompiled Rust: a source is stale when it, or a module it
// pulls in with #[path], changes.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sourceFiles, sourceHash } from "../../scripts/lib/wasm-manifest.ts";

const dir = mkdtempSync(join(tmpdir(), "ru-wasm-manifest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sourceHash", () => {
  mkdirSync(join(dir, "kernel"));
  mkdirSync(join(dir, "shared"));
  const kernel = join(dir, "kernel", "k.rs");
  const core = join(dir, "shared", "core.rs");
  writeFileSync(kernel, '#[path = "../shared/core.rs"]\nmod core;\n');
  writeFileSync(core, "pub fn count() {}\n");

  it("follows #[path] modules", () => {
    expect(sourceFiles(kernel)).toEqual([kernel, core]);
  });

  it("changes when only the shared module changes", () => {
    const before = sourceHash(kernel);
    writeFileSync(core, "pub fn count() { /* faster */ }\n");
    expect(sourceHash(kernel)).not.toBe(before);
  });

  it("ignores Windows line endings", () => {
    const plain = join(dir, "plain.rs");
    writeFileSync(plain, "fn main() {}\n");
    const unix = sourceHash(plain);
    writeFileSync(plain, "fn main() {}\r\n");
    expect(sourceHash(plain)).toBe(unix);
  });
});
