// Module 12 in a real browser: Python (Pyodide) and R (webR) each load the Rust k-mer
// kernel (kernel/kmers.wasm, served as a file of the exercise) through their JavaScript
// bridges and print module 02's table; the timing panel runs the four programs at 1× —
// with every non-local request aborted.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, waitForRunner, type Site } from "./harness.ts";

const LESSON = "modules/12-bridges/";
// The bridged programs must print module 02's own expected output, byte for byte.
const expected = readFileSync("exercises/02-kmers-motifs/expected/kmers-k21.tsv", "utf8");

describe("lesson 12: Python and R call the Rust kernel", () => {
  let site: Site;
  let page: Page;
  beforeAll(async () => {
    site = await openSite();
    page = await site.newPage();
    await page.goto(site.url + LESSON);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("serves the kernel byte for byte", async () => {
    const served = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return Array.from(bytes);
    }, `${site.url}exercises/12-bridges/kernel/kmers.wasm`);
    const committed = readFileSync("exercises/12-bridges/kernel/kmers.wasm");
    expect(served.length, "the .wasm must not be served as text").toBe(committed.length);
    expect(Buffer.from(served).equals(committed)).toBe(true);
  });

  it.each(["python", "r"])("runs %s through the kernel and prints module 02's table", async (lang) => {
    await page.locator(`ru-runner[data-runner-lang="${lang}"] [data-action="run"]`).click();
    expect(await waitForRunner(page, lang, 110_000)).toBe("done");
    const output = await page.locator(`ru-runner[data-runner-lang="${lang}"] [data-output]`).textContent();
    expect(output).toBe(expected);
  });

  it("times the four programs at 1× and shows that they agree", async () => {
    const panel = page.locator("ru-bridge-timing");
    await panel.locator('button[data-size="1"]').click();
    const done = panel.locator('tr[data-program] td[data-size="1"][data-state="done"]');
    await expect.poll(() => done.count(), { timeout: 110_000 }).toBe(4);
    for (const text of await done.allTextContents()) expect(text).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    await expect
      .poll(() => panel.locator("[data-verdict]").textContent(), { timeout: 10_000 })
      .toContain("All four printed the same table at 1×");
    expect(await panel.locator("tr[data-speedup] td[data-size='1']").textContent()).toMatch(/Python ×[\d.]+\s+R ×[\d.]+/);
  });

  it("made no request outside the local server", () => {
    expect(site.blocked).toEqual([]);
  });
});
