struct Interval {
    start: u64,
    end: u64,
    milli: u64,
}

struct Window {
    start: u64,
    end: u64,
}

/// The intervals of `track` that share a base with `window`, as a slice of `track`.
fn overlapping<'a>(track: &'a [Interval], window: &Window) -> &'a [Interval] {
    let first = track.partition_point(|iv| iv.end <= window.start);
    let count = track[first..].partition_point(|iv| iv.start < window.end);
    &track[first..first + count]
}
