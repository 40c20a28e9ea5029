// Hidden check: a main() that calls the learner's rows_from_moves.
fn main() {
    use Move::{Diagonal as D, Left as L, Up as U};
    let cases: [(&str, &str, &[Move], (&str, &str), &str); 5] = [
        ("ACGT", "ACGT", &[D, D, D, D], ("ACGT", "ACGT"), "four diagonal moves"),
        ("ACGT", "ACT", &[D, U, D, D], ("ACGT", "AC-T"), "Up puts a base of a against '-'"),
        ("ACT", "ACGT", &[D, L, D, D], ("AC-T", "ACGT"), "Left puts '-' against a base of b"),
        ("G", "TGA", &[L, D, L], ("-G-", "TGA"), "the first move is the LAST column: reverse at the end"),
        ("CAAAG", "CAAG", &[D, D, D, U, D], ("CAAAG", "C-AAG"), "the gap at the left end of the run of A's"),
    ];
    for (a, b, moves, (want_a, want_b), why) in cases {
        let (got_a, got_b) = rows_from_moves(a.as_bytes(), b.as_bytes(), moves);
        if got_a != want_a || got_b != want_b {
            panic!(
                "rows_from_moves({a:?}, {b:?}, {moves:?}) should be ({want_a:?}, {want_b:?}), got ({got_a:?}, {got_b:?}): {why}"
            );
        }
    }
}
