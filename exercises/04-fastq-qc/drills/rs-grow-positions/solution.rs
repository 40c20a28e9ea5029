/// Adds one read's Phred+33 quality line to the per-position sums and counts.
fn add_read(sums: &mut Vec<u64>, counts: &mut Vec<u64>, qual: &[u8]) {
    // Grow, never shrink: positions past this read keep what longer reads added.
    if qual.len() > sums.len() {
        sums.resize(qual.len(), 0);
        counts.resize(qual.len(), 0);
    }
    for (i, &byte) in qual.iter().enumerate() {
        sums[i] += u64::from(byte - 33);
        counts[i] += 1;
    }
}
