// Writes every module's scale-1 input files into exercises/<module>/data/.
//
//   node scripts/generate-data.ts            write (or rewrite) the files
//   node scripts/generate-data.ts --check    exit 1 if a committed file differs
//   node scripts/generate-data.ts --only 05-x   only that module (authors working side by side)
//
// Inputs are never downloaded: they come from the seeded generators in
// src/lib/inputs/<module-id>.ts, the same code the browser runs to build larger inputs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ModuleInputs } from "../src/lib/inputs/index.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const inputsDir = join(root, "src", "lib", "inputs");
const check = process.argv.includes("--check");
let stale = 0;

const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const moduleFiles = readdirSync(inputsDir)
  .filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f) && (!only || f === `${only}.ts`))
  .sort();
if (only && moduleFiles.length === 0) {
  console.error(`No generator src/lib/inputs/${only}.ts.`);
  process.exit(1);
}
for (const file of moduleFiles) {
  const module = file.slice(0, -3);
  if (!existsSync(join(root, "exercises", module))) {
    console.error(`src/lib/inputs/${file} has no exercises/${module}/ folder: rename it to the module's id.`);
    process.exit(1);
  }
  const inputs = (await import(pathToFileURL(join(inputsDir, file)).href)) as ModuleInputs;
  const files = { ...inputs.generate(1), ...inputs.errorInputs };
  for (const [relative, text] of Object.entries(files)) {
    const path = join(root, "exercises", module, relative);
    if (check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
        console.error(`stale: ${path} (run: npm run generate-data)`);
        stale++;
      }
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${join("exercises", module, relative)} (${text.length} bytes)`);
  }
}

if (check && stale > 0) process.exit(1);
