/// Learn from data, then predict.
trait Model {
    fn fit(&self, y: &[f64]);
    fn predict(&self, n: usize) -> Vec<f64>;
}

/// Predicts the mean of the data it was fitted on.
struct MeanModel {
    mean: f64,
}

impl Model for MeanModel {
    fn fit(&self, y: &[f64]) {
        let mut total = 0.0;
        for v in y {
            total += v;
        }
        self.mean = total / y.len() as f64;
    }

    fn predict(&self, n: usize) -> Vec<f64> {
        vec![self.mean; n]
    }
}
