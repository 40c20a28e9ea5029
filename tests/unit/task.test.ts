import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTask } from "../../src/lib/task.ts";

// The module template is a complete, valid task: start from it and break one thing.
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ru-task-"));
  cpSync("scripts/templates/module", join(root, "05-demo"), { recursive: true });
  const taskFile = join(root, "05-demo", "task.json");
  writeFileSync(taskFile, readFileSync(taskFile, "utf8").replaceAll("{{id}}", "05-demo").replaceAll("{{title}}", "Demo"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const edit = (change: (task: Record<string, unknown>) => void) => {
  const file = join(root, "05-demo", "task.json");
  const task = JSON.parse(readFileSync(file, "utf8"));
  change(task);
  writeFileSync(file, JSON.stringify(task));
};

describe("loadTask", () => {
  it("loads the template task", () => {
    const task = loadTask("05-demo", root);
    expect(task.cases[0]!.args).toEqual(["data/input.txt"]);
    expect(task.errorCases).toHaveLength(1);
  });

  it("names the field and the schema file when a field is wrong", () => {
    edit((t) => ((t.compare as Record<string, unknown>).mode = "fuzzy"));
    expect(() => loadTask("05-demo", root)).toThrow(/does not match the task schema \(src\/lib\/task-schema.ts\):\n  - compare\.mode/);
  });

  it("rejects a path that leaves the module folder", () => {
    edit((t) => (t.files = ["../secret.txt"]));
    expect(() => loadTask("05-demo", root)).toThrow(/files\.0: a path relative to the module folder/);
  });

  it("says which referenced file is missing", () => {
    edit((t) => (t.files = ["data/nope.txt"]));
    expect(() => loadTask("05-demo", root)).toThrow("refers to data/nope.txt, which does not exist in exercises/05-demo/");
  });

  it("requires the id to equal the folder name", () => {
    edit((t) => (t.id = "06-other"));
    expect(() => loadTask("05-demo", root)).toThrow('"id" is "06-other" but the folder is "05-demo"');
  });

  it("points to the scaffold when the task does not exist", () => {
    expect(() => loadTask("09-missing", root)).toThrow("npm run new-module -- 09-missing");
  });

  it("reports invalid JSON with the file name", () => {
    writeFileSync(join(root, "05-demo", "task.json"), "{ nope");
    expect(() => loadTask("05-demo", root)).toThrow(/task\.json is not valid JSON/);
  });
});
