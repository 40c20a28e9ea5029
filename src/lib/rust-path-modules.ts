// A Rust program may read a module from another file with `#[path = "…"] mod name;`
// (module 12's program compiles the kmer-core library that way). The compile service
// takes one file and refuses #[path] (it would read the compiling machine's disk), so
// before edited code is sent, the modules the page shipped with it are put inline as
// `mod name { … }` — at the end of the file, so that the learner's lines keep their
// numbers in the compiler's messages.

/** A `#[path = "…"]` attribute followed by `mod name;`, as the source wrote it. */
export interface PathModule {
  /** The path as written in the attribute, relative to the file that declares it. */
  path: string;
  name: string;
  /** 1-based lines of the attribute and of the `mod` item (the same line if written on one). */
  attrLine: number;
  modLine: number;
}

// Only the plain form: attribute and `mod name;` on their own lines (or one line), the
// way rustfmt writes them. Anything else stays as written and the screening refuses it.
const PATH_ATTR = /^\s*#\[path\s*=\s*"([^"\\]+)"\]\s*(?:(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*;\s*)?$/;
const MOD_DECL = /^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*;\s*$/;

/** The `#[path]` modules a source declares, in order. */
export function pathModules(source: string): PathModule[] {
  const lines = source.split("\n");
  const found: PathModule[] = [];
  for (let i = 0; i < lines.length; i++) {
    const attr = PATH_ATTR.exec(lines[i]!);
    if (!attr) continue;
    if (attr[2]) {
      found.push({ path: attr[1]!, name: attr[2], attrLine: i + 1, modLine: i + 1 });
      continue;
    }
    const decl = MOD_DECL.exec(lines[i + 1] ?? "");
    if (decl) found.push({ path: attr[1]!, name: decl[1]!, attrLine: i + 1, modLine: i + 2 });
  }
  return found;
}

export interface InlinedSource {
  code: string;
  /**
   * The line of the original source a line of `code` stands for: itself before the
   * appended modules, the `mod` declaration for any line inside one of them.
   */
  originalLine(line: number): number;
}

/**
 * `source` with every `#[path]` module whose file is in `files` (keyed by the path as
 * written) put inline. Declarations of files not given are left alone.
 */
export function inlinePathModules(source: string, files: Readonly<Record<string, string>>): InlinedSource {
  const lines = source.split("\n");
  const originalCount = lines.length;
  const appended: { from: number; to: number; modLine: number }[] = [];
  const tail: string[] = [];
  for (const m of pathModules(source)) {
    const text = files[m.path];
    if (text === undefined) continue;
    // Same number of lines, so nothing after the declaration moves.
    lines[m.attrLine - 1] = `// mod ${m.name}, read from ${m.path}: put inline at the end of this file.`;
    if (m.modLine !== m.attrLine) lines[m.modLine - 1] = "";
    const body = text.replace(/\n$/, "").split("\n");
    const from = originalCount + tail.length + 1;
    tail.push(`mod ${m.name} {`, ...body, "}");
    appended.push({ from, to: originalCount + tail.length, modLine: m.modLine });
  }
  if (appended.length === 0) return { code: source, originalLine: (line) => line };
  return {
    code: [...lines, ...tail].join("\n") + "\n",
    originalLine(line) {
      const inside = appended.find((a) => line >= a.from && line <= a.to);
      return inside ? inside.modLine : line;
    },
  };
}
