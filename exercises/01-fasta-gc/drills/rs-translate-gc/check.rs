// Hidden check: a main() that calls the learner's gc_fraction and stops at the first wrong answer.
fn main() {
    let cases: [(&str, (u64, u64), &str); 8] = [
        ("GGCC", (4, 4), "every base is G or C"),
        ("ATAT", (0, 4), "A and T belong in the second number"),
        ("acgt", (2, 4), "lowercase (soft-masked) bases still count"),
        ("ACGTNN", (2, 4), "N is an unknown base: it belongs in neither number"),
        ("GCSSWW", (2, 2), "S and W are IUPAC codes, not G, C, A or T"),
        ("NNNN", (0, 0), "a sequence of only N has nothing to count"),
        ("", (0, 0), "an empty sequence gives (0, 0)"),
        ("GgCcAaTtRYKM", (4, 8), "mixed case and IUPAC codes together"),
    ];
    for (seq, want, why) in cases {
        let got = gc_fraction(seq);
        if got != want {
            panic!("gc_fraction({seq:?}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
