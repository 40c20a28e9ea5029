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

mod qc_report;

const USAGE: &str =
    "usage: needletail_qc summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ";

/// Calls `on_record(id, seq, qual)` for every record, in file order.
fn for_each_record(
    path: &str,
    on_record: &mut dyn FnMut(&[u8], &[u8], &[u8]),
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

fn main() {
    qc_report::main(for_each_record, USAGE);
}
