// Enhances the /crates/ table: filters, sortable headers, and the filter kept in
// the URL (so "the sequence crates" is a link). The logic is src/lib/atlas-table.ts.
import {
  compareRows,
  filterFromQuery,
  filterToQuery,
  matches,
  type AtlasFilter,
  type AtlasRow,
  type SortDir,
  type SortKey,
} from "../lib/atlas-table.ts";

function rowData(tr: HTMLTableRowElement): AtlasRow {
  const d = tr.dataset;
  return {
    name: d.name ?? "",
    category: d.category ?? "",
    domains: d.domains ?? "",
    equivalents: d.equivalents ?? "",
    purpose: d.purpose ?? "",
    maturity: d.maturity ?? "",
    firstModule: Number(d.firstModule ?? 0),
  };
}

export function enhanceAtlasTable(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("[data-filters]");
  const tbody = root.querySelector("tbody");
  if (!form || !tbody) return;
  const rows = [...tbody.querySelectorAll<HTMLTableRowElement>("tr")].map((tr) => ({ tr, data: rowData(tr) }));
  const count = root.querySelector<HTMLOutputElement>("[data-count]");
  const empty = root.querySelector<HTMLElement>("[data-empty]");
  const category = form.elements.namedItem("category") as HTMLSelectElement;
  const domain = form.elements.namedItem("domain") as HTMLSelectElement;
  const text = form.elements.namedItem("q") as HTMLInputElement;
  const known = {
    categories: [...category.options].map((o) => o.value).filter(Boolean),
    domains: [...domain.options].map((o) => o.value).filter(Boolean),
  };

  const current = (): AtlasFilter => ({ category: category.value || undefined, domain: domain.value || undefined, text: text.value });

  const apply = (updateUrl: boolean) => {
    const f = current();
    let shown = 0;
    for (const r of rows) {
      const ok = matches(r.data, f);
      r.tr.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.value = `${shown} of ${rows.length} crates`;
    if (empty) empty.hidden = shown > 0;
    if (updateUrl) history.replaceState(history.state, "", `${location.pathname}${filterToQuery(f)}${location.hash}`);
  };

  const initial = filterFromQuery(location.search, known);
  category.value = initial.category ?? "";
  domain.value = initial.domain ?? "";
  text.value = initial.text ?? "";
  form.hidden = false;
  form.addEventListener("input", () => apply(true));
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => queueMicrotask(() => apply(true)));
  root.querySelector("[data-clear]")?.addEventListener("click", () => {
    form.reset();
    text.focus();
  });
  apply(false);

  // Sortable headers: a real <button> in each sortable <th>, with aria-sort on the <th>.
  const headers = [...root.querySelectorAll<HTMLTableCellElement>("th[data-sort]")];
  for (const th of headers) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ru-atlas__sort";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      const key = th.dataset.sort as SortKey;
      const dir: SortDir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", dir);
      const sorted = [...rows].sort((a, b) => compareRows(a.data, b.data, key, dir));
      tbody.append(...sorted.map((r) => r.tr));
    });
  }
}
