use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Arm {
    High,
    Low,
    Placebo,
}

/// The number of patients in each arm that has any, in dose order: placebo, low, high.
fn arm_counts(arms: &[Arm]) -> Vec<(Arm, usize)> {
    let mut counts = BTreeMap::new();
    for &arm in arms {
        *counts.entry(arm).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}
