// Compares program outputs: with a task's expected output, and the three languages
// with each other. Results say where and how they differ, never just "wrong".
import type { CompareMode } from "./task-schema.ts";

export type Comparison =
  | { ok: true }
  | {
      ok: false;
      /** 1-based line of the first difference (0 when the problem is not one line). */
      line: number;
      expected: string;
      actual: string;
      message: string;
    };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const show = (s: string | undefined) => (s === undefined ? "(nothing)" : JSON.stringify(s));

function tokensMatch(expected: string, actual: string, tolerance: number): boolean {
  const e = expected.split(/(\s+)/);
  const a = actual.split(/(\s+)/);
  if (e.length !== a.length) return false;
  return e.every((tok, i) => {
    const other = a[i]!;
    if (tok === other) return true;
    // The slack absorbs binary representation: 0.1235 − 0.1234 is 1.0000000000000286e-4,
    // so without it a tolerance of one unit in the last printed digit would fail.
    if (NUMBER.test(tok) && NUMBER.test(other)) return Math.abs(Number(tok) - Number(other)) <= tolerance * (1 + 1e-9);
    return false;
  });
}

/** The first column that differs, to point at "gc" rather than "the line". */
function describeLine(line: number, expected: string, actual: string, header: string[] | null): string {
  const e = expected.split("\t");
  const a = actual.split("\t");
  const col = e.findIndex((v, i) => v !== a[i]);
  if (e.length === a.length && col >= 0 && header && header[col]) {
    return `line ${line}: expected ${header[col]} ${show(e[col])}, got ${show(a[col])}`;
  }
  return `line ${line}: expected ${show(expected)}, got ${show(actual)}`;
}

export function compareOutputs(expected: string, actual: string, mode: CompareMode = { mode: "exact" }): Comparison {
  if (expected === actual) return { ok: true };
  const exp = splitLines(expected);
  const act = splitLines(actual);

  if (mode.mode === "lines") {
    const missing = exp.filter((l) => !act.includes(l));
    const extra = act.filter((l) => !exp.includes(l));
    if (missing.length === 0 && extra.length === 0 && exp.length === act.length) return { ok: true };
    const message =
      missing.length > 0
        ? `missing line ${show(missing[0])}${missing.length > 1 ? ` and ${missing.length - 1} more` : ""}`
        : extra.length > 0
          ? `unexpected line ${show(extra[0])}`
          : `expected ${exp.length} lines, got ${act.length} (a line is repeated)`;
    return { ok: false, line: 0, expected: missing[0] ?? "", actual: extra[0] ?? "", message };
  }

  const header = exp[0]?.includes("\t") ? exp[0].split("\t") : null;
  const n = Math.max(exp.length, act.length);
  for (let i = 0; i < n; i++) {
    const e = exp[i];
    const a = act[i];
    if (e === a) continue;
    if (e !== undefined && a !== undefined && mode.mode === "numeric" && tokensMatch(e, a, mode.tolerance)) continue;
    if (e === undefined) {
      return { ok: false, line: i + 1, expected: "", actual: a!, message: `line ${i + 1}: unexpected extra line ${show(a)}` };
    }
    if (a === undefined) {
      return { ok: false, line: i + 1, expected: e, actual: "", message: `line ${i + 1}: missing; expected ${show(e)}` };
    }
    return { ok: false, line: i + 1, expected: e, actual: a, message: describeLine(i + 1, e, a, header) };
  }
  if (mode.mode === "numeric") return { ok: true };
  // Same lines, different bytes: line endings or the final newline.
  const why = expected.endsWith("\n") !== actual.endsWith("\n")
    ? actual.endsWith("\n") ? "the output ends with a newline the expected output does not have" : "the last line is missing its newline"
    : actual.includes("\r") ? "the output has Windows line endings (\\r\\n)" : "whitespace differs";
  return { ok: false, line: exp.length, expected, actual, message: why };
}
