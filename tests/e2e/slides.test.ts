// A module's slide deck in a real browser: keyboard navigation, live runners on a
// slide, overview, speaker view with notes and timer, and a printed PDF with one
// page per slide — with every non-local request aborted.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, waitForRunner, type Site } from "./harness.ts";

const DECK = "slides/01-fasta-gc/";
const expected = readFileSync("exercises/01-fasta-gc/expected/gc.tsv", "utf8");

interface DeckApi {
  getIndices(): { h: number; v: number };
  getCurrentSlide(): HTMLElement;
  getTotalSlides(): number;
  isOverview(): boolean;
}

/** Runs a function against the deck's reveal.js instance. */
function deck<T>(page: Page, fn: (api: DeckApi) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(document.querySelector("ru-deck").reveal)`) as Promise<T>;
}
const currentId = (page: Page) => deck(page, (api) => api.getCurrentSlide().id);

/** PDF pages are `/Type /Page` objects; `/Type /Pages` are the page tree's nodes. */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe("slide deck for module 01", () => {
  let site: Site;
  let page: Page;
  beforeAll(async () => {
    site = await openSite();
    page = await site.newPage();
    await page.goto(site.url + DECK);
    await page.waitForFunction(() => document.documentElement.dataset.deck === "ready", null, { timeout: 30_000 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it("starts on the title slide, made from the module's frontmatter", async () => {
    expect(await currentId(page)).toBe("title");
    expect(await page.locator("#title h1").textContent()).toBe("FASTA records: length and GC content");
    expect(await page.locator("#title .ru-slide__objectives li").count()).toBe(6);
  });

  it("advances with the keyboard: → to the next section, ↓ into its sub-slides", async () => {
    await page.keyboard.press("ArrowRight");
    expect(await currentId(page)).toBe("why-this-task");
    await page.keyboard.press("ArrowRight");
    expect(await currentId(page)).toBe("the-task");
    await page.keyboard.press("ArrowDown");
    expect(await currentId(page)).toBe("the-task-2");
    expect(await deck(page, (api) => api.getIndices())).toMatchObject({ h: 2, v: 1 });
    // The URL follows, so a reload (or the speaker view) lands on the same slide.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/the-task-2");
    // The toolbar's lesson link points at the same section of the lesson.
    expect(await page.locator("[data-deck-lesson]").getAttribute("href")).toBe("/modules/01-fasta-gc/#the-task");
  });

  it.each(["rust", "python"])("runs the %s runner on the triptych slide", async (lang) => {
    const runner = page.locator(`section.present ru-runner[data-runner-lang="${lang}"]`);
    await runner.locator('[data-action="run"]').click();
    expect(await waitForRunner(page, lang)).toBe("done");
    expect(await runner.locator("[data-output]").textContent()).toBe(expected);
    // Clicking Run must not have moved the deck.
    expect(await currentId(page)).toBe("the-task-2");
  });

  it("keeps arrow keys for a focused <select> instead of changing slides", async () => {
    const select = page.locator("section.present [data-case]");
    await select.focus();
    await page.keyboard.press("ArrowDown");
    expect(await currentId(page)).toBe("the-task-2");
    await select.selectOption("gc");
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  });

  it("opens and closes the overview", async () => {
    await page.keyboard.press("o");
    await expect.poll(() => deck(page, (api) => api.isOverview())).toBe(true);
    expect(await page.locator("ru-deck.overview").count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => deck(page, (api) => api.isOverview())).toBe(false);
    expect(await currentId(page)).toBe("the-task-2");
  });

  it("opens the speaker view with the slide's notes and a timer", async () => {
    const [notes] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    await notes.waitForFunction(() => document.querySelector("#connection-status")?.getAttribute("style")?.includes("none"), null, {
      timeout: 30_000,
    });
    await expect
      .poll(() => notes.locator(".speaker-controls-notes .value").textContent(), { timeout: 10_000 })
      .toContain("hover each Run button");
    expect(await notes.locator(".speaker-controls-time .timer").count()).toBe(1);
    // Pacing comes from the module's teaching time, so it is shown.
    expect(await notes.locator(".speaker-controls-time .pacing").isVisible()).toBe(true);
    await notes.close();
  });

  it("leaves a code editor with Esc without opening the overview", async () => {
    await page.evaluate(() => (location.hash = "#/the-task-2"));
    await expect.poll(() => currentId(page)).toBe("the-task-2");
    const runner = page.locator('section.present ru-runner[data-runner-lang="python"]');
    await runner.locator('[data-action="edit"]').click();
    await runner.locator(".cm-content").click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Escape");
    expect(await deck(page, (api) => api.isOverview())).toBe(false);
    expect(await currentId(page)).toBe("the-task-2");
  });

  it("prints to a PDF with one page per slide", async () => {
    const slides = await deck(page, (api) => api.getTotalSlides());
    expect(slides).toBeGreaterThan(10);
    const print = await site.newPage();
    await print.goto(site.url + DECK + "?print-pdf");
    await print.waitForFunction(() => document.documentElement.dataset.deck === "print-ready", null, { timeout: 60_000 });
    expect(await print.locator(".pdf-page").count()).toBe(slides);
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(countPdfPages(pdf)).toBe(slides);
    // Slides that had to be cut say where the rest is.
    for (const note of await print.locator("section[data-print-cut]").evaluateAll((els) => els.map((e) => e.getAttribute("data-print-cut")))) {
      expect(note).toMatch(/continued in the lesson: http:\/\/.+\/modules\/01-fasta-gc\/#/);
    }
  });

  it("made no request outside the local server", () => {
    expect(site.blocked).toEqual([]);
  });
});
