// Loads a module's task and its core solutions from exercises/ (build time and tests).
// This is the one place lessons, tests and scripts get code from, so a lesson can
// only ever show what the tests execute.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import type { Lang } from "../runners/protocol.ts";
import { readJsonFile } from "./json-file.ts";
import { pathModules } from "./rust-path-modules.ts";
import { TaskSchema, type Task } from "./task-schema.ts";

export const EXERCISES_DIR = join(process.cwd(), "exercises");

export const SOLUTION_FILES: Record<Lang, string> = {
  rust: "rust/main.rs",
  python: "python/main.py",
  r: "r/main.R",
};

export class TaskError extends Error {}

export function moduleDir(id: string, root = EXERCISES_DIR): string {
  return join(root, id);
}

export function listTaskIds(): string[] {
  return readdirSync(EXERCISES_DIR)
    .filter((d) => existsSync(join(EXERCISES_DIR, d, "task.json")))
    .sort();
}

export function loadTask(id: string, root = EXERCISES_DIR): Task {
  const file = join(moduleDir(id, root), "task.json");
  if (!existsSync(file)) {
    throw new TaskError(`No task "${id}": ${file} does not exist. Create it with \`npm run new-module -- ${id}\`.`);
  }
  const task = readJsonFile(file, TaskSchema, "task schema (src/lib/task-schema.ts)", (m) => new TaskError(m));
  if (task.id !== id) throw new TaskError(`${file}: "id" is "${task.id}" but the folder is "${id}"; make them equal.`);
  for (const path of [...task.files, ...task.cases.map((c) => c.expected), ...Object.values(SOLUTION_FILES)]) {
    if (!existsSync(join(moduleDir(id, root), path))) {
      throw new TaskError(`${file} refers to ${path}, which does not exist in exercises/${id}/.`);
    }
  }
  if (!task.cases.some((c) => c.id === task.scaling.case)) {
    throw new TaskError(`${file}: scaling.case "${task.scaling.case}" is not one of the cases' ids.`);
  }
  return task;
}

export function readModuleFile(id: string, path: string): string {
  return readFileSync(join(moduleDir(id), path), "utf8");
}

/** A module file as it is on disk (inputs may be binary). */
export function readModuleBytes(id: string, path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(moduleDir(id), path)));
}

export function readSolution(id: string, lang: Lang): string {
  return readModuleFile(id, SOLUTION_FILES[lang]);
}

/**
 * The files the Rust solution reads with `#[path = "…"] mod name;`, keyed by the path as
 * written: the page puts them inline when a learner's edit is sent to the compile service.
 */
export function readRustPathModules(id: string): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const m of pathModules(readSolution(id, "rust"))) {
    const file = posix.normalize(posix.join(posix.dirname(SOLUTION_FILES.rust), m.path));
    if (file.startsWith("../")) {
      throw new TaskError(`exercises/${id}/${SOLUTION_FILES.rust}:${m.attrLine}: #[path = "${m.path}"] leaves the module's folder; keep the file inside exercises/${id}/.`);
    }
    modules[m.path] = readModuleFile(id, file);
  }
  return modules;
}
