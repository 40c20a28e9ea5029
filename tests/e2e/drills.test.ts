// Drills in a real browser: type a solution, Check it, earn XP, reload and find the
// code, the pass and the XP still there; a Rust drill through the compile service.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { startCompileService, type CompileService } from "../../scripts/lib/compile-service.ts";
import { openSite, type Site } from "./harness.ts";

const LESSON = "modules/01-fasta-gc/";
const solution = (id: string, ext: string) => readFileSync(`exercises/01-fasta-gc/drills/${id}/solution.${ext}`, "utf8");

let service: CompileService;
let site: Site;
let page: Page;

beforeAll(async () => {
  service = await startCompileService({ port: 0, concurrency: 1 });
  const url = service.url.replace(/\/$/, "");
  site = await openSite({ allowOrigins: [url] });
  page = await site.newPage();
  await page.addInitScript((u) => {
    if (!localStorage.getItem("ru-rust-backend")) localStorage.setItem("ru-rust-backend", JSON.stringify({ mode: "workshop", workshopUrl: u }));
  }, url);
  await page.goto(site.url + LESSON);
});
afterAll(async () => {
  await site?.close();
  await service?.close();
});

const drill = (id: string) => page.locator(`ru-drill#drill-${id}`);
const xp = async () => Number((await page.locator("ru-xp-count").textContent())?.replace(/\D/g, "") || 0);

async function typeCode(d: Locator, code: string) {
  await d.scrollIntoViewIfNeeded();
  await d.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

async function check(d: Locator): Promise<string> {
  await d.locator('[data-action="check"]').click();
  await expect.poll(async () => d.locator("[data-feedback]").textContent(), { timeout: 90_000 }).toMatch(/^[✓✗]/);
  return (await d.locator("[data-feedback]").textContent())!;
}

describe("drills", () => {
  it("a Python drill: hints, a failing check that says why, then a pass that earns XP", async () => {
    const d = drill("py-gc-fraction");
    await d.scrollIntoViewIfNeeded();
    await expect.poll(() => d.locator(".cm-content").count(), { timeout: 30_000 }).toBe(1);
    expect(await d.locator('[data-action="solution"]').isDisabled()).toBe(true);
    await d.locator('[data-action="hint"]').click();
    expect(await d.locator("[data-hints] li:not([hidden])").count()).toBe(1);

    const failing = await check(d);
    expect(failing).toMatch(/^✗ Not yet: gc_fraction\(.+\) should be/);
    expect(await d.locator('[data-action="solution"]').isDisabled()).toBe(false);

    const before = await xp();
    await typeCode(d, solution("py-gc-fraction", "py"));
    expect(await check(d)).toBe("✓ Every check passed.");
    await expect.poll(xp).toBe(before + 20);
    expect(await d.getAttribute("data-check")).toBe("passed");
  });

  it("keeps the code, the pass and the XP across a reload", async () => {
    const earned = await xp();
    await page.reload();
    const d = drill("py-gc-fraction");
    await d.scrollIntoViewIfNeeded();
    await expect.poll(() => d.locator(".cm-content").textContent(), { timeout: 30_000 }).toContain("def gc_fraction");
    expect(await d.locator(".cm-content").textContent()).not.toContain("# Your code here.");
    await expect.poll(() => d.locator("[data-passed-badge]").isVisible()).toBe(true);
    await expect.poll(xp).toBe(earned);
  });

  it("an R drill with an output check names the first wrong value", async () => {
    const d = drill("r-fix-denominator");
    await d.scrollIntoViewIfNeeded();
    await expect.poll(() => d.locator(".cm-content").count(), { timeout: 30_000 }).toBe(1);
    const failing = await check(d);
    expect(failing).toMatch(/^✗ Not yet: line \d+: expected gc "[\d.NA]+", got "[\d.NA]+"/);
    await typeCode(d, solution("r-fix-denominator", "R"));
    expect(await check(d)).toMatch(/^✓ The output matches/);
  });

  it("a Rust make-it-compile drill: the borrow error is marked, the fix passes", async () => {
    const d = drill("rs-borrowed-id");
    await d.scrollIntoViewIfNeeded();
    await expect.poll(() => d.locator(".cm-content").count(), { timeout: 30_000 }).toBe(1);
    const failing = await check(d);
    expect(failing).toMatch(/^✗/);
    expect(await d.locator("[data-output]").textContent()).toContain("error[E0502]");
    await expect.poll(() => d.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    await typeCode(d, solution("rs-borrowed-id", "rs"));
    expect(await check(d)).toBe("✓ Every check passed.");
  });

  it("Reset brings back the starter after a confirm", async () => {
    const d = drill("py-gc-fraction");
    page.once("dialog", (dialog) => void dialog.accept());
    await d.locator('[data-action="reset"]').click();
    await expect.poll(() => d.locator(".cm-content").textContent()).toContain("# Your code here.");
  });

  it("made no request outside the local server and the compile service", () => {
    expect(site.blocked).toEqual([]);
  });
});
