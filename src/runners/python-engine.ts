// Runs a Python program in a loaded Pyodide instance. Shared by the browser worker
// and the Node tests, so what CI checks is what the reader runs.
import type { PyodideAPI } from "pyodide";
import { CappedStream, type OutputSink, type RunRequest, type RunResult } from "./protocol.ts";

const WORKDIR = "/home/pyodide/run";

// Runs the learner's code as __main__ and turns its ending into an exit code the
// way CPython does: SystemExit(str) prints the text, other exceptions print a
// traceback without this wrapper's own frame.
const RUNNER_PY = `
import sys, traceback, os, linecache
def _ru_run(code, argv, workdir):
    os.chdir(workdir)
    # Lets tracebacks quote the learner's source lines.
    linecache.cache[argv[0]] = (len(code), None, code.splitlines(True), argv[0])
    sys.argv = argv
    scope = {"__name__": "__main__", "__file__": argv[0], "__builtins__": __builtins__}
    try:
        exec(compile(code, argv[0], "exec"), scope)
        return 0
    except SystemExit as e:
        if e.code is None:
            return 0
        if isinstance(e.code, int):
            return e.code
        print(e.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\\n[interrupted]", file=sys.stderr)
        return 130
    except BaseException as e:
        tb = e.__traceback__.tb_next if e.__traceback__ else None
        sys.stderr.write("".join(traceback.format_exception(type(e), e, tb)))
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
`;

export async function runPython(
  py: PyodideAPI,
  request: RunRequest,
  sink: OutputSink,
): Promise<RunResult> {
  const out = new CappedStream((t) => sink.stdout(t));
  const err = new CappedStream((t) => sink.stderr(t));
  const decOut = new TextDecoder();
  const decErr = new TextDecoder();
  py.setStdout({ write: (b: Uint8Array) => (out.write(decOut.decode(b, { stream: true })), b.length) });
  py.setStderr({ write: (b: Uint8Array) => (err.write(decErr.decode(b, { stream: true })), b.length) });
  const stdinLines = (request.stdin ?? "").split(/(?<=\n)/);
  py.setStdin({ stdin: () => stdinLines.shift() ?? undefined, autoEOF: true });

  resetWorkdir(py);
  for (const [path, content] of Object.entries(request.files)) {
    const full = `${WORKDIR}/${path}`;
    mkdirs(py, full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, content);
  }

  py.runPython(RUNNER_PY);
  const runFn = py.globals.get("_ru_run");
  const args = py.toPy(["main.py", ...request.args]);
  const start = performance.now();
  let exitCode: number;
  try {
    exitCode = runFn(request.code, args, WORKDIR) as number;
  } finally {
    args.destroy();
    runFn.destroy();
  }
  const elapsedMs = performance.now() - start;
  out.write(decOut.decode());
  err.write(decErr.decode());
  return {
    stdout: out.text,
    stderr: err.text,
    exitCode,
    files: collectWritten(py, request.files),
    images: [],
    elapsedMs,
    truncated: out.truncated || err.truncated || undefined,
  };
}

function mkdirs(py: PyodideAPI, dir: string) {
  let path = "";
  for (const part of dir.split("/").filter(Boolean)) {
    path += "/" + part;
    if (!py.FS.analyzePath(path).exists) py.FS.mkdir(path);
  }
}

function resetWorkdir(py: PyodideAPI) {
  const rm = (path: string) => {
    for (const name of py.FS.readdir(path) as string[]) {
      if (name === "." || name === "..") continue;
      const full = `${path}/${name}`;
      if (py.FS.isDir(py.FS.stat(full).mode)) {
        rm(full);
        py.FS.rmdir(full);
      } else py.FS.unlink(full);
    }
  };
  if (py.FS.analyzePath(WORKDIR).exists) rm(WORKDIR);
  else mkdirs(py, WORKDIR);
}

function collectWritten(py: PyodideAPI, inputs: RunRequest["files"]): Record<string, Uint8Array> {
  const written: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of py.FS.readdir(dir) as string[]) {
      if (name === "." || name === "..") continue;
      const full = `${dir}/${name}`;
      if (py.FS.isDir(py.FS.stat(full).mode)) walk(full, `${prefix}${name}/`);
      else if (!(prefix + name in inputs)) written[prefix + name] = py.FS.readFile(full) as Uint8Array;
    }
  };
  walk(WORKDIR, "");
  return written;
}
