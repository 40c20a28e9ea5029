// <ru-deck>: starts reveal.js on the slides the build cut from a lesson, wires the
// toolbar, and in the print layout (?print-pdf) shrinks slides that would spill
// off their page, so the PDF has exactly one page per slide.
import Reveal from "reveal.js";
import type { RevealApi, RevealConfig } from "reveal.js";
import RevealNotes from "reveal.js/plugin/notes";
import { pacing } from "../../lib/slides.ts";

interface DeckConfig {
  width: number;
  height: number;
  minutes: number;
}

/** Below this a printed slide stops shrinking (about 8 pt body text on A4) and is cut instead. */
const MIN_PRINT_ZOOM = 0.55;

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
    const options: RevealConfig & { totalTime?: number; defaultTiming?: number | null } = {
      width: config.width,
      height: config.height,
      margin: 0.04,
      // Slides are top-aligned: a long slide scrolls from its heading down.
      center: false,
      hash: true,
      slideNumber: "c/t",
      controls: true,
      progress: true,
      transition: "slide",
      transitionSpeed: "fast",
      pdfMaxPagesPerSlide: 1,
      pdfSeparateFragments: false,
      // Keys belong to the control that has focus: arrows in a <select>, Space on
      // a button, anything while a dialog is open.
      keyboardCondition: (event: KeyboardEvent) => {
        if (document.querySelector("dialog[open]")) return false;
        const active = document.activeElement;
        if (active instanceof HTMLSelectElement) return false;
        if (event.key === " " && active instanceof HTMLButtonElement) return false;
        return true;
      },
      plugins: [RevealNotes],
      ...pace,
    };
    const deck = new Reveal(this, options);
    this.reveal = deck;
    deck.on("pdf-ready", () => {
      fitPrintedSlides(this, config.height);
      document.documentElement.dataset.deck = "print-ready";
    });
    deck.on("slidechanged", () => this.updateLessonLink());
    void deck.initialize().then(() => {
      this.updateLessonLink();
      if (!deck.isPrintView()) document.documentElement.dataset.deck = "ready";
    });
    if (!receiver) this.wireToolbar(deck);
    else document.documentElement.classList.add("ru-deck-receiver");
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

function toggleTheme() {
  const root = document.documentElement;
  const next = root.dataset.theme === "dark" ? "light" : "dark";
  root.dataset.theme = next;
  try {
    localStorage.setItem("ru-theme", next);
  } catch {
    // Storage can be disabled; the theme then lasts for this page only.
  }
}

/**
 * Shrinks each printed slide whose content is taller than the page, so no
 * slide spills onto a second page. CSS zoom reflows the text (a shrunken slide
 * uses the full width), so the fit is refined a few times; below
 * MIN_PRINT_ZOOM the slide is cut and says where the rest is.
 */
export function fitPrintedSlides(root: HTMLElement, slideHeight: number) {
  for (const section of root.querySelectorAll<HTMLElement>(".pdf-page section.ru-slide")) {
    const content = section.querySelector<HTMLElement>(".ru-slide__content");
    if (!content) continue;
    const style = getComputedStyle(section);
    const available = slideHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    let zoom = 1;
    for (let pass = 0; pass < 4; pass++) {
      const needed = content.getBoundingClientRect().height;
      if (needed <= available + 1) break;
      zoom = Math.max(MIN_PRINT_ZOOM, (zoom * available) / needed - 0.005);
      content.style.zoom = String(zoom);
      if (zoom === MIN_PRINT_ZOOM) break;
    }
    if (content.getBoundingClientRect().height > available + 1) {
      section.dataset.printCut = "true";
      content.style.height = `${available / zoom}px`;
    }
  }
}

if (!customElements.get("ru-deck")) customElements.define("ru-deck", DeckElement);
