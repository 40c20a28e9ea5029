//! Length and GC content of every record in a FASTA file, printed as TSV.
//!
//! Usage: main records.fasta
//! std only, so it compiles to WebAssembly and runs in the browser.

use std::env;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process;

// region: counts
/// The only two numbers GC content needs; N, R, Y, S, W, ... are in neither.
/// u64, not usize: on wasm32 a usize is 32 bits, and genomes pass 4 billion bases.
#[derive(Default)]
struct BaseCounts {
    gc: u64,
    at: u64,
}

impl BaseCounts {
    fn add_line(&mut self, line: &str) {
        // Bytes, not chars: FASTA is ASCII, and a byte match compiles to a jump table.
        for byte in line.bytes() {
            match byte {
                b'G' | b'C' | b'g' | b'c' => self.gc += 1,
                b'A' | b'T' | b'a' | b't' => self.at += 1,
                _ => {}
            }
        }
    }
}
// endregion

struct Record {
    id: String,
    seq_len: u64,
    counts: BaseCounts,
}

impl Record {
    fn new(id: &str) -> Record {
        // to_string() copies the id out of the line buffer, which is reused.
        Record {
            id: id.to_string(),
            seq_len: 0,
            counts: BaseCounts::default(),
        }
    }
}

// region: parse
/// Reads `path` line by line, keeping counts, never the sequence itself. Errors are
/// values (`Err(message)`), returned early with `?` instead of thrown.
fn parse_fasta(path: &str) -> Result<Vec<Record>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut records: Vec<Record> = Vec::new();
    // region: buffer
    // One String owned by this function and refilled for every line: no allocation
    // per line, unlike Python's `for line in handle`, which makes a new str each time.
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let bytes_read = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if bytes_read == 0 {
            break; // end of file
        }
        line_no += 1;
        // A &str view into `line`, without "\n" or the "\r" of Windows files.
        let text = line.trim_end();
        // endregion
        if let Some(header) = text.strip_prefix('>') {
            let id = header.split(char::is_whitespace).next().unwrap_or("");
            if id.is_empty() {
                return Err(format!("{path} line {line_no}: header has an empty id"));
            }
            records.push(Record::new(id));
        } else if !text.is_empty() {
            // Blank lines are skipped; text before any header is an error.
            let record = records.last_mut().ok_or_else(|| {
                format!("{path} line {line_no}: sequence text before the first '>' header")
            })?;
            record.seq_len += text.bytes().filter(|b| !b.is_ascii_whitespace()).count() as u64;
            record.counts.add_line(text);
        }
    }
    Ok(records)
}
// endregion

/// GC content as an exact fraction (numerator, denominator): no float yet.
fn gc_fraction(counts: &BaseCounts) -> (u64, u64) {
    (counts.gc, counts.gc + counts.at)
}

// region: format
/// num/den with 4 decimals, rounded half up on the exact fraction; "NA" for 0/0.
/// Integers on purpose: `{:.4}` rounds the nearest f64 half to even (1/32 = 0.03125
/// prints 0.0312), and Python and R must be able to follow the same rule exactly.
fn format_ratio(numerator: u64, denominator: u64) -> String {
    if denominator == 0 {
        return "NA".to_string();
    }
    let scaled = (2 * numerator * 10_000 + denominator) / (2 * denominator);
    format!("{}.{:04}", scaled / 10_000, scaled % 10_000)
}
// endregion

fn write_table(out: &mut impl Write, records: &[Record]) -> io::Result<()> {
    writeln!(out, "id\tlength\tgc")?;
    let mut total_len = 0;
    let mut total = BaseCounts::default();
    for record in records {
        let (num, den) = gc_fraction(&record.counts);
        let gc = format_ratio(num, den);
        writeln!(out, "{}\t{}\t{gc}", record.id, record.seq_len)?;
        total_len += record.seq_len;
        total.gc += record.counts.gc;
        total.at += record.counts.at;
    }
    let (num, den) = gc_fraction(&total);
    writeln!(out, "TOTAL\t{total_len}\t{}", format_ratio(num, den))?;
    out.flush() // BufWriter would flush on drop too, but would swallow the error
}

// region: main
fn run(path: &str) -> Result<(), String> {
    let records = parse_fasta(path)?;
    // println! locks stdout and may flush per line; one locked, buffered writer
    // is what makes printing thousands of rows cheap.
    let mut out = BufWriter::new(io::stdout().lock());
    write_table(&mut out, &records).map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: main <fasta-file>");
        process::exit(1);
    }
    // process::exit skips destructors, so it only runs once `run` has returned.
    if let Err(message) = run(&args[1]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
