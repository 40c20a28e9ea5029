// Streams program output into a <pre>, as text (never HTML: learner code may print
// "<script>"), batched per animation frame so a tight print loop costs one layout
// per frame, not one per line. stderr is shown in its own colour.
export class OutputPanel {
  private pending: { text: string; err: boolean }[] = [];
  private scheduled = false;
  private readonly pre: HTMLElement;

  constructor(pre: HTMLElement) {
    this.pre = pre;
  }

  clear() {
    this.pending = [];
    this.pre.textContent = "";
  }

  write(text: string, err: boolean) {
    if (!text) return;
    this.pending.push({ text, err });
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush());
    }
  }

  /** Replaces whatever was streamed with the exact final output. */
  show(stdout: string, stderr: string) {
    this.clear();
    this.write(stdout, false);
    this.write(stderr, true);
    this.flush();
  }

  flush() {
    this.scheduled = false;
    const frag = document.createDocumentFragment();
    for (const { text, err } of this.pending) {
      if (err) {
        const span = document.createElement("span");
        span.className = "ru-stderr";
        span.textContent = text;
        frag.append(span);
      } else frag.append(text);
    }
    this.pending = [];
    this.pre.append(frag);
  }
}
