// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import runtimes from "./src/integrations/runtimes.ts";
import search from "./src/integrations/search.ts";
import serviceWorker from "./src/integrations/service-worker.ts";
import precompress from "./src/integrations/precompress.ts";

// Cross-origin isolation lets Pyodide and webR be interrupted in place; the site
// also works without it (static hosts that cannot send headers), see README.
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  site: "https://rust-underneath.example",
  base: process.env.RU_BASE ?? "/",
  trailingSlash: "always",
  integrations: [runtimes(), mdx(), search(), serviceWorker(), precompress()],
  markdown: {
    shikiConfig: { themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } },
  },
  server: { headers: isolation },
  vite: {
    worker: { format: "es" },
    server: { headers: isolation },
    preview: { headers: isolation },
  },
});
