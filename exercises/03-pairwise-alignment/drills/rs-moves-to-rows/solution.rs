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
    let (mut i, mut j) = (a.len(), b.len());
    let mut row_a = Vec::new();
    let mut row_b = Vec::new();
    for step in moves {
        match step {
            Move::Diagonal => {
                row_a.push(a[i - 1]);
                row_b.push(b[j - 1]);
                i -= 1;
                j -= 1;
            }
            Move::Up => {
                row_a.push(a[i - 1]);
                row_b.push(b'-');
                i -= 1;
            }
            Move::Left => {
                row_a.push(b'-');
                row_b.push(b[j - 1]);
                j -= 1;
            }
        }
    }
    // The walk went from the end to the start: reverse once.
    row_a.reverse();
    row_b.reverse();
    (
        String::from_utf8_lossy(&row_a).into_owned(),
        String::from_utf8_lossy(&row_b).into_owned(),
    )
}
