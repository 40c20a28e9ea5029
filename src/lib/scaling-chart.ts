// Draws "time against input size" for the three languages as a small SVG, on log
// scales so 1×, 10× and 100× are evenly spaced and linear growth is a 45° line.
import { LANG_LABEL, type Lang } from "../runners/protocol.ts";

export interface Timing {
  lang: Lang;
  scale: number;
  ms: number;
}

const W = 360;
const H = 200;
const PAD = { left: 52, right: 70, top: 12, bottom: 34 };

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toPrecision(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);

/** Keeps the last timing per language and size (a re-run replaces the old one). */
export function latestTimings(all: Timing[]): Timing[] {
  const byKey = new Map<string, Timing>();
  for (const t of all) byKey.set(`${t.lang}:${t.scale}`, t);
  return [...byKey.values()];
}

export function scalingChartSvg(timings: Timing[], sizes: number[]): string {
  const points = latestTimings(timings).filter((t) => t.ms > 0);
  const ms = points.map((p) => p.ms);
  const lo = Math.log10(Math.max(0.1, Math.min(...ms, 1)));
  const hi = Math.log10(Math.max(...ms, 10));
  const yMin = Math.floor(lo);
  const yMax = Math.max(yMin + 1, Math.ceil(hi));
  const xs = [...sizes].sort((a, b) => a - b);
  const xMin = Math.log10(xs[0]!);
  const xMax = Math.log10(xs[xs.length - 1]!);
  const x = (scale: number) =>
    PAD.left + (xMax === xMin ? 0.5 : (Math.log10(scale) - xMin) / (xMax - xMin)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (Math.log10(v) - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);

  const parts: string[] = [];
  for (let e = yMin; e <= yMax; e++) {
    const v = 10 ** e;
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`,
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${fmtMs(v)}</text>`,
    );
  }
  for (const s of xs) {
    parts.push(`<text x="${x(s)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${s}×</text>`);
  }
  for (const lang of ["rust", "python", "r"] as Lang[]) {
    const series = points.filter((p) => p.lang === lang).sort((a, b) => a.scale - b.scale);
    if (series.length === 0) continue;
    const d = series.map((p, i) => `${i ? "L" : "M"}${x(p.scale).toFixed(1)},${y(p.ms).toFixed(1)}`).join(" ");
    parts.push(`<path d="${d}" class="line ${lang}"/>`);
    for (const p of series) {
      parts.push(
        `<circle cx="${x(p.scale).toFixed(1)}" cy="${y(p.ms).toFixed(1)}" r="3.5" class="dot ${lang}"><title>${LANG_LABEL[lang]} at ${p.scale}×: ${fmtMs(p.ms)}</title></circle>`,
      );
    }
    const last = series[series.length - 1]!;
    parts.push(`<text x="${x(last.scale) + 8}" y="${y(last.ms) + 4}" class="label ${lang}">${LANG_LABEL[lang]}</text>`);
  }
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Run time against input size, log scales">${parts.join("")}</svg>`;
}

export { fmtMs as formatMs };
