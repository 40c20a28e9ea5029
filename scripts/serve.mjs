#!/usr/bin/env node
// Serves the built site (dist/) the way a production host should: correct MIME
// types (application/wasm matters for streaming compilation), long-lived caching
// for the versioned runtimes, COOP/COEP so the page is cross-origin isolated, and
// the build's precompressed .br/.gz files when the browser accepts them.
//   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--no-isolation] [--dir dist]
// --no-isolation drops COOP/COEP, to see the site as a static host without custom
// headers (e.g. GitHub Pages) serves it.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { parseArgs } from "node:util";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".fasta": "text/plain; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".zip": "application/zip",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2",
};

/** The precompressed sibling (written by the build) the client accepts, Brotli first. */
function precompressed(file, acceptEncoding) {
  const accepted = new Set(
    acceptEncoding
      .split(",")
      .map((part) => part.trim().split(/\s*;\s*q=/))
      .filter(([, q]) => q === undefined || Number(q) > 0)
      .map(([name]) => name.toLowerCase()),
  );
  const accepts = (name) => accepted.has(name);
  if (accepts("br") && existsSync(`${file}.br`)) return { name: "br", suffix: "br" };
  if (accepts("gzip") && existsSync(`${file}.gz`)) return { name: "gzip", suffix: "gz" };
  return null;
}

export function startServer({ dir = "dist", port = 4321, host = "127.0.0.1", isolation = true } = {}) {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root} has no index.html: build the site first with \`npm run build\`.`);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const headers = {
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      ...(isolation
        ? { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" }
        : {}),
    };
    if (!existsSync(file)) {
      const notFound = join(root, "404.html");
      res.writeHead(404, { ...headers, "Content-Type": "text/html; charset=utf-8" });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Not found");
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    // Runtimes and hashed bundles never change under the same URL.
    const immutable = path.includes("/runtimes/") || path.includes("/_astro/");
    const encoding = precompressed(file, String(req.headers["accept-encoding"] ?? ""));
    const body = encoding ? `${file}.${encoding.suffix}` : file;
    res.writeHead(200, {
      ...headers,
      "Content-Type": type,
      "Content-Length": statSync(body).size,
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding.name } : {}),
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${typeof address === "object" && address ? address.port : port}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "4321" },
      host: { type: "string", default: "127.0.0.1" },
      dir: { type: "string", default: "dist" },
      "no-isolation": { type: "boolean", default: false },
    },
  });
  try {
    const { url } = await startServer({
      dir: values.dir,
      port: Number(values.port),
      host: values.host,
      isolation: !values["no-isolation"],
    });
    console.log(`Rust Underneath is served at ${url}  (cross-origin isolation ${values["no-isolation"] ? "off" : "on"}; Ctrl+C stops)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
