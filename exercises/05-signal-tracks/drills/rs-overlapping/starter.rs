#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval {
    start: u64,
    end: u64,
    milli: u64,
}

/// The intervals of `track` (sorted, non-overlapping) that share at least one base
/// with `start..end`, as a slice of `track`.
fn overlapping<'a>(track: &'a [Interval], start: u64, end: u64) -> &'a [Interval] {
    // Your code here: two calls to partition_point.
    let _ = (start, end);
    &track[0..0]
}
