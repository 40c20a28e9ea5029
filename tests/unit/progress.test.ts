import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/lib/catalog.ts";
import type { ExerciseKind } from "../../src/lib/drill-schema.ts";
import type { Lang } from "../../src/runners/protocol.ts";
import {
  CORRUPT_PREFIX,
  MAX_ACTIVE_DAYS,
  MODULE_BONUS_XP,
  NOTICES,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  allBadges,
  applyEvent,
  badgeInfo,
  dayKey,
  emptyProgress,
  exportFileName,
  exportProgress,
  importProgress,
  loadProgress,
  migrate,
  moduleCompletion,
  nextStep,
  resetAll,
  saveProgress,
  streak,
  type ProgressEvent,
  type ProgressState,
} from "../../src/lib/progress.ts";

const catalog: Catalog = [
  {
    id: "01-fasta-gc",
    number: 1,
    title: "GC content of FASTA records",
    url: "/modules/01-fasta-gc/",
    drills: [
      { key: "01-fasta-gc/gc-py", title: "GC in Python", lang: "python", kind: "write-function", xp: 20 },
      { key: "01-fasta-gc/gc-rs", title: "GC in Rust", lang: "rust", kind: "make-it-compile", xp: 30 },
    ],
    questions: [
      { key: "01-fasta-gc/q1", xp: 5 },
      { key: "01-fasta-gc/q2", xp: 5 },
    ],
  },
  {
    id: "02-kmers",
    number: 2,
    title: "Counting k-mers",
    url: "/modules/02-kmers/",
    drills: [{ key: "02-kmers/fix", title: "Fix the off-by-one", lang: "r", kind: "fix-bug", xp: 20 }],
    questions: [],
  },
  { id: "03-empty", number: 3, title: "Nothing to check yet", url: "/modules/03-empty/", drills: [], questions: [] },
];

// Local times, because days and streaks are the learner's calendar days.
const day = (d: number, hour = 20) => new Date(2025, 2, d, hour, 0, 0);

/** Applies events in order, one per given time, and sums what they earned. */
function run(events: [ProgressEvent, Date][], start = emptyProgress()) {
  let state = start;
  let xp = 0;
  const badges: string[] = [];
  for (const [event, when] of events) {
    const r = applyEvent(state, event, catalog, when);
    expect(r.state.xp).toBe(state.xp + r.gainedXp);
    state = r.state;
    xp += r.gainedXp;
    badges.push(...r.newBadges);
  }
  return { state, xp, badges };
}

const pass = (key: string, lang: Lang = "python", kind: ExerciseKind = "write-function"): ProgressEvent => ({
  type: "drill-passed",
  key,
  lang,
  kind,
});
const answer = (key: string, correct: boolean): ProgressEvent => ({ type: "question-answered", key, correct });

/** A Storage in memory, with switches for the ways real ones fail. */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failGet = false;
  failSet: "quota" | "security" | null = null;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    if (this.failGet) throw new DOMException("The operation is insecure.", "SecurityError");
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failSet === "quota") throw new DOMException("Quota exceeded", "QuotaExceededError");
    if (this.failSet === "security") throw new DOMException("The operation is insecure.", "SecurityError");
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

describe("XP rules", () => {
  it("pays a drill's catalog XP on its first pass only", () => {
    const { state, xp } = run([
      [pass("01-fasta-gc/gc-py"), day(1)],
      [pass("01-fasta-gc/gc-py"), day(1)],
      [pass("01-fasta-gc/gc-py"), day(2)],
    ]);
    expect(xp).toBe(20);
    expect(state.xp).toBe(20);
    expect(state.drills["01-fasta-gc/gc-py"]).toEqual({
      passedAt: day(1).toISOString(),
      lang: "python",
      kind: "write-function",
    });
  });

  it("pays a question once, on its first right answer, even after wrong ones", () => {
    const first = applyEvent(emptyProgress(), answer("01-fasta-gc/q1", false), catalog, day(1));
    expect(first.gainedXp).toBe(0);
    expect(first.state.questions["01-fasta-gc/q1"]).toMatchObject({ correct: false, xpAwarded: false });
    const right = applyEvent(first.state, answer("01-fasta-gc/q1", true), catalog, day(1));
    expect(right.gainedXp).toBe(5);
    const again = applyEvent(right.state, answer("01-fasta-gc/q1", true), catalog, day(2));
    expect(again.gainedXp).toBe(0);
    // Slipping on a later review records the answer but keeps the credit.
    const slip = applyEvent(again.state, answer("01-fasta-gc/q1", false), catalog, day(3));
    expect(slip.gainedXp).toBe(0);
    expect(slip.state.questions["01-fasta-gc/q1"]).toMatchObject({ correct: false, xpAwarded: true });
    const back = applyEvent(slip.state, answer("01-fasta-gc/q1", true), catalog, day(3));
    expect(back.gainedXp).toBe(0);
    expect(back.state.xp).toBe(5);
  });

  it("records exercises the catalog doesn't know, for 0 XP", () => {
    const r = applyEvent(emptyProgress(), pass("99-gone/x"), catalog, day(1));
    expect(r.gainedXp).toBe(0);
    expect(r.state.drills["99-gone/x"]).toBeDefined();
  });

  it("does not change the state it was given", () => {
    const before = emptyProgress();
    const frozen = structuredClone(before);
    applyEvent(before, pass("01-fasta-gc/gc-rs", "rust"), catalog, day(1));
    applyEvent(before, { type: "ran-language", module: "01-fasta-gc", lang: "r" }, catalog, day(1));
    expect(before).toEqual(frozen);
  });

  it("completing a module earns its badge and the bonus, once", () => {
    const { state, xp, badges } = run([
      [pass("01-fasta-gc/gc-py"), day(1)],
      [answer("01-fasta-gc/q1", true), day(1)],
      [answer("01-fasta-gc/q2", false), day(1)],
      [pass("01-fasta-gc/gc-rs", "rust", "make-it-compile"), day(1)],
    ]);
    expect(badges).not.toContain("module:01-fasta-gc");
    const last = applyEvent(state, answer("01-fasta-gc/q2", true), catalog, day(1));
    expect(last.newBadges).toEqual(["module:01-fasta-gc"]);
    expect(last.gainedXp).toBe(5 + MODULE_BONUS_XP);
    expect(xp + last.gainedXp).toBe(20 + 5 + 30 + 5 + MODULE_BONUS_XP);
    const again = applyEvent(last.state, pass("01-fasta-gc/gc-py"), catalog, day(2));
    expect(again.gainedXp).toBe(0);
    expect(again.newBadges).toEqual([]);
  });
});

describe("badges", () => {
  it("polyglot: all three languages on one module, not spread over modules", () => {
    const spread = run([
      [{ type: "ran-language", module: "01-fasta-gc", lang: "python" }, day(1)],
      [{ type: "ran-language", module: "01-fasta-gc", lang: "r" }, day(1)],
      [{ type: "ran-language", module: "02-kmers", lang: "rust" }, day(1)],
    ]);
    expect(spread.badges).toEqual([]);
    expect(spread.state.ranLanguages["01-fasta-gc"]).toEqual(["python", "r"]);
    const r = applyEvent(spread.state, { type: "ran-language", module: "01-fasta-gc", lang: "rust" }, catalog, day(1));
    expect(r.newBadges).toEqual(["polyglot"]);
    expect(r.gainedXp).toBe(0);
    expect(r.state.ranLanguages["01-fasta-gc"]).toEqual(["rust", "python", "r"]);
  });

  it("first-rust: a passed Rust drill or a successful compile, whichever comes first", () => {
    expect(run([[pass("01-fasta-gc/gc-rs", "rust", "make-it-compile"), day(1)]]).badges).toEqual(["first-rust"]);
    const compiled = run([[{ type: "rust-compiled" }, day(1)]]);
    expect(compiled.badges).toEqual(["first-rust"]);
    expect(compiled.state.rustCompiled).toBe(true);
    const later = applyEvent(compiled.state, pass("01-fasta-gc/gc-rs", "rust", "make-it-compile"), catalog, day(2));
    expect(later.newBadges).toEqual([]);
    expect(run([[pass("01-fasta-gc/gc-py"), day(1)]]).badges).toEqual([]);
  });

  it("first-rust: an all-Rust pipeline run ran the curriculum's Rust, not the learner's, so it does not count", () => {
    const ran = run([[pass("13-capstone/pipeline-rust", "rust", "pipeline-run"), day(1)]]);
    expect(ran.badges).toEqual([]);
    expect(ran.state.drills["13-capstone/pipeline-rust"]?.kind).toBe("pipeline-run");
  });

  it("bug-hunter: the first fix-bug drill (which here also completes module 02)", () => {
    const r = run([[pass("02-kmers/fix", "r", "fix-bug"), day(1)]]);
    expect(r.badges.sort()).toEqual(["bug-hunter", "module:02-kmers"]);
    expect(r.xp).toBe(20 + MODULE_BONUS_XP);
  });

  it("streak badges at 3 and 7 consecutive days", () => {
    const events: [ProgressEvent, Date][] = [1, 2, 3, 4, 5, 6, 7].map((d) => [
      answer("01-fasta-gc/q1", d % 2 === 0),
      day(d),
    ]);
    const { badges, state } = run(events);
    expect(badges).toEqual(["streak-3", "streak-7"]);
    expect(state.badges["streak-3"]!.earnedAt).toBe(day(3).toISOString());
    expect(state.badges["streak-7"]!.earnedAt).toBe(day(7).toISOString());
  });

  it("never awards the module badge of a module with nothing to check", () => {
    const r = run([[{ type: "ran-language", module: "03-empty", lang: "rust" }, day(1)]]);
    expect(r.badges).toEqual([]);
    expect(moduleCompletion(r.state, catalog[2]!)).toMatchObject({ done: 0, total: 0, fraction: 0, complete: false });
    expect(allBadges(catalog).map((b) => b.id)).toEqual([
      "module:01-fasta-gc",
      "module:02-kmers",
      "first-rust",
      "polyglot",
      "bug-hunter",
      "streak-3",
      "streak-7",
    ]);
  });

  it("describes every badge, including one of a module no longer in the catalog", () => {
    expect(badgeInfo("module:01-fasta-gc", catalog)).toMatchObject({ title: "Module 01 complete", icon: "01" });
    expect(badgeInfo("polyglot", catalog).howTo).toMatch(/three languages/);
    expect(badgeInfo("module:42-old", catalog).title).toBe("Module 42-old complete");
    for (const b of allBadges(catalog)) {
      expect(b.icon.length).toBeLessThanOrEqual(3);
      expect(b.howTo).not.toBe("");
    }
  });
});

describe("days and streaks", () => {
  it("records each active local day once, sorted", () => {
    const { state } = run([
      [pass("01-fasta-gc/gc-py"), day(5, 23)],
      [answer("01-fasta-gc/q1", false), day(3, 0)],
      [answer("01-fasta-gc/q1", true), day(5, 8)],
    ]);
    expect(state.activeDays).toEqual(["2025-03-03", "2025-03-05"]);
    expect(dayKey(new Date(2025, 11, 31, 23, 59))).toBe("2025-12-31");
  });

  it("keeps only the latest days", () => {
    const s = emptyProgress();
    s.activeDays = Array.from({ length: MAX_ACTIVE_DAYS }, (_, i) => dayKey(new Date(2020, 0, 1 + i)));
    const r = applyEvent(s, { type: "rust-compiled" }, catalog, day(1));
    expect(r.state.activeDays).toHaveLength(MAX_ACTIVE_DAYS);
    expect(r.state.activeDays.at(-1)).toBe("2025-03-01");
    expect(r.state.activeDays[0]).toBe(dayKey(new Date(2020, 0, 2)));
  });

  it("counts consecutive days ending today or yesterday", () => {
    const s: ProgressState = {
      ...emptyProgress(),
      activeDays: ["2025-03-01", "2025-03-03", "2025-03-04", "2025-03-05"],
    };
    expect(streak(s, day(5, 9))).toBe(3);
    // The next morning, before any work: still 3, not 0.
    expect(streak(s, day(6, 7))).toBe(3);
    expect(streak(s, day(7))).toBe(0);
    expect(streak(s, day(2))).toBe(1);
    expect(streak(emptyProgress(), day(2))).toBe(0);
  });

  it("counts across a daylight-saving change and a month end", () => {
    // Europe and the US change clocks in late March; the days must still be consecutive.
    const s: ProgressState = {
      ...emptyProgress(),
      activeDays: ["2025-03-28", "2025-03-29", "2025-03-30", "2025-03-31", "2025-04-01"],
    };
    expect(streak(s, new Date(2025, 3, 1, 1))).toBe(5);
  });
});

describe("completion and next step", () => {
  it("counts passed drills and questions answered right at least once", () => {
    const { state } = run([
      [pass("01-fasta-gc/gc-py"), day(1)],
      [answer("01-fasta-gc/q1", true), day(1)],
      [answer("01-fasta-gc/q2", false), day(1)],
    ]);
    expect(moduleCompletion(state, catalog[0]!)).toEqual({
      done: 2,
      total: 4,
      fraction: 0.5,
      complete: false,
      drillsLeft: 1,
      questionsLeft: 1,
      xp: 25,
    });
  });

  it("starts, continues, moves on, and ends", () => {
    expect(nextStep(emptyProgress(), catalog)).toEqual({
      module: "01-fasta-gc",
      label: "Start module 01: GC content of FASTA records",
      url: "/modules/01-fasta-gc/",
    });
    let { state } = run([[pass("01-fasta-gc/gc-py"), day(1)]]);
    expect(nextStep(state, catalog)?.label).toBe("Continue module 01: 1 drill and 2 questions left");
    ({ state } = run(
      [
        [pass("01-fasta-gc/gc-rs", "rust", "make-it-compile"), day(1)],
        [answer("01-fasta-gc/q1", true), day(1)],
      ],
      state,
    ));
    expect(nextStep(state, catalog)?.label).toBe("Continue module 01: 1 question left");
    ({ state } = run([[answer("01-fasta-gc/q2", true), day(1)]], state));
    expect(nextStep(state, catalog)?.label).toBe("Start module 02: Counting k-mers");
    ({ state } = run([[pass("02-kmers/fix", "r", "fix-bug"), day(1)]], state));
    // Module 03 has nothing to check: it is next until its task has been run.
    expect(nextStep(state, catalog)).toMatchObject({
      module: "03-empty",
      label: "Start module 03: Nothing to check yet",
    });
    ({ state } = run([[{ type: "ran-language", module: "03-empty", lang: "python" }, day(1)]], state));
    expect(nextStep(state, catalog)).toBeNull();
  });

  it("reports the module's XP with its bonus", () => {
    const { state } = run([[pass("02-kmers/fix", "r", "fix-bug"), day(1)]]);
    expect(moduleCompletion(state, catalog[1]!)).toMatchObject({
      complete: true,
      fraction: 1,
      xp: 20 + MODULE_BONUS_XP,
    });
  });
});

describe("loading", () => {
  const valid = () =>
    run([
      [pass("01-fasta-gc/gc-py"), day(1)],
      [{ type: "rust-compiled" }, day(2)],
    ]).state;

  it("starts empty and quietly when nothing is stored", () => {
    expect(loadProgress(new MemoryStorage())).toEqual({ state: emptyProgress(), persist: true });
  });

  it("round-trips a saved state", () => {
    const storage = new MemoryStorage();
    const state = valid();
    expect(saveProgress(storage, state)).toEqual({ ok: true });
    expect(loadProgress(storage)).toEqual({ state, persist: true });
  });

  it("falls back to memory when storage is missing or refuses to read", () => {
    expect(loadProgress(null)).toEqual({ state: emptyProgress(), notice: NOTICES.disabled, persist: false });
    const storage = new MemoryStorage();
    storage.failGet = true;
    expect(loadProgress(storage)).toEqual({ state: emptyProgress(), notice: NOTICES.disabled, persist: false });
  });

  it.each([
    ["not JSON", "{oops"],
    ["JSON but not an object", "[1,2,3]"],
    ["no version", JSON.stringify({ xp: 10 })],
    ["a version of the wrong type", JSON.stringify({ ...emptyProgress(), version: "2" })],
    ["negative XP", JSON.stringify({ ...emptyProgress(), xp: -5 })],
    ["a bad day", JSON.stringify({ ...emptyProgress(), activeDays: ["yesterday"] })],
    [
      "a drill of an unknown language",
      JSON.stringify({ ...emptyProgress(), drills: { a: { passedAt: "x", lang: "julia", kind: "fix-bug" } } }),
    ],
    ["a broken v1", JSON.stringify({ version: 1, xp: 3, passed: "all of them" })],
  ])("resets a store holding %s, keeping a copy and saying so", (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, raw);
    const now = new Date("2025-03-04T05:06:07.089Z");
    const loaded = loadProgress(storage, now);
    expect(loaded.state).toEqual(emptyProgress());
    expect(loaded.persist).toBe(true);
    const backup = `${CORRUPT_PREFIX}2025-03-04T05-06-07-089Z`;
    expect(loaded.notice).toBe(NOTICES.corrupt(backup));
    expect(loaded.notice).toContain("reset");
    expect(storage.getItem(backup)).toBe(raw);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    // Reset once: the next load is quiet.
    expect(loadProgress(storage).notice).toBeUndefined();
  });

  it("keeps only a few corrupt copies, and still resets when none fits", () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < 5; i++) {
      storage.setItem(PROGRESS_KEY, `garbage ${i}`);
      loadProgress(storage, new Date(Date.UTC(2025, 0, 1 + i)));
    }
    const copies = [...storage.map.keys()].filter((k) => k.startsWith(CORRUPT_PREFIX));
    expect(copies).toHaveLength(3);
    expect(storage.getItem(copies.sort().at(-1)!)).toBe("garbage 4");

    const full = new MemoryStorage();
    full.map.set(PROGRESS_KEY, "garbage");
    full.failSet = "quota";
    const loaded = loadProgress(full);
    expect(loaded.notice).toBe(NOTICES.corrupt(null));
    expect(loaded.state).toEqual(emptyProgress());
  });

  it("leaves a newer version's store untouched and works in memory", () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: PROGRESS_VERSION + 1, xp: 999, whatever: true });
    storage.setItem(PROGRESS_KEY, raw);
    const loaded = loadProgress(storage);
    expect(loaded).toEqual({ state: emptyProgress(), notice: NOTICES.future, persist: false });
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    expect([...storage.map.keys()]).toEqual([PROGRESS_KEY]);
  });

  it("normalises days and language lists a hand edit may have disordered", () => {
    const storage = new MemoryStorage();
    storage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        ...emptyProgress(),
        activeDays: ["2025-03-02", "2025-03-01", "2025-03-02"],
        ranLanguages: { m: ["r", "rust", "r"] },
      }),
    );
    const { state, notice } = loadProgress(storage);
    expect(notice).toBeUndefined();
    expect(state.activeDays).toEqual(["2025-03-01", "2025-03-02"]);
    expect(state.ranLanguages.m).toEqual(["rust", "r"]);
  });
});

describe("migration from version 1", () => {
  const v1 = {
    version: 1,
    xp: 75,
    passed: [
      { drill: "01-fasta-gc/gc-rs", lang: "rust", kind: "make-it-compile", at: "2024-11-02T19:00:00.000Z" },
      { drill: "02-kmers/fix", lang: "r", kind: "fix-bug", at: "2024-11-03T19:00:00.000Z" },
      { drill: "01-fasta-gc/gc-py", lang: "python", kind: "write-function", at: "2024-11-01T19:00:00.000Z" },
    ],
    correct: ["01-fasta-gc/q1"],
    lastActive: "2024-11-03",
  };

  it("loads a v1 store as v2, quietly, keeping XP and passes", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify(v1));
    const { state, notice, persist } = loadProgress(storage);
    expect(notice).toBeUndefined();
    expect(persist).toBe(true);
    expect(state.version).toBe(PROGRESS_VERSION);
    expect(state.xp).toBe(75);
    expect(Object.keys(state.drills).sort()).toEqual(["01-fasta-gc/gc-py", "01-fasta-gc/gc-rs", "02-kmers/fix"]);
    expect(state.drills["02-kmers/fix"]).toEqual({ passedAt: "2024-11-03T19:00:00.000Z", lang: "r", kind: "fix-bug" });
    expect(state.questions["01-fasta-gc/q1"]).toMatchObject({ correct: true, xpAwarded: true });
    expect(state.activeDays).toEqual(["2024-11-03"]);
    expect(state.badges).toEqual({
      "first-rust": { earnedAt: "2024-11-02T19:00:00.000Z" },
      "bug-hunter": { earnedAt: "2024-11-03T19:00:00.000Z" },
    });
    // The store itself is rewritten only by the next save.
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).version).toBe(1);
  });

  it("awards the badges v1 could not know about on the next activity, without paying twice", () => {
    const m = migrate(v1);
    if (!m.ok) throw new Error(m.problem);
    // 02-kmers was already complete in v1: its badge and bonus arrive with the next event.
    const r = applyEvent(m.state, answer("01-fasta-gc/q1", true), catalog, day(1));
    expect(r.newBadges).toEqual(["module:02-kmers"]);
    expect(r.gainedXp).toBe(MODULE_BONUS_XP);
  });

  it("accepts a minimal v1 store", () => {
    const m = migrate({ version: 1, xp: 0, passed: [] });
    expect(m).toEqual({ ok: true, state: emptyProgress() });
  });
});

describe("saving", () => {
  it("reports a full storage instead of throwing", () => {
    const storage = new MemoryStorage();
    storage.failSet = "quota";
    expect(saveProgress(storage, emptyProgress())).toEqual({ ok: false, notice: NOTICES.full });
  });

  it("reports disabled storage instead of throwing", () => {
    const storage = new MemoryStorage();
    storage.failSet = "security";
    expect(saveProgress(storage, emptyProgress())).toEqual({ ok: false, notice: NOTICES.disabled });
    expect(saveProgress(null, emptyProgress())).toEqual({ ok: false, notice: NOTICES.disabled });
  });

  it("treats old Firefox's quota error as full", () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw Object.assign(new Error("quota"), { name: "NS_ERROR_DOM_QUOTA_REACHED" });
    };
    expect(saveProgress(storage, emptyProgress()).notice).toBe(NOTICES.full);
  });
});

describe("reset all", () => {
  it("removes progress, drill drafts and corrupt copies, and nothing else", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, "{}");
    storage.setItem("ru-drill-code:01-fasta-gc/gc-py", "def gc(): ...");
    storage.setItem("ru-drill-code:02-kmers/fix", "x <- 1");
    storage.setItem(`${CORRUPT_PREFIX}2025`, "junk");
    storage.setItem("ru-theme", "dark");
    storage.setItem("other-site", "keep");
    expect(resetAll(storage)).toEqual({ ok: true });
    expect([...storage.map.keys()].sort()).toEqual(["other-site", "ru-theme"]);
  });

  it("never throws", () => {
    expect(resetAll(null).ok).toBe(false);
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, "{}");
    storage.removeItem = () => {
      throw new DOMException("no", "SecurityError");
    };
    expect(resetAll(storage).ok).toBe(false);
  });
});

describe("export and import", () => {
  const state = run([
    [pass("01-fasta-gc/gc-py"), day(1)],
    [{ type: "ran-language", module: "01-fasta-gc", lang: "rust" }, day(2)],
  ]).state;

  it("round-trips through a pretty JSON file", () => {
    const text = exportProgress(state, new Date("2025-03-05T10:00:00Z"));
    expect(text).toContain('\n  "app": "rust-underneath"');
    expect(JSON.parse(text)).toEqual({
      app: "rust-underneath",
      exportedAt: "2025-03-05T10:00:00.000Z",
      progress: state,
    });
    expect(importProgress(text)).toEqual({ state });
  });

  it("names the file after the local day", () => {
    expect(exportFileName(new Date(2025, 2, 5, 23, 30))).toBe("rust-underneath-progress-2025-03-05.json");
  });

  it("imports and migrates a v1 export", () => {
    const r = importProgress(
      JSON.stringify({ app: "rust-underneath", exportedAt: "x", progress: { version: 1, xp: 9, passed: [] } }),
    );
    expect(r).toEqual({ state: { ...emptyProgress(), xp: 9 } });
  });

  it.each([
    ["not JSON", "hello", /not JSON/],
    [
      "someone else's JSON",
      JSON.stringify({ name: "package", version: "1.0.0" }),
      /not a Rust Underneath progress export/,
    ],
    ["a bare state without the wrapper", JSON.stringify(emptyProgress()), /not a Rust Underneath progress export/],
    ["null", "null", /not a Rust Underneath progress export/],
    ["a newer version", JSON.stringify({ app: "rust-underneath", progress: { version: 99 } }), /newer version/],
    [
      "damaged progress",
      JSON.stringify({ app: "rust-underneath", progress: { ...emptyProgress(), xp: "lots" } }),
      /damaged.*xp/,
    ],
  ])("refuses %s with a clear message", (_, text, message) => {
    const r = importProgress(text);
    expect("error" in r && r.error).toMatch(message);
  });
});
