// The search facets every indexed page declares (Pagefind filters). One place
// defines their names and values, so the dialog's filter labels, the pages'
// attributes and the drill records built after the site cannot drift apart.

export const FACET = {
  type: "type",
  module: "module",
  language: "language",
  category: "category",
} as const;

export const FACET_LABEL: Record<keyof typeof FACET, string> = {
  type: "Kind",
  module: "Module",
  language: "Language",
  category: "Crate category",
};

/** The order the dialog shows the facets in. */
export const FACET_ORDER = ["type", "language", "category", "module"] as const;

export type ResultKind = "Lesson" | "Drill" | "Crate" | "Reference" | "Translation table" | "Atlas";

export interface PageFacets {
  type: ResultKind;
  modules?: string[];
  languages?: string[];
  categories?: string[];
}

/** Filter values as Pagefind's `filters` map (used for custom records and tests). */
export function facetFilters(f: PageFacets): Record<string, string[]> {
  const out: Record<string, string[]> = { [FACET.type]: [f.type] };
  if (f.modules?.length) out[FACET.module] = [...new Set(f.modules)];
  if (f.languages?.length) out[FACET.language] = [...new Set(f.languages)];
  if (f.categories?.length) out[FACET.category] = [...new Set(f.categories)];
  return out;
}
