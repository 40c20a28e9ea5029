// Hidden check: a main() that calls the learner's dense_forward on small layers.
fn main() {
    let y = dense_forward(
        &[[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]],
        &[0.5, -1.0],
        &[1.0, 1.0, 2.0],
    );
    if y != [9.5, -1.5] {
        panic!("dense_forward(w = [[1, 2, 3], [-1, 0.5, 0]], b = [0.5, -1], x = [1, 1, 2]) should be [9.5, -1.5], got {y:?}");
    }
    let y = dense_forward(&[[0.0; 4]; 3], &[1.0, 2.0, 3.0], &[5.0, 6.0, 7.0, 8.0]);
    if y != [1.0, 2.0, 3.0] {
        panic!("with all weights 0 every output is its bias: expected [1.0, 2.0, 3.0], got {y:?}");
    }
    // 1e16 + 1 rounds back to 1e16 (doubles there are 2 apart), so the order shows:
    // bias first gives (1e16 + 1) + 1 = 1e16; the products first give 1e16 + 2.
    let y = dense_forward(&[[1.0, 1.0]], &[1e16], &[1.0, 1.0]);
    if y != [1e16] {
        panic!("b = [1e16], w = [[1, 1]], x = [1, 1] should give [1e16] when you add the bias first and then each product, got {y:?}: start the running total at the bias, not at 0");
    }
}
