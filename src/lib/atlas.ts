// The crate atlas at build time: content/crates joined with the lessons that use
// each crate. Pages, <Crate/> and the search metadata all read it from here, so a
// lesson naming an unknown crate fails the build once, with the fix in the message.
import { readFileSync } from "node:fs";
import { getCollection, type CollectionEntry } from "astro:content";
import { buildCrateIndex, computeUsage, type ModuleUse, type Resolved } from "./crates.ts";
import { getModules } from "./modules.ts";

export type CrateEntry = CollectionEntry<"crates">;

export interface AtlasCrateInfo {
  entry: CrateEntry;
  usedIn: ModuleUse[];
}

export interface Atlas {
  /** Entries sorted by name. */
  crates: AtlasCrateInfo[];
  byName: Map<string, AtlasCrateInfo>;
  /** Every name a lesson may use: crates and their `related` sub-crates. */
  index: Map<string, Resolved<CrateEntry["data"]>>;
}

async function buildAtlas(): Promise<Atlas> {
  const entries = await getCollection("crates");
  const index = buildCrateIndex(entries.map((e) => ({ file: e.filePath ?? `content/crates/${e.id}.yaml`, crate: e.data })));
  const modules = await getModules();
  const usage = computeUsage(
    modules.map((m) => ({
      id: m.id,
      number: m.data.number,
      title: m.data.title,
      crates: m.data.crates,
      body: m.body ?? "",
      lineOffset: frontmatterLines(m.filePath, m.body ?? ""),
    })),
    index,
  );
  const crates = entries
    .map((entry) => ({ entry, usedIn: usage.get(entry.data.name) ?? [] }))
    .sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name));
  return { crates, byName: new Map(crates.map((c) => [c.entry.data.name, c])), index };
}

/** How many lines precede the body in the source file, for error messages with real line numbers. */
function frontmatterLines(file: string | undefined, body: string): number {
  if (!file || !body) return 0;
  try {
    const raw = readFileSync(file, "utf8");
    const at = raw.indexOf(body);
    return at < 0 ? 0 : raw.slice(0, at).split("\n").length - 1;
  } catch {
    return 0;
  }
}

let built: Promise<Atlas> | undefined;

/** Built once per production build; per request in dev, so edits show without a restart. */
export function getAtlas(): Promise<Atlas> {
  if (!import.meta.env.PROD) return buildAtlas();
  return (built ??= buildAtlas());
}

export function displayName(entry: CrateEntry): string {
  return entry.data.displayName ?? entry.data.name;
}
