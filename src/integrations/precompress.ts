// Writes .br and .gz beside every compressible file of the finished build (after the
// search index and the service worker exist, so this integration comes last).
import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { precompressDir } from "../lib/precompress.ts";

export default function precompress(): AstroIntegration {
  return {
    name: "rust-underneath:precompress",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = Date.now();
        const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/rust-underneath-precompress/", import.meta.url));
        const r = await precompressDir(fileURLToPath(dir), cacheDir);
        const mb = (n: number) => (n / 1e6).toFixed(1);
        logger.info(
          `${r.files} files precompressed (${r.cached} from cache): ${mb(r.bytes)} MB → ${mb(r.brotliBytes)} MB with Brotli, in ${Date.now() - started} ms`,
        );
      },
    },
  };
}
