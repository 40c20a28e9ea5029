//! FASTQ quality control (summary, per-position, filter), with the rust-bio crate
//! (`bio`) doing the parsing.
//!
//! Written against bio 3.0.0, the release module 01 uses (4.0.0 changed alignment
//! scoring, not bio::io::fastq): `fastq::Reader::from_file(path)` returns an
//! `anyhow::Result<Reader<_>>`, `.records()` iterates over `fastq::Result<Record>`, and
//! `Record::check()` tests what the reader does not. Build and run from ecosystem/rust/:
//!     cargo run --release --bin bio_qc -- filter ../../data/reads.fastq 75 25
//! Prints exactly what ../../rust/main.rs prints for a well-formed file. Two differences
//! on bad input: the reader accepts multi-line FASTQ, so it reads sequence lines until
//! one starts with '+', and a lost '+' line surfaces as a later, stranger error; and
//! sequence and quality lengths are only compared by `check()`.

use bio::io::fastq;
use std::env;
use std::io::{self, BufWriter, Write};
use std::process;

const USAGE: &str = "usage: bio_qc summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ";

/// Calls `on_record(id, seq, qual)` for every record, in file order.
fn for_each_record(
    path: &str,
    mut on_record: impl FnMut(&str, &[u8], &[u8]),
) -> Result<(), String> {
    // {:#} prints anyhow's whole chain: "Failed to read fastq from ...: can't open ...".
    let reader = fastq::Reader::from_file(path).map_err(|e| format!("{path}: {e:#}"))?;
    // Each Record owns its Strings, so this is a plain Iterator and `for` works; the
    // price is new allocations for every record.
    for (index, result) in reader.records().enumerate() {
        let number = index + 1;
        // fastq::Error: "expected '@' at record start", "Incomplete record. ...".
        let record = result.map_err(|e| format!("{path}: record {number}: {e}"))?;
        // An empty id, non-ASCII bytes, or "Unequal length of sequence an qualities."
        record
            .check()
            .map_err(|e| format!("{path}: record {number}: {e}"))?;
        let qual = record.qual();
        if let Some(&byte) = qual.iter().find(|b| !(b'!'..=b'~').contains(*b)) {
            return Err(format!(
                "{path}: record {number}: quality byte {byte:#04x} is not Phred+33 ('!' to '~')"
            ));
        }
        // id() stops at the first space only; this task's id also stops at a tab.
        let id = record.id().split('\t').next().unwrap_or_default();
        on_record(id, record.seq(), qual);
    }
    Ok(())
}

/// num/den rounded half up on the exact fraction; "NA" when den is 0.
fn format_ratio(numerator: u64, denominator: u64, decimals: u32) -> String {
    if denominator == 0 {
        return "NA".to_string();
    }
    let scale = 10u64.pow(decimals);
    let scaled = (2 * numerator * scale + denominator) / (2 * denominator);
    let width = decimals as usize;
    format!("{}.{:0width$}", scaled / scale, scaled % scale)
}

fn phred(byte: u8) -> u64 {
    u64::from(byte - b'!')
}

fn summary(path: &str) -> Result<Vec<String>, String> {
    let (mut reads, mut bases, mut gc, mut acgt, mut q20) = (0, 0, 0, 0, 0);
    for_each_record(path, |_, seq, qual| {
        reads += 1;
        bases += seq.len() as u64;
        for base in seq {
            match base.to_ascii_uppercase() {
                b'G' | b'C' => {
                    gc += 1;
                    acgt += 1;
                }
                b'A' | b'T' => acgt += 1,
                _ => {}
            }
        }
        q20 += qual.iter().filter(|&&b| phred(b) >= 20).count() as u64;
    })?;
    Ok(vec![
        "reads\tbases\tmean_length\tgc\tq20_fraction".to_string(),
        format!(
            "{reads}\t{bases}\t{}\t{}\t{}",
            format_ratio(bases, reads, 2),
            format_ratio(gc, acgt, 4),
            format_ratio(q20, bases, 4)
        ),
    ])
}

fn per_position(path: &str) -> Result<Vec<String>, String> {
    let mut sums: Vec<u64> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    for_each_record(path, |_, _, qual| {
        if qual.len() > sums.len() {
            sums.resize(qual.len(), 0);
            counts.resize(qual.len(), 0);
        }
        for (i, &byte) in qual.iter().enumerate() {
            sums[i] += phred(byte);
            counts[i] += 1;
        }
    })?;
    let mut rows = vec!["position\tmean_quality".to_string()];
    for (i, (&sum, &count)) in sums.iter().zip(&counts).enumerate() {
        rows.push(format!("{}\t{}", i + 1, format_ratio(sum, count, 2)));
    }
    Ok(rows)
}

fn filter(path: &str, min_len: u64, min_mean_q: u64) -> Result<Vec<String>, String> {
    let mut rows = vec!["id".to_string()];
    let mut total = 0;
    for_each_record(path, |id, _, qual| {
        total += 1;
        let len = qual.len() as u64;
        let sum: u64 = qual.iter().map(|&b| phred(b)).sum();
        if len >= min_len && len > 0 && sum >= min_mean_q * len {
            rows.push(id.to_string());
        }
    })?;
    let passed = rows.len() - 1;
    rows.push(format!("# {passed} of {total} reads passed"));
    Ok(rows)
}

fn whole_number(name: &str, text: &str) -> Result<u64, String> {
    let ok = !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return Err(format!(
            "{name} must be a whole number (digits only), got '{text}'\n{USAGE}"
        ));
    }
    text.parse().map_err(|e| format!("{name}: {e}"))
}

fn run(args: &[&str]) -> Result<Vec<String>, String> {
    match args {
        ["summary", path] => summary(path),
        ["per-position", path] => per_position(path),
        ["filter", path, min_len, min_mean_q] => {
            let min_len = whole_number("MINLEN", min_len)?;
            let min_mean_q = whole_number("MINMEANQ", min_mean_q)?;
            filter(path, min_len, min_mean_q)
        }
        _ => Err(USAGE.to_string()),
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let rows = run(&args).unwrap_or_else(|message| {
        eprintln!("error: {message}");
        process::exit(1);
    });
    let mut out = BufWriter::new(io::stdout().lock());
    let written = rows.iter().try_for_each(|row| writeln!(out, "{row}"));
    if let Err(e) = written.and_then(|_| out.flush()) {
        eprintln!("error: cannot write output: {e}");
        process::exit(1);
    }
}
