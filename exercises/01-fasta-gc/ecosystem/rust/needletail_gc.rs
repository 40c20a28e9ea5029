//! Length and GC content of every record in a FASTA file, printed as TSV, with the
//! needletail crate doing the parsing.
//!
//! Written against needletail 0.7.3 (the latest release on docs.rs when written):
//! `parse_fastx_file(path)` gives a `Box<dyn FastxReader>`, whose `next()` returns
//! `Option<Result<SequenceRecord, ParseError>>`. Build and run from ecosystem/rust/:
//!     cargo run --release --bin needletail_gc -- ../../data/records.fasta
//! Prints exactly what ../../rust/main.rs prints.

use needletail::errors::ParseErrorKind;
use needletail::parse_fastx_file;
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
    let mut reader = match parse_fastx_file(path) {
        Ok(reader) => reader,
        // needletail refuses input shorter than 2 bytes; for this task it has no records.
        Err(e) if e.kind == ParseErrorKind::EmptyFile => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {path}: {e}")),
    };
    let mut rows = Vec::new();
    // `next()` is not Iterator::next: each record borrows the reader's buffer, so it
    // must be used (or copied) before the next call. Hence `while let`, not `for`.
    while let Some(result) = reader.next() {
        let record = result.map_err(|e| format!("{path}: {e}"))?;
        // id() is the whole header line after '>', description included.
        let header = record.id();
        let id = header
            .split(|b| b.is_ascii_whitespace())
            .next()
            .unwrap_or_default();
        if id.is_empty() {
            let number = rows.len() + 1;
            return Err(format!("{path} record {number}: header has an empty id"));
        }
        rows.push(Row {
            id: String::from_utf8_lossy(id).into_owned(),
            // Residues without the line breaks, counted without copying the sequence.
            length: record.num_bases() as u64,
            // seq() joins the lines: a Cow that borrows when the record is one line.
            counts: Counts::of(&record.seq()),
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
        eprintln!("usage: needletail_gc <fasta-file>");
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
