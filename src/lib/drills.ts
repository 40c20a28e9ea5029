// Loads a module's drills from exercises/<module>/drills/<id>/ (build time and tests).
// A broken drill fails the build with a message naming the file and the fix.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../runners/protocol.ts";
import { DrillSchema, type Drill } from "./drill-schema.ts";
import { readJsonFile } from "./json-file.ts";
import { EXERCISES_DIR } from "./task.ts";

export const LANG_EXT: Record<Lang, string> = { python: "py", r: "R", rust: "rs" };

export interface DrillEntry {
  /** "<module>/<drill id>", unique site-wide; progress is stored under it. */
  key: string;
  id: string;
  module: string;
  drill: Drill;
  /** The prompt (markdown). */
  prompt: string;
  starter: string;
  solution: string;
  /** Hidden check code appended to the learner's code (check.type "hidden"). */
  checkCode?: string;
  /** Expected output (check.type "stdout"). */
  expected?: string;
  /** Input files the check mounts, by path, read from the module folder. */
  files: Record<string, string>;
}

export class DrillError extends Error {}

function read(path: string, why: string): string {
  if (!existsSync(path)) throw new DrillError(`${path} is missing: ${why}`);
  return readFileSync(path, "utf8");
}

export function loadDrill(module: string, id: string, root = EXERCISES_DIR): DrillEntry {
  const dir = join(root, module, "drills", id);
  const file = join(dir, "drill.json");
  if (!existsSync(file)) throw new DrillError(`${file} is missing: every drill folder needs a drill.json (see src/lib/drill-schema.ts)`);
  const drill = readJsonFile(file, DrillSchema, "drill schema (src/lib/drill-schema.ts)", (m) => new DrillError(m));
  const ext = LANG_EXT[drill.lang];
  const entry: DrillEntry = {
    key: `${module}/${id}`,
    id,
    module,
    drill,
    prompt: read(join(dir, "prompt.md"), "write the drill's prompt there (short markdown)"),
    starter: read(join(dir, `starter.${ext}`), `the code the learner starts from, in ${drill.lang}`),
    solution: read(join(dir, `solution.${ext}`), "the reference solution, which must pass the check"),
    files: {},
  };
  const check = drill.check;
  for (const path of check.files) {
    entry.files[path] = read(join(root, module, path), `check.files names it; paths are inside exercises/${module}/`);
  }
  if (check.type === "hidden") {
    entry.checkCode = read(join(dir, `check.${ext}`), `a "hidden" check appends this ${drill.lang} code to the learner's`);
  } else {
    entry.expected = read(join(dir, check.expected), "check.expected names it; put the expected output beside drill.json");
  }
  return entry;
}

export function listDrills(module: string, root = EXERCISES_DIR): DrillEntry[] {
  const dir = join(root, module, "drills");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => loadDrill(module, d.name, root))
    .sort((a, b) => a.drill.order - b.drill.order || a.id.localeCompare(b.id));
}
