// Module 13's pipeline in a real browser: all-Rust, all-Python, all-R and one mixed
// combination each run the three stages with the files handed from stage to stage, end
// with the expected table and chart, and tick the checklist — which is saved with the
// learner's progress — with every non-local request aborted.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, type Site } from "./harness.ts";

const LESSON = "modules/13-capstone/";
const MODULE = "13-capstone";
const expectedTable = readFileSync(`exercises/${MODULE}/expected/pipeline-summary.tsv`, "utf8");
const expectedPlot = readFileSync(`exercises/${MODULE}/expected/plot.svg`, "utf8");

/** Sets every stage's language with the page's own preset buttons, runs, and waits for the verdict. */
async function runCombination(page: Page, langs: string[]) {
  await page.locator(`ru-capstone [data-preset="${langs.join(",")}"]`).click();
  await page.locator('ru-capstone [data-action="run-pipeline"]').click();
  await page.waitForFunction(
    () => {
      const el = document.querySelector("ru-capstone") as HTMLElement | null;
      const verdict = el?.querySelector("[data-verdict]")?.getAttribute("data-state");
      return el?.dataset.running === "false" && (verdict === "agree" || verdict === "differ");
    },
    undefined,
    { timeout: 150_000 },
  );
}

/** What the page shows after a run: verdict, per-stage status, the table as TSV, and the plot's bytes. */
async function shown(page: Page) {
  return page.evaluate(async () => {
    const el = document.querySelector("ru-capstone")!;
    const tables = [...el.querySelectorAll("[data-table] table")].map((t) =>
      [...t.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => c.textContent).join("\t")).join("\n"),
    );
    const img = el.querySelector<HTMLImageElement>("[data-plot]")!;
    const plot = img.src.startsWith("blob:") ? await (await fetch(img.src)).text() : null;
    return {
      verdict: el.querySelector("[data-verdict]")!.getAttribute("data-state"),
      verdictText: el.querySelector("[data-verdict]")!.textContent,
      stages: [...el.querySelectorAll<HTMLElement>("[data-stage]")].map((s) => `${s.dataset.stage}:${s.dataset.lang}:${s.dataset.status}`),
      table: tables.join("\n\n") + "\n",
      plot,
      plotIsImg: img.tagName === "IMG" && !img.hidden,
      inlineSvg: el.querySelectorAll("svg").length,
    };
  });
}

describe("capstone pipeline in the browser", () => {
  let site: Site;
  let page: Page;
  const combos: string[][] = [
    ["rust", "rust", "rust"],
    ["python", "python", "python"],
    ["r", "r", "r"],
    ["python", "rust", "r"],
  ];
  const results = new Map<string, Awaited<ReturnType<typeof shown>>>();

  beforeAll(async () => {
    site = await openSite();
    page = await site.newPage();
    await page.goto(site.url + LESSON);
    await page.waitForFunction(() => customElements.get("ru-capstone") !== undefined);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("starts with an empty checklist", async () => {
    const done = await page.locator('ru-capstone [data-item][data-done="true"]').count();
    expect(done).toBe(0);
  });

  it.each(combos)("%s → %s → %s reproduces the expected table and chart", async (...langs) => {
    await runCombination(page, langs);
    const got = await shown(page);
    results.set(langs.join(","), got);
    expect(got.stages).toEqual(["qc-filter", "kmer-profile", "summary"].map((s, i) => `${s}:${langs[i]}:done`));
    expect(got.verdict, got.verdictText ?? "").toBe("agree");
    expect(got.table).toBe(expectedTable);
    expect(got.plotIsImg).toBe(true);
    expect(got.inlineSvg, "the chart is shown as an image, never as markup in the page").toBe(0);
    expect(got.plot).toBe(expectedPlot);
  });

  it("gives identical results whichever combination ran", () => {
    const all = [...results.values()];
    expect(all).toHaveLength(combos.length);
    for (const r of all) {
      expect(r.table).toBe(all[0]!.table);
      expect(r.plot).toBe(all[0]!.plot);
    }
  });

  it("ticks every checklist item and saves it with the progress, like a drill", async () => {
    const items = await page.locator("ru-capstone [data-item]").evaluateAll((lis) =>
      lis.map((li) => ({ key: (li as HTMLElement).dataset.item!, done: (li as HTMLElement).dataset.done })),
    );
    expect(items.length).toBe(4);
    for (const item of items) expect(item, item.key).toEqual({ key: item.key, done: "true" });
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("ru-progress") ?? "{}"));
    for (const item of items) expect(Object.keys(stored.drills ?? {})).toContain(item.key);
    expect(stored.drills[`${MODULE}/pipeline-mixed`].kind).toBe("pipeline-run");
    // The all-Rust run executed the curriculum's compiled Rust: no "first Rust" badge for it.
    expect(stored.badges?.["first-rust"]).toBeUndefined();
    // A reload shows the same ticks, read back from the store.
    await page.reload();
    await page.waitForFunction(
      (n) => document.querySelectorAll('ru-capstone [data-item][data-done="true"]').length === n,
      items.length,
      { timeout: 15_000 },
    );
  });

  it("needed nothing from the network", () => {
    expect(site.blocked).toEqual([]);
  });
});
