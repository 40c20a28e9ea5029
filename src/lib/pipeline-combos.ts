// Pure helpers for pipelines (exercises/<module>/pipeline.json): the combinations of
// languages, their names, and which checklist items a combination ticks. No Node and no
// zod here, so the capstone page's element can import it as it is.
import type { Lang } from "../runners/protocol.ts";

/** The languages a stage can run in, in the course's order. */
export const LANG_CHOICES = ["rust", "python", "r"] as const;

/** A checklist item's condition (ChecklistWhenSchema in pipeline-schema.ts). */
export type ChecklistWhen = { kind: "every"; lang: Lang } | { kind: "mixed"; includes: Lang };

/** Every way to pick one language per stage: 3^stages combinations, first stage slowest. */
export function combinations(stages: number, langs: readonly Lang[] = LANG_CHOICES): Lang[][] {
  let combos: Lang[][] = [[]];
  for (let i = 0; i < stages; i++) combos = combos.flatMap((combo) => langs.map((lang) => [...combo, lang]));
  return combos;
}

/** Whether a run whose stages used `langs` (one per stage) ticks an item. */
export function ticks(when: ChecklistWhen, langs: readonly Lang[]): boolean {
  if (langs.length === 0) return false;
  if (when.kind === "every") return langs.every((lang) => lang === when.lang);
  return new Set(langs).size >= 2 && langs.includes(when.includes);
}

const SHORT: Record<Lang, string> = { rust: "Rust", python: "Python", r: "R" };

/** "Rust → Python → R", or "all Rust" when every stage used one language. */
export function comboLabel(langs: readonly Lang[]): string {
  if (langs.length > 0 && langs.every((lang) => lang === langs[0])) return `all ${SHORT[langs[0]!]}`;
  return langs.map((lang) => SHORT[lang]).join(" → ");
}

/** The key progress is stored under, like a drill's: "<module>/<item id>". */
export function checklistKey(moduleId: string, itemId: string): string {
  return `${moduleId}/${itemId}`;
}

/**
 * The language a checklist item is recorded with in the progress store, which keeps one
 * language per passed drill: the uniform run's language, or the one a mix must include.
 */
export function checklistLang(when: ChecklistWhen): Lang {
  return when.kind === "every" ? when.lang : when.includes;
}
