// A lesson becomes a slide deck without a second copy of its text: the deck page
// renders the same MDX entry (with deck variants of the authoring components) to
// HTML, and this module cuts that HTML into reveal.js slides at build time.
//
// Only *top-level* headings cut: an `##` starts a slide, an `###` inside it a
// vertical sub-slide. Headings inside components (a runner's "Rust", a drill's
// title) are nested in their element, so they never split anything — which is why
// this walks the element tree instead of searching for "<h2".

/** What the deck variant of `<SlideBreak />` renders: "continue on a new sub-slide". */
export const SLIDE_BREAK = "<hr data-slide-break>";

export type SlideKind = "section" | "sub" | "continued";

export interface Slide {
  kind: SlideKind;
  /** Unique anchor: the heading's id (so `#/<id>` in the deck ↔ `#<id>` in the lesson). */
  id: string;
  /** The heading as plain text; for a continued slide, the title it continues. */
  title: string;
  /** The heading's inner HTML (inline code and all); "" for a continued slide. */
  titleHtml: string;
  /** The heading element without its id (the section carries it), or "" when continued. */
  heading: string;
  /** Everything else on the slide, speaker notes taken out. */
  body: string;
  /** Inner HTML of each `<aside class="notes">` on the slide, in order. */
  notes: string[];
  /** Seconds the author budgeted in `<Notes minutes={…}>`, if any. */
  timingSeconds?: number;
}

/** One `##` section: a single slide, or a vertical stack when it has sub-slides. */
export interface SlideSection {
  id: string;
  title: string;
  slides: Slide[];
}

export interface SplitDeck {
  /** Content before the first heading (the deck shows it on its own slide if visible). */
  preamble: string;
  sections: SlideSection[];
}

// ---------------------------------------------------------------------------
// A small HTML scanner: enough to find top-level elements in the well-formed HTML
// Astro renders. Raw-text elements are skipped whole, so a `<` inside a script or
// a JSON island cannot confuse it.

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const OPEN_TAG = /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([a-zA-Z][\w:.-]*)\s*>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export type HtmlNode =
  | { kind: "text"; html: string }
  | { kind: "comment"; html: string }
  | {
      kind: "element";
      html: string;
      tag: string;
      attrs: Record<string, string>;
      /** Offsets, within `html`, of the end of the opening tag and the start of the closing tag. */
      innerStart: number;
      innerEnd: number;
    };

export function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  return attrs;
}

/** The top-level nodes of an HTML fragment, each with its exact source text. */
export function topLevelNodes(html: string): HtmlNode[] {
  const nodes: HtmlNode[] = [];
  // Names of the open elements; only the outermost one becomes a node.
  const stack: string[] = [];
  let top: { start: number; tag: string; attrs: Record<string, string>; innerStart: number } | null = null;
  let cursor = 0; // end of the last top-level node: anything between is text
  let i = 0;

  const textUpTo = (at: number) => {
    if (at > cursor) nodes.push({ kind: "text", html: html.slice(cursor, at) });
  };
  const finishTop = (innerEnd: number, end: number) => {
    const t = top!;
    nodes.push({
      kind: "element",
      html: html.slice(t.start, end),
      tag: t.tag,
      attrs: t.attrs,
      innerStart: t.innerStart - t.start,
      innerEnd: innerEnd - t.start,
    });
    top = null;
    cursor = end;
  };

  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;

    if (html.startsWith("<!--", lt)) {
      const close = html.indexOf("-->", lt + 4);
      const end = close < 0 ? html.length : close + 3;
      if (stack.length === 0) {
        textUpTo(lt);
        nodes.push({ kind: "comment", html: html.slice(lt, end) });
        cursor = end;
      }
      i = end;
      continue;
    }

    CLOSE_TAG.lastIndex = lt;
    const close = CLOSE_TAG.exec(html);
    if (close) {
      const at = stack.lastIndexOf(close[1]!.toLowerCase());
      // A stray closing tag is ignored, as browsers do; missing inner ones are implied.
      if (at >= 0) {
        stack.length = at;
        if (stack.length === 0 && top) finishTop(lt, CLOSE_TAG.lastIndex);
      }
      i = CLOSE_TAG.lastIndex;
      continue;
    }

    OPEN_TAG.lastIndex = lt;
    const open = OPEN_TAG.exec(html);
    if (!open) {
      i = lt + 1; // a lone "<" or a doctype: text, not markup
      continue;
    }
    const tag = open[1]!.toLowerCase();
    const afterOpen = OPEN_TAG.lastIndex;
    if (stack.length === 0) {
      textUpTo(lt);
      top = { start: lt, tag, attrs: parseAttrs(open[2] ?? ""), innerStart: afterOpen };
    }
    if (open[3] === "/" || VOID.has(tag)) {
      if (stack.length === 0) finishTop(afterOpen, afterOpen);
      i = afterOpen;
      continue;
    }
    if (RAW_TEXT.has(tag)) {
      const closeAt = html.toLowerCase().indexOf(`</${tag}`, afterOpen);
      const innerEnd = closeAt < 0 ? html.length : closeAt;
      const gt = closeAt < 0 ? -1 : html.indexOf(">", closeAt);
      const end = gt < 0 ? html.length : gt + 1;
      if (stack.length === 0) finishTop(innerEnd, end);
      i = end;
      continue;
    }
    stack.push(tag);
    i = afterOpen;
  }
  if (top) finishTop(html.length, html.length); // unclosed at the end: it runs to the end
  else textUpTo(html.length);
  return nodes;
}

// ---------------------------------------------------------------------------
// Text helpers

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML fragment (scripts and styles dropped). */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Headings compared between the MDX source and the built deck: markdown and
 * typography differ (`code` vs <code>, ' vs ’ from smartypants), the words do not.
 */
export function normalizeHeading(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-") || "slide"
  );
}

/** True when an HTML fragment shows something (scripts, styles and whitespace alone do not). */
export function hasVisibleContent(html: string): boolean {
  return topLevelNodes(html).some((n) =>
    n.kind === "element" ? !["script", "style", "link", "template"].includes(n.tag) : n.kind === "text" && n.html.trim() !== "",
  );
}

function withoutAttr(element: Extract<HtmlNode, { kind: "element" }>, name: string): string {
  const open = element.html.slice(0, element.innerStart);
  const stripped = open.replace(new RegExp(`\\s${name}(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?(?=[\\s/>])`, "i"), "");
  return stripped + element.html.slice(element.innerStart);
}

const classes = (attrs: Record<string, string>) => (attrs.class ?? "").split(/\s+/).filter(Boolean);

// ---------------------------------------------------------------------------
// The split

/**
 * Cuts rendered lesson HTML into slides: each top-level `<h2>` opens a section,
 * each top-level `<h3>` a sub-slide of it, each {@link SLIDE_BREAK} a continued
 * sub-slide. Top-level `<aside class="notes">` become the slide's speaker notes;
 * nested `<section>`s become `<div>`s (see {@link demoteSections}).
 */
export function splitSlides(html: string): SplitDeck {
  const deck: SplitDeck = { preamble: "", sections: [] };
  const usedIds = new Set<string>();
  let slide: Slide | null = null;

  let runId = ""; // id of the last headed slide: continued slides are numbered after it
  const uniqueId = (wanted: string, firstSuffix: number) => {
    let id = firstSuffix > 1 ? `${wanted}-${firstSuffix}` : wanted;
    for (let n = Math.max(firstSuffix, 1) + 1; usedIds.has(id); n++) id = `${wanted}-${n}`;
    usedIds.add(id);
    return id;
  };
  const startSlide = (kind: SlideKind, node: Extract<HtmlNode, { kind: "element" }> | null, title: string) => {
    const id = kind === "continued" ? uniqueId(runId, 2) : uniqueId(node?.attrs.id || slugify(title), 1);
    if (kind !== "continued") runId = id;
    const next: Slide = {
      kind,
      id,
      title,
      titleHtml: node ? node.html.slice(node.innerStart, node.innerEnd) : "",
      heading: node ? withoutAttr(node, "id") : "",
      body: "",
      notes: [],
    };
    if (kind === "section" || deck.sections.length === 0) deck.sections.push({ id, title, slides: [] });
    deck.sections.at(-1)!.slides.push(next);
    slide = next;
  };

  for (const node of topLevelNodes(html)) {
    const current = slide as Slide | null;
    if (node.kind === "element" && (node.tag === "h2" || node.tag === "h3")) {
      const title = htmlToText(node.html);
      // An ### before any ## still needs a section to live in.
      startSlide(node.tag === "h2" || !current ? "section" : "sub", node, title);
      continue;
    }
    if (node.kind === "element" && node.tag === "hr" && "data-slide-break" in node.attrs) {
      // A break with nothing before it on the slide would leave an empty slide.
      if (current && hasVisibleContent(current.body)) startSlide("continued", null, current.title);
      continue;
    }
    if (node.kind === "element" && node.tag === "aside" && classes(node.attrs).includes("notes")) {
      const inner = node.html.slice(node.innerStart, node.innerEnd).trim();
      const minutes = Number(node.attrs["data-minutes"]);
      if (current) {
        current.notes.push(inner);
        if (Number.isFinite(minutes) && minutes > 0) current.timingSeconds = (current.timingSeconds ?? 0) + Math.round(minutes * 60);
      } else deck.preamble += node.html; // notes before any heading stay with the preamble
      continue;
    }
    const html = node.kind === "element" && !RAW_TEXT.has(node.tag) ? demoteSections(node.html) : node.html;
    if (current) current.body += html;
    else deck.preamble += html;
  }
  for (const section of deck.sections) for (const s of section.slides) s.body = s.body.trim();
  deck.preamble = deck.preamble.trim();
  return deck;
}

/**
 * reveal.js takes every `<section>` under its slides element for a slide (the
 * print layout gives each a page), so sections inside slide content — a quiz, a
 * reference list — are rendered as `<div>`s. Named ones keep their landmark role.
 */
export function demoteSections(html: string): string {
  return html
    .replace(/<section\b([^>]*)>/gi, (_, attrs: string) =>
      /\saria-label(ledby)?\s*=/i.test(attrs) && !/\srole\s*=/i.test(attrs) ? `<div role="region"${attrs}>` : `<div${attrs}>`,
    )
    .replace(/<\/section\s*>/gi, "</div>");
}

/**
 * Puts a {@link SLIDE_BREAK} before the first top-level `<tag>` of a fragment
 * (or leaves the fragment alone when there is none): how a deck component moves
 * its interactive part to a sub-slide of its own while its lead-in text stays.
 */
export function insertBreakBefore(html: string, tag: string): string {
  let offset = 0;
  for (const node of topLevelNodes(html)) {
    if (node.kind === "element" && node.tag === tag.toLowerCase()) return html.slice(0, offset) + SLIDE_BREAK + html.slice(offset);
    offset += node.html.length;
  }
  return html;
}

/** Every slide of the deck in reading order (left to right, then down each stack). */
export function flattenSlides(deck: SplitDeck): Slide[] {
  return deck.sections.flatMap((s) => s.slides);
}

/** Position of a continued slide within its run, e.g. "2/3", for its kicker. */
export function continuationLabel(section: SlideSection, index: number): string | null {
  const slides = section.slides;
  if (slides[index]?.kind !== "continued") return null;
  let first = index;
  while (first > 0 && slides[first]!.kind === "continued") first--;
  let last = index;
  while (last + 1 < slides.length && slides[last + 1]!.kind === "continued") last++;
  return `${index - first + 1}/${last - first + 1}`;
}

// ---------------------------------------------------------------------------
// The MDX side of the build check: which headings must become slides

export interface SourceHeading {
  level: 2 | 3;
  /** Plain text of the heading (inline markdown removed). */
  text: string;
  line: number;
  /** Inside `<LessonOnly>`: the lesson shows it, the deck must not. */
  lessonOnly: boolean;
}

/** Inline markdown → the text a reader sees. */
function markdownInlineText(md: string): string {
  // Code spans are taken as they are: `Vec<f64>` is text, not a tag to strip.
  return md
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2
        ? part.slice(1, -1)
        : part
            .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
            .replace(/(\*\*|__)(.+?)\1/g, "$2")
            .replace(/(^|[^\w*])[*_](?!\s)(.+?)[*_](?![\w*])/g, "$1$2")
            .replace(/<[^>]+>/g, ""),
    )
    .join("")
    .trim();
}

/**
 * The `##` and `###` headings of an MDX lesson (not those in fenced code or
 * `{/* … *\/}` comments), each marked when it sits inside `<LessonOnly>`.
 */
export function mdxHeadings(mdx: string): SourceHeading[] {
  const lines = mdx.replace(/^---\n[\s\S]*?\n---\n/, (fm) => "\n".repeat(fm.split("\n").length - 1)).split("\n");
  const out: SourceHeading[] = [];
  let fence: string | null = null;
  let lessonOnly = 0;
  let inComment = false;
  lines.forEach((raw, index) => {
    let line = raw;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      return;
    }
    if (fenceMark) {
      fence = fenceMark;
      return;
    }
    // Drop {/* … */} comments, which may span lines.
    if (inComment) {
      const end = line.indexOf("*/}");
      if (end < 0) return;
      line = line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/\{\/\*[\s\S]*?\*\/\}/g, "");
    const open = line.indexOf("{/*");
    if (open >= 0) {
      line = line.slice(0, open);
      inComment = true;
    }
    const heading = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push({ level: heading[1]!.length as 2 | 3, text: markdownInlineText(heading[2]!), line: index + 1, lessonOnly: lessonOnly > 0 });
    }
    lessonOnly += (line.match(/<LessonOnly(\s[^>]*)?>/g) ?? []).length;
    lessonOnly -= (line.match(/<\/LessonOnly\s*>/g) ?? []).length;
    lessonOnly = Math.max(lessonOnly, 0);
  });
  return out;
}

/** The headings a lesson's deck must show as slides: all but the lesson-only ones. */
export function deckHeadingsFromMdx(mdx: string): SourceHeading[] {
  return mdxHeadings(mdx).filter((h) => !h.lessonOnly);
}

// ---------------------------------------------------------------------------
// Pacing for the speaker view's timer

export interface Pacing {
  /** reveal.js `totalTime` (seconds), shared among slides without their own timing. */
  totalTime?: number;
  /** reveal.js `defaultTiming` (seconds per slide), when the budgeted timings already use up the total. */
  defaultTiming?: number;
}

/** Least time a slide without its own timing should get from what the timed ones leave. */
const MIN_SHARE_SECONDS = 30;

/**
 * The module's teaching minutes spread over its slides, honouring the timings
 * authors give in `<Notes minutes>`: reveal.js's `totalTime` shares what those
 * leave among the other slides. When they leave less than half a minute per
 * slide (or nothing, or less than nothing), a flat minute per untimed slide is
 * a more honest pace than a near-zero share.
 */
export function pacing(slides: Pick<Slide, "timingSeconds">[], minutes: number): Pacing {
  const budgeted = slides.reduce((sum, s) => sum + (s.timingSeconds ?? 0), 0);
  const untimed = slides.filter((s) => !s.timingSeconds).length;
  const total = Math.round(minutes * 60);
  if (untimed === 0 || total - budgeted >= untimed * MIN_SHARE_SECONDS) return { totalTime: total };
  return { defaultTiming: 60 };
}
