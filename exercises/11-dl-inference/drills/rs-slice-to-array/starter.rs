/// The six inputs of one patient as a fixed-size array, or an error naming how many came.
fn to_inputs(values: &[f64]) -> Result<[f64; 6], String> {
    if values.len() != 6 {
        return Err(format!("expected 6 inputs, found {}", values.len()));
    }
    Ok(values)
}
