// Search records that are not pages of their own: each drill's prompt, so a search
// can land on the drill (#drill-<id>) and filter it by its language. The build
// integration (src/integrations/search.ts) feeds this file to Pagefind and then
// deletes it from dist/; in `astro dev` it is just a JSON view of the records.
import type { APIRoute } from "astro";
import { getEntry } from "astro:content";
import { listDrills } from "../lib/drills.ts";
import { moduleLabel } from "../lib/crates.ts";
import { getModules } from "../lib/modules.ts";
import { htmlToText } from "../lib/search.ts";
import { facetFilters } from "../lib/search-facets.ts";
import { LANG_LABEL } from "../runners/protocol.ts";

export interface SearchRecord {
  /** Root-relative URL; Pagefind's baseUrl adds the site base in the browser. */
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export const GET: APIRoute = async () => {
  const records: SearchRecord[] = [];
  for (const module of await getModules()) {
    for (const d of listDrills(module.data.task)) {
      const prompt = await getEntry("drillPrompts", `${d.module}/drills/${d.id}/prompt`);
      const text = prompt?.rendered?.html ? htmlToText(prompt.rendered.html) : d.prompt;
      records.push({
        url: `/modules/${module.id}/#drill-${d.id}`,
        content: `${d.drill.title}. ${text}`,
        meta: { title: `Drill: ${d.drill.title}`, kind: "Drill" },
        filters: facetFilters({ type: "Drill", modules: [moduleLabel(module.data)], languages: [LANG_LABEL[d.drill.lang]] }),
      });
    }
  }
  return new Response(JSON.stringify(records, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
