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

mod qc_report;

const USAGE: &str = "usage: bio_qc summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ";

/// Calls `on_record(id, seq, qual)` for every record, in file order.
fn for_each_record(
    path: &str,
    on_record: &mut dyn FnMut(&[u8], &[u8], &[u8]),
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
        on_record(id.as_bytes(), record.seq(), qual);
    }
    Ok(())
}

fn main() {
    qc_report::main(for_each_record, USAGE);
}
