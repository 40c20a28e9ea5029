/// Sorts peaks by mean signal, highest first; equal means by name, A to Z.
fn rank(peaks: &mut Vec<(String, f64)>) {
    peaks.sort_by_key(|(name, mean)| (-*mean, name.clone()));
}
