// Pure logic of the crate atlas: resolving crate names (and sub-crate aliases),
// and computing which modules use which crate from the lessons themselves — the
// frontmatter `crates:` list and every <Crate name="…"/> in the text — so nobody
// types "used in module 03" twice. Unknown names fail the build with the fix.

export interface AtlasCrate {
  name: string;
  related: { name: string; kind: string }[];
}

export interface Resolved<C extends AtlasCrate = AtlasCrate> {
  crate: C;
  /** Set when the name is a sub-crate of the entry, e.g. linfa-logistic → linfa#linfa-logistic. */
  alias?: string;
}

export class CrateAtlasError extends Error {}

export function crateLinks(name: string): { cratesIo: string; docsRs: string } {
  return { cratesIo: `https://crates.io/crates/${name}`, docsRs: `https://docs.rs/${name}` };
}

/** The page of a crate; sub-crates land on their parent's page at their own anchor. */
export function crateHref(base: string, resolved: Resolved): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  return `${b}crates/${resolved.crate.name}/${resolved.alias ? `#${anchorId(resolved.alias)}` : ""}`;
}

export function anchorId(name: string): string {
  return `related-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

/**
 * Builds the name → entry lookup. `files` pairs each entry with the file it came
 * from, so a mismatch can name the file to rename.
 */
export function buildCrateIndex<C extends AtlasCrate>(entries: { file: string; crate: C }[]): Map<string, Resolved<C>> {
  const index = new Map<string, Resolved<C>>();
  const owner = new Map<string, string>();
  for (const { file, crate } of entries) {
    const stem = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
    if (stem !== crate.name) {
      throw new CrateAtlasError(
        `${file} has name: ${crate.name}, but atlas pages are named after their file: rename the file to content/crates/${crate.name}.yaml (or fix name:).`,
      );
    }
    const add = (name: string, resolved: Resolved<C>) => {
      const other = owner.get(name);
      if (other) {
        throw new CrateAtlasError(`"${name}" is claimed by both ${other} and ${file}: a crate belongs to one atlas entry; remove it from one of them.`);
      }
      owner.set(name, file);
      index.set(name, resolved);
    };
    add(crate.name, { crate });
    for (const r of crate.related) if (r.kind === "crate") add(r.name, { crate, alias: r.name });
  }
  return index;
}

export interface CrateMention {
  name: string;
  line: number;
}

/** Every <Crate name="…"> in a lesson body, with its line for error messages. */
export function scanCrateMentions(body: string): CrateMention[] {
  const found: CrateMention[] = [];
  const lines = body.split("\n");
  const re = /<Crate\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g;
  lines.forEach((text, i) => {
    for (const m of text.matchAll(re)) found.push({ name: m[1] ?? m[2] ?? m[3] ?? "", line: i + 1 });
  });
  return found;
}

export interface LessonForUsage {
  /** Module id, e.g. "01-fasta-gc". */
  id: string;
  number: number;
  title: string;
  /** Frontmatter `crates:`. */
  crates: string[];
  /** The MDX source after the frontmatter. */
  body: string;
  /** Lines before the body (the frontmatter), so errors can give the file's own line numbers. */
  lineOffset?: number;
}

export interface ModuleUse {
  id: string;
  number: number;
  title: string;
  /** The names the lesson used for this entry (the crate itself and/or its sub-crates). */
  via: string[];
}

/** Levenshtein distance, small and only for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Which modules use each atlas entry (keyed by entry name, in module order).
 * Throws one error listing every unknown name, each with its place and its fix.
 */
export function computeUsage<C extends AtlasCrate>(lessons: LessonForUsage[], index: Map<string, Resolved<C>>): Map<string, ModuleUse[]> {
  const usage = new Map<string, ModuleUse[]>();
  const problems: string[] = [];
  for (const lesson of [...lessons].sort((a, b) => a.number - b.number)) {
    const names: { name: string; where: string }[] = [
      ...lesson.crates.map((name) => ({ name, where: "frontmatter crates" })),
      ...scanCrateMentions(lesson.body).map((m) => ({ name: m.name, where: `<Crate name="${m.name}"/> on line ${m.line + (lesson.lineOffset ?? 0)}` })),
    ];
    for (const { name, where } of names) {
      const resolved = index.get(name);
      if (!resolved) {
        const hint = suggest(name, index.keys());
        problems.push(
          `  - content/modules/${lesson.id}.mdx, ${where}: no atlas entry "${name}". ` +
            (hint ? `Did you mean "${hint}"? ` : "") +
            `Add content/crates/${name}.yaml (copy the shape of content/crates/polars.yaml), or list it under related: of its parent crate.`,
        );
        continue;
      }
      const list = usage.get(resolved.crate.name) ?? [];
      let use = list.find((u) => u.id === lesson.id);
      if (!use) {
        use = { id: lesson.id, number: lesson.number, title: lesson.title, via: [] };
        list.push(use);
        usage.set(resolved.crate.name, list);
      }
      if (!use.via.includes(name)) use.via.push(name);
    }
  }
  if (problems.length > 0) {
    throw new CrateAtlasError(`Lessons name crates that the atlas does not have:\n${problems.join("\n")}`);
  }
  return usage;
}

/** "01 · FASTA records: …", the label of a module in filters and lists. */
export function moduleLabel(m: { number: number; title: string }): string {
  return `${String(m.number).padStart(2, "0")} · ${m.title}`;
}
