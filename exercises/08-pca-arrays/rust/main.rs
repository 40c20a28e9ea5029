//! PCA of the samples of a genes × samples expression matrix, printed as TSV.
//!
//! Usage: main variance expression.tsv
//!        main scores expression.tsv
//! std only, so it compiles to WebAssembly and runs in the browser. Every sum is a
//! left-to-right loop in the same order as ../python/main.py and ../r/main.R, so the
//! three print the same bytes.

use std::cmp::Ordering;
use std::env;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::ops::{Index, IndexMut};
use std::process;

/// Stop the Jacobi sweeps once every off-diagonal entry is this small relative to the
/// largest diagonal entry of the Gram matrix; MAX_SWEEPS is only a safety net.
const TOLERANCE: f64 = 1e-15;
const MAX_SWEEPS: usize = 100;
const COMPONENTS: usize = 5;

// region: matrix
/// A dense matrix in one flat, row-major `Vec`: entry (i, j) is `data[i * cols + j]`, so
/// each row is a contiguous slice. One allocation for the whole matrix, where a
/// `Vec<Vec<f64>>` would make one per row and scatter the rows over the heap.
struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            data: vec![0.0; rows * cols],
        }
    }

    fn identity(n: usize) -> Matrix {
        let mut m = Matrix::zeros(n, n);
        for i in 0..n {
            m[(i, i)] = 1.0;
        }
        m
    }
}

/// `m[(i, j)]` reads an entry: the indexing traits turn the pair into the flat offset.
impl Index<(usize, usize)> for Matrix {
    type Output = f64;
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        &self.data[i * self.cols + j]
    }
}

/// `m[(i, j)] = x` writes one.
impl IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        &mut self.data[i * self.cols + j]
    }
}
// endregion

/// The input: `values` has one row per gene and one column per sample.
struct Expression {
    samples: Vec<String>,
    genes: Vec<String>,
    values: Matrix,
}

// region: running-sum
/// Left-to-right sum, one rounding per addition: the order R's and Python's loops use.
fn running_sum(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |total, value| total + value)
}
// endregion

// region: parse
/// Reads the TSV into one flat Vec, row by row. The line buffer is reused and the
/// fields are slices of it, so the only allocations per line are the gene id and,
/// now and then, the Vec growing.
fn read_matrix(path: &str) -> Result<Expression, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut samples: Vec<String> = Vec::new();
    let mut genes: Vec<String> = Vec::new();
    let mut data: Vec<f64> = Vec::new();
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let bytes_read = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if bytes_read == 0 {
            break;
        }
        line_no += 1;
        let text = line.trim_end_matches('\n').trim_end_matches('\r');
        if text.is_empty() {
            continue; // blank lines are allowed anywhere
        }
        if samples.is_empty() {
            samples = text.split('\t').skip(1).map(String::from).collect();
            if samples.len() < 2 {
                return Err(format!(
                    "{path} line {line_no}: the header needs at least 2 sample columns"
                ));
            }
            continue;
        }
        // Count first (split is lazy: counting allocates nothing), then parse.
        let found = text.split('\t').count();
        if found != samples.len() + 1 {
            let n = samples.len();
            return Err(format!(
                "{path} line {line_no}: expected {} fields (a gene id and {n} samples), found {found}",
                n + 1
            ));
        }
        let mut fields = text.split('\t');
        let gene = fields.next().unwrap_or_default();
        for (sample, field) in samples.iter().zip(fields) {
            // parse::<f64> takes "1e5" and ".5" but also "inf" and "NaN": keep finite ones.
            match field.parse::<f64>() {
                Ok(value) if value.is_finite() => data.push(value),
                _ => {
                    return Err(format!(
                        "{path} line {line_no}, sample {sample}: '{field}' is not a number"
                    ))
                }
            }
        }
        genes.push(gene.to_string());
    }
    if samples.is_empty() {
        return Err(format!("{path}: no header line"));
    }
    if genes.is_empty() {
        return Err(format!("{path}: no genes"));
    }
    let values = Matrix {
        rows: genes.len(),
        cols: samples.len(),
        data,
    };
    Ok(Expression {
        samples,
        genes,
        values,
    })
}
// endregion

// region: standardize
/// Centres each gene (row) on its mean and divides it by its sd (n − 1), in place.
/// `chunks_exact_mut(cols)` hands out one row at a time as a `&mut [f64]`.
fn standardize(path: &str, genes: &[String], x: &mut Matrix) -> Result<(), String> {
    let n = x.cols;
    for (gene, row) in genes.iter().zip(x.data.chunks_exact_mut(n)) {
        if row.iter().all(|&v| v == row[0]) {
            return Err(format!(
                "{path}: gene {gene} is constant (variance 0), so it cannot be scaled to unit variance"
            ));
        }
        let mean = running_sum(row.iter().copied()) / n as f64;
        for v in row.iter_mut() {
            *v -= mean;
        }
        let sd = (running_sum(row.iter().map(|d| d * d)) / (n - 1) as f64).sqrt();
        for v in row.iter_mut() {
            *v /= sd;
        }
    }
    Ok(())
}
// endregion

// region: gram
/// G = Z Zᵀ for samples × samples: one gene (row of Z) at a time, its outer product is
/// added to G, so each G[i][j] sums over the genes in file order. Only the lower
/// triangle is accumulated, then mirrored: n(n + 1)/2 multiply-adds per gene.
fn gram(z: &Matrix) -> Matrix {
    let n = z.cols;
    let mut g = Matrix::zeros(n, n);
    for row in z.data.chunks_exact(n) {
        for (i, &zi) in row.iter().enumerate() {
            // Row i of G, entries 0..=i: a slice of the flat buffer, no copy.
            let gi = &mut g.data[i * n..i * n + i + 1];
            for (acc, &zj) in gi.iter_mut().zip(&row[..=i]) {
                *acc += zi * zj;
            }
        }
    }
    for i in 0..n {
        for j in 0..i {
            g[(j, i)] = g[(i, j)];
        }
    }
    g
}
// endregion

// region: jacobi
/// Eigenvalues and eigenvectors (columns of v) of the symmetric matrix `a`, which is
/// consumed and overwritten. Cyclic Jacobi: sweep over the pairs (p, q), p < q, in row
/// order; each rotation zeroes a[p][q]. Stop after the first sweep that finds nothing
/// above the tolerance. No allocation inside the sweeps: everything happens in `a`, `v`.
fn jacobi(mut a: Matrix) -> (Vec<f64>, Matrix) {
    let n = a.rows;
    let mut v = Matrix::identity(n);
    let largest = (0..n).map(|i| a[(i, i)].abs()).fold(0.0, f64::max);
    let threshold = TOLERANCE * largest;
    for _sweep in 0..MAX_SWEEPS {
        let mut rotated = false;
        for p in 0..n.saturating_sub(1) {
            for q in p + 1..n {
                let apq = a[(p, q)];
                if apq.abs() <= threshold {
                    continue;
                }
                rotated = true;
                let (app, aqq) = (a[(p, p)], a[(q, q)]);
                let theta = (aqq - app) / (2.0 * apq);
                let mut t = 1.0 / (theta.abs() + (theta * theta + 1.0).sqrt());
                if theta < 0.0 {
                    t = -t;
                }
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    if k != p && k != q {
                        let (akp, akq) = (a[(k, p)], a[(k, q)]);
                        a[(k, p)] = c * akp - s * akq;
                        a[(p, k)] = a[(k, p)];
                        a[(k, q)] = s * akp + c * akq;
                        a[(q, k)] = a[(k, q)];
                    }
                }
                a[(p, p)] = app - t * apq;
                a[(q, q)] = aqq + t * apq;
                a[(p, q)] = 0.0;
                a[(q, p)] = 0.0;
                for k in 0..n {
                    let (vkp, vkq) = (v[(k, p)], v[(k, q)]);
                    v[(k, p)] = c * vkp - s * vkq;
                    v[(k, q)] = s * vkp + c * vkq;
                }
            }
        }
        if !rotated {
            break;
        }
    }
    ((0..n).map(|i| a[(i, i)]).collect(), v)
}
// endregion

// region: scores
/// Scores of component k, u·sqrt(λ), signed so the gene with the largest |loading| is
/// positive. The loadings are Zᵀu / sqrt(λ); dividing by sqrt(λ) > 0 changes neither
/// their signs nor which one is largest, so Zᵀu is enough — one dot product per gene,
/// computed and compared on the fly: no p-long vector of loadings is ever stored.
fn scores(z: &Matrix, values: &[f64], vectors: &Matrix, k: usize) -> Vec<f64> {
    let u: Vec<f64> = (0..vectors.rows).map(|i| vectors[(i, k)]).collect();
    let (mut best, mut best_abs) = (0.0, -1.0);
    for row in z.data.chunks_exact(z.cols) {
        let w = running_sum(row.iter().zip(&u).map(|(zi, ui)| zi * ui));
        if w.abs() > best_abs {
            // strictly larger: the first gene wins a tie
            best = w;
            best_abs = w.abs();
        }
    }
    let root = values[k].max(0.0).sqrt();
    let sign = if best < 0.0 { -1.0 } else { 1.0 };
    u.iter().map(|ui| sign * (ui * root)).collect()
}
// endregion

/// 6 decimals; a value that rounds to zero prints 0.000000, never -0.000000.
fn fixed(x: f64) -> String {
    let text = format!("{x:.6}");
    if text == "-0.000000" {
        "0.000000".to_string()
    } else {
        text
    }
}

// region: main
fn run(analysis: &str, path: &str) -> Result<(), String> {
    let mut input = read_matrix(path)?;
    standardize(path, &input.genes, &mut input.values)?;
    let z = input.values;
    let (raw_values, raw_vectors) = jacobi(gram(&z));
    // Largest eigenvalue first; sort_by is stable, so equal values keep their order.
    let n = raw_values.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        raw_values[b]
            .partial_cmp(&raw_values[a])
            .unwrap_or(Ordering::Equal)
    });
    let values: Vec<f64> = order.iter().map(|&k| raw_values[k]).collect();
    let mut vectors = Matrix::zeros(n, n);
    for i in 0..n {
        for (new, &old) in order.iter().enumerate() {
            vectors[(i, new)] = raw_vectors[(i, old)];
        }
    }

    let mut out = BufWriter::new(io::stdout().lock());
    let written = if analysis == "variance" {
        let total = running_sum(values.iter().copied());
        writeln!(out, "PC\tvariance_ratio").and_then(|_| {
            // As many components as prcomp() reports, min(samples, genes), but at most 5.
            let shown = COMPONENTS.min(z.cols).min(z.rows);
            for (k, value) in values.iter().take(shown).enumerate() {
                writeln!(out, "PC{}\t{}", k + 1, fixed(value / total))?;
            }
            Ok(())
        })
    } else {
        let pc1 = scores(&z, &values, &vectors, 0);
        let pc2 = scores(&z, &values, &vectors, 1);
        writeln!(out, "sample\tPC1\tPC2").and_then(|_| {
            for ((sample, a), b) in input.samples.iter().zip(&pc1).zip(&pc2) {
                writeln!(out, "{sample}\t{}\t{}", fixed(*a), fixed(*b))?;
            }
            Ok(())
        })
    };
    written
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 3 || !(args[1] == "variance" || args[1] == "scores") {
        eprintln!("usage: main <variance|scores> <expression.tsv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
