// Hidden check: a main() that calls the learner's empty_grid.
fn main() {
    let cases: [(usize, usize, &[i32], &str); 3] = [
        (2, 3, &[0, -2, -4, -6, -2, 0, 0, 0, -4, 0, 0, 0], "a 3 x 4 grid, row after row"),
        (1, 1, &[0, -2, -2, 0], "one base against one base"),
        (3, 0, &[0, -2, -4, -6], "a sequence against nothing: one column"),
    ];
    for (n, m, want, why) in cases {
        let got = empty_grid(n, m);
        if got != want {
            panic!("empty_grid({n}, {m}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
