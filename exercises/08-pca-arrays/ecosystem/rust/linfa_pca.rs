//! PCA of the samples of a genes × samples expression matrix, printed as TSV, with
//! ndarray holding the arrays and linfa-reduction's `Pca` doing the decomposition.
//!
//! Written against ndarray 0.16.1, linfa 0.8.1 and linfa-reduction 0.8.1 (the latest on
//! docs.rs when written; linfa 0.8 requires ndarray 0.16, not 0.17). `Pca::params(k)`
//! gives `PcaParams`; `.fit(&dataset)` returns `Result<Pca<f64>, ReductionError>`; the
//! fitted model has `explained_variance_ratio()`, `components()` (k × genes) and
//! `predict(&records)` (the scores). Build and run from ecosystem/rust/:
//!     cargo run --release --bin linfa_pca -- scores ../../data/expression.tsv
//! Should print what ../../rust/main.rs prints, to 6 decimals: not compiled or run here (no crates
//! registry), so compare it with expected/*.tsv before trusting it. linfa-reduction's SVD is pure
//! Rust (linfa-linalg) by default; the "blas" feature switches to LAPACK.

use linfa::traits::{Fit, Predict};
use linfa::DatasetBase;
use linfa_reduction::Pca;
use ndarray::{Array2, Axis};
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

/// Sample names, gene ids and the matrix as samples × genes (samples are the rows).
fn read_expression(path: &str) -> Result<(Vec<String>, Vec<String>, Array2<f64>), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.is_empty());
    let (_, header) = lines.next().ok_or(format!("{path}: no header line"))?;
    let samples: Vec<String> = header.split('\t').skip(1).map(String::from).collect();
    let mut genes = Vec::new();
    let mut values = Vec::new(); // genes × samples, row-major, as in the file
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
    let by_gene = Array2::from_shape_vec((genes.len(), samples.len()), values)
        .map_err(|e| format!("{path}: {e}"))?;
    // .t() is a transposed *view* (no copy); to_owned() lays it out row-major again.
    Ok((samples, genes, by_gene.t().to_owned()))
}

fn run(analysis: &str, path: &str) -> Result<(), String> {
    let (samples, genes, x) = read_expression(path)?;

    // Standardize each gene (column): ddof = 1.0 divides by n − 1, as prcomp does.
    let mean = x.mean_axis(Axis(0)).ok_or(format!("{path}: no samples"))?;
    let sd = x.std_axis(Axis(0), 1.0);
    if let Some(g) = sd.iter().position(|&s| s == 0.0) {
        return Err(format!(
            "{path}: gene {} is constant (variance 0), so it cannot be scaled to unit variance",
            genes[g]
        ));
    }
    // Broadcasting: a (samples × genes) array minus a (genes) vector, row by row.
    let z = (&x - &mean) / &sd;

    // Keep every component, min(samples, genes): explained_variance_ratio() divides by
    // the sum over the components it kept, not by the total variance.
    let k = z.nrows().min(z.ncols());
    let pca = Pca::params(k)
        .fit(&DatasetBase::from(z.clone()))
        .map_err(|e| format!("PCA failed: {e}"))?;

    let mut out = BufWriter::new(io::stdout().lock());
    let written = if analysis == "variance" {
        let ratio = pca.explained_variance_ratio();
        writeln!(out, "PC\tvariance_ratio").and_then(|_| {
            for (i, r) in ratio.iter().take(5).enumerate() {
                writeln!(out, "PC{}\t{r:.6}", i + 1)?;
            }
            Ok(())
        })
    } else {
        let mut scores: Array2<f64> = pca.predict(&z); // (z − mean) · componentsᵀ
        for (i, loading) in pca.components().outer_iter().take(2).enumerate() {
            let top = loading
                .iter()
                .enumerate()
                .fold((0, 0.0_f64), |best, (g, &l)| {
                    if l.abs() > best.1.abs() {
                        (g, l)
                    } else {
                        best
                    }
                });
            if top.1 < 0.0 {
                scores.column_mut(i).mapv_inplace(|s| -s);
            }
        }
        let fixed = |v: f64| match format!("{v:.6}") {
            t if t == "-0.000000" => "0.000000".to_string(),
            t => t,
        };
        writeln!(out, "sample\tPC1\tPC2").and_then(|_| {
            for (sample, row) in samples.iter().zip(scores.outer_iter()) {
                writeln!(out, "{sample}\t{}\t{}", fixed(row[0]), fixed(row[1]))?;
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
        eprintln!("usage: linfa_pca <variance|scores> <expression.tsv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
