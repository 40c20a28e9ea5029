//! Quality control of a FASTQ file: a summary, the mean quality at every position, or
//! the ids of the reads that pass a length and mean-quality filter.
//!
//! Usage: main summary reads.fastq
//!        main per-position reads.fastq
//!        main filter reads.fastq MINLEN MINMEANQ
//! std only, so it compiles to WebAssembly and runs in the browser. The file is read
//! one record at a time: memory does not grow with the number of reads.

use std::env;
use std::error::Error;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process;

const USAGE: &str = "usage: main summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ";
const PHRED_OFFSET: u8 = 33;

// region: error
/// Everything that can go wrong while reading a FASTQ file.
#[derive(Debug)]
enum FastqError {
    /// The file could not be opened or read.
    Io(io::Error),
    /// Record number `record` (from 1) breaks a rule of the format on line `line`.
    Malformed {
        record: u64,
        line: u64,
        problem: Problem,
    },
}

/// The rules a record can break, in the order they are checked.
#[derive(Debug)]
enum Problem {
    Truncated { lines_read: u64 },
    BadHeader,
    MissingPlus,
    LengthMismatch { bases: usize, quals: usize },
    BadQuality(u8),
}

/// What a person reads: `{}` on a FastqError uses this.
impl fmt::Display for FastqError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FastqError::Io(e) => write!(f, "{e}"),
            FastqError::Malformed {
                record,
                line,
                problem,
            } => write!(f, "record {record} (line {line}): {problem}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Problem::Truncated { lines_read } => {
                write!(f, "the file ends after {lines_read} of its 4 lines")
            }
            Problem::BadHeader => write!(f, "header does not start with '@'"),
            Problem::MissingPlus => write!(f, "separator line does not start with '+'"),
            Problem::LengthMismatch { bases, quals } => {
                write!(f, "{quals} quality characters for {bases} bases")
            }
            Problem::BadQuality(byte) => {
                write!(f, "quality byte {byte:#04x} is not Phred+33 ('!' to '~')")
            }
        }
    }
}

/// Makes FastqError a real error type: it can be boxed as `Box<dyn Error>`, and
/// `source()` lets a caller reach the io::Error underneath.
impl Error for FastqError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            FastqError::Io(e) => Some(e),
            FastqError::Malformed { .. } => None,
        }
    }
}

/// What `?` calls when an io::Error meets a function that returns FastqError.
impl From<io::Error> for FastqError {
    fn from(e: io::Error) -> FastqError {
        FastqError::Io(e)
    }
}
// endregion

// region: record
/// The four lines of one record. The caller owns one Record and hands it to
/// `read_record` again and again: the Strings keep their memory between records.
#[derive(Default)]
struct Record {
    header: String,
    seq: String,
    plus: String,
    qual: String,
}

impl Record {
    /// The read id: the header after '@', up to the first space or tab.
    fn id(&self) -> &str {
        self.header[1..]
            .split(|c| c == ' ' || c == '\t')
            .next()
            .unwrap_or("")
    }
}
// endregion

// region: next-line
/// Reads the next line into `buffer`, without its final "\n" and any "\r" before it
/// (Windows line endings). Ok(false) at the end of the file.
fn next_line(reader: &mut impl BufRead, buffer: &mut String) -> io::Result<bool> {
    buffer.clear();
    if reader.read_line(buffer)? == 0 {
        return Ok(false);
    }
    if buffer.ends_with('\n') {
        buffer.pop();
    }
    while buffer.ends_with('\r') {
        buffer.pop();
    }
    Ok(true)
}
// endregion

// region: read-record
/// Fills `record` with record number `number`. Ok(false) at a clean end of file.
fn read_record(
    reader: &mut impl BufRead,
    record: &mut Record,
    number: u64,
) -> Result<bool, FastqError> {
    let first_line = 4 * (number - 1) + 1;
    // `?` on an io::Result: an Err(io::Error) becomes Err(FastqError::Io) via From.
    if !next_line(reader, &mut record.header)? {
        return Ok(false);
    }
    let mut lines_read = 1;
    for buffer in [&mut record.seq, &mut record.plus, &mut record.qual] {
        if !next_line(reader, buffer)? {
            let problem = Problem::Truncated { lines_read };
            return Err(FastqError::Malformed {
                record: number,
                line: first_line,
                problem,
            });
        }
        lines_read += 1;
    }
    // `?` on our own Result: map_err first turns (offset, problem) into a FastqError.
    check_record(record).map_err(|(offset, problem)| FastqError::Malformed {
        record: number,
        line: first_line + offset,
        problem,
    })?;
    Ok(true)
}
// endregion

// region: check
/// The first rule a complete record breaks, with its line within the record (0 to 3).
fn check_record(record: &Record) -> Result<(), (u64, Problem)> {
    if !record.header.starts_with('@') {
        return Err((0, Problem::BadHeader));
    }
    if !record.plus.starts_with('+') {
        return Err((2, Problem::MissingPlus));
    }
    let (bases, quals) = (record.seq.len(), record.qual.len());
    if bases != quals {
        return Err((3, Problem::LengthMismatch { bases, quals }));
    }
    let is_phred33 = |b: &u8| (b'!'..=b'~').contains(b);
    if let Some(&byte) = record.qual.as_bytes().iter().find(|b| !is_phred33(b)) {
        return Err((3, Problem::BadQuality(byte)));
    }
    Ok(())
}
// endregion

// region: stream
/// Calls `on_record` for every record of the file, in order, reusing one Record.
fn for_each_record(path: &str, mut on_record: impl FnMut(&Record)) -> Result<(), FastqError> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut record = Record::default();
    let mut number = 1;
    while read_record(&mut reader, &mut record, number)? {
        on_record(&record);
        number += 1;
    }
    Ok(())
}
// endregion

/// num/den rounded half up on the exact fraction to `decimals` places; "NA" for x/0.
/// Integers on purpose: `{:.4}` rounds the nearest f64 half to even, and Python and R
/// must be able to follow the same rule exactly.
fn format_ratio(numerator: u64, denominator: u64, decimals: u32) -> String {
    if denominator == 0 {
        return "NA".to_string();
    }
    let scale = 10u64.pow(decimals);
    let scaled = (2 * numerator * scale + denominator) / (2 * denominator);
    format!(
        "{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = decimals as usize
    )
}

// region: summary
fn summary(path: &str) -> Result<Vec<String>, FastqError> {
    let (mut reads, mut bases, mut gc, mut acgt, mut q20) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for_each_record(path, |record| {
        reads += 1;
        bases += record.seq.len() as u64;
        for base in record.seq.bytes() {
            match base.to_ascii_uppercase() {
                b'G' | b'C' => {
                    gc += 1;
                    acgt += 1;
                }
                b'A' | b'T' => acgt += 1,
                _ => {}
            }
        }
        q20 += record
            .qual
            .bytes()
            .filter(|&b| b - PHRED_OFFSET >= 20)
            .count() as u64;
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
// endregion

// region: per-position
fn per_position(path: &str) -> Result<Vec<String>, FastqError> {
    // Index i holds position i + 1. Both vectors grow when a longer read turns up,
    // so nobody needs to know the longest read before reading the file.
    let mut sums: Vec<u64> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    for_each_record(path, |record| {
        let qual = record.qual.as_bytes();
        if qual.len() > sums.len() {
            sums.resize(qual.len(), 0);
            counts.resize(qual.len(), 0);
        }
        for (i, &byte) in qual.iter().enumerate() {
            sums[i] += u64::from(byte - PHRED_OFFSET);
            counts[i] += 1;
        }
    })?;
    let mut rows = vec!["position\tmean_quality".to_string()];
    for (i, (&sum, &count)) in sums.iter().zip(&counts).enumerate() {
        rows.push(format!("{}\t{}", i + 1, format_ratio(sum, count, 2)));
    }
    Ok(rows)
}
// endregion

// region: filter
fn filter(path: &str, min_len: u64, min_mean_q: u64) -> Result<Vec<String>, FastqError> {
    let mut rows = vec!["id".to_string()];
    let mut total = 0;
    for_each_record(path, |record| {
        total += 1;
        let len = record.qual.len() as u64;
        let sum: u64 = record
            .qual
            .bytes()
            .map(|b| u64::from(b - PHRED_OFFSET))
            .sum();
        // mean >= MINMEANQ, compared exactly as sum >= MINMEANQ * length: no division.
        if len >= min_len && len > 0 && sum >= min_mean_q * len {
            // to_string() copies the id out of the record, whose buffers are reused.
            rows.push(record.id().to_string());
        }
    })?;
    let passed = rows.len() - 1;
    rows.push(format!("# {passed} of {total} reads passed"));
    Ok(rows)
}
// endregion

/// MINLEN or MINMEANQ: digits only, at most 9 of them.
fn whole_number(name: &str, text: &str) -> Result<u64, String> {
    let digits_only =
        !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits_only {
        return Err(format!(
            "{name} must be a whole number (digits only), got '{text}'\n{USAGE}"
        ));
    }
    Ok(text.parse().expect("up to 9 digits always fit in a u64"))
}

// region: main
/// Runs one command; every error comes back as the message to print.
fn run(args: &[&str]) -> Result<Vec<String>, String> {
    // The path goes in front of file errors here, where it is known.
    let in_file = |path: &str, e: FastqError| format!("{path}: {e}");
    match args {
        ["summary", path] => summary(path).map_err(|e| in_file(path, e)),
        ["per-position", path] => per_position(path).map_err(|e| in_file(path, e)),
        ["filter", path, min_len, min_mean_q] => {
            let min_len = whole_number("MINLEN", min_len)?;
            let min_mean_q = whole_number("MINMEANQ", min_mean_q)?;
            filter(path, min_len, min_mean_q).map_err(|e| in_file(path, e))
        }
        _ => Err(USAGE.to_string()),
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // Nothing is printed until the whole file has been read: a malformed record
    // leaves stdout empty instead of half a table.
    let rows = match run(&args) {
        Ok(rows) => rows,
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let written = rows.iter().try_for_each(|row| writeln!(out, "{row}"));
    if let Err(e) = written.and_then(|_| out.flush()) {
        eprintln!("error: cannot write output: {e}");
        process::exit(1);
    }
}
// endregion
