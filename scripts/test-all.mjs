#!/usr/bin/env node
// `npm test`: every test, in the order that fails fastest. The e2e tests need the
// production build, so the site is built first.
import { spawnSync } from "node:child_process";

const steps = [
  ["system tools", "node", ["scripts/ensure-system.mjs"]],
  ["committed data matches its generators", "node", ["scripts/generate-data.ts", "--check"]],
  ["committed WASM matches its Rust sources", "node", ["scripts/build-wasm.ts", "--check"]],
  ["unit tests", "vitest", ["run", "--project", "unit"]],
  ["type check", "astro", ["check"]],
  ["site build", "astro", ["build"]],
  ["equivalence, native and e2e tests", "vitest", ["run", "--project", "equivalence", "--project", "native", "--project", "e2e"]],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log("\nAll tests passed.");
