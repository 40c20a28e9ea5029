// The runner engines themselves, on behaviour every task relies on: arguments,
// mounted files, exact bytes, error exits, output caps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_CAP } from "../../src/runners/protocol.ts";
import { startRuntimes, type NodeRuntimes } from "../helpers/runtimes.ts";

let runtimes: NodeRuntimes;
beforeAll(async () => {
  runtimes = await startRuntimes();
});
afterAll(() => runtimes?.close());

const files = { "data/in.txt": "hello\n" };

describe("python engine", () => {
  it("passes arguments, mounts files and keeps exact bytes", async () => {
    const r = await runtimes.run("python", "", {
      code: 'import sys\nsys.stdout.write(open(sys.argv[1]).read().upper() + "|" + sys.argv[2])',
      files,
      args: ["data/in.txt", "x y"],
    });
    expect(r).toMatchObject({ stdout: "HELLO\n|x y", exitCode: 0 });
  });

  it("reports an exception as exit 1 with a traceback naming the line", async () => {
    const r = await runtimes.run("python", "", { code: "x = 1\nraise ValueError('bad row')\n", files, args: [] });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('File "main.py", line 2');
    expect(r.stderr).toContain("ValueError: bad row");
  });

  it("returns files the program wrote, and starts each run in a clean directory", async () => {
    const r = await runtimes.run("python", "", { code: "open('out.tsv','w').write('a\\tb\\n')", files, args: [] });
    expect(new TextDecoder().decode(r.files["out.tsv"])).toBe("a\tb\n");
    const again = await runtimes.run("python", "", { code: "import os; print(sorted(os.listdir('.')))", files: {}, args: [] });
    expect(again.stdout).toBe("[]\n");
  });

  it("caps a flood of output with a notice", async () => {
    const r = await runtimes.run("python", "", { code: "print('x' * 3_000_000)", files: {}, args: [] });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThan(OUTPUT_CAP + 200);
    expect(r.stdout).toContain("[output truncated after");
  });
});

describe("R engine", () => {
  it("passes arguments via commandArgs and keeps a missing final newline", async () => {
    const r = await runtimes.run("r", "", {
      code: 'a <- commandArgs(trailingOnly = TRUE)\ncat(toupper(readLines(a[1])), a[2], sep = "|")',
      files,
      args: ["data/in.txt", "x y"],
    });
    expect(r).toMatchObject({ stdout: "HELLO|x y", stderr: "", exitCode: 0 });
  });

  it("reports stop() as exit 1 with R's message", async () => {
    const r = await runtimes.run("r", "", { code: 'stop("bad row", call. = FALSE)\ncat("not reached")', files, args: [] });
    expect(r).toMatchObject({ stdout: "", stderr: "Error: bad row\n", exitCode: 1 });
  });

  it("reports a syntax error against main.R", async () => {
    const r = await runtimes.run("r", "", { code: "x <- (", files, args: [] });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("main.R:2:0: unexpected end of input");
  });

  it("auto-prints visible values like Rscript", async () => {
    const r = await runtimes.run("r", "", { code: "x <- 1\nx + 1\ninvisible(3)", files, args: [] });
    expect(r.stdout).toBe("[1] 2\n");
  });
});

describe("rust engine", () => {
  it("reports a missing wasm clearly", async () => {
    await expect(runtimes.runWasm(new Uint8Array([0, 1, 2]), { code: "", files, args: [] })).rejects.toThrow();
  });
});
