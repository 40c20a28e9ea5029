/// (G + C, A + C + G + T) for one sequence, counted case-insensitively.
fn gc_fraction(seq: &str) -> (u64, u64) {
    // Your code here: look at seq.bytes().
    let _ = seq;
    (0, 0)
}
