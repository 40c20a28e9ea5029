/// A dense matrix in one flat, row-major Vec: entry (i, j) is data[i * cols + j].
struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    fn ncols(&self) -> usize {
        self.cols
    }
}

/// Subtracts each row's mean from that row, in place.
fn center_rows(m: &mut Matrix) {
    for row in m.data.chunks_exact_mut(m.ncols()) {
        let mean = row.iter().sum::<f64>() / m.ncols() as f64;
        for v in row.iter_mut() {
            *v -= mean;
        }
    }
}
