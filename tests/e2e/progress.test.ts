// Progress in a real browser: earning XP through a quiz, surviving a reload, the
// progress page, export → import into a fresh browser, reset, and the ways storage
// fails (garbage, full, disabled) — none of which may break a page.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { MODULE_BONUS_XP } from "../../src/lib/progress.ts";
import { openSite, type Site } from "./harness.ts";

const LESSON = "modules/01-fasta-gc/";
const MODULE = "01-fasta-gc";

interface CatalogModule {
  id: string;
  drills: { key: string; lang: string; kind: string; xp: number }[];
  questions: { key: string; xp: number }[];
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function catalogOf(page: Page): Promise<CatalogModule[]> {
  return page.evaluate(() => JSON.parse(document.getElementById("ru-catalog")!.textContent!));
}

/** Puts `value` in localStorage, then opens `path` — once, so a reload shows what the page saved. */
async function seed(page: Page, path: string, entries: Record<string, string>) {
  await page.goto(site.url);
  await page.evaluate((e) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.goto(site.url + path);
}

/** A valid store: two drills passed (one Rust), polyglot on module 01, active the last three days. */
function seededState(module: CatalogModule) {
  const today = new Date();
  const day = (n: number) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - n, 12);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };
  const rust = module.drills.find((d) => d.lang === "rust")!;
  const other = module.drills.find((d) => d.lang !== "rust")!;
  const at = today.toISOString();
  return {
    version: 2,
    xp: rust.xp + other.xp,
    drills: {
      [rust.key]: { passedAt: at, lang: rust.lang, kind: rust.kind },
      [other.key]: { passedAt: at, lang: other.lang, kind: other.kind },
    },
    questions: {},
    ranLanguages: { [module.id]: ["rust", "python", "r"] },
    badges: { "first-rust": { earnedAt: at }, polyglot: { earnedAt: at }, "streak-3": { earnedAt: at } },
    activeDays: [day(2), day(1), day(0)],
    rustCompiled: false,
  };
}

const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`).textContent();
const headerXp = (page: Page) => page.locator("ru-xp-count").textContent();
const moduleBar = (page: Page) =>
  page.locator(`ru-module-progress[module="${MODULE}"] [data-text]`).first().textContent();
const storedXp = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("ru-progress") ?? "null")?.xp ?? null);

/** Answers the first single-choice question of the lesson's quiz, right or wrong, through its form. */
async function answerQuestion(page: Page, correct: boolean): Promise<string> {
  const question = page.locator('ru-question[data-kind="single"]').first();
  const data = JSON.parse((await question.locator('script[type="application/json"]').textContent())!) as {
    options: { correct: boolean }[];
  };
  const index = data.options.findIndex((o) => o.correct === correct);
  await question.locator(`input[name="choice"][value="${index}"]`).check();
  await question.locator('button[type="submit"]').click();
  return (await question.getAttribute("data-question-key"))!;
}

describe("earning XP", () => {
  it("a right answer raises the XP once, and it survives a reload", async () => {
    const page = await site.newPage();
    await seed(page, LESSON, {});
    const module = (await catalogOf(page)).find((m) => m.id === MODULE)!;
    const total = module.drills.length + module.questions.length;
    await expect.poll(() => headerXp(page)).toBe("0 XP");
    expect(await moduleBar(page)).toBe(`0 of ${total} done · 0 XP`);

    // Wrong first: nothing earned. Then right: the question's XP, shown everywhere.
    const key = await answerQuestion(page, false);
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem("ru-progress") ?? "{}").questions?.[k], key);
    expect(await headerXp(page)).toBe("0 XP");
    await answerQuestion(page, true);
    const xp = module.questions.find((q) => q.key === key)!.xp;
    await expect.poll(() => headerXp(page)).toBe(`${xp} XP`);
    expect(await moduleBar(page)).toBe(`1 of ${total} done · ${xp} XP`);
    await expect.poll(() => page.locator("ru-toast").textContent()).toContain(`+${xp} XP`);
    expect(await storedXp(page)).toBe(xp);

    await page.reload();
    await expect.poll(() => headerXp(page)).toBe(`${xp} XP`);
    expect(await moduleBar(page)).toBe(`1 of ${total} done · ${xp} XP`);

    // Answering again pays nothing.
    await answerQuestion(page, true);
    await page.waitForTimeout(200);
    expect(await storedXp(page)).toBe(xp);
    expect(await headerXp(page)).toBe(`${xp} XP`);
    await page.context().close();
  });

  it("the last exercise of a module earns its badge, the bonus and the Complete state", async () => {
    const page = await site.newPage();
    await page.goto(site.url + LESSON);
    const module = (await catalogOf(page)).find((m) => m.id === MODULE)!;
    const lastKey = (await page.locator('ru-question[data-kind="single"]').first().getAttribute("data-question-key"))!;
    const at = new Date().toISOString();
    const state = {
      version: 2,
      xp: 0,
      drills: Object.fromEntries(module.drills.map((d) => [d.key, { passedAt: at, lang: d.lang, kind: d.kind }])),
      questions: Object.fromEntries(
        module.questions
          .filter((q) => q.key !== lastKey)
          .map((q) => [q.key, { correct: true, answeredAt: at, xpAwarded: true }]),
      ),
      ranLanguages: {},
      badges: {},
      activeDays: [],
      rustCompiled: false,
    };
    state.xp = [...module.drills, ...module.questions.filter((q) => q.key !== lastKey)].reduce(
      (sum, x) => sum + x.xp,
      0,
    );
    await seed(page, LESSON, { "ru-progress": JSON.stringify(state) });
    const total = module.drills.length + module.questions.length;
    await expect.poll(() => moduleBar(page)).toBe(`${total - 1} of ${total} done · ${state.xp} XP`);

    await answerQuestion(page, true);
    const final = state.xp + module.questions.find((q) => q.key === lastKey)!.xp + MODULE_BONUS_XP;
    await expect.poll(() => moduleBar(page)).toBe(`Complete ✓ · ${final} XP`);
    expect(await headerXp(page)).toBe(`${final} XP`);
    await expect.poll(() => page.locator("ru-toast").textContent()).toContain("Badge earned: Module 01 complete");

    await page.goto(site.url + "modules/");
    await expect.poll(() => moduleBar(page)).toBe(`Complete ✓ · ${final} XP`);
    expect(await page.locator(`ru-module-progress[module="${MODULE}"]`).getAttribute("data-state")).toBe("complete");
    await page.goto(site.url + "progress/");
    await expect.poll(() => page.locator(`[data-badge="module:${MODULE}"]`).getAttribute("data-earned")).toBe("true");
    expect(await stat(page, "modules")).toBe("1");
    await page.context().close();
  });
});

describe("the progress page", () => {
  it("shows a seeded store's XP, streak, badges and next step, and keeps them across reloads", async () => {
    const page = await site.newPage();
    await page.goto(site.url + "progress/");
    const module = (await catalogOf(page)).find((m) => m.id === MODULE)!;
    const state = seededState(module);
    await seed(page, "progress/", { "ru-progress": JSON.stringify(state) });

    for (let visit = 0; visit < 2; visit++) {
      await expect.poll(() => stat(page, "xp")).toBe(String(state.xp));
      expect(await headerXp(page)).toBe(`${state.xp} XP`);
      expect(await stat(page, "streak")).toBe("3 days");
      expect(await stat(page, "badges")).toBe("3");
      for (const id of ["first-rust", "polyglot", "streak-3"]) {
        expect(await page.locator(`[data-badge="${id}"]`).getAttribute("data-earned")).toBe("true");
      }
      for (const id of ["bug-hunter", "streak-7", `module:${MODULE}`]) {
        const badge = page.locator(`[data-badge="${id}"]`);
        expect(await badge.getAttribute("data-earned")).toBe("false");
        expect(await badge.locator("[data-howto]").isVisible()).toBe(true);
      }
      const left = module.drills.length - 2;
      expect(await page.locator("[data-next-text]").textContent()).toBe(
        `Continue module 01: ${left} drill${left === 1 ? "" : "s"} and ${module.questions.length} questions left`,
      );
      expect(await page.locator("[data-next-link]").getAttribute("href")).toBe(`/modules/${MODULE}/`);
      expect(await moduleBar(page)).toBe(
        `2 of ${module.drills.length + module.questions.length} done · ${state.xp} XP`,
      );
      expect(await page.locator("[data-notice]").isHidden()).toBe(true);
      await page.reload();
    }
    await page.context().close();
  });

  it("exports a file that Import accepts in a fresh browser", async () => {
    const page = await site.newPage();
    await page.goto(site.url + "progress/");
    const state = seededState((await catalogOf(page)).find((m) => m.id === MODULE)!);
    await seed(page, "progress/", { "ru-progress": JSON.stringify(state) });
    await expect.poll(() => stat(page, "xp")).toBe(String(state.xp));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="export"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rust-underneath-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, "utf8");
    const file = JSON.parse(text);
    expect(file.app).toBe("rust-underneath");
    expect(file.progress).toEqual(state);
    await page.context().close();

    const fresh = await site.newPage();
    await fresh.goto(site.url + "progress/");
    await expect.poll(() => stat(fresh, "xp")).toBe("0");
    // A wrong file first: a clear error, nothing changes.
    await fresh.setInputFiles("[data-import]", {
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": 1}'),
    });
    await expect
      .poll(() => fresh.locator("[data-message]").textContent())
      .toMatch(/not a Rust Underneath progress export/);
    expect(await fresh.locator("[data-message]").getAttribute("data-kind")).toBe("error");
    expect(await stat(fresh, "xp")).toBe("0");

    await fresh.setInputFiles("[data-import]", {
      name: download.suggestedFilename(),
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    await expect
      .poll(() => fresh.locator("[data-message]").textContent())
      .toMatch(new RegExp(`^Imported ${state.xp} XP, 3 badges, 2 passed drills`));
    expect(await stat(fresh, "xp")).toBe(String(state.xp));
    expect(await headerXp(fresh)).toBe(`${state.xp} XP`);
    await fresh.reload();
    await expect.poll(() => stat(fresh, "xp")).toBe(String(state.xp));
    expect(await stat(fresh, "badges")).toBe("3");
    await fresh.context().close();
  });

  it("resets everything only after confirming, keeping unrelated settings", async () => {
    const page = await site.newPage();
    await page.goto(site.url + "progress/");
    const state = seededState((await catalogOf(page)).find((m) => m.id === MODULE)!);
    await seed(page, "progress/", {
      "ru-progress": JSON.stringify(state),
      "ru-drill-code:01-fasta-gc/py-gc-fraction": JSON.stringify({ code: "def gc(s): ...", attempts: 2 }),
      "ru-theme": "dark",
    });
    await expect.poll(() => stat(page, "xp")).toBe(String(state.xp));
    const dialog = page.locator("[data-reset-dialog]");

    // Keyboard: open it, and Escape keeps everything.
    await page.locator('[data-action="reset"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator('[data-action="reset"]').click();
    await page.getByRole("button", { name: "Keep my progress" }).click();
    expect(await stat(page, "xp")).toBe(String(state.xp));
    expect(await storedXp(page)).toBe(state.xp);

    await page.locator('[data-action="reset"]').click();
    await page.locator("[data-confirm-reset]").click();
    await expect.poll(() => stat(page, "xp")).toBe("0");
    expect(await headerXp(page)).toBe("0 XP");
    expect(await stat(page, "badges")).toBe("0");
    expect(await page.locator("[data-message]").textContent()).toBe("All progress was reset.");
    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(["ru-theme"]);
    await page.reload();
    await expect.poll(() => stat(page, "xp")).toBe("0");
    await page.context().close();
  });
});

describe("when storage fails", () => {
  it("garbage in storage: reset with a notice, a copy kept, and the page works", async () => {
    const page = await site.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await seed(page, "progress/", { "ru-progress": "{definitely not json" });
    await expect.poll(() => page.locator("[data-notice]").textContent()).toMatch(/unreadable, so it was reset/);
    expect(await stat(page, "xp")).toBe("0");
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const copy = keys.find((k) => k.startsWith("ru-progress-corrupt-"))!;
    expect(await page.evaluate((k) => localStorage.getItem(k), copy)).toBe("{definitely not json");
    // The progress page shows the notice itself; the toast doesn't repeat it.
    expect(await page.locator("ru-toast").textContent()).toBe("");

    // Other pages say it once, in the toast, and earning works again.
    await seed(page, LESSON, { "ru-progress": "[1, 2, 3]" });
    await expect.poll(() => page.locator("ru-toast").textContent()).toMatch(/unreadable, so it was reset/);
    await answerQuestion(page, true);
    await expect.poll(() => storedXp(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("full storage: the storage-full notice, progress kept for the page, nothing breaks", async () => {
    const page = await site.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.goto(site.url + LESSON);
    await expect.poll(() => headerXp(page)).toBe("0 XP");
    await answerQuestion(page, true);
    await expect
      .poll(() => page.locator("ru-toast").textContent())
      .toContain("Your browser's storage is full; progress from now on isn't saved. Export it to keep it.");
    // Earned for this page even though it can't be saved.
    expect(await headerXp(page)).not.toBe("0 XP");
    expect(await page.evaluate(() => localStorage.getItem("ru-progress"))).toBeNull();
    // Once per page, however much more is earned.
    await answerQuestion(page, true);
    await page.waitForTimeout(200);
    expect(await page.locator(".ru-toast__item--notice").count()).toBe(1);

    await page.goto(site.url + "progress/");
    const file = {
      app: "rust-underneath",
      exportedAt: new Date().toISOString(),
      progress: {
        version: 2,
        xp: 40,
        drills: {},
        questions: {},
        ranLanguages: {},
        badges: {},
        activeDays: [],
        rustCompiled: false,
      },
    };
    await page.setInputFiles("[data-import]", {
      name: "p.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => page.locator("[data-message]").textContent())
      .toMatch(/only for this page.*storage is full/);
    expect(await stat(page, "xp")).toBe("40");
    await expect.poll(() => page.locator("[data-notice]").textContent()).toMatch(/storage is full/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("disabled storage (private mode): the site works, progress lasts for the page", async () => {
    const page = await site.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await page.goto(site.url + "progress/");
    await expect.poll(() => page.locator("[data-notice]").textContent()).toMatch(/storage is disabled/);
    expect(await stat(page, "xp")).toBe("0");

    await page.goto(site.url + LESSON);
    await expect.poll(() => headerXp(page)).toBe("0 XP");
    // Not on every page view: only once the learner earns something that won't be kept.
    expect(await page.locator("ru-toast").textContent()).toBe("");
    await answerQuestion(page, true);
    await expect.poll(() => page.locator("ru-toast").textContent()).toMatch(/storage is disabled/);
    expect(await headerXp(page)).not.toBe("0 XP");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
