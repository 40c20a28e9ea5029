//! Length and GC content of every record in a FASTA file, printed as TSV, with the
//! rust-bio crate (`bio`) doing the parsing.
//!
//! Written against bio 3.0.0 (the latest release on docs.rs when written):
//! `bio::io::fasta::Reader::from_file(path)` returns an `anyhow::Result<Reader<_>>`, and
//! `.records()` iterates over `io::Result<Record>`. Build and run from ecosystem/rust/:
//!     cargo run --release --bin bio_gc -- ../../data/records.fasta
//! Prints exactly what ../../rust/main.rs prints.

use bio::io::fasta;
use std::env;
use std::io::{self, BufWriter, Write};
use std::process;

/// The two numbers GC content needs; N, R, Y, S, W, ... are in neither.
#[derive(Default)]
struct Counts {
    gc: u64,
    acgt: u64,
}

impl Counts {
    fn of(seq: &[u8]) -> Counts {
        let mut counts = Counts::default();
        for &base in seq {
            match base.to_ascii_uppercase() {
                b'G' | b'C' => {
                    counts.gc += 1;
                    counts.acgt += 1;
                }
                b'A' | b'T' => counts.acgt += 1,
                _ => {}
            }
        }
        counts
    }
}

struct Row {
    id: String,
    length: u64,
    counts: Counts,
}

/// Reads every record before anything is printed, so an error leaves stdout empty.
fn read_rows(path: &str) -> Result<Vec<Row>, String> {
    // {:#} prints anyhow's whole chain: "Failed to read fasta from ...: No such file ...".
    let reader =
        fasta::Reader::from_file(path).map_err(|e| format!("cannot read {path}: {e:#}"))?;
    let mut rows = Vec::new();
    // Unlike needletail, each Record owns its id and sequence, so this is a plain
    // Iterator and `for` works; the price is one allocation per record.
    for result in reader.records() {
        // "Expected > at record start." for text before the first header.
        let record = result.map_err(|e| format!("{path}: {e}"))?;
        // id() is already the header up to the first whitespace ("" for "> desc").
        if record.id().is_empty() {
            let number = rows.len() + 1;
            return Err(format!("{path} record {number}: header has an empty id"));
        }
        // seq() is every sequence line joined, each with its trailing whitespace (and
        // so any "\r") trimmed: the residues, as a byte slice.
        let seq = record.seq();
        rows.push(Row {
            id: record.id().to_string(),
            length: seq.len() as u64,
            counts: Counts::of(seq),
        });
    }
    Ok(rows)
}

/// num/den with 4 decimals, rounded half up on the exact fraction; "NA" for 0/0.
fn format_ratio(numerator: u64, denominator: u64) -> String {
    if denominator == 0 {
        return "NA".to_string();
    }
    let scaled = (2 * numerator * 10_000 + denominator) / (2 * denominator);
    format!("{}.{:04}", scaled / 10_000, scaled % 10_000)
}

fn write_table(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    writeln!(out, "id\tlength\tgc")?;
    let mut total = Counts::default();
    let mut total_length = 0;
    for row in rows {
        let gc = format_ratio(row.counts.gc, row.counts.acgt);
        writeln!(out, "{}\t{}\t{gc}", row.id, row.length)?;
        total_length += row.length;
        total.gc += row.counts.gc;
        total.acgt += row.counts.acgt;
    }
    let gc = format_ratio(total.gc, total.acgt);
    writeln!(out, "TOTAL\t{total_length}\t{gc}")?;
    out.flush()
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: bio_gc <fasta-file>");
        process::exit(1);
    }
    let result = read_rows(&args[1]).and_then(|rows| {
        let mut out = BufWriter::new(io::stdout().lock());
        write_table(&mut out, &rows).map_err(|e| format!("cannot write output: {e}"))
    });
    if let Err(message) = result {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
