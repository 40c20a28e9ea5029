//! Canonical k-mer counts and motif hits on both strands, printed as TSV, with rust-bio
//! (`bio`) reading the FASTA and matching the motif, and needletail making the k-mers.
//!
//! Written against bio 4.0.0 and needletail 0.7.3 (the latest releases on docs.rs when
//! written; the bio API used here is unchanged since 3.0.0, 4.0's break is in alignment):
//! - `bio::io::fasta::Reader::from_file(path)` -> `anyhow::Result<Reader<_>>`, whose
//!   `.records()` yields `io::Result<Record>` with `id()` and `seq()` (case as in the file);
//! - `bio::alphabets::dna::revcomp(text)` -> `Vec<u8>`;
//! - `bio::pattern_matching::kmp::KMP::new(pattern).find_all(text)`: an iterator over the
//!   0-based starts of every match, overlapping ones included;
//! - needletail's `Sequence` trait: `normalize(false)` upper-cases and turns every letter
//!   but A, C, G, T into N; `bit_kmers(k, true)` yields `(position, (code, k), was_rc)`
//!   for every k-mer without an N, `code` the canonical 2-bit k-mer (A=0 C=1 G=2 T=3);
//!   `bitkmer::bitmer_to_bytes((code, k))` spells it out again.
//!
//! Build and run from ecosystem/rust/:
//!     cargo run --release -- kmers ../../data/genome.fasta 21 10
//! Prints exactly what ../../rust/main.rs prints.

use bio::alphabets::dna;
use bio::io::fasta;
use bio::pattern_matching::kmp::KMP;
use needletail::bitkmer::bitmer_to_bytes;
use needletail::Sequence;
use std::collections::HashMap;
use std::env;
use std::io::{self, BufWriter, Write};
use std::process;

const USAGE: &str =
    "usage: kmers_motifs kmers <fasta> <k> <n> | kmers_motifs motif <fasta> <pattern>";

/// (id, sequence) of every record, read before anything is printed.
fn read_records(path: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    // {:#} prints anyhow's whole chain: "Failed to read fasta from ...: No such file ...".
    let reader =
        fasta::Reader::from_file(path).map_err(|e| format!("cannot read {path}: {e:#}"))?;
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| format!("{path}: {e}"))?;
        records.push((record.id().to_string(), record.seq().to_vec()));
    }
    Ok(records)
}

fn whole_number(text: &str, name: &str, low: u64, high: Option<u64>) -> Result<u64, String> {
    let value = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        Some(text.parse::<u64>().unwrap_or(u64::MAX))
    } else {
        None
    };
    match value {
        Some(v) if v >= low && high.map_or(true, |h| v <= h) => Ok(v),
        _ => {
            let rule = match high {
                Some(h) => format!("from {low} to {h}"),
                None => format!("of at least {low}"),
            };
            Err(format!(
                "{name} must be a whole number {rule}, got '{text}'"
            ))
        }
    }
}

fn kmers(path: &str, k_text: &str, n_text: &str) -> Result<Vec<String>, String> {
    let k = whole_number(k_text, "k", 1, Some(32))?;
    // needletail 0.7.3 masks its codes with 2^(2k) - 1 computed in a u64, which overflows
    // at k = 32 (a panic in debug builds): check a library's limits before you trust it.
    if k == 32 {
        return Err("k = 32 is beyond needletail's 2-bit k-mers; use k up to 31".to_string());
    }
    let n = usize::try_from(whole_number(n_text, "n", 1, None)?).unwrap_or(usize::MAX);
    let records = read_records(path)?;
    let longest = records.iter().map(|(_, seq)| seq.len()).max().unwrap_or(0);
    if k as usize > longest {
        return Err(format!(
            "k = {k} is longer than every sequence in {path} (longest: {longest})"
        ));
    }
    let mut counts: HashMap<u64, u64> = HashMap::new();
    for (_, seq) in &records {
        let normalized = seq.normalize(false);
        // `canonical = true`: each code is already the smaller of the two strands'.
        for (_, (code, _), _) in normalized.bit_kmers(k as u8, true) {
            *counts.entry(code).or_insert(0) += 1;
        }
    }
    let mut top: Vec<(u64, u64)> = counts.into_iter().collect();
    // 2-bit codes sort like the k-mers' letters, so ties go to the smaller code.
    top.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(n);
    let mut lines = vec!["kmer\tcount".to_string()];
    for (code, count) in top {
        let kmer = bitmer_to_bytes((code, k as u8));
        lines.push(format!("{}\t{count}", String::from_utf8_lossy(&kmer)));
    }
    Ok(lines)
}

fn motif(path: &str, pattern: &str) -> Result<Vec<String>, String> {
    let pattern = pattern.to_ascii_uppercase();
    if pattern.is_empty() {
        return Err("pattern is empty: give a motif of A, C, G and T".to_string());
    }
    if let Some(bad) = pattern.chars().find(|c| !"ACGT".contains(*c)) {
        return Err(format!(
            "pattern {pattern} contains '{bad}': use only A, C, G and T"
        ));
    }
    let minus = dna::revcomp(pattern.as_bytes());
    let (plus_kmp, minus_kmp) = (KMP::new(pattern.as_bytes()), KMP::new(&minus));
    let mut lines = vec!["id\tstrand\tposition".to_string()];
    for (id, seq) in read_records(path)? {
        // KMP compares bytes exactly, so soft-masked bases must be upper-cased first.
        let seq = seq.to_ascii_uppercase();
        let mut hits: Vec<(usize, char)> = plus_kmp.find_all(&seq).map(|p| (p, '+')).collect();
        hits.extend(minus_kmp.find_all(&seq).map(|p| (p, '-')));
        hits.sort(); // by position, then strand: '+' sorts before '-'
        lines.extend(
            hits.into_iter()
                .map(|(position, strand)| format!("{id}\t{strand}\t{position}")),
        );
    }
    Ok(lines)
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["kmers", path, k, n] => kmers(path, k, n),
        ["motif", path, pattern] => motif(path, pattern),
        _ => {
            eprintln!("{USAGE}");
            process::exit(1);
        }
    };
    let lines = result.unwrap_or_else(|message| {
        eprintln!("error: {message}");
        process::exit(1);
    });
    let mut out = BufWriter::new(io::stdout().lock());
    let written = lines
        .iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|_| out.flush());
    if let Err(e) = written {
        eprintln!("error: cannot write output: {e}");
        process::exit(1);
    }
}
