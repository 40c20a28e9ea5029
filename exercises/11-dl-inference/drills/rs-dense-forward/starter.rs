/// y = b + W x for a layer with IN inputs and OUT outputs, each output summed from its
/// bias, then left to right.
fn dense_forward<const IN: usize, const OUT: usize>(
    w: &[[f64; IN]; OUT],
    b: &[f64; OUT],
    x: &[f64; IN],
) -> [f64; OUT] {
    let _ = (w, x);
    // Your code here.
    *b
}
