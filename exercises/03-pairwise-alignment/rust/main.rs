//! Global alignment (Needleman-Wunsch) of every sequence pair in a TSV file.
//!
//! Usage: main pairs.tsv
//! std only, so it compiles to WebAssembly and runs in the browser.

use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::ops::{Index, IndexMut};
use std::process;

// region: scoring
const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
/// Per gap position: a gap of k positions costs k * GAP (a linear gap score).
const GAP: i32 = -2;
const HEADER: &str = "id\tseq_a\tseq_b";

fn substitution(x: u8, y: u8) -> i32 {
    if x == y {
        MATCH
    } else {
        MISMATCH
    }
}
// endregion

struct Pair {
    id: String,
    a: Vec<u8>,
    b: Vec<u8>,
}

/// The sequence in uppercase, or an error naming the line and what is wrong.
fn check_sequence(path: &str, line_no: usize, name: &str, seq: &str) -> Result<Vec<u8>, String> {
    if seq.is_empty() {
        return Err(format!("{path} line {line_no}: {name} is empty"));
    }
    // chars(), not bytes(): a stray 'é' is one letter at one position, as in Python and R.
    for (index, letter) in seq.chars().enumerate() {
        if !"ACGTacgt".contains(letter) {
            let position = index + 1;
            return Err(format!(
                "{path} line {line_no}: {name} has '{letter}' at position {position} \
                 (only A, C, G and T are allowed)"
            ));
        }
    }
    // Soft-masked (lowercase) bases are still bases; all ASCII now, so bytes are letters.
    Ok(seq.as_bytes().to_ascii_uppercase())
}

// region: parse
fn parse_pairs(path: &str) -> Result<Vec<Pair>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // lines() ends a line at "\n" or "\r\n", so Windows files work too.
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!(
            "{path} line 1: the header must be id, seq_a, seq_b (tab-separated)"
        ));
    }
    let mut pairs = Vec::new();
    for (index, line) in lines.enumerate() {
        let line_no = index + 2; // the header was line 1
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 {
            return Err(format!(
                "{path} line {line_no}: expected 3 tab-separated fields (id, seq_a, seq_b), found {}",
                fields.len()
            ));
        }
        pairs.push(Pair {
            id: fields[0].to_string(),
            a: check_sequence(path, line_no, "seq_a", fields[1])?,
            b: check_sequence(path, line_no, "seq_b", fields[2])?,
        });
    }
    Ok(pairs)
}
// endregion

// region: grid
/// A rows × cols table of scores in ONE Vec, row after row: cell (i, j) lives at
/// index i * cols + j. One allocation and one contiguous block of memory, where a
/// Vec<Vec<i32>> would make rows + 1 allocations scattered over the heap.
struct Grid {
    cols: usize,
    cells: Vec<i32>,
}

impl Grid {
    fn new(rows: usize, cols: usize) -> Grid {
        Grid {
            cols,
            cells: vec![0; rows * cols],
        }
    }
}

/// `grid[(i, j)]` reads cell (i, j). Vec's own indexing checks the bounds, so a wrong
/// (i, j) that lands outside the Vec panics instead of reading stray memory.
impl Index<(usize, usize)> for Grid {
    type Output = i32;
    fn index(&self, (i, j): (usize, usize)) -> &i32 {
        &self.cells[i * self.cols + j]
    }
}

/// `grid[(i, j)] = value` writes it.
impl IndexMut<(usize, usize)> for Grid {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut i32 {
        &mut self.cells[i * self.cols + j]
    }
}
// endregion

// region: fill
/// h[(i, j)] = best score of a[..i] against b[..j]: an (n + 1) × (m + 1) grid.
fn fill_scores(a: &[u8], b: &[u8]) -> Grid {
    let (n, m) = (a.len(), b.len());
    let mut h = Grid::new(n + 1, m + 1);
    // `as i32`: lengths are usize, scores i32, and Rust never converts between them silently.
    for i in 1..=n {
        h[(i, 0)] = i as i32 * GAP; // a[..i] against nothing: i gap positions
    }
    for j in 1..=m {
        h[(0, j)] = j as i32 * GAP;
    }
    for i in 1..=n {
        for j in 1..=m {
            let diagonal = h[(i - 1, j - 1)] + substitution(a[i - 1], b[j - 1]);
            let up = h[(i - 1, j)] + GAP; // a[i - 1] against a gap in b
            let left = h[(i, j - 1)] + GAP; // b[j - 1] against a gap in a
            h[(i, j)] = diagonal.max(up).max(left);
        }
    }
    h
}
// endregion

// region: traceback
/// One step of the walk back through the grid.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Move {
    /// a[i - 1] against b[j - 1], a match or a mismatch: to (i - 1, j - 1).
    Diagonal,
    /// a[i - 1] against '-', a gap in b: to (i - 1, j).
    Up,
    /// '-' against b[j - 1], a gap in a: to (i, j - 1).
    Left,
}

/// The move that reaches (i, j) with its optimal score. The order of the checks is the
/// task's tie rule: diagonal, then up, then left.
fn best_move(h: &Grid, a: &[u8], b: &[u8], i: usize, j: usize) -> Move {
    // `i > 0 &&` comes first: with i == 0, `i - 1` would underflow, and `&&` never
    // evaluates its right side when the left is false.
    if i > 0 && j > 0 && h[(i, j)] == h[(i - 1, j - 1)] + substitution(a[i - 1], b[j - 1]) {
        Move::Diagonal
    } else if i > 0 && h[(i, j)] == h[(i - 1, j)] + GAP {
        Move::Up
    } else {
        Move::Left
    }
}

fn traceback(h: &Grid, a: &[u8], b: &[u8]) -> (String, String) {
    let (mut i, mut j) = (a.len(), b.len());
    let mut row_a = Vec::with_capacity(i + j);
    let mut row_b = Vec::with_capacity(i + j);
    while i > 0 || j > 0 {
        // `match` must handle every variant: add a fourth Move and this stops compiling
        // until it is handled here too.
        match best_move(h, a, b, i, j) {
            Move::Diagonal => {
                row_a.push(a[i - 1]);
                row_b.push(b[j - 1]);
                i -= 1;
                j -= 1;
            }
            Move::Up => {
                row_a.push(a[i - 1]);
                row_b.push(b'-');
                i -= 1;
            }
            Move::Left => {
                row_a.push(b'-');
                row_b.push(b[j - 1]);
                j -= 1;
            }
        }
    }
    // Built from the end backwards: reverse once at the end.
    row_a.reverse();
    row_b.reverse();
    // Only A, C, G, T and '-' went in, so the bytes are valid UTF-8.
    let text = |row: Vec<u8>| String::from_utf8(row).expect("aligned rows are ASCII");
    (text(row_a), text(row_b))
}
// endregion

fn write_table(out: &mut impl Write, pairs: &[Pair]) -> io::Result<()> {
    writeln!(out, "id\tscore\taligned_a\taligned_b")?;
    for pair in pairs {
        let h = fill_scores(&pair.a, &pair.b);
        let score = h[(pair.a.len(), pair.b.len())];
        let (aligned_a, aligned_b) = traceback(&h, &pair.a, &pair.b);
        writeln!(out, "{}\t{score}\t{aligned_a}\t{aligned_b}", pair.id)?;
    }
    out.flush() // BufWriter would flush on drop too, but would swallow the error
}

// region: main
fn run(path: &str) -> Result<(), String> {
    let pairs = parse_pairs(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    write_table(&mut out, &pairs).map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 2 {
        eprintln!("usage: main <pairs.tsv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
