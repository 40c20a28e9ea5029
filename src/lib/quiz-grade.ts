// Grades a quiz answer. Pure, so the page and the tests agree on what "correct" is.
import type { Question } from "./quiz-schema.ts";

export type Answer =
  | { kind: "single"; choice: number }
  | { kind: "multi"; choices: number[] }
  | { kind: "compiles"; compiles: boolean }
  | { kind: "predict"; text: string };

/** Output comparison for "predict": each line trimmed, trailing blank lines ignored. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n+$/, "");
}

export function gradeAnswer(question: Question, answer: Answer): boolean {
  switch (question.kind) {
    case "single":
      return answer.kind === "single" && question.options[answer.choice]?.correct === true;
    case "multi": {
      if (answer.kind !== "multi") return false;
      const chosen = new Set(answer.choices);
      return question.options.every((o, i) => o.correct === chosen.has(i));
    }
    case "compiles":
      return answer.kind === "compiles" && answer.compiles === question.compiles;
    case "predict":
      return answer.kind === "predict" && normaliseOutput(answer.text) === normaliseOutput(question.answer);
  }
}
