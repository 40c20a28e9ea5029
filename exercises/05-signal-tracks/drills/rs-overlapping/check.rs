// Hidden check: a main() that calls the learner's overlapping on a small track.
fn main() {
    let iv = |start, end, milli| Interval { start, end, milli };
    let track = [
        iv(0, 100, 1500),
        iv(100, 250, 2000),
        iv(400, 500, 500),
        iv(500, 501, 9000),
        iv(800, 1000, 3000),
    ];
    let cases: [(u64, u64, &[Interval], &str); 8] = [
        (0, 50, &track[0..1], "a window inside the first interval"),
        (
            100,
            150,
            &track[1..2],
            "half-open: 0..100 ends where the window starts, so it shares no base",
        ),
        (
            250,
            400,
            &[],
            "the window is exactly the gap between two intervals",
        ),
        (
            99,
            101,
            &track[0..2],
            "base 99 is in the first interval, base 100 in the second",
        ),
        (
            450,
            801,
            &track[2..5],
            "three intervals, one of them a single base",
        ),
        (
            500,
            501,
            &track[3..4],
            "a one-base window on a one-base interval",
        ),
        (1000, 1200, &[], "after the last interval"),
        (0, 2000, &track[..], "a window over the whole track"),
    ];
    for (start, end, want, why) in cases {
        let got = overlapping(&track, start, end);
        if got != want {
            panic!("overlapping(track, {start}, {end}) should be {want:?}, got {got:?}: {why}");
        }
    }
    let none: &[Interval] = &[];
    if !overlapping(none, 0, 10).is_empty() {
        panic!("an empty track has no overlapping intervals");
    }
}
