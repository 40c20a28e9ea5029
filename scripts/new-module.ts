// Scaffolds a module: `npm run new-module -- 02-kmers "k-mers and motifs"`.
// Creates content/modules/<id>.mdx and exercises/<id>/ from scripts/templates/module,
// a tiny working task (count lines) whose three solutions already agree, so the
// tests pass from the first minute and the author replaces it piece by piece.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const [id, titleArg] = process.argv.slice(2);
if (!id || !/^\d\d-[a-z0-9-]+$/.test(id)) {
  console.error('Usage: npm run new-module -- <nn-slug> ["Title"]   e.g. npm run new-module -- 02-kmers "k-mers and motifs"');
  process.exit(1);
}
const title = titleArg ?? id.slice(3).replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
const exercise = join("exercises", id);
const lesson = join("content", "modules", `${id}.mdx`);
for (const path of [exercise, lesson]) {
  if (existsSync(path)) {
    console.error(`${path} already exists; choose another id or delete it first.`);
    process.exit(1);
  }
}
const clash = readdirSync(join("content", "modules")).find((f) => f.startsWith(id.slice(0, 3)));
if (clash) {
  console.error(`Module number ${id.slice(0, 2)} is taken by content/modules/${clash}.`);
  process.exit(1);
}

const fill = (text: string) =>
  text.replaceAll("{{id}}", id).replaceAll("{{title}}", title).replaceAll("{{number}}", String(Number(id.slice(0, 2))));

const template = join("scripts", "templates", "module");
mkdirSync(exercise, { recursive: true });
cpSync(template, exercise, { recursive: true });
renameSync(join(exercise, "lesson.mdx"), lesson);
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of [...walk(exercise), lesson]) writeFileSync(file, fill(readFileSync(file, "utf8")));

console.log(`Created ${lesson} and ${exercise}/`);
try {
  if (process.env.RU_SKIP_WASM) throw new Error("skipped");
  execFileSync(process.execPath, ["scripts/build-wasm.ts"], { stdio: "inherit" });
} catch {
  console.log("Compile the Rust solution when a wasm toolchain is available: npm run build:wasm");
}
console.log(`Next: write the task in ${exercise}/task.json, the data generator in src/lib/inputs/${id}.ts (export generate(scale)), the three solutions, then the lesson.`);
