// Hidden check: a main() that ranks a small peak list.
fn main() {
    let mut peaks: Vec<(String, f64)> = [
        ("peak_c", 2.5),
        ("peak_a", 17.25),
        ("peak_d", 2.5),
        ("peak_b", 0.0),
        ("peak_e", 40.125),
        ("peak_f", 2.5),
    ]
    .iter()
    .map(|(name, mean)| (name.to_string(), *mean))
    .collect();
    rank(&mut peaks);
    let got: Vec<&str> = peaks.iter().map(|(name, _)| name.as_str()).collect();
    let want = ["peak_e", "peak_a", "peak_c", "peak_d", "peak_f", "peak_b"];
    if got != want {
        panic!("rank should give {want:?} (highest mean first, ties by name), got {got:?}");
    }
}
