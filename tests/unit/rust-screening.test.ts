import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES, screenRustSource } from "../../src/lib/rust-screening.ts";

/** The refusal's code and position, for compact expectations. */
function refusal(source: string) {
  const r = screenRustSource(source);
  return r.ok ? "ok" : { code: r.code, line: r.line, column: r.column };
}

describe("screenRustSource refuses what reads the compiling machine", () => {
  it.each([
    ['fn main() { let s = include_str!("/etc/passwd"); }', "include-str", 1, 21],
    ['fn main() { let b = include_bytes!("data.bin"); }', "include-bytes", 1, 21],
    ['include!("other.rs");\nfn main() {}', "include", 1, 1],
    ['fn main() { let h = env!("HOME"); }', "env", 1, 21],
    ['fn main() { let h = option_env!("HOME"); }', "option-env", 1, 21],
  ])("%s", (source, code, line, column) => {
    expect(refusal(source)).toEqual({ code, line, column });
  });

  it("reports line and column (in characters) on later lines", () => {
    const source = 'fn main() {\n    // é\n    let s = "é"; let t = include_str!("x");\n}';
    expect(refusal(source)).toEqual({ code: "include-str", line: 3, column: 26 });
  });

  it("sees through paths, whitespace, comments and raw identifiers", () => {
    expect(refusal('fn main() { std::include_str!("x"); }')).toMatchObject({ code: "include-str" });
    expect(refusal('fn main() { core::env !("HOME"); }')).toMatchObject({
      code: "env",
      column: 19,
    });
    expect(refusal('fn main() { env /* hi */ ! ("HOME"); }')).toMatchObject({ code: "env" });
    expect(refusal('fn main() { r#include_bytes!("x"); }')).toMatchObject({
      code: "include-bytes",
    });
    expect(refusal('fn main() { println!("{}", concat!(env!("HOME"), "/x")); }')).toMatchObject({
      code: "env",
    });
  });

  it("refuses renames that would import the macros under another name", () => {
    expect(refusal("use std::include_str as s;\nfn main() {}")).toMatchObject({
      code: "include-str",
      line: 1,
      column: 10,
    });
    expect(refusal('use std::env as e;\nfn main() { e!("HOME"); }')).toMatchObject({
      code: "env",
      line: 1,
      column: 10,
    });
    expect(refusal("use std::{env as e};\nfn main() {}")).toMatchObject({ code: "env" });
  });

  it("refuses #[path] in every spelling, also inside cfg_attr", () => {
    expect(refusal('#[path = "/etc/passwd"]\nmod x;\nfn main() {}')).toEqual({
      code: "path-attribute",
      line: 1,
      column: 3,
    });
    expect(refusal('#[path="/etc/passwd"] mod x;')).toMatchObject({ code: "path-attribute" });
    expect(refusal('#[cfg_attr(all(), path = "/x.rs")] mod x;')).toMatchObject({
      code: "path-attribute",
      column: 19,
    });
    expect(refusal('mod a {\n    #![path = "/x"]\n}')).toMatchObject({
      code: "path-attribute",
      line: 2,
      column: 8,
    });
  });

  it("refuses #![feature], but not cfg(feature = ...)", () => {
    expect(refusal("#![feature(test)]\nfn main() {}")).toEqual({
      code: "feature-attribute",
      line: 1,
      column: 4,
    });
    expect(refusal("#![cfg_attr(all(), feature(never_type))]")).toMatchObject({
      code: "feature-attribute",
    });
    expect(refusal('#[cfg(feature = "fast")]\nfn f() {}\nfn main() {}')).toBe("ok");
  });

  it("refuses #[link] and #[link_args], allows #[link_name]", () => {
    expect(
      refusal('#[link(name = "m", kind = "static")]\nextern "C" { fn sin(x: f64) -> f64; }'),
    ).toEqual({
      code: "link-attribute",
      line: 1,
      column: 3,
    });
    expect(refusal('#[link_args = "-x"] extern "C" {}')).toMatchObject({ code: "link-attribute" });
    expect(refusal('extern "C" { #[link_name = "foo"] fn f(); }\nfn main() {}')).toBe("ok");
  });

  it("refuses #[debugger_visualizer]", () => {
    expect(refusal('#![debugger_visualizer(gdb_script_file = "/etc/x.py")]')).toMatchObject({
      code: "debugger-visualizer",
    });
  });

  it("allows extern crate std/core/alloc only", () => {
    expect(
      refusal("extern crate alloc;\nextern crate core;\nextern crate std as s;\nfn main() {}"),
    ).toBe("ok");
    expect(refusal("extern crate alloc;\nextern crate proc_macro;")).toEqual({
      code: "extern-crate",
      line: 2,
      column: 1,
    });
    expect(refusal("extern crate libc;")).toMatchObject({ code: "extern-crate" });
    expect(refusal('extern "C" { fn abs(x: i32) -> i32; }\nfn main() {}')).toBe("ok");
  });

  it("refuses the words a user macro could reassemble into #[path] or env!", () => {
    const reassembling = `macro_rules! m { ($a:tt, $b:tt) => { #[$a $b "/etc/passwd"] mod x; }; }
m!(path, =);`;
    expect(refusal(reassembling)).toEqual({ code: "macro-reassembly", line: 2, column: 4 });
    expect(
      refusal('macro_rules! m { ($n:tt) => { $n!("HOME") } }\nfn main() { m!(env); }'),
    ).toMatchObject({
      code: "macro-reassembly",
      line: 2,
    });
    // Without a user macro, or in println!, these are ordinary variable names.
    expect(refusal('fn main() { let path = "data.fasta"; println!("{}", path); }')).toBe("ok");
    expect(
      refusal(
        'macro_rules! sq { ($x:expr) => { $x * $x }; }\nfn main() { let path = "a"; println!("{} {}", path, sq!(2)); }',
      ),
    ).toBe("ok");
    // ...unless println itself was redefined.
    expect(
      refusal("macro_rules! println { ($($t:tt)*) => {}; }\nfn main() { println!(path); }"),
    ).toMatchObject({
      code: "macro-reassembly",
    });
  });

  it("messages say what to do instead", () => {
    const r = screenRustSource('fn main() { include_str!("x"); }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/string literal|mounted input files/);
  });
});

describe("screenRustSource lets the words through where they are not code", () => {
  it.each([
    ["line comment", '// include_str!("x") env!("HOME") #[path = "x"]\nfn main() {}'],
    [
      "doc comments",
      '/// Unlike include_str!, this reads at run time.\n//! env!("X")\nfn main() {}',
    ],
    [
      "nested block comment",
      '/* outer /* include!("x") */ still comment env!("A") */\nfn main() {}',
    ],
    ["block doc comment", '/** #[path = "x"] mod y; */\nfn main() {}'],
    ["string", 'fn main() { println!("include_str!(\\"x\\") and env!(\\"HOME\\")"); }'],
    ["string with escaped quote", 'fn main() { let s = "a \\" include!(x) \\" b"; let _ = s; }'],
    [
      "multi-line string",
      'fn main() { let s = "line\n#![feature(x)]\nextern crate libc;"; let _ = s; }',
    ],
    ["raw string", 'fn main() { let s = r"include_bytes!(\\"x\\")"; let _ = s; }'],
    ["raw string with hashes", 'fn main() { let s = r#"say "env!("X")" here"#; let _ = s; }'],
    ["raw string, two hashes", 'fn main() { let s = r##"a "# option_env!("X") "##; let _ = s; }'],
    ["byte string", 'fn main() { let b = b"include_str!(x)"; let _ = b; }'],
    ["raw byte string", 'fn main() { let b = br#"env!("HOME")"#; let _ = b; }'],
    [
      "char literals",
      "fn main() { let q = '\"'; let e = '\\''; let b = b'\"'; let u = '\\u{22}'; let _ = (q, e, b, u); }",
    ],
    [
      "std::env module",
      'use std::env;\nfn main() { let args: Vec<String> = env::args().collect(); let _ = std::env::var("X"); let _ = args; }',
    ],
    [
      "other macros",
      'fn main() { let v = vec![1]; assert_eq!(v.len(), 1); println!("{}", file!()); }',
    ],
    [
      "words as parts of names",
      "fn main() { let included = 1; let env_name = 2; let my_path = 3; let _ = (included, env_name, my_path); }",
    ],
    ["shebang line", "#!/usr/bin/env run-cargo-script\nfn main() {}"],
  ])("%s", (_name, source) => {
    expect(screenRustSource(source)).toEqual({ ok: true });
  });

  it("does not mistake lifetimes and labels for char literals", () => {
    // If 'a were read as the start of a char literal, the quote in the string
    // after it would be misread and env! would be hidden or invented.
    const source = `struct S<'a> { s: &'a str }
fn f<'a, 'b: 'a>(x: &'a str, _y: &'b str) -> &'a str { x }
fn main() {
    'outer: loop { break 'outer; }
    let s: &'static str = "'"; let _ = (s, f("a", "b"), S { s: "x" }.s);
}`;
    expect(screenRustSource(source)).toEqual({ ok: true });
    expect(
      refusal(`fn f<'a>(x: &'a str) -> &'a str { x }\nfn main() { env!("X"); }`),
    ).toMatchObject({
      code: "env",
      line: 2,
      column: 13,
    });
  });

  it("does not let a fake shebang hide the first line", () => {
    expect(refusal('#! [allow(unused)] fn main() { include_str!("x"); }')).toMatchObject({
      code: "include-str",
    });
    expect(refusal('#!/*c*/[allow(unused)] fn main() { env!("X"); }')).toMatchObject({
      code: "env",
    });
  });

  it("finds code right after a comment or string ends", () => {
    expect(refusal('/* a /* b */ c */ include!("x");')).toMatchObject({
      code: "include",
      column: 19,
    });
    expect(refusal('fn main() { let _ = r#"x"#; env!("A"); }')).toMatchObject({
      code: "env",
      column: 29,
    });
    expect(refusal("fn main() { let _ = '\\''; env!(\"A\"); }")).toMatchObject({
      code: "env",
      column: 27,
    });
  });
});

describe("source size cap", () => {
  it("takes exactly 64 KiB and refuses one byte more", () => {
    const body = "fn main() {}\n";
    const atCap = body + "/".repeat(MAX_SOURCE_BYTES - body.length);
    expect(screenRustSource(atCap)).toEqual({ ok: true });
    expect(refusal(atCap + "/")).toEqual({ code: "source-too-large", line: 1, column: 1 });
  });

  it("counts UTF-8 bytes, not characters", () => {
    const source = "// " + "é".repeat(MAX_SOURCE_BYTES / 2); // 2 bytes each
    expect(refusal(source)).toMatchObject({ code: "source-too-large" });
  });
});
