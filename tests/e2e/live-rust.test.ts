// Editing Rust on a lesson page with the workshop compile service running: the
// edited program is compiled by the real service, comes back as WASM and runs in
// the page; a type error comes back as a marker on the offending line.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startCompileService, type CompileService } from "../../scripts/lib/compile-service.ts";
import { openSite, waitForRunner, type Site } from "./harness.ts";

const source = readFileSync("exercises/01-fasta-gc/rust/main.rs", "utf8");
const expected = readFileSync("exercises/01-fasta-gc/expected/gc.tsv", "utf8");
const rust = 'ru-runner[data-runner-lang="rust"]';

let service: CompileService;
let site: Site;
let page: Page;

beforeAll(async () => {
  service = await startCompileService({ port: 0, concurrency: 1 });
  site = await openSite({ allowOrigins: [service.url.replace(/\/$/, "")] });
  page = await site.newPage();
  await page.addInitScript((url) => {
    localStorage.setItem("ru-rust-backend", JSON.stringify({ mode: "workshop", workshopUrl: url }));
  }, service.url.replace(/\/$/, ""));
  await page.goto(site.url + "modules/01-fasta-gc/");
});
afterAll(async () => {
  await site?.close();
  await service?.close();
});

async function replaceCode(code: string, on: Page = page) {
  await on.locator(`${rust} .cm-content`).click();
  await on.keyboard.press("ControlOrMeta+a");
  await on.keyboard.insertText(code);
}

describe("live Rust with the workshop compile service", () => {
  it("compiles the edited solution and runs it in the page", async () => {
    await page.locator(`${rust} [data-action="edit"]`).click();
    await expect.poll(() => page.locator(`${rust} .cm-content`).count()).toBe(1);
    await replaceCode(source.replace('writeln!(out, "id\\tlength\\tgc")', 'writeln!(out, "name\\tlength\\tgc")'));
    await page.keyboard.press("ControlOrMeta+Enter");
    expect(await waitForRunner(page, "rust")).toBe("done");
    const output = await page.locator(`${rust} [data-output]`).textContent();
    expect(output).toBe(expected.replace("id\tlength\tgc", "name\tlength\tgc"));
    expect(await page.locator(rust).getAttribute("data-build")).toBe("wasm");
  });

  it("shows a type error in the output and as a marker on its line", async () => {
    await replaceCode(source.replace("let mut line_no = 0;", 'let mut line_no: u64 = "zero";'));
    await page.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(page, "rust")).toBe("error");
    expect(await page.locator(`${rust} [data-output]`).textContent()).toContain("error[E0308]: mismatched types");
    const marked = page.locator(`${rust} .cm-lintRange-error`);
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toContain('"zero"');
  });

  it("refuses include_str! in the page before sending it", async () => {
    await replaceCode('const S: &str = include_str!("/etc/passwd");\nfn main() { print!("{}", S); }\n');
    await page.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(page, "rust")).toBe("error");
    expect(await page.locator(`${rust} [data-output]`).textContent()).toContain("Not sent to the compiler");
  });

  it("Reset code brings back the solution, which runs precompiled again", async () => {
    await page.locator(`${rust} [data-action="reset-code"]`).click();
    await page.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(page, "rust")).toBe("done");
    expect(await page.locator(`${rust} [data-output]`).textContent()).toBe(expected);
  });

  it("without any backend, explains why edited Rust cannot run", async () => {
    const offline = await site.newPage();
    await offline.addInitScript(() => localStorage.setItem("ru-rust-backend", JSON.stringify({ mode: "offline", workshopUrl: "" })));
    await offline.goto(site.url + "modules/01-fasta-gc/");
    await offline.locator(`${rust} [data-action="edit"]`).click();
    await offline.locator(`${rust} .cm-content`).click();
    await offline.keyboard.press("End");
    await offline.keyboard.insertText("\n// my change\n");
    await offline.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(offline, "rust")).toBe("error");
    expect(await offline.locator(`${rust} [data-output]`).textContent()).toContain("Edited Rust needs a compiler");
  });
});

describe("live Rust on a program that reads a module with #[path] (lesson 12)", () => {
  const bridgeSource = readFileSync("exercises/12-bridges/rust/main.rs", "utf8");
  const bridgeExpected = readFileSync("exercises/12-bridges/expected/kmers-k21.tsv", "utf8");
  let bridges: Page;

  beforeAll(async () => {
    bridges = await site.newPage();
    await bridges.addInitScript((url) => {
      localStorage.setItem("ru-rust-backend", JSON.stringify({ mode: "workshop", workshopUrl: url }));
    }, service.url.replace(/\/$/, ""));
    await bridges.goto(site.url + "modules/12-bridges/");
    await bridges.locator(`${rust} [data-action="edit"]`).click();
    await bridges.locator(`${rust} .cm-content`).waitFor({ timeout: 30_000 });
  });

  it("sends the k-mer core inline with the edit, and the compiled program prints the table", async () => {
    await replaceCode(bridgeSource.replace('const USAGE: &str = "usage: main kmers <fasta> <k> <n>";', 'const USAGE: &str = "usage: kmers <fasta> <k> <n>";'), bridges);
    await bridges.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(bridges, "rust")).toBe("done");
    expect(await bridges.locator(`${rust} [data-output]`).textContent()).toBe(bridgeExpected);
    expect(await bridges.locator(rust).getAttribute("data-build")).toBe("wasm");
  });

  it("marks a type error on the learner's own line, not on a line of the inlined core", async () => {
    const broken = bridgeSource.replace("let mut records = 0;", 'let mut records: u64 = "none";');
    expect(broken).not.toBe(bridgeSource);
    await replaceCode(broken, bridges);
    await bridges.locator(`${rust} [data-action="run"]`).click();
    expect(await waitForRunner(bridges, "rust")).toBe("error");
    expect(await bridges.locator(`${rust} [data-output]`).textContent()).toContain("error[E0308]: mismatched types");
    const marked = bridges.locator(`${rust} .cm-lintRange-error`);
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toContain('"none"');
  });
});
