// <ru-bridge-timing>: runs one task four ways on the input of one size (Python and R
// alone, Python and R calling a Rust kernel), one program at a time so the timings are
// fair, and checks that all four print the same table. It uses the page's shared
// runners, so a runtime the triptych already started is reused, and nothing loads until
// the reader presses a button. Inputs come as in the triptych: the committed files at
// 1×, the module's seeded generator for larger sizes.
import { ExerciseFiles } from "./exercise-files.ts";
import { formatMs } from "../lib/scaling-chart.ts";
import type { Lang, OutputSink, RunRequest, RunResult } from "../runners/protocol.ts";

export interface TimedProgram {
  /** Stable id, e.g. "python-kernel"; the table row's data-program. */
  id: string;
  lang: Lang;
  label: string;
  /** Where the code comes from, e.g. exercises/02-kmers-motifs/python/main.py. */
  source: string;
  code: string;
}

export interface BridgeTimingData {
  /** The bridged module: its files, generator and scaling case are used. */
  module: string;
  files: string[];
  args: string[];
  /** The expected output of the timed case (checked at 1×). */
  expected: string;
  sizes: number[];
  /** URL prefix under which the module's files are served. */
  fileBase: string;
  programs: TimedProgram[];
}

/** Pure Python and R take seconds at 100×, more on a slow laptop: well past the default limit. */
const TIMEOUT_MS = 180_000;
const QUIET: OutputSink = { stdout: () => {}, stderr: () => {} };

class BridgeTimingElement extends HTMLElement {
  private data!: BridgeTimingData;
  private files!: ExerciseFiles;
  private busy = false;

  connectedCallback() {
    this.data = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
    this.files = ExerciseFiles.for(this.data.fileBase);
    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-size]")) {
      button.addEventListener("click", () => void this.time(Number(button.dataset.size)));
    }
  }

  private inputFiles(scale: number): Promise<RunRequest["files"]> {
    return this.files.inputs(this.data.module, this.data.files, scale);
  }

  private cell(row: string, scale: number): HTMLElement {
    return this.querySelector<HTMLElement>(`tr[data-${row}] td[data-size="${scale}"]`)!;
  }

  private status(text: string) {
    this.querySelector("[data-status]")!.textContent = text;
  }

  private setBusy(busy: boolean) {
    this.busy = busy;
    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-size]")) button.disabled = busy;
  }

  private async time(scale: number) {
    if (this.busy) return;
    this.setBusy(true);
    try {
      this.status(`Preparing the ${scale}× input…`);
      const files = await this.inputFiles(scale);
      const { getRunner } = await import("../runners/client.ts");
      // Both runtimes download at once; the programs then run one after the other.
      const langs = [...new Set(this.data.programs.map((p) => p.lang))];
      void Promise.all(langs.map((lang) => getRunner(lang).load().catch(() => {})));
      const outputs = new Map<string, string>();
      for (const program of this.data.programs) {
        const cell = this.cell(`program="${program.id}"`, scale);
        cell.dataset.state = "running";
        cell.textContent = "…";
        cell.removeAttribute("title");
        const runner = getRunner(program.lang);
        const unsubscribe = runner.subscribe({
          progress: (phase, fraction) => this.status(`${phase} ${Math.round(fraction * 100)}%`),
        });
        let result: RunResult;
        try {
          await runner.load();
          this.status(`Running ${program.label} at ${scale}×…`);
          result = await runner.run({ code: program.code, files, args: this.data.args, timeoutMs: TIMEOUT_MS }, QUIET);
        } catch (e) {
          result = { stdout: "", stderr: (e as Error).message, exitCode: 1, files: {}, images: [], elapsedMs: 0 };
        } finally {
          unsubscribe();
        }
        if (result.exitCode === 0) {
          cell.dataset.state = "done";
          cell.dataset.ms = String(result.elapsedMs);
          cell.textContent = formatMs(result.elapsedMs);
          outputs.set(program.label, result.stdout);
        } else {
          cell.dataset.state = "failed";
          cell.textContent = result.stopped ? "stopped" : "failed";
          cell.title = result.stderr.trim().split("\n").pop() ?? "";
        }
      }
      this.showSpeedUp(scale);
      await this.showVerdict(scale, outputs);
      this.status(`Done at ${scale}×. Times vary from run to run: press again to see by how much.`);
    } catch (e) {
      this.status(`Could not run: ${(e as Error).message}`);
    } finally {
      this.setBusy(false);
    }
  }

  /** How many times faster each language is with the kernel than alone, at this size. */
  private showSpeedUp(scale: number) {
    const ms = (id: string) => Number(this.cell(`program="${id}"`, scale).dataset.ms ?? NaN);
    const parts: string[] = [];
    for (const lang of [...new Set(this.data.programs.map((p) => p.lang))]) {
      const ratio = ms(`${lang}-pure`) / ms(`${lang}-kernel`);
      const label = this.data.programs.find((p) => p.lang === lang)!.label.split(" ")[0];
      if (Number.isFinite(ratio)) parts.push(`${label} ×${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}`);
    }
    this.cell("speedup", scale).textContent = parts.length > 0 ? parts.join("\n") : "–";
  }

  private async showVerdict(scale: number, outputs: Map<string, string>) {
    const box = this.querySelector<HTMLElement>("[data-verdict]")!;
    box.hidden = false;
    const distinct = new Set(outputs.values());
    let expected: string | undefined;
    if (scale === 1) {
      expected = await this.files.text(this.data.expected).catch(() => undefined);
    }
    if (outputs.size < this.data.programs.length) {
      box.dataset.state = "differ";
      box.textContent = `${this.data.programs.length - outputs.size} of the programs failed at ${scale}×: hover its cell for the error.`;
    } else if (distinct.size !== 1) {
      box.dataset.state = "differ";
      box.textContent = `The programs printed ${distinct.size} different tables at ${scale}×.`;
    } else if (expected !== undefined && !distinct.has(expected)) {
      box.dataset.state = "differ";
      box.textContent = `All four agree at 1×, but not with ${this.data.expected}.`;
    } else {
      box.dataset.state = "agree";
      box.textContent =
        expected !== undefined
          ? `✓ All four printed the same table at 1×, identical to ${this.data.expected}.`
          : `✓ All four printed the same table at ${scale}×.`;
    }
  }
}

if (!customElements.get("ru-bridge-timing")) customElements.define("ru-bridge-timing", BridgeTimingElement);
