/// The distinct event times, earliest first; `patients` holds (time in months, event).
fn event_times(patients: &[(f64, bool)]) -> Vec<f64> {
    let mut times: Vec<f64> = patients.iter().filter(|p| p.1).map(|p| p.0).collect();
    times.sort();
    times.dedup();
    times
}
