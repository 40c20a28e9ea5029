// Formats a bibliography entry in a compact author–year style.
export interface ReferenceData {
  kind: "article" | "book" | "software" | "website";
  authors: string[];
  title: string;
  year: number;
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  url?: string;
}

export function formatReference(r: ReferenceData): { text: string; href?: string; linkText?: string } {
  const authors = r.authors.length > 6 ? `${r.authors.slice(0, 6).join(", ")}, et al.` : r.authors.join(", ");
  let where = r.venue ?? "";
  if (r.volume) where += ` ${r.volume}${r.issue ? `(${r.issue})` : ""}`;
  if (r.pages) where += `:${r.pages}`;
  const text = `${authors} (${r.year}). ${r.title}.${where ? ` ${where.trim()}.` : ""}`;
  if (r.doi) return { text, href: `https://doi.org/${r.doi}`, linkText: `doi:${r.doi}` };
  if (r.url) return { text, href: r.url, linkText: r.url.replace(/^https?:\/\//, "") };
  return { text };
}

/** "Köster 2016", "Huey & Abdennur 2024", "Reimert et al. 2024": the label readers scan for. */
export function shortCite(r: Pick<ReferenceData, "authors" | "year">): string {
  // Family name is the first word of "Köster J"; names like "de Hoon MJL" keep their particle.
  const family = (a: string) => a.replace(/\s+[A-Z][A-Za-z-]*\.?(\s+Jr)?$/, "").replace(/\s*\(.*\)$/, "");
  const [first, second] = r.authors;
  if (!first) return String(r.year);
  if (r.authors.length === 1) return `${family(first)} ${r.year}`;
  if (r.authors.length === 2 && second) return `${family(first)} & ${family(second)} ${r.year}`;
  return `${family(first)} et al. ${r.year}`;
}
