// Hidden check: a main() that centres a small matrix with the learner's center_rows.
fn main() {
    let mut m = Matrix {
        rows: 2,
        cols: 3,
        data: vec![1.0, 2.0, 3.0, 10.0, 10.0, 40.0],
    };
    center_rows(&mut m);
    let want = [-1.0, 0.0, 1.0, -10.0, -10.0, 20.0];
    if m.data != want || m.rows != 2 || m.ncols() != 3 {
        panic!(
            "center_rows should turn [[1, 2, 3], [10, 10, 40]] into {want:?}, got {:?}",
            m.data
        );
    }
}
