// The workshop room: after one visit that ran all three languages, the lesson
// reloads and runs with the network gone (the service worker serves the cached
// runtimes). A redeploy replaces the old deploy's cached pages but keeps the
// runtimes when they did not change. And a runtime file that fails to download is
// reported with a Retry button that, once the file is back, loads it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, waitForRunner, type Site } from "./harness.ts";

const LESSON = "modules/01-fasta-gc/";
const expected = readFileSync("exercises/01-fasta-gc/expected/gc.tsv", "utf8");
const LANGS = ["rust", "python", "r"] as const;

const runner = (page: Page, lang: string) => page.locator(`ru-runner[data-runner-lang="${lang}"]`);

async function runAndCheck(page: Page, lang: string) {
  await runner(page, lang).locator('[data-action="run"]').click();
  expect(await waitForRunner(page, lang)).toBe("done");
  expect(await runner(page, lang).locator("[data-output]").textContent()).toBe(expected);
}

describe("offline after the first visit", () => {
  let site: Site;
  let page: Page;
  beforeAll(async () => {
    site = await openSite();
    page = await site.newPage({ serviceWorkers: "allow" });
  });
  afterAll(async () => site?.close());

  it("keeps the runtimes it loaded and runs all three languages with the network gone", async () => {
    await page.goto(site.url + LESSON);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    for (const lang of LANGS) await runAndCheck(page, lang);

    // Caching happens beside the runs; wait until the big files are really stored.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const want = ["pyodide.asm.wasm", "python_stdlib.zip", "R.wasm", "main.wasm", "modules/01-fasta-gc/"];
            const urls: string[] = [];
            for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
            return want.filter((w) => !urls.some((u) => u.endsWith(w)));
          }),
        { timeout: 60_000 },
      )
      .toEqual([]);

    const seen: string[] = [];
    const count = (req: { method?: string; url?: string }) => seen.push(`${req.method} ${req.url}`);
    site.server.on("request", count);
    try {
      await page.context().setOffline(true);
      await page.reload();
      // Headers come back from the cache too: the page is still cross-origin isolated.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      for (const lang of LANGS) await runAndCheck(page, lang);
      // The browser's own update check for sw.js ignores emulated offline; nothing else may get through.
      expect(seen.filter((r) => !r.endsWith("/sw.js"))).toEqual([]);
    } finally {
      site.server.off("request", count);
      await page.context().setOffline(false);
    }
  });
});

/** Every cached URL, by cache name. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const key of await caches.keys()) out[key] = (await (await caches.open(key)).keys()).map((r) => r.url);
    return out;
  });

describe("a redeploy", () => {
  // A copy of the build, so "deploying" a new service worker leaves dist/ alone.
  const dir = mkdtempSync(join(tmpdir(), "ru-redeploy-"));
  let site: Site;
  beforeAll(async () => {
    cpSync("dist", dir, { recursive: true });
    site = await openSite({ dir });
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("drops the old deploy's cached pages and keeps the unchanged runtimes", async () => {
    const page = await site.newPage({ serviceWorkers: "allow" });
    await page.goto(site.url + LESSON);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await runAndCheck(page, "python");
    const worker = readFileSync(join(dir, "sw.js"), "utf8");
    const oldBuild = /"buildId":"(\w+)"/.exec(worker)?.[1];
    expect(oldBuild, "sw.js carries its build id").toBeTruthy();
    await expect
      .poll(async () => {
        const cached = await cachedUrls(page);
        return [
          cached[`ru-site-${oldBuild}`]?.some((u) => u.endsWith(LESSON)) ?? false,
          Object.entries(cached).some(([k, urls]) => k.startsWith("ru-runtimes-") && urls.some((u) => u.endsWith("pyodide.asm.wasm"))),
        ];
      }, { timeout: 60_000 })
      .toEqual([true, true]);

    // Deploy: same runtimes, new bundles — only the build id in sw.js changes.
    writeFileSync(join(dir, "sw.js"), worker.replace(`"buildId":"${oldBuild}"`, `"buildId":"redeployed01"`));
    rmSync(join(dir, "sw.js.br"), { force: true });
    rmSync(join(dir, "sw.js.gz"), { force: true });
    await page.reload();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect
      .poll(async () => Object.keys(await cachedUrls(page)).filter((k) => k.startsWith("ru-site-")), { timeout: 30_000 })
      .not.toContain(`ru-site-${oldBuild}`);
    await page.reload();
    await runAndCheck(page, "python");
    const after = await cachedUrls(page);
    const runtimes = Object.entries(after).find(([k]) => k.startsWith("ru-runtimes-"));
    expect(runtimes?.[1].some((u) => u.endsWith("pyodide.asm.wasm")), "the runtimes survive the redeploy").toBe(true);
    await expect
      .poll(async () => (await cachedUrls(page))["ru-site-redeployed01"]?.some((u) => u.endsWith(LESSON)) ?? false, { timeout: 30_000 })
      .toBe(true);
    await page.close();
  });
});

describe("a runtime file that fails to download", () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => site?.close());

  const broken: [string, string, "404" | "truncated"][] = [
    ["rust", "**/wasm/01-fasta-gc/main.wasm", "404"],
    ["rust", "**/wasm/01-fasta-gc/main.wasm", "truncated"],
    ["python", "**/runtimes/pyodide/*/pyodide.asm.wasm", "404"],
    ["python", "**/runtimes/pyodide/*/pyodide.asm.wasm", "truncated"],
    ["r", "**/runtimes/webr/*/R.wasm", "404"],
    ["r", "**/runtimes/webr/*/R.wasm", "truncated"],
  ];

  it.each(broken)("%s (%s, %s): a clear error, then Retry loads it", async (lang, pattern, how) => {
    const page = await site.newPage();
    await page.route(pattern, async (route) => {
      if (how === "404") return route.fulfill({ status: 404, body: "gone" });
      const response = await route.fetch();
      const body = await response.body();
      // The body is decoded already: drop Content-Encoding so the browser takes it as it is.
      const headers = { ...response.headers() };
      delete headers["content-encoding"];
      delete headers["content-length"];
      return route.fulfill({ status: 200, headers, body: body.subarray(0, Math.floor(body.length / 3)) });
    });
    await page.goto(site.url + LESSON);
    await runner(page, lang).locator('[data-action="run"]').click();
    expect(await waitForRunner(page, lang)).toBe("error");
    const text = await runner(page, lang).locator("[data-output]").textContent();
    expect(text).toMatch(how === "404" ? /HTTP 404/ : /could not be loaded|damaged|incomplete/i);
    expect(text).toContain("Retry");
    const retry = runner(page, lang).locator('[data-action="retry"]');
    expect(await retry.isVisible()).toBe(true);

    await page.unroute(pattern);
    await retry.click();
    const status = await waitForRunner(page, lang);
    expect(await runner(page, lang).locator("[data-output]").textContent()).toBe(expected);
    expect(status).toBe("done");
    expect(await retry.isVisible()).toBe(false);
    await page.close();
  });
});
