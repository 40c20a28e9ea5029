import { describe, expect, it } from "vitest";
import { gradeAnswer, normaliseOutput } from "../../src/lib/quiz-grade.ts";
import { QuizSchema, type Question } from "../../src/lib/quiz-schema.ts";

const single: Question = {
  id: "q1", kind: "single", prompt: "p", explanation: "e",
  options: [{ text: "a", correct: false }, { text: "b", correct: true }],
};
const multi: Question = {
  id: "q2", kind: "multi", prompt: "p", explanation: "e",
  options: [{ text: "a", correct: true }, { text: "b", correct: false }, { text: "c", correct: true }],
};

describe("gradeAnswer", () => {
  it("single: only the correct option", () => {
    expect(gradeAnswer(single, { kind: "single", choice: 1 })).toBe(true);
    expect(gradeAnswer(single, { kind: "single", choice: 0 })).toBe(false);
    expect(gradeAnswer(single, { kind: "single", choice: 7 })).toBe(false);
  });
  it("multi: exactly the correct set", () => {
    expect(gradeAnswer(multi, { kind: "multi", choices: [2, 0] })).toBe(true);
    expect(gradeAnswer(multi, { kind: "multi", choices: [0] })).toBe(false);
    expect(gradeAnswer(multi, { kind: "multi", choices: [0, 1, 2] })).toBe(false);
  });
  it("compiles and predict", () => {
    const c: Question = { id: "c", kind: "compiles", prompt: "p", explanation: "e", code: { lang: "rust", source: "x" }, compiles: false, compilerError: "error[E0382]" };
    expect(gradeAnswer(c, { kind: "compiles", compiles: false })).toBe(true);
    expect(gradeAnswer(c, { kind: "compiles", compiles: true })).toBe(false);
    const p: Question = { id: "p", kind: "predict", prompt: "p", explanation: "e", code: { lang: "python", source: "x" }, answer: "3\nNA\n" };
    expect(gradeAnswer(p, { kind: "predict", text: "  3 \r\nNA\n\n" })).toBe(true);
    expect(gradeAnswer(p, { kind: "predict", text: "3\nna" })).toBe(false);
  });
  it("normalises only whitespace at line ends", () => {
    expect(normaliseOutput("a b \n c\n\n")).toBe("a b\nc");
  });
});

describe("QuizSchema", () => {
  it("explains a single-answer question without exactly one correct option", () => {
    const r = QuizSchema.safeParse({ questions: [{ ...single, options: [{ text: "a", correct: true }, { text: "b", correct: true }] }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("mark exactly one option correct");
  });
  it("requires the compiler error of a snippet that does not compile", () => {
    const r = QuizSchema.safeParse({ questions: [{ id: "c", kind: "compiles", prompt: "p", explanation: "e", code: { lang: "rust", source: "x" }, compiles: false }] });
    expect(r.error?.issues[0]?.message).toContain("add compilerError");
  });
  it("rejects duplicate ids", () => {
    const r = QuizSchema.safeParse({ questions: [single, single] });
    expect(r.error?.issues[0]?.message).toContain('duplicate id "q1"');
  });
});
