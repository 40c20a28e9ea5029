/// R's tolerance for "the curve is exactly at one half": 2^-26.
const TOLERANCE: f64 = 1.0 / 67_108_864.0;

/// The median survival time from (day, S(day)) rows; None when it is not reached.
fn median_survival(rows: &[(u32, f64)]) -> Option<f64> {
    let first = rows.iter().position(|&(_, s)| s < 0.5 + TOLERANCE)?;
    let (day, s) = rows[first];
    if (s - 0.5).abs() < TOLERANCE {
        if let Some(&(next, _)) = rows.get(first + 1) {
            return Some((f64::from(day) + f64::from(next)) / 2.0);
        }
    }
    Some(f64::from(day))
}
