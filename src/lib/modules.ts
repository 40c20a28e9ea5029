// The curriculum's modules in teaching order (build time).
import { getCollection, type CollectionEntry } from "astro:content";

export type ModuleEntry = CollectionEntry<"modules">;

export async function getModules(): Promise<ModuleEntry[]> {
  const modules = await getCollection("modules");
  const seen = new Map<number, string>();
  for (const m of modules) {
    const other = seen.get(m.data.number);
    if (other) throw new Error(`Modules ${other} and ${m.id} both have number ${m.data.number}; give each its own.`);
    seen.set(m.data.number, m.id);
    if (!m.id.startsWith(String(m.data.number).padStart(2, "0"))) {
      throw new Error(`content/modules/${m.id}.mdx has number ${m.data.number}; its file name must start with ${String(m.data.number).padStart(2, "0")}-.`);
    }
  }
  return modules.sort((a, b) => a.data.number - b.data.number);
}

export function moduleUrl(id: string): string {
  return `${import.meta.env.BASE_URL}modules/${id}/`;
}

export const PART_LABEL = {
  bioinformatics: "Bioinformatics",
  "data-science": "Data science and biostatistics",
  bridges: "Bridges and strategy",
} as const;
