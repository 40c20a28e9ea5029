use std::collections::HashMap;

/// Calls `found` on every `k`-long window of `seq`, left to right.
/// FnMut: the closure may change what it captured (here, the counts).
fn for_each_window(seq: &[u8], k: usize, mut found: impl FnMut(&[u8])) {
    for window in seq.windows(k) {
        found(window);
    }
}

/// How often each k-long window occurs in `seq`.
fn count_windows(seq: &[u8], k: usize) -> HashMap<Vec<u8>, u64> {
    let mut counts = HashMap::new();
    for_each_window(seq, k, |window| {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    });
    counts
}
