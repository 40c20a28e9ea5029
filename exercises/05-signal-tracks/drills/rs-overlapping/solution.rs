#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval {
    start: u64,
    end: u64,
    milli: u64,
}

/// The intervals of `track` (sorted, non-overlapping) that share at least one base
/// with `start..end`, as a slice of `track`.
fn overlapping<'a>(track: &'a [Interval], start: u64, end: u64) -> &'a [Interval] {
    // First interval that ends after `start` (ending *at* `start` shares no base).
    let first = track.partition_point(|iv| iv.end <= start);
    // Of the rest, the ones that begin before `end`.
    let count = track[first..].partition_point(|iv| iv.start < end);
    &track[first..first + count]
}
