// Source files as lessons show them. Region markers let a lesson quote part of a
// solution (`// region: parse` … `// endregion` in Rust, `# region: parse` … in
// Python and R) without a second copy; the markers themselves are never shown.
import type { Lang } from "../runners/protocol.ts";

const MARKER = /^\s*(\/\/|#)\s*(region: *[\w-]+|endregion)\s*$/;

export const SHIKI_LANG: Record<Lang, string> = { rust: "rust", python: "python", r: "r" };

/** Files a lesson shows but no runner runs (a Cargo.toml, a maturin pyproject, an extendr entrypoint.c). */
const DISPLAY_ONLY: Record<string, string> = { ".toml": "toml", ".json": "json", ".c": "c", ".yaml": "yaml", ".yml": "yaml", ".sh": "sh" };

/** The highlighter's language for a file shown in a lesson; plain text for e.g. DESCRIPTION or Makevars. */
export function displayLangOfPath(path: string): string {
  const ext = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? "";
  if (ext in DISPLAY_ONLY) return DISPLAY_ONLY[ext]!;
  try {
    return SHIKI_LANG[langOfPath(path)];
  } catch {
    return "text";
  }
}

export function langOfPath(path: string): Lang {
  if (path.endsWith(".rs")) return "rust";
  if (path.endsWith(".py")) return "python";
  if (/\.r$/i.test(path)) return "r";
  throw new Error(`Cannot tell the language of ${path}: use a .rs, .py or .R file.`);
}

/** The file without region marker lines. */
export function stripRegionMarkers(source: string): string {
  return source
    .split("\n")
    .filter((line) => !MARKER.test(line))
    .join("\n");
}

/** The lines between `region: name` and its `endregion`, de-indented. */
export function extractRegion(source: string, name: string, file = "the file"): string {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s*(//|#)\\s*region: *${name}\\s*$`).test(l));
  if (start < 0) {
    const known = lines.flatMap((l) => /region: *([\w-]+)/.exec(l)?.[1] ?? []);
    throw new Error(
      `No region "${name}" in ${file}. Mark it with "// region: ${name}" … "// endregion" (# in Python/R). Regions there: ${known.join(", ") || "none"}.`,
    );
  }
  // Regions nest: the matching endregion is the one that brings the depth back to zero.
  let depth = 0;
  let end = -1;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s*(\/\/|#)\s*region: *[\w-]+\s*$/.test(lines[i]!)) depth++;
    else if (/^\s*(\/\/|#)\s*endregion\s*$/.test(lines[i]!)) {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
  }
  if (end < 0) throw new Error(`Region "${name}" in ${file} has no matching endregion line.`);
  const body = lines.slice(start + 1, end).filter((l) => !MARKER.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
}
