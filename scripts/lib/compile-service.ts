// The workshop Rust compile service (DESIGN.md, "Live Rust editing"): compiles one
// Rust file to a WASI module and returns it; the module runs in the reader's
// browser, never here. scripts/rust-server.ts is its command line.
//
// It compiles other people's code, so: sources that read the host at compile time
// are refused (src/lib/rust-screening.ts), rustc gets an environment with nothing
// but PATH and a fresh temp dir that is always removed, every compile has a
// deadline, and a small queue bounds the work in flight.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import { join } from "node:path";
import { MAX_SOURCE_BYTES, screenRustSource } from "../../src/lib/rust-screening.ts";
import {
  compileToWasm,
  findWasmToolchain,
  INSTALL_HINT,
  type WasmToolchain,
} from "./wasm-toolchain.ts";

/** Request bodies beyond this are answered 413 unread: JSON escaping can double a
 * 64 KiB source, so twice the source cap is enough for any source we would take. */
export const MAX_BODY_BYTES = 2 * MAX_SOURCE_BYTES;
export const TEMP_PREFIX = "rust-underneath-";

// ---------------------------------------------------------------------------
// The queue

/**
 * At most `concurrency` tasks run at once and at most `queueLimit` wait; a task
 * beyond that is turned away at once instead of waiting without bound.
 */
export class CompileQueue {
  readonly concurrency: number;
  readonly queueLimit: number;
  #active = 0;
  #waiting: Array<() => void> = [];

  constructor(concurrency: number, queueLimit: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
    if (!Number.isInteger(queueLimit) || queueLimit < 0)
      throw new RangeError(`queue limit must be a whole number >= 0, got ${queueLimit}`);
    this.concurrency = concurrency;
    this.queueLimit = queueLimit;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `task` when a slot is free (FIFO); `undefined` when the queue is full. */
  tryRun<T>(task: () => Promise<T>): Promise<T> | undefined {
    if (this.#active >= this.concurrency && this.#waiting.length >= this.queueLimit)
      return undefined;
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#active++;
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            // The slot goes back even when the task failed.
            this.#active--;
            this.#waiting.shift()?.();
          });
      };
      if (this.#active < this.concurrency) start();
      else this.#waiting.push(start);
    });
  }
}

// ---------------------------------------------------------------------------
// Requests and rustc's answers

export type ParsedRequest =
  { ok: true; source: string } | { ok: false; status: number; message: string };

/** Checks a POST /compile body. application/json is required so that a browser
 * sends a CORS preflight (and the origin check runs) before any compile. */
export function parseCompileRequest(contentType: string | undefined, body: string): ParsedRequest {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? ""))
    return {
      ok: false,
      status: 415,
      message:
        'Send the source as JSON with "Content-Type: application/json": {"source": "fn main() {}"}.',
    };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return {
      ok: false,
      status: 400,
      message: 'The request body is not valid JSON. Send {"source": "<Rust code>"}.',
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !("source" in value))
    return {
      ok: false,
      status: 400,
      message: 'The request has no "source". Send {"source": "<Rust code>"}.',
    };
  const source = (value as { source: unknown }).source;
  if (typeof source !== "string")
    return {
      ok: false,
      status: 400,
      message: `"source" must be a string of Rust code, not ${source === null ? "null" : typeof source}.`,
    };
  return { ok: true, source };
}

export interface DiagnosticSpan {
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
  label: string | null;
}

export interface Diagnostic {
  level: string;
  message: string;
  code: string | null;
  spans: DiagnosticSpan[];
  /** rustc's own plain-text rendering, as a terminal would show it (no colours). */
  rendered: string;
}

interface RustcSpan extends DiagnosticSpan {
  file_name: string;
  expansion?: { span: RustcSpan } | null;
}

/** The span in the learner's file: a span inside a std macro points at the call. */
function spanInFile(span: RustcSpan, fileName: string): DiagnosticSpan | null {
  let s: RustcSpan | undefined = span;
  while (s && s.file_name !== fileName) s = s.expansion?.span;
  if (!s) return null;
  const { line_start, line_end, column_start, column_end } = s;
  return {
    line_start,
    line_end,
    column_start,
    column_end,
    is_primary: span.is_primary,
    label: span.label,
  };
}

/** rustc --error-format=json writes one JSON object per line on stderr; other lines
 * (a crash, a linker's own output) are skipped. Summary lines are dropped. */
export function parseRustcDiagnostics(stderr: string, fileName = "main.rs"): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of stderr.split("\n")) {
    if (!line.startsWith("{")) continue;
    let d: {
      level?: unknown;
      message?: unknown;
      code?: { code?: string } | null;
      spans?: RustcSpan[];
      rendered?: unknown;
    };
    try {
      d = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof d.level !== "string" || typeof d.message !== "string") continue;
    if (d.level === "failure-note" || /^(aborting due to|\d+ warnings? emitted)/.test(d.message))
      continue;
    out.push({
      level: d.level,
      message: d.message,
      code: d.code?.code ?? null,
      spans: (d.spans ?? []).map((s) => spanInFile(s, fileName)).filter((s) => s !== null),
      rendered: typeof d.rendered === "string" ? d.rendered : d.message,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Compiling

export type CompileResult =
  | { ok: true; wasm: Buffer; diagnostics: Diagnostic[]; elapsedMs: number }
  | { ok: false; kind: "compile-error"; diagnostics: Diagnostic[]; elapsedMs: number }
  | { ok: false; kind: "timeout"; message: string; elapsedMs: number };

/** The real rustc behind a rustup proxy, so it runs without HOME or RUSTUP_HOME. */
export function resolveRustcBinary(toolchain: WasmToolchain): WasmToolchain {
  try {
    const sysroot = execFileSync(toolchain.rustc, ["--print", "sysroot"], {
      encoding: "utf8",
    }).trim();
    const real = join(sysroot, "bin", "rustc");
    if (existsSync(real)) return { ...toolchain, rustc: real };
  } catch {
    // Keep the one we were given.
  }
  return toolchain;
}

/** Compiles `source` as main.rs in a fresh temp dir, which is removed whatever happens. */
export async function compileRust(
  toolchain: WasmToolchain,
  source: string,
  opts: { timeoutMs: number; signal?: AbortSignal; tempRoot?: string },
): Promise<CompileResult> {
  const started = performance.now();
  const dir = await mkdtemp(join(opts.tempRoot ?? os.tmpdir(), TEMP_PREFIX));
  try {
    await writeFile(join(dir, "main.rs"), source);
    const outcome = await compileToWasm(toolchain, "main.rs", "main.wasm", {
      cwd: dir,
      json: true,
      renderedAnsi: false,
      profile: "interactive",
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      // Nothing of ours for an env! that got past screening to find (nor a
      // RUSTC_BOOTSTRAP to unlock #![feature]); rustc's temp files stay in `dir`.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", TMPDIR: dir },
    });
    const elapsedMs = Math.round(performance.now() - started);
    if (outcome.timedOut)
      return {
        ok: false,
        kind: "timeout",
        message: `Compiling took longer than ${opts.timeoutMs / 1000} s and was stopped. Look for very long constant evaluations or macro expansions.`,
        elapsedMs,
      };
    const diagnostics = parseRustcDiagnostics(outcome.stderr);
    if (outcome.ok)
      return { ok: true, wasm: await readFile(join(dir, "main.wasm")), diagnostics, elapsedMs };
    if (!diagnostics.some((d) => d.level === "error")) {
      // rustc died without saying why in JSON (killed, out of memory, shut down).
      const text = outcome.stderr.trim() || "rustc stopped without an error message.";
      diagnostics.push({
        level: "error",
        message: text.split("\n")[0],
        code: null,
        spans: [],
        rendered: text,
      });
    }
    return { ok: false, kind: "compile-error", diagnostics, elapsedMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// HTTP

export interface CompileServiceOptions {
  /** Default 127.0.0.1: only this machine. 0.0.0.0 shares it on the LAN. */
  host?: string;
  /** Default 7878; 0 picks a free port. */
  port?: number;
  /**
   * Origins whose pages may call the service; "*" (the default, on loopback and on
   * a LAN alike) means any. Why not stricter by default: requests carry no cookies
   * or credentials and answers hold no secrets, and CORS never stopped curl, so
   * the protection is the screening and the limits. What --origin adds is that
   * other sites' pages can't spend the instructor's CPU through learners' browsers.
   */
  origins?: string[] | "*";
  timeoutMs?: number;
  concurrency?: number;
  queueLimit?: number;
  /** Default: findWasmToolchain(). null runs the service without one (health says 503). */
  toolchain?: WasmToolchain | null;
  /** Where the per-compile temp dirs go (default os.tmpdir()). */
  tempRoot?: string;
}

export interface CompileService {
  /** Where this machine reaches the service. */
  url: string;
  /** What learners on the LAN paste (just `url` when bound to loopback). */
  shareUrls: string[];
  toolchain: WasmToolchain | null;
  limits: { maxSourceBytes: number; timeoutMs: number; concurrency: number; queueLimit: number };
  origins: string[] | "*";
  /** Stops listening, stops running compiles and waits until their temp dirs are gone. */
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

const urlFor = (host: string, port: number) =>
  `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Sends JSON; CORS and the other common headers were set on `res` already. */
function send(
  res: http.ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, kind: string, message: string): void {
  send(res, status, { ok: false, kind, message });
}

/** The body as text, or null once it passes `limit` (the rest is then discarded
 * by Node after the response, never buffered). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startCompileService(
  options: CompileServiceOptions = {},
): Promise<CompileService> {
  const host = options.host ?? "127.0.0.1";
  const concurrency = options.concurrency ?? os.availableParallelism();
  const queue = new CompileQueue(concurrency, options.queueLimit ?? 4 * concurrency);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const origins = options.origins ?? "*";
  const found = options.toolchain === undefined ? findWasmToolchain() : options.toolchain;
  const toolchain = found && resolveRustcBinary(found);
  const limits = {
    maxSourceBytes: MAX_SOURCE_BYTES,
    timeoutMs,
    concurrency,
    queueLimit: queue.queueLimit,
  };
  const stopping = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  let averageMs = 2_000; // for Retry-After; follows the real compile times

  const originAllowed = (origin: string | undefined) =>
    origin === undefined || origins === "*" || origins.includes(origin);

  function setCommonHeaders(res: http.ServerResponse, origin: string | undefined) {
    // A cross-origin-isolated page (COEP require-corp) may read our responses.
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    if (origins === "*") res.setHeader("Access-Control-Allow-Origin", "*");
    else {
      res.setHeader("Vary", "Origin");
      if (origin && origins.includes(origin)) res.setHeader("Access-Control-Allow-Origin", origin);
    }
  }

  async function compile(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null)
      return fail(
        res,
        413,
        "too-large",
        `The request is larger than ${MAX_BODY_BYTES} bytes; the compile service takes sources up to ${MAX_SOURCE_BYTES} bytes (64 KiB).`,
      );
    const parsed = parseCompileRequest(req.headers["content-type"], body);
    if (!parsed.ok) return fail(res, parsed.status, "bad-request", parsed.message);
    const screening = screenRustSource(parsed.source);
    if (!screening.ok) {
      const { code, message, line, column } = screening;
      return send(res, 400, { ok: false, kind: "refused", code, message, line, column });
    }
    if (!toolchain) return fail(res, 503, "no-toolchain", INSTALL_HINT);

    let clientGone = false;
    res.on("close", () => (clientGone = !res.writableFinished));
    const job = queue.tryRun(async () => {
      if (clientGone || stopping.signal.aborted) return null; // nobody left to answer
      const { tempRoot } = options;
      return compileRust(toolchain, parsed.source, {
        timeoutMs,
        signal: stopping.signal,
        tempRoot,
      });
    });
    if (!job) {
      const waitMs = (queue.waiting / concurrency + 1) * averageMs;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      const message = `The compile service is busy (${queue.active} compiling, ${queue.waiting} waiting). Try again in ${retryAfterSeconds} s.`;
      const busy = { ok: false, kind: "busy", message, retryAfterSeconds };
      return send(res, 503, busy, { "Retry-After": String(retryAfterSeconds) });
    }
    inFlight.add(job);
    try {
      const result = await job;
      if (!result) return;
      if (!result.ok) {
        // Compile errors and timeouts are answers about the program, not HTTP
        // failures: 200 like a successful compile (and not 408, which browsers retry).
        return send(res, 200, result);
      }
      averageMs = Math.round(0.7 * averageMs + 0.3 * result.elapsedMs);
      const { diagnostics, elapsedMs } = result;
      send(res, 200, { ok: true, wasm: result.wasm.toString("base64"), diagnostics, elapsedMs });
    } finally {
      inFlight.delete(job);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const origin = req.headers.origin;
    setCommonHeaders(res, origin);
    if (!originAllowed(origin))
      return fail(
        res,
        403,
        "forbidden-origin",
        `Pages from ${origin} may not use this compile service. Start it with --origin ${origin} to allow them.`,
      );
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "Content-Type");
      res.setHeader("Access-Control-Max-Age", "600");
      // Chrome's Private Network Access: a public site calling a LAN/loopback service.
      if (req.headers["access-control-request-private-network"] === "true")
        res.setHeader("Access-Control-Allow-Private-Network", "true");
      res.writeHead(204).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://service").pathname;
    if (path === "/health" && req.method === "GET") {
      const health = {
        ok: toolchain !== null,
        toolchain: toolchain && {
          rustc: toolchain.rustc,
          target: toolchain.target,
          version: toolchain.version,
        },
        ...limits,
        active: queue.active,
        waiting: queue.waiting,
      };
      if (toolchain) return send(res, 200, health);
      return send(res, 503, { ...health, message: INSTALL_HINT });
    }
    if (path === "/compile" && req.method === "POST") return compile(req, res);
    if (path === "/compile" || path === "/health") {
      const method = path === "/compile" ? "POST" : "GET";
      res.setHeader("Allow", `${method}, OPTIONS`);
      return fail(res, 405, "bad-request", `Use ${method} ${path}.`);
    }
    return fail(res, 404, "not-found", "Endpoints: GET /health, POST /compile.");
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) =>
      fail(res, 500, "internal", `The compile service failed: ${String(err)}`),
    );
  });
  // A client that never finishes its request does not hold a connection forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7878, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  const wildcard = host === "0.0.0.0" || host === "::";
  const url = urlFor(wildcard ? "127.0.0.1" : host, port);
  const shareUrls = wildcard ? lanAddresses().map((a) => urlFor(a, port)) : [url];

  return {
    url,
    shareUrls: shareUrls.length > 0 ? shareUrls : [url],
    toolchain,
    limits,
    origins,
    async close() {
      stopping.abort();
      server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        Promise.allSettled([...inFlight]),
      ]);
    },
  };
}
