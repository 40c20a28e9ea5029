// scripts/serve.mjs: the build's precompressed siblings are sent only to clients that
// accept them, with the headers a cache needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { startServer } from "../../scripts/serve.mjs";

const dir = mkdtempSync(join(tmpdir(), "ru-serve-"));
const html = "<!doctype html><title>t</title>" + "<p>ACGT</p>".repeat(400);
let server: Server | undefined;
let base: string;

beforeAll(async () => {
  mkdirSync(join(dir, "runtimes"));
  writeFileSync(join(dir, "index.html"), html);
  writeFileSync(join(dir, "index.html.br"), brotliCompressSync(html));
  writeFileSync(join(dir, "index.html.gz"), gzipSync(html));
  ({ server, url: base } = await startServer({ dir, port: 0 }));
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function head(path: string, acceptEncoding?: string): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    get(base + path, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      res.resume();
      resolve(res.headers);
    }).on("error", reject);
  });
}

describe("serve.mjs content negotiation", () => {
  it("sends Brotli when accepted, gzip as the fallback, identity otherwise", async () => {
    const br = await head("", "gzip, deflate, br");
    expect(br["content-encoding"]).toBe("br");
    expect(Number(br["content-length"])).toBe(brotliCompressSync(html).length);
    expect(br.vary).toBe("Accept-Encoding");
    expect((await head("", "gzip"))["content-encoding"]).toBe("gzip");
    const plain = await head("");
    expect(plain["content-encoding"]).toBeUndefined();
    expect(Number(plain["content-length"])).toBe(html.length);
  });

  it("honours q=0 (the client refuses that encoding)", async () => {
    expect((await head("", "br;q=0, gzip"))["content-encoding"]).toBe("gzip");
    expect((await head("", "br;q=0, gzip;q=0"))["content-encoding"]).toBeUndefined();
  });
});
