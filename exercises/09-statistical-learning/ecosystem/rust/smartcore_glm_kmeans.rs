//! Logistic regression and k-means with smartcore 0.7.0.
//!
//! Usage: smartcore_glm_kmeans logistic trial.csv
//!        smartcore_glm_kmeans kmeans expression.tsv K
//!
//! What it can and cannot print: smartcore fits the logistic regression with
//! L-BFGS (an L2 penalty `alpha`: 0 by default, set explicitly here) and returns
//! coefficients and an intercept only: no standard errors or p-values. Its KMeans
//! always seeds itself with k-means++ from a random generator (fix `seed` for a
//! repeatable run) and has no way to pass initial centres, so its clusters can
//! differ from R's run from the farthest-point seeds; it has no accessor for the
//! centroids, so the means are computed here from the labels.
use std::error::Error;
use std::fs;

use smartcore::cluster::kmeans::{KMeans, KMeansParameters};
use smartcore::linalg::basic::arrays::Array;
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::logistic_regression::{LogisticRegression, LogisticRegressionParameters};

type Res<T> = Result<T, Box<dyn Error>>;

const TERMS: [&str; 6] = ["age", "sexM", "bmi", "baseline", "armlow", "armhigh"];

/// One row per patient without the intercept (smartcore adds it), and the 0/1 response.
fn read_trial(path: &str) -> Res<(Vec<Vec<f64>>, Vec<i32>)> {
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("missing column {name}"))
    };
    let (age, sex, bmi, base, arm, resp) = (
        col("age")?,
        col("sex")?,
        col("bmi")?,
        col("baseline")?,
        col("arm")?,
        col("response")?,
    );
    let (mut rows, mut y) = (Vec::new(), Vec::new());
    for line in lines.filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let dummy = |ok: bool| if ok { 1.0 } else { 0.0 };
        rows.push(vec![
            f[age].parse()?,
            dummy(f[sex] == "M"),
            f[bmi].parse()?,
            f[base].parse()?,
            dummy(f[arm] == "low"),
            dummy(f[arm] == "high"),
        ]);
        y.push(f[resp].parse()?);
    }
    Ok((rows, y))
}

// region: smartcore-logistic
fn run_logistic(path: &str) -> Res<()> {
    let (rows, y) = read_trial(path)?;
    // Since 0.4 the DenseMatrix constructors return Result.
    let x = DenseMatrix::from_2d_vec(&rows)?;
    let params = LogisticRegressionParameters::default().with_alpha(0.0);
    let model = LogisticRegression::fit(&x, &y, params)?;
    println!("term\testimate");
    println!("(Intercept)\t{:.6}", model.intercept().get((0, 0)));
    for (j, term) in TERMS.iter().enumerate() {
        println!("{term}\t{:.6}", model.coefficients().get((0, j)));
    }
    Ok(())
}
// endregion

// region: smartcore-kmeans
fn run_kmeans(path: &str, k: usize) -> Res<()> {
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let samples = lines.next().ok_or("empty file")?.split('\t').count() - 1;
    let mut genes = Vec::new();
    let mut points = vec![Vec::new(); samples]; // one row per sample
    for line in lines.filter(|l| !l.is_empty()) {
        let mut fields = line.split('\t');
        genes.push(fields.next().unwrap_or("").to_string());
        for (point, v) in points.iter_mut().zip(fields) {
            point.push(v.parse::<f64>()?);
        }
    }
    let x = DenseMatrix::from_2d_vec(&points)?;
    let mut params = KMeansParameters::default().with_k(k).with_max_iter(100);
    params.seed = Some(9); // k-means++ draws its seeds at random: fix the generator
    let model: KMeans<f64, u8, DenseMatrix<f64>, Vec<u8>> = KMeans::fit(&x, params)?;
    let labels: Vec<u8> = model.predict(&x)?;
    let shown = genes.len().min(5);
    println!("cluster\tsize\t{}", genes[..shown].join("\t"));
    // Number clusters by their first member sample; centroids are member means.
    let mut seen: Vec<u8> = Vec::new();
    for &label in &labels {
        if !seen.contains(&label) {
            seen.push(label);
        }
    }
    for (number, &c) in seen.iter().enumerate() {
        let members: Vec<&Vec<f64>> = points
            .iter()
            .zip(&labels)
            .filter(|(_, &l)| l == c)
            .map(|(p, _)| p)
            .collect();
        let coords: Vec<String> = (0..shown)
            .map(|g| members.iter().map(|p| p[g]).sum::<f64>() / members.len() as f64)
            .map(|v| format!("{v:.6}"))
            .collect();
        println!("{}\t{}\t{}", number + 1, members.len(), coords.join("\t"));
    }
    Ok(())
}
// endregion

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["logistic", path] => run_logistic(path),
        ["kmeans", path, k] => run_kmeans(path, k.parse()?),
        _ => Err(
            "usage: smartcore_glm_kmeans logistic <trial.csv> | kmeans <expression.tsv> <K>".into(),
        ),
    }
}
