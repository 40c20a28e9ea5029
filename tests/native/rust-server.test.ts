// The workshop compile service against the real toolchain: start it in-process,
// compile, and run what comes back under the same WASI shim the browser uses.
import {
  ConsoleStdout,
  Directory,
  File,
  OpenFile,
  PreopenDirectory,
  WASI,
  type Inode,
} from "@bjorn3/browser_wasi_shim";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startCompileService,
  TEMP_PREFIX,
  type CompileService,
} from "../../scripts/lib/compile-service.ts";
import { findWasmToolchain, INSTALL_HINT } from "../../scripts/lib/wasm-toolchain.ts";

const root = join(import.meta.dirname, "..", "..");
const exercise = join(root, "exercises", "01-fasta-gc");
const toolchain = findWasmToolchain();

// rustc 1.63 stops a single constant after ~1M interpreter steps, so one endless
// const fn fails fast. 2^10 constants that each stay under the limit do not:
// about 0.15 s each, minutes in all, with little memory.
const SLOW_CONSTS = `const fn spin(n: u64) -> u64 { let mut i = 0; let mut s = 0u64; while i < n { s = s.wrapping_add(i); i += 1; } s }
macro_rules! many {
    ($name:ident) => { const _: u64 = crate::spin(150_000); };
    ($name:ident $($rest:ident)+) => { mod $name { many!($($rest)+); } many!($($rest)+); };
}
many!(a b c d e f g h i j k);
fn main() {}
`;

type Body = Record<string, any>;

async function post(service: CompileService, source: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${service.url}/compile`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ source }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Body };
}

/** Runs a WASI module as the site does; `files` is the preopened "." directory. */
async function runWasi(wasmBase64: string, args: string[], files: Map<string, Inode> = new Map()) {
  const wasm = Buffer.from(wasmBase64, "base64");
  let stdout = "";
  let stderr = "";
  const decoder = new TextDecoder();
  const wasi = new WASI(
    args,
    [],
    [
      new OpenFile(new File([])),
      new ConsoleStdout((b) => (stdout += decoder.decode(b, { stream: true }))),
      new ConsoleStdout((b) => (stderr += decoder.decode(b, { stream: true }))),
      new PreopenDirectory(".", files),
    ],
    { debug: false },
  ); // the shim logs every call unless told not to
  const { instance } = await WebAssembly.instantiate(wasm, {
    wasi_snapshot_preview1: wasi.wasiImport,
  });
  const code = wasi.start(instance as unknown as Parameters<WASI["start"]>[0]);
  return { code, stdout, stderr };
}

const isWasm = (base64: string) =>
  Buffer.from(base64, "base64").subarray(0, 4).equals(Buffer.from("\0asm", "latin1"));

describe("rust compile service (real rustc)", () => {
  // Every temp dir of these services goes here, so "nothing left behind" is exact.
  let tempRoot: string;
  let service: CompileService;

  beforeAll(async () => {
    // CI installs the toolchain (.ci/run); a missing one is a failure, not a skip.
    if (!toolchain) throw new Error(INSTALL_HINT);
    tempRoot = mkdtempSync(join(os.tmpdir(), "rust-server-test-"));
    service = await startCompileService({ port: 0, tempRoot, toolchain });
  });

  afterAll(async () => {
    await service?.close();
    if (!tempRoot) return;
    const left = readdirSync(tempRoot);
    rmSync(tempRoot, { recursive: true, force: true });
    expect(left).toEqual([]);
  });

  it("reports the toolchain and limits on /health", async () => {
    const res = await fetch(`${service.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const body = (await res.json()) as Body;
    expect(body).toMatchObject({ ok: true, maxSourceBytes: 65536, timeoutMs: 20000 });
    expect(body.toolchain.target).toMatch(/^wasm32-wasip?1?$/);
    expect(body.toolchain.version).toMatch(/^rustc \d+\.\d+/);
  });

  it("compiles hello world to a module that runs under the WASI shim", async () => {
    const { status, body } = await post(
      service,
      'fn main() {\n    println!("Hello, world!");\n}\n',
    );
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(isWasm(body.wasm)).toBe(true);
    expect(body.elapsedMs).toBeGreaterThan(0);
    expect(await runWasi(body.wasm, ["main"])).toEqual({
      code: 0,
      stdout: "Hello, world!\n",
      stderr: "",
    });
  });

  it("compiles module 01's Rust solution, whose output matches expected/gc.tsv", async () => {
    const source = readFileSync(join(exercise, "rust", "main.rs"), "utf8");
    const { status, body } = await post(service, source);
    expect(status, JSON.stringify(body.diagnostics)).toBe(200);
    const files = new Map<string, Inode>([
      [
        "data",
        new Directory([
          ["records.fasta", new File(readFileSync(join(exercise, "data", "records.fasta")))],
        ]),
      ],
    ]);
    const run = await runWasi(body.wasm, ["main", "data/records.fasta"], files);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(exercise, "expected", "gc.tsv"), "utf8"));
  });

  it("returns a type error as diagnostics with the primary span on its line", async () => {
    const source =
      'fn main() {\n    let n: u32 = 1;\n    let s: String = n;\n    println!("{}", s);\n}\n';
    const { status, body } = await post(service, source);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, kind: "compile-error" });
    const error = body.diagnostics.find((d: Body) => d.level === "error");
    expect(error).toMatchObject({ code: "E0308", message: "mismatched types" });
    const primary = error.spans.find((s: Body) => s.is_primary);
    expect(primary).toMatchObject({ line_start: 3, line_end: 3, column_start: 21, column_end: 22 });
    expect(error.rendered).toContain("main.rs:3:21");
    expect(error.rendered).not.toContain("\u001b["); // plain text, no terminal colours
  });

  it("passes warnings along with a successful compile", async () => {
    const { body } = await post(service, "fn main() {\n    let unused = 1;\n}\n");
    expect(body.ok).toBe(true);
    expect(body.diagnostics).toEqual([
      expect.objectContaining({
        level: "warning",
        spans: [expect.objectContaining({ line_start: 2, is_primary: true })],
      }),
    ]);
  });

  it("refuses a source that reads the host, before compiling", async () => {
    const { status, body } = await post(
      service,
      'fn main() {\n    print!("{}", include_str!("/etc/passwd"));\n}\n',
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      ok: false,
      kind: "refused",
      code: "include-str",
      line: 2,
      column: 18,
    });
    expect(body.message).toMatch(/mounted input files/);
  });

  it("refuses a source over 64 KiB, and answers 413 to a 2 MiB body without reading it", async () => {
    const { status, body } = await post(service, "fn main() {}\n" + "//".repeat(40_000));
    expect(status).toBe(400);
    expect(body).toMatchObject({ kind: "refused", code: "source-too-large" });

    const started = performance.now();
    const huge = await post(service, "fn main() {}\n" + "x".repeat(2 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ok: false, kind: "too-large" });
    expect(performance.now() - started).toBeLessThan(2_000);
    // The connection was handled cleanly: the service answers the next request.
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it("answers bad requests with kind bad-request", async () => {
    const notJson = await fetch(`${service.url}/compile`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "fn main() {}",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, kind: "bad-request" });
    const wrongType = await fetch(`${service.url}/compile`, {
      method: "POST",
      body: '{"source":"fn main(){}"}',
    });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ kind: "bad-request" });
    const noSource = await fetch(`${service.url}/compile`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"source": 1}',
    });
    expect(await noSource.json()).toMatchObject({
      kind: "bad-request",
      message: expect.stringMatching(/string/),
    });
    expect((await fetch(`${service.url}/compile`)).status).toBe(405);
    expect((await fetch(`${service.url}/nope`)).status).toBe(404);
  });

  it("stops a compile that runs past the timeout, and cleans up", async () => {
    const short = await startCompileService({ port: 0, timeoutMs: 1_500, tempRoot, toolchain });
    try {
      const started = performance.now();
      const { status, body } = await post(short, SLOW_CONSTS);
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: false, kind: "timeout" });
      expect(body.message).toMatch(/1\.5 s/);
      expect(performance.now() - started).toBeLessThan(6_000);
      expect(readdirSync(tempRoot)).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it("answers 20 requests at once with 10 compiles and 10 'busy' (concurrency 2, queue 8)", async () => {
    const small = await startCompileService({
      port: 0,
      concurrency: 2,
      queueLimit: 8,
      tempRoot,
      toolchain,
    });
    let mostDirs = 0;
    const watcher = setInterval(
      () => (mostDirs = Math.max(mostDirs, readdirSync(tempRoot).length)),
      20,
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(small, `fn main() {\n    println!("request {}", ${i});\n}\n`),
        ),
      );
      const ok = results.filter((r) => r.status === 200);
      const busy = results.filter((r) => r.status === 503);
      expect([ok.length, busy.length]).toEqual([10, 10]);
      for (const r of ok) {
        expect(r.body.ok).toBe(true);
        expect(isWasm(r.body.wasm)).toBe(true);
      }
      for (const r of busy) {
        expect(r.body).toMatchObject({ ok: false, kind: "busy" });
        expect(r.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(r.headers.get("retry-after")).toBe(String(r.body.retryAfterSeconds));
      }
      // Each accepted request ran its own program.
      const outputs = await Promise.all(
        ok.map(async (r) => (await runWasi(r.body.wasm, ["main"])).stdout),
      );
      expect(new Set(outputs).size).toBe(10);
      expect(mostDirs).toBeGreaterThanOrEqual(1);
      expect(mostDirs).toBeLessThanOrEqual(2); // never more compiles than slots
      expect(readdirSync(tempRoot).filter((d) => d.startsWith(TEMP_PREFIX))).toEqual([]);
    } finally {
      clearInterval(watcher);
      await small.close();
    }
  }, 120_000);
});

describe("rust compile service: CORS and no toolchain (no compiles)", () => {
  it("answers preflights for allowed origins only, and says how to allow others", async () => {
    const service = await startCompileService({
      port: 0,
      origins: ["http://localhost:4321"],
      toolchain: null,
    });
    try {
      const preflight = (origin: string) =>
        fetch(`${service.url}/compile`, {
          method: "OPTIONS",
          headers: {
            Origin: origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
            "Access-Control-Request-Private-Network": "true",
          },
        });
      const allowed = await preflight("http://localhost:4321");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:4321");
      expect(allowed.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
      expect(allowed.headers.get("access-control-allow-private-network")).toBe("true");
      expect(allowed.headers.get("vary")).toBe("Origin");

      const other = await preflight("https://elsewhere.example");
      expect(other.status).toBe(403);
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      const post = await fetch(`${service.url}/compile`, {
        method: "POST",
        headers: { Origin: "https://elsewhere.example", "Content-Type": "application/json" },
        body: '{"source":"fn main() {}"}',
      });
      expect(post.status).toBe(403);
      expect(await post.json()).toMatchObject({
        kind: "forbidden-origin",
        message: expect.stringMatching(/--origin/),
      });
    } finally {
      await service.close();
    }
  });

  it("says how to install a compiler when there is none", async () => {
    const service = await startCompileService({ port: 0, toolchain: null });
    try {
      const health = await fetch(`${service.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        ok: false,
        toolchain: null,
        message: expect.stringMatching(/apt-get install/),
      });
      const compile = await post(service, "fn main() {}");
      expect(compile.status).toBe(503);
      expect(compile.body).toMatchObject({ ok: false, kind: "no-toolchain" });
    } finally {
      await service.close();
    }
  });
});
