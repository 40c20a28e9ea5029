/// The distinct event times, earliest first; `patients` holds (time in months, event).
fn event_times(patients: &[(f64, bool)]) -> Vec<f64> {
    let mut times: Vec<f64> = patients.iter().filter(|p| p.1).map(|p| p.0).collect();
    // f64 is only PartialOrd (NaN is unordered), so sort() does not compile; total_cmp
    // is a total order on every f64, with NaN after +inf, and never panics.
    times.sort_by(|a, b| a.total_cmp(b));
    times.dedup();
    times
}
