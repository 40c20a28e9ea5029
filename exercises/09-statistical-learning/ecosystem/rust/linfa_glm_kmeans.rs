//! Logistic regression and k-means with linfa (linfa-logistic and linfa-clustering
//! 0.8.1, ndarray 0.16).
//!
//! Usage: linfa_glm_kmeans logistic trial.csv
//!        linfa_glm_kmeans kmeans expression.tsv K
//!
//! What it can and cannot print: linfa is a prediction library. Its logistic
//! regression minimises the log-loss with L-BFGS (plus an L2 penalty `alpha`,
//! 1.0 by default: set to 0 here for the unpenalised maximum-likelihood fit) and
//! returns coefficients only: no standard errors, z or p-values. Its KMeans is
//! "m_k-means": the update step counts the old centroid as one more member, and it
//! stops when the centroids move less than `tolerance`, so its centroids equal
//! Lloyd's (R, scikit-learn, the core) only to within that tolerance.
use std::error::Error;
use std::fs;

use linfa::prelude::*;
use linfa_clustering::{KMeans, KMeansInit};
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2, Axis};

type Res<T> = Result<T, Box<dyn Error>>;

const TERMS: [&str; 6] = ["age", "sexM", "bmi", "baseline", "armlow", "armhigh"];

/// The trial's model matrix without the intercept column (linfa adds it) and the 0/1 response.
fn read_trial(path: &str) -> Res<(Array2<f64>, Array1<usize>)> {
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
    let (mut data, mut y) = (Vec::new(), Vec::new());
    for line in lines.filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let dummy = |ok: bool| if ok { 1.0 } else { 0.0 };
        data.extend_from_slice(&[
            f[age].parse()?,
            dummy(f[sex] == "M"),
            f[bmi].parse()?,
            f[base].parse()?,
            dummy(f[arm] == "low"),
            dummy(f[arm] == "high"),
        ]);
        y.push(f[resp].parse()?);
    }
    let n = y.len();
    Ok((
        Array2::from_shape_vec((n, TERMS.len()), data)?,
        Array1::from(y),
    ))
}

// region: linfa-logistic
fn run_logistic(path: &str) -> Res<()> {
    let (x, y) = read_trial(path)?;
    let dataset = Dataset::new(x, y);
    // alpha(0.0): no L2 penalty, so the optimum is the maximum-likelihood estimate.
    let model = LogisticRegression::default()
        .alpha(0.0)
        .max_iterations(1000)
        .gradient_tolerance(1e-8)
        .fit(&dataset)?;
    println!("term\testimate");
    println!("(Intercept)\t{:.6}", model.intercept());
    for (term, b) in TERMS.iter().zip(model.params()) {
        println!("{term}\t{b:.6}");
    }
    // Fitted probabilities of the larger class (response = 1), as the core's predict().
    let mu = model.predict_probabilities(dataset.records());
    eprintln!(
        "mean fitted probability {:.4}",
        mu.mean().unwrap_or(f64::NAN)
    );
    Ok(())
}
// endregion

/// Samples as rows (points), genes as columns, and the gene ids.
fn read_expression(path: &str) -> Res<(Array2<f64>, Vec<String>)> {
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let samples = lines.next().ok_or("empty file")?.split('\t').count() - 1;
    let (mut genes, mut values) = (Vec::new(), Vec::new());
    for line in lines.filter(|l| !l.is_empty()) {
        let mut fields = line.split('\t');
        genes.push(fields.next().unwrap_or("").to_string());
        for v in fields {
            values.push(v.parse::<f64>()?);
        }
    }
    let by_gene = Array2::from_shape_vec((genes.len(), samples), values)?;
    Ok((
        by_gene.reversed_axes().as_standard_layout().to_owned(),
        genes,
    ))
}

/// The same farthest-point seeds as the core solutions (ties to the lower index).
fn farthest_point_seeds(x: &Array2<f64>, k: usize) -> Vec<usize> {
    let sq = |a: ndarray::ArrayView1<f64>, b: ndarray::ArrayView1<f64>| {
        a.iter().zip(b).map(|(u, v)| (u - v) * (u - v)).sum::<f64>()
    };
    let first_min =
        |d: &[f64]| (0..d.len()).fold(0, |best, i| if d[i] < d[best] { i } else { best });
    let first_max =
        |d: &[f64]| (0..d.len()).fold(0, |best, i| if d[i] > d[best] { i } else { best });
    let mean = x.mean_axis(Axis(0)).expect("at least one sample");
    let to_mean: Vec<f64> = x.rows().into_iter().map(|r| sq(r, mean.view())).collect();
    let mut seeds = vec![first_min(&to_mean)];
    let mut nearest: Vec<f64> = x
        .rows()
        .into_iter()
        .map(|r| sq(r, x.row(seeds[0])))
        .collect();
    while seeds.len() < k {
        let far = first_max(&nearest);
        seeds.push(far);
        for (d, r) in nearest.iter_mut().zip(x.rows()) {
            *d = d.min(sq(r, x.row(far)));
        }
    }
    seeds
}

// region: linfa-kmeans
fn run_kmeans(path: &str, k: usize) -> Res<()> {
    let (x, genes) = read_expression(path)?;
    let seeds = x.select(Axis(0), &farthest_point_seeds(&x, k));
    let observations = DatasetBase::from(x.clone());
    let model = KMeans::params(k)
        .init_method(KMeansInit::Precomputed(seeds))
        .n_runs(1)
        .max_n_iterations(100)
        .tolerance(1e-12)
        .fit(&observations)?;
    let labels: Array1<usize> = model.predict(&x);
    // Number clusters by their first member sample, as the core solutions do.
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by_key(|&c| labels.iter().position(|&l| l == c));
    let shown = genes.len().min(5);
    println!("cluster\tsize\t{}", genes[..shown].join("\t"));
    for (number, &c) in order.iter().enumerate() {
        let size = labels.iter().filter(|&&l| l == c).count();
        let centre = model.centroids().row(c);
        let coords: Vec<String> = centre
            .iter()
            .take(shown)
            .map(|v| format!("{v:.6}"))
            .collect();
        println!("{}\t{size}\t{}", number + 1, coords.join("\t"));
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
        _ => {
            Err("usage: linfa_glm_kmeans logistic <trial.csv> | kmeans <expression.tsv> <K>".into())
        }
    }
}
