// The crate atlas and site search in a real browser, with every request to another
// host aborted: search must work from the site's own files (air-gapped rooms).
// "Kaplan" finds the survival module, "groupby" the polars entry and the clinical
// data-frames module, "needletail" its entry and module 01, and the facet filters
// narrow the results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, type Site } from "./harness.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface Hit {
  kind: string;
  title: string;
  href: string;
}

async function results(page: Page): Promise<Hit[]> {
  return page.$$eval(".ru-search-result__link", (links) =>
    links.map((a) => ({
      kind: a.querySelector(".ru-search-result__kind")?.textContent ?? "",
      title: a.querySelector(".ru-search-result__title")?.textContent ?? "",
      href: (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash,
    })),
  );
}

/** Opens a page once its search element is live (a key pressed earlier does nothing, as for a reader). */
async function open(page: Page, path = ""): Promise<void> {
  await page.goto(site.url + path);
  await page.evaluate(() => customElements.whenDefined("ru-search"));
}

/** Does `action`, then waits for the search it starts to finish (ru-search counts finished searches). */
async function settled(page: Page, action: () => Promise<void>): Promise<Hit[]> {
  const before = await page.evaluate(() => Number(document.querySelector("ru-search")?.getAttribute("data-searches") ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.querySelector("ru-search")?.getAttribute("data-searches") ?? 0) > n, before, {
    timeout: 15_000,
  });
  return results(page);
}

const search = (page: Page, term: string) => settled(page, () => page.locator("#ru-search-input").fill(term));

describe("site search", () => {
  it("opens with / and Ctrl+K, and finds the polars entry for 'groupby'", async () => {
    const page = await site.newPage();
    await open(page);
    await page.keyboard.press("/");
    await expect.poll(() => page.locator("dialog.ru-search").evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("ru-search-input");

    const hits = await search(page, "groupby");
    expect(hits.map((h) => h.href)).toContain("/crates/polars/");
    expect(hits.find((h) => h.href === "/crates/polars/")?.kind).toBe("Crate");

    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog.ru-search").evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.keyboard.press("Control+k");
    await expect.poll(() => page.locator("dialog.ru-search").evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.close();
  });

  it("does not steal '/' from a text field", async () => {
    const page = await site.newPage();
    await open(page, "crates/");
    await page.waitForSelector('ru-atlas-table form:not([hidden])');
    const box = page.locator('ru-atlas-table input[name="q"]');
    await box.focus();
    await page.keyboard.type("a/b");
    expect(await box.inputValue()).toBe("a/b");
    expect(await page.locator("dialog.ru-search").evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.close();
  });

  it("finds 'needletail' in its crate entry and in module 01, and filters by kind and language", async () => {
    const page = await site.newPage();
    await open(page, "crates/");
    await page.locator(".ru-search-trigger").click();
    const hits = await search(page, "needletail");
    const hrefs = hits.map((h) => h.href);
    expect(hrefs).toContain("/crates/needletail/");
    expect(hrefs).toContain("/modules/01-fasta-gc/");

    // Kind = Lesson keeps the lessons that use it (01 and others) and drops the crate page.
    const lessons = await settled(page, () => page.locator('fieldset[data-facet="type"] label:has(input[value="Lesson"])').click());
    const lessonHrefs = lessons.map((h) => h.href);
    expect(lessonHrefs).toContain("/modules/01-fasta-gc/");
    expect(lessonHrefs.every((h) => h.startsWith("/modules/"))).toBe(true);
    await page.close();
  });

  it("searches drill prompts as their own results, filterable by language", async () => {
    const page = await site.newPage();
    await open(page);
    await page.keyboard.press("/");
    const hits = await search(page, "gc_fraction");
    const drills = hits.filter((h) => h.kind === "Drill").map((h) => h.href);
    expect(drills).toContain("/modules/01-fasta-gc/#drill-py-gc-fraction");
    expect(drills).toContain("/modules/01-fasta-gc/#drill-rs-translate-gc");

    // Language = Python keeps the Python drill (and the lesson, which teaches all three), not the Rust drill.
    const python = await settled(page, () => page.locator('fieldset[data-facet="language"] label:has(input[value="Python"])').click());
    const hrefs = python.map((h) => h.href);
    expect(hrefs).toContain("/modules/01-fasta-gc/#drill-py-gc-fraction");
    expect(hrefs).not.toContain("/modules/01-fasta-gc/#drill-rs-translate-gc");
    await page.close();
  });

  it("'Kaplan' finds module 10, the survival lesson", async () => {
    const page = await site.newPage();
    await open(page);
    await page.keyboard.press("/");
    const hits = await search(page, "Kaplan");
    expect(hits.map((h) => h.href)).toContain("/modules/10-survival/");
    expect(hits.find((h) => h.href === "/modules/10-survival/")?.kind).toBe("Lesson");
    await page.close();
  });

  it("'groupby' finds module 07 as well as the polars entry", async () => {
    const page = await site.newPage();
    await open(page);
    await page.keyboard.press("/");
    const hrefs = (await search(page, "groupby")).map((h) => h.href);
    expect(hrefs).toContain("/crates/polars/");
    expect(hrefs).toContain("/modules/07-clinical-frames/");
    await page.close();
  });
});

describe("crate atlas", () => {
  it("filters to the sequence crates and opens bio", async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}crates/`);
    const visible = () =>
      page.$$eval("ru-atlas-table tbody tr", (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.name));
    expect((await visible()).length).toBeGreaterThanOrEqual(21);

    await page.selectOption('ru-atlas-table select[name="category"]', "sequences");
    await expect.poll(visible).toEqual(["bio", "needletail", "rust-bio-tools"]);
    expect(new URL(page.url()).searchParams.get("category")).toBe("sequences");

    await page.locator('ru-atlas-table a[href$="/crates/bio/"]').click();
    await page.waitForURL(/\/crates\/bio\/$/);
    expect(await page.locator("h1").textContent()).toContain("bio");
    expect(await page.locator("#used-in + ul").textContent()).toContain("01 · FASTA records");
    await page.close();
  });

  it("sorts by a column and keeps the filter in a shareable link", async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}crates/?q=dplyr`);
    await expect
      .poll(() => page.$$eval("ru-atlas-table tbody tr:not([hidden])", (rows) => rows.map((r) => (r as HTMLElement).dataset.name)))
      .toEqual(["polars"]);
    await page.goto(`${site.url}crates/`);
    await page.locator('th[data-sort="name"] button').click();
    expect(await page.locator('th[data-sort="name"]').getAttribute("aria-sort")).toBe("descending");
    const first = await page.$eval("ru-atlas-table tbody tr", (r) => (r as HTMLElement).dataset.name);
    expect(first).toBe("statrs");
    await page.close();
  });

  it("links crate names in lessons to their atlas pages", async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}modules/01-fasta-gc/`);
    const link = page.locator('a.ru-crate[data-crate="needletail"]').first();
    expect(await link.getAttribute("href")).toBe("/crates/needletail/");
    expect(await link.getAttribute("title")).toMatch(/FASTA\/FASTQ/);
    await page.close();
  });

  it("is a plain, complete table without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}crates/`);
    expect(await page.locator("ru-atlas-table tbody tr").count()).toBeGreaterThanOrEqual(21);
    expect(await page.locator("ru-atlas-table form").isVisible()).toBe(false);
    await context.close();
  });
});

// Last, so it covers every page and search above: nothing left the machine.
describe("offline", () => {
  it("search and the atlas work with every non-local request blocked", () => {
    expect(site.blocked).toEqual([]);
  });
});
