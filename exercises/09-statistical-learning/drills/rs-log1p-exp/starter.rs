/// log(1 + eˣ), the softplus function.
fn log1p_exp(x: f64) -> f64 {
    (1.0 + x.exp()).ln()
}
