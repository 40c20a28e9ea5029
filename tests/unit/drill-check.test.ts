import { describe, expect, it } from "vitest";
import { failureMessage, judgeCheck, planCheck, precheck, type Checkable } from "../../src/lib/drill-check.ts";

const hidden: Checkable = {
  drill: { title: "t", lang: "python", kind: "write-function", xp: 20, order: 0, hints: ["h"], check: { type: "hidden", files: [] } },
  checkCode: "assert f() == 1, 'f() should be 1'\n",
  files: {},
};
const stdout: Checkable = {
  drill: {
    title: "t", lang: "r", kind: "fix-bug", xp: 20, order: 0, hints: ["h"],
    check: { type: "stdout", args: ["data/x"], files: ["data/x"], expected: "expected.tsv", compare: { mode: "exact" } },
  },
  expected: "id\tgc\nseq1\t0.4167\n",
  files: { "data/x": ">seq1\nACGT\n" },
};

describe("planCheck", () => {
  it("appends the hidden check after the learner's code", () => {
    expect(planCheck(hidden, "def f():\n    return 1\n\n\n").code).toBe("def f():\n    return 1\n\nassert f() == 1, 'f() should be 1'\n");
  });
  it("runs a stdout check with its arguments and files", () => {
    expect(planCheck(stdout, "cat(1)")).toEqual({ code: "cat(1)", args: ["data/x"], files: { "data/x": ">seq1\nACGT\n" } });
  });
});

describe("failureMessage", () => {
  it("finds Python's assertion message", () => {
    const tb = 'Traceback (most recent call last):\n  File "main.py", line 4, in <module>\nAssertionError: row 3: expected gc 0.4167, got 0.4000\n';
    expect(failureMessage(tb)).toBe("row 3: expected gc 0.4167, got 0.4000");
  });
  it("finds R's error message", () => {
    expect(failureMessage("Error: gc_content('GGCC') should be 1\n")).toBe("gc_content('GGCC') should be 1");
    expect(failureMessage("Error in f(x) : bad\n")).toBe("bad");
  });
  it("finds a Rust panic message in the old and the new format", () => {
    expect(failureMessage("thread 'main' panicked at 'gc of \"GC\" should be 1', main.rs:9:5\nnote: run with `RUST_BACKTRACE=1`")).toBe('gc of "GC" should be 1');
    expect(failureMessage("thread 'main' panicked at src/main.rs:9:5:\ngc of \"GC\" should be 1\nnote: …")).toBe('gc of "GC" should be 1');
  });
});

describe("judgeCheck", () => {
  it("passes a hidden check that exits 0 and explains one that fails", () => {
    expect(judgeCheck(hidden, { stdout: "", stderr: "", exitCode: 0 })).toEqual({ passed: true, feedback: "Every check passed." });
    const r = judgeCheck(hidden, { stdout: "", stderr: "AssertionError: f() should be 1\n", exitCode: 1 });
    expect(r).toEqual({ passed: false, feedback: "Not yet: f() should be 1" });
  });
  it("compares stdout and names the first wrong value", () => {
    expect(judgeCheck(stdout, { stdout: "id\tgc\nseq1\t0.4167\n", stderr: "", exitCode: 0 }).passed).toBe(true);
    const r = judgeCheck(stdout, { stdout: "id\tgc\nseq1\t0.4000\n", stderr: "", exitCode: 0 });
    expect(r.feedback).toBe('Not yet: line 2: expected gc "0.4167", got "0.4000".');
  });
  it("reports a crash and a timeout as such", () => {
    expect(judgeCheck(stdout, { stdout: "", stderr: "Error: boom\n", exitCode: 1 }).feedback).toContain("stopped with an error before the output could be checked: boom");
    expect(judgeCheck(hidden, { stdout: "", stderr: "", exitCode: 130, stopped: "timeout" }).feedback).toContain("loop forever");
  });
});

describe("precheck", () => {
  it("tells a Rust learner to drop their own main before a hidden check", () => {
    const rust: Checkable = { ...hidden, drill: { ...hidden.drill, lang: "rust" } };
    expect(precheck(rust, "fn gc() {}\nfn main() { gc(); }")).toContain("Remove your fn main()");
    expect(precheck(rust, "fn gc() {} // no main here")).toBeNull();
    expect(precheck(hidden, "def main(): pass")).toBeNull();
  });
});
