//! Pipeline stage 2 with the needletail crate: the canonical k-mer profile of a FASTQ file.
//!
//! Written against needletail 0.7.3 (the latest release on docs.rs when written): the
//! `Sequence` trait gives `normalize(false)` (uppercase, anything but A/C/G/T/N becomes
//! N), `reverse_complement()`, and `canonical_kmers(k, &rc)`, which yields every window
//! without an N as (position, canonical k-mer, whether it was complemented) — the smaller
//! of the window and its reverse complement, as this task defines it. Built by
//! exercises/13-capstone/ecosystem/rust/Cargo.toml:
//!     cargo run --release --bin needletail_kmers -- filtered.fastq profile.tsv 4
//! Writes the same bytes as ../../rust/main.rs.

use needletail::{parse_fastx_file, Sequence};
use std::collections::HashMap;
use std::env;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::process;

/// Every k-mer of length k, in alphabetical order.
fn all_kmers(k: usize) -> Vec<Vec<u8>> {
    let mut kmers = vec![Vec::new()];
    for _ in 0..k {
        kmers = kmers
            .into_iter()
            .flat_map(|prefix| {
                b"ACGT".iter().map(move |&base| {
                    let mut next = prefix.clone();
                    next.push(base);
                    next
                })
            })
            .collect();
    }
    kmers
}

fn run(source: &str, target: &str, k: u8) -> Result<(u64, u64), Box<dyn Error>> {
    let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
    let (mut windows, mut reads) = (0, 0);
    let mut reader = parse_fastx_file(source)?;
    while let Some(result) = reader.next() {
        let record = result?;
        reads += 1;
        let seq = record.normalize(false);
        let rc = seq.reverse_complement();
        for (_, kmer, _) in seq.canonical_kmers(k, &rc) {
            *counts.entry(kmer.to_vec()).or_insert(0) += 1;
            windows += 1;
        }
    }
    let mut out = BufWriter::new(File::create(target)?);
    writeln!(out, "kmer\tcount")?;
    for kmer in all_kmers(usize::from(k)) {
        // A k-mer is listed under its canonical form only: skip those whose reverse
        // complement sorts first.
        if kmer.reverse_complement() < kmer {
            continue;
        }
        let count = counts.get(&kmer).copied().unwrap_or(0);
        writeln!(out, "{}\t{count}", String::from_utf8_lossy(&kmer))?;
    }
    out.flush()?;
    Ok((windows, reads))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let k = match args.get(2).map(|k| k.parse::<u8>()) {
        Some(Ok(k)) if (1..=8).contains(&k) && args.len() == 3 => k,
        _ => {
            eprintln!("usage: needletail_kmers READS.fastq PROFILE.tsv K (K from 1 to 8)");
            process::exit(1);
        }
    };
    match run(&args[0], &args[1], k) {
        Ok((windows, reads)) => println!("kmer-profile: {windows} {k}-mers in {reads} reads"),
        Err(e) => {
            eprintln!("error: {}: {e}", args[0]);
            process::exit(1);
        }
    }
}
