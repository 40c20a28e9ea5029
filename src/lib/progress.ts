// The learner's progress: XP, passed drills, answered questions, badges and active
// days, kept in the browser's localStorage under one versioned key. Everything here
// is pure (storage and the clock are parameters), so the rules are unit-tested and
// the page-side client (src/components/progress-client.ts) only wires them up.
//
// Storage is allowed to fail in every way a browser can fail it — disabled, full,
// holding garbage, written by a newer version of the site — and none of them may
// break a page: progress then degrades to "this page only", with a notice saying so.
import { z } from "astro/zod";
import type { Catalog, CatalogModule } from "./catalog.ts";
import type { Lang } from "../runners/protocol.ts";
import { DRILL_KINDS, EXERCISE_KINDS, type ExerciseKind } from "./drill-schema.ts";

export const PROGRESS_KEY = "ru-progress";
/** Bump when the stored shape changes, and add a step to `migrate`. */
export const PROGRESS_VERSION = 2;
/** Where the Drill component keeps a learner's code drafts ("reset all" clears them too). */
export const DRILL_CODE_PREFIX = "ru-drill-code:";
/** Unreadable stores are copied here before being reset, so nothing is silently lost. */
export const CORRUPT_PREFIX = "ru-progress-corrupt-";
/** Completing a module (every drill passed, every question answered right) earns this on top. */
export const MODULE_BONUS_XP = 50;
/** A year and a bit of daily work: enough for any streak, small enough to never matter for quota. */
export const MAX_ACTIVE_DAYS = 400;
/** Corrupt copies kept at once; older ones are dropped so garbage cannot fill the quota. */
const MAX_CORRUPT_COPIES = 3;

const LANG_ORDER: readonly Lang[] = ["rust", "python", "r"];

export const NOTICES = {
  disabled: "Progress can't be saved in this browser (storage is disabled); it lasts until you close the page.",
  full: "Your browser's storage is full; progress from now on isn't saved. Export it to keep it.",
  future:
    "Your saved progress was written by a newer version of this site, so this page can't read it. It is left untouched; reload to get the latest version. Anything you do here lasts until you close the page.",
  corrupt: (backupKey: string | null) =>
    backupKey
      ? `Your saved progress was unreadable, so it was reset. A copy of the old data is kept in this browser's storage under "${backupKey}".`
      : "Your saved progress was unreadable, so it was reset (there was no room to keep a copy).",
} as const;

// ---------------------------------------------------------------------------------
// The stored shape

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LangSchema = z.enum(["python", "r", "rust"]);

const DrillRecordSchema = z.object({
  passedAt: z.string(),
  lang: LangSchema,
  kind: z.enum(EXERCISE_KINDS),
});

const QuestionRecordSchema = z.object({
  /** The latest answer (a quiz shows it when the learner comes back). */
  correct: z.boolean(),
  answeredAt: z.string(),
  /**
   * Answered right at least once: its XP was paid out. This, not `correct`, is what
   * completion counts, so reviewing a quiz and slipping never undoes progress.
   */
  xpAwarded: z.boolean(),
});

export const ProgressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  xp: z.number().int().nonnegative(),
  /** By drill key, "<module>/<drill id>"; present = passed. */
  drills: z.record(z.string(), DrillRecordSchema),
  /** By question key, "<module>/<question id>". */
  questions: z.record(z.string(), QuestionRecordSchema),
  /** By module id: the languages whose solution the learner has run on the module's task. */
  ranLanguages: z.record(z.string(), z.array(LangSchema)),
  /** By badge id; badges are never taken back, even if a module later gains exercises. */
  badges: z.record(z.string(), z.object({ earnedAt: z.string() })),
  /** Local calendar days with any activity, YYYY-MM-DD, sorted, unique, the latest MAX_ACTIVE_DAYS. */
  activeDays: z.array(isoDay),
  /** A learner's own Rust code compiled successfully at least once. */
  rustCompiled: z.boolean(),
});

export type ProgressState = z.infer<typeof ProgressSchema>;
export type DrillRecord = ProgressState["drills"][string];
export type QuestionRecord = ProgressState["questions"][string];

// Version 1 was the prototype store, before badges, streaks and quizzes had their
// own records:
//   {
//     version: 1,
//     xp: number,
//     passed: { drill: string; lang: Lang; kind: DrillKind; at: string }[],  // drills passed
//     correct: string[],                                                     // question keys answered right
//     lastActive?: "YYYY-MM-DD",                                             // the only day it remembered
//   }
// Its XP is kept as it was (no module bonus was paid in v1); badges it can prove
// without the curriculum (first-rust, bug-hunter) are granted at migration, the
// rest on the learner's next activity, when `applyEvent` re-evaluates all badges.
const V1Schema = z.object({
  version: z.literal(1),
  xp: z.number().int().nonnegative(),
  passed: z.array(z.object({ drill: z.string(), lang: LangSchema, kind: z.enum(DRILL_KINDS), at: z.string() })),
  correct: z.array(z.string()).default([]),
  lastActive: isoDay.optional(),
});

function migrateV1(v1: z.infer<typeof V1Schema>): ProgressState {
  const state = emptyProgress();
  state.xp = v1.xp;
  for (const p of v1.passed) state.drills[p.drill] ??= { passedAt: p.at, lang: p.lang, kind: p.kind };
  // v1 kept no answer times; the last active day (or the epoch) is the honest best guess.
  const when = v1.lastActive ? `${v1.lastActive}T12:00:00.000Z` : new Date(0).toISOString();
  for (const key of v1.correct) state.questions[key] = { correct: true, answeredAt: when, xpAwarded: true };
  if (v1.lastActive) state.activeDays = [v1.lastActive];
  const firstAt = (pred: (p: (typeof v1.passed)[number]) => boolean) =>
    v1.passed
      .filter(pred)
      .map((p) => p.at)
      .sort()[0];
  const rust = firstAt((p) => p.lang === "rust");
  if (rust) state.badges["first-rust"] = { earnedAt: rust };
  const bug = firstAt((p) => p.kind === "fix-bug");
  if (bug) state.badges["bug-hunter"] = { earnedAt: bug };
  return state;
}

type Migrated = { ok: true; state: ProgressState } | { ok: false; future: boolean; problem: string };

/** Brings any stored or exported value up to the current version, or says why it can't. */
export function migrate(raw: unknown): Migrated {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, future: false, problem: "it is not a JSON object" };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, future: false, problem: "it has no valid version number" };
  }
  if (version > PROGRESS_VERSION) {
    return { ok: false, future: true, problem: `it is format ${version}; this site reads up to ${PROGRESS_VERSION}` };
  }
  let value: unknown = raw;
  if (version === 1) {
    const v1 = V1Schema.safeParse(raw);
    if (!v1.success) return { ok: false, future: false, problem: describeIssue(v1.error) };
    value = migrateV1(v1.data);
  }
  const parsed = ProgressSchema.safeParse(value);
  if (!parsed.success) return { ok: false, future: false, problem: describeIssue(parsed.error) };
  return { ok: true, state: normalise(parsed.data) };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "it does not match the progress format";
  const where = issue.path.length ? issue.path.join(".") : "the top level";
  return `${where}: ${issue.message}`;
}

/** Restores the invariants a hand-edited file might break (order, duplicates, length). */
function normalise(state: ProgressState): ProgressState {
  const ranLanguages: ProgressState["ranLanguages"] = {};
  for (const [module, langs] of Object.entries(state.ranLanguages)) {
    ranLanguages[module] = LANG_ORDER.filter((l) => langs.includes(l));
  }
  return { ...state, ranLanguages, activeDays: [...new Set(state.activeDays)].sort().slice(-MAX_ACTIVE_DAYS) };
}

export function emptyProgress(): ProgressState {
  return {
    version: PROGRESS_VERSION,
    xp: 0,
    drills: {},
    questions: {},
    ranLanguages: {},
    badges: {},
    activeDays: [],
    rustCompiled: false,
  };
}

// ---------------------------------------------------------------------------------
// Days and streaks: in the learner's local time, because "today" is their evening.

export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daysBefore(date: Date, n: number): Date {
  // Calendar arithmetic (not 24 h steps), so daylight-saving days count once.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - n, 12);
}

/**
 * Consecutive active days ending today — or yesterday, so an evening learner does
 * not see their streak drop to 0 in the morning before they have started.
 */
export function streak(state: ProgressState, today: Date): number {
  const days = new Set(state.activeDays);
  const start = days.has(dayKey(today)) ? 0 : days.has(dayKey(daysBefore(today, 1))) ? 1 : -1;
  if (start < 0) return 0;
  let count = 0;
  while (days.has(dayKey(daysBefore(today, start + count)))) count++;
  return count;
}

// ---------------------------------------------------------------------------------
// Badges

export type BadgeId = "polyglot" | "first-rust" | "bug-hunter" | "streak-3" | "streak-7" | `module:${string}`;

export interface BadgeInfo {
  id: BadgeId;
  title: string;
  /** What it recognises, once earned. */
  description: string;
  /** How to earn it, shown while it is still greyed out. */
  howTo: string;
  /** One to three characters drawn in the medal (no emoji: they render differently everywhere). */
  icon: string;
}

const CROSS_CUTTING: readonly BadgeInfo[] = [
  {
    id: "first-rust",
    title: "First Rust",
    description: "Your first Rust that compiles and passes.",
    howTo: "Pass a Rust drill, or compile your own Rust code.",
    icon: "Rs",
  },
  {
    id: "polyglot",
    title: "Polyglot",
    description: "Ran the same task in Rust, Python and R.",
    howTo: "On any module, run all three languages on its task.",
    icon: "3×",
  },
  {
    id: "bug-hunter",
    title: "Bug hunter",
    description: "Found and fixed a planted bug.",
    howTo: "Pass a fix-the-bug drill.",
    icon: "fix",
  },
  {
    id: "streak-3",
    title: "Three days running",
    description: "Worked on three days in a row.",
    howTo: "Pass a drill or answer a question on three days in a row.",
    icon: "3d",
  },
  {
    id: "streak-7",
    title: "A full week",
    description: "Worked on seven days in a row.",
    howTo: "Keep going for seven days in a row.",
    icon: "7d",
  },
];

export function moduleBadgeId(moduleId: string): BadgeId {
  return `module:${moduleId}`;
}

function moduleBadge(m: CatalogModule): BadgeInfo {
  const nn = String(m.number).padStart(2, "0");
  return {
    id: moduleBadgeId(m.id),
    title: `Module ${nn} complete`,
    description: `Every drill and question of “${m.title}”.`,
    howTo: `Pass every drill and answer every question of module ${nn}, “${m.title}”.`,
    icon: nn,
  };
}

/** Every badge the curriculum offers: one per module that has something to check, then the cross-cutting ones. */
export function allBadges(catalog: Catalog): BadgeInfo[] {
  const modules = catalog.filter((m) => m.drills.length + m.questions.length > 0).map(moduleBadge);
  return [...modules, ...CROSS_CUTTING];
}

/** Title and text for any badge id, including one for a module the catalog no longer has. */
export function badgeInfo(id: string, catalog: Catalog): BadgeInfo {
  const fixed = CROSS_CUTTING.find((b) => b.id === id);
  if (fixed) return fixed;
  const moduleId = id.startsWith("module:") ? id.slice("module:".length) : id;
  const m = catalog.find((c) => c.id === moduleId);
  if (m) return moduleBadge(m);
  return {
    id: id as BadgeId,
    title: `Module ${moduleId} complete`,
    description: "A module of an earlier edition.",
    howTo: "",
    icon: "✓",
  };
}

/** The badges the state qualifies for right now (earned or not yet recorded). */
function qualifyingBadges(state: ProgressState, catalog: Catalog, now: Date): BadgeId[] {
  const ids: BadgeId[] = [];
  for (const m of catalog) if (moduleCompletion(state, m).complete) ids.push(moduleBadgeId(m.id));
  const drills = Object.values(state.drills);
  if (state.rustCompiled || drills.some((d) => d.lang === "rust" && d.kind !== "pipeline-run")) ids.push("first-rust");
  if (Object.values(state.ranLanguages).some((langs) => LANG_ORDER.every((l) => langs.includes(l))))
    ids.push("polyglot");
  if (drills.some((d) => d.kind === "fix-bug")) ids.push("bug-hunter");
  const days = streak(state, now);
  if (days >= 3) ids.push("streak-3");
  if (days >= 7) ids.push("streak-7");
  return ids;
}

// ---------------------------------------------------------------------------------
// Completion and what to do next

export interface ModuleCompletion {
  done: number;
  total: number;
  /** done / total, 0 for a module with nothing to check. */
  fraction: number;
  /** Every drill passed and every question answered right; never true for an empty module. */
  complete: boolean;
  drillsLeft: number;
  questionsLeft: number;
  /** XP earned in this module, its completion bonus included. */
  xp: number;
}

export function moduleCompletion(state: ProgressState, module: CatalogModule): ModuleCompletion {
  const drillsDone = module.drills.filter((d) => state.drills[d.key]);
  const questionsDone = module.questions.filter((q) => state.questions[q.key]?.xpAwarded);
  const done = drillsDone.length + questionsDone.length;
  const total = module.drills.length + module.questions.length;
  const complete = total > 0 && done === total;
  const bonus = state.badges[moduleBadgeId(module.id)] ? MODULE_BONUS_XP : 0;
  return {
    done,
    total,
    fraction: total ? done / total : 0,
    complete,
    drillsLeft: module.drills.length - drillsDone.length,
    questionsLeft: module.questions.length - questionsDone.length,
    xp: [...drillsDone, ...questionsDone].reduce((sum, x) => sum + x.xp, 0) + bonus,
  };
}

export interface NextStep {
  module: string;
  label: string;
  url: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The first module, in teaching order, that still has work: not complete, and either
 * has exercises or hasn't been opened yet (a module with nothing to check is "done"
 * once the learner has run its task). null when everything is done.
 */
export function nextStep(state: ProgressState, catalog: Catalog): NextStep | null {
  for (const m of catalog) {
    const c = moduleCompletion(state, m);
    const touched = (state.ranLanguages[m.id]?.length ?? 0) > 0;
    if (c.complete || (c.total === 0 && touched)) continue;
    const nn = String(m.number).padStart(2, "0");
    if (c.done === 0 && !touched) return { module: m.id, label: `Start module ${nn}: ${m.title}`, url: m.url };
    const left = [
      c.drillsLeft ? plural(c.drillsLeft, "drill") : "",
      c.questionsLeft ? plural(c.questionsLeft, "question") : "",
    ].filter(Boolean);
    const label = left.length
      ? `Continue module ${nn}: ${left.join(" and ")} left`
      : `Continue module ${nn}: ${m.title}`;
    return { module: m.id, label, url: m.url };
  }
  return null;
}

// ---------------------------------------------------------------------------------
// Events

export type ProgressEvent =
  | { type: "drill-passed"; key: string; lang: Lang; kind: ExerciseKind }
  | { type: "question-answered"; key: string; correct: boolean }
  | { type: "ran-language"; module: string; lang: Lang }
  | { type: "rust-compiled" };

export interface Applied {
  state: ProgressState;
  gainedXp: number;
  newBadges: BadgeId[];
}

function findDrill(catalog: Catalog, key: string) {
  for (const m of catalog) for (const d of m.drills) if (d.key === key) return d;
  return undefined;
}

function findQuestion(catalog: Catalog, key: string) {
  for (const m of catalog) for (const q of m.questions) if (q.key === key) return q;
  return undefined;
}

/**
 * Applies one thing the learner did. Immutable: returns a new state. XP is paid once
 * per drill (its first pass) and once per question (its first right answer, however
 * many wrong ones came before); a newly completed module adds MODULE_BONUS_XP.
 * Exercises the catalog doesn't know (renamed or removed) are recorded for 0 XP.
 */
export function applyEvent(state: ProgressState, event: ProgressEvent, catalog: Catalog, now: Date): Applied {
  const at = now.toISOString();
  const next: ProgressState = {
    ...state,
    drills: { ...state.drills },
    questions: { ...state.questions },
    ranLanguages: { ...state.ranLanguages },
    badges: { ...state.badges },
    activeDays: [...new Set([...state.activeDays, dayKey(now)])].sort().slice(-MAX_ACTIVE_DAYS),
  };
  let gainedXp = 0;

  switch (event.type) {
    case "drill-passed":
      if (!next.drills[event.key]) {
        next.drills[event.key] = { passedAt: at, lang: event.lang, kind: event.kind };
        gainedXp += findDrill(catalog, event.key)?.xp ?? 0;
      }
      break;
    case "question-answered": {
      const before = next.questions[event.key];
      const pays = event.correct && !before?.xpAwarded;
      if (pays) gainedXp += findQuestion(catalog, event.key)?.xp ?? 0;
      next.questions[event.key] = {
        correct: event.correct,
        answeredAt: at,
        xpAwarded: Boolean(before?.xpAwarded || event.correct),
      };
      break;
    }
    case "ran-language": {
      const langs = next.ranLanguages[event.module] ?? [];
      if (!langs.includes(event.lang)) {
        next.ranLanguages[event.module] = LANG_ORDER.filter((l) => l === event.lang || langs.includes(l));
      }
      break;
    }
    case "rust-compiled":
      next.rustCompiled = true;
      break;
  }

  const newBadges: BadgeId[] = [];
  for (const id of qualifyingBadges(next, catalog, now)) {
    if (next.badges[id]) continue;
    next.badges[id] = { earnedAt: at };
    newBadges.push(id);
    if (id.startsWith("module:")) gainedXp += MODULE_BONUS_XP;
  }
  next.xp = state.xp + gainedXp;
  return { state: next, gainedXp, newBadges };
}

// ---------------------------------------------------------------------------------
// Loading and saving

export interface Loaded {
  state: ProgressState;
  notice?: string;
  /**
   * false when saving must not happen: storage is unusable, or it holds a newer
   * version's progress that this page must not overwrite. Progress then lives in memory.
   */
  persist: boolean;
}

function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof e === "object" && e !== null)) return false;
  const { name, code } = e as { name?: string; code?: number };
  // Chrome/Safari say QuotaExceededError (code 22); old Firefox NS_ERROR_DOM_QUOTA_REACHED (1014).
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

function keysWithPrefix(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Copies an unreadable store aside (dropping the oldest copies), then clears it. Returns the copy's key. */
function setAsideCorrupt(storage: Storage, raw: string, now: Date): string | null {
  let backupKey: string | null = `${CORRUPT_PREFIX}${now.toISOString().replace(/[:.]/g, "-")}`;
  try {
    const older = keysWithPrefix(storage, CORRUPT_PREFIX).sort();
    for (const key of older.slice(0, Math.max(0, older.length - (MAX_CORRUPT_COPIES - 1)))) storage.removeItem(key);
    storage.setItem(backupKey, raw);
  } catch {
    backupKey = null;
  }
  try {
    storage.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing more to do: the next save overwrites it.
  }
  return backupKey;
}

/** Reads the stored progress. Never throws: every failure becomes a fresh state and a notice. */
export function loadProgress(storage: Storage | null, now: Date = new Date()): Loaded {
  if (!storage) return { state: emptyProgress(), notice: NOTICES.disabled, persist: false };
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { state: emptyProgress(), notice: NOTICES.disabled, persist: false };
  }
  if (raw === null) return { state: emptyProgress(), persist: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { state: emptyProgress(), notice: NOTICES.corrupt(setAsideCorrupt(storage, raw, now)), persist: true };
  }
  const migrated = migrate(parsed);
  if (migrated.ok) return { state: migrated.state, persist: true };
  if (migrated.future) return { state: emptyProgress(), notice: NOTICES.future, persist: false };
  return { state: emptyProgress(), notice: NOTICES.corrupt(setAsideCorrupt(storage, raw, now)), persist: true };
}

export interface Saved {
  ok: boolean;
  notice?: string;
}

/** Writes the progress. Never throws: a full or disabled storage becomes ok: false and a notice. */
export function saveProgress(storage: Storage | null, state: ProgressState): Saved {
  if (!storage) return { ok: false, notice: NOTICES.disabled };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(state));
    return { ok: true };
  } catch (e) {
    // Safari's private mode also reports a zero quota as QuotaExceededError; "full" is then
    // slightly wrong but still tells the learner what matters: export to keep your progress.
    return { ok: false, notice: isQuotaError(e) ? NOTICES.full : NOTICES.disabled };
  }
}

/** "Reset all progress": the store, the learner's drill code drafts and any corrupt copies. */
export function resetAll(storage: Storage | null): Saved {
  if (!storage) return { ok: false, notice: NOTICES.disabled };
  try {
    const keys = [
      PROGRESS_KEY,
      ...keysWithPrefix(storage, DRILL_CODE_PREFIX),
      ...keysWithPrefix(storage, CORRUPT_PREFIX),
    ];
    for (const key of keys) storage.removeItem(key);
    return { ok: true };
  } catch {
    return { ok: false, notice: NOTICES.disabled };
  }
}

// ---------------------------------------------------------------------------------
// Export and import: a JSON file to move between machines or show an instructor.

export const EXPORT_APP = "rust-underneath";

export function exportProgress(state: ProgressState, now: Date = new Date()): string {
  return JSON.stringify({ app: EXPORT_APP, exportedAt: now.toISOString(), progress: state }, null, 2) + "\n";
}

export function exportFileName(now: Date = new Date()): string {
  return `rust-underneath-progress-${dayKey(now)}.json`;
}

export const IMPORT_ERRORS = {
  notJson:
    "This file is not JSON, so it is not a Rust Underneath progress export. Choose the .json file that Export saved.",
  notOurs: "This file is not a Rust Underneath progress export. Choose the .json file that Export saved.",
  future:
    "This export was made by a newer version of Rust Underneath. Reload this site to get the latest version, then import it again.",
  damaged: (problem: string) => `This progress export is damaged and was not imported (${problem}).`,
} as const;

export function importProgress(text: string): { state: ProgressState } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: IMPORT_ERRORS.notJson };
  }
  const wrapper = parsed as { app?: unknown; progress?: unknown } | null;
  if (typeof wrapper !== "object" || wrapper === null || wrapper.app !== EXPORT_APP || !("progress" in wrapper)) {
    return { error: IMPORT_ERRORS.notOurs };
  }
  const migrated = migrate(wrapper.progress);
  if (migrated.ok) return { state: migrated.state };
  return { error: migrated.future ? IMPORT_ERRORS.future : IMPORT_ERRORS.damaged(migrated.problem) };
}
