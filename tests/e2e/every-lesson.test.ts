// Every lesson in a real browser: for each case of its task, "Run all three" runs
// Rust, Python and R on the same input and the page reports that they agree with
// each other and with the expected output; the first bad-input case is rejected by
// all three. (tests/e2e/lesson-runners.test.ts goes deeper on module 01.)
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadTask } from "../../src/lib/task.ts";
import { openSite, type Site } from "./harness.ts";

const lessons = readdirSync("content/modules")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.slice(0, -4))
  .sort();

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const verdict = (page: Page) => page.locator("ru-triptych [data-agreement]").textContent();

describe.each(lessons)("lesson %s", (id) => {
  const task = loadTask(id);
  let page: Page;
  beforeAll(async () => {
    page = await site.newPage();
    await page.goto(`${site.url}modules/${id}/`);
    await page.evaluate(() => customElements.whenDefined("ru-triptych"));
  });
  afterAll(async () => page?.close());

  it.each(task.cases)("case $id: the three languages agree with the expected output", async (c) => {
    await page.locator("ru-triptych [data-case]").selectOption(c.id);
    await page.locator('ru-triptych [data-action="run-all"]').click();
    // Wait for a verdict (any), then require the good one, so a failure shows what the page said.
    await expect.poll(() => verdict(page), { timeout: 120_000 }).toMatch(/All three agree|differ|did not finish|not with/);
    expect(await verdict(page)).toContain("All three agree, and match the expected output");
  });

  it("has a bad-input case", () => {
    expect(task.errorCases.length).toBeGreaterThan(0);
  });

  const bad = task.errorCases[0];
  if (bad) it("bad input: all three reject it with a clear message", async () => {
    await page.locator("ru-triptych [data-case]").selectOption(`error:${bad.id}`);
    await page.locator('ru-triptych [data-action="run-all"]').click();
    await expect.poll(() => verdict(page), { timeout: 120_000 }).toMatch(/reject/);
    expect(await verdict(page)).toContain("All three reject the bad input");
    for (const lang of ["rust", "python", "r"]) {
      expect(await page.locator(`ru-triptych ru-runner[data-runner-lang="${lang}"] [data-output]`).textContent()).toContain(bad.stderrIncludes);
    }
  });
});
