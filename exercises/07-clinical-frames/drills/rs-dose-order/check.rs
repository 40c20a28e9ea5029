// Hidden check: a main() that calls the learner's arm_counts and compares the order.
fn main() {
    use Arm::{High, Low, Placebo};
    let cases: Vec<(Vec<Arm>, Vec<(Arm, usize)>, &str)> = vec![
        (
            vec![High, Placebo, Low, Placebo],
            vec![(Placebo, 2), (Low, 1), (High, 1)],
            "dose order: placebo, low, high",
        ),
        (
            vec![High, High, Low],
            vec![(Low, 1), (High, 2)],
            "an arm with no patients has no entry; low still comes before high",
        ),
        (
            vec![Placebo, High],
            vec![(Placebo, 1), (High, 1)],
            "placebo comes first",
        ),
        (vec![], vec![], "no patients, no entries"),
    ];
    for (arms, want, why) in cases {
        let got = arm_counts(&arms);
        if got != want {
            panic!("arm_counts({arms:?}) gave {got:?}, expected {want:?}: {why}");
        }
    }
}
