// Hidden check: a main() that calls the learner's mean_change on small trials.
fn main() {
    let p = |baseline: f64, week12: Option<f64>| Patient { baseline, week12 };
    let cases: Vec<(Vec<Patient>, Option<f64>, &str)> = vec![
        (
            vec![p(100.0, Some(80.0)), p(200.0, Some(220.0))],
            Some(-5.0),
            "-20% and +10% average to -5%",
        ),
        (
            vec![p(100.0, Some(80.0)), p(150.0, None)],
            Some(-20.0),
            "a missing week-12 value is left out, not counted as 0",
        ),
        (
            vec![p(120.0, None), p(90.0, None)],
            None,
            "nobody with a week-12 value: None, not 0 or NaN",
        ),
        (vec![], None, "no patients at all: None"),
        (
            vec![p(50.0, None), p(50.0, Some(60.0)), p(40.0, None)],
            Some(20.0),
            "only the one measured patient counts",
        ),
    ];
    for (patients, want, why) in cases {
        let got = mean_change(&patients);
        let ok = match (got, want) {
            (Some(g), Some(w)) => (g - w).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        };
        if !ok {
            panic!("mean_change gave {got:?}, expected {want:?}: {why}");
        }
    }
}
