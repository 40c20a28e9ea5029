//! Pipeline stage 1 with the needletail crate: keep the reads of 75+ bases with mean
//! quality >= 25 and write them back as FASTQ.
//!
//! Written against needletail 0.7.3 (the latest release on docs.rs when written):
//! `parse_fastx_file(path)` gives a `Box<dyn FastxReader>` whose `next()` lends one
//! `SequenceRecord` at a time; `qual()` is `Some(&[u8])` for FASTQ, and
//! `write(&mut writer, None)` writes the record back with its own line ending: `@`, the
//! whole header, the sequence, `+` and the qualities. Built by
//! exercises/13-capstone/ecosystem/rust/Cargo.toml:
//!     cargo run --release --bin needletail_filter -- ../../data/reads.fastq filtered.fastq 75 25
//! Writes the same bytes as ../../rust/main.rs for a well-formed file.

use needletail::parse_fastx_file;
use std::env;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::process;

fn run(
    source: &str,
    target: &str,
    min_len: u64,
    min_mean_q: u64,
) -> Result<(u64, u64), Box<dyn Error>> {
    let mut reader = parse_fastx_file(source)?;
    let mut out = BufWriter::new(File::create(target)?);
    let (mut kept, mut total) = (0, 0);
    // Not a `for` loop: each record borrows the reader's buffer until the next call.
    while let Some(result) = reader.next() {
        let record = result?;
        total += 1;
        let qual = record.qual().unwrap_or(&[]);
        let length = qual.len() as u64;
        let quality_sum: u64 = qual.iter().map(|&q| u64::from(q.saturating_sub(33))).sum();
        // Whole numbers, compared without division: mean >= MINMEANQ <=> sum >= MINMEANQ * length.
        if length >= min_len && length > 0 && quality_sum >= min_mean_q * length {
            record.write(&mut out, None)?;
            kept += 1;
        }
    }
    out.flush()?;
    Ok((kept, total))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.len() != 4 {
        eprintln!("usage: needletail_filter READS.fastq OUT.fastq MINLEN MINMEANQ");
        process::exit(1);
    }
    let numbers = (args[2].parse::<u64>(), args[3].parse::<u64>());
    let (min_len, min_mean_q) = match numbers {
        (Ok(min_len), Ok(min_mean_q)) => (min_len, min_mean_q),
        _ => {
            eprintln!("error: MINLEN and MINMEANQ must be whole numbers");
            process::exit(1);
        }
    };
    match run(&args[0], &args[1], min_len, min_mean_q) {
        Ok((kept, total)) => println!(
            "qc-filter: kept {kept} of {total} reads (length >= {min_len}, mean quality >= {min_mean_q})"
        ),
        Err(e) => {
            eprintln!("error: {}: {e}", args[0]);
            process::exit(1);
        }
    }
}
