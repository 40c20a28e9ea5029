import { describe, expect, it } from "vitest";
import {
  cacheFor,
  cacheNames,
  isCacheable,
  parseRange,
  staleCaches,
  strategyFor,
  type OfflineConfig,
} from "../../src/lib/offline-cache.ts";

const config: OfflineConfig = { base: "/", runtimesVersion: "pyodide1-webr2", buildId: "abc" };
const origin = "https://site.example";
const req = (path: string, method = "GET", headers: Record<string, string> = {}) => ({
  url: origin + path,
  method,
  headers: new Headers(headers),
});

describe("strategyFor", () => {
  it("serves versioned runtimes and hashed bundles from the cache first", () => {
    expect(strategyFor(req("/runtimes/pyodide/314.0.7/pyodide.asm.wasm"), origin, "/")).toBe("cache-first");
    expect(strategyFor(req("/_astro/client.abc.js"), origin, "/")).toBe("cache-first");
  });
  it("answers webR's lazy HEAD and ranged reads of runtime files from the cache", () => {
    expect(strategyFor(req("/runtimes/webr/0.6.0/vfs/x", "HEAD"), origin, "/")).toBe("cache-first");
    expect(strategyFor(req("/runtimes/webr/0.6.0/vfs/x", "GET", { range: "bytes=0-9" }), origin, "/")).toBe("cache-first");
  });
  it("tries the network first for pages, data and compiled Rust", () => {
    expect(strategyFor(req("/modules/01-fasta-gc/"), origin, "/")).toBe("network-first");
    expect(strategyFor(req("/wasm/01-fasta-gc/main.wasm"), origin, "/")).toBe("network-first");
    expect(strategyFor(req("/exercises/01-fasta-gc/data/records.fasta"), origin, "/")).toBe("network-first");
  });
  it("leaves alone what is not ours", () => {
    expect(strategyFor(req("/modules/", "POST"), origin, "/")).toBe("bypass");
    expect(strategyFor(req("/modules/", "HEAD"), origin, "/")).toBe("bypass");
    expect(strategyFor({ url: "https://cdn.example/x.js", method: "GET" }, origin, "/")).toBe("bypass");
    expect(strategyFor(req("/sw.js"), origin, "/")).toBe("bypass");
    expect(strategyFor(req("/other/page/"), origin, "/course/")).toBe("bypass");
    expect(strategyFor(req("/course/runtimes/webr/0.6.0/R.wasm"), origin, "/course/")).toBe("cache-first");
  });
});

describe("caches of a deploy", () => {
  it("keeps runtimes apart, keyed by their versions", () => {
    expect(cacheFor(origin + "/runtimes/webr/0.6.0/R.wasm", config)).toBe(cacheNames(config).runtimes);
    expect(cacheFor(origin + "/_astro/a.js", config)).toBe(cacheNames(config).site);
  });
  it("deletes older deploys' caches but not the current ones or other sites' caches", () => {
    const keys = ["ru-site-old", "ru-runtimes-pyodide0-webr2", "ru-site-abc", "ru-runtimes-pyodide1-webr2", "other"];
    expect(staleCaches(keys, config)).toEqual(["ru-site-old", "ru-runtimes-pyodide0-webr2"]);
  });
});

describe("isCacheable", () => {
  const res = (status: number, headers: Record<string, string> = {}, type = "basic") => ({
    ok: status >= 200 && status < 300,
    status,
    type,
    headers: new Headers(headers),
  });
  it("keeps only whole, successful, same-origin responses", () => {
    expect(isCacheable(res(200))).toBe(true);
    expect(isCacheable(res(404))).toBe(false);
    expect(isCacheable(res(206))).toBe(false);
    expect(isCacheable(res(200, {}, "opaque"))).toBe(false);
    expect(isCacheable(res(200, { "cache-control": "no-store" }))).toBe(false);
  });
});

describe("parseRange", () => {
  it("parses single byte ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=50-500", 100)).toEqual({ start: 50, end: 99 });
  });
  it("rejects what it cannot serve", () => {
    expect(parseRange("bytes=200-", 100)).toBeNull();
    expect(parseRange("bytes=0-1,5-6", 100)).toBeNull();
    expect(parseRange("items=0-1", 100)).toBeNull();
  });
});
