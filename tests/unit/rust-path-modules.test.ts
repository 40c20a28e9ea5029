import { describe, expect, it } from "vitest";
import { inlinePathModules, pathModules } from "../../src/lib/rust-path-modules.ts";
import { readRustPathModules } from "../../src/lib/task.ts";

const program = [
  "use std::env;", // 1
  "", // 2
  '#[path = "../core/counter.rs"]', // 3
  "mod counter;", // 4
  '#[path = "other.rs"] pub(crate) mod other;', // 5
  "", // 6
  "fn main() {", // 7
  "    counter::run(env::args());", // 8
  "}", // 9
  "", // 10 (the file ends with a newline)
].join("\n");

describe("pathModules", () => {
  it("finds #[path] modules on two lines or one, with their lines", () => {
    expect(pathModules(program)).toEqual([
      { path: "../core/counter.rs", name: "counter", attrLine: 3, modLine: 4 },
      { path: "other.rs", name: "other", attrLine: 5, modLine: 5 },
    ]);
  });

  it("ignores a #[path] not followed by `mod name;` and a module written inline", () => {
    expect(pathModules('#[path = "x.rs"]\nfn f() {}\nmod inline {\n}\n')).toEqual([]);
  });
});

describe("inlinePathModules", () => {
  const counter = "//! The counter.\npub fn run(_: std::env::Args) {}\n";
  const inlined = inlinePathModules(program, { "../core/counter.rs": counter });

  it("puts the given files inline at the end, as `mod name { … }`, and keeps every other line where it was", () => {
    const lines = inlined.code.split("\n");
    expect(lines.slice(0, 10)).toEqual([
      "use std::env;",
      "",
      "// mod counter, read from ../core/counter.rs: put inline at the end of this file.",
      "",
      '#[path = "other.rs"] pub(crate) mod other;',
      "",
      "fn main() {",
      "    counter::run(env::args());",
      "}",
      "",
    ]);
    expect(lines.slice(10)).toEqual(["mod counter {", "//! The counter.", "pub fn run(_: std::env::Args) {}", "}", ""]);
  });

  it("maps a line inside an inlined module back to its `mod` line, and leaves the others alone", () => {
    expect(inlined.originalLine(8)).toBe(8);
    expect(inlined.originalLine(11)).toBe(4);
    expect(inlined.originalLine(13)).toBe(4);
  });

  it("leaves a source with no files to inline unchanged", () => {
    const same = inlinePathModules(program, {});
    expect(same.code).toBe(program);
    expect(same.originalLine(5)).toBe(5);
  });
});

describe("readRustPathModules", () => {
  it("reads module 12's shared k-mer core, keyed by the path its program writes", () => {
    const modules = readRustPathModules("12-bridges");
    expect(Object.keys(modules)).toEqual(["../ecosystem/rust/kmer_core.rs"]);
    expect(modules["../ecosystem/rust/kmer_core.rs"]).toContain("pub fn top_kmers");
  });

  it("is empty for a program without #[path]", () => {
    expect(readRustPathModules("01-fasta-gc")).toEqual({});
  });
});
