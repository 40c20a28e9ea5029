// The page's one copy of the learner's progress. Drills, quizzes and the triptych
// report what happened with `recordProgress`; everything that shows progress (the
// header's XP, module bars, the toast, the progress page) listens for the window
// event "ru-progress". The rules live in src/lib/progress.ts; this file only adds
// the browser: localStorage, the embedded catalog, the clock and the event.
//
//   import { recordProgress } from "./progress-client.ts";
//   recordProgress({ type: "drill-passed", key: "01-fasta-gc/gc-one-line", lang: "python", kind: "write-function" });
import type { Catalog } from "../lib/catalog.ts";
import {
  PROGRESS_KEY,
  applyEvent,
  emptyProgress,
  loadProgress,
  resetAll,
  saveProgress,
  type BadgeId,
  type ProgressEvent,
  type ProgressState,
} from "../lib/progress.ts";

export type { ProgressEvent, ProgressState, BadgeId } from "../lib/progress.ts";

export const PROGRESS_EVENT = "ru-progress";

/** What every "ru-progress" event carries, and what `recordProgress` returns. */
export interface ProgressUpdate {
  state: ProgressState;
  gainedXp: number;
  newBadges: BadgeId[];
  /** Why progress is not (fully) being saved, if it isn't; the same text until the page reloads. */
  notice?: string;
}

declare global {
  interface WindowEventMap {
    "ru-progress": CustomEvent<ProgressUpdate>;
  }
}

interface Session {
  state: ProgressState;
  /** false once storage has proved unusable: progress then lives in this page only. */
  persist: boolean;
  notice?: string;
}

let session: Session | null = null;
let catalog: Catalog | null = null;

function storage(): Storage | null {
  try {
    // Merely reading window.localStorage throws in some locked-down browsers.
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The curriculum this page was built with (see CatalogScript.astro); empty if missing. */
export function getCatalog(): Catalog {
  if (catalog) return catalog;
  try {
    const text = document.getElementById("ru-catalog")?.textContent;
    const parsed: unknown = text ? JSON.parse(text) : [];
    catalog = Array.isArray(parsed) ? (parsed as Catalog) : [];
  } catch {
    catalog = [];
  }
  return catalog;
}

function current(): Session {
  if (!session) {
    const loaded = loadProgress(storage());
    session = { state: loaded.state, persist: loaded.persist, notice: loaded.notice };
    listenToOtherTabs();
  }
  return session;
}

function emit(update: ProgressUpdate): ProgressUpdate {
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: update }));
  return update;
}

function persist(s: Session) {
  if (!s.persist) return;
  const saved = saveProgress(storage(), s.state);
  if (!saved.ok) {
    // Stop writing for the rest of the page: the in-memory state is now ahead of storage,
    // and a later successful write of a partial state would be worse than none.
    s.persist = false;
    s.notice = saved.notice;
  }
}

/** The learner's progress as this page knows it. */
export function getProgress(): ProgressState {
  return current().state;
}

/** The storage notice for this page, if progress is not being saved normally. */
export function getProgressNotice(): string | undefined {
  return current().notice;
}

/** Records one thing the learner did: scores it, saves it, tells the page. Never throws. */
export function recordProgress(event: ProgressEvent): ProgressUpdate {
  const s = current();
  const applied = applyEvent(s.state, event, getCatalog(), new Date());
  s.state = applied.state;
  persist(s);
  return emit({ ...applied, notice: s.notice });
}

/** Replaces all progress (an import). */
export function replaceProgress(state: ProgressState): ProgressUpdate {
  const s = current();
  s.state = state;
  persist(s);
  return emit({ state, gainedXp: 0, newBadges: [], notice: s.notice });
}

/** "Reset all progress": progress, drill code drafts and corrupt copies. */
export function resetProgress(): ProgressUpdate {
  const store = storage();
  const reset = resetAll(store);
  // Start over from what storage now says (empty), so a store that a newer site
  // version had locked is writable again once the learner has chosen to wipe it.
  const loaded = reset.ok ? loadProgress(store) : { state: emptyProgress(), persist: false, notice: reset.notice };
  session = { state: loaded.state, persist: loaded.persist, notice: loaded.notice ?? session?.notice };
  return emit({ state: session.state, gainedXp: 0, newBadges: [], notice: session.notice });
}

/** Calls `listener` with every update; returns the function that stops it. */
export function onProgress(listener: (update: ProgressUpdate) => void): () => void {
  const handler = (e: CustomEvent<ProgressUpdate>) => listener(e.detail);
  window.addEventListener(PROGRESS_EVENT, handler);
  return () => window.removeEventListener(PROGRESS_EVENT, handler);
}

let listening = false;
function listenToOtherTabs() {
  if (listening) return;
  listening = true;
  // Another tab passed a drill: take its state, so this tab neither shows stale XP
  // nor overwrites the newer state on its own next save.
  window.addEventListener("storage", (e) => {
    if (e.key !== PROGRESS_KEY && e.key !== null) return;
    if (!session?.persist) return;
    const loaded = loadProgress(storage());
    session = { state: loaded.state, persist: loaded.persist, notice: loaded.notice ?? session.notice };
    emit({ state: session.state, gainedXp: 0, newBadges: [], notice: session.notice });
  });
}
