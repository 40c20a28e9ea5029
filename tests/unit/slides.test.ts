import { describe, expect, it } from "vitest";
import {
  continuationLabel,
  deckHeadingsFromMdx,
  demoteSections,
  flattenSlides,
  hasVisibleContent,
  htmlToText,
  insertBreakBefore,
  normalizeHeading,
  pacing,
  SLIDE_BREAK,
  splitSlides,
  topLevelNodes,
} from "../../src/lib/slides.ts";

describe("topLevelNodes", () => {
  it("returns each top-level element whole, with the text between", () => {
    const nodes = topLevelNodes('<h2 id="a">A</h2>\n<p>one <b>two</b></p><hr><img src="x"/>tail');
    expect(nodes.map((n) => (n.kind === "element" ? n.tag : n.kind))).toEqual(["h2", "text", "p", "hr", "img", "text"]);
    expect(nodes[2]!.html).toBe("<p>one <b>two</b></p>");
  });

  it("is not fooled by markup-like text in scripts, attributes or comments", () => {
    const html = `<script type="application/json">{"a":"</p><h2>"}</script><div title="a > b <h2>">x</div><!-- <h2> --><p>y</p>`;
    const nodes = topLevelNodes(html);
    expect(nodes.map((n) => (n.kind === "element" ? n.tag : n.kind))).toEqual(["script", "div", "comment", "p"]);
    expect(nodes.map((n) => n.html).join("")).toBe(html);
  });

  it("keeps nested headings inside their element", () => {
    const nodes = topLevelNodes("<ru-runner><header><h3>Rust</h3></header></ru-runner><h3>Top</h3>");
    expect(nodes.map((n) => (n.kind === "element" ? n.tag : n.kind))).toEqual(["ru-runner", "h3"]);
  });

  it("reads attributes, decoding entities", () => {
    const [node] = topLevelNodes(`<aside class="notes extra" data-minutes='5' hidden title="a &amp; b">x</aside>`);
    expect(node!.kind === "element" && node!.attrs).toEqual({ class: "notes extra", "data-minutes": "5", hidden: "", title: "a & b" });
  });

  it("tolerates a stray closing tag and an unclosed element at the end", () => {
    const nodes = topLevelNodes("<p>a</span></p><div>open");
    expect(nodes.map((n) => n.html)).toEqual(["<p>a</span></p>", "<div>open"]);
  });
});

describe("splitSlides", () => {
  const lesson = [
    "<p>intro</p>",
    '<h2 id="why">Why</h2><p>because</p>',
    '<aside class="notes" data-minutes="4"><p>Say <em>this</em>.</p></aside>',
    '<h2 id="walk">Walking</h2>',
    '<h3 id="errors">Errors: <code>Result</code></h3><p>e</p>',
    '<ru-drill><header><h3>Nested drill title</h3></header></ru-drill>',
    '<h3 id="buffer">Buffer</h3><p>b1</p>',
    SLIDE_BREAK,
    '<p>b2</p><aside class="notes"><p>more</p></aside>',
    '<h2 id="end">End</h2>',
  ].join("\n");
  const deck = splitSlides(lesson);

  it("makes a section per ## and a sub-slide per ### and per slide break", () => {
    expect(deck.preamble).toBe("<p>intro</p>");
    expect(deck.sections.map((s) => s.slides.map((x) => `${x.kind}:${x.id}`))).toEqual([
      ["section:why"],
      ["section:walk", "sub:errors", "sub:buffer", "continued:buffer-2"],
      ["section:end"],
    ]);
  });

  it("never splits at a heading inside a component", () => {
    const errors = deck.sections[1]!.slides[1]!;
    expect(errors.body).toContain("Nested drill title");
    expect(flattenSlides(deck).map((s) => s.title)).not.toContain("Nested drill title");
  });

  it("moves the heading's id to the slide and keeps the heading's markup", () => {
    const errors = deck.sections[1]!.slides[1]!;
    expect(errors.heading).toBe("<h3>Errors: <code>Result</code></h3>");
    expect(errors.title).toBe("Errors: Result");
    expect(errors.titleHtml).toBe("Errors: <code>Result</code>");
  });

  it("takes speaker notes out of the body, with their minutes as timing", () => {
    const why = deck.sections[0]!.slides[0]!;
    expect(why.body).toBe("<p>because</p>");
    expect(why.notes).toEqual(["<p>Say <em>this</em>.</p>"]);
    expect(why.timingSeconds).toBe(240);
    const cont = deck.sections[1]!.slides[3]!;
    expect(cont).toMatchObject({ title: "Buffer", titleHtml: "", heading: "", body: "<p>b2</p>", notes: ["<p>more</p>"] });
    expect(cont.timingSeconds).toBeUndefined();
  });

  it("ignores a slide break with nothing before it on the slide", () => {
    const d = splitSlides(`<h2 id="t">T</h2>${SLIDE_BREAK}<script type="module" src="x.js"></script>${SLIDE_BREAK}<p>x</p>`);
    expect(d.sections[0]!.slides.map((s) => s.kind)).toEqual(["section"]);
  });

  it("makes ids unique and invents one for a heading without", () => {
    const d = splitSlides("<h2>Same</h2><h2>Same</h2><h2 id='x'>X</h2><h2 id='x'>X again</h2>");
    expect(d.sections.map((s) => s.id)).toEqual(["same", "same-2", "x", "x-2"]);
  });

  it("gives an ### before any ## a section of its own", () => {
    const d = splitSlides("<h3 id='a'>A</h3><p>a</p><h3 id='b'>B</h3>");
    expect(d.sections.map((s) => s.slides.map((x) => x.kind))).toEqual([["section", "sub"]]);
  });

  it("renders nested <section>s as <div>s, which reveal.js would take for slides", () => {
    const d = splitSlides('<h2>Q</h2><section class="ru-quiz" aria-label="Quiz"><section>inner</section></section>');
    expect(d.sections[0]!.slides[0]!.body).toBe('<div role="region" class="ru-quiz" aria-label="Quiz"><div>inner</div></div>');
  });

  it("numbers a run of continued slides from the slide they continue", () => {
    const d = splitSlides(`<h2 id="p">P</h2><p>1</p>${SLIDE_BREAK}<p>2</p>${SLIDE_BREAK}<p>3</p>`);
    const section = d.sections[0]!;
    expect(section.slides.map((s) => s.id)).toEqual(["p", "p-2", "p-3"]);
    expect(section.slides.map((_, i) => continuationLabel(section, i))).toEqual([null, "2/3", "3/3"]);
  });
});

describe("insertBreakBefore", () => {
  it("breaks before the first top-level element of that name only", () => {
    const html = '<p class="contract">c</p><ru-triptych><ru-runner></ru-runner></ru-triptych><script></script>';
    expect(insertBreakBefore(html, "ru-triptych")).toBe(`<p class="contract">c</p>${SLIDE_BREAK}<ru-triptych><ru-runner></ru-runner></ru-triptych><script></script>`);
    expect(insertBreakBefore(html, "ru-runner")).toBe(html);
  });
});

describe("helpers", () => {
  it("tells visible content from scripts and whitespace", () => {
    expect(hasVisibleContent('  <script type="module" src="a.js"></script>\n')).toBe(false);
    expect(hasVisibleContent("<p>x</p>")).toBe(true);
    expect(hasVisibleContent(" text ")).toBe(true);
  });

  it("extracts text and normalises typography for comparison", () => {
    expect(htmlToText("<h3>Errors: <code>Result</code> &amp; <code>?</code></h3>")).toBe("Errors: Result & ?");
    expect(normalizeHeading("What’s “new” — here…")).toBe(normalizeHeading(`What's "new" - here...`));
  });

  it("keeps named sections as landmarks when demoting them", () => {
    expect(demoteSections('<section aria-labelledby="r"><h2 id="r">R</h2></section>')).toBe('<div role="region" aria-labelledby="r"><h2 id="r">R</h2></div>');
    expect(demoteSections("<section class='x'>y</section>")).toBe("<div class='x'>y</div>");
  });
});

describe("deckHeadingsFromMdx", () => {
  const mdx = [
    "---",
    "title: x",
    "---",
    "## Why `this`",
    "",
    "<LessonOnly>",
    "## Long background",
    "",
    "Prose.",
    "</LessonOnly>",
    "",
    "```md",
    "## Not a heading (code)",
    "```",
    "{/* ## Not a heading (comment) */}",
    "{/*",
    "## Not a heading either",
    "*/}",
    "### A **sub** section",
    "<SlideOnly>",
    "## Only on slides",
    "</SlideOnly>",
    "<LessonOnly>Inline lesson-only text.</LessonOnly>",
    "## After",
  ].join("\n");

  it("lists ## and ### headings outside LessonOnly, code and comments", () => {
    expect(deckHeadingsFromMdx(mdx).map((h) => [h.level, h.text])).toEqual([
      [2, "Why this"],
      [3, "A sub section"],
      [2, "Only on slides"],
      [2, "After"],
    ]);
  });

  it("reports source line numbers", () => {
    expect(deckHeadingsFromMdx(mdx)[0]!.line).toBe(4);
  });

  it("keeps angle brackets inside code spans (they are text, not tags)", () => {
    expect(deckHeadingsFromMdx("## One flat `Vec<f64>`, row-major <Crate name=\"ndarray\" />").map((h) => h.text)).toEqual([
      "One flat Vec<f64>, row-major",
    ]);
  });
});

describe("pacing", () => {
  it("shares the module's minutes among slides without their own timing", () => {
    expect(pacing([{ timingSeconds: 300 }, {}, {}], 75)).toEqual({ totalTime: 4500 });
  });

  it("falls back to a flat default when the budgeted timings use up the total", () => {
    expect(pacing([{ timingSeconds: 4500 }, {}], 75)).toEqual({ defaultTiming: 60 });
  });

  it("uses the total when every slide has a timing", () => {
    expect(pacing([{ timingSeconds: 60 }], 1)).toEqual({ totalTime: 60 });
  });
});
