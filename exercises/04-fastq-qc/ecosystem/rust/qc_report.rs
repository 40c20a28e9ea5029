//! The half of the QC program that does not depend on the FASTQ parser: summary,
//! per-position and filter over the records a parser hands out, the command line and the
//! output. needletail_qc.rs and bio_qc.rs each bring a parser and include this file with
//! `mod qc_report;`, so the two programs differ only where the crates do.

use std::env;
use std::io::{self, BufWriter, Write};
use std::process;

/// A parser: calls `on_record(id, seq, qual)` for every record of the file at `path`, in
/// file order, and returns the first error as a message naming the file and the record.
pub type ForEachRecord = fn(&str, &mut dyn FnMut(&[u8], &[u8], &[u8])) -> Result<(), String>;

/// num/den rounded half up on the exact fraction; "NA" when den is 0.
pub fn format_ratio(numerator: u64, denominator: u64, decimals: u32) -> String {
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

fn summary(for_each_record: ForEachRecord, path: &str) -> Result<Vec<String>, String> {
    let (mut reads, mut bases, mut gc, mut acgt, mut q20) = (0, 0, 0, 0, 0);
    for_each_record(path, &mut |_, seq, qual| {
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

fn per_position(for_each_record: ForEachRecord, path: &str) -> Result<Vec<String>, String> {
    let mut sums: Vec<u64> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    for_each_record(path, &mut |_, _, qual| {
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

fn filter(
    for_each_record: ForEachRecord,
    path: &str,
    min_len: u64,
    min_mean_q: u64,
) -> Result<Vec<String>, String> {
    let mut rows = vec!["id".to_string()];
    let mut total = 0;
    for_each_record(path, &mut |id, _, qual| {
        total += 1;
        let len = qual.len() as u64;
        let sum: u64 = qual.iter().map(|&b| phred(b)).sum();
        if len >= min_len && len > 0 && sum >= min_mean_q * len {
            // The id may borrow the parser's buffer: copy it before the next record.
            rows.push(String::from_utf8_lossy(id).into_owned());
        }
    })?;
    let passed = rows.len() - 1;
    rows.push(format!("# {passed} of {total} reads passed"));
    Ok(rows)
}

fn whole_number(name: &str, text: &str, usage: &str) -> Result<u64, String> {
    let ok = !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return Err(format!(
            "{name} must be a whole number (digits only), got '{text}'\n{usage}"
        ));
    }
    text.parse().map_err(|e| format!("{name}: {e}"))
}

fn run(for_each_record: ForEachRecord, usage: &str, args: &[&str]) -> Result<Vec<String>, String> {
    match args {
        ["summary", path] => summary(for_each_record, path),
        ["per-position", path] => per_position(for_each_record, path),
        ["filter", path, min_len, min_mean_q] => {
            let min_len = whole_number("MINLEN", min_len, usage)?;
            let min_mean_q = whole_number("MINMEANQ", min_mean_q, usage)?;
            filter(for_each_record, path, min_len, min_mean_q)
        }
        _ => Err(usage.to_string()),
    }
}

/// The whole program around a parser: reads the command line, runs the command, prints
/// its rows, or prints the error and exits with status 1.
pub fn main(for_each_record: ForEachRecord, usage: &str) {
    let args: Vec<String> = env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let rows = run(for_each_record, usage, &args).unwrap_or_else(|message| {
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
