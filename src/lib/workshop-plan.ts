// Sequences the curriculum's modules into a workshop timetable: which modules a
// one-day or a three-day workshop covers, in what order, and when — computed
// from each module's `minutes` and `part`, so the plan grows as modules are
// written and never needs editing by hand.

export interface PlanModule {
  id: string;
  /** Position in the curriculum; the plan keeps this order. */
  number: number;
  title: string;
  /** Teaching time from the module's frontmatter. */
  minutes: number;
  /** Which half of the curriculum ("bioinformatics", "data-science", "bridges"). */
  part: string;
}

export interface Pause {
  kind: "break" | "lunch";
  label: string;
  minutes: number;
}

/** A teaching day: blocks of teaching time with pauses between them. */
export interface DayTemplate {
  /** Start of the day, in minutes after midnight (9:00 = 540). */
  start: number;
  /** Teaching time of each block, in order. */
  blocks: number[];
  /** The pause after each block but the last (so blocks.length - 1 of them). */
  pauses: Pause[];
}

/** 9:00 to 16:30: six teaching hours, two coffee breaks and lunch. */
export const STANDARD_DAY: DayTemplate = {
  start: 9 * 60,
  blocks: [90, 105, 90, 75],
  pauses: [
    { kind: "break", label: "Coffee break", minutes: 15 },
    { kind: "lunch", label: "Lunch", minutes: 60 },
    { kind: "break", label: "Coffee break", minutes: 15 },
  ],
};

export interface PlanOptions {
  days: number;
  template?: DayTemplate;
  /** Welcome and set-up (browsers open, runtimes loaded, compile service URL given) on day 1. */
  welcomeMinutes?: number;
  /** Questions and wrap-up at the end of every day. */
  wrapUpMinutes?: number;
  /**
   * No piece of a module shorter than this either side of a pause: with less
   * room left the pause comes early, with less of the module left the block
   * runs over.
   */
  minChunkMinutes?: number;
}

export interface Slot {
  kind: "module" | "break" | "lunch" | "welcome" | "wrap-up";
  /** Minutes after midnight. */
  start: number;
  end: number;
  title: string;
  module?: PlanModule;
  /** When a module runs across a pause: which piece this is. */
  piece?: { index: number; of: number };
}

export interface PlanDay {
  /** 1-based. */
  day: number;
  slots: Slot[];
  /** Module teaching time scheduled on the day. */
  teachingMinutes: number;
}

export interface WorkshopPlan {
  days: PlanDay[];
  /** Modules in the plan, in teaching order. */
  covered: PlanModule[];
  /** Modules left for self-study: they did not fit. */
  omitted: PlanModule[];
  /** Module teaching time in the plan. */
  teachingMinutes: number;
  /** Teaching time the days offer for modules (after welcome and wrap-ups). */
  capacityMinutes: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Which modules a workshop of `capacity` minutes covers. Each part's first
 * module comes first, so even a one-day workshop shows every half of the
 * curriculum; then the rest in curriculum order. Within a part, modules are
 * taken in order only (a module is never taught without the one before it in
 * its part, which it may build on). Modules too long to fit are skipped, and a
 * shorter one later may still fit.
 */
export function selectModules(modules: PlanModule[], capacity: number): { covered: PlanModule[]; omitted: PlanModule[] } {
  const ordered = [...modules].sort((a, b) => a.number - b.number);
  const firsts = ordered.filter((m, i) => ordered.findIndex((o) => o.part === m.part) === i);
  const priority = [...firsts, ...ordered.filter((m) => !firsts.includes(m))];
  const chosen = new Set<PlanModule>();
  const blockedParts = new Set<string>();
  let used = 0;
  for (const m of priority) {
    if (blockedParts.has(m.part)) continue;
    if (used + m.minutes <= capacity) {
      chosen.add(m);
      used += m.minutes;
    } else blockedParts.add(m.part); // its successors in the part would lack it
  }
  return { covered: ordered.filter((m) => chosen.has(m)), omitted: ordered.filter((m) => !chosen.has(m)) };
}

/** Lays the selected modules out over the days, block by block, with pauses. */
export function planWorkshop(modules: PlanModule[], options: PlanOptions): WorkshopPlan {
  const template = options.template ?? STANDARD_DAY;
  if (template.pauses.length !== template.blocks.length - 1) {
    throw new Error(`A day template needs one pause between each pair of blocks: ${template.blocks.length} blocks, ${template.pauses.length} pauses.`);
  }
  const welcome = options.welcomeMinutes ?? 20;
  const wrapUp = options.wrapUpMinutes ?? 10;
  const minChunk = options.minChunkMinutes ?? 20;
  const dayTeaching = sum(template.blocks);
  const capacity = Math.max(0, options.days * (dayTeaching - wrapUp) - welcome);
  const { covered, omitted } = selectModules(modules, capacity);

  const days: PlanDay[] = [];
  const scheduled: PlanModule[] = [];
  const queue = [...covered];

  for (let d = 1; d <= options.days; d++) {
    const day: PlanDay = { day: d, slots: [], teachingMinutes: 0 };
    days.push(day);
    let clock = template.start;
    let block = 0;
    let usedInBlock = 0;
    const leftToday = () => sum(template.blocks.slice(block)) - usedInBlock - wrapUp;
    const nextBlock = () => {
      const pause = template.pauses[block]!;
      day.slots.push({ kind: pause.kind, start: clock, end: clock + pause.minutes, title: pause.label });
      clock += pause.minutes;
      block++;
      usedInBlock = 0;
    };
    /** Puts `minutes` of one activity into the day, across pauses if need be. */
    const place = (minutes: number, slot: Omit<Slot, "start" | "end" | "piece">) => {
      const pieces: Slot[] = [];
      let need = minutes;
      while (need > 0 && block < template.blocks.length) {
        const room = template.blocks[block]! - usedInBlock;
        const isLastBlock = block === template.blocks.length - 1;
        if (!isLastBlock && (room <= 0 || (room < Math.min(minChunk, need) && need > room))) {
          nextBlock();
          continue;
        }
        // Rather than leave a few minutes of a module for after the pause, the
        // block runs over; the last block runs over by whatever is left.
        const take = isLastBlock || need - room < minChunk ? need : Math.min(need, room);
        const piece: Slot = { ...slot, start: clock, end: clock + take };
        day.slots.push(piece);
        pieces.push(piece);
        clock += take;
        usedInBlock += take;
        need -= take;
      }
      if (pieces.length > 1) pieces.forEach((p, i) => (p.piece = { index: i + 1, of: pieces.length }));
    };

    if (d === 1 && welcome > 0) place(welcome, { kind: "welcome", title: "Welcome and set-up: open the site, load the runtimes, note the compile service URL" });
    while (queue.length > 0) {
      const m = queue[0]!;
      const dayHasModules = day.teachingMinutes > 0;
      // A module waits for the next day rather than being cut by the evening
      // (on the last day, it is left out). One longer than a whole day gets a
      // day of its own and runs over.
      if (m.minutes > leftToday() && dayHasModules) break;
      queue.shift();
      place(m.minutes, { kind: "module", title: m.title, module: m });
      day.teachingMinutes += m.minutes;
      scheduled.push(m);
    }
    if (day.slots.length > 0 && wrapUp > 0) {
      day.slots.push({ kind: "wrap-up", start: clock, end: clock + wrapUp, title: d === options.days ? "Questions, feedback and where to go next" : "Questions and wrap-up" });
    }
  }

  const unscheduled = covered.filter((m) => !scheduled.includes(m));
  return {
    days,
    covered: scheduled,
    omitted: [...omitted, ...unscheduled].sort((a, b) => a.number - b.number),
    teachingMinutes: sum(scheduled.map((m) => m.minutes)),
    capacityMinutes: capacity,
  };
}

/** "9:00", "13:45". */
export function clockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")}`;
}
