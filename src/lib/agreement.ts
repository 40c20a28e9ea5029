// Decides whether the three languages agree on a run, and says why not.
import { LANG_LABEL, LANGS, type Lang } from "../runners/protocol.ts";
import { compareOutputs } from "./compare.ts";
import type { CompareMode } from "./task-schema.ts";

export interface LangOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Verdict {
  ok: boolean;
  headline: string;
  details: string[];
}

const names = (langs: Lang[]) => langs.map((l) => LANG_LABEL[l]).join(", ");

/** Normal cases: every language succeeded and printed the same (and the expected) output. */
export function judgeOutputs(
  outcomes: Partial<Record<Lang, LangOutcome>>,
  compare: CompareMode,
  expected?: { text: string; label: string },
  /** Said after "All three agree", e.g. "on the input at 10×". */
  context?: string,
): Verdict {
  const ran = LANGS.filter((l) => outcomes[l]);
  const missing = LANGS.filter((l) => !outcomes[l]);
  if (missing.length > 0) {
    return { ok: false, headline: `Run ${names(missing)} too to compare all three.`, details: [] };
  }
  const failed = ran.filter((l) => outcomes[l]!.exitCode !== 0);
  if (failed.length > 0) {
    return {
      ok: false,
      headline: `${names(failed)} did not finish successfully.`,
      details: failed.map((l) => `${LANG_LABEL[l]}: exit code ${outcomes[l]!.exitCode}. ${firstLine(outcomes[l]!.stderr)}`),
    };
  }
  const details: string[] = [];
  const [first, ...rest] = ran as [Lang, ...Lang[]];
  for (const other of rest) {
    const c = compareOutputs(outcomes[first]!.stdout, outcomes[other]!.stdout, compare);
    if (!c.ok) details.push(`${LANG_LABEL[other]} differs from ${LANG_LABEL[first]}: ${c.message}`);
  }
  if (details.length > 0) return { ok: false, headline: "The three outputs differ.", details };
  if (expected) {
    const c = compareOutputs(expected.text, outcomes[first]!.stdout, compare);
    if (!c.ok) {
      return { ok: false, headline: `All three agree, but not with ${expected.label}.`, details: [c.message] };
    }
    return { ok: true, headline: `All three agree, and match ${expected.label}.`, details: [] };
  }
  return { ok: true, headline: context ? `All three agree ${context}.` : "All three agree.", details: [] };
}

/** Bad-input cases: every language must fail, and say so with the expected words. */
export function judgeRejections(outcomes: Partial<Record<Lang, LangOutcome>>, stderrIncludes: string): Verdict {
  const missing = LANGS.filter((l) => !outcomes[l]);
  if (missing.length > 0) return { ok: false, headline: `Run ${names(missing)} too to compare all three.`, details: [] };
  const details: string[] = [];
  for (const l of LANGS) {
    const o = outcomes[l]!;
    if (o.exitCode === 0) details.push(`${LANG_LABEL[l]} accepted the bad input (exit code 0).`);
    else if (!o.stderr.includes(stderrIncludes)) {
      details.push(`${LANG_LABEL[l]}'s message does not mention ${JSON.stringify(stderrIncludes)}: ${firstLine(o.stderr)}`);
    }
  }
  return details.length > 0
    ? { ok: false, headline: "Not every language rejects this input clearly.", details }
    : { ok: true, headline: "All three reject the bad input with a clear message.", details: [] };
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
