// The benchmark's measured task times (bench/report.json, written by `npm run bench`),
// for lessons that talk about speed: they quote the measurement instead of a number
// typed into the prose, so the text and the README's table cannot drift apart.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { LANGS, LANG_LABEL, type Lang } from "../runners/protocol.ts";
import { formatMs } from "./scaling-chart.ts";

const Times = z.record(z.string().regex(/^\d+x$/), z.number().nonnegative());
const ReportSchema = z.object({
  measuredAt: z.string(),
  machine: z.string(),
  browser: z.object({
    throughput: z.record(z.string(), z.object({ rust: Times, python: Times, r: Times })),
  }),
});
export type BenchReport = z.infer<typeof ReportSchema>;

export const BENCH_REPORT = join(process.cwd(), "bench", "report.json");

export class BenchError extends Error {}

export function loadBenchReport(path = BENCH_REPORT): BenchReport {
  if (!existsSync(path)) throw new BenchError(`${path} does not exist: run \`npm run bench\` to measure, and commit bench/report.json.`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new BenchError(`${path} is not valid JSON (${(e as Error).message}). Run \`npm run bench\` again.`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new BenchError(`${path} is not a benchmark report: ${parsed.error.issues[0]?.message}. Run \`npm run bench\` again.`);
  return parsed.data;
}

export interface MeasuredTimes {
  /** Per language, in LANGS order: the median program time in the lesson page, formatted. */
  times: { lang: Lang; label: string; ms: number; text: string }[];
  /** When and where, for a footnote: "2026-11-25, 2 × Intel(R) Xeon(R) …". */
  measured: string;
}

/** A module's measured times at `scale` (1, 10 or 100), or a build error that says what to do. */
export function measuredTimes(report: BenchReport, module: string, scale: number): MeasuredTimes {
  const byLang = report.browser.throughput[module];
  if (!byLang) throw new BenchError(`bench/report.json has no times for ${module}: run \`npm run bench\` (it measures every module).`);
  const times = LANGS.map((lang) => {
    const ms = byLang[lang][`${scale}x`];
    if (ms === undefined) throw new BenchError(`bench/report.json has no ${scale}× time for ${module} in ${LANG_LABEL[lang]}; the bench measures the sizes in task.json's scaling.sizes.`);
    return { lang, label: LANG_LABEL[lang], ms, text: formatMs(ms) };
  });
  return { times, measured: `${report.measuredAt.slice(0, 10)}, ${report.machine}` };
}
