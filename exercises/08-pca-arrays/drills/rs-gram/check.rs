// Hidden check: a main() that calls the learner's gram on small row-major matrices.
fn main() {
    let cases: [(&[f64], usize, &[f64], &str); 4] = [
        (
            &[1.0, 2.0, 3.0, 4.0],
            2,
            &[10.0, 14.0, 14.0, 20.0],
            "two genes [1, 2] and [3, 4]: G[0][1] = 1*2 + 3*4",
        ),
        (
            &[1.0, -1.0, 0.0],
            3,
            &[1.0, -1.0, 0.0, -1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
            "one gene: G is its outer product",
        ),
        (
            &[1.0, 0.0, 0.0, 1.0, 2.0, 2.0],
            2,
            &[5.0, 4.0, 4.0, 5.0],
            "three genes of two samples: entry (i, j) lives at i * n + j",
        ),
        (
            &[1.0, 2.0, 3.0, 0.5, -1.0, 2.0],
            3,
            &[1.25, 1.5, 4.0, 1.5, 5.0, 4.0, 4.0, 4.0, 13.0],
            "two genes of three samples: rows are genes, not samples",
        ),
    ];
    for (z, n, want, why) in cases {
        let got = gram(z, n);
        if got != want {
            panic!("gram({z:?}, {n}) should be {want:?}, got {got:?}: {why}");
        }
    }
    let empty: &[f64] = &[];
    let got = gram(empty, 2);
    if got != [0.0; 4] {
        panic!("gram of no genes should be all zeros, got {got:?}");
    }
}
