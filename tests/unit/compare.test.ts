import { describe, expect, it } from "vitest";
import { compareOutputs } from "../../src/lib/compare.ts";

const tsv = "id\tlength\tgc\nseq1\t12\t0.4167\nTOTAL\t12\t0.4167\n";

describe("compareOutputs", () => {
  it("accepts identical text", () => {
    expect(compareOutputs(tsv, tsv)).toEqual({ ok: true });
  });

  it("names the column and values of the first difference", () => {
    const got = tsv.replace("seq1\t12\t0.4167", "seq1\t12\t0.4000");
    const r = compareOutputs(tsv, got);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(2);
      expect(r.message).toBe('line 2: expected gc "0.4167", got "0.4000"');
    }
  });

  it("reports missing and extra lines", () => {
    const short = compareOutputs(tsv, "id\tlength\tgc\nseq1\t12\t0.4167\n");
    expect(short.ok || short.message).toBe('line 3: missing; expected "TOTAL\\t12\\t0.4167"');
    const long = compareOutputs("a\n", "a\nb\n");
    expect(long.ok || long.message).toBe('line 2: unexpected extra line "b"');
  });

  it("explains a missing final newline and CRLF endings", () => {
    const noNl = compareOutputs("a\nb\n", "a\nb");
    expect(noNl.ok || noNl.message).toBe("the last line is missing its newline");
    const crlf = compareOutputs("a\nb\n", "a\r\nb\r\n");
    expect(crlf.ok).toBe(false);
  });

  it("numeric mode tolerates small differences only in numbers", () => {
    const mode = { mode: "numeric", tolerance: 1e-6 } as const;
    expect(compareOutputs("x\t0.1234567\n", "x\t0.1234568\n", mode).ok).toBe(true);
    expect(compareOutputs("x\t0.12\n", "x\t0.13\n", mode).ok).toBe(false);
    expect(compareOutputs("x\t0.12\n", "y\t0.12\n", mode).ok).toBe(false);
  });

  it("numeric mode allows exactly one unit in the last printed digit when that is the tolerance", () => {
    // 0.1235 − 0.1234 is 1.0000000000000286e-4 as doubles.
    const mode = { mode: "numeric", tolerance: 1e-4 } as const;
    expect(compareOutputs("0.1234\n", "0.1235\n", mode).ok).toBe(true);
    expect(compareOutputs("0.1234\n", "0.1236\n", mode).ok).toBe(false);
  });

  it("lines mode ignores order but not content or multiplicity", () => {
    const mode = { mode: "lines" } as const;
    expect(compareOutputs("a\nb\n", "b\na\n", mode).ok).toBe(true);
    const r = compareOutputs("a\nb\n", "a\nc\n", mode);
    expect(r.ok || r.message).toBe('missing line "b"');
    expect(compareOutputs("a\nb\n", "a\nb\nb\n", mode).ok).toBe(false);
  });
});
