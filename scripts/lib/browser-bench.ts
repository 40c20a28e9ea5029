// Browser suites of `npm run bench`: the production build served by scripts/serve.mjs,
// Debian's Chromium driven by playwright-core. Medians over fresh browser contexts
// (a new context has an empty HTTP cache, so "cold" means a first visit).
import { chromium, type Browser, type Page } from "playwright-core";
import type { Server } from "node:http";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer } from "../serve.mjs";
import { runtimeVersion } from "../../src/integrations/runtimes.ts";
import { listTaskIds, loadTask } from "../../src/lib/task.ts";

const LESSON = "modules/01-fasta-gc/";
const MODULE = "exercises/01-fasta-gc";
export const JS_BUDGET_GZIP = 60 * 1024;
export const RATIO_BUDGET = 1.15;
export const RUST_COLD_BUDGET_MS = 150;
type Lang = "rust" | "python" | "r";
const LANGS: Lang[] = ["rust", "python", "r"];

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
};

export function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return total;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

async function freshPage(browser: Browser): Promise<Page> {
  // No service worker: it would answer from Cache Storage and blur "cold".
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1400, height: 1000 } });
  return context.newPage();
}

/** (a) What a lesson costs before the reader touches it, gzip-compressed as a server would send it. */
async function pageWeight(browser: Browser, url: string, dist: string, runs: number) {
  const samples: { html: number; css: number; js: number; requests: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(browser);
    const seen = new Set<string>();
    page.on("request", (r) => seen.add(r.url()));
    await page.goto(url + LESSON, { waitUntil: "networkidle" });
    const sizes = { html: 0, css: 0, js: 0, requests: seen.size };
    for (const u of seen) {
      const path = new URL(u).pathname;
      let file = join(dist, decodeURIComponent(path));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
      if (!existsSync(file)) continue;
      const gz = gzipSync(readFileSync(file)).length;
      const ext = extname(file);
      if (ext === ".html") sizes.html += gz;
      else if (ext === ".css") sizes.css += gz;
      else if (ext === ".js" || ext === ".mjs") sizes.js += gz;
    }
    samples.push(sizes);
    await page.context().close();
  }
  const pick = (k: keyof (typeof samples)[0]) => median(samples.map((s) => s[k]));
  const js = pick("js");
  return { htmlGzip: pick("html"), cssGzip: pick("css"), jsGzip: js, requests: pick("requests"), jsBudget: JS_BUDGET_GZIP, jsPass: js <= JS_BUDGET_GZIP };
}

/** Clicks Run and measures, in the page, the time until the output panel shows something. */
async function clickToFirstOutput(page: Page, lang: Lang): Promise<number> {
  return page.evaluate(async (lang) => {
    await customElements.whenDefined("ru-runner");
    const el = document.querySelector(`ru-runner[data-runner-lang="${lang}"]`)!;
    const out = el.querySelector("[data-output]")!;
    out.textContent = "";
    return new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (out.textContent) (obs.disconnect(), resolve(performance.now() - t0));
      });
      obs.observe(out, { childList: true, subtree: true, characterData: true });
      setTimeout(() => reject(new Error(`${lang}: no output within 120 s`)), 120_000);
      el.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
    });
  }, lang);
}

async function waitDone(page: Page, lang: Lang) {
  await page.waitForFunction(
    (l) => ["done", "error"].includes(document.querySelector(`ru-runner[data-runner-lang="${l}"]`)?.getAttribute("data-status") ?? ""),
    lang,
    { timeout: 120_000 },
  );
}

/** Minimal pages that load each self-hosted runtime directly and run the same program on the same input. */
function writeBarePages(dir: string) {
  mkdirSync(dir, { recursive: true });
  cpSync("node_modules/@bjorn3/browser_wasi_shim/dist", join(dir, "wasi-shim"), { recursive: true });
  const input = readFileSync(`${MODULE}/data/records.fasta`, "utf8");
  const py = readFileSync(`${MODULE}/python/main.py`, "utf8");
  const r = readFileSync(`${MODULE}/r/main.R`, "utf8");
  const pyUrl = `/runtimes/pyodide/${runtimeVersion("pyodide")}/`;
  const webrUrl = `/runtimes/webr/${runtimeVersion("webr")}/`;
  const page = (body: string) =>
    `<!doctype html><meta charset="utf-8"><title>bare</title><pre id="out"></pre><script type="module">
const out = document.getElementById("out");
const input = ${JSON.stringify(input)};
window.firstOutput = new Promise((resolve) => {
  window.emit = (t) => { if (!out.textContent) resolve(performance.now() - window.t0); out.textContent += t; };
});
window.start = async () => { window.t0 = performance.now(); ${body} };
</script>`;
  writeFileSync(
    join(dir, "python.html"),
    page(`const { loadPyodide } = await import("${pyUrl}pyodide.mjs");
const py = await loadPyodide({ indexURL: "${pyUrl}" });
py.setStdout({ batched: (t) => emit(t + "\\n") });
py.FS.mkdirTree("/home/pyodide/data"); py.FS.writeFile("/home/pyodide/data/records.fasta", input);
py.runPython("import sys, os; os.chdir('/home/pyodide'); sys.argv = ['main.py', 'data/records.fasta']");
py.runPython(${JSON.stringify(py)}, { globals: py.toPy({ __name__: "__main__" }) });`),
  );
  writeFileSync(
    join(dir, "r.html"),
    page(`const { WebR } = await import("${webrUrl}webr.js");
const webR = new WebR({ baseUrl: "${webrUrl}", interactive: false });
await webR.init();
await webR.FS.mkdir("/home/web_user/data"); await webR.FS.writeFile("/home/web_user/data/records.fasta", new TextEncoder().encode(input));
(async () => { for (;;) { const m = await webR.read(); if (m.type === "stdout") emit(m.data + "\\n"); } })();
webR.evalRVoid(${JSON.stringify(`setwd("/home/web_user"); commandArgs <- function(trailingOnly = FALSE) "data/records.fasta"\n`)} + ${JSON.stringify(r)});`),
  );
  writeFileSync(
    join(dir, "rust.html"),
    page(`const { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory, Directory } = await import("./wasi-shim/index.js");
const module = await WebAssembly.compileStreaming(fetch("/wasm/01-fasta-gc/main.wasm"));
const dec = new TextDecoder();
const root = new PreopenDirectory(".", new Map([["data", new Directory(new Map([["records.fasta", new File(new TextEncoder().encode(input))]]))]]));
const wasi = new WASI(["main", "data/records.fasta"], [], [new OpenFile(new File([])), new ConsoleStdout((b) => emit(dec.decode(b))), new ConsoleStdout(() => {}), root]);
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
wasi.start(instance);`),
  );
}

async function bareFirstOutput(browser: Browser, url: string, lang: Lang): Promise<number> {
  const page = await freshPage(browser);
  await page.goto(`${url}_bench/${lang}.html`);
  await page.waitForFunction(() => typeof (window as unknown as { start?: unknown }).start === "function");
  const ms = await page.evaluate(async () => {
    const w = window as unknown as { start(): Promise<void>; firstOutput: Promise<number> };
    void w.start();
    return w.firstOutput;
  });
  await page.context().close();
  return ms;
}

/** (b) Click-to-first-output, cold and warm, against the bare runtime; (c) every module's throughput at its sizes. */
async function runnerSuites(browser: Browser, url: string, runs: number) {
  const start: Record<Lang, { coldMs: number; warmMs: number; bareColdMs: number; ratio: number }> = {} as never;
  for (const lang of LANGS) {
    const cold: number[] = [];
    const warm: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await freshPage(browser);
      await page.goto(url + LESSON, { waitUntil: "networkidle" });
      cold.push(await clickToFirstOutput(page, lang));
      await waitDone(page, lang);
      warm.push(await clickToFirstOutput(page, lang));
      await waitDone(page, lang);
      await page.context().close();
      bare.push(await bareFirstOutput(browser, url, lang));
    }
    const coldMs = median(cold);
    const bareColdMs = median(bare);
    start[lang] = { coldMs, warmMs: median(warm), bareColdMs, ratio: Math.round((coldMs / bareColdMs) * 100) / 100 };
  }

  // Every module's scaling case, as its lesson's "Time every size" runs it.
  const throughput: Record<string, Record<Lang, Record<string, number>>> = {};
  const page = await freshPage(browser);
  for (const id of listTaskIds()) {
    const task = loadTask(id);
    const args = task.cases.find((c) => c.id === task.scaling.case)!.args;
    await page.goto(`${url}modules/${id}/`, { waitUntil: "networkidle" });
    throughput[id] = {} as Record<Lang, Record<string, number>>;
    for (const lang of LANGS) {
      throughput[id][lang] = {};
      for (const scale of task.scaling.sizes) {
        const samples: number[] = [];
        for (let i = 0; i < Math.min(runs, 3); i++) {
          samples.push(
            await page.evaluate(
              async ({ lang, scale, args }) => {
                await customElements.whenDefined("ru-triptych");
                // The triptych builds the scaled input and the request exactly as "Time every size" does.
                const t = document.querySelector("ru-triptych") as unknown as {
                  inputFiles(s: number): Promise<Record<string, string>>;
                  request(l: string, f: Record<string, string>, a: string[]): unknown;
                  runnerEl(l: string): { execute(r: unknown): Promise<{ elapsedMs: number; exitCode: number }> };
                };
                const files = await t.inputFiles(scale);
                const result = await t.runnerEl(lang).execute(t.request(lang, files, args));
                if (result.exitCode !== 0) throw new Error(`${lang} at ${scale}× exited with ${result.exitCode}`);
                return result.elapsedMs;
              },
              { lang, scale, args },
            ),
          );
        }
        throughput[id][lang][`${scale}x`] = median(samples);
      }
    }
  }
  await page.context().close();
  return { start, throughput };
}

export async function browserSuites(options: { dist?: string; runs?: number } = {}) {
  const dist = options.dist ?? "dist";
  const runs = options.runs ?? 3;
  // The bare-runtime pages are served from the same origin and headers as the site,
  // so both sides load the same files under the same conditions; removed afterwards.
  const benchDir = join(dist, "_bench");
  writeBarePages(benchDir);
  const { server, url } = (await startServer({ dir: dist, port: 0 })) as { server: Server; url: string };
  const browser = await launch();
  try {
    const weight = await pageWeight(browser, url, dist, runs);
    const { start, throughput } = await runnerSuites(browser, url, runs);
    return {
      runs,
      pageWeight: weight,
      start,
      rustColdBudgetMs: RUST_COLD_BUDGET_MS,
      rustColdPass: start.rust.coldMs <= RUST_COLD_BUDGET_MS,
      ratioBudget: RATIO_BUDGET,
      throughput,
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    rmSync(benchDir, { recursive: true, force: true });
  }
}
