// Accessibility: axe-core (the same rules browser extensions run) on every lesson and
// the other kinds of page, in the light and the dark theme. "serious" and "critical" findings fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { openSite, type Site } from "./harness.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// Every lesson (their prose, tables and widgets differ), the first deck, and the site's other kinds of page.
const LESSONS = readdirSync("content/modules")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => `modules/${f.slice(0, -4)}/`)
  .sort();
const PAGES = ["", ...LESSONS, "slides/01-fasta-gc/", "crates/", "crates/polars/", "references/", "progress/"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe.each(["light", "dark"])("%s theme", (theme) => {
  it.each(PAGES)("/%s has no serious or critical axe violations", async (path) => {
    const page = await site.newPage();
    await page.addInitScript((t) => localStorage.setItem("ru-theme", t), theme);
    await page.goto(site.url + path);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ["violations"] })).violations;
    })) as Violation[];
    const bad = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n"));
    expect(bad, bad.join("\n")).toEqual([]);
    await page.close();
  });
});
