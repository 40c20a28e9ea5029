// <ru-runner>: the UI of one language runner. It owns no inputs: a parent (the
// triptych, a drill) calls `execute(request)`. The runtime itself is imported
// only when the reader shows intent (hover, focus or click on Run).
import type { Runner } from "../runners/client.ts";
import type { Lang, RunRequest, RunResult } from "../runners/protocol.ts";
import type { CodeEditor } from "./code-editor.ts";
import { formatMs } from "../lib/scaling-chart.ts";
import { OutputPanel } from "./output-panel.ts";
import { LANG_LABEL } from "../runners/protocol.ts";

type Status = "idle" | "loading" | "running" | "done" | "error";

export class RunnerElement extends HTMLElement {
  private runner: Runner | null = null;
  private output!: OutputPanel;
  private editor: CodeEditor | null = null;

  get lang(): Lang {
    return this.dataset.runnerLang as Lang;
  }

  connectedCallback() {
    this.output = new OutputPanel(this.querySelector("[data-output]")!);
    const run = this.querySelector<HTMLButtonElement>('[data-action="run"]')!;
    const warm = () => void this.getRunner().then((r) => r.load()).catch(() => {});
    run.addEventListener("pointerenter", warm, { once: true });
    run.addEventListener("focus", warm, { once: true });
    run.addEventListener("click", () => this.dispatchEvent(new CustomEvent("ru-run", { bubbles: true })));
    this.querySelector('[data-action="stop"]')!.addEventListener("click", () => this.runner?.stop());
    this.querySelector('[data-action="retry"]')!.addEventListener("click", () => void this.retry());
    this.querySelector('[data-action="edit"]')!.addEventListener("click", () => void this.startEditing());
    this.querySelector('[data-action="reset-code"]')!.addEventListener("click", () => this.editor?.setCode(this.originalCode));
  }

  get originalCode(): string {
    return this.querySelector<HTMLTemplateElement>("template[data-original-code]")?.content.textContent ?? "";
  }

  /** The code the next run uses: the learner's edit, or the original solution. */
  get code(): string {
    return this.editor?.getCode() ?? this.originalCode;
  }

  get edited(): boolean {
    return this.editor !== null && this.editor.getCode() !== this.originalCode;
  }

  /** Swaps the highlighted listing for an editor holding the same code. */
  async startEditing() {
    if (this.editor) return this.editor.focus();
    const mount = this.querySelector<HTMLElement>("[data-editor]")!;
    const { createEditor } = await import("./code-editor.ts");
    const run = this.querySelector<HTMLButtonElement>('[data-action="run"]')!;
    this.editor = createEditor(mount, {
      lang: this.lang,
      code: this.originalCode,
      label: `${LANG_LABEL[this.lang]} code editor`,
      onRun: () => run.click(),
      onEscape: () => run.focus(),
    });
    mount.hidden = false;
    this.querySelector<HTMLElement>("[data-code-view]")!.hidden = true;
    this.querySelector<HTMLElement>('[data-action="edit"]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-action="reset-code"]')!.hidden = false;
    this.editor.focus();
  }

  /** True while a run this panel asked for is under way (loading included). */
  private executing = false;

  /** Set when the last attempt failed to download or start the runtime: Retry is offered. */
  private loadFailed = false;

  /** Drops any cached copy of the runtime (it may be the damaged one) and runs again. */
  private async retry() {
    this.loadFailed = false;
    this.setStatus("loading", "Retrying…");
    const { forgetCachedRuntime } = await import("../runners/client.ts");
    await forgetCachedRuntime(this.lang).catch(() => {});
    this.dispatchEvent(new CustomEvent("ru-run", { bubbles: true }));
  }

  private setStatus(status: Status, text: string) {
    this.dataset.status = status;
    const retry = this.querySelector<HTMLButtonElement>('[data-action="retry"]')!;
    retry.hidden = !(status === "error" && this.loadFailed);
    retry.disabled = this.executing;
    this.querySelector("[data-state-text]")!.textContent = text;
    // Preloading (on hover) must never disable Run: a click during the download
    // simply waits for it. Only a run in progress locks the button.
    this.querySelector<HTMLButtonElement>('[data-action="run"]')!.disabled = this.executing;
    this.querySelector<HTMLButtonElement>('[data-action="stop"]')!.hidden = !this.executing;
  }

  async getRunner(): Promise<Runner> {
    if (this.runner) return this.runner;
    const { getRunner } = await import("../runners/client.ts");
    const runner = getRunner(this.lang);
    this.runner = runner;
    const progress = this.querySelector<HTMLElement>("[data-progress]")!;
    runner.subscribe({
      progress: (phase, fraction) => {
        progress.hidden = fraction >= 1;
        progress.querySelector("progress")!.value = fraction;
        progress.querySelector("[data-progress-text]")!.textContent = `${phase} ${Math.round(fraction * 100)}%`;
        // A download still reporting after another file failed must not hide the error.
        if (this.dataset.status !== "running" && runner.state === "loading") this.setStatus("loading", `${phase}…`);
      },
      state: (state, detail) => {
        if (state === "loading") this.setStatus("loading", "Loading…");
        if (state === "ready") progress.hidden = true;
        if (state === "ready" && this.dataset.status === "loading" && !this.executing) this.setStatus("idle", "Ready");
        if (state === "error") {
          progress.hidden = true;
          this.loadFailed = true;
          this.setStatus("error", `Could not load: ${detail ?? "unknown error"}`);
        }
        if (state === "ready" || state === "error") this.showVersion();
      },
    });
    return runner;
  }

  private showVersion() {
    this.querySelector("[data-version]")!.textContent = this.runner?.version ?? "";
  }

  /** Runs a request in this language, streaming into the output panel. */
  async execute(request: RunRequest): Promise<RunResult> {
    this.executing = true;
    try {
      return await this.executeNow(request);
    } finally {
      this.executing = false;
      this.setStatus(this.dataset.status as Status, this.querySelector("[data-state-text]")!.textContent ?? "");
    }
  }

  private async executeNow(request: RunRequest): Promise<RunResult> {
    this.output.clear();
    this.loadFailed = false;
    this.querySelector("[data-elapsed]")!.textContent = "";
    const runner = await this.getRunner();
    this.setStatus(runner.state === "ready" ? "running" : "loading", runner.state === "ready" ? "Running…" : "Loading…");
    try {
      await runner.load();
    } catch (e) {
      const message = (e as Error).message;
      this.loadFailed = true;
      this.output.show("", `The ${LANG_LABEL[this.lang]} runtime could not be loaded.\n${message}\nCheck the connection and press Retry to download it again.\n`);
      this.setStatus("error", "Runtime failed to load");
      return { stdout: "", stderr: message, exitCode: 1, files: {}, images: [], elapsedMs: 0 };
    }
    const sink = { stdout: (t: string) => this.output.write(t, false), stderr: (t: string) => this.output.write(t, true) };
    let result: RunResult;
    if (this.edited) request = { ...request, code: this.code };
    if (this.lang === "rust" && this.edited) {
      // Edited Rust must be compiled first; the precompiled module no longer matches.
      this.setStatus("running", "Compiling…");
      const { runEditedRust } = await import("../runners/rust-live.ts");
      const live = await runEditedRust(runner, { ...request, wasm: undefined }, sink);
      result = live.result;
      this.editor?.setMarkers(
        live.messages.map((m) => ({ severity: m.level, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn })),
      );
      this.dataset.build = live.build;
    } else {
      this.setStatus("running", "Running…");
      result = await runner.run(request, sink);
    }
    // Streamed chunks are for watching; the final result is the exact output.
    this.output.show(result.stdout, result.stderr);
    this.showVersion();
    this.querySelector("[data-elapsed]")!.textContent = formatMs(result.elapsedMs);
    if (result.loadFailed) {
      this.loadFailed = true;
      this.output.write("Press Retry to download it again.\n", true);
      this.output.flush();
    }
    const ok = result.exitCode === 0;
    this.setStatus(
      ok ? "done" : "error",
      result.stopped ? "Stopped" : ok ? "Finished" : `Exited with code ${result.exitCode}`,
    );
    return result;
  }
}

if (!customElements.get("ru-runner")) customElements.define("ru-runner", RunnerElement);
