import { describe, expect, it } from "vitest";
import { clockTime, planWorkshop, selectModules, STANDARD_DAY, type PlanModule } from "../../src/lib/workshop-plan.ts";

const mod = (number: number, minutes: number, part = "bioinformatics"): PlanModule => ({
  id: `${String(number).padStart(2, "0")}-m`,
  number,
  title: `Module ${number}`,
  minutes,
  part,
});

/** A curriculum shaped like the real one: 6 + 5 + 2 modules of 60–90 minutes. */
const curriculum = [
  ...[1, 2, 3, 4, 5, 6].map((n) => mod(n, 75)),
  ...[7, 8, 9, 10, 11].map((n) => mod(n, 90, "data-science")),
  mod(12, 60, "bridges"),
  mod(13, 60, "bridges"),
];

describe("selectModules", () => {
  it("takes each part's first module before going deeper, then keeps curriculum order", () => {
    const { covered } = selectModules(curriculum, 330);
    expect(covered.map((m) => m.number)).toEqual([1, 2, 7, 12]);
  });

  it("never takes a module without the one before it in its part", () => {
    const modules = [mod(1, 60), mod(2, 200), mod(3, 30), mod(4, 60, "bridges")];
    const { covered, omitted } = selectModules(modules, 200);
    // 2 does not fit, so 3 (which may build on 2) is left out even though it would fit.
    expect(covered.map((m) => m.number)).toEqual([1, 4]);
    expect(omitted.map((m) => m.number)).toEqual([2, 3]);
  });

  it("sorts by module number whatever the input order", () => {
    const { covered } = selectModules([mod(3, 10), mod(1, 10), mod(2, 10)], 100);
    expect(covered.map((m) => m.number)).toEqual([1, 2, 3]);
  });
});

describe("planWorkshop", () => {
  it("renders a sensible day for a curriculum of one module", () => {
    const plan = planWorkshop([mod(1, 75)], { days: 1 });
    expect(plan.covered).toHaveLength(1);
    expect(plan.omitted).toEqual([]);
    const slots = plan.days[0]!.slots.map((s) => [s.kind, clockTime(s.start), clockTime(s.end)]);
    expect(slots).toEqual([
      ["welcome", "9:00", "9:20"],
      // 70 minutes left in the block and 75 needed: it runs over rather than
      // leaving 5 minutes for after the break.
      ["module", "9:20", "10:35"],
      ["wrap-up", "10:35", "10:45"],
    ]);
  });

  it("does not start a module just before a pause: the pause comes early", () => {
    // 20 welcome + 60 = 80 of the first 90-minute block: 10 minutes left, 75 needed.
    const plan = planWorkshop([mod(1, 60), mod(2, 75)], { days: 1 });
    const kinds = plan.days[0]!.slots.map((s) => `${s.kind}@${clockTime(s.start)}`);
    expect(kinds).toEqual(["welcome@9:00", "module@9:20", "break@10:20", "module@10:35", "wrap-up@11:50"]);
  });

  it("splits a module across a pause and says which piece is which", () => {
    const plan = planWorkshop([mod(1, 150)], { days: 1, welcomeMinutes: 0 });
    const slots = plan.days[0]!.slots;
    expect(slots.map((s) => s.kind)).toEqual(["module", "break", "module", "wrap-up"]);
    const pieces = slots.filter((s) => s.kind === "module");
    expect(pieces.map((p) => [p.end - p.start, p.piece])).toEqual([
      [90, { index: 1, of: 2 }],
      [60, { index: 2, of: 2 }],
    ]);
  });

  it("fills one day with the curriculum's breadth and leaves the rest for self-study", () => {
    const plan = planWorkshop(curriculum, { days: 1 });
    expect(plan.covered.map((m) => m.number)).toEqual([1, 2, 7, 12]);
    expect(plan.teachingMinutes).toBe(300);
    expect(plan.teachingMinutes).toBeLessThanOrEqual(plan.capacityMinutes);
    expect(plan.omitted).toHaveLength(curriculum.length - 4);
    const day = plan.days[0]!;
    expect(day.slots.filter((s) => s.kind === "lunch")).toHaveLength(1);
    expect(day.slots.at(-1)!.kind).toBe("wrap-up");
    expect(day.slots.at(-1)!.end).toBeLessThanOrEqual(STANDARD_DAY.start + 450);
  });

  it("spreads three days in curriculum order without cutting a module at the end of a day", () => {
    const plan = planWorkshop(curriculum, { days: 3 });
    const order = plan.days.flatMap((d) => d.slots.filter((s) => s.module && (s.piece?.index ?? 1) === 1).map((s) => s.module!.number));
    expect(order).toEqual(plan.covered.map((m) => m.number));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const day of plan.days) {
      const modulesOfDay = new Set(day.slots.filter((s) => s.module).map((s) => s.module!.number));
      // Every module's pieces are on one day.
      for (const other of plan.days) {
        if (other === day) continue;
        for (const s of other.slots) if (s.module) expect(modulesOfDay.has(s.module.number)).toBe(false);
      }
      expect(day.slots.at(-1)!.kind).toBe("wrap-up");
      // Days end by 17:00 at the latest.
      expect(day.slots.at(-1)!.end).toBeLessThanOrEqual(17 * 60);
    }
    expect(plan.days[0]!.slots[0]!.kind).toBe("welcome");
    expect(plan.days[1]!.slots[0]!.kind).toBe("module");
    expect(plan.covered.length + plan.omitted.length).toBe(curriculum.length);
  });

  it("leaves later days empty rather than inventing content", () => {
    const plan = planWorkshop([mod(1, 75)], { days: 3 });
    expect(plan.days.map((d) => d.slots.length > 0)).toEqual([true, false, false]);
  });

  it("rejects a day template whose pauses do not sit between its blocks", () => {
    expect(() => planWorkshop([], { days: 1, template: { start: 540, blocks: [60, 60], pauses: [] } })).toThrow(/one pause between/);
  });

  it("formats clock times", () => {
    expect(clockTime(540)).toBe("9:00");
    expect(clockTime(13 * 60 + 5)).toBe("13:05");
  });
});
