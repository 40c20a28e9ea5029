/// (G + C, A + C + G + T) for one sequence, counted case-insensitively.
fn gc_fraction(seq: &str) -> (u64, u64) {
    let mut gc = 0;
    let mut at = 0;
    for byte in seq.bytes() {
        match byte {
            b'G' | b'C' | b'g' | b'c' => gc += 1,
            b'A' | b'T' | b'a' | b't' => at += 1,
            _ => {}
        }
    }
    (gc, gc + at)
}
