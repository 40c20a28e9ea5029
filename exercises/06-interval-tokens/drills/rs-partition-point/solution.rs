use std::ops::Range;

/// Indices of the sorted, non-overlapping regions that share >= 1 bp with `start..end`.
fn overlapping(starts: &[u64], ends: &[u64], start: u64, end: u64) -> Range<usize> {
    // Regions that end at or before `start` are all to the left of the query ...
    let first = ends.partition_point(|&e| e <= start);
    // ... and regions that start before `end` are all the others up to `last`.
    let last = starts.partition_point(|&s| s < end);
    first..last
}
