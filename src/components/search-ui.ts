// The search dialog's inside: loads Pagefind's browser bundle from the site itself
// (so search works offline), draws the facet filters, runs queries as the reader
// types and renders the results. Loaded on the first open only.
import { FACET_LABEL, FACET_ORDER } from "../lib/search-facets.ts";
import { orderFacetValues, pagefindFilters, type FacetSelection } from "../lib/search.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o?: { filters?: unknown }): Promise<PagefindSearch | null>;
  debouncedSearch(term: string | null, o?: { filters?: unknown }, ms?: number): Promise<PagefindSearch | null>;
}

const PAGE = 8;

export function mountSearch(root: HTMLElement, base: string) {
  const input = root.querySelector<HTMLInputElement>("[data-input]")!;
  const filtersBox = root.querySelector<HTMLElement>("[data-filters]")!;
  const filterBox = root.querySelector<HTMLDetailsElement>("[data-filterbox]")!;
  const status = root.querySelector<HTMLElement>("[data-status]")!;
  const list = root.querySelector<HTMLOListElement>("[data-results]")!;
  const more = root.querySelector<HTMLButtonElement>("[data-more]")!;
  const selection: FacetSelection = {};
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;

  const prefix = base.endsWith("/") ? base : `${base}/`;
  status.textContent = "Loading the search index…";
  const ready: Promise<Pagefind | null> = import(/* @vite-ignore */ `${prefix}pagefind/pagefind.js`)
    .then(async (pf: Pagefind) => {
      await pf.options({ baseUrl: prefix, excerptLength: 24 });
      await pf.init();
      drawFilters(await pf.filters());
      status.textContent = "";
      return pf;
    })
    .catch(() => {
      // `astro dev` serves no index: Pagefind runs after `astro build`.
      status.textContent = "The search index is built with the site (npm run build); it is not available in the dev server.";
      return null;
    });

  function drawFilters(all: Record<string, Record<string, number>>) {
    filtersBox.replaceChildren();
    for (const facet of FACET_ORDER) {
      const values = all[facet];
      if (!values || Object.keys(values).length === 0) continue;
      const group = document.createElement("fieldset");
      group.className = "ru-search-facet";
      group.dataset.facet = facet;
      const legend = document.createElement("legend");
      legend.textContent = FACET_LABEL[facet];
      group.append(legend);
      for (const [value, count] of orderFacetValues(facet, values)) {
        const label = document.createElement("label");
        label.className = "ru-search-chip";
        const box = document.createElement("input");
        box.type = "checkbox";
        box.value = value;
        box.addEventListener("change", () => {
          const chosen = [...group.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
          selection[facet] = chosen;
          void run();
        });
        const text = document.createElement("span");
        text.textContent = value;
        const n = document.createElement("span");
        n.className = "ru-search-chip__count";
        n.textContent = String(count);
        n.dataset.count = "";
        label.append(box, text, n);
        group.append(label);
      }
      filtersBox.append(group);
    }
    filterBox.hidden = filtersBox.childElementCount === 0;
    // Open on wide screens; on a phone the filters would push the results off screen, so they start folded.
    filterBox.open = matchMedia("(min-width: 40rem)").matches;
  }

  function updateCounts(counts: Record<string, Record<string, number>>) {
    for (const group of filtersBox.querySelectorAll<HTMLFieldSetElement>("fieldset")) {
      const facet = group.dataset.facet!;
      for (const label of group.querySelectorAll("label")) {
        const value = label.querySelector("input")!.value;
        label.querySelector("[data-count]")!.textContent = String(counts[facet]?.[value] ?? 0);
      }
    }
  }

  async function run() {
    const pf = await ready;
    if (!pf) return;
    const mine = ++generation;
    const term = input.value.trim();
    const filters = pagefindFilters(selection);
    const anyFilter = Object.keys(filters).length > 0;
    if (!term && !anyFilter) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    const search = await pf.debouncedSearch(term || null, { filters }, 200);
    // A newer keystroke superseded this search (debouncedSearch returns null then).
    if (!search || mine !== generation) return;
    results = search.results;
    shown = 0;
    list.replaceChildren();
    updateCounts(search.filters);
    await showMore(mine);
    if (mine !== generation) return;
    // Announced once the first results are on screen, so the status never describes an empty list;
    // the counter lets tests (and anything else watching) tell one finished search from the next.
    root.dataset.searches = String(Number(root.dataset.searches ?? 0) + 1);
    status.textContent =
      results.length === 0
        ? `No results${term ? ` for “${term}”` : ""}. Try fewer words or clear a filter.`
        : `${results.length} result${results.length === 1 ? "" : "s"}${term ? ` for “${term}”` : ""}`;
  }

  async function showMore(mine = generation) {
    const slice = results.slice(shown, shown + PAGE);
    shown += slice.length;
    const data = await Promise.all(slice.map((r) => r.data()));
    if (mine !== generation) return;
    for (const d of data) list.append(renderResult(d));
    more.hidden = shown >= results.length;
  }

  function renderResult(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement("li");
    li.className = "ru-search-result";
    const a = document.createElement("a");
    a.href = d.url;
    a.className = "ru-search-result__link";
    const kind = document.createElement("span");
    kind.className = "ru-search-result__kind";
    kind.textContent = d.meta.kind ?? "Page";
    const title = document.createElement("span");
    title.className = "ru-search-result__title";
    title.textContent = d.meta.title ?? d.url;
    a.append(kind, title);
    const excerpt = document.createElement("p");
    excerpt.className = "ru-search-result__excerpt";
    // Pagefind's excerpt is the page's text, HTML-escaped, with only <mark> added around the hits.
    excerpt.innerHTML = d.excerpt;
    li.append(a, excerpt);
    const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url && !s.url.endsWith("#")).slice(0, 2);
    if (subs.length > 0) {
      const ul = document.createElement("ul");
      ul.className = "ru-search-result__subs";
      for (const s of subs) {
        const sli = document.createElement("li");
        const sa = document.createElement("a");
        sa.href = s.url;
        sa.textContent = s.title;
        sli.append(sa);
        ul.append(sli);
      }
      li.append(ul);
    }
    return li;
  }

  input.addEventListener("input", () => void run());
  root.querySelector("[data-form]")!.addEventListener("submit", (e) => {
    e.preventDefault();
    root.querySelector<HTMLAnchorElement>(".ru-search-result__link")?.click();
  });
  more.addEventListener("click", () => void showMore());

  // Arrow keys walk from the box through the results and back: keyboard first.
  root.querySelector("dialog")!.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>(".ru-search-result__link")];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    e.preventDefault();
    if (e.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at <= 0) input.focus();
    else links[at - 1]!.focus();
  });

  return {
    open() {
      if (input.value.trim()) void run();
    },
  };
}
