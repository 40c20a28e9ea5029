// The seeded input generators: scale 1 must be byte-identical to the committed data
// files (the browser rebuilds larger inputs from the same code, so a drift here would
// make the "1×" run differ from the expected output), and larger scales must be
// deterministic and well-formed.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasInputGenerator, inputGenerator } from "../../src/lib/inputs/index.ts";
import { errorInputs as fastaGcErrorInputs, generate as fastaGcInput } from "../../src/lib/inputs/01-fasta-gc.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const moduleDir = (id: string) => join(root, "exercises", id);
const committed = (id: string, file: string) => readFileSync(join(moduleDir(id), file), "utf8");

const modulesWithGenerators = readdirSync(join(root, "exercises"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && hasInputGenerator(entry.name))
  .map((entry) => entry.name)
  .sort();

describe.each(modulesWithGenerators)("%s generator", (id) => {
  it("at scale 1 equals the committed data files byte for byte", async () => {
    const files = (await inputGenerator(id))(1);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    for (const [file, text] of Object.entries(files)) {
      expect(existsSync(join(moduleDir(id), file)), `${id}/${file}`).toBe(true);
      expect(text === committed(id, file), `${id}/${file} differs: run node scripts/generate-data.ts`).toBe(true);
    }
  });
});

/** The ids of all records (header text after ">" up to the first whitespace). */
const recordIds = (fasta: string) => [...fasta.matchAll(/^>(\S*)/gm)].map((match) => match[1]);

describe("fastaGcInput", () => {
  const base = committed("01-fasta-gc", "data/records.fasta");

  it("is registered for 01-fasta-gc", async () => {
    expect(await inputGenerator("01-fasta-gc")).toBe(fastaGcInput);
  });

  it("at scale 1 is data/records.fasta exactly", () => {
    expect(Object.keys(fastaGcInput(1))).toEqual(["data/records.fasta"]);
    expect(fastaGcInput(1)["data/records.fasta"] === base).toBe(true);
  });

  it("at scale 10 starts with the base file and has 10 times its records, all ids unique", () => {
    const text = fastaGcInput(10)["data/records.fasta"] as string;
    expect(text.startsWith(base)).toBe(true);
    const baseIds = recordIds(base);
    const ids = recordIds(text);
    expect(baseIds.length).toBeGreaterThan(0);
    expect(ids.length).toBe(10 * baseIds.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id !== "")).toBe(true);
    // New sequence, not copies: the second replicate is not the first one renamed.
    const replicates = text.slice(base.length);
    expect(replicates.replaceAll(/_r\d+/g, "").startsWith(base)).toBe(false);
  });

  it("is deterministic", () => {
    expect(fastaGcInput(10)).toEqual(fastaGcInput(10));
  });

  it("rejects scales that are not positive integers", () => {
    for (const scale of [0, -1, 1.5, Number.NaN]) expect(() => fastaGcInput(scale)).toThrow(RangeError);
  });

  it("error inputs equal the committed files", () => {
    for (const [file, text] of Object.entries(fastaGcErrorInputs)) {
      expect(text === committed("01-fasta-gc", file), file).toBe(true);
    }
  });
});
