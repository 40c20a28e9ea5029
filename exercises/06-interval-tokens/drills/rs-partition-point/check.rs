// Hidden check: a main() that compares the learner's overlapping() with the obvious loop.
fn main() {
    let starts: [u64; 5] = [100, 200, 500, 900, 1000];
    let ends: [u64; 5] = [200, 300, 800, 1000, 1010];
    let named: [((u64, u64), std::ops::Range<usize>, &str); 5] = [
        ((150, 250), 0..2, "1 bp or more of two touching regions"),
        (
            (300, 500),
            2..2,
            "exactly the gap: it touches two regions and overlaps neither",
        ),
        (
            (50, 100),
            0..0,
            "half-open: a query ending at 100 stops before region 0 starts",
        ),
        ((199, 200), 0..1, "base 199 is the last base of region 0"),
        ((999, 1001), 3..5, "1 bp of two touching regions"),
    ];
    for ((start, end), want, why) in named {
        let got = overlapping(&starts, &ends, start, end);
        if got.clone().ne(want.clone()) {
            panic!(
                "overlapping(.., {start}, {end}) should give indices {:?}, got {:?}: {why}",
                want.collect::<Vec<_>>(),
                got.collect::<Vec<_>>()
            );
        }
    }
    for start in 0..1100u64 {
        for end in start + 1..=1100 {
            let want: Vec<usize> = (0..starts.len())
                .filter(|&i| starts[i] < end && start < ends[i])
                .collect();
            let got: Vec<usize> = overlapping(&starts, &ends, start, end).collect();
            if got != want {
                panic!("overlapping(.., {start}, {end}) should give indices {want:?}, got {got:?}");
            }
        }
    }
    if !overlapping(&[], &[], 0, 10).eq(0..0) {
        panic!("an empty chromosome has no overlaps");
    }
}
