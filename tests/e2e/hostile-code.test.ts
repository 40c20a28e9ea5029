// What a learner's code can print must not break the page: HTML is shown as text,
// a flood of output is cut with a notice, and the runner keeps working afterwards.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { compileToWasm, findWasmToolchain } from "../../scripts/lib/wasm-toolchain.ts";
import { openSite, type Site } from "./harness.ts";

let site: Site;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  page = await site.newPage();
  await page.goto(site.url + "modules/01-fasta-gc/");
});
afterAll(async () => site?.close());

interface Result {
  stdout: string;
  stderr: string;
  truncated?: boolean;
  exitCode: number;
  stopped?: string;
}

async function execute(lang: string, code: string, wasm?: Uint8Array, timeoutMs?: number): Promise<Result> {
  return page.evaluate(
    async ({ lang, code, wasm, timeoutMs }) => {
      await customElements.whenDefined("ru-runner");
      const el = document.querySelector(`ru-runner[data-runner-lang="${lang}"]`) as HTMLElement & {
        execute(r: unknown): Promise<Result>;
      };
      return el.execute({ code, files: {}, args: [], wasm: wasm ? new Uint8Array(wasm) : undefined, timeoutMs });
    },
    { lang, code, wasm: wasm ? [...wasm] : undefined, timeoutMs },
  );
}

// Hostile Rust programs, compiled for wasm32-wasi at test time (like the compile service does).
const RUST: Record<string, string> = {
  recursion: `fn depth(n: u64) -> u64 { let pad = [n; 64]; if n == u64::MAX { pad[3] } else { depth(n + 1) + pad[(n % 64) as usize] } }
fn main() { println!("{}", depth(0)); }`,
  memory: `fn main() { let mut keep: Vec<Vec<u8>> = Vec::new(); loop { keep.push(vec![1u8; 64 << 20]); } }`,
  flood: `use std::io::Write;
fn main() { let out = std::io::stdout(); let mut out = out.lock(); let line = "x".repeat(90); for _ in 0..600_000 { writeln!(out, "{}", line).unwrap(); } }`,
  hello: `fn main() { println!("still here"); }`,
  files: `fn main() { let before = std::fs::read_dir(".").unwrap().count(); std::fs::write("left-behind.txt", "x").unwrap(); println!("{}", before); }`,
};
const rustWasm: Record<string, Uint8Array> = {};
const toolchain = findWasmToolchain();

beforeAll(async () => {
  if (!toolchain) return;
  const dir = mkdtempSync(join(tmpdir(), "ru-hostile-"));
  try {
    for (const [name, source] of Object.entries(RUST)) {
      writeFileSync(join(dir, `${name}.rs`), source);
      const outcome = await compileToWasm(toolchain, join(dir, `${name}.rs`), join(dir, `${name}.wasm`));
      if (!outcome.ok) throw new Error(`${name}.rs did not compile: ${outcome.stderr}`);
      rustWasm[name] = readFileSync(join(dir, `${name}.wasm`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

const output = (lang: string) => page.locator(`ru-runner[data-runner-lang="${lang}"] [data-output]`);

describe("hostile output", () => {
  it.each([
    ["python", `print('<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>')`],
    ["r", `cat('<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>\\n')`],
  ])("%s: HTML in the output is shown as text, never run", async (lang, code) => {
    await execute(lang, code);
    expect(await output(lang).textContent()).toContain('<img src=x onerror="window.__pwned = 1">');
    expect(await output(lang).locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it.each([
    ["python", "import sys\nfor i in range(600_000):\n    sys.stdout.write('x' * 90 + '\\n')\n"],
    ["r", "for (i in 1:60000) cat(strrep('x', 90), '\\n')\n"],
  ])("%s: 50 MB of output is cut with a notice and the page stays usable", async (lang, code) => {
    const result = await execute(lang, code);
    expect(result.truncated).toBe(true);
    expect(await output(lang).textContent()).toContain("[output truncated after");
    const after = await execute(lang, lang === "python" ? "print('still here')" : "cat('still here\\n')");
    expect(after.stdout).toBe("still here\n");
  });
});

const STILL_HERE: Record<string, string> = {
  python: "print('still here')",
  r: "cat('still here\\n')",
};

/** The runner works again after whatever the previous program did to it. */
async function expectRecovered(lang: string) {
  const after = lang === "rust" ? await execute("rust", RUST.hello!, rustWasm.hello) : await execute(lang, STILL_HERE[lang]!);
  expect(after.stdout).toBe("still here\n");
  expect(after.exitCode).toBe(0);
}

describe.skipIf(!toolchain)("hostile programs", () => {
  it("python: infinite recursion ends in a RecursionError, not a crash", async () => {
    const r = await execute("python", "def f(n):\n    return f(n + 1)\nf(0)\n");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("RecursionError");
    await expectRecovered("python");
  });

  it("r: infinite recursion ends in R's own error, not a crash", async () => {
    const r = await execute("r", "f <- function(n) f(n + 1)\nf(0)\n");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/nested too deeply|infinite recursion|C stack/);
    await expectRecovered("r");
  });

  it("rust: a stack overflow traps and is reported", async () => {
    const r = await execute("rust", RUST.recursion!, rustWasm.recursion);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/the program aborted/);
    await expectRecovered("rust");
  });

  it.each([
    ["python", "keep = []\nwhile True:\n    keep.append(bytearray(256 << 20))\n"],
    ["r", "keep <- list()\nrepeat keep[[length(keep) + 1]] <- numeric(32 * 2^20)\n"],
    ["rust", RUST.memory!],
  ])("%s: allocating until memory runs out ends with an error, and the next run works", async (lang, code) => {
    const r = await execute(lang, code, lang === "rust" ? rustWasm.memory : undefined, 90_000);
    expect(r.exitCode).not.toBe(0);
    expect(r.stopped).toBeUndefined();
    expect(r.stderr).toMatch(/MemoryError|cannot allocate|memory allocation|out of memory|restarted|aborted/i);
    await expectRecovered(lang);
  });

  it.each([
    [
      "python",
      "import os\nbefore = sorted(os.listdir('.'))\ntry:\n    open('/etc/passwd', 'w').write('x')\nexcept OSError:\n    pass\nopen('left-behind.txt', 'w').write('x')\nos.mkdir('junk')\nos.chdir('/')\nprint(before)\n",
      "[]\n",
    ],
    [
      "r",
      "before <- list.files('.')\ntry(writeLines('x', '/etc/passwd'), silent = TRUE)\nwriteLines('x', 'left-behind.txt')\ndir.create('junk')\nsetwd('/')\ncat(length(before), '\\n')\n",
      "0 \n",
    ],
  ])("%s: files a program writes do not reach the next run's working directory", async (lang, code, clean) => {
    await execute(lang, code);
    const second = await execute(lang, code);
    expect(second.stdout).toBe(clean);
  });

  it("rust: files a program writes do not reach the next run", async () => {
    await execute("rust", RUST.files!, rustWasm.files);
    const second = await execute("rust", RUST.files!, rustWasm.files);
    expect(second.stdout).toBe("0\n");
  });

  it("rust: 50 MB of output is cut with a notice and the page stays usable", async () => {
    const r = await execute("rust", RUST.flood!, rustWasm.flood);
    expect(r.truncated).toBe(true);
    expect(await output("rust").textContent()).toContain("[output truncated after");
    await expectRecovered("rust");
  });
});
