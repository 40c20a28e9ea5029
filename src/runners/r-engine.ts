// Runs an R program in a webR instance. webR already evaluates R in its own worker;
// this engine is the page-side (or Node-side) driver that speaks our protocol.
import type { WebR } from "webr";
import { CappedStream, type OutputSink, type RunRequest, type RunResult } from "./protocol.ts";

const WORKDIR = "/home/web_user/run";
const STDOUT_FILE = "/tmp/.ru_stdout";
const STDERR_FILE = "/tmp/.ru_stderr";

// Why a sink file: webR's console and captureR report output line by line, which
// loses a missing final newline; the task outputs must be compared byte for byte.
// `split = TRUE` still sends every line to the console so the page can stream it.
// commandArgs() is shadowed in the program's own environment (webR's real one is
// fixed at start-up), matching what `Rscript main.R <args>` would return.
const RUNNER_R = `
.ru_run <- function(code, args, workdir, stdout_file, stderr_file) {
  setwd(workdir)
  env <- new.env(parent = globalenv())
  env$commandArgs <- function(trailingOnly = FALSE) {
    if (trailingOnly) args else c("R", "--no-echo", "--file=main.R", "--args", args)
  }
  con <- file(stdout_file, open = "wb")
  errcon <- file(stderr_file, open = "wb")
  sink(con, split = TRUE)
  sink(errcon, type = "message")
  on.exit({ sink(type = "message"); sink(); close(errcon); close(con) }, add = TRUE)
  t0 <- proc.time()[["elapsed"]]
  status <- tryCatch(withCallingHandlers({
    exprs <- tryCatch(parse(text = code, srcfile = srcfilecopy("main.R", code)),
      error = function(e) stop(simpleError(conditionMessage(e))))
    for (e in exprs) {
      v <- withVisible(eval(e, env))
      if (v$visible) print(v$value)
    }
    0L
  }, warning = function(w) {
    call <- conditionCall(w)
    msg <- if (is.null(call)) conditionMessage(w) else
      paste0("In ", deparse(call)[1], " : ", conditionMessage(w))
    message("Warning message:\\n", msg)
    invokeRestart("muffleWarning")
  }), interrupt = function(i) {
    message("\\n[interrupted]")
    130L
  }, error = function(e) {
    call <- conditionCall(e)
    if (is.null(call)) message("Error: ", conditionMessage(e))
    else message("Error in ", deparse(call)[1], " : ", conditionMessage(e))
    1L
  })
  c(status, (proc.time()[["elapsed"]] - t0) * 1000)
}
`;

/** Drives one webR instance; `attach` must be called once before `run`. */
export class REngine {
  private sink: { out: CappedStream; err: CappedStream } | null = null;
  private readonly webR: WebR;
  private reading = false;

  constructor(webR: WebR) {
    this.webR = webR;
  }

  /** Defines the runner function and starts draining webR's console output. */
  async attach(): Promise<void> {
    await this.webR.evalRVoid(RUNNER_R);
    await this.webR.flush(); // drop the start-up banner
    if (this.reading) return;
    this.reading = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      let msg;
      try {
        msg = await this.webR.read();
      } catch {
        return; // the instance was closed
      }
      if (msg.type === "closed") return;
      if (msg.type === "stdout") this.sink?.out.write(String(msg.data) + "\n");
    }
  }

  async run(request: RunRequest, sink: OutputSink): Promise<RunResult> {
    const out = new CappedStream((t) => sink.stdout(t));
    const err = new CappedStream((t) => sink.stderr(t));
    this.sink = { out, err };
    try {
      await this.quietly(
        `unlink(${JSON.stringify(WORKDIR)}, recursive = TRUE); dir.create(${JSON.stringify(WORKDIR)}, recursive = TRUE, showWarnings = FALSE)`,
      );
      for (const [path, content] of Object.entries(request.files)) {
        const full = `${WORKDIR}/${path}`;
        await this.mkdirs(full.slice(0, full.lastIndexOf("/")));
        const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
        await this.webR.FS.writeFile(full, bytes);
      }
      // JSON string escapes are valid R string escapes, so this is a safe literal.
      const args = `c(${request.args.map((a) => JSON.stringify(a)).join(", ")})`;
      const [status, elapsedMs] = (await this.webR.evalRRaw(
        `.ru_run(code, as.character(${args}), ${JSON.stringify(WORKDIR)}, ${JSON.stringify(STDOUT_FILE)}, ${JSON.stringify(STDERR_FILE)})`,
        "number[]",
        // Capturing would echo the output through console.log and take over the sinks.
        { env: { code: request.code }, captureStreams: false, captureConditions: false },
      )) as number[];
      // The console stream has delivered (some of) the lines; the sink file is exact.
      await this.settle();
      const stdout = new CappedStream(() => {});
      stdout.write(await this.readText(STDOUT_FILE));
      err.write(await this.readText(STDERR_FILE));
      return {
        stdout: stdout.text,
        stderr: err.text,
        exitCode: status ?? 1,
        files: await this.collectWritten(request.files),
        images: [],
        elapsedMs: elapsedMs ?? 0,
        truncated: stdout.truncated || err.truncated || undefined,
      };
    } finally {
      this.sink = null;
    }
  }

  /** Housekeeping R code: its output must not reach the learner's streams. */
  private async quietly(code: string): Promise<void> {
    await this.webR.evalRVoid(code, { captureStreams: true, captureConditions: false });
  }

  private async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.webR.FS.readFile(path));
  }

  /** Lets queued console messages reach the sink before the run is reported done. */
  private async settle(): Promise<void> {
    await this.quietly("invisible(NULL)");
    await new Promise((r) => setTimeout(r, 0));
  }

  private async mkdirs(dir: string) {
    await this.quietly(`dir.create(${JSON.stringify(dir)}, recursive = TRUE, showWarnings = FALSE)`);
  }

  private async collectWritten(inputs: RunRequest["files"]): Promise<Record<string, Uint8Array>> {
    const paths = (await this.webR.evalRRaw(
      `list.files(${JSON.stringify(WORKDIR)}, recursive = TRUE, all.files = TRUE)`,
      "string[]",
    )) as string[];
    const written: Record<string, Uint8Array> = {};
    for (const path of paths) {
      if (path in inputs) continue;
      written[path] = await this.webR.FS.readFile(`${WORKDIR}/${path}`);
    }
    return written;
  }
}
