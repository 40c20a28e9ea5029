// Hidden check: a main() that calls the learner's to_inputs.
fn main() {
    let row = vec![61.0, 1.0, 24.3, 131.2, 0.0, 1.0];
    match to_inputs(&row) {
        Ok(x) if x == [61.0, 1.0, 24.3, 131.2, 0.0, 1.0] => {}
        other => panic!("to_inputs({row:?}) should be Ok with the same six numbers, got {other:?}"),
    }
    match to_inputs(&row[..5]) {
        Err(message) if message.contains("found 5") => {}
        other => {
            panic!("to_inputs of 5 numbers should be an Err saying \"found 5\", got {other:?}")
        }
    }
    match to_inputs(&[]) {
        Err(message) if message.contains("found 0") => {}
        other => {
            panic!("to_inputs of no numbers should be an Err saying \"found 0\", got {other:?}")
        }
    }
}
