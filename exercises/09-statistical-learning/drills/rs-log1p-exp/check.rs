// Hidden check: a main() that calls the learner's log1p_exp.
fn main() {
    let cases: [(f64, f64, &str); 6] = [
        (0.0, std::f64::consts::LN_2, "log(1 + e^0) is log 2"),
        (5.0, 5.006715348489118, "a moderate positive value"),
        (
            800.0,
            800.0,
            "e^800 overflows an f64: the answer is 800 (plus a term far below its last digit)",
        ),
        (-800.0, 0.0, "e^-800 underflows to 0, and log(1 + 0) is 0"),
        (
            -40.0,
            4.248354255291589e-18,
            "1 + e^-40 rounds to 1.0: keep the tiny value with ln_1p",
        ),
        (40.0, 40.0, "a large positive value"),
    ];
    for (x, want, why) in cases {
        let got = log1p_exp(x);
        let ok = if want == 0.0 {
            got == 0.0
        } else {
            ((got - want) / want).abs() < 1e-12
        };
        if !ok {
            panic!("log1p_exp({x}) should be {want:e}, got {got:e}: {why}");
        }
    }
}
