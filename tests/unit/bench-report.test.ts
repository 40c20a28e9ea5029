import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError, loadBenchReport, measuredTimes, type BenchReport } from "../../src/lib/bench-report.ts";

const report: BenchReport = {
  measuredAt: "2026-11-25T18:41:02.158Z",
  machine: "2 × Test CPU",
  browser: {
    throughput: {
      "08-pca-arrays": {
        rust: { "1x": 2.1, "10x": 9.9, "100x": 61.2 },
        python: { "1x": 120, "10x": 360, "100x": 3052 },
        r: { "1x": 190, "10x": 370, "100x": 2021 },
      },
    },
  },
};

describe("measuredTimes", () => {
  it("gives each language's time at a size, in Rust, Python, R order, formatted as the charts do", () => {
    const m = measuredTimes(report, "08-pca-arrays", 100);
    expect(m.times.map((t) => `${t.label} ${t.text}`)).toEqual(["Rust 61 ms", "Python 3.1 s", "R 2.0 s"]);
    expect(m.measured).toBe("2026-11-25, 2 × Test CPU");
    expect(measuredTimes(report, "08-pca-arrays", 1).times[0]!.text).toBe("2.1 ms");
  });

  it("fails the build with what to do when a module or a size was not measured", () => {
    expect(() => measuredTimes(report, "99-new", 100)).toThrow(/no times for 99-new: run `npm run bench`/);
    expect(() => measuredTimes(report, "08-pca-arrays", 1000)).toThrow(/no 1000× time/);
  });
});

describe("loadBenchReport", () => {
  it("reads the committed report, which has every module's times", () => {
    const committed = loadBenchReport();
    expect(Object.keys(committed.browser.throughput)).toContain("13-capstone");
  });

  it("refuses a missing or malformed file with a message that says to run the bench", () => {
    const dir = mkdtempSync(join(tmpdir(), "ru-bench-"));
    expect(() => loadBenchReport(join(dir, "none.json"))).toThrow(BenchError);
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ measuredAt: "x" }));
    expect(() => loadBenchReport(join(dir, "bad.json"))).toThrow(/not a benchmark report.*npm run bench/);
  });
});
