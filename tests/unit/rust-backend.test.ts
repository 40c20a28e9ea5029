// The Rust backends as the page uses them. The public Rust Playground is unreachable
// from this machine (and from CI), so its adapter is tested against a local fake
// server that speaks the Playground's request/response format
// (POST /execute {channel, mode, edition, crateType, tests, backtrace, code} →
// {success, exitDetail, stdout, stderr}); the real workshop compile service is
// tested end to end in tests/native/rust-server.test.ts and tests/e2e.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildRust,
  loadSettings,
  normaliseWorkshopUrl,
  parseRenderedDiagnostics,
  resolveBackend,
  saveSettings,
  type BackendEnvironment,
} from "../../src/runners/rust-backend.ts";

const COMPILE_ERROR_STDERR = `   Compiling playground v0.0.1 (/playground)
error[E0308]: mismatched types
 --> src/main.rs:2:18
  |
2 |     let n: u32 = "three";
  |            ---   ^^^^^^^ expected \`u32\`, found \`&str\`
  |            |
  |            expected due to this

For more information about this error, try \`rustc --explain E0308\`.
error: could not compile \`playground\` (bin "playground") due to 1 previous error
`;

let requests: Record<string, unknown>[] = [];
let playground: Server;
let playgroundUrl: string;

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(JSON.parse(body)));
  });
}

beforeAll(async () => {
  playground = createServer(async (req, res) => {
    const body = await readJson(req);
    requests.push(body);
    const code = String(body.code);
    const reply = code.includes('"three"')
      ? { success: false, exitDetail: "", stdout: "", stderr: COMPILE_ERROR_STDERR }
      : code.includes("panic!")
        ? { success: false, exitDetail: "Exited with status 101", stdout: "before\n", stderr: "   Compiling playground v0.0.1 (/playground)\n    Finished `dev` profile\n     Running `target/debug/playground`\nthread 'main' panicked at src/main.rs:1:30:\nboom\n" }
        : { success: true, exitDetail: "", stdout: "hello\n", stderr: "   Compiling playground v0.0.1 (/playground)\n     Running `target/debug/playground`\n" };
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(reply));
  });
  await new Promise<void>((r) => playground.listen(0, "127.0.0.1", r));
  playgroundUrl = `http://127.0.0.1:${(playground.address() as AddressInfo).port}/execute`;
});
afterAll(() => new Promise((r) => playground.close(r)));

const env = (over: Partial<BackendEnvironment> = {}): BackendEnvironment => ({
  fetch,
  online: true,
  pageIsLocal: false,
  playgroundUrl,
  ...over,
});

describe("Playground adapter (against a local fake of play.rust-lang.org)", () => {
  it("sends the documented request and returns the program's output", async () => {
    requests = [];
    const build = await buildRust('fn main() { println!("hello"); }', { mode: "playground", workshopUrl: "" }, env());
    expect(requests[0]).toEqual({
      channel: "stable",
      mode: "debug",
      edition: "2021",
      crateType: "bin",
      tests: false,
      backtrace: false,
      code: 'fn main() { println!("hello"); }',
    });
    expect(build).toEqual({ kind: "ran", backend: "playground", stdout: "hello\n", stderr: "", exitCode: 0 });
  });

  it("turns a compile failure into messages with line and column", async () => {
    const build = await buildRust('fn main() {\n    let n: u32 = "three";\n}', { mode: "playground", workshopUrl: "" }, env());
    expect(build.kind).toBe("compile-error");
    if (build.kind !== "compile-error") return;
    expect(build.messages).toHaveLength(1);
    expect(build.messages[0]).toMatchObject({ level: "error", code: "E0308", message: "mismatched types", line: 2, column: 18 });
  });

  it("reports a panic as a run that failed, not as a compile error", async () => {
    const build = await buildRust('fn main() { print!("before\\n"); panic!("boom") }', { mode: "playground", workshopUrl: "" }, env());
    expect(build).toMatchObject({ kind: "ran", stdout: "before\n", exitCode: 101 });
    if (build.kind === "ran") expect(build.stderr).toContain("boom");
  });

  it("explains an unreachable Playground", async () => {
    const build = await buildRust("fn main() {}", { mode: "playground", workshopUrl: "" }, env({ playgroundUrl: "http://127.0.0.1:9/execute" }));
    expect(build.kind).toBe("unavailable");
  });
});

describe("choosing a backend", () => {
  it("refuses host-reading code before sending it anywhere", async () => {
    requests = [];
    const build = await buildRust('const S: &str = include_str!("/etc/passwd");\nfn main() {}', { mode: "playground", workshopUrl: "" }, env());
    expect(build.kind).toBe("refused");
    expect(requests).toHaveLength(0);
  });

  it("auto: uses the Playground when online and no workshop answers, else explains", async () => {
    expect((await resolveBackend({ mode: "auto", workshopUrl: "" }, env())).backend).toBe("playground");
    const offline = await resolveBackend({ mode: "auto", workshopUrl: "" }, env({ online: false }));
    expect(offline.backend).toBe("offline");
    const down = await resolveBackend({ mode: "workshop", workshopUrl: "http://127.0.0.1:9" }, env());
    expect(down).toMatchObject({ backend: "offline", reason: "The workshop compile service at http://127.0.0.1:9 does not answer." });
    const build = await buildRust("fn main() {}", { mode: "offline", workshopUrl: "" }, env());
    expect(build.kind).toBe("unavailable");
  });

  it("reads the rendered diagnostics of several errors", () => {
    const two = COMPILE_ERROR_STDERR + "error[E0425]: cannot find value `x` in this scope\n --> src/main.rs:5:9\n";
    expect(parseRenderedDiagnostics(two).map((m) => [m.code, m.line])).toEqual([["E0308", 2], ["E0425", 5]]);
  });
});

describe("settings", () => {
  it("round-trip through storage and survive garbage", () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as unknown as Storage;
    expect(loadSettings(storage)).toEqual({ mode: "auto", workshopUrl: "" });
    saveSettings({ mode: "workshop", workshopUrl: "http://10.0.0.5:7878" }, storage);
    expect(loadSettings(storage)).toEqual({ mode: "workshop", workshopUrl: "http://10.0.0.5:7878" });
    data.set("ru-rust-backend", "{not json");
    expect(loadSettings(storage).mode).toBe("auto");
    expect(loadSettings(null).mode).toBe("auto");
  });

  it("normalises pasted URLs", () => {
    expect(normaliseWorkshopUrl(" 192.168.1.20:7878/ ")).toBe("http://192.168.1.20:7878");
    expect(normaliseWorkshopUrl("https://rust.example/")).toBe("https://rust.example");
  });
});
