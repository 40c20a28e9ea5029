// Lighthouse suite of `npm run bench`: a lesson page of the production build, scored
// in Debian's Chromium (started by playwright-core with a debugging port Lighthouse
// attaches to). Both presets: the default (a mid-range phone on a throttled
// connection, simulated) and desktop. Medians over several runs: performance scores
// move by a few points from run to run.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "playwright-core";
import type { Server } from "node:http";
import { startServer } from "../serve.mjs";
import { median } from "./browser-bench.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export const SCORE_BUDGET = 95;
const DEBUG_PORT = 9339;

export type Scores = Record<(typeof CATEGORIES)[number], number>;

export async function lighthouseSuite(options: { dist?: string; page?: string; runs?: number } = {}) {
  const page = options.page ?? "modules/01-fasta-gc/";
  const runs = options.runs ?? 3;
  const { server, url } = (await startServer({ dir: options.dist ?? "dist", port: 0 })) as { server: Server; url: string };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu"],
  });
  try {
    const presets: Record<string, Scores> = {};
    for (const [preset, config] of [["mobile", undefined], ["desktop", desktopConfig]] as const) {
      const samples: Scores[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url + page, { port: DEBUG_PORT, logLevel: "error", onlyCategories: [...CATEGORIES] }, config);
        if (!result) throw new Error(`Lighthouse returned nothing for ${url + page}`);
        const { categories } = result.lhr;
        samples.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores);
      }
      presets[preset] = Object.fromEntries(CATEGORIES.map((c) => [c, median(samples.map((s) => s[c]))])) as Scores;
    }
    const pass = Object.values(presets).every((s) => CATEGORIES.every((c) => s[c] >= SCORE_BUDGET));
    return { page, runs, budget: SCORE_BUDGET, presets, pass };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}
