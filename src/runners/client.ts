// The page-side runners: one per language, shared by every panel on the page so a
// runtime loads once and stays warm. Each enforces the timeout and the Stop button
// by interrupting when the runtime supports it and otherwise by discarding the
// worker; the next run starts a fresh one.
import {
  DEFAULT_TIMEOUT_MS,
  LANG_LABEL,
  type FromWorker,
  type Lang,
  type OutputSink,
  type RunRequest,
  type RunResult,
} from "./protocol.ts";
import { CACHE_PREFIX } from "../lib/offline-cache.ts";
import { PYODIDE_URL, WEBR_URL, WASM_URL, runtimeFile } from "./runtime-paths.ts";

export type RunnerState = "idle" | "loading" | "ready" | "running" | "error";

export interface RunnerEvents {
  progress(phase: string, fraction: number): void;
  state(state: RunnerState, detail?: string): void;
}

export interface Runner {
  readonly lang: Lang;
  readonly state: RunnerState;
  /** Runtime name and version once loaded. */
  readonly version: string | null;
  /** Loads the runtime (idempotent); rejects with a message a reader can act on. */
  load(): Promise<void>;
  run(request: RunRequest, sink: OutputSink): Promise<RunResult>;
  stop(): void;
  subscribe(events: Partial<RunnerEvents>): () => void;
}

/** How long an interrupted runtime gets to unwind before it is thrown away. */
const INTERRUPT_GRACE_MS = 1_000;
/**
 * How long a loading runtime may go without reporting progress. Downloads report
 * every chunk, so only a stuck start trips it (a damaged file some loaders wait on
 * forever) — not a slow connection.
 */
const LOAD_STALL_MS = 45_000;

abstract class BaseRunner implements Runner {
  abstract readonly lang: Lang;
  state: RunnerState = "idle";
  version: string | null = null;
  private listeners = new Set<Partial<RunnerEvents>>();
  private loading: Promise<void> | null = null;
  /** Runs execute one at a time per language: the runtimes are single-threaded. */
  private queue: Promise<unknown> = Promise.resolve();
  protected current: { finish(stopped: "timeout" | "interrupt"): void } | null = null;

  subscribe(events: Partial<RunnerEvents>): () => void {
    this.listeners.add(events);
    return () => this.listeners.delete(events);
  }

  protected emitProgress(phase: string, fraction: number) {
    for (const l of this.listeners) l.progress?.(phase, fraction);
  }

  protected setState(state: RunnerState, detail?: string) {
    this.state = state;
    for (const l of this.listeners) l.state?.(state, detail);
  }

  load(): Promise<void> {
    if (!this.loading) {
      this.setState("loading");
      this.loading = this.withStallLimit(this.start()).then(
        () => this.setState("ready"),
        (e: unknown) => {
          this.loading = null;
          this.discard();
          const message = e instanceof Error ? e.message : String(e);
          this.setState("error", message);
          throw new Error(message);
        },
      );
    }
    return this.loading;
  }

  /** Rejects if `starting` goes LOAD_STALL_MS without a progress report. */
  private withStallLimit(starting: Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout>;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          unsubscribe();
          reject(
            new Error(
              `The ${LANG_LABEL[this.lang]} runtime stopped responding while starting (nothing for ${LOAD_STALL_MS / 1000} s). A runtime file may be damaged: press Retry.`,
            ),
          );
        }, LOAD_STALL_MS);
      };
      const unsubscribe = this.subscribe({ progress: arm });
      arm();
      starting.then(
        () => (clearTimeout(timer), unsubscribe(), resolve()),
        (e: unknown) => (clearTimeout(timer), unsubscribe(), reject(e)),
      );
    });
  }

  run(request: RunRequest, sink: OutputSink): Promise<RunResult> {
    const next = this.queue.then(() => this.runNow(request, sink));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: RunRequest, sink: OutputSink): Promise<RunResult> {
    await this.load();
    this.setState("running");
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let stdout = "";
    let stderr = "";
    const tee: OutputSink = {
      stdout: (t) => ((stdout += t), sink.stdout(t)),
      stderr: (t) => ((stderr += t), sink.stderr(t)),
    };
    return new Promise<RunResult>((resolve) => {
      let settled = false;
      let stoppedBy: "timeout" | "interrupt" | null = null;
      const started = performance.now();
      const settle = (result: RunResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.current = null;
        this.setState(this.loading ? "ready" : "idle");
        resolve(stoppedBy ? { ...result, stopped: stoppedBy } : result);
      };
      const timer = setTimeout(() => this.current?.finish("timeout"), timeoutMs);
      this.current = {
        finish: (stopped) => {
          if (stoppedBy) return;
          stoppedBy = stopped;
          const why =
            stopped === "timeout" ? `Stopped after ${Math.round(timeoutMs / 1000)} s (the time limit).` : "Stopped.";
          this.interrupt().then((interrupted) => {
            if (settled) return; // the interrupted runtime reported its own result
            const note = interrupted
              ? `\n[${why}]\n`
              : `\n[${why} The runtime was restarted; the next run starts it again.]\n`;
            if (!interrupted) {
              this.discard();
              this.loading = null;
            }
            sink.stderr(note);
            stderr += note;
            settle({ stdout, stderr, exitCode: 130, files: {}, images: [], elapsedMs: performance.now() - started });
          });
        },
      };
      this.execute(request, tee).then(
        (result) => settle(stoppedBy ? { ...result, stderr: result.stderr + `\n[${stoppedBy === "timeout" ? "Stopped at the time limit" : "Stopped"}.]\n` } : result),
        (e: unknown) => {
          const message = `${e instanceof Error ? e.message : String(e)}\n`;
          sink.stderr(message);
          settle({ stdout, stderr: stderr + message, exitCode: 1, files: {}, images: [], elapsedMs: 0 });
        },
      );
    });
  }

  stop(): void {
    this.current?.finish("interrupt");
  }

  /** The runtime died under a run (out of memory, a crash): the next run starts a fresh one. */
  protected lost(): void {
    this.discard();
    this.loading = null;
    this.version = null;
  }

  /** Starts the runtime. */
  protected abstract start(): Promise<void>;
  protected abstract execute(request: RunRequest, sink: OutputSink): Promise<RunResult>;
  /** Tries a cooperative interrupt; resolves true if the runtime stopped and stays usable. */
  protected abstract interrupt(): Promise<boolean>;
  /** Throws the runtime away (a fresh one starts on the next run). */
  protected abstract discard(): void;
}

/** Python and Rust: our own module worker per language. */
class WorkerRunner extends BaseRunner {
  readonly lang: "python" | "rust";
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { sink: OutputSink; resolve(r: RunResult): void }>();
  private interruptBuffer: Int32Array | null = null;
  private readonly makeWorker: () => Worker;
  private readonly runtimeUrl: string;

  constructor(lang: "python" | "rust", makeWorker: () => Worker, runtimeUrl: string) {
    super();
    this.lang = lang;
    this.makeWorker = makeWorker;
    this.runtimeUrl = runtimeUrl;
  }

  protected start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = this.makeWorker();
      this.worker = worker;
      let started = false;
      worker.onerror = (e) => {
        e.preventDefault();
        if (!started) return reject(new Error(`The ${this.lang} worker failed to start: ${e.message}`));
        this.crashed(`The ${LANG_LABEL[this.lang]} runtime crashed (${e.message || "no message"}).`);
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const msg = event.data;
        switch (msg.type) {
          case "progress":
            this.emitProgress(msg.phase, msg.fraction);
            break;
          case "ready":
            started = true;
            this.version = msg.version;
            resolve();
            break;
          case "fatal":
            if (!started) reject(new Error(msg.message));
            else this.crashed(msg.message);
            break;
          case "stdout":
            this.pending.get(msg.id)?.sink.stdout(msg.text);
            break;
          case "stderr":
            this.pending.get(msg.id)?.sink.stderr(msg.text);
            break;
          case "result":
            this.pending.get(msg.id)?.resolve(msg.result);
            this.pending.delete(msg.id);
            break;
        }
      };
      // Interrupting Python needs shared memory, which only cross-origin-isolated pages have.
      this.interruptBuffer =
        this.lang === "python" && globalThis.crossOriginIsolated
          ? new Int32Array(new SharedArrayBuffer(4))
          : null;
      worker.postMessage({ type: "init", runtimeUrl: this.runtimeUrl, interruptBuffer: this.interruptBuffer ?? undefined });
    });
  }

  protected execute(full: RunRequest, sink: OutputSink): Promise<RunResult> {
    // The worker runs a built module; the sources it was built from stay on the page.
    const { pathModules: _sources, ...request } = full;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { sink, resolve });
      if (this.interruptBuffer) this.interruptBuffer[0] = 0;
      this.worker!.postMessage({ type: "run", id, request });
    });
  }

  protected async interrupt(): Promise<boolean> {
    if (!this.interruptBuffer || this.pending.size === 0) return false;
    const waiting = [...this.pending.values()];
    this.interruptBuffer[0] = 2; // SIGINT: Python raises KeyboardInterrupt
    const done = await Promise.race([
      new Promise<boolean>((r) => {
        for (const p of waiting) {
          const original = p.resolve;
          p.resolve = (result) => (original(result), r(true));
        }
      }),
      new Promise<boolean>((r) => setTimeout(() => r(false), INTERRUPT_GRACE_MS)),
    ]);
    return done;
  }

  /** Ends the runs in flight with the reason, and throws the dead worker away. */
  private crashed(why: string) {
    const note = `\n[${why} The next run starts a fresh runtime.]\n`;
    const waiting = [...this.pending.values()];
    this.lost();
    for (const p of waiting) {
      p.sink.stderr(note);
      p.resolve({ stdout: "", stderr: note, exitCode: 1, files: {}, images: [], elapsedMs: 0 });
    }
  }

  protected discard(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }
}

/** R: webR already runs R in its own worker; this drives it from the page. */
class WebRRunner extends BaseRunner {
  readonly lang = "r" as const;
  private webR: import("webr").WebR | null = null;
  private engine: import("./r-engine.ts").REngine | null = null;

  protected async start(): Promise<void> {
    const { prefetch } = await import("./fetch-progress.ts");
    this.emitProgress("Downloading R", 0);
    await prefetch([runtimeFile("webr", "R.wasm"), runtimeFile("webr", "R.js")], (f) => this.emitProgress("Downloading R", f * 0.9));
    this.emitProgress("Starting R", 0.95);
    let webrModule: typeof import("webr");
    try {
      webrModule = (await import(/* @vite-ignore */ `${WEBR_URL}webr.js`)) as typeof import("webr");
    } catch (e) {
      throw new Error(`Could not load the R runtime from ${WEBR_URL}webr.js: ${(e as Error).message}`);
    }
    const { REngine } = await import("./r-engine.ts");
    const webR = new webrModule.WebR({ baseUrl: WEBR_URL, interactive: false });
    this.webR = webR; // before init(), so a start that stalls can still be closed
    await webR.init();
    this.engine = new REngine(webR);
    await this.engine.attach();
    const r = (await webR.evalRString('paste(R.version$major, R.version$minor, sep = ".")')) as string;
    this.version = `R ${r} (webR ${webR.version})`;
  }

  protected execute(request: RunRequest, sink: OutputSink): Promise<RunResult> {
    return this.engine!.run(request, sink);
  }

  protected async interrupt(): Promise<boolean> {
    // webR's interrupt needs its SharedArrayBuffer channel (cross-origin isolation);
    // on the PostMessage channel a busy R cannot hear us, so it is closed instead.
    if (!this.webR || !globalThis.crossOriginIsolated) return false;
    this.webR.interrupt();
    return new Promise((resolve) => {
      const check = setInterval(() => {
        if (this.state !== "running") (clearInterval(check), resolve(true));
      }, 50);
      setTimeout(() => (clearInterval(check), resolve(false)), INTERRUPT_GRACE_MS);
    });
  }

  protected discard(): void {
    try {
      this.webR?.close();
    } catch {
      /* already closed */
    }
    this.webR = null;
    this.engine = null;
  }
}

/**
 * Drops this language's runtime files from the offline cache (src/service-worker/sw.ts),
 * so Retry downloads them again instead of reusing a damaged copy.
 */
export async function forgetCachedRuntime(lang: Lang): Promise<void> {
  if (!("caches" in globalThis)) return;
  const prefix = new URL(lang === "python" ? PYODIDE_URL : lang === "r" ? WEBR_URL : WASM_URL, location.href).href;
  for (const key of await caches.keys()) {
    if (!key.startsWith(CACHE_PREFIX)) continue;
    const cache = await caches.open(key);
    for (const request of await cache.keys()) if (request.url.startsWith(prefix)) await cache.delete(request);
  }
}

const runners = new Map<Lang, Runner>();

/** The page's single runner for a language. */
export function getRunner(lang: Lang): Runner {
  let runner = runners.get(lang);
  if (!runner) {
    runner =
      lang === "python"
        ? new WorkerRunner(
            "python",
            () => new Worker(new URL("./python.worker.ts", import.meta.url), { type: "module" }),
            PYODIDE_URL,
          )
        : lang === "rust"
          ? new WorkerRunner(
              "rust",
              () => new Worker(new URL("./rust.worker.ts", import.meta.url), { type: "module" }),
              "",
            )
          : new WebRRunner();
    runners.set(lang, runner);
  }
  return runner;
}
