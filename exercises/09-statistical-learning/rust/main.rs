//! Logistic regression (IRLS) and k-means, written out with the standard library.
//!
//! Usage: main logistic trial.csv
//!        main kmeans expression.tsv K
//! std only, so it compiles to WebAssembly and runs in the browser. The three core
//! solutions (Rust, Python, R) add, multiply and round in the same order, so they
//! print the same bytes; the comments say where that order is fixed.

use std::env;
use std::fs;
use std::process;

const USAGE: &str = "usage: main logistic <trial.csv> | kmeans <expression.tsv> <K>";

// region: matrix
/// A dense matrix of f64, stored row by row: `data[i * cols + j]` is row i, column j.
struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.cols..(i + 1) * self.cols]
    }
}
// endregion

// region: model-trait
/// What every model here can do, in the shape of linfa's `Fit` and `Predict`
/// traits and scikit-learn's `fit`/`predict`: learn from data, then answer for
/// new rows. `Output` is what one prediction is: a probability, a cluster number.
trait Model {
    type Output;
    /// Learns from the rows of `x`; `y` holds the targets (empty when unsupervised).
    fn fit(&mut self, x: &Matrix, y: &[f64]) -> Result<(), String>;
    /// One prediction per row of `x`.
    fn predict(&self, x: &Matrix) -> Vec<Self::Output>;
}
// endregion

// region: tree-sum
/// Pairwise sum in a fixed order: pad to a power of two with zeros, then add the
/// second half onto the first until one number is left. Python's sum() compensates
/// and R's adds in long double; this order all three can reproduce, and its
/// rounding error grows like log2(n), not n. `buf` is scratch space, reused.
fn tree_sum(buf: &mut Vec<f64>) -> f64 {
    if buf.is_empty() {
        return 0.0;
    }
    let m = buf.len().next_power_of_two();
    buf.resize(m, 0.0);
    let mut half = m;
    while half > 1 {
        half /= 2;
        for i in 0..half {
            buf[i] += buf[i + half];
        }
    }
    buf[0]
}
// endregion

fn read_lines(path: &str) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // lines() splits on "\n" and drops a "\r" before it, and no empty last line.
    Ok(text.lines().map(|l| l.to_string()).collect())
}

/// A finite decimal number: 5, -0.25, .5, 1e-3 (not NA, inf, nan or text).
fn parse_number(text: &str, path: &str, line_no: usize, column: &str) -> Result<f64, String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    let int_digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        frac_digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += frac_digits;
    }
    let mut ok = int_digits + frac_digits > 0;
    if ok && i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            i += 1;
        }
        let exp_digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += exp_digits;
        ok = exp_digits > 0;
    }
    match text.parse::<f64>() {
        Ok(value) if ok && i == bytes.len() && value.is_finite() => Ok(value),
        _ => Err(format!(
            "{path} line {line_no}: {column} is not a number: \"{text}\""
        )),
    }
}

/// (line number, fields) of every non-blank line after the header. All lines are
/// checked for their number of fields before any value is looked at.
fn split_rows<'a>(
    lines: &'a [String],
    sep: char,
    path: &str,
    width: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(1) {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(sep).collect();
        if fields.len() != width {
            return Err(format!(
                "{path} line {}: expected {width} fields, found {}",
                index + 1,
                fields.len()
            ));
        }
        rows.push((index + 1, fields));
    }
    Ok(rows)
}

// ------------------------------------------------------------ logistic regression

const TERMS: [&str; 7] = [
    "(Intercept)",
    "age",
    "sexM",
    "bmi",
    "baseline",
    "armlow",
    "armhigh",
];
const NEEDED: [&str; 6] = ["response", "age", "sex", "bmi", "baseline", "arm"];

// region: design
/// The model matrix (one row per patient, R's column order) and the 0/1 response.
fn read_trial(path: &str) -> Result<(Matrix, Vec<f64>), String> {
    let lines = read_lines(path)?;
    let header: Vec<&str> = match lines.first() {
        Some(first) => first.split(',').collect(),
        None => return Err(format!("{path} is empty")),
    };
    let mut at = [0usize; 6];
    for (slot, name) in at.iter_mut().zip(NEEDED) {
        *slot = header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{path}: missing column {name}"))?;
    }
    let mut data = Vec::new();
    let mut y = Vec::new();
    for (line_no, fields) in split_rows(&lines, ',', path, header.len())? {
        let row: Vec<&str> = at.iter().map(|&j| fields[j]).collect();
        let [response, age, sex, bmi, baseline, arm] =
            [row[0], row[1], row[2], row[3], row[4], row[5]];
        if let Some(k) = row.iter().position(|v| *v == "NA") {
            return Err(format!(
                "{path} line {line_no}: {} is NA (the model needs complete rows)",
                NEEDED[k]
            ));
        }
        let outcome = match response {
            "0" => 0.0,
            "1" => 1.0,
            _ => {
                return Err(format!(
                    "{path} line {line_no}: response must be 0 or 1, found \"{response}\""
                ))
            }
        };
        let male = match sex {
            "F" => 0.0,
            "M" => 1.0,
            _ => {
                return Err(format!(
                    "{path} line {line_no}: sex must be F or M, found \"{sex}\""
                ))
            }
        };
        let (low, high) = match arm {
            "placebo" => (0.0, 0.0),
            "low" => (1.0, 0.0),
            "high" => (0.0, 1.0),
            _ => {
                return Err(format!(
                    "{path} line {line_no}: arm must be placebo, low or high, found \"{arm}\""
                ))
            }
        };
        let age = parse_number(age, path, line_no, "age")?;
        let bmi = parse_number(bmi, path, line_no, "bmi")?;
        let baseline = parse_number(baseline, path, line_no, "baseline")?;
        data.extend_from_slice(&[1.0, age, male, bmi, baseline, low, high]);
        y.push(outcome);
    }
    if y.is_empty() {
        return Err(format!("{path} has no patients"));
    }
    let x = Matrix {
        rows: y.len(),
        cols: TERMS.len(),
        data,
    };
    Ok((x, y))
}
// endregion

// region: cholesky
/// Lower-triangular L with L Lᵀ = a, for a symmetric positive definite a (p × p,
/// as a Vec of rows). A non-positive pivot means a is singular: an error, not NaN.
fn cholesky(a: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, String> {
    let p = a.len();
    let mut low = vec![vec![0.0; p]; p];
    for j in 0..p {
        let mut s = a[j][j];
        for k in 0..j {
            s -= low[j][k] * low[j][k];
        }
        if !(s > 0.0) {
            return Err(format!(
                "XᵀWX is not positive definite (pivot {}): is a column constant or collinear?",
                j + 1
            ));
        }
        low[j][j] = s.sqrt();
        for i in j + 1..p {
            let mut s = a[i][j];
            for k in 0..j {
                s -= low[i][k] * low[j][k];
            }
            low[i][j] = s / low[j][j];
        }
    }
    Ok(low)
}

/// x with (L Lᵀ) x = b: forward substitution, then back substitution.
fn cholesky_solve(low: &[Vec<f64>], b: &[f64]) -> Vec<f64> {
    let p = b.len();
    let mut z = vec![0.0; p];
    for i in 0..p {
        let mut s = b[i];
        for k in 0..i {
            s -= low[i][k] * z[k];
        }
        z[i] = s / low[i][i];
    }
    let mut x = vec![0.0; p];
    for i in (0..p).rev() {
        let mut s = z[i];
        for k in i + 1..p {
            s -= low[k][i] * x[k];
        }
        x[i] = s / low[i][i];
    }
    x
}
// endregion

// region: logistic-fn
/// e = exp(−|η|) and μ = 1/(1 + exp(−η)) without overflow for any η: exp(−|η|)
/// is at most 1, and 1/(1+e), e/(1+e) are the two halves of the logistic curve.
fn logistic_parts(eta: f64) -> (f64, f64) {
    let e = (-eta.abs()).exp();
    let mu = if eta >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    };
    (e, mu)
}

/// −2 log-likelihood: −log μ = log1p(e) + max(−η, 0) when y = 1, and
/// −log(1 − μ) = log1p(e) + max(η, 0) when y = 0 — no log(0), no overflow.
fn deviance(eta: &[f64], y: &[f64], buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    for (&eta_i, &y_i) in eta.iter().zip(y) {
        let e = (-eta_i.abs()).exp();
        let tail = if y_i == 1.0 {
            (-eta_i).max(0.0)
        } else {
            eta_i.max(0.0)
        };
        buf.push(2.0 * (e.ln_1p() + tail));
    }
    tree_sum(buf)
}
// endregion

/// Maximum-likelihood logistic regression fitted by IRLS (Newton–Raphson).
struct LogisticRegression {
    coef: Vec<f64>,
    std_err: Vec<f64>,
}

impl LogisticRegression {
    const EPSILON: f64 = 1e-10; // R: glm.control(epsilon = 1e-10)
    const MAX_ITER: usize = 25; // R: glm.control(maxit = 25)

    fn new() -> Self {
        LogisticRegression {
            coef: Vec::new(),
            std_err: Vec::new(),
        }
    }

    /// η = x₀β₀ + x₁β₁ + …, added left to right.
    fn linear_predictor(&self, x: &Matrix) -> Vec<f64> {
        (0..x.rows)
            .map(|i| {
                let row = x.row(i);
                let mut eta = row[0] * self.coef[0];
                for j in 1..x.cols {
                    eta += row[j] * self.coef[j];
                }
                eta
            })
            .collect()
    }
}

// region: irls
impl Model for LogisticRegression {
    type Output = f64;

    fn fit(&mut self, x: &Matrix, y: &[f64]) -> Result<(), String> {
        let p = x.cols;
        self.coef = vec![0.0; p];
        let mut buf = Vec::with_capacity(x.rows.next_power_of_two());
        let mut eta = self.linear_predictor(x);
        let mut dev_old = deviance(&eta, y, &mut buf);
        for _ in 0..Self::MAX_ITER {
            let parts: Vec<(f64, f64)> = eta.iter().map(|&e| logistic_parts(e)).collect();
            // Var(y) = μ(1 − μ), written as e/(1 + e)² so it is accurate on both tails.
            let w: Vec<f64> = parts
                .iter()
                .map(|&(e, _)| e / ((1.0 + e) * (1.0 + e)))
                .collect();
            // XᵀWX (lower triangle, mirrored) and the score Xᵀ(y − μ), as tree sums.
            let mut xtwx = vec![vec![0.0; p]; p];
            for j in 0..p {
                for k in 0..=j {
                    buf.clear();
                    buf.extend((0..x.rows).map(|i| w[i] * x.row(i)[j] * x.row(i)[k]));
                    xtwx[j][k] = tree_sum(&mut buf);
                    xtwx[k][j] = xtwx[j][k];
                }
            }
            let score: Vec<f64> = (0..p)
                .map(|j| {
                    buf.clear();
                    buf.extend((0..x.rows).map(|i| (y[i] - parts[i].1) * x.row(i)[j]));
                    tree_sum(&mut buf)
                })
                .collect();
            let low = cholesky(&xtwx)?;
            let step = cholesky_solve(&low, &score);
            for (b, s) in self.coef.iter_mut().zip(&step) {
                *b += s;
            }
            eta = self.linear_predictor(x);
            let dev = deviance(&eta, y, &mut buf);
            if (dev - dev_old).abs() / (dev.abs() + 0.1) < Self::EPSILON {
                // As R's summary.glm: (XᵀWX)⁻¹ with this last iteration's weights,
                // i.e. computed at the coefficients before the step.
                self.std_err = (0..p)
                    .map(|j| {
                        let mut unit = vec![0.0; p];
                        unit[j] = 1.0;
                        cholesky_solve(&low, &unit)[j].sqrt()
                    })
                    .collect();
                return Ok(());
            }
            dev_old = dev;
        }
        Err(format!(
            "IRLS did not converge in {} iterations: does a covariate separate the responses perfectly?",
            Self::MAX_ITER
        ))
    }

    /// Fitted probabilities μ.
    fn predict(&self, x: &Matrix) -> Vec<f64> {
        self.linear_predictor(x)
            .into_iter()
            .map(|eta| logistic_parts(eta).1)
            .collect()
    }
}
// endregion

// region: pnorm
/// P(Z > y) for y ≥ 0: W. J. Cody's rational Chebyshev approximations (ANORM, ACM
/// TOMS Algorithm 715, 1993), the algorithm inside R's pnorm(), written out so that
/// Rust, Python and R evaluate the same formula (std has no erfc). About 1e-16
/// relative accuracy.
fn upper_tail(y: f64) -> f64 {
    let r = if y <= 0.66291 {
        const A: [f64; 5] = [
            2.2352520354606839287,
            161.02823106855587881,
            1067.6894854603709582,
            18154.981253343561249,
            0.065682337918207449113,
        ];
        const B: [f64; 4] = [
            47.20258190468824187,
            976.09855173777669322,
            10260.932208618978205,
            45507.789335026729956,
        ];
        let xsq = y * y;
        let mut num = A[4] * xsq;
        let mut den = xsq;
        for i in 0..3 {
            num = (num + A[i]) * xsq;
            den = (den + B[i]) * xsq;
        }
        return 0.5 - y * (num + A[3]) / (den + B[3]);
    } else if y <= 5.656854249492380195 {
        // sqrt(32)
        const C: [f64; 9] = [
            0.39894151208813466764,
            8.8831497943883759412,
            93.506656132177855979,
            597.27027639480026226,
            2494.5375852903726711,
            6848.1904505362823326,
            11602.651437647350124,
            9842.7148383839780218,
            1.0765576773720192317e-8,
        ];
        const D: [f64; 8] = [
            22.266688044328115691,
            235.38790178262499861,
            1519.377599407554805,
            6485.558298266760755,
            18615.571640885098091,
            34900.952721145977266,
            38912.003286093271411,
            19685.429676859990727,
        ];
        let mut num = C[8] * y;
        let mut den = y;
        for i in 0..7 {
            num = (num + C[i]) * y;
            den = (den + D[i]) * y;
        }
        (num + C[7]) / (den + D[7])
    } else if y < 50.0 {
        const P: [f64; 6] = [
            0.21589853405795699,
            0.1274011611602473639,
            0.022235277870649807,
            0.001421619193227893466,
            2.9112874951168792e-5,
            0.02307344176494017303,
        ];
        const Q: [f64; 5] = [
            1.28426009614491121,
            0.468238212480865118,
            0.0659881378689285515,
            0.00378239633202758244,
            7.29751555083966205e-5,
        ];
        let xsq = 1.0 / (y * y);
        let mut num = P[5] * xsq;
        let mut den = xsq;
        for i in 0..4 {
            num = (num + P[i]) * xsq;
            den = (den + Q[i]) * xsq;
        }
        let r = xsq * (num + P[4]) / (den + Q[4]);
        (0.398942280401432677939946 - r) / y // 1/sqrt(2π)
    } else {
        return 0.0;
    };
    // exp(−y²/2) in two factors: y² = s² + (y − s)(y + s) with s = y rounded down
    // to 1/16, so the big part s² is exact and no digits are lost rounding y².
    let s = (y * 16.0).floor() / 16.0;
    let tail = (-s * s * 0.5).exp() * (-(y - s) * (y + s) * 0.5).exp() * r;
    if tail >= f64::MIN_POSITIVE {
        tail
    } else {
        0.0
    }
}
// endregion

// region: format
fn fixed6(x: f64) -> String {
    let text = format!("{x:.6}");
    if text == "-0.000000" {
        "0.000000".to_string()
    } else {
        text
    }
}

/// printf's %.3e: Rust writes 1.234e-5 where C, Python and R write 1.234e-05, so
/// split at the 'e' and print the exponent with a sign and at least two digits.
fn sci3(x: f64) -> String {
    let text = format!("{x:.3e}");
    let (mantissa, exponent) = text.split_once('e').expect("{:e} always writes an e");
    let exponent: i32 = exponent.parse().expect("an integer exponent");
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.abs())
}
// endregion

fn run_logistic(path: &str) -> Result<String, String> {
    let (x, y) = read_trial(path)?;
    let mut model = LogisticRegression::new();
    model.fit(&x, &y)?;
    let mut out = String::from("term\testimate\tstd_error\tz\tp_value\n");
    for ((term, &b), &se) in TERMS.iter().zip(&model.coef).zip(&model.std_err) {
        let z = b / se;
        let p_value = 2.0 * upper_tail(z.abs());
        out += &format!(
            "{term}\t{}\t{}\t{}\t{}\n",
            fixed6(b),
            fixed6(se),
            fixed6(z),
            sci3(p_value)
        );
    }
    Ok(out)
}

// ------------------------------------------------------------ k-means

/// Gene ids, sample names, and the samples as points: one row per sample.
fn read_expression(path: &str) -> Result<(Vec<String>, Vec<String>, Matrix), String> {
    let lines = read_lines(path)?;
    let header: Vec<&str> = match lines.first() {
        Some(first) => first.split('\t').collect(),
        None => return Err(format!("{path} is empty")),
    };
    let samples: Vec<String> = header[1..].iter().map(|s| s.to_string()).collect();
    if samples.is_empty() {
        return Err(format!("{path}: the header names no samples"));
    }
    let rows = split_rows(&lines, '\t', path, header.len())?;
    if rows.is_empty() {
        return Err(format!("{path} has no genes"));
    }
    // Read gene by gene (the file's order), store sample by sample (the points).
    let genes = rows.len();
    let mut data = vec![0.0; samples.len() * genes];
    let mut gene_ids = Vec::with_capacity(genes);
    for (g, (line_no, fields)) in rows.iter().enumerate() {
        gene_ids.push(fields[0].to_string());
        for (s, text) in fields[1..].iter().enumerate() {
            data[s * genes + g] = parse_number(text, path, *line_no, &samples[s])?;
        }
    }
    let points = Matrix {
        rows: samples.len(),
        cols: genes,
        data,
    };
    Ok((gene_ids, samples, points))
}

fn squared_distance(a: &[f64], b: &[f64], buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    buf.extend(a.iter().zip(b).map(|(u, v)| (u - v) * (u - v)));
    tree_sum(buf)
}

/// Mean of the member points, adding them in sample order (as R's kmeans does).
fn member_mean(points: &Matrix, members: &[usize]) -> Vec<f64> {
    let mut total = vec![0.0; points.cols];
    for &i in members {
        for (t, v) in total.iter_mut().zip(points.row(i)) {
            *t += v;
        }
    }
    total.iter().map(|t| t / members.len() as f64).collect()
}

/// Index of the first smallest (or, with `largest`, first largest) value.
fn first_extreme(values: &[f64], largest: bool) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if (largest && v > values[best]) || (!largest && v < values[best]) {
            best = i;
        }
    }
    best
}

// region: farthest-point
/// Deterministic seeds: the sample closest to the overall mean, then again and
/// again the sample farthest from its nearest seed; ties go to the lower index.
fn farthest_point_init(points: &Matrix, k: usize, buf: &mut Vec<f64>) -> Vec<usize> {
    let all: Vec<usize> = (0..points.rows).collect();
    let centre = member_mean(points, &all);
    let to_mean: Vec<f64> = all
        .iter()
        .map(|&i| squared_distance(points.row(i), &centre, buf))
        .collect();
    let mut seeds = vec![first_extreme(&to_mean, false)];
    let mut nearest: Vec<f64> = all
        .iter()
        .map(|&i| squared_distance(points.row(i), points.row(seeds[0]), buf))
        .collect();
    while seeds.len() < k {
        let far = first_extreme(&nearest, true);
        seeds.push(far);
        for (i, d) in nearest.iter_mut().enumerate() {
            *d = d.min(squared_distance(points.row(i), points.row(far), buf));
        }
    }
    seeds
}
// endregion

// region: kmeans
/// Lloyd's k-means from farthest-point seeds.
struct KMeans {
    k: usize,
    centres: Vec<Vec<f64>>,
    labels: Vec<usize>,
}

impl KMeans {
    const MAX_ITER: usize = 100;

    fn new(k: usize) -> Self {
        KMeans {
            k,
            centres: Vec::new(),
            labels: Vec::new(),
        }
    }
}

impl Model for KMeans {
    type Output = usize;

    /// `y` is ignored (unsupervised), as in scikit-learn's `fit(X, y=None)`.
    fn fit(&mut self, x: &Matrix, _y: &[f64]) -> Result<(), String> {
        let mut buf = Vec::with_capacity(x.cols.next_power_of_two());
        self.centres = farthest_point_init(x, self.k, &mut buf)
            .iter()
            .map(|&i| x.row(i).to_vec())
            .collect();
        self.labels.clear();
        for _ in 0..Self::MAX_ITER {
            let new = self.predict(x);
            if new == self.labels {
                return Ok(());
            }
            self.labels = new;
            for c in 0..self.k {
                let members: Vec<usize> = (0..x.rows).filter(|&i| self.labels[i] == c).collect();
                if members.is_empty() {
                    return Err(format!(
                        "cluster {} became empty: K is larger than the data supports",
                        c + 1
                    ));
                }
                self.centres[c] = member_mean(x, &members);
            }
        }
        eprintln!(
            "warning: k-means did not converge in {} iterations",
            Self::MAX_ITER
        );
        Ok(())
    }

    /// The nearest centre of every point (ties: the lower-numbered centre).
    fn predict(&self, x: &Matrix) -> Vec<usize> {
        let mut buf = Vec::with_capacity(x.cols.next_power_of_two());
        (0..x.rows)
            .map(|i| {
                let dists: Vec<f64> = self
                    .centres
                    .iter()
                    .map(|c| squared_distance(x.row(i), c, &mut buf))
                    .collect();
                first_extreme(&dists, false)
            })
            .collect()
    }
}
// endregion

fn run_kmeans(path: &str, k_text: &str) -> Result<String, String> {
    let (genes, samples, points) = read_expression(path)?;
    let n = samples.len();
    let k = match k_text.parse::<usize>() {
        Ok(k) if k_text.bytes().all(|b| b.is_ascii_digit()) && k >= 1 && k <= n => k,
        _ => {
            return Err(format!(
                "K must be a whole number from 1 to {n} (the number of samples), got \"{k_text}\""
            ))
        }
    };
    let mut model = KMeans::new(k);
    model.fit(&points, &[])?;
    let labels = &model.labels;
    // region: canonical
    // Number clusters by their first member sample, so that label order cannot
    // depend on which seed happened to be chosen first.
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by_key(|&c| labels.iter().position(|&l| l == c));
    // endregion
    let shown = genes.len().min(5);
    let mut out = format!("cluster\tsize\t{}\n", genes[..shown].join("\t"));
    for (number, &c) in order.iter().enumerate() {
        let size = labels.iter().filter(|&&l| l == c).count();
        let coords: Vec<String> = model.centres[c][..shown]
            .iter()
            .map(|&v| fixed6(v))
            .collect();
        out += &format!("{}\t{size}\t{}\n", number + 1, coords.join("\t"));
    }
    Ok(out)
}

// region: main
fn main() {
    let owned: Vec<String> = env::args().skip(1).collect();
    // Borrowed &str views of the arguments, so a slice pattern can match them.
    let args: Vec<&str> = owned.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["logistic", path] => run_logistic(path),
        ["kmeans", path, k] => run_kmeans(path, k),
        [command, ..] if *command != "logistic" && *command != "kmeans" => {
            eprintln!("error: unknown command '{command}'\n{USAGE}");
            process::exit(1);
        }
        _ => {
            eprintln!("{USAGE}");
            process::exit(1);
        }
    };
    match result {
        Ok(out) => print!("{out}"),
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    }
}
// endregion
