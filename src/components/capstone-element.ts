// <ru-capstone>: runs a pipeline's stages one after the other, each in the language the
// reader picked, handing every stage the files the earlier ones wrote (RunResult.files),
// then checks the last stage's output and files against expected/ and ticks the
// checklist items the run satisfies. Runtimes load only when the pipeline first runs.
import type { CapstoneData, CapstoneStage } from "./capstone-data.ts";
import type { Runner } from "../runners/client.ts";
import { LANG_LABEL, type Lang, type RunRequest, type RunResult } from "../runners/protocol.ts";
import { comboLabel, ticks } from "../lib/pipeline-combos.ts";
import { formatMs } from "../lib/scaling-chart.ts";
import { OutputPanel } from "./output-panel.ts";
import { ExerciseFiles } from "./exercise-files.ts";

type Files = Record<string, Uint8Array>;
type StageStatus = "idle" | "waiting" | "running" | "done" | "error";

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);

class CapstoneElement extends HTMLElement {
  private data!: CapstoneData;
  private files!: ExerciseFiles;
  private outputs = new Map<string, OutputPanel>();
  private current: Runner | null = null;
  private stopped = false;
  private plotUrl: string | null = null;
  /** Combinations run on this page, and whether each reproduced the expected result. */
  private history = new Map<string, boolean>();

  connectedCallback() {
    this.data = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
    this.files = ExerciseFiles.for(this.data.fileBase);
    for (const stage of this.data.stages) {
      const li = this.stageEl(stage.id);
      this.outputs.set(stage.id, new OutputPanel(li.querySelector("[data-output]")!));
      li.querySelector("select")!.addEventListener("change", () => this.onLanguageChange(stage));
    }
    this.querySelectorAll<HTMLButtonElement>("[data-preset]").forEach((button) =>
      button.addEventListener("click", () => this.applyPreset(button.dataset.preset!.split(",") as Lang[])),
    );
    this.button("run-pipeline").addEventListener("click", () => void this.run());
    this.button("stop").addEventListener("click", () => {
      this.stopped = true;
      this.current?.stop();
    });
    void this.showChecklist();
    void import("./progress-client.ts").then(({ onProgress }) => onProgress(() => void this.showChecklist()));
  }

  private button(action: string) {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private stageEl(id: string) {
    return this.querySelector<HTMLElement>(`[data-stage="${id}"]`)!;
  }

  private langOf(stage: CapstoneStage): Lang {
    return this.stageEl(stage.id).querySelector("select")!.value as Lang;
  }

  private onLanguageChange(stage: CapstoneStage) {
    const li = this.stageEl(stage.id);
    const lang = this.langOf(stage);
    li.dataset.lang = lang;
    li.querySelector("[data-code]")!.textContent = stage.code[lang];
    li.querySelector("[data-code-path]")!.textContent = stage.paths[lang];
    this.verdict("pending", `Next run: ${comboLabel(this.data.stages.map((s) => this.langOf(s)))}.`);
  }

  private applyPreset(langs: Lang[]) {
    this.data.stages.forEach((stage, i) => {
      this.stageEl(stage.id).querySelector("select")!.value = langs[i]!;
      this.onLanguageChange(stage);
    });
  }

  private setStage(stage: CapstoneStage, status: StageStatus, text: string, elapsed = "") {
    const li = this.stageEl(stage.id);
    li.dataset.status = status;
    li.querySelector("[data-status-text]")!.textContent = text;
    li.querySelector("[data-time]")!.textContent = elapsed;
  }

  private verdict(state: "pending" | "agree" | "differ", headline: string, details: string[] = []) {
    const box = this.querySelector<HTMLElement>("[data-verdict]")!;
    box.dataset.state = state;
    box.textContent = (state === "agree" ? "✓ " : state === "differ" ? "✗ " : "") + headline;
    if (details.length > 0) {
      const ul = box.appendChild(document.createElement("ul"));
      for (const d of details) ul.appendChild(document.createElement("li")).textContent = d;
    }
  }

  private setBusy(busy: boolean) {
    this.dataset.running = String(busy);
    this.button("run-pipeline").disabled = busy;
    this.button("stop").hidden = !busy;
    this.querySelectorAll<HTMLButtonElement | HTMLSelectElement>("[data-preset], select").forEach((el) => (el.disabled = busy));
  }

  private async run() {
    const langs = this.data.stages.map((s) => this.langOf(s));
    const label = comboLabel(langs);
    this.stopped = false;
    this.setBusy(true);
    this.querySelector<HTMLElement>("[data-result]")!.hidden = true;
    for (const stage of this.data.stages) {
      this.setStage(stage, "waiting", "Waiting for the stage before");
      this.outputs.get(stage.id)!.clear();
    }
    this.verdict("pending", `Running ${label}…`);
    try {
      const last = await this.runStages(langs);
      if (last) await this.judge(langs, last);
    } catch (e) {
      this.verdict("differ", `The pipeline could not run: ${(e as Error).message}`);
    } finally {
      this.current = null;
      this.setBusy(false);
    }
  }

  /** Runs every stage in turn; the last stage's result, or null if a stage failed. */
  private async runStages(langs: Lang[]): Promise<RunResult | null> {
    const { getRunner } = await import("../runners/client.ts");
    let available: Files = Object.fromEntries(
      await Promise.all(this.data.inputs.map(async (path) => [path, await this.files.bytes(path)] as const)),
    );
    // Start every runtime the run needs now, so downloads overlap with the first stages.
    for (const lang of new Set(langs)) void getRunner(lang).load().catch(() => {});
    let result: RunResult | null = null;
    for (const [i, stage] of this.data.stages.entries()) {
      const lang = langs[i]!;
      const runner = getRunner(lang);
      this.current = runner;
      const name = `${LANG_LABEL[lang]}`;
      this.setStage(stage, "running", runner.state === "ready" ? `Running in ${name}…` : `Starting ${name}…`);
      const unsubscribe = runner.subscribe({
        progress: (phase, fraction) => this.setStage(stage, "running", `${phase} ${Math.round(fraction * 100)}%`),
        state: (state) => state === "running" && this.setStage(stage, "running", `Running in ${name}…`),
      });
      const files: Files = {};
      for (const path of stage.reads) {
        if (!available[path]) throw new Error(`stage ${i + 1} reads ${path}, which no earlier stage wrote.`);
        files[path] = available[path]!;
      }
      const request: RunRequest = { code: stage.code[lang], files, args: stage.args, wasm: lang === "rust" ? stage.wasmUrl : undefined };
      const panel = this.outputs.get(stage.id)!;
      try {
        result = await runner.run(request, { stdout: (t) => panel.write(t, false), stderr: (t) => panel.write(t, true) });
      } finally {
        unsubscribe();
      }
      panel.show(result.stdout, result.stderr);
      const missing = stage.writes.filter((path) => !result!.files[path]);
      if (this.stopped || result.stopped || result.exitCode !== 0 || missing.length > 0) {
        const why = this.stopped || result.stopped ? "stopped" : result.exitCode !== 0 ? `failed (exit code ${result.exitCode})` : `did not write ${missing.join(", ")}`;
        this.setStage(stage, "error", `${name}: ${why}`, formatMs(result.elapsedMs));
        for (const later of this.data.stages.slice(i + 1)) this.setStage(later, "idle", "Not run");
        this.verdict("differ", `Stage ${i + 1} (${stage.title}) ${why}; the stages after it did not run.`);
        return null;
      }
      this.setStage(stage, "done", `${name}: done`, formatMs(result.elapsedMs));
      available = { ...available, ...result.files };
    }
    return result;
  }

  /** Compares the last stage's output with expected/, shows it, and ticks the checklist. */
  private async judge(langs: Lang[], last: RunResult) {
    const label = comboLabel(langs);
    const decoder = new TextDecoder();
    const problems: string[] = [];
    const expectedStdout = decoder.decode(await this.files.bytes(this.data.expected.stdout));
    if (last.stdout !== expectedStdout) problems.push(`The table differs from ${this.data.expected.stdout}.`);
    for (const [written, path] of Object.entries(this.data.expected.files)) {
      if (!sameBytes(last.files[written], await this.files.bytes(path))) problems.push(`${written} differs from ${path}.`);
    }
    this.showResult(last);
    const ok = problems.length === 0;
    this.history.set(label, ok);
    const others = [...this.history].filter(([l, good]) => good && l !== label).map(([l]) => l);
    if (ok) {
      const agreeing = others.length > 0 ? [`The same bytes as this page's earlier runs: ${others.join("; ")}.`] : [];
      this.verdict("agree", `${label}: the table and the chart are byte-identical to the expected result.`, agreeing);
      await this.tickChecklist(langs);
    } else {
      this.verdict("differ", `${label}: the result differs from the expected one.`, problems);
    }
  }

  /** The last stage's table (TSV, blocks separated by an empty line) and its SVG, rendered safely. */
  private showResult(last: RunResult) {
    const box = this.querySelector<HTMLElement>("[data-table]")!;
    box.replaceChildren();
    for (const block of last.stdout.trimEnd().split(/\n\s*\n/)) {
      const table = box.appendChild(document.createElement("table"));
      block.split("\n").forEach((line, r) => {
        const tr = table.appendChild(document.createElement("tr"));
        for (const cell of line.split("\t")) tr.appendChild(document.createElement(r === 0 ? "th" : "td")).textContent = cell;
      });
    }
    const [written] = Object.keys(this.data.expected.files);
    const img = this.querySelector<HTMLImageElement>("[data-plot]")!;
    if (this.plotUrl) URL.revokeObjectURL(this.plotUrl);
    this.plotUrl = null;
    const svg = written ? last.files[written] : undefined;
    if (svg) {
      // An <img> of a blob: the SVG is displayed as a picture — its markup never
      // enters the page, so it cannot run scripts or restyle anything.
      this.plotUrl = URL.createObjectURL(new Blob([svg as BlobPart], { type: "image/svg+xml" }));
      img.src = this.plotUrl;
    }
    img.hidden = !svg;
    this.querySelector("[data-plot-caption]")!.textContent = svg ? `${written}, as the last stage wrote it.` : "";
    this.querySelector<HTMLElement>("[data-result]")!.hidden = false;
  }

  private async tickChecklist(langs: Lang[]) {
    const { recordProgress } = await import("./progress-client.ts");
    for (const item of this.data.checklist) {
      if (ticks(item.when, langs)) recordProgress({ type: "drill-passed", key: item.key, lang: item.lang, kind: "pipeline-run" });
    }
    await this.showChecklist();
  }

  private async showChecklist() {
    const { getProgress } = await import("./progress-client.ts");
    const passed = getProgress().drills;
    for (const item of this.data.checklist) {
      const li = this.querySelector<HTMLElement>(`[data-item="${item.key}"]`);
      if (!li) continue;
      const done = Boolean(passed[item.key]);
      li.dataset.done = String(done);
      li.querySelector("[data-item-state]")!.textContent = done ? ": done" : ": not done yet";
    }
  }
}

if (!customElements.get("ru-capstone")) customElements.define("ru-capstone", CapstoneElement);
