/// One step of the walk back through the score grid, as in the lesson.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Move {
    /// a[i - 1] against b[j - 1]: to (i - 1, j - 1).
    Diagonal,
    /// a[i - 1] against '-', a gap in b: to (i - 1, j).
    Up,
    /// '-' against b[j - 1], a gap in a: to (i, j - 1).
    Left,
}

/// The two aligned rows, given the moves of the walk back in the order they were made:
/// the first move is the one taken at the bottom-right corner (i = a.len(), j = b.len()).
fn rows_from_moves(a: &[u8], b: &[u8], moves: &[Move]) -> (String, String) {
    // Your code here: start at (a.len(), b.len()) and `match` on each move.
    let _ = (a, b, moves);
    (String::new(), String::new())
}
