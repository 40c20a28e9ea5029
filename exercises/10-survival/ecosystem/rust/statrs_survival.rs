//! Kaplan–Meier curves, median survival and the log-rank test per arm, printed as TSV,
//! with statrs for the chi-square distribution.
//!
//! Written against statrs 0.19.1 (the latest release on docs.rs when written):
//! `ChiSquared::new(freedom: f64)` returns `Result<ChiSquared, GammaError>`, and the
//! `ContinuousCDF` trait gives `sf(x)`, the upper tail P(X > x), computed from the
//! regularised incomplete gamma function rather than as 1 - cdf(x). Build and run from
//! ecosystem/rust/:
//!     cargo run --release --bin statrs_survival -- logrank ../../data/trial.csv
//! Prints what ../../rust/main.rs prints. One difference on purpose: when an arm carries
//! no information (it is never at risk beside another arm at an event time), this
//! version does what R's survdiff does, drops it and tests with one degree of freedom
//! fewer; with any df the p-value is one statrs call, where the core solution only has
//! exp(-x / 2), the df = 2 case.

use statrs::distribution::{ChiSquared, ContinuousCDF};
use std::env;
use std::error::Error;
use std::fs;
use std::process;

const ARMS: [&str; 3] = ["placebo", "low", "high"];
const HALF_TOLERANCE: f64 = 1.0 / 67_108_864.0; // 2^-26, R's sqrt(.Machine$double.eps)

#[derive(Clone, Copy)]
struct Patient {
    time: u32,
    event: bool,
    arm: usize,
}

fn read_trial(path: &str) -> Result<Vec<Patient>, Box<dyn Error>> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|&h| h == name)
            .ok_or(format!("missing column \"{name}\""))
    };
    let (t, e, a) = (col("time")?, col("event")?, col("arm")?);
    let mut patients = Vec::new();
    for (i, line) in lines.enumerate().filter(|(_, l)| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let bad = |what: &str| format!("{path} line {}: {what}", i + 2);
        if f.len() != header.len() {
            return Err(bad("wrong number of fields").into());
        }
        let time = f[t].parse::<u32>().map_err(|_| bad("bad time"))?;
        let event = match f[e] {
            "0" => false,
            "1" => true,
            _ => return Err(bad("event must be 0 or 1").into()),
        };
        let arm = ARMS
            .iter()
            .position(|&name| name == f[a])
            .ok_or_else(|| bad("unknown arm"))?;
        patients.push(Patient { time, event, arm });
    }
    Ok(patients)
}

/// (time, n_risk, n_event, survival, Greenwood SE) at each event time of `sorted`.
fn kaplan_meier(sorted: &[Patient]) -> Vec<(u32, u64, u64, f64, f64)> {
    let (mut rows, mut at_risk) = (Vec::new(), sorted.len() as u64);
    let (mut s, mut greenwood) = (1.0_f64, 0.0_f64);
    for group in sorted.chunk_by(|x, y| x.time == y.time) {
        let d = group.iter().filter(|p| p.event).count() as u64;
        if d > 0 {
            let (nf, df) = (at_risk as f64, d as f64);
            s *= (nf - df) / nf;
            greenwood += df / (nf * (nf - df));
            rows.push((group[0].time, at_risk, d, s, s * greenwood.sqrt()));
        }
        at_risk -= group.len() as u64;
    }
    rows
}

fn median(rows: &[(u32, u64, u64, f64, f64)]) -> Option<f64> {
    let first = rows.iter().position(|r| r.3 < 0.5 + HALF_TOLERANCE)?;
    let t = f64::from(rows[first].0);
    match rows.get(first + 1) {
        Some(next) if (rows[first].3 - 0.5).abs() < HALF_TOLERANCE => {
            Some((t + f64::from(next.0)) / 2.0)
        }
        _ => Some(t),
    }
}

/// Observed and expected events per arm, and the variance matrix of O - E.
fn log_rank_sums(sorted: &[Patient]) -> ([f64; 3], [f64; 3], [[f64; 3]; 3]) {
    let mut at_risk = [0.0_f64; 3];
    sorted.iter().for_each(|p| at_risk[p.arm] += 1.0);
    let (mut o, mut e, mut v) = ([0.0; 3], [0.0; 3], [[0.0; 3]; 3]);
    for group in sorted.chunk_by(|x, y| x.time == y.time) {
        let n: f64 = at_risk.iter().sum();
        let d = group.iter().filter(|p| p.event).count() as f64;
        if d > 0.0 {
            for j in 0..3 {
                o[j] += group.iter().filter(|p| p.event && p.arm == j).count() as f64;
                e[j] += d * at_risk[j] / n;
                if n > 1.0 {
                    let w = d * (n - d) / (n * n * (n - 1.0));
                    for k in 0..3 {
                        let cross = if j == k { n - at_risk[k] } else { -at_risk[k] };
                        v[j][k] += w * (at_risk[j] * cross);
                    }
                }
            }
        }
        group.iter().for_each(|p| at_risk[p.arm] -= 1.0);
    }
    (o, e, v)
}

fn fmt(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        "NA".to_string()
    } else {
        format!("{x:.decimals$}")
    }
}

fn run(command: &str, path: &str) -> Result<(), Box<dyn Error>> {
    let mut patients = read_trial(path)?;
    // Stable sort (`sort_by_key`): chunk_by below only needs equal times to be adjacent.
    patients.sort_by_key(|p| p.time);
    let arm =
        |j: usize| -> Vec<Patient> { patients.iter().copied().filter(|p| p.arm == j).collect() };
    let mut out = Vec::new();
    match command {
        "km" => {
            out.push("arm\ttime\tn_risk\tn_event\tsurvival\tse".to_string());
            for (j, name) in ARMS.iter().enumerate() {
                for (t, n, d, s, se) in kaplan_meier(&arm(j)) {
                    out.push(format!(
                        "{name}\t{t}\t{n}\t{d}\t{}\t{}",
                        fmt(s, 4),
                        fmt(se, 4)
                    ));
                }
            }
        }
        "median" => {
            out.push("arm\tn\tevents\tmedian".to_string());
            for (j, name) in ARMS.iter().enumerate() {
                let group = arm(j);
                let events = group.iter().filter(|p| p.event).count();
                let m = median(&kaplan_meier(&group)).unwrap_or(f64::NAN);
                out.push(format!("{name}\t{}\t{events}\t{}", group.len(), fmt(m, 1)));
            }
        }
        _ => {
            let (o, e, v) = log_rank_sums(&patients);
            // survdiff's rule: keep the arms whose variance is positive; df = kept - 1.
            let kept: Vec<usize> = (0..3).filter(|&j| v[j][j] > 0.0).collect();
            let u = |j: usize| o[j] - e[j];
            let chisq = match kept.len() {
                3 => {
                    // Drop one arm (V is singular) and solve the 2 x 2 system.
                    let det = v[0][0] * v[1][1] - v[0][1] * v[0][1];
                    let x0 = (v[1][1] * u(0) - v[0][1] * u(1)) / det;
                    let x1 = (v[0][0] * u(1) - v[0][1] * u(0)) / det;
                    u(0) * x0 + u(1) * x1
                }
                2 => u(kept[0]) * u(kept[0]) / v[kept[0]][kept[0]],
                _ => f64::NAN,
            };
            let df = kept.len().saturating_sub(1);
            let p = if df > 0 {
                ChiSquared::new(df as f64)?.sf(chisq)
            } else {
                f64::NAN
            };
            out.push("arm\tn\tobserved\texpected".to_string());
            for (j, name) in ARMS.iter().enumerate() {
                let n = arm(j).len();
                out.push(format!("{name}\t{n}\t{}\t{}", o[j], fmt(e[j], 4)));
            }
            out.push(format!("chisq\t{}", fmt(chisq, 6)));
            out.push(format!("df\t{df}"));
            out.push(format!("p\t{}", fmt(p, 6)));
        }
    }
    print!(
        "{}",
        out.iter().map(|l| format!("{l}\n")).collect::<String>()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 3 || !["km", "median", "logrank"].contains(&args[1].as_str()) {
        eprintln!("usage: statrs_survival km|median|logrank <trial.csv>");
        process::exit(1);
    }
    if let Err(e) = run(&args[1], &args[2]) {
        eprintln!("error: {e}");
        process::exit(1);
    }
}
