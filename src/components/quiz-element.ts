// <ru-question>: grades one answer, shows the explanation, records progress.
import { gradeAnswer, type Answer } from "../lib/quiz-grade.ts";
import type { Question } from "../lib/quiz-schema.ts";

class QuestionElement extends HTMLElement {
  connectedCallback() {
    const question = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!) as Question;
    const form = this.querySelector("form")!;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const answer = this.readAnswer(question, new FormData(form));
      if (!answer) {
        this.show(null, "Choose an answer first.");
        return;
      }
      const correct = gradeAnswer(question, answer);
      this.show(correct, correct ? "Correct." : "Not quite.");
      void import("./progress-client.ts").then(({ recordProgress }) =>
        recordProgress({ type: "question-answered", key: this.dataset.questionKey!, correct }),
      );
    });
    void import("./progress-client.ts").then(({ getProgress }) => {
      if (getProgress().questions[this.dataset.questionKey!]?.correct) this.dataset.answered = "correct";
    });
  }

  private readAnswer(q: Question, data: FormData): Answer | null {
    switch (q.kind) {
      case "single": {
        const v = data.get("choice");
        return v === null ? null : { kind: "single", choice: Number(v) };
      }
      case "multi": {
        const all = data.getAll("choice").map(Number);
        return all.length ? { kind: "multi", choices: all } : null;
      }
      case "compiles": {
        const v = data.get("choice");
        return v === null ? null : { kind: "compiles", compiles: v === "yes" };
      }
      case "predict": {
        const text = String(data.get("text") ?? "");
        return text.trim() ? { kind: "predict", text } : null;
      }
    }
  }

  private show(correct: boolean | null, verdict: string) {
    const result = this.querySelector<HTMLElement>("[data-result]")!;
    this.querySelector("[data-verdict]")!.textContent = verdict;
    if (correct === null) {
      // Nothing chosen: say so, but don't reveal the explanation yet.
      result.hidden = false;
      for (const el of result.querySelectorAll<HTMLElement>(":scope > :not([data-verdict])")) el.hidden = true;
      return;
    }
    for (const el of result.querySelectorAll<HTMLElement>(":scope > *")) el.hidden = false;
    result.hidden = false;
    this.dataset.state = correct ? "correct" : "wrong";
  }
}

if (!customElements.get("ru-question")) customElements.define("ru-question", QuestionElement);
