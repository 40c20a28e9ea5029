//! FASTQ quality control (summary, per-position, filter), with the needletail crate
//! doing the parsing.
//!
//! Written against needletail 0.7.3 (the latest release on docs.rs when written):
//! `parse_fastx_file(path)` gives a `Box<dyn FastxReader>`, whose `next()` returns
//! `Option<Result<SequenceRecord, ParseError>>`; for a FASTQ record `qual()` is
//! `Some(&[u8])`, the raw Phred+33 bytes. Build and run from ecosystem/rust/:
//!     cargo run --release --bin needletail_qc -- per-position ../../data/reads.fastq
//! Prints exactly what ../../rust/main.rs prints for a well-formed file. needletail itself
//! rejects a header without '@', a missing '+' line, unequal lengths and a truncated
//! record, naming the line; it does not check the quality bytes, so this file does.

use needletail::errors::ParseErrorKind;
use needletail::parse_fastx_file;
use std::env;
use std::io::{self, BufWriter, Write};
use std::process;

const USAGE: &str =
    "usage: needletail_qc summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ";

/// Calls `on_record(id, seq, qual)` for every record, in file order.
fn for_each_record(
    path: &str,
    mut on_record: impl FnMut(&[u8], &[u8], &[u8]),
) -> Result<(), String> {
    let mut reader = match parse_fastx_file(path) {
        Ok(reader) => reader,
        // needletail refuses input shorter than 2 bytes; for this task it has no reads.
        Err(e) if e.kind == ParseErrorKind::EmptyFile => return Ok(()),
        Err(e) => return Err(format!("{path}: {e}")),
    };
    let mut number = 0;
    // Each record borrows the reader's buffer, so `while let`, not `for` (see module 01).
    while let Some(result) = reader.next() {
        number += 1;
        // ParseError's Display names the line, and the record's id when it has one.
        let record = result.map_err(|e| format!("{path}: record {number}: {e}"))?;
        let qual = record
            .qual()
            .ok_or_else(|| format!("{path}: record {number}: a FASTA record, not FASTQ"))?;
        if let Some(&byte) = qual.iter().find(|b| !(b'!'..=b'~').contains(*b)) {
            return Err(format!(
                "{path}: record {number}: quality byte {byte:#04x} is not Phred+33 ('!' to '~')"
            ));
        }
        // id() is the whole header after '@'; the read id ends at the first space or tab.
        let header = record.id();
        let id = header
            .split(|&b| b == b' ' || b == b'\t')
            .next()
            .unwrap_or_default();
        // seq() is a Cow: for FASTQ it borrows the buffer, no copy.
        on_record(id, &record.seq(), qual);
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
            // The id borrows the reader's buffer: copy it before the next record.
            rows.push(String::from_utf8_lossy(id).into_owned());
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
