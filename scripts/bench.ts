// `npm run bench`: measures what the curriculum promises about speed, on this
// machine, and writes bench/report.json (the previous one is kept as
// bench/report.previous.json for comparison) and bench/report.md.
// Suites: the site build (time, size); in Chromium on that production build: a
// lesson's page weight, runner start (ours vs the bare runtime) and task throughput;
// the Rust compile service (issue "Live Rust editing").
import { cpus } from "node:os";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { startCompileService } from "./lib/compile-service.ts";
import { browserSuites, dirSize } from "./lib/browser-bench.ts";
import { CATEGORIES, lighthouseSuite } from "./lib/lighthouse-bench.ts";

interface Stat {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

function stats(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { runs: s.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}

async function compileOnce(url: string, source: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const response = await fetch(`${url}/compile`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ source }),
  });
  const body = (await response.json()) as { ok: boolean };
  if (response.status === 200 && !body.ok) throw new Error("the benchmark source failed to compile");
  return { ms: performance.now() - t0, status: response.status };
}

async function compileSuite() {
  const source = readFileSync("exercises/01-fasta-gc/rust/main.rs", "utf8");
  const service = await startCompileService({ port: 0 });
  if (!service.toolchain) throw new Error("No wasm toolchain: see README (Live Rust in a workshop).");
  const url = service.url.replace(/\/$/, "");
  try {
    const cold = await compileOnce(url, source);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await compileOnce(url, source)).ms);
    const concurrent: Record<string, { wallMs: number; perRequest: Stat; rejected: number; compilesPerMinute: number }> = {};
    for (const learners of [2, 4, 8]) {
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: learners }, () => compileOnce(url, source)));
      const wallMs = performance.now() - t0;
      const ok = results.filter((r) => r.status === 200);
      concurrent[String(learners)] = {
        wallMs: Math.round(wallMs),
        perRequest: stats(ok.map((r) => r.ms)),
        rejected: results.length - ok.length,
        compilesPerMinute: Math.round((ok.length / wallMs) * 60_000),
      };
    }
    return {
      toolchain: `${service.toolchain.version} (${service.toolchain.target})`,
      source: "exercises/01-fasta-gc/rust/main.rs",
      concurrency: service.limits.concurrency,
      coldMs: Math.round(cold.ms),
      warm: stats(warm),
      concurrent,
    };
  } finally {
    await service.close();
  }
}

/** `astro build` with the Node that runs this script (Astro 7 needs Node >= 22.12). */
function buildSuite() {
  const t0 = performance.now();
  const build = spawnSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("astro build failed; run it alone to see why.");
  const runtimes = dirSize("dist/runtimes");
  const total = dirSize("dist");
  return { buildMs: Math.round(performance.now() - t0), distBytes: total, runtimesBytes: runtimes };
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}`;
const build = buildSuite();
const browser = await browserSuites({ runs: Number(process.env.BENCH_RUNS ?? 5) });
const quality = await lighthouseSuite({ runs: Math.min(3, Number(process.env.BENCH_RUNS ?? 3)) });
const report = { measuredAt: new Date().toISOString(), machine, build, browser, lighthouse: quality, compileService: await compileSuite() };

if (existsSync("bench/report.json")) renameSync("bench/report.json", "bench/report.previous.json");
writeFileSync("bench/report.json", JSON.stringify(report, null, 2) + "\n");

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x} ms`);
const pass = (ok: boolean) => (ok ? "pass" : "**FAIL**");
const b = report.browser;
const w = b.pageWeight;
const c = report.compileService;
const LANG = { rust: "Rust", python: "Python", r: "R" } as const;
const md = [
  `Measured ${report.measuredAt.slice(0, 10)} on ${machine}; headless Chromium, production build served by scripts/serve.mjs (COOP/COEP on), medians of ${b.runs} runs.`,
  "",
  `**Lesson page before interaction** (module 01, gzip sizes of what the page requested, ${w.requests} requests):`,
  "",
  "| HTML | CSS | JS | JS budget |",
  "| --- | --- | --- | --- |",
  `| ${kb(w.htmlGzip)} | ${kb(w.cssGzip)} | ${kb(w.jsGzip)} | ≤ ${kb(w.jsBudget)}: ${pass(w.jsPass)} |`,
  "",
  `**Runner start** (click Run → first output on the lesson page; bare = the same self-hosted runtime loaded by a minimal page running the same program; budget ≤ ${b.ratioBudget}× bare, Rust cold ≤ ${b.rustColdBudgetMs} ms):`,
  "",
  "| | cold | warm (second run) | bare runtime, cold | ours / bare | budget |",
  "| --- | --- | --- | --- | --- | --- |",
  ...(["rust", "python", "r"] as const).map((l) => {
    const s = b.start[l];
    const ok = s.ratio <= b.ratioBudget && (l !== "rust" || b.rustColdPass);
    return `| ${LANG[l]} | ${ms(s.coldMs)} | ${ms(s.warmMs)} | ${ms(s.bareColdMs)} | ${s.ratio}× | ${pass(ok)} |`;
  }),
  "",
  "**Task throughput** (each module's scaling case on its lesson page, program time per run, warm runtime; the lessons' scaling charts measure the same thing live):",
  "",
  "| module | language | 1× | 10× | 100× |",
  "| --- | --- | --- | --- | --- |",
  ...Object.entries(b.throughput).flatMap(([id, byLang]) =>
    (["rust", "python", "r"] as const).map(
      (l) => `| ${id} | ${LANG[l]} | ${["1x", "10x", "100x"].map((k) => (byLang[l][k] === undefined ? "–" : ms(byLang[l][k]!))).join(" | ")} |`,
    ),
  ),
  "",
  `**Lighthouse** (${quality.page}, median of ${quality.runs} runs per preset; budget ≥ ${quality.budget} in every category: ${pass(quality.pass)}):`,
  "",
  `| preset | ${CATEGORIES.join(" | ")} |`,
  `| --- | ${CATEGORIES.map(() => "---").join(" | ")} |`,
  ...Object.entries(quality.presets).map(([preset, s]) => `| ${preset} | ${CATEGORIES.map((c) => s[c]).join(" | ")} |`),
  "",
  `**Site build**: \`astro build\` ${ms(report.build.buildMs)}; dist/ ${mb(report.build.distBytes)} (of which runtimes ${mb(report.build.runtimesBytes)}; both include the precompressed .br and .gz copies).`,
  "",
  `**Rust compile service** (${c.toolchain}, ${c.concurrency} concurrent compiles, module 01's solution):`,
  "",
  "| | median | p95 | notes |",
  "| --- | --- | --- | --- |",
  `| first compile (cold) | ${c.coldMs} ms | | |`,
  `| next compiles (warm) | ${c.warm.medianMs} ms | ${c.warm.p95Ms} ms | ${c.warm.runs} runs, one at a time |`,
  ...Object.entries(c.concurrent).map(
    ([n, r]) =>
      `| ${n} learners at once | ${r.perRequest.medianMs} ms | ${r.perRequest.p95Ms} ms | all done in ${r.wallMs} ms; ≈${r.compilesPerMinute} compiles/min${r.rejected ? `; ${r.rejected} answered 503` : ""} |`,
  ),
  "",
].join("\n");
writeFileSync("bench/report.md", md);
// The README shows the latest run between its bench markers.
const readme = readFileSync("README.md", "utf8");
const section = /(<!-- bench:start[^>]*-->\n)[\s\S]*?(<!-- bench:end -->)/;
if (section.test(readme)) writeFileSync("README.md", readme.replace(section, (_, start: string, end: string) => `${start}${md.trimEnd()}\n${end}`));
console.log(md);
