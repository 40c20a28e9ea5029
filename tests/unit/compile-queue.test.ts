import { describe, expect, it } from "vitest";
import {
  CompileQueue,
  parseCompileRequest,
  parseRustcDiagnostics,
} from "../../scripts/lib/compile-service.ts";

/** A task that finishes when the test says so. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("CompileQueue", () => {
  it("runs at most `concurrency` tasks at once", async () => {
    const queue = new CompileQueue(2, 10);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 6 }, () => deferred());
    const jobs = gates.map((gate) =>
      queue.tryRun(async () => {
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
      }),
    );
    await tick();
    expect([queue.active, queue.waiting]).toEqual([2, 4]);
    for (const gate of gates) {
      gate.resolve();
      await tick();
    }
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it("starts waiting tasks first in, first out", async () => {
    const queue = new CompileQueue(1, 5);
    const order: number[] = [];
    const first = deferred();
    const jobs = [queue.tryRun(() => first.promise)];
    for (const n of [1, 2, 3, 4]) jobs.push(queue.tryRun(async () => void order.push(n)));
    first.resolve();
    await Promise.all(jobs);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("turns tasks away once every slot and queue place is taken", async () => {
    const queue = new CompileQueue(2, 3);
    const gate = deferred();
    const accepted = Array.from({ length: 5 }, () => queue.tryRun(() => gate.promise));
    expect(accepted.every((job) => job !== undefined)).toBe(true);
    let ran = false;
    expect(queue.tryRun(async () => void (ran = true))).toBeUndefined();
    gate.resolve();
    await Promise.all(accepted);
    expect(ran).toBe(false);
    // Room again afterwards.
    await expect(queue.tryRun(async () => "again")).resolves.toBe("again");
  });

  it("with queue 0, only the running slots", () => {
    const queue = new CompileQueue(1, 0);
    expect(queue.tryRun(() => new Promise(() => {}))).toBeDefined();
    expect(queue.tryRun(async () => 1)).toBeUndefined();
  });

  it("gives the slot back when a task throws or rejects", async () => {
    const queue = new CompileQueue(1, 1);
    await expect(
      queue.tryRun(async () => Promise.reject(new Error("rustc crashed"))),
    ).rejects.toThrow("rustc crashed");
    await expect(
      queue.tryRun(() => {
        throw new Error("sync throw");
      }),
    ).rejects.toThrow("sync throw");
    expect(queue.active).toBe(0);
    await expect(queue.tryRun(async () => "next")).resolves.toBe("next");
  });

  it("refuses nonsense limits", () => {
    expect(() => new CompileQueue(0, 1)).toThrow(RangeError);
    expect(() => new CompileQueue(1, -1)).toThrow(RangeError);
    expect(() => new CompileQueue(1.5, 1)).toThrow(RangeError);
  });
});

describe("parseCompileRequest", () => {
  const json = "application/json";
  it("takes a JSON object with a string source", () => {
    expect(parseCompileRequest(json, '{"source":"fn main() {}"}')).toEqual({
      ok: true,
      source: "fn main() {}",
    });
    expect(
      parseCompileRequest("application/json; charset=utf-8", '{"source":"","extra":1}'),
    ).toEqual({ ok: true, source: "" });
  });

  it.each([
    ["not JSON", json, "fn main() {}", 400, /not valid JSON/],
    ["no source", json, '{"code":"fn main() {}"}', 400, /no "source"/],
    ["a JSON array", json, '["fn main() {}"]', 400, /no "source"/],
    ["null", json, "null", 400, /no "source"/],
    ["source a number", json, '{"source":42}', 400, /must be a string.*number/],
    ["source null", json, '{"source":null}', 400, /must be a string.*null/],
    ["text/plain", "text/plain", '{"source":"x"}', 415, /application\/json/],
    ["no content type", undefined, '{"source":"x"}', 415, /application\/json/],
    ["lookalike type", "application/jsonx", '{"source":"x"}', 415, /application\/json/],
  ])("refuses %s", (_name, type, body, status, message) => {
    const r = parseCompileRequest(type, body);
    expect(r).toMatchObject({ ok: false, status });
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("parseRustcDiagnostics", () => {
  const span = (file: string, line: number, extra = {}) => ({
    file_name: file,
    line_start: line,
    line_end: line,
    column_start: 5,
    column_end: 9,
    is_primary: true,
    label: "here",
    expansion: null,
    ...extra,
  });

  it("keeps JSON lines, skips other text and summaries, maps macro spans to the call", () => {
    const stderr = [
      "warning: some non-JSON line from a linker",
      JSON.stringify({
        message: "mismatched types",
        code: { code: "E0308", explanation: "..." },
        level: "error",
        spans: [span("main.rs", 3)],
        children: [],
        rendered: "error[E0308]: mismatched types\n",
      }),
      JSON.stringify({
        message: "in a macro",
        code: null,
        level: "error",
        spans: [
          span("/rustc/x/library/core/src/macros/mod.rs", 99, {
            expansion: { span: span("main.rs", 7, { is_primary: false }) },
          }),
        ],
        rendered: "error: in a macro\n",
      }),
      JSON.stringify({
        message: "aborting due to 2 previous errors",
        code: null,
        level: "error",
        spans: [],
        rendered: "",
      }),
      JSON.stringify({
        message: "For more information",
        code: null,
        level: "failure-note",
        spans: [],
        rendered: "",
      }),
      "{ truncated",
    ].join("\n");
    const diags = parseRustcDiagnostics(stderr);
    expect(diags.map((d) => [d.message, d.code, d.spans.map((s) => s.line_start)])).toEqual([
      ["mismatched types", "E0308", [3]],
      ["in a macro", null, [7]],
    ]);
    expect(diags[1].spans[0].is_primary).toBe(true); // the original span's role
  });
});
