/// G = Z Zᵀ of the samples: `z` is genes × n, row-major; the result is n × n, row-major.
fn gram(z: &[f64], n: usize) -> Vec<f64> {
    let mut g = vec![0.0; n * n];
    // One gene (one row of z) at a time: its outer product is added to G.
    for row in z.chunks_exact(n) {
        for i in 0..n {
            for j in 0..n {
                g[i * n + j] += row[i] * row[j];
            }
        }
    }
    g
}
