import { describe, expect, it } from "vitest";
import { displayLangOfPath, extractRegion, langOfPath, stripRegionMarkers } from "../../src/lib/source.ts";

const rust = `fn main() {
    // region: count
    let n = 1;
    // region: inner
    let m = 2;
    // endregion
    let k = 3;
    // endregion
}
`;

describe("source regions", () => {
  it("extracts a region without nested markers and de-indents it", () => {
    expect(extractRegion(rust, "count")).toBe("let n = 1;\nlet m = 2;\nlet k = 3;");
    expect(extractRegion(rust, "inner")).toBe("let m = 2;");
  });

  it("names the known regions when one is missing", () => {
    expect(() => extractRegion(rust, "parse", "main.rs")).toThrow(/No region "parse" in main.rs.*count, inner/);
  });

  it("strips markers in every language", () => {
    expect(stripRegionMarkers(rust)).toBe("fn main() {\n    let n = 1;\n    let m = 2;\n    let k = 3;\n}\n");
    expect(stripRegionMarkers("# region: x\nprint(1)\n# endregion\n")).toBe("print(1)\n");
  });

  it("knows languages by extension", () => {
    expect(langOfPath("r/main.R")).toBe("r");
    expect(langOfPath("x.py")).toBe("python");
    expect(() => langOfPath("x.txt")).toThrow(/\.rs, \.py or \.R/);
  });

  it("highlights files a lesson only shows: manifests, C glue, plain text", () => {
    expect(displayLangOfPath("ecosystem/rust/Cargo.toml")).toBe("toml");
    expect(displayLangOfPath("ecosystem/extendr/src/entrypoint.c")).toBe("c");
    expect(displayLangOfPath("rust/main.rs")).toBe("rust");
    expect(displayLangOfPath("ecosystem/extendr/DESCRIPTION")).toBe("text");
  });
});
