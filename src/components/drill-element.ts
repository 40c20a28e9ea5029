// <ru-drill>: edit, run and check one drill. The learner's code is saved as they
// type (per drill, in localStorage) and restored on return; storage that is full or
// disabled only costs persistence, never the drill itself.
import { judgeCheck, planCheck, precheck } from "../lib/drill-check.ts";
import type { RunRequest, RunResult } from "../runners/protocol.ts";
import type { CodeEditor } from "./code-editor.ts";
import type { DrillData } from "./drill-data.ts";
import { OutputPanel } from "./output-panel.ts";
import { ExerciseFiles } from "./exercise-files.ts";

const CODE_PREFIX = "ru-drill-code:";

interface Saved {
  code: string;
  attempts: number;
}

function readSaved(key: string): Saved | null {
  try {
    const raw = JSON.parse(localStorage.getItem(CODE_PREFIX + key) ?? "null");
    if (raw && typeof raw.code === "string") return { code: raw.code, attempts: Number(raw.attempts) || 0 };
  } catch {
    // Unreadable or disabled storage: start from the starter.
  }
  return null;
}

function writeSaved(key: string, saved: Saved | null): void {
  try {
    if (saved) localStorage.setItem(CODE_PREFIX + key, JSON.stringify(saved));
    else localStorage.removeItem(CODE_PREFIX + key);
  } catch {
    // Full or disabled storage: the code stays in the page until it is closed.
  }
}

class DrillElement extends HTMLElement {
  private data!: DrillData;
  private editor: CodeEditor | null = null;
  private editorLoading: Promise<CodeEditor> | null = null;
  private output!: OutputPanel;
  private attempts = 0;
  private hintsShown = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.data = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
    this.output = new OutputPanel(this.querySelector("[data-output]")!);
    const saved = readSaved(this.data.key);
    this.attempts = saved?.attempts ?? 0;
    this.updateSolutionButton();
    // A learner coming back sees their own code at once; others get the editor on approach.
    if (saved) void this.ensureEditor();
    else {
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          void this.ensureEditor();
        }
      }, { rootMargin: "400px" });
      io.observe(this);
    }
    this.on("run", () => this.run(false));
    this.on("check", () => this.run(true));
    this.on("stop", () => void this.getRunner().then((r) => r.stop()));
    this.on("reset", () => this.reset());
    this.on("hint", () => this.showHint());
    this.on("solution", () => this.showSolution());
    void this.reflectPassed();
  }

  private on(action: string, handler: () => unknown) {
    this.querySelector(`[data-action="${action}"]`)?.addEventListener("click", () => void handler());
  }

  private ensureEditor(): Promise<CodeEditor> {
    this.editorLoading ??= import("./code-editor.ts").then(({ createEditor }) => {
      const mount = this.querySelector<HTMLElement>("[data-editor]")!;
      const code = readSaved(this.data.key)?.code ?? this.data.starter;
      mount.textContent = "";
      this.editor = createEditor(mount, {
        lang: this.data.lang,
        code,
        label: `Code for the drill “${this.data.title}”`,
        onChange: (text) => this.scheduleSave(text),
        onRun: () => void this.run(true),
        onEscape: () => this.querySelector<HTMLButtonElement>('[data-action="check"]')!.focus(),
      });
      return this.editor;
    });
    return this.editorLoading;
  }

  private scheduleSave(code: string) {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => writeSaved(this.data.key, { code, attempts: this.attempts }), 300);
  }

  private async getRunner() {
    const { getRunner } = await import("../runners/client.ts");
    return getRunner(this.data.lang);
  }

  private setStatus(status: "idle" | "loading" | "running" | "done" | "error", text: string) {
    this.dataset.status = status;
    this.querySelector("[data-state-text]")!.textContent = text;
    const busy = status === "loading" || status === "running";
    for (const a of ["run", "check"]) this.querySelector<HTMLButtonElement>(`[data-action="${a}"]`)!.disabled = busy;
    this.querySelector<HTMLElement>('[data-action="stop"]')!.hidden = !busy;
  }

  private async run(check: boolean) {
    const editor = await this.ensureEditor();
    const code = editor.getCode();
    const feedback = this.querySelector<HTMLElement>("[data-feedback]")!;
    this.output.clear();
    feedback.textContent = "";
    let files: RunRequest["files"];
    try {
      files = await ExerciseFiles.for(this.data.fileBase).mount(this.data.files);
    } catch (e) {
      feedback.textContent = (e as Error).message;
      return;
    }
    const checkable = { drill: this.data.drill, checkCode: this.data.checkCode, expected: this.data.expected, files };
    const problem = check ? precheck(checkable, code) : null;
    if (problem) {
      this.dataset.check = "failed";
      feedback.textContent = `✗ ${problem}`;
      return;
    }
    const plan = planCheck(checkable, code);
    // Run shows what the learner's own code does; Check adds the hidden test code.
    const request: RunRequest = check ? { ...plan, files } : { code, args: plan.args, files };
    const runner = await this.getRunner();
    this.setStatus(runner.state === "ready" ? "running" : "loading", runner.state === "ready" ? "Running…" : "Loading…");
    const sink = { stdout: (t: string) => this.output.write(t, false), stderr: (t: string) => this.output.write(t, true) };
    let result: RunResult;
    try {
      await runner.load();
      if (this.data.lang === "rust") {
        this.setStatus("running", "Compiling…");
        const { runEditedRust } = await import("../runners/rust-live.ts");
        const live = await runEditedRust(runner, request, sink);
        result = live.result;
        // The check code is appended after the learner's, so its line numbers match the editor's.
        const lines = code.split("\n").length;
        editor.setMarkers(
          live.messages
            .filter((m) => m.line <= lines)
            .map((m) => ({ severity: m.level, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn })),
        );
        if (live.build === "wasm" || live.build === "ran") void this.record({ type: "rust-compiled" });
        if (live.build === "unavailable") feedback.textContent = "No Rust compiler is reachable, so this drill cannot be checked here. You can still read the hints and the solution.";
      } else {
        this.setStatus("running", "Running…");
        result = await runner.run(request, sink);
      }
    } catch (e) {
      result = { stdout: "", stderr: `${(e as Error).message}\n`, exitCode: 1, files: {}, images: [], elapsedMs: 0 };
    }
    this.output.show(result.stdout, result.stderr);
    this.setStatus(result.exitCode === 0 ? "done" : "error", result.exitCode === 0 ? "Finished" : `Exited with code ${result.exitCode}`);
    if (!check) return;
    this.attempts += 1;
    writeSaved(this.data.key, { code, attempts: this.attempts });
    this.updateSolutionButton();
    if (feedback.textContent) return;
    const outcome = judgeCheck(checkable, result);
    this.dataset.check = outcome.passed ? "passed" : "failed";
    feedback.textContent = (outcome.passed ? "✓ " : "✗ ") + outcome.feedback;
    if (outcome.passed) {
      await this.record({ type: "drill-passed", key: this.data.key, lang: this.data.lang, kind: this.data.kind });
      await this.reflectPassed();
    }
  }

  private async record(event: Parameters<typeof import("./progress-client.ts").recordProgress>[0]) {
    const { recordProgress } = await import("./progress-client.ts");
    recordProgress(event);
  }

  private async reflectPassed() {
    const { getProgress } = await import("./progress-client.ts");
    const passed = Boolean(getProgress().drills[this.data.key]);
    this.querySelector<HTMLElement>("[data-passed-badge]")!.hidden = !passed;
    if (passed && !this.dataset.check) this.dataset.check = "passed";
  }

  private reset() {
    if (!confirm("Reset to the starter code? Your changes to this drill will be lost.")) return;
    writeSaved(this.data.key, null);
    this.attempts = 0;
    this.editor?.setCode(this.data.starter);
    this.editor?.setMarkers([]);
    this.output.clear();
    this.querySelector("[data-feedback]")!.textContent = "";
    delete this.dataset.check;
    this.updateSolutionButton();
    void this.reflectPassed();
  }

  private showHint() {
    const hints = [...this.querySelectorAll<HTMLElement>("[data-hints] li")];
    const next = hints[this.hintsShown];
    if (!next) return;
    next.hidden = false;
    this.hintsShown += 1;
    const button = this.querySelector<HTMLButtonElement>('[data-action="hint"]')!;
    const left = hints.length - this.hintsShown;
    button.textContent = left > 0 ? `Show next hint (${left} left)` : "No more hints";
    button.disabled = left === 0;
  }

  private updateSolutionButton() {
    const button = this.querySelector<HTMLButtonElement>('[data-action="solution"]')!;
    button.disabled = this.attempts === 0;
    button.title = this.attempts === 0 ? "Available after your first check" : "";
  }

  private showSolution() {
    if (this.attempts === 0) return;
    if (!confirm("Show the reference solution? Trying one more hint first often teaches more.")) return;
    this.querySelector<HTMLElement>("[data-solution]")!.hidden = false;
  }
}

if (!customElements.get("ru-drill")) customElements.define("ru-drill", DrillElement);
