//! Pipeline stage 2: count the canonical k-mers of the reads in a FASTQ file and write the
//! profile as a table: every canonical k-mer of length K with its count, zeros included.
//!
//! Usage: main filtered.fastq profile.tsv K
//! std only, so it compiles to WebAssembly and runs in the browser. A k-mer and its
//! reverse complement are the same double-stranded sequence, so each is counted under its
//! canonical form, the alphabetically smaller of the two (module 02). Windows that hold a
//! letter other than A, C, G or T (an N) are skipped; lowercase counts as uppercase.

use std::env;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::process;

const USAGE: &str = "usage: main READS.fastq PROFILE.tsv K";
const MAX_K: usize = 8;

// region: code
/// A base as two bits, in alphabetical order: A = 0, C = 1, G = 2, T = 3; None for N
/// and every other letter. So a k-mer is a number below 4^k, and numeric order is
/// alphabetical order.
fn base_code(byte: u8) -> Option<usize> {
    match byte.to_ascii_uppercase() {
        b'A' => Some(0),
        b'C' => Some(1),
        b'G' => Some(2),
        b'T' => Some(3),
        _ => None,
    }
}

/// The reverse complement of a k-mer code: complementing a base is 3 - code.
fn reverse_complement(code: usize, k: usize) -> usize {
    let mut rc = 0;
    let mut rest = code;
    for _ in 0..k {
        rc = (rc << 2) | (3 - (rest & 3));
        rest >>= 2;
    }
    rc
}
// endregion

// region: count
/// Forward k-mer counts, indexed by code, over every read of `path`; also the number of
/// windows counted and of reads.
fn count_kmers(path: &str, k: usize) -> Result<(Vec<u64>, u64, u64), String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut counts = vec![0u64; 1 << (2 * k)];
    let mask = (1 << (2 * k)) - 1;
    let (mut windows, mut reads) = (0, 0);
    let mut line = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if read == 0 {
            break;
        }
        line_no += 1;
        let record = (line_no + 3) / 4;
        match line_no % 4 {
            1 if !line.starts_with(b"@") => {
                let first = 4 * record - 3;
                return Err(format!(
                    "{path}: record {record} (line {first}): header does not start with '@'"
                ));
            }
            2 => {
                reads += 1;
                // A rolling code: shift in each base; a non-ACGT letter restarts the window.
                let (mut code, mut filled) = (0, 0);
                for &byte in line.iter().take_while(|&&b| b != b'\n' && b != b'\r') {
                    match base_code(byte) {
                        Some(base) => {
                            code = ((code << 2) | base) & mask;
                            filled += 1;
                            if filled >= k {
                                counts[code] += 1;
                                windows += 1;
                            }
                        }
                        None => filled = 0,
                    }
                }
            }
            _ => {}
        }
    }
    if line_no % 4 != 0 {
        let record = line_no / 4 + 1;
        let (first, lines_read) = (4 * record - 3, line_no % 4);
        return Err(format!("{path}: record {record} (line {first}): the file ends after {lines_read} of its 4 lines"));
    }
    Ok((counts, windows, reads))
}
// endregion

// region: profile
/// Every canonical k-mer in alphabetical order, as TSV text, and how many were seen.
fn canonical_profile(counts: &[u64], k: usize) -> (String, usize, usize) {
    let mut text = String::from("kmer\tcount\n");
    let (mut rows, mut seen) = (0, 0);
    for code in 0..counts.len() {
        let rc = reverse_complement(code, k);
        if code > rc {
            continue; // counted under its reverse complement
        }
        // A palindrome (code == rc) is one k-mer, found on both strands at once.
        let count = if code == rc {
            counts[code]
        } else {
            counts[code] + counts[rc]
        };
        let kmer: String = (0..k)
            .rev()
            .map(|i| ['A', 'C', 'G', 'T'][(code >> (2 * i)) & 3])
            .collect();
        let _ = writeln!(text, "{kmer}\t{count}");
        rows += 1;
        if count > 0 {
            seen += 1;
        }
    }
    (text, seen, rows)
}
// endregion

// region: main
fn run(args: &[String]) -> Result<(), String> {
    if args.len() != 3 {
        return Err(USAGE.to_string());
    }
    let (source, target, k_text) = (&args[0], &args[1], &args[2]);
    let k = match k_text.parse::<usize>() {
        Ok(k) if (1..=MAX_K).contains(&k) && k_text.len() == 1 => k,
        _ => {
            return Err(format!(
                "K must be a whole number from 1 to {MAX_K}, got '{k_text}'"
            ))
        }
    };
    let (counts, windows, reads) = count_kmers(source, k)?;
    let (text, seen, rows) = canonical_profile(&counts, k);
    fs::write(target, text).map_err(|e| format!("cannot write {target}: {e}"))?;
    println!("kmer-profile: {windows} {k}-mers in {reads} reads; {seen} of {rows} canonical {k}-mers seen");
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
