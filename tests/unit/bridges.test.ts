// Module 12 runs module 02's k-mer task through a Rust kernel called from Python and
// R: same args, same data, and the expected tables must be module 02's, byte for byte.
import { describe, expect, it } from "vitest";
import { loadTask, readModuleFile } from "../../src/lib/task.ts";

describe("12-bridges reuses module 02's kmers task", () => {
  const bridges = loadTask("12-bridges");
  const kmers = loadTask("02-kmers-motifs");

  it.each(bridges.cases)("case $id has module 02's args and expected output", (c) => {
    const original = kmers.cases.find((k) => k.id === c.id);
    expect(original, `module 02 has a case ${c.id}`).toBeDefined();
    expect(c.args).toEqual(original!.args);
    expect(readModuleFile("12-bridges", c.expected) === readModuleFile("02-kmers-motifs", original!.expected)).toBe(true);
  });

  it("reads the same genome", () => {
    expect(readModuleFile("12-bridges", "data/genome.fasta") === readModuleFile("02-kmers-motifs", "data/genome.fasta")).toBe(true);
  });
});
