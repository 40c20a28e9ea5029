import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { isCompressible, MIN_BYTES, precompressDir } from "../../src/lib/precompress.ts";

const work = mkdtempSync(join(tmpdir(), "ru-precompress-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("isCompressible", () => {
  it("skips tiny files and formats that are compressed already", () => {
    expect(isCompressible("a/page.html", MIN_BYTES - 1)).toBe(false);
    expect(isCompressible("a/page.html", 50_000)).toBe(true);
    expect(isCompressible("runtimes/R.wasm", 18e6)).toBe(true);
    expect(isCompressible("fonts/x.woff2", 50_000)).toBe(false);
    expect(isCompressible("pagefind/fragment/en_1.pf_fragment", 50_000)).toBe(false);
    expect(isCompressible("vfs/usr/lib/R/library/base/R/base.rdb", 50_000)).toBe(true);
  });
});

describe("precompressDir", () => {
  const site = join(work, "dist");
  const cache = join(work, "cache");
  mkdirSync(join(site, "nested"), { recursive: true });
  const text = "<p>GC content</p>\n".repeat(500);
  writeFileSync(join(site, "index.html"), text);
  writeFileSync(join(site, "nested", "tiny.js"), "x");
  // Random bytes do not compress: no sibling, rather than a larger one.
  writeFileSync(join(site, "nested", "noise.bin"), randomBytes(4096));

  it("writes .br and .gz siblings that decode to the original, and only where they save", async () => {
    const report = await precompressDir(site, cache);
    expect(brotliDecompressSync(readFileSync(join(site, "index.html.br"))).toString()).toBe(text);
    expect(gunzipSync(readFileSync(join(site, "index.html.gz"))).toString()).toBe(text);
    expect(existsSync(join(site, "nested", "tiny.js.br"))).toBe(false);
    expect(existsSync(join(site, "nested", "noise.bin.br"))).toBe(false);
    expect(report.files).toBe(1);
    expect(report.brotliBytes).toBeLessThan(text.length / 10);
  });

  it("reuses cached results on the next build", async () => {
    rmSync(join(site, "index.html.br"));
    const report = await precompressDir(site, cache);
    expect(report.cached).toBe(1);
    expect(brotliDecompressSync(readFileSync(join(site, "index.html.br"))).toString()).toBe(text);
  });
});
