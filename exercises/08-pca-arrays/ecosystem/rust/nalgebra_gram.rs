//! PCA of the samples of a genes × samples expression matrix, printed as TSV: the same
//! Gram-matrix ("dual") route as ../../rust/main.rs, with nalgebra's symmetric
//! eigensolver in place of the hand-written Jacobi sweeps.
//!
//! Written against nalgebra 0.34.1 (the latest on docs.rs when written):
//! `DMatrix::from_row_slice(rows, cols, &data)` builds a matrix from row-major data (its
//! own storage is column-major), and `SymmetricEigen::new(m)` returns `eigenvalues`
//! (unsorted) and `eigenvectors` (one per column). Build and run from ecosystem/rust/:
//!     cargo run --release --bin nalgebra_gram -- variance ../../data/expression.tsv
//! Should print what ../../rust/main.rs prints, to 6 decimals (not compiled here: no crates registry).

use nalgebra::{DMatrix, SymmetricEigen};
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

/// Sample names, gene ids and the matrix as genes × samples, as in the file.
fn read_expression(path: &str) -> Result<(Vec<String>, Vec<String>, DMatrix<f64>), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.is_empty());
    let (_, header) = lines.next().ok_or(format!("{path}: no header line"))?;
    let samples: Vec<String> = header.split('\t').skip(1).map(String::from).collect();
    let mut genes = Vec::new();
    let mut values = Vec::new();
    for (index, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != samples.len() + 1 {
            let found = fields.len();
            return Err(format!("{path} line {}: found {found} fields", index + 1));
        }
        for (sample, field) in samples.iter().zip(&fields[1..]) {
            match field.parse::<f64>() {
                Ok(v) if v.is_finite() => values.push(v),
                _ => {
                    let line_no = index + 1;
                    return Err(format!(
                        "{path} line {line_no}, sample {sample}: '{field}' is not a number"
                    ));
                }
            }
        }
        genes.push(fields[0].to_string());
    }
    let x = DMatrix::from_row_slice(genes.len(), samples.len(), &values);
    Ok((samples, genes, x))
}

fn run(analysis: &str, path: &str) -> Result<(), String> {
    let (samples, genes, mut z) = read_expression(path)?;
    let n = z.ncols() as f64;

    // Standardize each gene (row) in place, with the n − 1 sd of prcomp(scale. = TRUE).
    for (g, mut row) in z.row_iter_mut().enumerate() {
        // Test the values themselves: the mean of 40 equal numbers need not be exactly
        // that number, and the sd of a constant gene would come out tiny, not zero.
        if row.iter().all(|&v| v == row[0]) {
            return Err(format!(
                "{path}: gene {} is constant (variance 0), so it cannot be scaled to unit variance",
                genes[g]
            ));
        }
        let mean = row.mean();
        row.add_scalar_mut(-mean);
        let sd = (row.norm_squared() / (n - 1.0)).sqrt();
        row /= sd;
    }

    // The dual route: samples × samples Gram matrix ZᵀZ (Z is genes × samples here),
    // 40 × 40 however many genes there are, then its eigenvectors u and eigenvalues λ.
    let gram = z.transpose() * &z;
    let eigen = SymmetricEigen::new(gram);
    let mut order: Vec<usize> = (0..eigen.eigenvalues.len()).collect();
    order.sort_by(|&a, &b| eigen.eigenvalues[b].total_cmp(&eigen.eigenvalues[a]));

    let mut out = BufWriter::new(io::stdout().lock());
    let written = if analysis == "variance" {
        let total = eigen.eigenvalues.sum();
        let shown = order.len().min(z.nrows()).min(5);
        writeln!(out, "PC\tvariance_ratio").and_then(|_| {
            for (k, &i) in order.iter().take(shown).enumerate() {
                writeln!(out, "PC{}\t{:.6}", k + 1, eigen.eigenvalues[i] / total)?;
            }
            Ok(())
        })
    } else {
        let mut scores = Vec::new();
        for &i in order.iter().take(2) {
            let u = eigen.eigenvectors.column(i);
            // Loadings v = Z u / sqrt(λ) (one per gene): only their signs and the largest
            // |v| matter here, and dividing by sqrt(λ) > 0 changes neither.
            let loadings = &z * &u;
            let top = loadings.iamax();
            let sign = if loadings[top] < 0.0 { -1.0 } else { 1.0 };
            // Scores = U sqrt(λ), the same as X v without touching the genes again.
            scores.push(&u * (sign * eigen.eigenvalues[i].max(0.0).sqrt()));
        }
        let fixed = |v: f64| match format!("{v:.6}") {
            t if t == "-0.000000" => "0.000000".to_string(),
            t => t,
        };
        writeln!(out, "sample\tPC1\tPC2").and_then(|_| {
            for (j, sample) in samples.iter().enumerate() {
                writeln!(
                    out,
                    "{sample}\t{}\t{}",
                    fixed(scores[0][j]),
                    fixed(scores[1][j])
                )?;
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
        eprintln!("usage: nalgebra_gram <variance|scores> <expression.tsv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
