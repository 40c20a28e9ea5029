//! Global alignment of every sequence pair in a TSV file, printed as TSV, with the
//! rust-bio crate (`bio`) doing the dynamic programming.
//!
//! Written against bio 4.0.0 (the current release when written; API read in the
//! rust-bio sources of bio::alignment::pairwise): `Aligner::new(gap_open, gap_extend,
//! match_fn)` and `aligner.global(x, y)`, which returns a `bio_types` `Alignment` with
//! `score: i32` and `operations: Vec<AlignmentOperation>`.
//!
//! Gap scores changed in 4.0.0 (rust-bio PR #660): a gap of k positions now scores
//! `gap_open + (k - 1) * gap_extend`; 3.x scored `gap_open + k * gap_extend`. So this
//! task's linear -2 per gap position is `Aligner::new(-2, -2, ...)` in 4.x, and it was
//! `Aligner::new(0, -2, ...)` in 3.x. The same numbers mean different things in the two
//! versions: pin the version in Cargo.toml.
//!
//! Which optimal alignment comes back when several tie: in the rust-bio source the cell
//! prefers the diagonal, then `Ins` (a base of x against a gap), then `Del` (a gap
//! against a base of y), walking back from the end — this task's rule with x = seq_a.
//! We read that in the code; this file is not compiled here, so we have not run it.
//! Build and run from ecosystem/rust/:
//!     cargo run --release --bin bio_align -- ../../data/pairs.tsv

use bio::alignment::pairwise::Aligner;
use bio::alignment::AlignmentOperation;
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

struct Pair {
    id: String,
    a: Vec<u8>,
    b: Vec<u8>,
}

/// Every pair after the header, upper-cased; errors name the line.
fn read_pairs(path: &str) -> Result<Vec<Pair>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines();
    if lines.next() != Some("id\tseq_a\tseq_b") {
        return Err(format!(
            "{path} line 1: the header must be id, seq_a, seq_b (tab-separated)"
        ));
    }
    let mut pairs = Vec::new();
    for (index, line) in lines.enumerate().filter(|(_, line)| !line.is_empty()) {
        let line_no = index + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 {
            return Err(format!(
                "{path} line {line_no}: expected 3 tab-separated fields, found {}",
                fields.len()
            ));
        }
        let mut seqs = Vec::with_capacity(2);
        for (name, seq) in [("seq_a", fields[1]), ("seq_b", fields[2])] {
            let seq = seq.as_bytes().to_ascii_uppercase();
            // rust-bio aligns any bytes; this task's scoring knows only A, C, G, T.
            if seq.is_empty() || !seq.iter().all(|base| b"ACGT".contains(base)) {
                return Err(format!(
                    "{path} line {line_no}: {name} must be one or more of A, C, G, T"
                ));
            }
            seqs.push(seq);
        }
        let b = seqs.pop().unwrap_or_default();
        let a = seqs.pop().unwrap_or_default();
        pairs.push(Pair {
            id: fields[0].to_string(),
            a,
            b,
        });
    }
    Ok(pairs)
}

/// The two aligned rows spelled out from rust-bio's list of operations.
fn aligned_rows(a: &[u8], b: &[u8], operations: &[AlignmentOperation]) -> (String, String) {
    let (mut row_a, mut row_b) = (String::new(), String::new());
    let (mut i, mut j) = (0, 0);
    for operation in operations {
        match operation {
            AlignmentOperation::Match | AlignmentOperation::Subst => {
                row_a.push(a[i] as char);
                row_b.push(b[j] as char);
                i += 1;
                j += 1;
            }
            // "Insertion into x": a base of x (seq_a) against a gap.
            AlignmentOperation::Ins => {
                row_a.push(a[i] as char);
                row_b.push('-');
                i += 1;
            }
            // "Deletion from x": a base of y (seq_b) against a gap.
            AlignmentOperation::Del => {
                row_a.push('-');
                row_b.push(b[j] as char);
                j += 1;
            }
            // Clips only appear in local, semiglobal and custom alignments.
            AlignmentOperation::Xclip(_) | AlignmentOperation::Yclip(_) => {}
        }
    }
    (row_a, row_b)
}

fn write_table(out: &mut impl Write, pairs: &[Pair]) -> io::Result<()> {
    // +2 match, -1 mismatch; gap_open = gap_extend = -2 is the linear -2 per position in
    // 4.x. One aligner for every pair: it reuses its score columns between calls.
    let score = |x: u8, y: u8| if x == y { 2i32 } else { -1i32 };
    let mut aligner = Aligner::new(-2, -2, score);
    writeln!(out, "id\tscore\taligned_a\taligned_b")?;
    for pair in pairs {
        let alignment = aligner.global(&pair.a, &pair.b);
        let (aligned_a, aligned_b) = aligned_rows(&pair.a, &pair.b, &alignment.operations);
        writeln!(
            out,
            "{}\t{}\t{aligned_a}\t{aligned_b}",
            pair.id, alignment.score
        )?;
    }
    out.flush()
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: bio_align <pairs.tsv>");
        process::exit(1);
    }
    let result = read_pairs(&args[1]).and_then(|pairs| {
        let mut out = BufWriter::new(io::stdout().lock());
        write_table(&mut out, &pairs).map_err(|e| format!("cannot write output: {e}"))
    });
    if let Err(message) = result {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
