const GAP: i32 = -2;

/// An empty (n + 1) × (m + 1) score grid in one Vec, row after row: cell (i, j) is at
/// index i * (m + 1) + j. Column 0 and row 0 hold the score of a prefix against nothing:
/// i gap positions score i * GAP, j gap positions j * GAP. Every other cell is 0.
fn empty_grid(n: usize, m: usize) -> Vec<i32> {
    let cols = m + 1;
    let mut cells = vec![0; (n + 1) * cols];
    for i in 1..=n {
        cells[i * cols] = i * GAP;
    }
    for j in 1..=m {
        cells[j] = j * GAP;
    }
    cells
}
