// What a learner's code can print must not break the page: HTML is shown as text,
// a flood of output is cut with a notice, and the runner keeps working afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, type Site } from "./harness.ts";

let site: Site;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  page = await site.newPage();
  await page.goto(site.url + "modules/01-fasta-gc/");
});
afterAll(async () => site?.close());

async function execute(lang: string, code: string) {
  return page.evaluate(
    async ({ lang, code }) => {
      await customElements.whenDefined("ru-runner");
      const el = document.querySelector(`ru-runner[data-runner-lang="${lang}"]`) as HTMLElement & {
        execute(r: unknown): Promise<{ stdout: string; truncated?: boolean; exitCode: number }>;
      };
      return el.execute({ code, files: {}, args: [] });
    },
    { lang, code },
  );
}

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
