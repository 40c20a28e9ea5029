// Hidden check: a main() that calls the learner's median_survival.
fn main() {
    let cases: [(&[(u32, f64)], Option<f64>, &str); 8] = [
        (
            &[(2, 0.6667), (4, 0.5), (9, 0.0)],
            Some(6.5),
            "flat at one half from day 4 to day 9: the midpoint",
        ),
        (
            &[(3, 0.8571), (5, 0.5714), (8, 0.3810)],
            Some(8.0),
            "the first day below one half",
        ),
        (
            &[(6, 0.8333), (11, 0.625)],
            None,
            "never reaches one half: not reached",
        ),
        (
            &[(3, 0.4), (7, 0.1)],
            Some(3.0),
            "below one half at the first event day",
        ),
        (
            &[(4, 0.5)],
            Some(4.0),
            "at one half on the last event day: no later drop, so that day",
        ),
        (
            &[(4, 0.49999999999999994), (9, 0.2)],
            Some(6.5),
            "0.49999999999999994 is one half to within the tolerance",
        ),
        (
            &[(4, 0.5000000000000001), (9, 0.2)],
            Some(6.5),
            "0.5000000000000001 is one half too: compare with the tolerance",
        ),
        (&[], None, "no event days at all"),
    ];
    for (rows, want, why) in cases {
        let got = median_survival(rows);
        if got != want {
            panic!("median_survival({rows:?}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
