//! {{title}}: core solution (Rust std only; must compile with rustc 1.63 for wasm32-wasi).
use std::env;
use std::fs;
use std::process;

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: main <input>");
        process::exit(1);
    }
    let text = match fs::read_to_string(&args[1]) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {}: {}", args[1], e);
            process::exit(1);
        }
    };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    println!("lines\t{}", lines);
}
