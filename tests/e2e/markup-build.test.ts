// Build check on dist/ (run after `astro build`): author text from frontmatter and YAML
// (objectives, crate notes, task descriptions) marks code with `backticks`, which the
// components must turn into <code>. A backtick left in a page's visible text means one
// of them printed the raw string.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// RU_DIST: the build to check, as tests/e2e/harness.ts serves it.
const DIST = process.env.RU_DIST ?? "dist";

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.includes(`${DIST}/pagefind/`));
}

/** Visible text runs that hold a backtick (code, scripts and templates are code: skipped). */
export function rawBackticks(html: string): string[] {
  const visible = html.replace(/<(script|style|template|code|pre|textarea)\b[^>]*>[\s\S]*?<\/\1>/g, "");
  return [...visible.matchAll(/>([^<]*`[^<]*)</g)].map((m) => m[1]!.trim()).filter(Boolean);
}

describe("author text in the built pages", () => {
  const pages = htmlPages(DIST);

  it("finds the pages (and the check finds a raw backtick)", () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(rawBackticks("<li>keep `unsafe` small</li><pre>`ok`</pre>")).toEqual(["keep `unsafe` small"]);
  });

  it("shows no raw `backticks` in visible text on any page", () => {
    const found = pages.flatMap((page) => rawBackticks(readFileSync(page, "utf8")).map((text) => `${page}: ${text}`));
    expect(found).toEqual([]);
  });
});
