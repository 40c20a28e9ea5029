import { describe, expect, it } from "vitest";
import { latestTimings, scalingChartSvg } from "../../src/lib/scaling-chart.ts";

describe("scaling chart", () => {
  it("keeps only the latest timing per language and size", () => {
    const t = latestTimings([
      { lang: "rust", scale: 1, ms: 5 },
      { lang: "rust", scale: 1, ms: 3 },
      { lang: "r", scale: 1, ms: 40 },
    ]);
    expect(t).toEqual([
      { lang: "rust", scale: 1, ms: 3 },
      { lang: "r", scale: 1, ms: 40 },
    ]);
  });

  it("draws one path per language that has timings, with labelled points", () => {
    const svg = scalingChartSvg(
      [
        { lang: "rust", scale: 1, ms: 2 },
        { lang: "rust", scale: 100, ms: 150 },
        { lang: "python", scale: 1, ms: 30 },
      ],
      [1, 10, 100],
    );
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain("Rust at 100×: 150 ms");
    expect(svg).toContain("Python at 1×: 30 ms");
    expect(svg).not.toContain('class="line r"');
    // Axis labels span the data: 1 ms .. 1 s
    expect(svg).toContain(">1.0 ms<");
    expect(svg).toContain(">1000 ms<".replace("1000 ms", "1.0 s"));
  });

  it("draws an empty grid without timings", () => {
    expect(scalingChartSvg([], [1, 10, 100])).toContain("<svg");
  });
});
