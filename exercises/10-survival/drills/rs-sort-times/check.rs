// Hidden check: a main() that calls the learner's event_times.
fn main() {
    let same = |got: &[f64], want: &[f64]| {
        got.len() == want.len()
            && got
                .iter()
                .zip(want)
                .all(|(g, w)| g == w || (g.is_nan() && w.is_nan()))
    };
    let cases: [(&[(f64, bool)], &[f64], &str); 4] = [
        (
            &[(7.5, true), (2.25, true), (7.5, true), (3.0, false)],
            &[2.25, 7.5],
            "ties are merged, censored times left out",
        ),
        (
            &[(12.0, false), (1.5, true), (0.5, true)],
            &[0.5, 1.5],
            "earliest first",
        ),
        (
            &[(4.0, true), (f64::NAN, true), (1.0, true)],
            &[1.0, 4.0, f64::NAN],
            "a NaN time must not panic: it goes last",
        ),
        (&[(3.0, false)], &[], "no events, no times"),
    ];
    for (patients, want, why) in cases {
        let got = event_times(patients);
        if !same(&got, want) {
            panic!("event_times({patients:?}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
