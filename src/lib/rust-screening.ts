// Refuses Rust sources that would make the workshop compile service read the
// machine it runs on. Used by the service (scripts/lib/compile-service.ts) and by
// the page, which refuses before sending. Pure TypeScript: no Node imports.
//
// Why a lexer and not regexes: the words are fine inside comments and strings
// ("// never use include_str! here"), and Rust's comments nest, raw strings contain
// quotes, and `'a` can be a lifetime or the start of a char literal.
//
// What reads the host at compile time, and what this file does about it:
// - include_str!, include_bytes!, include!, option_env!: their names are refused as
//   identifiers anywhere in code (not only before `!`), so neither
//   `use std::include_str as s;` nor passing the name through a macro gets around it.
// - env!: `env` is also the everyday module `std::env`, so only `env!` and renames
//   (`env as x`, which would import the macro too) are refused. The service also
//   runs rustc with an empty environment, so an env! that slipped through finds
//   nothing worth reading.
// - #[path = "..."] (makes `mod x;` read any file), #[link(...)] (makes the linker
//   search the host's library directories and pull a named file into the module; a
//   WASI program has nothing to link) and #[debugger_visualizer] (embeds a file):
//   refused anywhere inside an attribute, including #[cfg_attr(..., path = ...)].
// - #![feature(...)]: unstable features are how the remaining holes would open.
// - extern crate of anything but std/core/alloc: finds crates in the sysroot.
// - Declarative macros can reassemble tokens: a macro_rules! macro can receive
//   `path` and `=` as separate arguments and emit `#[path = ...]`. So once a source
//   defines a macro, the words path, link, env and feature may not appear in the
//   arguments of any macro except the standard formatting/assert ones, nor in a
//   macro_rules! body.

export const MAX_SOURCE_BYTES = 65_536;

export type ScreeningResult =
  { ok: true } | { ok: false; code: string; message: string; line: number; column: number };

type TokenKind = "ident" | "punct" | "literal" | "lifetime";

interface Token {
  kind: TokenKind;
  /** Identifier without its `r#`, or the punctuation character. */
  text: string;
  line: number;
  column: number;
}

const RUN_TIME_INPUT =
  "Put the data in the program as a string literal, or read it at run time from the mounted input files.";

/** Refused wherever they appear as an identifier. */
const FORBIDDEN_NAMES = new Map<string, { code: string; message: string }>(
  Object.entries({
    include_str: {
      code: "include-str",
      message: `include_str! reads a file on the compiling machine; the compile service refuses it. ${RUN_TIME_INPUT}`,
    },
    include_bytes: {
      code: "include-bytes",
      message: `include_bytes! reads a file on the compiling machine; the compile service refuses it. ${RUN_TIME_INPUT}`,
    },
    include: {
      code: "include",
      message:
        "include! pastes a file from the compiling machine into the program; the compile service refuses the word `include` outside comments and strings. Write everything in this one file (rename a variable called `include`, e.g. to `keep`).",
    },
    option_env: {
      code: "option-env",
      message:
        "option_env! reads an environment variable of the compiling machine; the compile service refuses it. Read settings at run time with std::env::var, or write them into the program.",
    },
  }),
);

const ENV_MESSAGE =
  'env! reads an environment variable of the compiling machine; the compile service refuses it. Read it at run time with std::env::var("NAME") instead.';

/** Identifiers that make an attribute read the host. */
const HOST_READING_ATTRIBUTES = new Map<string, { code: string; message: string }>(
  Object.entries({
    path: {
      code: "path-attribute",
      message:
        "#[path = ...] makes `mod` read a file on the compiling machine; the compile service refuses it. Write the module inline: `mod name { ... }`.",
    },
    link: {
      code: "link-attribute",
      message:
        "#[link(...)] makes the linker read library files on the compiling machine; the compile service refuses it. A WASI program runs with the standard library only.",
    },
    link_args: {
      code: "link-attribute",
      message:
        "#[link_args] passes options to the linker on the compiling machine; the compile service refuses it.",
    },
    debugger_visualizer: {
      code: "debugger-visualizer",
      message:
        "#[debugger_visualizer] embeds a file from the compiling machine; the compile service refuses it.",
    },
  }),
);

const ALLOWED_EXTERN_CRATES = new Set(["std", "core", "alloc"]);

/** Words a macro could reassemble into a host-reading attribute or env!. */
const MACRO_SENSITIVE = new Set(["path", "link", "env", "feature"]);

/** Built-in macros that only evaluate their arguments, never re-emit them as items. */
const EXPRESSION_MACROS = new Set(
  [
    "println print eprintln eprint format format_args write writeln vec dbg",
    "assert assert_eq assert_ne debug_assert debug_assert_eq debug_assert_ne matches",
    "panic todo unimplemented unreachable compile_error",
    "concat stringify line column file module_path cfg",
  ]
    .join(" ")
    .split(" "),
);

const isIdentStart = (c: string | undefined) => c !== undefined && /[\p{XID_Start}_]/u.test(c);
const isIdentContinue = (c: string | undefined) => c !== undefined && /[\p{XID_Continue}]/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Code tokens only: comments, whitespace and the insides of literals are dropped. */
function tokenize(source: string): Token[] {
  // Code points, so columns count characters like rustc's do.
  const chars = Array.from(source);
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let column = 1;

  const advance = (n = 1) => {
    for (let k = 0; k < n && i < chars.length; k++) {
      if (chars[i] === "\n") {
        line++;
        column = 1;
      } else {
        column++;
      }
      i++;
    }
  };
  /** After an opening `"`: skips to just past the closing one, honouring escapes. */
  const skipQuoted = () => {
    while (i < chars.length && chars[i] !== '"') advance(chars[i] === "\\" ? 2 : 1);
    advance();
  };
  /** At the opening `'` of a char literal: skips past the closing one ('\'' too). */
  const skipCharLiteral = () => {
    advance(chars[i + 1] === "\\" ? 3 : 2);
    while (i < chars.length && chars[i] !== "'" && chars[i] !== "\n") advance();
    advance();
  };
  /** At the `#`s or `"` after r/br/cr: skips a raw string; false if it is not one. */
  const skipRawString = (): boolean => {
    let hashes = 0;
    while (chars[i + hashes] === "#") hashes++;
    if (chars[i + hashes] !== '"') return false;
    advance(hashes + 1);
    const closing = '"' + "#".repeat(hashes);
    while (i < chars.length && chars.slice(i, i + closing.length).join("") !== closing) advance();
    advance(closing.length);
    return true;
  };

  // A shebang line is not code, but `#![attr]` is, also written `#! [attr]` or
  // `#!/*x*/[attr]`. Only the plain `#!/path` form is skipped; any other `#!` is
  // read as code, which can only refuse more, never hide anything.
  if (
    chars[0] === "#" &&
    chars[1] === "!" &&
    chars[2] === "/" &&
    chars[3] !== "/" &&
    chars[3] !== "*"
  ) {
    while (i < chars.length && chars[i] !== "\n") advance();
  }

  while (i < chars.length) {
    const c = chars[i];
    const next = chars[i + 1];
    const start = { line, column };
    if (/\s/u.test(c)) {
      advance();
    } else if (c === "/" && next === "/") {
      while (i < chars.length && chars[i] !== "\n") advance();
    } else if (c === "/" && next === "*") {
      let depth = 0;
      do {
        if (chars[i] === "/" && chars[i + 1] === "*") {
          depth++;
          advance(2);
        } else if (chars[i] === "*" && chars[i + 1] === "/") {
          depth--;
          advance(2);
        } else {
          advance();
        }
      } while (depth > 0 && i < chars.length);
    } else if (c === '"') {
      advance();
      skipQuoted();
      tokens.push({ kind: "literal", text: '"', ...start });
    } else if (c === "'") {
      // 'x' and '\n' are chars; 'a (no closing quote right after one character)
      // is a lifetime or loop label.
      if (next === "\\") {
        skipCharLiteral();
        tokens.push({ kind: "literal", text: "'", ...start });
      } else if (chars[i + 2] === "'") {
        advance(3);
        tokens.push({ kind: "literal", text: "'", ...start });
      } else {
        advance();
        let name = "";
        while (isIdentContinue(chars[i])) {
          name += chars[i];
          advance();
        }
        tokens.push({ kind: "lifetime", text: name, ...start });
      }
    } else if (isDigit(c)) {
      // Numbers with their suffixes (1_000u64, 0x1F, 2.5f32) hold no names. An
      // exponent's sign becomes a punctuation token, which is harmless here.
      while (isIdentContinue(chars[i]) || (chars[i] === "." && isDigit(chars[i + 1]))) advance();
      tokens.push({ kind: "literal", text: "0", ...start });
    } else if (isIdentStart(c)) {
      let name = "";
      while (isIdentContinue(chars[i])) {
        name += chars[i];
        advance();
      }
      const prefix = name === "b" || name === "c" || name === "r" || name === "br" || name === "cr";
      if ((name === "r" || name === "br" || name === "cr") && skipRawString()) {
        tokens.push({ kind: "literal", text: '"', ...start });
      } else if (name === "r" && chars[i] === "#" && isIdentStart(chars[i + 1])) {
        // Raw identifier: r#include_str is include_str.
        advance();
        let raw = "";
        while (isIdentContinue(chars[i])) {
          raw += chars[i];
          advance();
        }
        tokens.push({ kind: "ident", text: raw, ...start });
      } else if (prefix && chars[i] === '"') {
        advance();
        skipQuoted(); // b"..." or c"..."
        tokens.push({ kind: "literal", text: '"', ...start });
      } else if (name === "b" && chars[i] === "'") {
        skipCharLiteral();
        tokens.push({ kind: "literal", text: "'", ...start });
      } else {
        tokens.push({ kind: "ident", text: name, ...start });
      }
    } else {
      advance();
      tokens.push({ kind: "punct", text: c, ...start });
    }
  }
  return tokens;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** For every opening delimiter token, the index of its closing one. */
function matchDelimiters(tokens: Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, idx) => {
    if (t.kind !== "punct") return;
    if (t.text in OPEN) stack.push(idx);
    else if (t.text === ")" || t.text === "]" || t.text === "}") {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, idx);
    }
  });
  // Unbalanced source: let the rest run to the end; rustc will report it.
  for (const open of stack) pairs.set(open, tokens.length - 1);
  return pairs;
}

function refuse(token: Token, code: string, message: string): ScreeningResult {
  return { ok: false, code, message, line: token.line, column: token.column };
}

function utf8Length(source: string): number {
  return new TextEncoder().encode(source).length;
}

export function screenRustSource(source: string): ScreeningResult {
  const bytes = utf8Length(source);
  if (bytes > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      code: "source-too-large",
      message: `The source is ${bytes} bytes; the compile service takes at most ${MAX_SOURCE_BYTES} bytes (64 KiB). Read large data at run time from the mounted input files instead of writing it into the program.`,
      line: 1,
      column: 1,
    };
  }

  const tokens = tokenize(source);
  const pairs = matchDelimiters(tokens);
  const is = (idx: number, kind: TokenKind, text?: string) =>
    tokens[idx]?.kind === kind && (text === undefined || tokens[idx].text === text);

  // Attribute bodies (#[...] and #![...]) and the arguments of macros that could
  // re-emit them, as token index ranges.
  const inAttribute = new Array<boolean>(tokens.length).fill(false);
  const inReemittingMacro = new Array<boolean>(tokens.length).fill(false);
  const definesMacros = tokens.some((t) => t.kind === "ident" && t.text === "macro_rules");
  // A user macro, or a rename, may shadow a built-in macro's name.
  const expressionMacros = new Set(EXPRESSION_MACROS);
  tokens.forEach((t, idx) => {
    if (
      is(idx - 1, "ident", "as") ||
      (is(idx - 2, "ident", "macro_rules") && is(idx - 1, "punct", "!"))
    )
      expressionMacros.delete(t.text);
  });
  const mark = (marks: boolean[], open: number) => {
    const close = pairs.get(open) ?? open;
    for (let k = open; k <= close; k++) marks[k] = true;
  };
  tokens.forEach((t, idx) => {
    if (t.kind === "punct" && t.text === "#") {
      const open = is(idx + 1, "punct", "!") ? idx + 2 : idx + 1;
      if (is(open, "punct", "[")) mark(inAttribute, open);
    }
    if (definesMacros && t.kind === "ident" && is(idx + 1, "punct", "!")) {
      // name!(...), or macro_rules! name { ... }
      const open = is(idx + 2, "ident") && t.text === "macro_rules" ? idx + 3 : idx + 2;
      const opener = tokens[open];
      if (opener?.kind === "punct" && opener.text in OPEN && !expressionMacros.has(t.text))
        mark(inReemittingMacro, open);
    }
  });

  for (let idx = 0; idx < tokens.length; idx++) {
    const t = tokens[idx];
    if (t.kind !== "ident") continue;
    const forbidden = FORBIDDEN_NAMES.get(t.text);
    if (forbidden) return refuse(t, forbidden.code, forbidden.message);
    if (t.text === "env" && is(idx + 1, "punct", "!")) return refuse(t, "env", ENV_MESSAGE);
    if (t.text === "env" && is(idx + 1, "ident", "as"))
      return refuse(
        t,
        "env",
        "Renaming `env` with `as` would also import the env! macro, which reads the compiling machine's environment; the compile service refuses it. Write std::env::args() or `use std::env;` without `as`.",
      );
    if (inAttribute[idx]) {
      const attr = HOST_READING_ATTRIBUTES.get(t.text);
      if (attr) return refuse(t, attr.code, attr.message);
      // #[cfg(feature = "x")] is fine; #![feature(x)] enables unstable features.
      if (t.text === "feature" && is(idx + 1, "punct", "("))
        return refuse(
          t,
          "feature-attribute",
          "#![feature(...)] turns on unstable compiler features; the compile service refuses it and compiles stable Rust only. Remove the line.",
        );
    }
    if (t.text === "extern" && is(idx + 1, "ident", "crate")) {
      const name = tokens[idx + 2];
      if (!name || name.kind !== "ident" || !ALLOWED_EXTERN_CRATES.has(name.text))
        return refuse(
          t,
          "extern-crate",
          `extern crate ${name?.text ?? ""} loads a crate from the compiling machine; the compile service only has std, core and alloc. Remove the line (the standard library needs no extern crate).`,
        );
    }
    if (inReemittingMacro[idx] && MACRO_SENSITIVE.has(t.text))
      return refuse(
        t,
        "macro-reassembly",
        `\`${t.text}\` appears inside a macro. This program defines its own macro_rules! macro, which could reassemble path, link, env or feature into #[path], #[link] or env!, which read the compiling machine; the compile service refuses these words in macro arguments and bodies. Rename the variable, or move it out of the macro.`,
      );
  }
  return { ok: true };
}
