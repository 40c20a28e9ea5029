// Pure helpers of the site search: when a key press opens it, how the dialog's
// facet choices become a Pagefind filter, and drill prompts as search records.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  /** The focused element's tag, contenteditable state and whether it sits in a code editor. */
  target: { tagName?: string; isContentEditable?: boolean; inEditor?: boolean; type?: string } | null;
}

const TEXT_INPUT_TYPES = new Set(["", "text", "search", "email", "url", "tel", "password", "number"]);

/** True while the reader is typing somewhere a "/" belongs to the text. */
export function isTyping(target: KeyLike["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.inEditor) return true;
  const tag = target.tagName?.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && TEXT_INPUT_TYPES.has((target.type ?? "").toLowerCase());
}

/**
 * "/" opens search when the reader is not typing; Ctrl+K (Cmd+K on a Mac) opens
 * it from anywhere, editors included, because nothing on the site binds it.
 */
export function opensSearch(e: KeyLike): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") return true;
  return e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
}

export type FacetSelection = Record<string, string[]>;

/** Values chosen within a facet are alternatives (any); different facets must all hold. */
export function pagefindFilters(selection: FacetSelection): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [facet, values] of Object.entries(selection)) if (values.length > 0) out[facet] = { any: [...values] };
  return out;
}

/** Pagefind's filter counts, ordered for display: modules by number, the rest by count then name. */
export function orderFacetValues(facet: string, counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts);
  if (facet === "module") return entries.sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** Visible text of rendered markdown, for a custom search record. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|li|h\d|pre|div|tr)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
