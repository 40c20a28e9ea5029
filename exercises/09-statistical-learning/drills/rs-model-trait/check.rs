// Hidden check: a main() that fits the learner's MeanModel through the Model trait.
fn main() {
    let mut model = MeanModel { mean: 0.0 };
    model.fit(&[1.0, 2.0, 6.0]);
    let got = model.predict(2);
    if got != vec![3.0, 3.0] {
        panic!("after fit(&[1.0, 2.0, 6.0]), predict(2) should be [3.0, 3.0], got {got:?}");
    }
    // Through a generic function too: the trait, not just the struct, must say how fit borrows.
    fn refit<M: Model>(m: &mut M, y: &[f64]) -> Vec<f64> {
        m.fit(y);
        m.predict(1)
    }
    let again = refit(&mut model, &[10.0]);
    if again != vec![10.0] {
        panic!("refitting on [10.0] should predict [10.0], got {again:?}");
    }
}
