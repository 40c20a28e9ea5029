//! Pipeline stage 1: keep the reads of a FASTQ file that pass a length and mean-quality
//! filter, and write them to a new FASTQ file.
//!
//! Usage: main reads.fastq filtered.fastq MINLEN MINMEANQ
//! std only, so it compiles to WebAssembly and runs in the browser. The rules are module
//! 04's: 4 lines per record, Phred+33 qualities, and a read passes when its length is at
//! least MINLEN and its mean quality at least MINMEANQ, compared exactly.

use std::env;
use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::process;

const USAGE: &str = "usage: main READS.fastq OUT.fastq MINLEN MINMEANQ";
const PHRED_OFFSET: u64 = 33;

/// Reads the next line into `buffer` without its "\n" and any "\r" before it.
/// Ok(false) at the end of the file.
fn next_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>) -> Result<bool, String> {
    buffer.clear();
    let read = reader
        .read_until(b'\n', buffer)
        .map_err(|e| e.to_string())?;
    while buffer.last() == Some(&b'\n') || buffer.last() == Some(&b'\r') {
        buffer.pop();
    }
    Ok(read > 0)
}

// region: filter
/// Streams the records of `path` and returns the passing ones as FASTQ bytes (separator
/// line reduced to "+"), with how many were kept and read. Nothing is written here:
/// the caller writes the file once the whole input has been checked.
fn filter_fastq(path: &str, min_len: u64, min_mean_q: u64) -> Result<(Vec<u8>, u64, u64), String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = BufReader::new(file);
    // Four buffers, refilled for every record: no allocation per read.
    let mut lines: [Vec<u8>; 4] = Default::default();
    let mut out = Vec::new();
    let (mut kept, mut total) = (0, 0);
    loop {
        let record = total + 1;
        let first_line = 4 * record - 3;
        let fail = |line: u64, problem: String| {
            format!("{path}: record {record} (line {line}): {problem}")
        };
        let mut lines_read = 0;
        for buffer in lines.iter_mut() {
            if !next_line(&mut reader, buffer).map_err(|e| format!("cannot read {path}: {e}"))? {
                break;
            }
            lines_read += 1;
        }
        match lines_read {
            0 => break, // a clean end of file
            4 => {}
            n => {
                return Err(fail(
                    first_line,
                    format!("the file ends after {n} of its 4 lines"),
                ))
            }
        }
        total += 1;
        let [header, seq, plus, qual] = &lines;
        if !header.starts_with(b"@") {
            return Err(fail(
                first_line,
                "header does not start with '@'".to_string(),
            ));
        }
        if !plus.starts_with(b"+") {
            return Err(fail(
                first_line + 2,
                "separator line does not start with '+'".to_string(),
            ));
        }
        if seq.len() != qual.len() {
            let problem = format!("{} quality characters for {} bases", qual.len(), seq.len());
            return Err(fail(first_line + 3, problem));
        }
        if let Some(byte) = qual.iter().find(|&&b| !(b'!'..=b'~').contains(&b)) {
            let problem = format!("quality byte {byte:#04x} is not Phred+33 ('!' to '~')");
            return Err(fail(first_line + 3, problem));
        }
        let length = qual.len() as u64;
        let quality_sum: u64 = qual.iter().map(|&b| b as u64 - PHRED_OFFSET).sum();
        // mean >= MINMEANQ, compared exactly as sum >= MINMEANQ * length: no division.
        if length >= min_len && length > 0 && quality_sum >= min_mean_q * length {
            kept += 1;
            for part in [&header[..], b"\n", seq, b"\n+\n", qual, b"\n"] {
                out.extend_from_slice(part);
            }
        }
    }
    Ok((out, kept, total))
}
// endregion

fn whole_number(name: &str, text: &str) -> Result<u64, String> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{name} must be a whole number (digits only), got '{text}'\n{USAGE}"
        ));
    }
    Ok(text.parse().expect("nine digits fit a u64"))
}

// region: main
fn run(args: &[String]) -> Result<(), String> {
    if args.len() != 4 {
        return Err(USAGE.to_string());
    }
    let (source, target) = (&args[0], &args[1]);
    let min_len = whole_number("MINLEN", &args[2])?;
    let min_mean_q = whole_number("MINMEANQ", &args[3])?;
    let (fastq, kept, total) = filter_fastq(source, min_len, min_mean_q)?;
    // Written only once the whole input has been read: a bad record leaves no half file.
    fs::write(target, fastq).map_err(|e| format!("cannot write {target}: {e}"))?;
    println!("qc-filter: kept {kept} of {total} reads (length >= {min_len}, mean quality >= {min_mean_q})");
    Ok(())
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if let Err(message) = run(&args) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
