// Hidden check: a main() that calls the learner's tokenize_with_each.
fn main() {
    let cases: [((u64, u64), [Vec<usize>; 2], &str); 3] = [
        ((0, 1000), [vec![0], vec![0]], "one tile; one peak"),
        (
            (900, 1500),
            [vec![0, 1], vec![]],
            "two tiles; touches both peaks, overlaps neither",
        ),
        (
            (1550, 2600),
            [vec![1, 2], vec![1, 2]],
            "two tiles; two peaks",
        ),
    ];
    for ((start, end), want, why) in cases {
        let got = tokenize_with_each(start, end);
        if got != want {
            panic!("tokenize_with_each({start}, {end}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
