// <ru-deck>: starts reveal.js on the slides the build cut from a lesson, wires the
// toolbar, and in the print layout (?print-pdf) shrinks slides that would spill
// off their page, so the PDF has exactly one page per slide.
import Reveal from "reveal.js";
import { toggleTheme } from "../../lib/theme.ts";
import type { RevealApi, RevealConfig } from "reveal.js";
import RevealNotes from "reveal.js/plugin/notes";
import { pacing } from "../../lib/slides.ts";

interface DeckConfig {
  width: number;
  height: number;
  minutes: number;
}

/** Below this a printed slide stops shrinking (on A4 landscape: 10 pt text, 7 pt code) and is cut instead. */
const MIN_PRINT_ZOOM = 0.6;
/** Room kept at the foot of a cut slide for the note that says where the rest is. */
const CUT_NOTE_HEIGHT = 34;
/** Code blocks this long are printed in columns (two; three past 80 lines) when their slide would shrink too far. */
const LONG_CODE_LINES = 30;
/** On screen a slide shrinks this far at most (text stays readable from the back), then scrolls. */
const MIN_SCREEN_ZOOM = 0.78;
/** Slides with code editors are left at full size: their editors measure the screen themselves. */
const NO_SCREEN_FIT = "ru-runner, ru-drill";

export class DeckElement extends HTMLElement {
  reveal: RevealApi | null = null;

  connectedCallback() {
    // reveal.js moves slides around in the print layout; start once only.
    if (this.reveal) return;
    const config = JSON.parse(this.dataset.config!) as DeckConfig;
    const leaves = [...this.querySelectorAll<HTMLElement>(".slides section:not(.ru-stack)")];
    const pace = pacing(
      leaves.map((s) => ({ timingSeconds: Number(s.dataset.timing) || undefined })),
      config.minutes,
    );
    const receiver = /[?&]receiver\b/.test(location.search);
    const printView = /print-pdf/i.test(location.search);
    // reveal.js's types lag its speaker view: `totalTime` is missing and
    // `defaultTiming` is typed as null only, though both take seconds.
    const options: Omit<RevealConfig, "defaultTiming"> & { totalTime?: number; defaultTiming?: number } = {
      width: config.width,
      height: config.height,
      margin: 0.04,
      // Slides are top-aligned: a long slide scrolls from its heading down.
      center: false,
      hash: true,
      slideNumber: "c/t",
      controls: true,
      progress: true,
      // Slides switch at once: the site's [hidden] reset takes the outgoing slide
      // away before it could animate, and a still room reads better anyway.
      transition: "none",
      pdfMaxPagesPerSlide: 1,
      pdfSeparateFragments: false,
      // Keys belong to whatever has focus: arrows in a <select>, Space on a
      // button, anything while a dialog is open.
      keyboardCondition: (event: KeyboardEvent) => {
        // Handled already — e.g. Esc leaving a code editor must not also open the overview.
        if (event.defaultPrevented) return false;
        if (document.querySelector("dialog[open]")) return false;
        const active = document.activeElement;
        if (active instanceof HTMLSelectElement) return false;
        if (event.key === " " && active instanceof HTMLButtonElement) return false;
        return true;
      },
      plugins: [RevealNotes],
      ...pace,
    };
    const deck = new Reveal(this, options as RevealConfig);
    this.reveal = deck;
    deck.on("pdf-ready", () => {
      fitPrintedSlides(this, config.height);
      document.documentElement.dataset.deck = "print-ready";
    });
    deck.on("slidechanged", () => {
      this.updateLessonLink();
      this.fitCurrentSlide();
    });
    void deck.initialize().then(async () => {
      this.updateLessonLink();
      if (printView) return;
      await document.fonts.ready;
      this.fitCurrentSlide();
      document.documentElement.dataset.deck = "ready";
    });
    if (!receiver) this.wireToolbar(deck);
    else document.documentElement.classList.add("ru-deck-receiver");
  }

  /**
   * A slide a little too long for the screen is shrunk to fit rather than
   * scrolled (a clicker cannot scroll). Slides are measured when first shown:
   * hidden ones have no layout.
   */
  private fitCurrentSlide() {
    const slide = this.reveal?.getCurrentSlide();
    const content = slide?.querySelector<HTMLElement>(".ru-slide__content");
    if (!slide || !content || slide.dataset.fitted || slide.querySelector(NO_SCREEN_FIT)) return;
    slide.dataset.fitted = "true";
    fitContent(content, slide.getBoundingClientRect().height, MIN_SCREEN_ZOOM);
  }

  /** The toolbar's "Lesson" link follows the slide, to the same section of the lesson. */
  private updateLessonLink() {
    const link = document.querySelector<HTMLAnchorElement>("[data-deck-lesson]");
    const href = this.reveal?.getCurrentSlide()?.getAttribute("data-lesson-href");
    if (link && href) link.href = href;
  }

  private wireToolbar(deck: RevealApi) {
    const bar = document.querySelector(".ru-deck-bar");
    bar?.addEventListener("click", (event) => {
      const action = (event.target as Element).closest<HTMLElement>("[data-deck-action]")?.dataset.deckAction;
      if (action === "notes") (deck.getPlugin("notes") as unknown as { open(): void }).open();
      else if (action === "overview") deck.toggleOverview();
      else if (action === "theme") toggleTheme();
      // Give the keyboard back to the slides after a toolbar click.
      if (action) (event.target as HTMLElement).blur();
    });
    // Keep the current slide when switching to the print layout.
    const print = document.querySelector<HTMLAnchorElement>("[data-deck-print]");
    print?.addEventListener("click", () => {
      print.href = `?print-pdf${location.hash}`;
    });
  }
}


/**
 * Shrinks a slide's content until it is no taller than `available` (px on the
 * page) or `minZoom` is reached; returns the zoom used. CSS zoom reflows text, so
 * a shrunken slide still uses its full width — and its height changes with the
 * zoom, hence a few refining passes.
 */
export function fitContent(content: HTMLElement, available: number, minZoom: number): number {
  let zoom = 1;
  content.style.zoom = "";
  for (let pass = 0; pass < 4; pass++) {
    const needed = content.getBoundingClientRect().height;
    if (needed <= available + 1 || zoom === minZoom) break;
    zoom = Math.max(minZoom, (zoom * available) / needed - 0.005);
    content.style.zoom = String(zoom);
  }
  return zoom;
}

/**
 * The print layout: each slide shrinks to its page; one that would still spill
 * below MIN_PRINT_ZOOM is cut (and faded, see deck.css) rather than pushed onto
 * a second page, so the PDF has exactly one page per slide.
 */
export function fitPrintedSlides(root: HTMLElement, slideHeight: number) {
  for (const section of root.querySelectorAll<HTMLElement>(".pdf-page section.ru-slide")) {
    const content = section.querySelector<HTMLElement>(".ru-slide__content");
    if (!content) continue;
    let zoom = fitContent(content, slideHeight, MIN_PRINT_ZOOM);
    // A whole file (the ecosystem versions) will not fit at a readable size in
    // one column; in two it usually does, and shrunk text reflows into the
    // wider columns, so long lines rarely wrap.
    if (zoom < 0.7) {
      const longest = [...section.querySelectorAll<HTMLElement>("pre")]
        .filter((pre) => !pre.closest("ru-runner") && pre.querySelectorAll(".line").length >= LONG_CODE_LINES)
        .sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
      if (longest) {
        const lines = longest.querySelectorAll(".line").length;
        longest.classList.add("ru-print-columns");
        longest.style.setProperty("--ru-print-columns", String(lines > 80 ? 3 : 2));
        zoom = fitContent(content, slideHeight, MIN_PRINT_ZOOM);
      }
    }
    if (content.getBoundingClientRect().height > slideHeight + 1) {
      section.dataset.printCut = `… continued in the lesson: ${new URL(section.dataset.lessonHref ?? "", location.href).href}`;
      content.style.height = `${(slideHeight - CUT_NOTE_HEIGHT) / zoom}px`;
    }
  }
}

if (!customElements.get("ru-deck")) customElements.define("ru-deck", DeckElement);
