// <ru-progress-page>: fills the static /progress/ page with this browser's progress
// and runs its three actions. Export and import go through files (not the
// clipboard) because the point is to carry progress to another machine.
import {
  allBadges,
  badgeInfo,
  dayKey,
  exportFileName,
  exportProgress,
  importProgress,
  moduleCompletion,
  nextStep,
  streak,
  type ProgressState,
} from "../lib/progress.ts";
import {
  getCatalog,
  getProgress,
  getProgressNotice,
  onProgress,
  replaceProgress,
  resetProgress,
} from "./progress-client.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

class ProgressPage extends HTMLElement {
  connectedCallback() {
    this.render(getProgress(), getProgressNotice());
    onProgress((u) => this.render(u.state, u.notice));

    this.querySelector('[data-action="export"]')!.addEventListener("click", () => this.export());
    this.querySelector<HTMLInputElement>("[data-import]")!.addEventListener("change", (e) => {
      const input = e.currentTarget as HTMLInputElement;
      const file = input.files?.[0];
      // Cleared so choosing the same file again (after fixing it) fires change again.
      if (file) void this.import(file).finally(() => (input.value = ""));
    });

    const dialog = this.querySelector<HTMLDialogElement>("[data-reset-dialog]")!;
    this.querySelector('[data-action="reset"]')!.addEventListener("click", () => {
      dialog.returnValue = "";
      dialog.showModal();
    });
    dialog.addEventListener("close", () => {
      if (dialog.returnValue !== "reset") return;
      const update = resetProgress();
      this.message(
        update.notice ? `Progress reset on this page only: ${update.notice}` : "All progress was reset.",
        "ok",
      );
      this.querySelector<HTMLElement>('[data-action="reset"]')!.focus();
    });
  }

  private text(selector: string, value: string) {
    const el = this.querySelector(selector);
    if (el) el.textContent = value;
  }

  private render(state: ProgressState, notice: string | undefined) {
    const catalog = getCatalog();
    const today = new Date();

    const noticeEl = this.querySelector<HTMLElement>("[data-notice]")!;
    noticeEl.hidden = !notice;
    noticeEl.textContent = notice ?? "";

    this.text('[data-stat="xp"]', String(state.xp));
    const days = streak(state, today);
    this.text('[data-stat="streak"]', plural(days, "day"));
    const activeToday = state.activeDays.includes(dayKey(today));
    this.text(
      '[data-stat="streak-hint"]',
      days === 0
        ? "Pass a drill or answer a question to start one."
        : activeToday
          ? "You worked today. Come back tomorrow to extend it."
          : "Do one exercise today to keep it going.",
    );
    this.text('[data-stat="modules"]', String(catalog.filter((m) => moduleCompletion(state, m).complete).length));

    const next = nextStep(state, catalog);
    this.text(
      "[data-next-text]",
      next
        ? next.label
        : "You have completed every module. Revisit any of them, or export your progress to keep a record.",
    );
    const link = this.querySelector<HTMLAnchorElement>("[data-next-link]");
    if (link) {
      link.hidden = !next;
      if (next) link.href = next.url;
    }

    this.renderBadges(state);
  }

  private renderBadges(state: ProgressState) {
    const catalog = getCatalog();
    const list = this.querySelector<HTMLElement>("[data-badges]")!;
    // Earned badges the static list lacks (a module since removed) still deserve a place.
    const known = new Set(allBadges(catalog).map((b) => b.id as string));
    for (const id of Object.keys(state.badges)) {
      if (known.has(id) || list.querySelector(`[data-badge="${CSS.escape(id)}"]`)) continue;
      const template = list.querySelector("[data-badge]");
      if (!template) continue;
      const info = badgeInfo(id, catalog);
      const item = template.cloneNode(true) as HTMLElement;
      item.dataset.badge = id;
      item.querySelector(".ru-badge__medal")!.textContent = info.icon;
      item.querySelector(".ru-badge__title")!.textContent = info.title;
      item.querySelector("[data-howto]")!.textContent = info.howTo;
      item.querySelector("[data-description]")!.textContent = info.description;
      list.append(item);
    }

    let earned = 0;
    for (const item of list.querySelectorAll<HTMLElement>("[data-badge]")) {
      const record = state.badges[item.dataset.badge!];
      item.dataset.earned = String(Boolean(record));
      item.querySelector<HTMLElement>("[data-howto]")!.hidden = Boolean(record);
      item.querySelector<HTMLElement>("[data-description]")!.hidden = !record;
      const when = item.querySelector<HTMLElement>("[data-when]")!;
      when.hidden = !record;
      if (record) {
        earned++;
        const date = new Date(record.earnedAt);
        when.textContent = Number.isNaN(date.getTime())
          ? "Earned"
          : `Earned ${date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })}`;
      }
    }
    this.text('[data-stat="badges"]', String(earned));
  }

  private message(text: string, kind: "ok" | "error") {
    const el = this.querySelector<HTMLElement>("[data-message]")!;
    el.dataset.kind = kind;
    el.textContent = text;
    el.hidden = false;
  }

  private export() {
    const blob = new Blob([exportProgress(getProgress())], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = exportFileName();
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later, not now: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.message(`Saved ${a.download}. Import it on the other machine from this page.`, "ok");
  }

  private async import(file: File) {
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.message(`Could not read ${file.name}. Choose the file again.`, "error");
      return;
    }
    const result = importProgress(text);
    if ("error" in result) {
      this.message(result.error, "error");
      return;
    }
    const { state } = result;
    const update = replaceProgress(state);
    const summary = `${state.xp} XP, ${plural(Object.keys(state.badges).length, "badge")}, ${plural(Object.keys(state.drills).length, "passed drill")}`;
    this.message(
      update.notice
        ? `Imported ${summary} — but only for this page: ${update.notice}`
        : `Imported ${summary} from ${file.name}.`,
      update.notice ? "error" : "ok",
    );
  }
}

customElements.define("ru-progress-page", ProgressPage);
