/// y = b + W x for a layer with IN inputs and OUT outputs, each output summed from its
/// bias, then left to right.
fn dense_forward<const IN: usize, const OUT: usize>(
    w: &[[f64; IN]; OUT],
    b: &[f64; OUT],
    x: &[f64; IN],
) -> [f64; OUT] {
    let mut y = *b; // a copy of the biases: [f64; OUT] is Copy
    for (y_o, row) in y.iter_mut().zip(w) {
        *y_o = row
            .iter()
            .zip(x)
            .fold(*y_o, |acc, (w_i, x_i)| acc + w_i * x_i);
    }
    y
}
