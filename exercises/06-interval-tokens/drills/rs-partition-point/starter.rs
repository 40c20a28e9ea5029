use std::ops::Range;

/// Indices of the sorted, non-overlapping regions that share >= 1 bp with `start..end`.
fn overlapping(starts: &[u64], ends: &[u64], start: u64, end: u64) -> Range<usize> {
    // Your code here: two calls to partition_point.
    let _ = (starts, ends, start, end);
    0..0
}
