// Hidden check: a main() that feeds reads to the learner's add_read, one at a time.
fn main() {
    let mut sums: Vec<u64> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let steps: [(&[u8], &[u64], &[u64], &str); 4] = [
        (
            b"II",
            &[40, 40],
            &[1, 1],
            "a first read of 2 bases: both vectors grow from empty to 2",
        ),
        (
            b"I#5",
            &[80, 42, 20],
            &[2, 2, 1],
            "a longer read: position 3 appears, seen by 1 read",
        ),
        (
            b"5",
            &[100, 42, 20],
            &[3, 2, 1],
            "a shorter read adds to position 1 only and shrinks nothing",
        ),
        (
            b"",
            &[100, 42, 20],
            &[3, 2, 1],
            "an empty read changes nothing",
        ),
    ];
    for (qual, want_sums, want_counts, why) in steps {
        add_read(&mut sums, &mut counts, qual);
        if sums != want_sums || counts != want_counts {
            panic!(
                "after adding {:?}: sums should be {want_sums:?} and counts {want_counts:?}, got {sums:?} and {counts:?} ({why})",
                String::from_utf8_lossy(qual)
            );
        }
    }
}
