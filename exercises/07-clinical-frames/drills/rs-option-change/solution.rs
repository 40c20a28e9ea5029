struct Patient {
    baseline: f64,
    /// None: the week-12 value is missing.
    week12: Option<f64>,
}

/// Mean percent change from baseline among the patients with a week-12 value;
/// None when nobody has one.
fn mean_change(patients: &[Patient]) -> Option<f64> {
    let mut total = 0.0;
    let mut n = 0;
    for p in patients {
        // Only a patient with a value gets in; `week12` is a plain f64 inside.
        if let Some(week12) = p.week12 {
            total += 100.0 * (week12 - p.baseline) / p.baseline;
            n += 1;
        }
    }
    if n == 0 {
        None
    } else {
        Some(total / n as f64)
    }
}
