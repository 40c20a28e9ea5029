// Build check on dist/ (run after `astro build`): every module has a deck, and
// every `##`/`###` heading of its MDX is a slide of that deck, in order, unless
// the author marked it <LessonOnly>.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText, mdxHeadings, normalizeHeading, topLevelNodes } from "../../src/lib/slides.ts";

// RU_DIST: the build to check, as tests/e2e/harness.ts serves it.
const DIST = process.env.RU_DIST ?? "dist";
const modules = readdirSync("content/modules")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));

/** The heading of each slide of a built deck, in order ("" for a slide without one). */
function slideHeadings(html: string): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  let at = html.indexOf('<div class="ru-slide__content"');
  while (at >= 0) {
    const [content] = topLevelNodes(html.slice(at));
    if (content?.kind !== "element") throw new Error(`Unparsable slide at offset ${at}`);
    const heading = topLevelNodes(content.html.slice(content.innerStart, content.innerEnd)).find(
      (n) => n.kind === "element" && /^h[1-3]$/.test(n.tag),
    );
    out.push(heading?.kind === "element" ? { level: Number(heading.tag[1]), text: htmlToText(heading.html) } : { level: 0, text: "" });
    at = html.indexOf('<div class="ru-slide__content"', at + content.html.length);
  }
  return out;
}

/** The lesson without its drills: a drill's prompt may repeat a speaker note's words. */
const withoutDrills = (html: string) => html.replace(/<ru-drill\b[\s\S]*?<\/ru-drill>/g, "");

describe("slide decks in the build", () => {
  it("finds the modules and the build", () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(existsSync(join(DIST, "index.html")), "run `astro build` first").toBe(true);
  });

  describe.each(modules)("%s", (id) => {
    const deckFile = join(DIST, "slides", id, "index.html");
    const mdx = readFileSync(join("content/modules", `${id}.mdx`), "utf8");

    it("has a deck", () => {
      expect(existsSync(deckFile), `${deckFile} is missing: src/pages/slides/[id]/index.astro should build one per module`).toBe(true);
    });

    it("shows every ## and ### of the lesson as a slide heading, in order, except lesson-only ones", () => {
      const slides = slideHeadings(readFileSync(deckFile, "utf8"));
      const shown = slides.map((s) => normalizeHeading(s.text));
      const headings = mdxHeadings(mdx);
      let from = 0;
      for (const h of headings.filter((x) => !x.lessonOnly)) {
        const at = shown.indexOf(normalizeHeading(h.text), from);
        expect(at, `content/modules/${id}.mdx:${h.line} "${h.text}" is not a slide (after slide ${from})`).toBeGreaterThanOrEqual(from);
        expect(slides[at]!.level, `"${h.text}" should be an h${h.level} on its slide`).toBe(h.level);
        from = at + 1;
      }
      for (const h of headings.filter((x) => x.lessonOnly)) {
        expect(shown, `"${h.text}" is <LessonOnly> but is on a slide`).not.toContain(normalizeHeading(h.text));
      }
    });

    it("keeps lesson-only prose and speaker notes where they belong", () => {
      const deck = readFileSync(deckFile, "utf8");
      // Compared as normalizeHeading does: smartypants turns ' into ’ in the HTML.
      const lesson = readFileSync(join(DIST, "modules", id, "index.html"), "utf8");
      const lessonText = normalizeHeading(htmlToText(withoutDrills(lesson)));
      const deckText = normalizeHeading(htmlToText(deck.replace(/<aside class="notes"[\s\S]*?<\/aside>/g, "")));
      /** The first words of each block of a component in the MDX, as a reader sees them. */
      const openings = (tag: string) =>
        [...mdx.matchAll(new RegExp(`<${tag}[^>]*>\\s*\\n([^\\n<{][^\\n]{29,})`, "g"))].map((m) =>
          // Markdown list markers and emphasis are not in the rendered text.
          normalizeHeading(m[1]!.replace(/^(\d+\.|[-*+])\s+/, "").replace(/[*`]/g, "")).slice(0, 30),
        );
      const notes = openings("Notes");
      for (const text of notes) expect(lessonText, `a speaker note shows in the lesson: "${text}"`).not.toContain(text);
      // One reveal.js notes aside per slide that has notes (several <Notes> on a slide share one).
      const asides = (deck.match(/<aside class="notes"/g) ?? []).length;
      expect(asides).toBeLessThanOrEqual(notes.length);
      expect(asides > 0).toBe(notes.length > 0);
      for (const text of openings("LessonOnly")) {
        expect(lessonText, `lesson-only text is missing from the lesson: "${text}"`).toContain(text);
        expect(deckText, `lesson-only text is on a slide: "${text}"`).not.toContain(text);
      }
    });

    it("is linked from the lesson, the deck index and back", () => {
      const lesson = readFileSync(join(DIST, "modules", id, "index.html"), "utf8");
      expect(lesson).toContain(`href="/slides/${id}/"`);
      expect(readFileSync(join(DIST, "slides", "index.html"), "utf8")).toContain(`href="/slides/${id}/"`);
      expect(readFileSync(deckFile, "utf8")).toContain(`href="/modules/${id}/"`);
    });
  });

  it("has a workshop plan that schedules the first module", () => {
    const plan = readFileSync(join(DIST, "workshop", "index.html"), "utf8");
    expect(plan).toContain("One-day workshop");
    expect(plan).toContain("Three-day workshop");
    expect(plan).toContain(`href="/slides/${modules[0]}/"`);
  });
});
