// The code editor used by drills and by "Edit" on the triptych's solutions:
// CodeMirror 6 with Python, R and Rust highlighting, line numbers, bracket matching,
// Ctrl/Cmd+Enter to run, and Esc to leave the editor (so Tab, which indents, never
// traps a keyboard user). Imported lazily: it is the heaviest script on a lesson page.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, type Extension } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { StreamLanguage } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { rust } from "@codemirror/lang-rust";
import { r } from "@codemirror/legacy-modes/mode/r";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import type { Lang } from "../runners/protocol.ts";

export interface EditorMarker {
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface CodeEditor {
  getCode(): string;
  setCode(code: string): void;
  setMarkers(markers: EditorMarker[]): void;
  focus(): void;
  destroy(): void;
}

const LANGUAGE: Record<Lang, () => Extension> = {
  python: () => python(),
  rust: () => rust(),
  r: () => StreamLanguage.define(r),
};

const theme = EditorView.theme({
  "&": { fontSize: "0.82rem", border: "1px solid var(--ru-border)", borderRadius: "6px", background: "var(--ru-surface)" },
  "&.cm-focused": { outline: "3px solid var(--ru-focus)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "var(--ru-mono)", maxHeight: "28rem", overflow: "auto" },
  ".cm-gutters": { background: "var(--ru-surface-2)", color: "var(--ru-muted)", border: "none" },
  ".cm-content": { caretColor: "var(--ru-text)" },
  ".cm-activeLine, .cm-activeLineGutter": { background: "color-mix(in srgb, var(--ru-surface-2) 60%, transparent)" },
});

export function createEditor(
  parent: HTMLElement,
  options: { lang: Lang; code: string; label: string; onChange?: (code: string) => void; onRun?: () => void; onEscape?: () => void },
): CodeEditor {
  const runKey = {
    key: "Mod-Enter",
    run: () => {
      options.onRun?.();
      return true;
    },
  };
  const escapeKey = {
    key: "Escape",
    run: () => {
      if (options.onEscape) options.onEscape();
      else view.contentDOM.blur();
      return true;
    },
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        keymap.of([runKey, escapeKey, indentWithTab]),
        basicSetup,
        lintGutter(),
        LANGUAGE[options.lang](),
        theme,
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange?.(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    setMarkers(markers) {
      const doc = view.state.doc;
      const pos = (line: number, column: number) => {
        const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
        return Math.min(l.from + Math.max(column - 1, 0), l.to);
      };
      const diagnostics: Diagnostic[] = markers.map((m) => {
        const from = pos(m.line, m.column);
        let to = pos(m.endLine ?? m.line, m.endColumn ?? m.column + 1);
        if (to <= from) to = Math.min(from + 1, doc.length);
        return { from, to, severity: m.severity, message: m.message, source: "rustc" };
      });
      const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
      view.dispatch(setDiagnostics(view.state, diagnostics));
      // The reader should see the first error without hunting for it.
      if (first) view.dispatch({ effects: EditorView.scrollIntoView(first.from, { y: "center" }) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
