//! Token ids of the universe regions that each query region overlaps, printed as TSV, with
//! gtars (LeRoy et al. 2025) doing the tokenizing.
//!
//! Written against gtars-tokenizers 0.5.3 and gtars-core 0.5, checked on docs.rs:
//! `Tokenizer::from_bed(path) -> Result<Tokenizer, TokenizerError>` reads a BED3 universe
//! (token id = line index, then 7 special tokens such as `<unk>` after the last region) and
//! builds one BITS index per chromosome; `encode(&[Region]) -> Result<Vec<u32>, _>` gives
//! the ids of every universe region overlapping any of the regions (half-open,
//! `start < end && end > start`), or the `<unk>` id when there is none. Build and run
//! from ecosystem/rust/:
//!     cargo run --release --bin gtars_tokens -- ../../data/universe.bed ../../data/queries.bed
//! Prints exactly what ../../rust/main.rs prints.

use gtars_core::models::Region;
use gtars_tokenizers::Tokenizer;
use std::collections::HashMap;
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

/// gtars does not check what this task requires of a universe (sorted, non-overlapping
/// on each chromosome), nor does it read "#" lines in a universe; so we look first.
fn check_universe(path: &str) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut previous_end: HashMap<&str, u32> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let line_no = index + 1;
        if fields.len() != 3 {
            return Err(format!(
                "{path} line {line_no}: expected 3 tab-separated fields (BED3, the universe layout gtars reads as ids in file order)"
            ));
        }
        let start: u32 = parse(fields[1], path, line_no)?;
        let end: u32 = parse(fields[2], path, line_no)?;
        if let Some(&last) = previous_end.get(fields[0]) {
            if start < last {
                return Err(format!(
                    "{path} line {line_no}: {}:{start}-{end} starts before the previous {} region ends ({last}); \
                     the universe must be sorted and non-overlapping",
                    fields[0], fields[0]
                ));
            }
        }
        previous_end.insert(fields[0], end);
    }
    Ok(())
}

/// A coordinate: ASCII digits only. gtars stores coordinates as u32 (genomes up to 4.29 Gb per chromosome).
fn parse(text: &str, path: &str, line_no: usize) -> Result<u32, String> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse() {
        Ok(value) if digits => Ok(value),
        _ => Err(format!(
            "{path} line {line_no}: '{text}' is not a whole number"
        )),
    }
}

/// Query regions (chrom, start, end, name), skipping blank, "#", "track" and "browser"
/// lines. The name goes in `rest`, which gtars carries along and does not read.
fn read_queries(path: &str) -> Result<Vec<Region>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut queries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let skipped = ["#", "track", "browser"];
        if line.trim().is_empty() || skipped.iter().any(|p| line.starts_with(p)) {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 4 {
            return Err(format!(
                "{path} line {line_no}: expected at least 4 tab-separated fields (chrom, start, end, name), found {}",
                fields.len()
            ));
        }
        let (start, end) = (
            parse(fields[1], path, line_no)?,
            parse(fields[2], path, line_no)?,
        );
        if start >= end {
            return Err(format!(
                "{path} line {line_no}: start ({start}) must be less than end ({end})"
            ));
        }
        queries.push(Region {
            chr: fields[0].to_string(),
            start,
            end,
            rest: Some(fields[3].to_string()),
        });
    }
    Ok(queries)
}

fn run(universe_path: &str, queries_path: &str) -> Result<(), String> {
    check_universe(universe_path)?;
    let tokenizer = Tokenizer::from_bed(universe_path)
        .map_err(|e| format!("cannot read {universe_path}: {e}"))?;
    let unk = tokenizer.get_unk_token_id();
    let queries = read_queries(queries_path)?;

    let mut out = BufWriter::new(io::stdout().lock());
    let write_error = |e: io::Error| format!("cannot write output: {e}");
    writeln!(out, "query\ttokens").map_err(write_error)?;
    for query in &queries {
        // One query at a time: encode() pools the tokens of all the regions it is given.
        let mut ids = tokenizer
            .encode(std::slice::from_ref(query))
            .map_err(|e| format!("cannot tokenize {}: {e}", query.chr))?;
        ids.sort_unstable(); // BITS returns them in start order; the task wants id order
        let tokens = if ids == [unk] {
            "UNK".to_string()
        } else {
            let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
            ids.join(",")
        };
        let name = query.rest.as_deref().unwrap_or_default();
        writeln!(out, "{name}\t{tokens}").map_err(write_error)?;
    }
    out.flush().map_err(write_error)
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: gtars_tokens <universe.bed> <queries.bed>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
