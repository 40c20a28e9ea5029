/// The six inputs of one patient as a fixed-size array, or an error naming how many came.
fn to_inputs(values: &[f64]) -> Result<[f64; 6], String> {
    if values.len() != 6 {
        return Err(format!("expected 6 inputs, found {}", values.len()));
    }
    let mut inputs = [0.0; 6];
    inputs.copy_from_slice(values); // copies the 6 numbers into the array
    Ok(inputs)
}
