// The service worker's decisions, as plain functions so they are unit-tested here
// and compiled into dist/sw.js at build time (src/integrations/service-worker.ts).
// Nothing here may import anything: the file is inlined into a classic worker script.

/** What the service worker does with one request. */
export type CacheStrategy =
  /** Versioned or content-hashed URLs never change: the cached copy is always right. */
  | "cache-first"
  /** Pages and data can change on a redeploy: try the network, fall back to the copy. */
  | "network-first"
  /** Not ours to touch (other origins, POSTs, range requests, the worker script itself). */
  | "bypass";

export interface OfflineConfig {
  /** The site's base path, with a trailing slash ("/" or "/my/path/"). */
  base: string;
  /** Changes when the runtimes change (their paths are versioned). */
  runtimesVersion: string;
  /** Changes with every deploy whose bundles or compiled Rust differ. */
  buildId: string;
}

/** Every cache this site creates starts with this, so old deploys' caches can be found. */
export const CACHE_PREFIX = "ru-";

/**
 * The two caches of a deploy. Runtimes (~60 MB) live in their own cache keyed by
 * their versions, so a redeploy that does not upgrade Pyodide or webR keeps them.
 */
export function cacheNames(config: OfflineConfig): { runtimes: string; site: string } {
  return {
    runtimes: `${CACHE_PREFIX}runtimes-${config.runtimesVersion}`,
    site: `${CACHE_PREFIX}site-${config.buildId}`,
  };
}

/** Caches left by earlier deploys: deleted when the new service worker activates. */
export function staleCaches(keys: readonly string[], config: OfflineConfig): string[] {
  const current = Object.values(cacheNames(config));
  return keys.filter((k) => k.startsWith(CACHE_PREFIX) && !current.includes(k));
}

export function strategyFor(
  request: { url: string; method: string; headers?: { has(name: string): boolean } },
  origin: string,
  base: string,
): CacheStrategy {
  if (request.method !== "GET" && request.method !== "HEAD") return "bypass";
  const url = new URL(request.url);
  if (url.origin !== origin || !url.pathname.startsWith(base)) return "bypass";
  const path = url.pathname.slice(base.length);
  if (path === "sw.js") return "bypass";
  // webR reads its library lazily (Emscripten: a HEAD for the size, then GETs, maybe
  // ranged); those are answered from the whole cached file, so R starts offline too.
  if (path.startsWith("runtimes/") || path.startsWith("_astro/")) return "cache-first";
  if (request.method === "HEAD" || request.headers?.has("range")) return "bypass";
  return "network-first";
}

/** Which cache a cacheable URL belongs in. */
export function cacheFor(url: string, config: OfflineConfig): string {
  const names = cacheNames(config);
  return new URL(url).pathname.startsWith(`${config.base}runtimes/`) ? names.runtimes : names.site;
}

/**
 * Only complete, successful, same-origin responses are kept: a 404 or a cut-off
 * download stored under an immutable URL would be served forever.
 */
export function isCacheable(response: {
  ok: boolean;
  status: number;
  type: string;
  headers: { get(name: string): string | null };
}): boolean {
  if (!response.ok || response.status !== 200) return false;
  if (response.type !== "basic" && response.type !== "default") return false;
  const cacheControl = response.headers.get("cache-control") ?? "";
  return !/no-store/i.test(cacheControl);
}

/** Parses a single "bytes=a-b" range against a body length; null when unsupported. */
export function parseRange(header: string, length: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, length - Number(m[2]));
    end = length - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? length - 1 : Math.min(Number(m[2]), length - 1);
  }
  return start <= end && start < length ? { start, end } : null;
}
