// <ru-triptych>: prepares the same input for the three runners, runs them, judges
// agreement and plots the timings. Inputs at 1× are the committed files the tests
// use; larger sizes come from the module's seeded generator, in the browser.
import { judgeOutputs, judgeRejections, type LangOutcome, type Verdict } from "../lib/agreement.ts";
import { formatMs, scalingChartSvg, latestTimings, type Timing } from "../lib/scaling-chart.ts";
import { LANG_LABEL, LANGS, type Lang, type RunRequest } from "../runners/protocol.ts";
import { ExerciseFiles } from "./exercise-files.ts";
import type { RunnerElement } from "./runner-element.ts";
import type { TriptychData } from "./triptych-data.ts";

class TriptychElement extends HTMLElement {
  private data!: TriptychData;
  private files!: ExerciseFiles;
  private outcomes: Partial<Record<Lang, LangOutcome>> = {};
  private timings: Timing[] = [];
  /** Runs queue up rather than being dropped: a click while another run finishes still counts. */
  private queue: Promise<void> = Promise.resolve();
  private pendingRuns = 0;

  connectedCallback() {
    this.data = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
    this.files = ExerciseFiles.for(this.data.fileBase);
    this.addEventListener("ru-run", (e) => {
      const el = e.target as RunnerElement;
      this.enqueue(() => this.runLangs([el.lang]));
    });
    this.button("run-all").addEventListener("click", () => this.enqueue(() => this.runLangs([...LANGS])));
    this.button("run-scaling").addEventListener("click", () => this.enqueue(() => this.runScaling()));
    this.caseSelect.addEventListener("change", () => this.onInputChange());
    this.querySelectorAll<HTMLInputElement>("[data-sizes] input").forEach((i) =>
      i.addEventListener("change", () => this.onInputChange()),
    );
  }

  private button(action: string) {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private get caseSelect() {
    return this.querySelector<HTMLSelectElement>("[data-case]")!;
  }

  private get scale(): number {
    return Number(this.querySelector<HTMLInputElement>("[data-sizes] input:checked")?.value ?? 1);
  }

  private runnerEl(lang: Lang): RunnerElement {
    return this.querySelector<RunnerElement>(`ru-runner[data-runner-lang="${lang}"]`)!;
  }

  private onInputChange() {
    const isError = this.caseSelect.value.startsWith("error:");
    this.querySelectorAll<HTMLInputElement>("[data-sizes] input").forEach((i) => (i.disabled = isError));
    this.outcomes = {};
    this.showVerdict({ ok: false, headline: "Input changed: run the programs again to compare.", details: [] }, "pending");
  }

  /** The input files for a size: the committed files, or generated ones when scaled. */
  private inputFiles(scale: number): Promise<RunRequest["files"]> {
    return this.files.inputs(this.data.id, this.data.files, scale);
  }

  private selectedCase() {
    const value = this.caseSelect.value;
    if (value.startsWith("error:")) {
      const c = this.data.errorCases.find((e) => `error:${e.id}` === value)!;
      return { kind: "error" as const, args: c.args, stderrIncludes: c.stderrIncludes };
    }
    const c = this.data.cases.find((e) => e.id === value)!;
    return { kind: "ok" as const, args: c.args, expected: c.expected };
  }

  private request(lang: Lang, files: RunRequest["files"], args: string[]): RunRequest {
    return {
      code: this.data.code[lang],
      files,
      args,
      wasm: lang === "rust" ? this.data.wasmUrl : undefined,
      pathModules: lang === "rust" ? this.data.rustPathModules : undefined,
    };
  }

  private enqueue(job: () => Promise<void>) {
    this.setBusy(++this.pendingRuns > 0);
    this.queue = this.queue
      .then(job)
      .catch((e: unknown) => console.error(e))
      .finally(() => this.setBusy(--this.pendingRuns > 0));
  }

  private setBusy(busy: boolean) {
    this.button("run-all").disabled = busy;
    this.button("run-scaling").disabled = busy;
  }

  /** Loads the runtimes together (downloads overlap), then runs one at a time so timings are fair. */
  private async runLangs(langs: Lang[], scale = this.scale) {
    const chosen = this.selectedCase();
    const effectiveScale = chosen.kind === "error" ? 1 : scale;
    let files: RunRequest["files"];
    try {
      files = await this.inputFiles(effectiveScale);
    } catch (e) {
      this.showVerdict({ ok: false, headline: "The input could not be prepared.", details: [(e as Error).message] }, "differ");
      return;
    }
    void Promise.all(langs.map((l) => this.runnerEl(l).getRunner().then((r) => r.load()).catch(() => {})));
    for (const lang of langs) {
      const result = await this.runnerEl(lang).execute(this.request(lang, files, chosen.args));
      this.outcomes[lang] = result;
      if (chosen.kind === "ok" && result.exitCode === 0) {
        void import("./progress-client.ts").then(({ recordProgress }) =>
          recordProgress({ type: "ran-language", module: this.data.id, lang }),
        );
        this.timings.push({ lang, scale: effectiveScale, ms: result.elapsedMs });
        this.drawChart();
      }
    }
    await this.judge(chosen, effectiveScale);
  }

  private async runScaling() {
    const sizes = [...this.data.scaling.sizes].sort((a, b) => a - b);
    if (this.caseSelect.value !== this.data.scaling.case) {
      this.caseSelect.value = this.data.scaling.case;
      this.onInputChange();
    }
    for (const size of sizes) {
      const radio = this.querySelector<HTMLInputElement>(`[data-sizes] input[value="${size}"]`);
      if (radio) radio.checked = true;
      this.outcomes = {};
      await this.runLangs([...LANGS], size);
    }
  }

  private async judge(chosen: ReturnType<TriptychElement["selectedCase"]>, scale: number) {
    let verdict: Verdict;
    if (chosen.kind === "error") verdict = judgeRejections(this.outcomes, chosen.stderrIncludes);
    else {
      let expected: { text: string; label: string } | undefined;
      if (scale === 1) {
        try {
          expected = { text: await this.files.text(chosen.expected), label: `the expected output (${chosen.expected})` };
        } catch {
          expected = undefined;
        }
      }
      verdict = judgeOutputs(this.outcomes, this.data.compare, expected, scale > 1 ? `on the input at ${scale}×` : undefined);
    }
    const complete = LANGS.every((l) => this.outcomes[l]);
    this.showVerdict(verdict, verdict.ok ? "agree" : complete ? "differ" : "pending");
  }

  private showVerdict(verdict: Verdict, state: "agree" | "differ" | "pending") {
    const box = this.querySelector<HTMLElement>("[data-agreement]")!;
    box.dataset.state = state;
    box.textContent = (verdict.ok ? "✓ " : state === "differ" ? "✗ " : "") + verdict.headline;
    if (verdict.details.length > 0) {
      const ul = document.createElement("ul");
      for (const d of verdict.details) {
        const li = document.createElement("li");
        li.textContent = d;
        ul.append(li);
      }
      box.append(ul);
    }
  }

  private drawChart() {
    const figure = this.querySelector<HTMLElement>("[data-chart]")!;
    figure.hidden = false;
    const sizes = this.data.scaling.sizes;
    figure.querySelector("[data-chart-svg]")!.innerHTML = scalingChartSvg(this.timings, sizes);
    const latest = latestTimings(this.timings);
    const cell = (lang: Lang, size: number) => {
      const t = latest.find((x) => x.lang === lang && x.scale === size);
      return t ? formatMs(t.ms) : "–";
    };
    const table = figure.querySelector("[data-chart-table]")!;
    table.innerHTML = "";
    const head = table.appendChild(document.createElement("tr"));
    for (const h of ["", ...sizes.map((s) => `${s}×`)]) head.appendChild(document.createElement("th")).textContent = h;
    for (const lang of LANGS) {
      const row = table.appendChild(document.createElement("tr"));
      row.appendChild(document.createElement("th")).textContent = LANG_LABEL[lang];
      for (const s of sizes) row.appendChild(document.createElement("td")).textContent = cell(lang, s);
    }
  }
}

if (!customElements.get("ru-triptych")) customElements.define("ru-triptych", TriptychElement);
