/// Sorts peaks by mean signal, highest first; equal means by name, A to Z.
fn rank(peaks: &mut Vec<(String, f64)>) {
    // f64 is only PartialOrd (NaN compares with nothing), so there is no sort_by_key on
    // it; total_cmp gives every f64 a place. b before a: highest first.
    peaks.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
}
