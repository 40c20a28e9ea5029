/// log(1 + eˣ), the softplus function, finite and accurate for every finite x:
/// log(1 + eˣ) = max(x, 0) + log(1 + e^(−|x|)), and e^(−|x|) ≤ 1 cannot overflow.
fn log1p_exp(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}
