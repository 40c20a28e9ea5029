/// <reference lib="webworker" />
// The offline service worker (the workshop room whose Wi-Fi drops after the first
// visit). It precaches nothing big: a runtime is kept the first time a lesson loads
// it, pages and data as they are visited. Responses are stored whole, headers
// included, so pages served from the cache stay cross-origin isolated (COOP/COEP).
// Compiled into dist/sw.js by src/integrations/service-worker.ts, which inlines
// src/lib/offline-cache.ts and defines SW_CONFIG for this deploy.
import { cacheFor, isCacheable, parseRange, staleCaches, strategyFor, type OfflineConfig } from "../lib/offline-cache.ts";

declare const self: ServiceWorkerGlobalScope;
declare const SW_CONFIG: OfflineConfig;

self.addEventListener("install", () => {
  // A new deploy takes over at once: its pages reference its own hashed bundles.
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const stale of staleCaches(await caches.keys(), SW_CONFIG)) await caches.delete(stale);
      // The first visit's page is controlled straight away, so the runtimes it loads are kept.
      await self.clients.claim();
    })(),
  );
});

async function store(request: Request | string, response: Response): Promise<void> {
  if (!isCacheable(response)) return;
  const url = typeof request === "string" ? request : request.url;
  try {
    await (await caches.open(cacheFor(url, SW_CONFIG))).put(request, response);
  } catch {
    // A download cut off mid-stream (or a full disk) is simply not kept.
  }
}

/**
 * Offline with no copy. Runtimes probe for optional files (webR looks for
 * translations that do not exist) with synchronous XHR, which throws on a network
 * error but handles an HTTP error status; navigations keep the browser's own page.
 */
function unavailable(event: FetchEvent, offline: unknown): Response {
  if (event.request.mode === "navigate") throw offline;
  return new Response("Offline, and this file was not kept for offline use.", {
    status: 504,
    statusText: "Offline",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cross-Origin-Resource-Policy": "same-origin" },
  });
}

async function cacheFirst(event: FetchEvent): Promise<Response> {
  // Keyed by the plain GET, so HEAD and ranged requests share the one stored copy.
  const key = new Request(event.request.url);
  let full = await caches.match(key);
  if (!full) {
    let response: Response;
    try {
      response = await fetch(event.request.method === "GET" && !event.request.headers.has("range") ? event.request : key);
    } catch (offline) {
      return unavailable(event, offline);
    }
    if (!isCacheable(response)) return response;
    event.waitUntil(store(key, response.clone()));
    full = response;
  }
  if (event.request.method === "HEAD") {
    return new Response(null, { status: full.status, statusText: full.statusText, headers: full.headers });
  }
  const range = event.request.headers.get("range");
  if (range) {
    const body = await full.arrayBuffer();
    const r = parseRange(range, body.byteLength);
    if (!r) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${body.byteLength}` } });
    const headers = new Headers(full.headers);
    headers.set("Content-Range", `bytes ${r.start}-${r.end}/${body.byteLength}`);
    headers.set("Content-Length", String(r.end - r.start + 1));
    return new Response(body.slice(r.start, r.end + 1), { status: 206, headers });
  }
  return full;
}

async function networkFirst(event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(event.request);
    event.waitUntil(store(event.request, response.clone()));
    return response;
  } catch (offline) {
    const cached = await caches.match(event.request);
    if (cached) return cached;
    return unavailable(event, offline);
  }
}

self.addEventListener("fetch", (event) => {
  const strategy = strategyFor(event.request, self.location.origin, SW_CONFIG.base);
  if (strategy === "bypass") return;
  event.respondWith(strategy === "cache-first" ? cacheFirst(event) : networkFirst(event));
});

// The page that registered us was loaded before we controlled it: it sends the
// URLs it already fetched (itself, its CSS and scripts), and we keep those too.
self.addEventListener("message", (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== "ru-cache-urls" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      for (const url of data.urls as unknown[]) {
        if (typeof url !== "string") continue;
        const request = new Request(url);
        if (strategyFor(request, self.location.origin, SW_CONFIG.base) === "bypass") continue;
        if (await caches.match(request)) continue;
        try {
          await store(request, await fetch(request));
        } catch {
          /* offline already: nothing to keep */
        }
      }
    })(),
  );
});

export {};
