// Shared set-up for browser tests: the production build served locally, Debian's
// Chromium driven by playwright-core, and every request to another host aborted
// and recorded, so each test also proves the page needs no network beyond its own.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Server } from "node:http";
import { startServer } from "../../scripts/serve.mjs";

export interface Site {
  url: string;
  browser: Browser;
  /** The local server, e.g. to count the requests that reach it. */
  server: Server;
  /** Requests to hosts other than the local server, which were aborted. */
  blocked: string[];
  /**
   * Service workers are blocked unless asked for: with one in between, page.route()
   * no longer sees the page's requests, and most tests rely on it.
   */
  newPage(options?: { serviceWorkers?: "allow" | "block" }): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function openSite(options: { isolation?: boolean; allowOrigins?: string[]; dir?: string } = {}): Promise<Site> {
  // RU_DIST serves another build (e.g. `astro build --outDir /tmp/x`) without touching dist/.
  const dir = options.dir ?? process.env.RU_DIST ?? "dist";
  const { server, url } = (await startServer({ port: 0, isolation: options.isolation ?? true, dir })) as {
    server: Server;
    url: string;
  };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const blocked: string[] = [];
  const contexts: BrowserContext[] = [];
  const allowed = [new URL(url).origin, ...(options.allowOrigins ?? [])];
  return {
    url,
    server,
    browser,
    blocked,
    async newPage({ serviceWorkers = "block" } = {}) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const requestUrl = route.request().url();
        if (allowed.some((o) => requestUrl.startsWith(o)) || requestUrl.startsWith("data:") || requestUrl.startsWith("blob:")) {
          return route.continue();
        }
        blocked.push(requestUrl);
        return route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error(`[page error] ${e.message}`));
      page.on("console", (m) => m.type() === "error" && console.error(`[console] ${m.text()}`));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Waits until a runner reports a final status and returns it; on timeout, says what it was doing. */
export async function waitForRunner(page: Page, lang: string, timeout = 90_000): Promise<string> {
  const selector = `ru-runner[data-runner-lang="${lang}"]`;
  try {
    await page.waitForFunction(
      (sel) => {
        const s = document.querySelector(sel)?.getAttribute("data-status");
        return s === "done" || s === "error";
      },
      selector,
      { timeout },
    );
  } catch (e) {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return {
        status: el?.getAttribute("data-status"),
        text: el?.querySelector("[data-state-text]")?.textContent,
        output: el?.querySelector("[data-output]")?.textContent?.slice(0, 500),
      };
    }, selector);
    throw new Error(`${lang} runner did not finish within ${timeout} ms: ${JSON.stringify(state)}`, { cause: e });
  }
  return (await page.locator(selector).first().getAttribute("data-status"))!;
}
