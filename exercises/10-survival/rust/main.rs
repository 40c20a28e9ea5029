//! Kaplan–Meier curves, median survival and the log-rank test for a three-arm trial.
//!
//! Usage: main km|median|logrank trial.csv
//! std only, so it compiles to WebAssembly and runs in the browser. The statistics live
//! in three pure functions (`kaplan_meier`, `median_survival`, `log_rank`) that take
//! slices and return plain values: the "engine" that a Python or R cockpit could call.

use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

/// The arms in the order every table lists them.
const ARMS: [&str; 3] = ["placebo", "low", "high"];

/// R's tolerance for "the curve is exactly at 0.5": sqrt(.Machine$double.eps) = 2^-26.
const HALF_TOLERANCE: f64 = 1.0 / 67_108_864.0;

// region: patient
/// One row of the trial, reduced to what survival analysis needs. `Copy`: three small
/// numbers, so sorting moves them around as cheaply as integers.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Patient {
    /// Whole days from randomisation to the event or to censoring.
    time: u32,
    /// true: the event was observed at `time`; false: censored (still event-free then).
    event: bool,
    /// Index into `ARMS`.
    arm: usize,
}
// endregion

// region: parse
/// Reads the trial CSV; the columns `time`, `event` and `arm` are found by name.
fn parse_trial(path: &str, text: &str) -> Result<Vec<Patient>, String> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, line)) => line.split(',').collect(),
        None => return Err(format!("{path}: the file is empty (no header line)")),
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|&h| h == name)
            .ok_or_else(|| format!("{path}: missing column \"{name}\" (need time, event and arm)"))
    };
    let (time_col, event_col, arm_col) = (column("time")?, column("event")?, column("arm")?);

    let mut patients = Vec::new();
    for (index, line) in lines {
        if line.is_empty() {
            continue;
        }
        let at = |what: String| format!("{path} line {}: {what}", index + 1);
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != header.len() {
            let got = fields.len();
            return Err(at(format!("expected {} fields, got {got}", header.len())));
        }
        let time = parse_days(fields[time_col]).map_err(at)?;
        let event = match fields[event_col] {
            "1" => true,
            "0" => false,
            other => return Err(at(format!("event must be 0 or 1, got \"{other}\""))),
        };
        let arm = ARMS
            .iter()
            .position(|&a| a == fields[arm_col])
            .ok_or_else(|| {
                let label = fields[arm_col];
                at(format!(
                    "unknown arm \"{label}\" (expected placebo, low or high)"
                ))
            })?;
        patients.push(Patient { time, event, arm });
    }
    for (arm, name) in ARMS.iter().enumerate() {
        if !patients.iter().any(|p| p.arm == arm) {
            return Err(format!("{path}: no patients in arm {name}"));
        }
    }
    Ok(patients)
}

/// A time is a whole number of days: an optional minus sign and 1 to 9 digits (so it
/// fits a u32, and R's 32-bit integers, with room to spare); negative is refused.
fn parse_days(field: &str) -> Result<u32, String> {
    let digits = field.strip_prefix('-').unwrap_or(field);
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("time \"{field}\" is not a whole number of days"));
    }
    let days: u32 = digits
        .parse()
        .expect("at most 9 ASCII digits always fit a u32");
    if field.starts_with('-') && days > 0 {
        return Err(format!("time {field} is negative"));
    }
    Ok(days)
}
// endregion

// region: sort
/// Sorts by time and, at equal times, puts events before censorings: a patient
/// censored on day t was still followed on day t, so still at risk for that day's
/// events. `sort_unstable_by_key` is enough: patients with equal keys are
/// interchangeable for every count below, so their relative order cannot matter.
fn sort_for_survival(patients: &mut [Patient]) {
    patients.sort_unstable_by_key(|p| (p.time, !p.event));
}
// endregion

// region: km
/// One row of the Kaplan–Meier table: a time with at least one event.
#[derive(Debug)]
struct KmRow {
    time: u32,
    n_risk: u64,
    n_event: u64,
    survival: f64,
    /// Greenwood's standard error of `survival`; NaN where the risk set empties.
    se: f64,
}

/// The Kaplan–Meier estimate for one arm, from patients sorted by `sort_for_survival`.
fn kaplan_meier(sorted: &[Patient]) -> Vec<KmRow> {
    let mut rows = Vec::new();
    let mut at_risk = sorted.len() as u64;
    let mut survival = 1.0_f64;
    let mut greenwood = 0.0_f64; // the running sum of d / (n (n - d))
    let mut i = 0;
    while i < sorted.len() {
        let time = sorted[i].time;
        let n_risk = at_risk;
        // Events come first among the patients of day `time`: count them...
        let mut n_event = 0;
        while i < sorted.len() && sorted[i].time == time && sorted[i].event {
            n_event += 1;
            i += 1;
        }
        // ...then step over that day's censorings: they were at risk, had no event.
        let mut n_censored = 0;
        while i < sorted.len() && sorted[i].time == time {
            n_censored += 1;
            i += 1;
        }
        at_risk -= n_event + n_censored;
        if n_event > 0 {
            let (n, d) = (n_risk as f64, n_event as f64);
            survival *= (n - d) / n;
            // When every patient at risk has the event, n - d = 0: d / 0.0 is +inf (not
            // a panic: that is integer division), and survival * sqrt(inf) = 0 * inf = NaN.
            greenwood += d / (n * (n - d));
            let se = survival * greenwood.sqrt();
            rows.push(KmRow {
                time,
                n_risk,
                n_event,
                survival,
                se,
            });
        }
    }
    rows
}
// endregion

// region: median
/// The median survival time as R's print.survfit() defines it: the first event time
/// where S(t) <= 0.5; if S(t) is 0.5 there (to within R's tolerance) and falls further
/// later, the midpoint between that time and the next event time. None: not reached.
fn median_survival(rows: &[KmRow]) -> Option<f64> {
    let first = rows
        .iter()
        .position(|r| r.survival < 0.5 + HALF_TOLERANCE)?;
    let time = f64::from(rows[first].time);
    if (rows[first].survival - 0.5).abs() < HALF_TOLERANCE {
        if let Some(next) = rows.get(first + 1) {
            return Some((time + f64::from(next.time)) / 2.0);
        }
    }
    Some(time)
}
// endregion

// region: logrank
struct LogRank {
    observed: [u64; 3],
    expected: [f64; 3],
    chisq: f64,
    p_value: f64,
}

/// The log-rank test of the three arms, from all patients sorted by `sort_for_survival`.
/// At each event time, with n at risk (n_j in arm j) and d events: E_j += d n_j / n and
/// V_jk += d (n - d) / (n^2 (n - 1)) * n_j (n [j == k] - n_k).
fn log_rank(sorted: &[Patient]) -> LogRank {
    let mut at_risk = [0_u64; 3];
    for p in sorted {
        at_risk[p.arm] += 1;
    }
    let mut observed = [0_u64; 3];
    let mut expected = [0.0_f64; 3];
    let mut var = [[0.0_f64; 3]; 3];
    let mut i = 0;
    while i < sorted.len() {
        let time = sorted[i].time;
        let mut deaths = [0_u64; 3];
        let mut leaving = [0_u64; 3];
        while i < sorted.len() && sorted[i].time == time {
            let p = sorted[i];
            deaths[p.arm] += u64::from(p.event);
            leaving[p.arm] += 1;
            i += 1;
        }
        let n: u64 = at_risk.iter().sum();
        let d: u64 = deaths.iter().sum();
        if d > 0 {
            for j in 0..3 {
                observed[j] += deaths[j];
                expected[j] += (d * at_risk[j]) as f64 / n as f64;
            }
            // With one patient at risk the hypergeometric variance is 0 (and the
            // formula would divide by n - 1 = 0).
            if n > 1 {
                let w = (d * (n - d)) as f64 / (n * n * (n - 1)) as f64;
                for j in 0..3 {
                    let nj = at_risk[j] as f64;
                    for k in 0..3 {
                        let nk = at_risk[k] as f64;
                        let cross = if j == k { n as f64 - nk } else { -nk };
                        var[j][k] += w * (nj * cross);
                    }
                }
            }
        }
        for j in 0..3 {
            at_risk[j] -= leaving[j];
        }
    }
    // region: solve
    // O - E sums to zero over the arms, so V is singular: drop the last arm and solve
    // the 2 x 2 system V x = u by Cramer's rule. chisq = u . x = u' V^-1 u.
    let u = [
        observed[0] as f64 - expected[0],
        observed[1] as f64 - expected[1],
    ];
    let (v00, v01, v11) = (var[0][0], var[0][1], var[1][1]);
    let det = v00 * v11 - v01 * v01;
    let x = [
        (v11 * u[0] - v01 * u[1]) / det,
        (v00 * u[1] - v01 * u[0]) / det,
    ];
    let mut chisq = u[0] * x[0] + u[1] * x[1];
    // An arm with V_jj = 0 was never at risk beside another arm at an event time: it
    // carries no information and V has rank < 2 (R's survdiff then drops a degree of
    // freedom). The task reports NA rather than a p-value on the wrong df.
    if (0..3).any(|j| var[j][j] == 0.0) || det <= 0.0 {
        chisq = f64::NAN;
    }
    // With 2 degrees of freedom the chi-square upper tail is exactly exp(-x / 2).
    let p_value = (-chisq / 2.0).exp();
    // endregion
    LogRank {
        observed,
        expected,
        chisq,
        p_value,
    }
}
// endregion

/// `x` with `decimals` decimals, or NA for a NaN (an undefined standard error).
fn fmt(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        "NA".to_string()
    } else {
        format!("{x:.decimals$}")
    }
}

// region: main
fn write_km(out: &mut impl Write, patients: &[Patient]) -> io::Result<()> {
    writeln!(out, "arm\ttime\tn_risk\tn_event\tsurvival\tse")?;
    for (arm, name) in ARMS.iter().enumerate() {
        let mut group: Vec<Patient> = patients.iter().copied().filter(|p| p.arm == arm).collect();
        sort_for_survival(&mut group);
        for r in kaplan_meier(&group) {
            let (s, se) = (fmt(r.survival, 4), fmt(r.se, 4));
            writeln!(
                out,
                "{name}\t{}\t{}\t{}\t{s}\t{se}",
                r.time, r.n_risk, r.n_event
            )?;
        }
    }
    Ok(())
}

fn write_median(out: &mut impl Write, patients: &[Patient]) -> io::Result<()> {
    writeln!(out, "arm\tn\tevents\tmedian")?;
    for (arm, name) in ARMS.iter().enumerate() {
        let mut group: Vec<Patient> = patients.iter().copied().filter(|p| p.arm == arm).collect();
        sort_for_survival(&mut group);
        let events = group.iter().filter(|p| p.event).count();
        let median = median_survival(&kaplan_meier(&group)).unwrap_or(f64::NAN);
        writeln!(out, "{name}\t{}\t{events}\t{}", group.len(), fmt(median, 1))?;
    }
    Ok(())
}

fn write_log_rank(out: &mut impl Write, patients: &[Patient]) -> io::Result<()> {
    let mut sorted = patients.to_vec();
    sort_for_survival(&mut sorted);
    let test = log_rank(&sorted);
    writeln!(out, "arm\tn\tobserved\texpected")?;
    for (arm, name) in ARMS.iter().enumerate() {
        let n = patients.iter().filter(|p| p.arm == arm).count();
        let e = fmt(test.expected[arm], 4);
        writeln!(out, "{name}\t{n}\t{}\t{e}", test.observed[arm])?;
    }
    writeln!(out, "chisq\t{}", fmt(test.chisq, 6))?;
    writeln!(out, "df\t2")?;
    writeln!(out, "p\t{}", fmt(test.p_value, 6))
}

fn run(command: &str, path: &str) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let patients = parse_trial(path, &text)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match command {
        "km" => write_km(&mut out, &patients),
        "median" => write_median(&mut out, &patients),
        _ => write_log_rank(&mut out, &patients),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    let known = ["km", "median", "logrank"];
    if args.len() != 3 || !known.contains(&args[1].as_str()) {
        eprintln!("usage: main km|median|logrank <trial.csv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion

// region: tests
// Property tests: thousands of small random trials (lots of ties), and the invariants
// every Kaplan–Meier table and log-rank test must satisfy. std only, so no proptest
// crate: a tiny xorshift generator makes the data. Run natively with
//     rustc --edition 2021 --test main.rs -o km_tests && ./km_tests
#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64: deterministic, so a failing case can be replayed from its seed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// 1 to 40 patients over few distinct days, so ties of every kind are common.
    fn random_trial(rng: &mut Rng) -> Vec<Patient> {
        let n = 1 + rng.below(40);
        (0..n)
            .map(|_| Patient {
                time: rng.below(12) as u32,
                event: rng.below(3) > 0,
                arm: rng.below(3) as usize,
            })
            .collect()
    }

    // region: property
    #[test]
    fn kaplan_meier_invariants_hold_on_random_trials() {
        let mut rng = Rng(0x5eed_cafe);
        for case in 0..5_000 {
            let mut trial = random_trial(&mut rng);
            sort_for_survival(&mut trial);
            let rows = kaplan_meier(&trial);
            let events = trial.iter().filter(|p| p.event).count() as u64;
            assert_eq!(
                rows.iter().map(|r| r.n_event).sum::<u64>(),
                events,
                "case {case}"
            );
            for r in &rows {
                assert!(
                    (0.0..=1.0).contains(&r.survival),
                    "case {case}: S = {}",
                    r.survival
                );
                assert!(r.n_event >= 1 && r.n_event <= r.n_risk, "case {case}");
                // NaN only where the risk set empties, i.e. where S drops to 0.
                assert_eq!(r.se.is_nan(), r.n_event == r.n_risk, "case {case}");
            }
            for w in rows.windows(2) {
                assert!(w[0].time < w[1].time, "case {case}: times increase");
                assert!(
                    w[1].n_risk < w[0].n_risk,
                    "case {case}: the risk set shrinks"
                );
                assert!(
                    w[1].survival < w[0].survival,
                    "case {case}: S falls at each event time"
                );
            }
        }
    }

    // endregion

    #[test]
    fn input_order_does_not_matter() {
        // Why an unstable sort is enough: shuffle, sort again, same table.
        let mut rng = Rng(42);
        for _ in 0..1_000 {
            let mut a = random_trial(&mut rng);
            let mut b = a.clone();
            b.reverse();
            sort_for_survival(&mut a);
            sort_for_survival(&mut b);
            let (ra, rb) = (kaplan_meier(&a), kaplan_meier(&b));
            let key = |r: &KmRow| (r.time, r.n_risk, r.n_event, r.survival.to_bits());
            assert_eq!(
                ra.iter().map(key).collect::<Vec<_>>(),
                rb.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn log_rank_expected_counts_add_up_to_the_observed_ones() {
        let mut rng = Rng(7);
        for case in 0..2_000 {
            let mut trial = random_trial(&mut rng);
            sort_for_survival(&mut trial);
            let test = log_rank(&trial);
            let o: u64 = test.observed.iter().sum();
            let e: f64 = test.expected.iter().sum();
            assert!(
                (o as f64 - e).abs() < 1e-9,
                "case {case}: sum O = {o}, sum E = {e}"
            );
            // chisq is NaN when V is singular (an arm never at risk at an event time).
            if !test.chisq.is_nan() {
                assert!(test.chisq > -1e-9, "case {case}: chisq = {}", test.chisq);
                assert!(test.p_value <= 1.0 + 1e-12, "case {case}");
            }
        }
    }

    #[test]
    fn censored_on_an_event_day_still_counts_as_at_risk() {
        // Day 4: one event and one censoring among four patients at risk.
        let mut trial: Vec<Patient> = [
            (2, true),
            (2, true),
            (4, false),
            (4, true),
            (6, false),
            (9, true),
        ]
        .iter()
        .map(|&(time, event)| Patient {
            time,
            event,
            arm: 0,
        })
        .collect();
        sort_for_survival(&mut trial);
        let rows = kaplan_meier(&trial);
        assert_eq!(
            (rows[1].time, rows[1].n_risk, rows[1].survival),
            (4, 4, 0.5)
        );
        assert_eq!(median_survival(&rows), Some(6.5));
    }

    // region: nan-order
    #[test]
    #[should_panic]
    fn partial_cmp_unwrap_panics_on_nan() {
        // NaN is not less than, equal to or greater than anything: partial_cmp says
        // None, and unwrap() turns that into a panic in the middle of the sort.
        let mut se = vec![0.19, f64::NAN, 0.13];
        se.sort_by(|a, b| a.partial_cmp(b).unwrap());
    }

    #[test]
    fn total_cmp_sorts_nan_last() {
        // total_cmp is IEEE 754's totalOrder: a real order on every f64, NaN included.
        let mut se = vec![0.19, f64::NAN, 0.13];
        se.sort_by(|a, b| a.total_cmp(b));
        assert_eq!(&se[..2], &[0.13, 0.19]);
        assert!(se[2].is_nan());
    }
    // endregion
}
// endregion
