//! Module 02's `kmers` command as a plain Rust program, counting with the very code that
//! the page's Python and R reach through the WebAssembly kernel (kernel/kmers.wasm).
//!
//! Usage: main kmers genome.fasta K N
//! std only, so it compiles to WebAssembly (WASI) and runs in the browser.

// region: shared
// The counter is not copied here: these lines compile the kmer-core crate's source as a
// module of this program, exactly as kernel/kmers.rs does for the page's kernel.
#[path = "../ecosystem/rust/kmer_core.rs"]
mod kmer_core;

use kmer_core::{top_kmers_tsv, KmerError, RECORD_SEPARATOR};
// endregion
use std::env;
use std::fs;
use std::io::{self, Write};
use std::process;

const USAGE: &str = "usage: main kmers <fasta> <k> <n>";

/// Every record's sequence in one buffer, records separated by a newline: the layout the
/// counter takes, and the one the kernel's callers copy across the boundary.
fn read_sequences(path: &str) -> Result<Vec<u8>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut seqs: Vec<u8> = Vec::with_capacity(text.len());
    let mut records = 0;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with('>') {
            if records > 0 {
                seqs.push(RECORD_SEPARATOR);
            }
            records += 1;
        } else if !line.is_empty() {
            if records == 0 {
                let line_no = index + 1;
                return Err(format!(
                    "{path} line {line_no}: sequence before the first '>' header"
                ));
            }
            seqs.extend_from_slice(line.as_bytes());
        }
    }
    Ok(seqs)
}

/// The value of a whole number written with digits only; `None` for anything else. Too
/// large for a `u64` becomes `u64::MAX`, which every rule then treats as too large.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.parse().unwrap_or(u64::MAX))
}

// region: run
fn run(path: &str, k_text: &str, n_text: &str) -> Result<String, String> {
    let k_rule = format!("k must be a whole number from 1 to 32, got '{k_text}'");
    let n_rule = format!("n must be a whole number of at least 1, got '{n_text}'");
    // Parsing the text is the caller's job; the rules about k and n are the counter's.
    let k = digits(k_text).ok_or_else(|| k_rule.clone())?;
    let n = digits(n_text).ok_or_else(|| n_rule.clone())?;
    let seqs = read_sequences(path)?;
    let as_usize = |value: u64| usize::try_from(value).unwrap_or(usize::MAX);
    top_kmers_tsv(&seqs, as_usize(k), as_usize(n)).map_err(|error| match error {
        KmerError::KOutOfRange { .. } => k_rule,
        KmerError::NZero => n_rule,
        KmerError::KLongerThanEveryRecord { k, longest } => {
            format!("k = {k} is longer than every sequence in {path} (longest: {longest})")
        }
    })
}
// endregion

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["kmers", path, k, n] => run(path, k, n),
        _ => {
            eprintln!("{USAGE}");
            process::exit(1);
        }
    };
    match result {
        Ok(table) => {
            let mut stdout = io::stdout().lock();
            if let Err(e) = stdout
                .write_all(table.as_bytes())
                .and_then(|_| stdout.flush())
            {
                eprintln!("error: cannot write output: {e}");
                process::exit(1);
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    }
}
