// The schema of content/quizzes/<module>.yaml: a module's quiz questions.
import { z } from "astro/zod";

const Code = z.object({
  lang: z.enum(["python", "r", "rust"]),
  source: z.string().describe("The snippet shown with the question."),
});

const base = {
  id: z.string().regex(/^[a-z0-9-]+$/).describe("Stable id: progress is stored under it."),
  prompt: z.string().describe("The question (markdown: inline code and emphasis)."),
  explanation: z.string().describe("Shown after answering, right or wrong: why the answer is what it is."),
};

export const QuestionSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("single").describe("Multiple choice, one correct option."),
    code: Code.optional(),
    options: z.array(z.object({ text: z.string(), correct: z.boolean().default(false) })).min(2),
  }),
  z.object({
    ...base,
    kind: z.literal("multi").describe("Multiple choice, every correct option must be chosen."),
    code: Code.optional(),
    options: z.array(z.object({ text: z.string(), correct: z.boolean().default(false) })).min(2),
  }),
  z.object({
    ...base,
    kind: z.literal("compiles").describe("Does this Rust snippet compile?"),
    code: Code,
    compiles: z.boolean(),
    compilerError: z
      .string()
      .optional()
      .describe("rustc's error for a snippet that does not compile (error[E…]: message), shown with the explanation."),
  }),
  z.object({
    ...base,
    kind: z.literal("predict").describe("Predict the output: type what the snippet prints."),
    code: Code,
    answer: z.string().describe("The exact output; compared after trimming each line."),
  }),
]);

export const QuizSchema = z
  .object({ questions: z.array(QuestionSchema).min(1) })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((q, i) => {
      const at = (message: string) => ctx.addIssue({ code: "custom", path: ["questions", i], message });
      if (seen.has(q.id)) at(`duplicate id "${q.id}": every question needs its own`);
      seen.add(q.id);
      if (q.kind === "single" && q.options.filter((o) => o.correct).length !== 1) {
        at(`"${q.id}" is a single-answer question: mark exactly one option correct: true (or make it kind: multi)`);
      }
      if (q.kind === "multi" && !q.options.some((o) => o.correct)) at(`"${q.id}": mark at least one option correct: true`);
      if (q.kind === "compiles" && !q.compiles && !q.compilerError) {
        at(`"${q.id}" does not compile: add compilerError with rustc's message so readers see it`);
      }
      if (q.kind === "compiles" && q.code.lang !== "rust") at(`"${q.id}": "does it compile?" questions are about Rust; set code.lang: rust`);
      if (q.kind === "compiles" && q.compilerError && !/^error(\[E\d{4}\])?:/.test(q.compilerError)) {
        at(`"${q.id}": compilerError should start like rustc's own line, e.g. "error[E0502]: cannot borrow …"`);
      }
    });
  });

export type Question = z.infer<typeof QuestionSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
