// Builds the site search index with Pagefind once Astro has written dist/, so
// `astro build` alone produces a complete, offline-capable site: the index is
// static files under dist/pagefind/, fetched by the browser only when the reader
// opens search. Pages opt in with data-pagefind-body and declare their facets
// with <SearchMeta/>; drills come in as custom records (src/pages/search-records.json.ts).
import type { AstroIntegration } from "astro";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Parts of indexed pages that are interactive chrome or would spoil drills. */
export const EXCLUDE_SELECTORS = [
  // Drill prompts are indexed as their own records (with the drill's language), so not twice.
  ".ru-drill__prompt",
  // Hints and reference solutions would hand out answers in search excerpts.
  ".ru-drill__hints",
  ".ru-drill__solution",
  ".ru-drill__editor",
  // Runner output panels are empty at build time or show placeholder text.
  ".ru-runner__output",
  "[data-output]",
];

export const RECORDS_FILE = "search-records.json";

export default function search(): AstroIntegration {
  return {
    name: "rust-underneath:search",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const pagefind = await import("pagefind");
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: "en",
          excludeSelectors: EXCLUDE_SELECTORS,
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(added.errors.join("; "));
          let records = 0;
          const recordsPath = join(outDir, RECORDS_FILE);
          if (existsSync(recordsPath)) {
            const list = JSON.parse(readFileSync(recordsPath, "utf8")) as {
              url: string;
              content: string;
              meta: Record<string, string>;
              filters: Record<string, string[]>;
            }[];
            for (const r of list) {
              const res = await index.addCustomRecord({ ...r, language: "en" });
              if (res.errors.length) throw new Error(`${r.url}: ${res.errors.join("; ")}`);
              records++;
            }
            // An input of the index, not part of the site.
            rmSync(recordsPath);
          }
          const written = await index.writeFiles({ outputPath: join(outDir, "pagefind") });
          if (written.errors.length) throw new Error(written.errors.join("; "));
          if (added.page_count === 0) {
            throw new Error("Pagefind indexed no pages: did the pages lose their data-pagefind-body attribute?");
          }
          logger.info(`Indexed ${added.page_count} pages and ${records} drills in ${Date.now() - started} ms → pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
