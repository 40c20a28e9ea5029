// Module 01 in a real browser: each language runs, all three agree, bad input is
// reported, runaway code is stopped — with every non-local request aborted.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, waitForRunner, type Site } from "./harness.ts";

const LESSON = "modules/01-fasta-gc/";
const expected = readFileSync("exercises/01-fasta-gc/expected/gc.tsv", "utf8");

// A WASI module whose _start loops forever: (func (export "_start") (loop (br 0))).
const SPIN_WASM = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
  0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x13, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x06,
  0x5f, 0x73, 0x74, 0x61, 0x72, 0x74, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b,
  0x0b,
];

const RUNAWAY: Record<string, { code: string; wasm?: number[] }> = {
  python: { code: "while True:\n    pass\n" },
  r: { code: "repeat {}\n" },
  rust: { code: "fn main() { loop {} }", wasm: SPIN_WASM },
};

async function output(page: Page, lang: string) {
  return page.locator(`ru-runner[data-runner-lang="${lang}"] [data-output]`).textContent();
}

/** Starts a runaway program through the runner element, then presses its Stop button. */
async function stopRunaway(page: Page, lang: string, via: "stop" | "timeout") {
  await page.evaluate(
    async ({ lang, program, timeoutMs }) => {
      await customElements.whenDefined("ru-runner");
      const el = document.querySelector(`ru-runner[data-runner-lang="${lang}"]`) as HTMLElement & {
        execute(r: unknown): Promise<unknown>;
      };
      const request = {
        code: program.code,
        files: {},
        args: [],
        timeoutMs,
        wasm: program.wasm ? new Uint8Array(program.wasm) : undefined,
      };
      (window as unknown as { runaway: Promise<unknown> }).runaway = el.execute(request);
    },
    { lang, program: RUNAWAY[lang]!, timeoutMs: via === "timeout" ? 2_000 : 60_000 },
  );
  const runner = page.locator(`ru-runner[data-runner-lang="${lang}"]`);
  await page.waitForFunction((l) => document.querySelector(`ru-runner[data-runner-lang="${l}"]`)?.getAttribute("data-status") === "running", lang, { timeout: 90_000 });
  // The page must stay responsive while the program spins.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  expect(Date.now() - t0).toBeLessThan(1_000);
  if (via === "stop") await runner.locator('[data-action="stop"]').click();
  const result = (await page.evaluate(() => (window as unknown as { runaway: Promise<unknown> }).runaway)) as {
    stopped?: string;
    exitCode: number;
  };
  expect(result.stopped).toBe(via === "stop" ? "interrupt" : "timeout");
  expect(await output(page, lang)).toMatch(/Stopped/);
}

for (const isolation of [true, false]) {
  describe(`lesson 01 ${isolation ? "cross-origin isolated" : "without COOP/COEP (static host)"}`, () => {
    let site: Site;
    let page: Page;
    beforeAll(async () => {
      site = await openSite({ isolation });
      page = await site.newPage();
      await page.goto(site.url + LESSON);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolation);
    });
    afterAll(async () => {
      await site?.close();
    });

    it.each(["rust", "python", "r"])("runs %s and prints the expected table", async (lang) => {
      await page.locator(`ru-runner[data-runner-lang="${lang}"] [data-action="run"]`).click();
      expect(await waitForRunner(page, lang)).toBe("done");
      expect(await output(page, lang)).toBe(expected);
    });

    it("runs all three and reports that they agree with the expected output", async () => {
      await page.locator('[data-action="run-all"]').click();
      await expect
        .poll(() => page.locator("[data-agreement]").textContent(), { timeout: 60_000 })
        .toContain("All three agree, and match the expected output");
    });

    it("reports bad input clearly in all three languages", async () => {
      await page.locator("[data-case]").selectOption("error:malformed");
      await page.locator('[data-action="run-all"]').click();
      await expect
        .poll(() => page.locator("[data-agreement]").textContent(), { timeout: 60_000 })
        .toContain("All three reject the bad input");
      for (const lang of ["rust", "python", "r"]) {
        expect(await page.locator(`ru-runner[data-runner-lang="${lang}"]`).getAttribute("data-status")).toBe("error");
        expect(await output(page, lang)).toContain("line 1");
      }
      await page.locator("[data-case]").selectOption("gc");
    });

    it("times the three languages at 10× and draws the chart", async () => {
      await page.locator('[data-sizes] input[value="10"]').check();
      await page.locator('[data-action="run-all"]').click();
      await expect
        .poll(() => page.locator("[data-agreement]").textContent(), { timeout: 90_000 })
        .toContain("All three agree on the input at 10×.");
      expect(await page.locator("[data-chart] svg path.line").count()).toBe(3);
      await page.locator('[data-sizes] input[value="1"]').check();
    });

    it.each(["python", "r", "rust"])("stops a runaway %s program with Stop, then runs again", async (lang) => {
      await stopRunaway(page, lang, "stop");
      await page.locator(`ru-runner[data-runner-lang="${lang}"] [data-action="run"]`).click();
      expect(await waitForRunner(page, lang)).toBe("done");
      expect(await output(page, lang)).toBe(expected);
    });

    it("ends a runaway program at its time limit", async () => {
      await stopRunaway(page, "python", "timeout");
    });

    it("made no request outside the local server", () => {
      expect(site.blocked).toEqual([]);
    });
  });
}

describe("a runtime that cannot be loaded", () => {
  it("shows a clear message instead of a blank panel", async () => {
    const site = await openSite();
    try {
      const page = await site.newPage();
      await page.route("**/wasm/01-fasta-gc/main.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
      await page.route("**/runtimes/pyodide/**", (route) => route.fulfill({ status: 404, body: "gone" }));
      await page.goto(site.url + LESSON);
      await page.locator('ru-runner[data-runner-lang="rust"] [data-action="run"]').click();
      expect(await waitForRunner(page, "rust")).toBe("error");
      expect(await output(page, "rust")).toContain("HTTP 404");
      await page.locator('ru-runner[data-runner-lang="python"] [data-action="run"]').click();
      expect(await waitForRunner(page, "python")).toBe("error");
      expect(await output(page, "python")).toContain("HTTP 404");
    } finally {
      await site.close();
    }
  });
});
