// Writes every module's scale-1 input files into exercises/<module>/data/.
//
//   node scripts/generate-data.ts            write (or rewrite) the files
//   node scripts/generate-data.ts --check    exit 1 if a committed file differs
//
// Inputs are never downloaded: they come from the seeded generators in
// src/lib/inputs/, the same code the browser runs to build larger inputs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fastaGcErrorInputs, fastaGcInput } from "../src/lib/inputs/fasta-gc.ts";

interface ModuleInputs {
  /** Seeded generator; scale 1 is what gets committed. */
  generate: (scale: number) => Record<string, string>;
  /** Small fixed files (error cases), written as they are. */
  fixed?: Readonly<Record<string, string>>;
}

const MODULES: Record<string, ModuleInputs> = {
  "01-fasta-gc": { generate: fastaGcInput, fixed: fastaGcErrorInputs },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
let stale = 0;

for (const [module, inputs] of Object.entries(MODULES)) {
  const files = { ...inputs.generate(1), ...inputs.fixed };
  for (const [relative, text] of Object.entries(files)) {
    const path = join(root, "exercises", module, relative);
    if (check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
        console.error(`stale: ${path} (run: node scripts/generate-data.ts)`);
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
