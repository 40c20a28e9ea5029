// Turns a learner's code into the run that checks it, and the run's result into
// feedback that says what was wrong. Shared by the page and the equivalence tests.
import type { Drill } from "./drill-schema.ts";
import { compareOutputs } from "./compare.ts";
import type { RunRequest } from "../runners/protocol.ts";

export interface CheckPlan {
  code: string;
  args: string[];
  files: RunRequest["files"];
}

export interface Checkable {
  drill: Drill;
  checkCode?: string;
  expected?: string;
  files: RunRequest["files"];
}

export interface CheckOutcome {
  passed: boolean;
  feedback: string;
}

export function planCheck(entry: Checkable, learnerCode: string): CheckPlan {
  const check = entry.drill.check;
  if (check.type === "stdout") return { code: learnerCode, args: check.args, files: entry.files };
  // The hidden check goes after the learner's code: it calls what they defined.
  return { code: `${learnerCode.trimEnd()}\n\n${entry.checkCode ?? ""}`, args: [], files: entry.files };
}

/**
 * Problems worth saying before running anything. A Rust hidden check brings its own
 * `main` (it calls the learner's function), so a learner's `main` would only produce
 * a confusing "defined multiple times" error pointing into code they cannot see.
 */
export function precheck(entry: Checkable, learnerCode: string): string | null {
  if (entry.drill.lang === "rust" && entry.drill.check.type === "hidden" && /\bfn\s+main\s*\(/.test(learnerCode)) {
    return "Remove your fn main(): the check brings its own main that calls your function.";
  }
  return null;
}

/** The learner-facing part of an error: the assertion or panic message, not the machinery. */
export function failureMessage(stderr: string): string {
  const text = stderr.trim();
  // Rust ≥ 1.73: "thread 'main' panicked at src/main.rs:3:5:\nmessage"; older: "panicked at 'message', src/main.rs:3:5"
  const panicNew = /panicked at [^\n]*:\d+:\d+:\n([^\n]+)/.exec(text);
  if (panicNew) return panicNew[1]!;
  const panicOld = /panicked at '([^]*?)', [^\n]*:\d+:\d+/.exec(text);
  if (panicOld) return panicOld[1]!;
  const lines = text.split("\n").filter((l) => l.trim() && !/^\[.*\]$/.test(l.trim()));
  // Python: the last traceback line; R: "Error: message" or "Error in f() : message".
  const last = lines.findLast((l) => /^(\w+Error|Error)\b/.test(l)) ?? lines[lines.length - 1] ?? "";
  return last
    .replace(/^AssertionError: ?/, "")
    .replace(/^Error( in .*?)? ?: ?/, "")
    .trim();
}

export function judgeCheck(
  entry: Checkable,
  result: { stdout: string; stderr: string; exitCode: number; stopped?: string },
): CheckOutcome {
  if (result.stopped === "timeout") {
    return { passed: false, feedback: "The check was stopped at the time limit: does your code loop forever?" };
  }
  if (result.stopped) return { passed: false, feedback: "The check was stopped before it finished." };
  const check = entry.drill.check;
  if (check.type === "hidden") {
    if (result.exitCode === 0) return { passed: true, feedback: "Every check passed." };
    const message = failureMessage(result.stderr);
    return { passed: false, feedback: message ? `Not yet: ${message}` : `Not yet: the check failed (exit code ${result.exitCode}).` };
  }
  if (result.exitCode !== 0) {
    const message = failureMessage(result.stderr);
    return { passed: false, feedback: `Your program stopped with an error before the output could be checked: ${message}` };
  }
  const verdict = compareOutputs(entry.expected ?? "", result.stdout, check.compare);
  if (verdict.ok) {
    const lines = result.stdout.split("\n").filter(Boolean).length;
    return { passed: true, feedback: `The output matches (${lines} line${lines === 1 ? "" : "s"}).` };
  }
  return { passed: false, feedback: `Not yet: ${verdict.message}.` };
}
