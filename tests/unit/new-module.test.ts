import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTask } from "../../src/lib/task.ts";

const root = mkdtempSync(join(tmpdir(), "ru-scaffold-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync("scripts", join(root, "scripts"), { recursive: true });
mkdirSync(join(root, "content", "modules"), { recursive: true });
mkdirSync(join(root, "exercises"));
const script = resolve(root, "scripts/new-module.ts");
const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, RU_SKIP_WASM: "1" } });

describe("npm run new-module", () => {
  it("creates a lesson and a valid, complete task with every placeholder filled", () => {
    const r = run("42-demo-task", "A demo task");
    expect(r.status, r.stderr).toBe(0);
    const task = loadTask("42-demo-task", join(root, "exercises"));
    expect(task.title).toBe("A demo task");
    const lesson = readFileSync(join(root, "content", "modules", "42-demo-task.mdx"), "utf8");
    expect(lesson).toContain("number: 42");
    expect(lesson).toContain('<TaskTriptych task="42-demo-task" />');
    const left = spawnSync("grep", ["-rl", "{{", join(root, "exercises"), join(root, "content")], { encoding: "utf8" });
    expect(left.stdout).toBe("");
  });

  it("refuses a bad id, an existing module and a taken number", () => {
    expect(run("demo").stderr).toContain("Usage: npm run new-module");
    expect(run("42-demo-task").stderr).toContain("already exists");
    expect(run("42-other").stderr).toContain("Module number 42 is taken");
  });
});
