import { describe, expect, it } from "vitest";
import { judgeOutputs, judgeRejections } from "../../src/lib/agreement.ts";

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const exact = { mode: "exact" } as const;

describe("judgeOutputs", () => {
  it("asks for the missing languages first", () => {
    const v = judgeOutputs({ rust: ok("a\n") }, exact);
    expect(v.ok).toBe(false);
    expect(v.headline).toBe("Run Python, R too to compare all three.");
  });

  it("agrees and matches the expected output", () => {
    const v = judgeOutputs({ rust: ok("a\n"), python: ok("a\n"), r: ok("a\n") }, exact, { text: "a\n", label: "expected/gc.tsv" });
    expect(v).toEqual({ ok: true, headline: "All three agree, and match expected/gc.tsv.", details: [] });
  });

  it("names the language and line that differ", () => {
    const v = judgeOutputs({ rust: ok("id\tgc\nx\t0.5\n"), python: ok("id\tgc\nx\t0.5\n"), r: ok("id\tgc\nx\t0.4\n") }, exact);
    expect(v.ok).toBe(false);
    expect(v.details).toEqual(['R differs from Rust: line 2: expected gc "0.5", got "0.4"']);
  });

  it("says which input they agree on", () => {
    const v = judgeOutputs({ rust: ok("a\n"), python: ok("a\n"), r: ok("a\n") }, exact, undefined, "on the input at 10×");
    expect(v.headline).toBe("All three agree on the input at 10×.");
  });

  it("reports agreement that contradicts the expected output", () => {
    const v = judgeOutputs({ rust: ok("b\n"), python: ok("b\n"), r: ok("b\n") }, exact, { text: "a\n", label: "the expected output" });
    expect(v.ok).toBe(false);
    expect(v.headline).toBe("All three agree, but not with the expected output.");
  });

  it("does not compare outputs of failed runs", () => {
    const v = judgeOutputs({ rust: ok("a\n"), python: { stdout: "", stderr: "Traceback\nboom", exitCode: 1 }, r: ok("a\n") }, exact);
    expect(v.headline).toBe("Python did not finish successfully.");
    expect(v.details[0]).toBe("Python: exit code 1. Traceback");
  });
});

describe("judgeRejections", () => {
  it("passes only when all fail with the expected words", () => {
    const fail = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });
    expect(judgeRejections({ rust: fail("error: line 1"), python: fail("line 1 bad"), r: fail("Error: line 1") }, "line 1").ok).toBe(true);
    const v = judgeRejections({ rust: fail("error: line 1"), python: ok(""), r: fail("Error: oops") }, "line 1");
    expect(v.details).toEqual([
      "Python accepted the bad input (exit code 0).",
      'R\'s message does not mention "line 1": Error: oops',
    ]);
  });
});
