// Filtering and sorting the /crates/ table. Pure, so the browser element and the
// unit tests run the same code; the element reads each row's data-* attributes.

export interface AtlasRow {
  name: string;
  category: string;
  /** Space-separated domain keys. */
  domains: string;
  /** Lower-cased text of the Python and R equivalents, for the equivalent filter. */
  equivalents: string;
  purpose: string;
  maturity: string;
  /** Sort key of the module column: the first module that uses it, 0 if none. */
  firstModule: number;
}

export interface AtlasFilter {
  category?: string;
  domain?: string;
  /** Free text matched against name, purpose and the Python/R equivalents. */
  text?: string;
}

export type SortKey = "name" | "category" | "maturity" | "firstModule";
export type SortDir = "ascending" | "descending";

const MATURITY_ORDER = ["stable", "maturing", "experimental", "research"];

export function matches(row: AtlasRow, f: AtlasFilter): boolean {
  if (f.category && row.category !== f.category) return false;
  if (f.domain && !row.domains.split(" ").includes(f.domain)) return false;
  const text = f.text?.trim().toLowerCase();
  if (text) {
    const hay = `${row.name} ${row.purpose} ${row.equivalents}`.toLowerCase();
    if (!text.split(/\s+/).every((word) => hay.includes(word))) return false;
  }
  return true;
}

export function compareRows(a: AtlasRow, b: AtlasRow, key: SortKey, dir: SortDir): number {
  let c: number;
  if (key === "maturity") c = MATURITY_ORDER.indexOf(a.maturity) - MATURITY_ORDER.indexOf(b.maturity);
  else if (key === "firstModule") {
    // Crates no module uses yet sort last either way: they are the least relevant to a reader of the course.
    if ((a.firstModule === 0) !== (b.firstModule === 0)) return a.firstModule === 0 ? 1 : -1;
    c = a.firstModule - b.firstModule;
  } else c = a[key].localeCompare(b[key]);
  if (c === 0 && key !== "name") c = a.name.localeCompare(b.name);
  return dir === "ascending" ? c : -c;
}

/** The filter as URL search parameters, so a filtered atlas can be linked to. */
export function filterToQuery(f: AtlasFilter): string {
  const p = new URLSearchParams();
  if (f.category) p.set("category", f.category);
  if (f.domain) p.set("domain", f.domain);
  if (f.text?.trim()) p.set("q", f.text.trim());
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function filterFromQuery(search: string, known: { categories: string[]; domains: string[] }): AtlasFilter {
  const p = new URLSearchParams(search);
  const category = p.get("category") ?? undefined;
  const domain = p.get("domain") ?? undefined;
  return {
    // Unknown values (an old link, a typo) are dropped rather than showing an empty table.
    category: category && known.categories.includes(category) ? category : undefined,
    domain: domain && known.domains.includes(domain) ? domain : undefined,
    text: p.get("q") ?? undefined,
  };
}
