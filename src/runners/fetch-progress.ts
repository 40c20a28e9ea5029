// Downloads runtime files with byte-level progress. The runtime's own loader then
// fetches the same URLs again and gets them from the HTTP cache (the runtimes are
// served with long-lived cache headers under versioned paths).

import type { RuntimeFile } from "./runtime-paths.ts";

export class RuntimeLoadError extends Error {}

export async function prefetch(files: RuntimeFile[], onProgress: (fraction: number) => void): Promise<void> {
  const sizes = new Map<string, number>();
  const loaded = new Map<string, number>();
  const report = () => {
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const done = [...loaded.values()].reduce((a, b) => a + b, 0);
    if (total > 0) onProgress(Math.min(1, done / total));
  };
  await Promise.all(
    files.map(async ({ url, bytes }) => {
      let response: Response;
      try {
        response = await fetch(url);
      } catch (e) {
        throw new RuntimeLoadError(`Could not download ${url}: ${(e as Error).message}`);
      }
      if (!response.ok) {
        throw new RuntimeLoadError(
          `Could not download ${url}: HTTP ${response.status}. The site's runtime files are missing; rebuild it with \`npm run build\`.`,
        );
      }
      // Content-Length counts compressed bytes when the host sends .br/.gz, the reader
      // counts decoded ones: the size the build saw is the right total when known.
      const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
      sizes.set(url, bytes ?? (encoded ? 0 : Number(response.headers.get("content-length") ?? 0)));
      loaded.set(url, 0);
      const reader = response.body?.getReader();
      if (!reader) return;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded.set(url, loaded.get(url)! + value.byteLength);
        report();
      }
      const received = loaded.get(url)!;
      if (bytes !== undefined && received !== bytes) {
        throw new RuntimeLoadError(
          `${url} arrived incomplete or damaged (${received.toLocaleString("en")} of ${bytes.toLocaleString("en")} bytes). The connection may have dropped: press Retry.`,
        );
      }
    }),
  );
  onProgress(1);
}
