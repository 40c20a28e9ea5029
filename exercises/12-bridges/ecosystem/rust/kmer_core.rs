//! kmer-core: the k-mer counter of module 02 as a small library crate, in safe Rust.
//! Canonical k-mers become 2-bit codes in a `u64`, are counted in a `HashMap`, and the
//! N most frequent come back as a table.
//!
//! One source, four front doors, so "the same kernel" is literally the same code:
//! - kernel/kmers.rs compiles this file as a module (`#[path]`) behind `extern "C"`
//!   functions: kernel/kmers.wasm, which Python (Pyodide) and R (webR) call in the page;
//! - rust/main.rs compiles it the same way into a plain command-line program;
//! - ecosystem/pyo3-kmers and ecosystem/extendr-kmers depend on this crate (its manifest is
//!   ecosystem/rust/Cargo.toml) by path, and wrap it for CPython and for R.
//!
//! So it is std only, compiles with rustc 1.63, and never names `crate::`.
//!
//! The input is one byte buffer: every record's sequence, records separated by a newline.
//! A newline cannot be a base, so no k-mer spans two records; N and every other byte
//! that is not A, C, G or T (in either case) ends the current window in the same way.

use std::collections::HashMap;
use std::fmt;

/// What separates two records in the input buffer.
pub const RECORD_SEPARATOR: u8 = b'\n';

/// A `u64` holds 32 bases at 2 bits each.
pub const MAX_K: usize = 32;

// region: errors
/// Why there is no table. The kernel turns each into a negative number for its callers;
/// the bindings turn it into a Python exception or an R error.
#[derive(Debug, PartialEq, Eq)]
pub enum KmerError {
    /// k is not from 1 to 32.
    KOutOfRange { k: usize },
    /// n is 0, which asks for an empty table.
    NZero,
    /// Every record is shorter than k, so there is no window to count.
    KLongerThanEveryRecord { k: usize, longest: usize },
}

impl fmt::Display for KmerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KmerError::KOutOfRange { k } => write!(f, "k must be from 1 to {MAX_K}, got {k}"),
            KmerError::NZero => write!(f, "n must be at least 1"),
            KmerError::KLongerThanEveryRecord { k, longest } => write!(
                f,
                "k = {k} is longer than every sequence (longest: {longest})"
            ),
        }
    }
}
// endregion

/// One row of the table: a canonical k-mer and how often it occurs.
#[derive(Debug, PartialEq, Eq)]
pub struct KmerCount {
    pub kmer: String,
    pub count: u64,
}

// region: encode
/// A base as a 2-bit number: A = 0, C = 1, G = 2, T = 3, soft-masked (lowercase) bases
/// alike; `None` for N, IUPAC codes and the record separator.
fn base_code(base: u8) -> Option<u64> {
    match base {
        b'A' | b'a' => Some(0),
        b'C' | b'c' => Some(1),
        b'G' | b'g' => Some(2),
        b'T' | b't' => Some(3),
        _ => None,
    }
}

/// Calls `found` with the canonical code of every k-mer of `seqs` that holds only bases.
/// Both strands' codes roll: each new base shifts in, so a 31-mer costs what a 5-mer does.
fn for_each_canonical(seqs: &[u8], k: usize, mut found: impl FnMut(u64)) {
    let mask = if k == 32 {
        u64::MAX
    } else {
        (1u64 << (2 * k)) - 1
    };
    let (mut forward, mut reverse, mut run) = (0u64, 0u64, 0);
    for &base in seqs {
        match base_code(base) {
            Some(code) => {
                forward = ((forward << 2) | code) & mask;
                reverse = (reverse >> 2) | ((3 - code) << (2 * (k - 1)));
                run += 1;
                if run >= k {
                    found(forward.min(reverse));
                }
            }
            None => run = 0,
        }
    }
}

fn decode(code: u64, k: usize) -> String {
    (0..k)
        .rev()
        .map(|i| b"ACGT"[((code >> (2 * i)) & 3) as usize] as char)
        .collect()
}
// endregion

// region: top
/// The `n` most frequent canonical k-mers of `seqs`, by count descending, ties by k-mer.
/// The rules about k and n live here, once, for every caller.
pub fn top_kmers(seqs: &[u8], k: usize, n: usize) -> Result<Vec<KmerCount>, KmerError> {
    if k == 0 || k > MAX_K {
        return Err(KmerError::KOutOfRange { k });
    }
    if n == 0 {
        return Err(KmerError::NZero);
    }
    let longest = seqs
        .split(|&b| b == RECORD_SEPARATOR)
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    if k > longest {
        return Err(KmerError::KLongerThanEveryRecord { k, longest });
    }
    let mut counts: HashMap<u64, u64> = HashMap::new();
    for_each_canonical(seqs, k, |code| *counts.entry(code).or_insert(0) += 1);
    let mut pairs: Vec<(u64, u64)> = counts.into_iter().collect();
    // Count descending, then code ascending: 2-bit codes sort like the k-mers' letters.
    let order = |a: &(u64, u64), b: &(u64, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if n < pairs.len() {
        pairs.select_nth_unstable_by(n, order);
        pairs.truncate(n);
    }
    pairs.sort_by(order);
    Ok(pairs
        .into_iter()
        .map(|(code, count)| KmerCount {
            kmer: decode(code, k),
            count,
        })
        .collect())
}

/// The same table as text: the header `kmer\tcount`, then one `kmer\tcount` line per row.
pub fn top_kmers_tsv(seqs: &[u8], k: usize, n: usize) -> Result<String, KmerError> {
    let mut table = String::from("kmer\tcount\n");
    for row in top_kmers(seqs, k, n)? {
        table.push_str(&row.kmer);
        table.push('\t');
        table.push_str(&row.count.to_string());
        table.push('\n');
    }
    Ok(table)
}
// endregion

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(seqs: &[u8], k: usize, n: usize) -> Vec<(String, u64)> {
        let rows = top_kmers(seqs, k, n).expect("a table");
        rows.into_iter().map(|r| (r.kmer, r.count)).collect()
    }

    #[test]
    fn a_kmer_and_its_reverse_complement_are_counted_together() {
        // TTGCA's reverse complement is TGCAA, the smaller of the two.
        assert_eq!(pairs(b"TTGCA", 5, 10), [("TGCAA".to_string(), 1)]);
        assert_eq!(pairs(b"TTGCA\nTGCAA", 5, 10), [("TGCAA".to_string(), 2)]);
    }

    #[test]
    fn soft_masked_bases_count_and_n_breaks_windows() {
        // Windows: acg, cgN, gNN, NNt, Nta, tac: only ACG and TAC (as GTA) have no N.
        assert_eq!(
            pairs(b"acgNNtac", 3, 10),
            [("ACG".to_string(), 1), ("GTA".to_string(), 1)]
        );
    }

    #[test]
    fn no_kmer_spans_two_records() {
        assert_eq!(pairs(b"AC\nGT", 2, 10), [("AC".to_string(), 2)]);
    }

    #[test]
    fn counts_rank_first_then_ties_go_to_the_alphabetically_first_kmer() {
        // GGG is CCC read on the other strand, so CCC occurs twice and beats AAA.
        assert_eq!(pairs(b"CCC\nAAA\nGGG", 3, 1), [("CCC".to_string(), 2)]);
        // CAT counts as ATG and GAT as ATC: a tie at 1, and ATC comes first.
        assert_eq!(pairs(b"CAT\nGAT", 3, 1), [("ATC".to_string(), 1)]);
    }

    #[test]
    fn k_can_be_32() {
        let seq = b"ACGTACGTACGTACGTACGTACGTACGTACGT";
        assert_eq!(pairs(seq, 32, 1)[0].1, 1);
    }

    #[test]
    fn the_rules_are_checked_here() {
        assert_eq!(
            top_kmers(b"ACGT", 0, 1),
            Err(KmerError::KOutOfRange { k: 0 })
        );
        assert_eq!(
            top_kmers(b"ACGT", 33, 1),
            Err(KmerError::KOutOfRange { k: 33 })
        );
        assert_eq!(top_kmers(b"ACGT", 2, 0), Err(KmerError::NZero));
        assert_eq!(
            top_kmers(b"ACGT\nACGTNNNN", 9, 1),
            Err(KmerError::KLongerThanEveryRecord { k: 9, longest: 8 })
        );
        assert_eq!(
            top_kmers_tsv(b"", 1, 1),
            Err(KmerError::KLongerThanEveryRecord { k: 1, longest: 0 })
        );
    }

    #[test]
    fn the_table_has_a_header_and_one_line_per_kmer() {
        assert_eq!(
            top_kmers_tsv(b"AAAA", 2, 5).unwrap(),
            "kmer\tcount\nAA\t3\n"
        );
    }
}
