// `npm run rust-server [-- --host 0.0.0.0 --port 7878 --origin https://site.example]`
// Starts the workshop Rust compile service (scripts/lib/compile-service.ts) and
// prints the URL learners paste into the site's settings.
import { parseArgs } from "node:util";
import { isLoopback, startCompileService } from "./lib/compile-service.ts";
import { INSTALL_HINT } from "./lib/wasm-toolchain.ts";

const USAGE = `Usage: npm run rust-server -- [options]
  --host H            address to listen on (default 127.0.0.1: this machine only;
                      0.0.0.0 shares it with the room's network)
  --port N            port (default 7878)
  --origin LIST       comma-separated site origins whose pages may call the service,
                      e.g. http://localhost:4321,https://example.github.io (default *: any)
  --timeout-ms N      stop a compile after N ms (default 20000)
  --concurrency N     compiles at once (default: number of CPU cores)
  --queue N           compiles that may wait for a free slot (default 4 x concurrency)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    fail(`--${flag} must be a whole number >= ${min}, got "${value}".`);
  return n;
}

function parseOrigins(value: string | undefined): string[] | "*" | undefined {
  if (value === undefined || value.trim() === "*") return value === undefined ? undefined : "*";
  return value.split(",").map((o) => {
    const origin = o.trim().replace(/\/+$/, "");
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin)
      fail(
        `--origin takes origins like https://example.org or http://localhost:4321 (no path), got "${o}".`,
      );
    return origin;
  });
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      host: { type: "string" },
      port: { type: "string" },
      origin: { type: "string" },
      "timeout-ms": { type: "string" },
      concurrency: { type: "string" },
      queue: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const host = values.host ?? "127.0.0.1";
let service;
try {
  service = await startCompileService({
    host,
    port: wholeNumber("port", values.port, 0),
    origins: parseOrigins(values.origin),
    timeoutMs: wholeNumber("timeout-ms", values["timeout-ms"], 1),
    concurrency: wholeNumber("concurrency", values.concurrency, 1),
    queueLimit: wholeNumber("queue", values.queue, 0),
  });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "EADDRINUSE")
    fail(`Port ${values.port ?? 7878} is in use; pick another with --port.`);
  if (e.code === "EADDRNOTAVAIL") fail(`This machine has no address ${host}; try --host 0.0.0.0.`);
  throw err;
}

const { toolchain, limits } = service;
console.log(`Rust compile service for Rust Underneath, listening on ${service.url}`);
if (toolchain)
  console.log(`Compiler: ${toolchain.version} (${toolchain.rustc}, target ${toolchain.target})`);
else
  console.log(`WARNING: every compile will fail until a compiler is installed.\n${INSTALL_HINT}`);
console.log(
  `Limits: ${limits.maxSourceBytes / 1024} KiB per source, ${limits.timeoutMs / 1000} s per compile, ` +
    `${limits.concurrency} at once, ${limits.queueLimit} waiting (more get "busy, retry").`,
);
console.log(
  `CORS: ${service.origins === "*" ? "pages from any origin" : service.origins.join(", ")}`,
);
if (!isLoopback(host) && service.origins === "*")
  console.log(
    "  (the service has no secrets to protect, but --origin <site origin> stops other sites' pages using it)",
  );
console.log("\nPaste this URL into the site's settings (Rust compile service):");
for (const url of service.shareUrls) console.log(`  ${url}`);
if (isLoopback(host))
  console.log("Only this machine can reach it; to share it with a room: --host 0.0.0.0");

const stop = () => {
  console.log("\nStopping: running compiles are killed and their temp dirs removed.");
  service.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
