// `npm run bench`: measures what the curriculum promises about speed, on this
// machine, and writes bench/report.json (the previous one is kept as
// bench/report.previous.json for comparison) and bench/report.md.
// Suites so far: the Rust compile service (issue "Live Rust editing").
import { cpus } from "node:os";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { startCompileService } from "./lib/compile-service.ts";

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

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}`;
const report = { measuredAt: new Date().toISOString(), machine, compileService: await compileSuite() };

if (existsSync("bench/report.json")) renameSync("bench/report.json", "bench/report.previous.json");
writeFileSync("bench/report.json", JSON.stringify(report, null, 2) + "\n");

const c = report.compileService;
const md = [
  `Measured ${report.measuredAt.slice(0, 10)} on ${machine}.`,
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
console.log(md);
