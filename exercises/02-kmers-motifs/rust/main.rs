//! Canonical k-mer counts and motif hits on both strands of the records of a FASTA file.
//!
//! Usage: main kmers genome.fasta K N
//!        main motif genome.fasta PATTERN
//! std only, so it compiles to WebAssembly and runs in the browser.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::io::{self, Write};
use std::process;

const USAGE: &str = "usage: main kmers <fasta> <k> <n> | main motif <fasta> <pattern>";

// region: read
struct Record {
    /// Owned text: it outlives the file contents it was read from.
    id: String,
    /// The residues as bytes, upper-cased: one `u8` per base, no UTF-8 to decode.
    seq: Vec<u8>,
}

fn read_fasta(path: &str) -> Result<Vec<Record>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut records: Vec<Record> = Vec::new();
    // `text` owns the file; every `line` is a &str that borrows a piece of it.
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if let Some(header) = line.strip_prefix('>') {
            let id = header.split(char::is_whitespace).next().unwrap_or("");
            records.push(Record {
                id: id.to_string(),
                seq: Vec::new(),
            });
        } else if !line.is_empty() {
            let record = records.last_mut().ok_or_else(|| {
                format!(
                    "{path} line {}: sequence before the first '>' header",
                    index + 1
                )
            })?;
            // Soft-masked (lowercase) bases are bases too.
            record
                .seq
                .extend(line.bytes().map(|b| b.to_ascii_uppercase()));
        }
    }
    Ok(records)
}
// endregion

/// A whole number from `low` up to `high` (no limit for `None`), written with digits only.
fn whole_number(text: &str, name: &str, low: u64, high: Option<u64>) -> Result<u64, String> {
    let value = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // Digits only, so parsing can fail only by overflow: larger than any limit.
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

// region: encode
/// A base as a 2-bit number: A = 0, C = 1, G = 2, T = 3; `None` for N and anything else.
/// In this order the numbers sort like the letters, so k-mer codes sort like k-mers.
fn base_code(base: u8) -> Option<u64> {
    match base {
        b'A' => Some(0),
        b'C' => Some(1),
        b'G' => Some(2),
        b'T' => Some(3),
        _ => None,
    }
}

/// Calls `found` with the canonical code of every k-mer of `seq` that has no N in it.
/// A k-mer of up to 32 bases is a 64-bit number, 2 bits per base. The codes roll: each
/// new base shifts into both strands' codes, so the work per base does not grow with k.
fn for_each_canonical(seq: &[u8], k: usize, mut found: impl FnMut(u64)) {
    let mask = if k == 32 {
        u64::MAX
    } else {
        (1u64 << (2 * k)) - 1
    };
    let (mut forward, mut reverse, mut run) = (0u64, 0u64, 0);
    for &base in seq {
        match base_code(base) {
            Some(code) => {
                // Forward strand: the new base enters on the right, the oldest leaves on the left.
                forward = ((forward << 2) | code) & mask;
                // Reverse complement: the new base's complement (3 - code: A <-> T, C <-> G)
                // enters on the left, and the oldest base falls off on the right.
                reverse = (reverse >> 2) | ((3 - code) << (2 * (k - 1)));
                run += 1;
                if run >= k {
                    found(forward.min(reverse)); // the canonical k-mer: the smaller code
                }
            }
            None => run = 0, // an N: no k-mer until k more bases have been read
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

// region: count
fn count_canonical(records: &[Record], k: usize) -> HashMap<u64, u64> {
    let mut counts = HashMap::new();
    for record in records {
        // The closure borrows `counts` mutably for as long as the call runs.
        for_each_canonical(&record.seq, k, |code| {
            // One lookup: find the entry, or insert 0, then add one to it.
            *counts.entry(code).or_insert(0) += 1;
        });
    }
    counts
}
// endregion

// region: top
/// The `n` most frequent k-mers as (code, count), ties broken by the k-mer.
fn top_kmers(counts: HashMap<u64, u64>, n: usize) -> Vec<(u64, u64)> {
    let mut pairs: Vec<(u64, u64)> = counts.into_iter().collect();
    // Count descending (b before a), then code ascending: the closure says how two compare.
    let order = |a: &(u64, u64), b: &(u64, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if n < pairs.len() {
        // Put the n best first, in no particular order, without sorting the millions after them.
        pairs.select_nth_unstable_by(n, order);
        pairs.truncate(n);
    }
    pairs.sort_by(order);
    pairs
}
// endregion

fn run_kmers(path: &str, k_text: &str, n_text: &str) -> Result<String, String> {
    let k = whole_number(k_text, "k", 1, Some(32))? as usize;
    // usize is 32 bits on wasm32: an n beyond it asks for every k-mer anyway.
    let n = usize::try_from(whole_number(n_text, "n", 1, None)?).unwrap_or(usize::MAX);
    let records = read_fasta(path)?;
    let longest = records.iter().map(|r| r.seq.len()).max().unwrap_or(0);
    if k > longest {
        return Err(format!(
            "k = {k} is longer than every sequence in {path} (longest: {longest})"
        ));
    }
    let mut output = String::from("kmer\tcount\n");
    for (code, count) in top_kmers(count_canonical(&records, k), n) {
        output.push_str(&format!("{}\t{count}\n", decode(code, k)));
    }
    Ok(output)
}

// region: motif
fn revcomp(seq: &[u8]) -> Vec<u8> {
    seq.iter()
        .rev()
        .map(|&base| match base {
            b'A' => b'T',
            b'C' => b'G',
            b'G' => b'C',
            b'T' => b'A',
            other => other,
        })
        .collect()
}

/// 0-based starts of every match of `pattern` in `seq`, overlapping ones included:
/// every window is compared, whether or not the one before it matched.
fn match_starts(seq: &[u8], pattern: &[u8]) -> Vec<usize> {
    seq.windows(pattern.len())
        .enumerate()
        .filter(|(_, window)| *window == pattern)
        .map(|(start, _)| start)
        .collect()
}

fn run_motif(path: &str, pattern: &str) -> Result<String, String> {
    let pattern = pattern.to_ascii_uppercase();
    if pattern.is_empty() {
        return Err("pattern is empty: give a motif of A, C, G and T".to_string());
    }
    if let Some(bad) = pattern.chars().find(|c| !"ACGT".contains(*c)) {
        return Err(format!(
            "pattern {pattern} contains '{bad}': use only A, C, G and T"
        ));
    }
    let plus = pattern.as_bytes();
    // A match of the reverse complement on the forward strand is a match of the
    // pattern on the reverse strand, at the same forward-strand coordinates.
    let minus = revcomp(plus);
    let mut output = String::from("id\tstrand\tposition\n");
    for record in read_fasta(path)? {
        let mut hits: Vec<(usize, char)> = match_starts(&record.seq, plus)
            .into_iter()
            .map(|start| (start, '+'))
            .collect();
        hits.extend(
            match_starts(&record.seq, &minus)
                .into_iter()
                .map(|start| (start, '-')),
        );
        hits.sort(); // by position, then strand: '+' sorts before '-'
        for (start, strand) in hits {
            output.push_str(&format!("{}\t{strand}\t{start}\n", record.id));
        }
    }
    Ok(output)
}
// endregion

// region: main
fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    // Borrow every String as a &str, so that a slice pattern can match on the words.
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["kmers", path, k, n] => run_kmers(path, k, n),
        ["motif", path, pattern] => run_motif(path, pattern),
        _ => {
            eprintln!("{USAGE}");
            process::exit(1);
        }
    };
    match result {
        Ok(output) => {
            let mut stdout = io::stdout().lock();
            if let Err(e) = stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
            {
                eprintln!("error: cannot write output: {e}");
                process::exit(1);
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    }
}
// endregion
