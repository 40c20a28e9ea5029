// Compiles every exercises/<module>/rust/main.rs to public/wasm/<module>/main.wasm
// and records each source's sha256 in public/wasm/manifest.json. The .wasm files are
// committed so the site builds without a wasm toolchain; tests/equivalence fails when
// a source no longer matches its manifest entry.
//   node scripts/build-wasm.ts            build what changed
//   node scripts/build-wasm.ts --check    only report stale modules (exit 1 if any)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { compileToWasm, findWasmToolchain, INSTALL_HINT } from "./lib/wasm-toolchain.ts";
import { readManifest, sourceHash, staleModules, WASM_DIR, MANIFEST, rustModules } from "./lib/wasm-manifest.ts";

const check = process.argv.includes("--check");
const force = process.argv.includes("--force");
const stale = force ? rustModules() : staleModules();

if (check) {
  if (stale.length === 0) {
    console.log("public/wasm is up to date.");
    process.exit(0);
  }
  console.error(`Stale WASM for: ${stale.join(", ")}. Run \`npm run build:wasm\`.`);
  process.exit(1);
}
if (stale.length === 0) {
  console.log("public/wasm is up to date; nothing to compile (use --force to rebuild).");
  process.exit(0);
}
const toolchain = findWasmToolchain();
if (!toolchain) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Compiling with ${toolchain.version} (${toolchain.target})`);
const manifest = readManifest();
let failed = false;
for (const id of stale) {
  const source = join("exercises", id, "rust", "main.rs");
  const outDir = join(WASM_DIR, id);
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const result = await compileToWasm(toolchain, source, join(outDir, "main.wasm"), { timeoutMs: 120_000 });
  if (!result.ok) {
    failed = true;
    console.error(`✗ ${id}\n${result.stderr}`);
    continue;
  }
  const size = readFileSync(join(outDir, "main.wasm")).byteLength;
  manifest.modules[id] = { source: source.replaceAll("\\", "/"), sha256: sourceHash(source), bytes: size };
  console.log(`✓ ${id}: ${(size / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`);
}
manifest.compiler = `${toolchain.version} --target ${toolchain.target}`;
writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
if (!existsSync(MANIFEST)) failed = true;
process.exit(failed ? 1 : 0);
