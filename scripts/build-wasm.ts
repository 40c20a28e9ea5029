// Compiles the Rust that runs in the browser ahead of time — every module's core
// solution, pipeline stages and extern "C" kernels (see scripts/lib/wasm-manifest.ts)
// — and records each source's sha256 in public/wasm/manifest.json. The .wasm files
// are committed so the site builds without a wasm toolchain; tests/equivalence fails
// when a source no longer matches its manifest entry.
//   node scripts/build-wasm.ts                 build what changed
//   node scripts/build-wasm.ts --check         only report stale modules (exit 1 if any)
//   node scripts/build-wasm.ts --only 05-x     only that module's units (authors working side by side)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { compileToWasm, findWasmToolchain, INSTALL_HINT } from "./lib/wasm-toolchain.ts";
import { readManifest, sourceHash, staleUnits, MANIFEST, wasmUnits } from "./lib/wasm-manifest.ts";

const check = process.argv.includes("--check");
const force = process.argv.includes("--force");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const inScope = (u: { source: string }) => !only || u.source.startsWith(`exercises/${only}/`);
const stale = (force ? wasmUnits() : staleUnits()).filter(inScope);

if (check) {
  if (stale.length === 0) {
    console.log("public/wasm is up to date.");
    process.exit(0);
  }
  console.error(`Stale WASM for: ${stale.map((u) => u.source).join(", ")}. Run \`npm run build:wasm\`.`);
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
// Drop entries whose source is gone (a renamed stage, a deleted module).
const current = new Set(wasmUnits().map((u) => u.source));
for (const source of Object.keys(manifest.units)) if (!current.has(source)) delete manifest.units[source];
let failed = false;
for (const unit of stale) {
  mkdirSync(dirname(unit.output), { recursive: true });
  const started = Date.now();
  const result = await compileToWasm(toolchain, unit.source, unit.output, { timeoutMs: 120_000, kind: unit.kind });
  if (!result.ok) {
    failed = true;
    console.error(`✗ ${unit.source}\n${result.stderr}`);
    continue;
  }
  const bytes = readFileSync(unit.output).byteLength;
  manifest.units[unit.source] = { output: unit.output, sha256: sourceHash(unit.source), bytes };
  console.log(`✓ ${unit.source} → ${unit.output}: ${(bytes / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`);
}
manifest.compiler = `${toolchain.version} --target ${toolchain.target}`;
writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
if (!existsSync(MANIFEST)) failed = true;
process.exit(failed ? 1 : 0);
